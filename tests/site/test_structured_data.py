"""schema.org JSON-LD on the built site: it parses, it uses only types and properties of the
schema.org vocabulary (tests/data/schemaorg-vocabulary.json, made by
tools/schemaorg_vocabulary.py from the official release file), each property on a type it
belongs to, and what it says matches the visible page, in the page's language."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from sitebuild import ROOT, SITE_URL, Site

pytestmark = pytest.mark.slow

VOCABULARY = json.loads((ROOT / "tests/data/schemaorg-vocabulary.json").read_text(encoding="utf-8"))
TYPES: dict[str, list[str]] = VOCABULARY["types"]
PROPERTIES: dict[str, dict[str, list[str]]] = VOCABULARY["properties"]
FORBIDDEN = {"offers", "review", "aggregateRating", "telephone", "address", "price"}


@cache
def ancestors(name: str) -> frozenset[str]:
    """The type and every type above it (schema.org types can have several parents)."""
    return frozenset({name}).union(*(ancestors(parent) for parent in TYPES[name]))


def types_of(node: dict) -> list[str]:
    value = node["@type"]
    return value if isinstance(value, list) else [value]


def problems(node, where: str) -> list[str]:
    """Every type that is not in the vocabulary and every property not valid for its node."""
    found = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += problems(item, f"{where}[{i}]")
        return found
    if not isinstance(node, dict):
        return found
    if "@graph" in node:
        return problems(node["@graph"], where + ".@graph")
    kinds = types_of(node)
    unknown = [t for t in kinds if t not in TYPES]
    if unknown:
        return [f"{where}: unknown type(s) {unknown}"]
    reach = frozenset().union(*(ancestors(t) for t in kinds))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in PROPERTIES:
            found.append(f"{where}: unknown property '{key}'")
        elif not reach & set(PROPERTIES[key]["domains"]):
            found.append(f"{where}: '{key}' is not a property of {kinds} (domains: {PROPERTIES[key]['domains']})")
        if key in FORBIDDEN:
            found.append(f"{where}: '{key}' must not be published (no invented prices, reviews or contacts)")
        found += problems(value, f"{where}.{key}")
    return found


def blocks(site: Site, path: str) -> list[dict]:
    return [json.loads(s.string) for s in site.page(path).select('script[type="application/ld+json"]')]


def nodes(data, wanted: str | None = None):
    """Every typed node in a JSON-LD value, depth first."""
    if isinstance(data, list):
        for item in data:
            yield from nodes(item, wanted)
    elif isinstance(data, dict):
        if "@type" in data and (wanted is None or wanted in types_of(data)):
            yield data
        for value in data.values():
            yield from nodes(value, wanted)


def h1(site: Site, path: str) -> str:
    return site.page(path).select_one("h1").get_text().replace("¶", "").strip()


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "vi"


def page_text(site: Site, path: str) -> str:
    return " ".join(site.page(path).select_one("article, .md-content").get_text(" ").split())


def test_the_vocabulary_file_is_the_official_release():
    assert "schemaorg-current-https.jsonld" in VOCABULARY["source"]
    assert {"TouristDestination", "TouristTrip", "Festival", "BreadcrumbList", "LandmarksOrHistoricalBuildings",
            "LakeBodyOfWater"} <= set(TYPES)
    assert "Museum" in ancestors("Museum") and "Place" in ancestors("Museum")
    assert not {"NotAType"} & set(TYPES)


def test_every_page_has_one_valid_block(site: Site):
    found = []
    for path in site.html_paths():
        data = blocks(site, path)
        if len(data) != 1:
            found.append(f"{path}: {len(data)} JSON-LD blocks")
            continue
        assert data[0]["@context"] == "https://schema.org"
        found += problems(data[0], path or "/")
    assert found == []


def test_page_name_language_and_breadcrumb_match_the_visible_page(site: Site):
    wrong = []
    for path in site.html_paths():
        soup = site.page(path)
        (page,) = nodes(blocks(site, path), "WebPage")
        lang = soup.html["lang"]
        # a page shown in the other language while its translation is pending says so
        fallback = soup.select_one("div.db-fallback + div[lang]")
        if page["inLanguage"] != (fallback["lang"] if fallback else lang) or lang != lang_of(path):
            wrong.append(f"{path}: inLanguage {page['inLanguage']}, <html lang={lang}>")
        if page["name"] != h1(site, path):
            wrong.append(f"{path}: name {page['name']!r} but the h1 reads {h1(site, path)!r}")
        if page["url"] != SITE_URL + path:
            wrong.append(f"{path}: url {page['url']}")
        crumbs = page["breadcrumb"]["itemListElement"]
        if [c["position"] for c in crumbs] != list(range(1, len(crumbs) + 1)) or crumbs[-1]["item"] != page["url"]:
            wrong.append(f"{path}: breadcrumb does not end at the page")
        nav = {" ".join(a.get_text(" ").split()) for a in soup.select("nav a, nav label")}
        home = "en/" if lang == "en" else ""
        if crumbs[0]["item"] != SITE_URL + home or crumbs[0]["name"] != h1(site, home):
            wrong.append(f"{path}: breadcrumb does not start at the home page")
        for crumb in crumbs[1:-1]:
            target = crumb["item"].removeprefix(SITE_URL)
            if not (site.root / target / "index.html").exists():
                wrong.append(f"{path}: breadcrumb link {crumb['item']} leads nowhere")
            if crumb["name"] not in nav:
                wrong.append(f"{path}: breadcrumb name {crumb['name']!r} is not shown in the menu")
        if path not in ("", "en/") and crumbs[-1]["name"] != h1(site, path):
            wrong.append(f"{path}: last breadcrumb {crumbs[-1]['name']!r} is not the h1")
    assert wrong == []


@pytest.mark.parametrize("home", ["", "en/"])
def test_home_page_describes_the_destination_and_the_site(site: Site, home):
    data = blocks(site, home)
    (destination,) = nodes(data, "TouristDestination")
    (website,) = [n for n in nodes(data, "WebSite") if "name" in n]
    text = " ".join(site.page(home).get_text(" ").split())
    assert destination["name"] in text
    assert website["name"] == site.page(home).select_one('meta[property="og:site_name"]')["content"]
    assert website["inLanguage"] == lang_of(home)
    attractions = destination["includesAttraction"]
    assert len(attractions) >= 10
    for place in attractions:
        assert h1(site, place["url"].removeprefix(SITE_URL)) == place["name"]


def test_place_pages_have_their_own_type_and_true_facts(site: Site):
    import yaml

    places = {p["key"]: p for p in yaml.safe_load((ROOT / "data/places.yml").read_text(encoding="utf-8"))["places"]}
    section = {"relic": "lich-su/di-tich", "destination": "du-lich/diem-den"}
    for key, record in places.items():
        for prefix in ("", "en/"):
            path = site.version(f"{section[record['kind']]}/{key}/", prefix)
            (page,) = nodes(blocks(site, path), "WebPage")
            place = page["mainEntity"]
            kinds = types_of(place)
            assert record["type"] in kinds and "TouristAttraction" in kinds, path
            assert place["name"] == h1(site, path)
            assert place["description"] in page_text(site, path)
            assert ("geo" in place) == ("lat" in record), path
            if "geo" in place:
                assert (place["geo"]["latitude"], place["geo"]["longitude"]) == (record["lat"], record["lon"])


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_events_match_the_dates_on_the_events_page(site: Site, prefix):
    path = site.version("du-lich/le-hoi/", prefix)
    soup = site.page(path)
    shown = {t["datetime"] for t in soup.select("article time[datetime]")}
    text = page_text(site, path)
    events = [n for n in nodes(blocks(site, path)) if {"Event", "Festival"} & set(types_of(n))]
    assert len(events) >= 8
    for event in events:
        assert event["name"] in text
        assert event["startDate"] in shown
        assert "endDate" not in event or event["endDate"] in shown
        if "T" in event["startDate"]:
            assert event["startDate"].endswith("+07:00")
        assert event["url"].startswith(SITE_URL + path + "#")
        assert soup.find(id=event["url"].split("#")[1]) is not None


@pytest.mark.parametrize(("path", "section"), [
    ("du-lich/le-hoi/", "https://dienbien.example.org/du-lich/le-hoi/#le-hoi-hoa-ban"),
    ("en/travel/festivals/", "https://dienbien.example.org/en/travel/festivals/#ban-flower-festival"),
])
def test_ban_flower_festival_editions_point_at_its_section(site: Site, path, section):
    """Examples written out: each edition is a Festival whose url is the festival's section."""
    festivals = list(nodes(blocks(site, path), "Festival"))
    for start in ("2026-03-08", "2024-03-16T19:30:00+07:00", "2017-03-12"):
        (edition,) = [n for n in festivals if n["startDate"] == start]
        assert edition["url"] == section, start


