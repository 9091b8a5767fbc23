"""The province map from data/map.yml and data/map-borders.json: geometry, text alternative, errors."""

from __future__ import annotations

import dataclasses
import re
import shutil
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest

from dienbien.core.domain.places import load_places
from dienbien.core.domain.provincemap import distance_m, load_map, map_markdown, neighbour_pairs, rounded_distance
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
    # Each place is a numbered marker: the numbers run 1, 2, … like the list under the map.
    numbers = [t.text for t in svg.iter(SVG + "text") if (t.text or "").isdigit()]
    assert sorted(map(int, numbers)) == list(range(1, sum(p.lat is not None for p in places.places.values()) + 1))
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
        towns = re.findall(r"<li>(.*?)</li>", markdown[markdown.index('db-map__towns">'):])
        for town in m.towns:
            assert any(item.startswith(town.name + ":") for item in towns), town.name
        listed = re.findall(r"<li>(.*?)</li>", markdown[markdown.index('<ol class="db-map__list">'):
                                                        markdown.index("</ol>")])
        assert len(listed) == sum(p.lat is not None for p in places.places.values())
        a_pa_chai = places.places["a-pa-chai"]
        entry = next(i for i in listed if escape(a_pa_chai.name[lang]) in i)
        assert 'href="../a-pa-chai/"' in entry and 'href="geo:22.40064,102.14392"' in entry
        # Latitude and longitude never read as four numbers with decimal commas.
        assert ("22,40064° B; 102,14392° Đ" if lang == "vi" else "22.40064° N; 102.14392° E") in entry


def test_the_credit_names_the_data_like_a_visitor_page(real):
    m, places = real
    markdown = map_markdown(m, places, "en", lambda p: "x/")
    credit = markdown[markdown.index('<p class="db-map__credit">'):]
    credit = credit[: credit.index("</p>")]
    assert "Towns: <a" in credit and ">GeoNames</a>" in credit and ">Natural Earth</a>" in credit
    assert "visitor sites: <a" in credit  # the coordinates' own source
    assert "package" not in credit and "PyPI" not in credit and "npm" not in credit


def place_with(place, key: str, lat: float, lon: float):
    return dataclasses.replace(place, key=key, lat=lat, lon=lon, name={"vi": key, "en": key})


def test_the_inset_joins_neighbours_with_straight_line_distances(real):
    m, places = real
    base = places.places["a-pa-chai"]
    # Three made-up points in the city: b is about 556 m north of a, c about 2.2 km south of a.
    fake = {"a": place_with(base, "a", 21.38, 103.02), "b": place_with(base, "b", 21.385, 103.02),
            "c": place_with(base, "c", 21.36, 103.02)}
    inset_map = dataclasses.replace(m, inset=("a", "b", "c"))
    markdown = map_markdown(inset_map, dataclasses.replace(places, places=fake), "vi", lambda p: "x/")
    assert markdown.count("<svg") == 2 and 'id="db-inset-title"' in markdown
    distances = markdown[markdown.index('db-map__distances">'):]
    rows = re.findall(r"<li>(.*?)</li>", distances[: distances.index("</ul>")])
    assert rows == ["1. b – 2. a: khoảng 600 m theo đường chim bay",  # numbers run north to south
                    "2. a – 3. c: khoảng 2,2 km theo đường chim bay"]
    english = map_markdown(inset_map, dataclasses.replace(places, places=fake), "en", lambda p: "x/")
    assert "about 2.2 km as the crow flies" in english
    inset = svg_of(markdown[markdown.index('db-map--inset'):])
    assert len([line for line in inset.iter(SVG + "line")]) == 2


def test_no_inset_without_two_sourced_places_in_it(real):
    m, places = real
    markdown = map_markdown(dataclasses.replace(m, inset=("doi-a1", "a-pa-chai")), places, "vi", lambda p: "x/")
    assert markdown.count("<svg") == 1  # A Pa Chải alone is drawn: no inset, no distances
    assert "db-map__distances" not in markdown


def test_an_unknown_inset_place_is_an_error_at_its_line(real):
    m, places = real
    with pytest.raises(SiteDataError, match=r"data/map.yml:\d+: inset: unknown place 'doi-a2'"):
        map_markdown(dataclasses.replace(m, inset=("doi-a2",), inset_at=("data/map.yml", 27)), places, "vi",
                     lambda p: "x/")


def test_distances_and_their_rounding():
    assert abs(distance_m((21.38, 103.02), (21.39, 103.02)) - 1111.95) < 1  # 0.01° of latitude
    assert rounded_distance(612, "vi") == "khoảng 600 m theo đường chim bay"
    assert rounded_distance(30, "en") == "about 100 m as the crow flies"
    assert rounded_distance(1234, "en") == "about 1.2 km as the crow flies"
    pairs = neighbour_pairs({"a": (21.38, 103.02), "b": (21.381, 103.02), "c": (21.40, 103.02)})
    assert [(a, b) for a, b, _ in pairs] == [("a", "b"), ("c", "b")]


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
