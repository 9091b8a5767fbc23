"""The site reads as a destination guide: a page at every folder address, "Plan your visit" on
every place page with dated practical facts, the trip page's practical facts, no editors' notes
in the reading text, and one form for each name."""

from __future__ import annotations

import re

import pytest
import yaml

from dienbien.core.markdown.glossary import check_site, load_glossary
from dienbien.core.markdown.phrases import load_phrases, reading_text
from sitebuild import ROOT, Site, copy_project, run_build
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = {"vi": "", "en": "en/"}
SECTIONS = {"relic": "lich-su/di-tich", "destination": "du-lich/diem-den"}
PLAN = {"vi": "Lên kế hoạch tham quan", "en": "Plan your visit"}


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def places() -> list[dict]:
    return load("places.yml")["places"]


def visiting() -> dict:
    """The practical facts as written in data/visiting/: ``places`` (each place's file, a shared price list or
    shared facts counted as its price and facts on site) and ``trip`` (the trip page's topics)."""
    folder = ROOT / "data" / "visiting"
    places = {}
    for path in sorted((folder / "places").glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        places[entry["place"]] = {name.removeprefix("shared_"): value for name, value in entry.items() if value}
    trip = folder / "trip.yml"
    return {"places": places, "trip": yaml.safe_load(trip.read_text(encoding="utf-8")) or {} if trip.is_file() else {}}


@pytest.mark.parametrize("lang", LANGS)
def test_every_folder_address_is_a_page_of_cards(site: Site, lang):
    prefix = LANGS[lang]
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    expected = {"lich-su/di-tich/": [f"{p['key']}/" for p in places() if p["kind"] == "relic"],
                "du-lich/diem-den/": [f"{p['key']}/" for p in places() if p["kind"] == "destination"],
                "van-hoa/dan-toc/": [f"{g['key']}/" for g in load("ethnic_groups.yml")["groups"]]}
    for folder, children in expected.items():
        here = site.version(folder, prefix)
        page = site.page(here)
        assert page.html["lang"] == lang and page.select_one("article h1"), folder
        cards = page.select("article .db-folder-card")
        children = [site.version(folder + child, prefix).removeprefix(here) for child in children]
        assert [c.select_one("h2 a")["href"] for c in cards] == children, folder
        assert all(c.select_one("dl dd") for c in cards), f"{folder}: each card has its key facts"
        assert f"https://dienbien.example.org/{here}</loc>" in sitemap, folder
        section = site.page(site.version(folder.split("/")[0] + "/", prefix))
        assert section.select_one(f'nav.md-nav a[href="{here.split("/")[-2]}/"]'), f"{folder} is in the menu"


def test_place_pages_open_with_the_visit_and_end_with_the_key_facts(site: Site):
    facts = visiting().get("places", {})
    for place in places():
        for lang, prefix in LANGS.items():
            path = site.version(f"{SECTIONS[place['kind']]}/{place['key']}/", prefix)
            article = site.page(path).select_one("article")
            headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
            assert headings[0] == PLAN[lang], (place["key"], lang, headings[:3])
            plan = article.select_one("dl.db-plan")
            box = article.select_one("aside.db-facts")
            assert plan is not None and box is not None, place["key"]
            assert plan.sourceline < box.sourceline, f"{place['key']}: key facts come after the visit"
            lead = article.select_one("h1").find_next_sibling()
            known = facts.get(place["key"], {})
            for field in ("hours", "price"):
                if field in known:
                    checked = plan.select("small.db-checked time[datetime]")
                    assert checked, f"{place['key']}: practical facts show when they were checked"
            if known and lead is not None and lead.name == "p":
                assert lead.sourceline < plan.sourceline


def test_practical_facts_show_their_date_and_source(site: Site):
    trip = visiting().get("trip", {})
    for prefix in LANGS.values():
        page = site.page(site.version("chuyen-di/", prefix))
        items = page.select(".db-practical > li")
        expected = sum(len(v) if isinstance(v, list) else 1 for v in trip.values())
        assert len(items) == expected
        for item in items:
            time = item.select_one("small.db-checked time")
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", time["datetime"]), item
    count = sum(1 for p in places() if {"hours", "price"} <= set(visiting().get("places", {}).get(p["key"], {})))
    shown = 0
    for place in places():
        plan = site.page(f"{SECTIONS[place['kind']]}/{place['key']}/").select_one("dl.db-plan")
        labels = {dt.get_text() for dt in plan.select("dt")}
        shown += {"Giờ mở cửa", "Giá vé"} <= labels
    assert shown == count


def test_no_editors_notes_in_any_page(site: Site):
    phrases = load_phrases(ROOT / "data" / "phrases.yml", ROOT, LANGUAGES)
    found = []
    for path in site.html_paths():
        lang = "en" if path.startswith("en/") else "vi"
        html = site.page(path)
        for hidden in html.select("script, style, .md-search, .md-header, .md-footer, .md-nav"):
            hidden.decompose()
        found += [(path, p.phrase) for p in phrases.find(reading_text(str(html)), lang)]
    assert found == []


def test_editors_notes_fail_the_build_at_their_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "content/vi/du-lich/index.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(len(lines) - 1, "Con số này có độ tin cậy thấp.")
    page.write_text("\n".join(lines), encoding="utf-8")
    places_file = project / "data/places.yml"
    text = places_file.read_text(encoding="utf-8")
    places_file.write_text(text.replace("what:\n      vi: ", "what:\n      vi: Chưa xác minh. ", 1),
                           encoding="utf-8")
    data_line = next(i for i, line in enumerate(places_file.read_text(encoding="utf-8").split("\n"), 1)
                     if "Chưa xác minh." in line)
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"content/vi/du-lich/index.md:{len(lines) - 1}: 'độ tin cậy' is a note for editors" in output, output
    assert f"data/places.yml:{data_line}: 'chưa xác minh' is a note for editors" in output, output
    assert not (project / "site").exists()


def test_one_form_for_each_name():
    glossary = load_glossary(ROOT / "data" / "glossary.yml", ROOT, LANGUAGES)
    findings = check_site(ROOT, ROOT / "content", ROOT / "data", glossary)
    assert [str(f) for f in findings] == []