@pytest.mark.parametrize(("path", "products"), [
    ("nong-nghiep/", {"Cà phê Arabica Mường Ảng": "https://dienbien.example.org/nong-nghiep/#ca-phe-arabica-muong-ang",
                      "Mắc ca Tuần Giáo": "https://dienbien.example.org/nong-nghiep/#mac-ca-tuan-giao"}),
    ("en/agriculture/", {"Mường Ảng Arabica coffee": "https://dienbien.example.org/en/agriculture/#muong-ang-arabica-coffee",
                         "Tuần Giáo macadamia": "https://dienbien.example.org/en/agriculture/#tuan-giao-macadamia"}),
])
def test_products_point_at_their_sections(site: Site, path, products):
    """Examples written out: a product's url is its section on the agriculture page."""
    assert {n["name"]: n["url"] for n in nodes(blocks(site, path), "Product")} == products


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_itineraries_and_products_match_their_pages(site: Site, prefix):
    trips = list(nodes(blocks(site, site.version("chuyen-di/", prefix)), "TouristTrip"))
    soup = site.page(site.version("chuyen-di/", prefix))
    headings = {" ".join(h.get_text(" ").replace("¶", "").split()) for h in soup.select("h3")}
    assert trips and all(t["name"] in headings for t in trips)
    products = list(nodes(blocks(site, site.version("nong-nghiep/", prefix)), "Product"))
    soup = site.page(site.version("nong-nghiep/", prefix))
    assert len(products) == 2
    for product in products:
        anchor = product["url"].split("#")[1]
        assert soup.find(id=anchor).get_text().replace("¶", "").strip() == product["name"]


