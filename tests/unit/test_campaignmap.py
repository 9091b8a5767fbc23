"""The 1954 campaign schematic from data/campaign_map.yml: layout, text alternative, errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dienbien.core.domain.campaignmap import RIVER_X, campaign_map_markdown, layout, load_campaign_map
from dienbien.core.domain.places import load_places
from dienbien.core.errors import SiteDataError
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SVG = "{http://www.w3.org/2000/svg}"
LANGS = LANGUAGES


@pytest.fixture(scope="module")
def store(real_store):
    return real_store


@pytest.fixture(scope="module")
def places(store):
    return load_places(DATA / "places.yml", ROOT, LANGS, store)


@pytest.fixture(scope="module")
def real(store, places):
    return load_campaign_map(DATA / "campaign_map.yml", ROOT, LANGS, store, tuple(places.places))


def svg_of(markdown: str) -> ET.Element:
    return ET.fromstring(markdown[markdown.index("<svg"): markdown.index("</svg>") + 6])


def point(m, name_en: str):
    return next(p for s in m.sectors for p in s.points if p.name["en"] == name_en)


def test_the_strongpoints_of_1954_are_all_there(real):
    names = {p.name["en"] for s in real.sectors for p in s.points}
    assert {"Him Lam", "Độc Lập hill", "Bản Kéo", "Hồng Cúm", "Hill A1", "C hills", "D hills", "E hills",
            "Mường Thanh airfield", "General de Castries' command bunker"} <= names
    assert {p.french for s in real.sectors for p in s.points} >= {"Béatrice", "Gabrielle", "Anne-Marie",
                                                                  "Isabelle", "Eliane 2", "Dominique"}


def test_sub_sectors_run_north_to_south_and_the_hills_lie_east_of_the_river(real):
    where, bands, height = layout(real)
    assert [s.key for s in real.sectors] == ["north", "centre", "south"]
    tops = [bands[s.key] for s in real.sectors]
    assert all(a[1] < b[0] for a, b in zip(tops, tops[1:], strict=False))  # stacked, not overlapping
    for sector in real.sectors:
        top, bottom = bands[sector.key]
        for p in sector.points:
            x, y = where[id(p)]
            assert top < y < bottom and 0 < x < 400, p.name["en"]
            if p.side == "east":
                assert x > RIVER_X + 45
    bunker, airfield = (where[id(point(real, n))] for n in ("General de Castries' command bunker",
                                                            "Mường Thanh airfield"))
    assert abs(bunker[0] - RIVER_X) < 25 and airfield[0] < bunker[0]
    assert height > bands["south"][1]


@pytest.mark.parametrize(("lang", "schematic"), [("vi", "Sơ đồ, không theo tỷ lệ"), ("en", "Schematic, not to scale")])
def test_the_picture_says_it_is_a_schematic_and_holds_nothing_to_focus(real, lang, schematic):
    markdown = campaign_map_markdown(real, lang, lambda key: f"../di-tich/{key}.md")
    svg = svg_of(markdown)
    assert svg.get("role") == "img" and schematic in svg.find(SVG + "title").text
    texts = [t.text for t in svg.iter(SVG + "text")]
    assert schematic in texts and real.river[lang] in texts and "Béatrice" in texts
    assert not list(svg.iter(SVG + "a"))
    assert len(list(svg.iter(SVG + "circle"))) == sum(len(s.points) for s in real.sectors)


def test_the_list_gives_every_point_and_links_the_places(real):
    markdown = campaign_map_markdown(real, "en", lambda key: f"../di-tich/{key}.md")
    listed = markdown[markdown.index("</figure>"): markdown.index("<details")]
    rows = [line for line in listed.splitlines() if line.startswith("- ")]
    assert [re.match(r"- \*\*(.+?)[:.]\*\*", r).group(1) for r in rows] == [s.name["en"] for s in real.sectors]
    for sector in real.sectors:
        for p in sector.points:
            shown = f"[{p.name['en']}](../di-tich/{p.place}.md)" if p.place else p.name["en"]
            assert shown in listed, p.name["en"]
    assert "[Hill A1](../di-tich/doi-a1.md) (*Eliane 2*)" in listed
    assert "<li>" in markdown[markdown.index("<details"):]  # the sources


def test_an_unknown_place_is_an_error_at_its_line(tmp_path, store, places):
    text = (DATA / "campaign_map.yml").read_text(encoding="utf-8").replace("place: doi-a1,", "place: doi-a2,")
    (tmp_path / "campaign_map.yml").write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "doi-a2" in row)
    with pytest.raises(SiteDataError) as error:
        load_campaign_map(tmp_path / "campaign_map.yml", tmp_path, LANGS, store, tuple(places.places))
    assert error.value.line == line and "did you mean 'doi-a1'" in str(error.value)


def test_a_wrong_side_or_sector_is_refused(tmp_path, store, places):
    source = (DATA / "campaign_map.yml").read_text(encoding="utf-8")
    for wrong, message in ((source.replace("side: west}", "side: north}"), "unknown value 'north'"),
                           (source.replace("key: south", "key: middle"), "unknown value 'middle'")):
        (tmp_path / "campaign_map.yml").write_text(wrong, encoding="utf-8")
        with pytest.raises(SiteDataError, match=message):
            load_campaign_map(tmp_path / "campaign_map.yml", tmp_path, LANGS, store, tuple(places.places))
