"""The content built from data/: group and place pages, the timeline, charts, and the
editorial rules (sourced figures, no typed statistics, real pages)."""

from __future__ import annotations

import posixpath

import pytest
import yaml

from dienbien.core.data.figures import load_figure_store
from dienbien.core.data.formatting import format_figure
from dienbien.core.markdown.checks import hardcoded_statistics
from sitebuild import ROOT, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = {"vi": "", "en": "en/"}
SECTIONS = {"relic": "lich-su/di-tich", "destination": "du-lich/diem-den"}


@pytest.fixture(scope="module")
def store():
    return load_figure_store(ROOT / "data", LANGUAGES, ROOT)


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def words(site: Site, path: str) -> int:
    article = site.page(path).select_one("article")
    for unwanted in article.select(".dbf-sources, .db-facts details, .md-source-file, .headerlink"):
        unwanted.decompose()
    return len(article.get_text(" ", strip=True).split())


def test_all_groups_in_the_overview_and_with_a_page_in_both_languages(site: Site):
    groups = load("ethnic_groups.yml")["groups"]
    assert len(groups) == 19
    for lang, prefix in LANGS.items():
        table = site.page(site.version("van-hoa/", prefix)).select("article table")
        rows = [row for t in table for row in t.select("tbody tr")]
        names = [row.select("td")[1].get_text(strip=True) for row in rows]
        assert names == [g["name"][lang] for g in groups], lang  # the data file is ordered by population
        for group in groups:
            page = site.page(site.version(f"van-hoa/dan-toc/{group['key']}/", prefix))
            assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == group["name"][lang]
            assert page.select_one(".db-facts dl") is not None
            assert page.html["lang"] == lang


def test_population_chart_is_an_accessible_svg(site: Site):
    for prefix in LANGS.values():
        svg = site.page(site.version("van-hoa/", prefix)).select_one("figure.db-chart svg")
        assert svg["role"] == "img" and svg.select_one("title").get_text()
        assert len(svg.select("rect")) == 19
        assert site.page(site.version("van-hoa/", prefix)).select_one("figure.db-chart figcaption").get_text(strip=True)


def test_every_cited_figure_equals_its_data_value(site: Site, store):
    by_label: dict[str, dict[str, list]] = {lang: {} for lang in LANGS}
    for figure in store.figures.values():
        for lang in LANGS:
            by_label[lang].setdefault(figure.label[lang], []).append(figure)
    checked = 0
    for path in site.html_paths():
        lang = "en" if path.startswith("en/") else "vi"
        soup = site.page(path)
        if soup.select_one(".db-fallback"):
            continue
        for item in soup.select(".dbf-sources li"):
            label, text = item.strong.get_text(), item.get_text()
            # the entry names the figure's label and period; its value must be the data value, formatted
            candidates = [f for f in by_label[lang][label] if f.period is None or f"({f.period[lang]})" in text]
            assert any(format_figure(f, lang) in text for f in candidates), (path, label)
            checked += 1
    assert checked > 200


#: Figures written out as each language writes them: Vietnamese "." for thousands and "," for
#: decimals, English the reverse; the unit and "about" in the page's words. Each: a page that cites
#: the figure, the machine value of its <data> element, the text shown in the page, and the text of
#: its entry in the page's list of sources (the value and its period).
WRITTEN = {
    "tourism_visits_2024": ("du-lich/", "1850000", {
        "vi": ("1.850.000 lượt khách", "1.850.000 lượt khách (năm 2024)"),
        "en": ("1,850,000 visits", "1,850,000 visits (2024)")}),
    "culture_share_2019_mong": ("van-hoa/dan-toc/mong/", "38.12", {
        "vi": ("38,12%", "38,12% (Tổng điều tra dân số 1/4/2019)"),
        "en": ("38.12%", "38.12% (census of 1 April 2019)")}),
    "history_bunker_from_a1": ("lich-su/di-tich/ham-de-castries/", "1.5", {
        "vi": ("khoảng 1,5 km", "khoảng 1,5 km (năm 2024)"),
        "en": ("about 1.5 km", "about 1.5 km (2024)")}),
}


