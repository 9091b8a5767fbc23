"""The province map from data/map.yml and data/map-borders.json: geometry, text alternative, errors."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.figures import load_figure_store
from dienbien.core.places import load_places
from dienbien.core.provincemap import load_map, map_markdown

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SVG = "{http://www.w3.org/2000/svg}"
LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def store():
    return load_figure_store(DATA, LANGS, ROOT)


@pytest.fixture(scope="module")
def real(store):
    return load_map(DATA / "map.yml", ROOT, LANGS, store), load_places(DATA / "places.yml", ROOT, LANGS, store)


def svg_of(markdown: str) -> ET.Element:
    return ET.fromstring(markdown[markdown.index("<svg"): markdown.index("</svg>") + 6])


def test_towns_sit_where_their_coordinates_say(real):
    m, places = real
    svg = svg_of(map_markdown(m, places, "vi", lambda p: f"/{p.key}/"))
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    dots = {}
    for circle in svg.iter(SVG + "circle"):
        dots[(float(circle.get("cx")), float(circle.get("cy")))] = circle
    assert len(dots) == len(m.towns) + sum(p.lat is not None for p in places.places.values())
    by_name = {t.name: t for t in m.towns}
    texts = {t.text: (float(t.get("x")), float(t.get("y"))) for t in svg.iter(SVG + "text")}
    # North is up, east is right: Mường Nhé lies north-west of Điện Biên Phủ, Tuần Giáo east of it.
    dbp, nhe, tg = (texts[n] for n in ("Điện Biên Phủ", "Mường Nhé", "Tuần Giáo"))
    assert nhe[1] < dbp[1] and nhe[0] < dbp[0] and tg[0] > dbp[0]
    assert by_name["Mường Nhé"].lat > by_name["Điện Biên Phủ"].lat
    assert all(0 <= x <= width and 0 <= y <= height for x, y in dots)


def test_the_border_line_leaves_out_the_edges_the_frame_cut(real):
    m, places = real
    svg = svg_of(map_markdown(m, places, "en", lambda p: "x/"))
    width, height = (float(v) for v in svg.get("viewBox").split()[2:])
    path = next(p for p in svg.iter(SVG + "path") if p.get("class") == "db-map__border")
    segments = re.findall(r"([ML])([\d.]+),([\d.]+)", path.get("d"))
    assert len(segments) > 50
    points = [(float(x), float(y)) for _, x, y in segments]
    for (cmd, *_), (x0, y0), (x1, y1) in zip(segments[1:], points, points[1:], strict=False):
        if cmd == "L":  # no drawn stretch runs along the frame
            assert not (x0 == x1 and x0 in (0.0, round(width, 1))), (x0, y0, x1, y1)
            assert not (y0 == y1 and y0 in (0.0, round(height, 1))), (x0, y0, x1, y1)
    countries = [t.text for t in svg.iter(SVG + "text") if t.get("class") == "db-map__country"]
    assert sorted(countries) == ["CHINA", "LAOS"]


def test_every_point_is_in_the_text_list_with_links_for_a_phone(real):
    m, places = real
    for lang in LANGS:
        markdown = map_markdown(m, places, lang, lambda p: f"../{p.key}/")
        items = re.findall(r"<li>(.*?)</li>", markdown[markdown.index('<ul class="db-map__list">'):])
        listed = items[: len(m.towns) + 1]
        for town in m.towns:
            assert any(item.startswith(town.name + ":") for item in listed), town.name
        a_pa_chai = places.places["a-pa-chai"]
        entry = next(i for i in listed if escape(a_pa_chai.name[lang]) in i)
        assert 'href="../a-pa-chai/"' in entry and 'href="geo:22.40064,102.14392"' in entry
        assert ("22,40064, 102,14392" if lang == "vi" else "22.40064, 102.14392") in entry


def test_a_place_outside_the_frame_is_an_error_at_its_line(tmp_path, store):
    shutil.copy(DATA / "map-borders.json", tmp_path / "map-borders.json")
    text = (DATA / "map.yml").read_text(encoding="utf-8").replace("lat: 22.19236", "lat: 23.19236")
    (tmp_path / "map.yml").write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "23.19236" in row)
    with pytest.raises(SiteDataError) as error:
        load_map(tmp_path / "map.yml", tmp_path, LANGS, store)
    assert error.value.line == line
    assert "between 20.82 and 22.63" in str(error.value)


def test_borders_drawn_for_another_frame_are_refused(tmp_path, store):
    shutil.copy(DATA / "map-borders.json", tmp_path / "map-borders.json")
    text = (DATA / "map.yml").read_text(encoding="utf-8").replace("east: 103.7}", "east: 103.8}")
    (tmp_path / "map.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SiteDataError, match=r"map-borders.json: the borders were drawn for another frame.*"
                                            r"tools/map_borders.py"):
        load_map(tmp_path / "map.yml", tmp_path, LANGS, store)
