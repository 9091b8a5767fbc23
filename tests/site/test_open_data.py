"""The open-data files of the built site: each valid against the JSON Schema published beside
it, their counts those of the loaders, the CSV the same as the JSON, the figures on the pages
the same as in the files, and the open-data page of each language listing every file with its
real size and record count."""

from __future__ import annotations

import csv
import json
import posixpath
from decimal import Decimal

import jsonschema
import pytest

from dienbien.core.publish.opendata import size_text
from dienbien.core.publish.sitedata import load_site_data
from dienbien.core.site.addresses import SLUGS_FILE, page_addresses
from sitebuild import ROOT, SITE_URL, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = LANGUAGES
PAGES = {"vi": "du-lieu-mo/", "en": "en/open-data/"}
FILES = {  # file → (schema beside it, what the records are in the loaders)
    "du-lieu/figures.json": "du-lieu/figures.schema.json",
    "du-lieu/figures.csv": "du-lieu/figures.csv.schema.json",
    "du-lieu/places.geojson": "du-lieu/places.schema.json",
    "events.json": "events.schema.json",
    "du-lieu/ethnic-groups.json": "du-lieu/ethnic-groups.schema.json",
    "du-lieu/ethnic-groups.csv": "du-lieu/ethnic-groups.csv.schema.json",
}


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", LANGS, ROOT)


def _json(site: Site, path: str):
    return json.loads((site.root / path).read_text(encoding="utf-8"))


