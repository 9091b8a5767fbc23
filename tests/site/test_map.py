"""The province map page in both languages: drawn in the page, with a text alternative."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("prefix", "title", "country"), [("", "Bản đồ tỉnh Điện Biên", "LÀO"),
                                                         ("en/", "Map of Điện Biên province", "LAOS")])
def test_the_map_is_inline_labelled_in_the_language_and_listed_as_text(site, prefix, title, country):
    page = site.page(prefix + "chuyen-di/ban-do/")
    svg = page.select_one("figure.db-map svg")
    assert svg is not None and svg["role"] == "img"
    assert svg.find("title").get_text() == title
    labels = [t.get_text() for t in svg.find_all("text")]
    assert country in labels and "Điện Biên Phủ" in labels
    assert not page.select('img[src^="http"], link[href*="tile"]')  # nothing from a map server
    listed = page.select("ul.db-map__list li")
    assert len(listed) == len(svg.find_all("circle"))
    for item in listed:
        assert item.select_one('a[href^="geo:"]') and item.select_one('a[href^="https://www.openstreetmap.org/"]')
    # The one visitor site with sourced coordinates is on the map, and the list links to its page;
    # the picture itself holds nothing to focus (an image with links inside is not accessible).
    target = "../../du-lich/diem-den/a-pa-chai/"
    assert not svg.select("a") and page.select_one(f'ul.db-map__list a[href="{target}"]')
    assert (site.root / prefix / "du-lich/diem-den/a-pa-chai/index.html").is_file()