@pytest.mark.parametrize("key", WRITTEN)
def test_figures_read_as_each_language_writes_numbers(site: Site, store, key):
    path, value, written = WRITTEN[key]
    figure = store.figures[key]
    for lang, prefix in LANGS.items():
        shown, cited = written[lang]
        assert format_figure(figure, lang) == shown
        soup = site.page(site.version(path, prefix))
        in_text = [" ".join(span.get_text().split()) for span in soup.select("article span.dbf")
                   if span.data is not None and span.data["value"] == value]
        assert shown in in_text, (lang, in_text)
        entries = [" ".join(li.get_text().split()) for li in soup.select(".dbf-sources li")
                   if li.strong.get_text() == figure.label[lang]]
        assert any(f"{figure.label[lang]}: {cited}." in entry for entry in entries), (lang, entries)


def test_timeline_in_both_languages(site: Site):
    events = load("timeline.yml")["events"]
    for _lang, prefix in LANGS.items():
        page = site.page(site.version("lich-su/chien-dich-dien-bien-phu/", prefix))
        times = page.select("article li time.db-when")
        assert [t["datetime"] for t in times] == sorted(str(e["date"]) for e in events)
    assert "7/5/1954" in site.page("lich-su/chien-dich-dien-bien-phu/").get_text()
    assert "7 May 1954" in site.page("en/history/dien-bien-phu-campaign/").get_text()


def test_place_pages_have_key_facts_and_map_links(site: Site):
    places = load("places.yml")["places"]
    for place in places:
        for _lang, prefix in LANGS.items():
            page = site.page(site.version(f"{SECTIONS[place['kind']]}/{place['key']}/", prefix))
            assert page.select_one(".db-facts") is not None, place["key"]
            if "lat" in place:
                geo = page.select_one('.db-plan a[href^="geo:"]')
                assert geo["href"] == f"geo:{place['lat']:.5f},{place['lon']:.5f}"


def test_itineraries_link_to_place_pages(site: Site):
    for prefix in LANGS.values():
        trips = site.version("chuyen-di/", prefix)
        places = {site.version(f"{SECTIONS[p['kind']]}/{p['key']}/", prefix) for p in load("places.yml")["places"]}
        targets = [posixpath.normpath(posixpath.join(trips, a["href"])) + "/"
                   for a in site.page(trips).select("article a[href]") if "://" not in a["href"]]
        assert len([t for t in targets if t in places]) >= 5, prefix


def test_no_statistics_typed_into_markdown():
    """Numbers with units, separators or decimals belong in data/figures (see core/checks.py)."""
    findings = [f"{path.relative_to(ROOT)}:{line}: {text}"
                for path in sorted((ROOT / "content").rglob("*.md"))
                for line, text in hardcoded_statistics(path.read_text(encoding="utf-8"))]
    assert findings == []


def texts(value, key=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, key + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, key + (i,))
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("name", ["ethnic_groups.yml", "places.yml", "timeline.yml", "itineraries.yml",
                                  "months.yml", "charts.yml"])
def test_no_statistics_typed_into_data_texts(name):
    """Texts in data files are shown on pages too: their numbers must be figures as well."""
    findings = [(".".join(map(str, key)), found) for key, text in texts(load(name))
                for _, found in hardcoded_statistics(text)]
    assert findings == []


# A page a tourist would call "a page": the floor counts the article's words without the
# sources lists. 100 words is about two phone screens of text. The thinnest real pages
# are the fact sheets of the small ethnic groups the sources say little about (facts box,
# the sentence placing the group and the note on how the list was made); a stub or a
# page that lost its data falls well below it.
FLOOR = 100


def test_no_page_is_thinner_than_a_real_page(site: Site):
    thin = {path: words(site, path) for path in site.html_paths() if words(site, path) < FLOOR}
    assert thin == {}