def _rows(site: Site, path: str) -> list[dict[str, str]]:
    with open(site.root / path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _records(site: Site, path: str) -> list:
    if path.endswith(".csv"):
        return _rows(site, path)
    document = _json(site, path)
    return document.get("features") or document.get("figures") or document.get("events") or document["groups"]


def test_every_file_is_valid_against_its_published_schema(site: Site):
    for path, schema_path in FILES.items():
        schema = _json(site, schema_path)
        assert schema["$id"] == SITE_URL + schema_path
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        if path.endswith(".csv"):
            rows = _rows(site, path)
            assert rows
            for row in rows:
                validator.validate(row)
        else:
            document = _json(site, path)
            validator.validate(document)
            assert document["$schema"] == SITE_URL + schema_path


def test_counts_match_the_loaders(site: Site, data):
    expected = {"figures": len(data.store.figures), "places": len(data.places.places),
                "events": len(data.events.events), "ethnic-groups": len(data.groups.groups)}
    assert expected["places"] == 17 and expected["ethnic-groups"] == 19
    for path in FILES:
        name = path.rsplit("/", 1)[-1].split(".")[0]
        assert len(_records(site, path)) == expected[name], path


def test_csv_files_match_the_json(site: Site):
    figures = {f["key"]: f for f in _json(site, "du-lieu/figures.json")["figures"]}
    rows = _rows(site, "du-lieu/figures.csv")
    assert [r["key"] for r in rows] == sorted(figures)
    for row in rows:
        figure = figures[row["key"]]
        assert Decimal(row["value"]) == Decimal(str(figure["value"]))
        assert row["unit"] == figure["unit"] and row["approx"] == (figure["approx"] or "")
        for lang in LANGS:
            assert row[f"label_{lang}"] == figure["label"][lang]
            assert row[f"period_{lang}"] == ((figure["period"] or {}).get(lang) or "")
            assert row[f"source_publisher_{lang}"] == figure["source"]["publisher"][lang]
        assert (row["source_url"], row["source_date"], row["source_date_precision"]) == (
            figure["source"]["url"] or "", figure["source"]["date"] or "", figure["source"]["date_precision"] or "")
    groups = {g["key"]: g for g in _json(site, "du-lieu/ethnic-groups.json")["groups"]}
    for row in _rows(site, "du-lieu/ethnic-groups.csv"):
        group = groups[row["key"]]
        assert Decimal(row["population"]) == Decimal(str(group["population"]["value"]))
        assert row["population_figure"] == group["population"]["figure"]
        assert row["name_en"] == group["name"]["en"] and row["page_vi"] == group["pages"]["vi"]


def test_figures_on_pages_agree_with_the_json(site: Site):
    """Each cited figure of a sample of pages, in both languages: the value in its <data> element
    and the text of its entry in the sources list are those of the figure of that label in the file."""
    figures = _json(site, "du-lieu/figures.json")["figures"]
    addresses = page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data" / SLUGS_FILE, ROOT)
    sample = ["index.md", "du-lich/index.md", "lich-su/di-tich/doi-a1.md", "van-hoa/dan-toc/mong.md",
              "nong-nghiep/index.md", "chuyen-di/index.md"]
    checked = 0
    for key in sample:
        for lang in LANGS:
            soup = site.page(addresses[key][lang])
            entries = {li["id"]: li for li in soup.select(".dbf-sources li[id]")}
            for ref in soup.select("sup.dbf-ref"):
                figure = ref.find_previous_sibling("span", class_="dbf")
                entry = entries[ref.a["href"].lstrip("#")]
                label, text = entry.strong.get_text(), entry.get_text()
                matches = [f for f in figures if f["label"][lang] == label and f["text"][lang] in text
                           and (f["period"] is None or f["period"][lang] in text)]
                assert matches, (key, lang, label)
                assert any(Decimal(figure.data["value"]) == Decimal(str(f["value"])) for f in matches), (key, label)
                assert any(figure.get_text() == f["text"][lang] for f in matches), (key, figure.get_text())
                checked += 1
    assert checked > 60


def test_places_and_groups_link_to_their_pages_in_both_languages(site: Site):
    for feature in _json(site, "du-lieu/places.geojson")["features"]:
        for lang, url in feature["properties"]["pages"].items():
            soup = site.page(url.removeprefix(SITE_URL))
            assert soup.html["lang"] == lang
            assert feature["properties"]["name"][lang] in soup.select_one("h1").get_text()
        short = feature["properties"]["short_url"].removeprefix(SITE_URL)
        assert (site.root / short / "index.html").is_file()
    for group in _json(site, "du-lieu/ethnic-groups.json")["groups"]:
        assert set(group["pages"]) == set(LANGS)
        for url in group["pages"].values():
            assert (site.root / url.removeprefix(SITE_URL) / "index.html").is_file()


def test_events_json_sits_next_to_the_calendars(site: Site, data):
    events = _json(site, "events.json")
    assert events["checked"] == data.events.checked.isoformat()
    for lang, url in events["calendars"].items():
        path = url.removeprefix(SITE_URL)
        assert posixpath.dirname(path) == ("" if lang == "vi" else lang)
        assert (site.root / path).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    for event in events["events"]:
        for lang, url in event["pages"].items():
            page, anchor = url.removeprefix(SITE_URL).split("#")
            assert site.page(page).find(id=anchor) is not None, (event["key"], lang)


def test_each_open_data_page_lists_every_file_with_its_size_and_records(site: Site):
    for lang, page in PAGES.items():
        soup = site.page(page)
        assert soup.html["lang"] == lang
        rows = soup.select("table.db-open-data tbody tr")
        listed = {}
        for row in rows:
            cells = row.select("td")
            link = cells[0].a["href"]
            listed[posixpath.normpath(posixpath.join(page, link))] = (cells[2].get_text(), cells[3].get_text(),
                                                                       cells[4].a["href"])
        assert set(listed) == set(FILES)
        for path, (records, size, schema_link) in listed.items():
            assert size == size_text((site.root / path).stat().st_size, lang)
            assert int(records.replace(".", "").replace(",", "")) == len(_records(site, path))
            assert posixpath.normpath(posixpath.join(page, schema_link)) == FILES[path]
        assert soup.select_one('a[rel="license"]')["href"].startswith("https://creativecommons.org/licenses/by/4.0/")
        credited = {li.get_text() for li in soup.select(".db-publishers li")}
        cited = {f["source"]["publisher"][lang] for f in _json(site, "du-lieu/figures.json")["figures"]}
        assert cited <= credited and len(credited) > 10
        # in the menu of its language, from the home page on
        home = "" if lang == "vi" else "en/"
        menu = {posixpath.normpath(posixpath.join(home, a["href"])) for a in
                site.page(home).select("nav.md-nav--primary a[href]")}
        assert page.rstrip("/") in menu
