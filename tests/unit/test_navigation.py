"""Pages that mkdocs.yml's nav: does not list join the section that holds their folder."""

from __future__ import annotations

from dienbien.core.site.navigation import listed_pages, with_unlisted

NAV = [
    "index.md",
    {"Lịch sử": ["lich-su/index.md", "lich-su/chien-dich-dien-bien-phu.md", "lich-su/di-tich/index.md"]},
    {"Du lịch": ["du-lich/index.md", {"Lễ hội": "du-lich/le-hoi.md"}]},
    "du-lieu-mo.md",
]


def test_listed_pages_reads_every_form_of_nav_item():
    assert listed_pages(NAV) == {"index.md", "lich-su/index.md", "lich-su/chien-dich-dien-bien-phu.md",
                                 "lich-su/di-tich/index.md", "du-lich/index.md", "du-lich/le-hoi.md", "du-lieu-mo.md"}


def test_an_unlisted_page_joins_the_section_of_its_folder_at_the_end():
    nav = with_unlisted(NAV, ["lich-su/duong-keo-phao/index.md", "lich-su/index.md", "du-lich/cho-phien.md"])
    assert nav[1] == {"Lịch sử": ["lich-su/index.md", "lich-su/chien-dich-dien-bien-phu.md",
                                  "lich-su/di-tich/index.md", "lich-su/duong-keo-phao/index.md"]}
    assert nav[2] == {"Du lịch": ["du-lich/index.md", {"Lễ hội": "du-lich/le-hoi.md"}, "du-lich/cho-phien.md"]}
    assert NAV[1]["Lịch sử"][-1] == "lich-su/di-tich/index.md"  # the configured nav is left as it was


def test_a_page_outside_every_section_goes_to_the_end_and_listed_pages_stay_put():
    nav = with_unlisted(NAV, ["gioi-thieu.md", "du-lieu-mo.md", "index.md"])
    assert nav == [*NAV, "gioi-thieu.md"]
    assert with_unlisted(NAV, []) == NAV