def test_each_language_speaks_its_own_language(site: Site):
    vi = {n["name"] for n in nodes(blocks(site, "du-lich/le-hoi/")) if "startDate" in n}
    en = {n["name"] for n in nodes(blocks(site, "en/travel/festivals/")) if "startDate" in n}
    assert vi and en and not vi & en
    assert any("đêm khai mạc" in n for n in vi) and any("opening night" in n for n in en)


def test_script_cannot_be_closed_by_content(site: Site):
    for path in site.html_paths():
        for script in site.page(path).select('script[type="application/ld+json"]'):
            assert "</" not in script.string


def test_vocabulary_tool_reduces_the_release_the_same_way(tmp_path: Path):
    """The shipped file is exactly what the tool makes from a release file (here a tiny one)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("vocab", ROOT / "tools/schemaorg_vocabulary.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    release = {"@graph": [
        {"@id": "schema:Thing", "@type": "rdfs:Class"},
        {"@id": "schema:Place", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Thing"}},
        {"@id": "schema:name", "@type": "rdf:Property", "schema:domainIncludes": {"@id": "schema:Thing"}},
    ]}
    reduced = tool.reduce(release)
    assert reduced["types"] == {"Place": ["Thing"], "Thing": []}
    assert reduced["properties"] == {"name": {"domains": ["Thing"], "parents": []}}
    assert set(VOCABULARY) == set(reduced)
