"""The province map: an SVG drawn at build time from coordinates in ``data/``, no map tiles.

``data/map.yml`` holds the area drawn, the province's extent and the towns (GeoNames
positions); ``data/map-borders.json`` the national borders (Natural Earth, written by
``tools/map_borders.py``); places of ``data/places.yml`` with coordinates are drawn too.
Under the map, a list gives every point as text, with links to the place's page and links
that open the point in a phone's maps app: the map's accessible alternative.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .errors import SiteDataError, display_path
from .figures import FigureStore, Source, cited_source
from .formatting import format_coordinate, source_html
from .places import Places
from .schema import check_keys, choice, degrees, mapping, slug, text
from .yamlfile import load_yaml

WIDTH = 400  # viewBox units; the map scales to the column
SIDES = ("left", "right", "above", "below")
COUNTRY_NAMES = {
    "VN": {"vi": "VIỆT NAM", "en": "VIETNAM"},
    "LA": {"vi": "LÀO", "en": "LAOS"},
    "CN": {"vi": "TRUNG QUỐC", "en": "CHINA"},
}
TEXT = {
    "vi": {"title": "Bản đồ tỉnh Điện Biên",
           "desc": "Bản đồ vẽ các địa danh và điểm tham quan có tọa độ, cùng đường biên giới với Lào và "
                   "Trung Quốc. Danh sách bên dưới bản đồ ghi đủ các điểm này dưới dạng văn bản.",
           "extent": "Khung nét đứt: phạm vi của tỉnh, từ {south} đến {north} vĩ Bắc và từ {west} đến "
                     "{east} kinh Đông. Bản đồ không vẽ ranh giới giữa Điện Biên và các tỉnh lân cận.",
           "list": "Các điểm trên bản đồ", "coordinates": "tọa độ", "open": "mở trong ứng dụng bản đồ",
           "osm": "OpenStreetMap", "sources": "Nguồn của bản đồ", "towns": "vị trí các địa danh",
           "borders": "đường biên giới", "extent_short": "phạm vi của tỉnh"},
    "en": {"title": "Map of Điện Biên province",
           "desc": "The map shows the towns and visitor sites that have coordinates, and the borders with "
                   "Laos and China. The list below the map gives every point as text.",
           "extent": "Dashed frame: the province's extent, {south} to {north} N and {west} to {east} E. "
                     "The boundary between Điện Biên and its neighbouring provinces is not drawn.",
           "list": "Points on the map", "coordinates": "coordinates", "open": "open in your maps app",
           "osm": "OpenStreetMap", "sources": "Sources of the map", "towns": "positions of the towns",
           "borders": "borders", "extent_short": "the province's extent"},
}


@dataclass(frozen=True)
class Town:
    key: str
    name: str
    lat: float
    lon: float
    geonameid: int
    label: str


@dataclass(frozen=True)
class ProvinceMap:
    extent: dict[str, float]
    extent_source: Source
    frame: dict[str, float]
    towns: tuple[Town, ...]
    towns_source: Source
    borders: dict[str, list[list[list[float]]]]
    borders_source: Source


def _box(doc, key, value, with_source: bool, store: FigureStore) -> tuple[dict[str, float], Source | None]:
    box = mapping(doc, key, value, "south, north, west and east in decimal degrees")
    check_keys(doc, key, box, {"south", "north", "west", "east"} | ({"source"} if with_source else set()), set())
    out = {side: degrees(doc, key + (side,), box[side], -180, 180) for side in ("south", "north", "west", "east")}
    if out["south"] >= out["north"] or out["west"] >= out["east"]:
        raise doc.error(key, "south must be below north and west left of east")
    source = None
    if with_source:
        source = cited_source(doc, key + ("source",), box["source"], store)
    return out, source


def load_map(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> ProvinceMap:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the map file")
    check_keys(doc, (), data, {"extent", "frame", "towns", "towns_source", "borders_source"}, set())
    extent, extent_source = _box(doc, ("extent",), data["extent"], True, store)
    frame, _ = _box(doc, ("frame",), data["frame"], False, store)

    def source(key: str) -> Source:
        return cited_source(doc, (key,), data[key], store)

    if not isinstance(data["towns"], list):
        raise doc.error(("towns",), "expected a list of towns, each starting with '- {key: …'")
    towns = []
    for i, entry in enumerate(data["towns"]):
        k = ("towns", i)
        entry = mapping(doc, k, entry, "a town")
        check_keys(doc, k, entry, {"key", "name", "lat", "lon", "geonameid", "label"}, set())
        town = Town(key=slug(doc, k + ("key",), entry["key"]), name=text(doc, k + ("name",), entry["name"]),
                    lat=degrees(doc, k + ("lat",), entry["lat"], frame["south"], frame["north"]),
                    lon=degrees(doc, k + ("lon",), entry["lon"], frame["west"], frame["east"]),
                    geonameid=entry["geonameid"], label=choice(doc, k + ("label",), entry["label"], SIDES))
        if not isinstance(town.geonameid, int) or isinstance(town.geonameid, bool):
            raise doc.error(k + ("geonameid",), "expected the GeoNames record's number, e.g. 1583477")
        towns.append(town)

    borders_path = path.with_name("map-borders.json")
    try:
        borders = json.loads(borders_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SiteDataError(display_path(borders_path, root), None, f"cannot read the map's borders: {e}",
                            "write it again with: .venv/bin/python tools/map_borders.py") from e
    if borders.get("frame") != frame:
        raise SiteDataError(display_path(borders_path, root), None,
                            "the borders were drawn for another frame than data/map.yml's",
                            "write them again with: .venv/bin/python tools/map_borders.py")
    return ProvinceMap(extent, extent_source, frame, tuple(towns), source("towns_source"), borders["countries"],
                       source("borders_source"))


class _Projection:
    """Longitude/latitude to viewBox units: equirectangular, true to scale at the middle latitude."""

    def __init__(self, frame: dict[str, float]) -> None:
        self.frame = frame
        self.kx = math.cos(math.radians((frame["north"] + frame["south"]) / 2))
        self.scale = WIDTH / ((frame["east"] - frame["west"]) * self.kx)
        self.height = round((frame["north"] - frame["south"]) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.frame["west"]) * self.kx * self.scale, (self.frame["north"] - lat) * self.scale)


def _border_path(m: ProvinceMap, project: _Projection) -> str:
    """Vietnam's national border inside the frame: its outline without the edges the frame cut."""
    frame = m.frame

    def on_frame_edge(a: list[float], b: list[float]) -> bool:
        return any(a[i] == b[i] == frame[side] for i, side in ((0, "west"), (0, "east"), (1, "south"), (1, "north")))

    commands = []
    for ring in m.borders.get("VN", []):
        pen_down = False
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            if on_frame_edge(a, b):
                pen_down = False
                continue
            if not pen_down:
                commands.append("M{:.1f},{:.1f}".format(*project(*a)))
                pen_down = True
            commands.append("L{:.1f},{:.1f}".format(*project(*b)))
    return "".join(commands)


def _label(x: float, y: float, side: str, name: str, css: str) -> str:
    """A name beside its dot, over a light halo (the same text, stroked) that keeps it legible on a border."""
    dx, dy, anchor = {"left": (-7, 4, "end"), "right": (7, 4, "start"),
                      "above": (0, -8, "middle"), "below": (0, 16, "middle")}[side]
    at = f'x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}"'
    return (f'<text class="{css} db-map__halo" {at} aria-hidden="true">{escape(name)}</text>'
            f'<text class="{css}" {at}>{escape(name)}</text>')


def _centre(ring: list[list[float]]) -> tuple[float, float]:
    """The centroid of a polygon (for a country's name)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return ring[0][0], ring[0][1]
    return cx / (3 * area), cy / (3 * area)


def _dms(value: float) -> str:
    degrees = int(value)
    minutes = round((value - degrees) * 60)
    return f"{degrees}°{minutes:02d}'"


def map_markdown(m: ProvinceMap, places: Places | None, lang: str, link_of: Callable[[object], str]) -> str:
    """The map and its text alternative, as HTML inside Markdown."""
    t = TEXT[lang]
    project = _Projection(m.frame)
    shapes = []
    for code in ("LA", "CN", "VN"):
        for ring in m.borders.get(code, []):
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (project(lon, lat) for lon, lat in ring))
            shapes.append(f'<polygon class="db-map__{code.lower()}" points="{points}"/>')
    shapes.append(f'<path class="db-map__border" d="{_border_path(m, project)}"/>')
    labels = []
    for code, rings in m.borders.items():
        if code == "VN" or not rings:
            continue
        largest = max(rings, key=len)
        x, y = project(*_centre(largest))
        labels.append(f'<text class="db-map__country" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">'
                      f"{COUNTRY_NAMES[code][lang]}</text>")
    west, north = project(m.extent["west"], m.extent["north"])
    east, south = project(m.extent["east"], m.extent["south"])
    extent = (f'<rect class="db-map__extent" x="{west:.1f}" y="{north:.1f}" width="{east - west:.1f}" '
              f'height="{south - north:.1f}"/>')

    points, items = [], []
    for town in m.towns:
        x, y = project(town.lon, town.lat)
        points.append(f'<circle class="db-map__town" cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
                      + _label(x, y, town.label, town.name, "db-map__label"))
        items.append((town.name, None, town.lat, town.lon))
    for place in (places.places.values() if places else ()):
        if place.lat is None or not (m.frame["south"] <= place.lat <= m.frame["north"]
                                     and m.frame["west"] <= place.lon <= m.frame["east"]):
            continue
        x, y = project(place.lon, place.lat)
        # No link inside the picture (an image holds nothing to tap or focus): the list under it links.
        points.append(f'<circle class="db-map__place" cx="{x:.1f}" cy="{y:.1f}" r="6"/>'
                      + _label(x, y, "right", place.name[lang], "db-map__label db-map__label--place"))
        items.append((place.name[lang], link_of(place), place.lat, place.lon))

    height = project.height
    svg = (f'<svg class="db-map__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="db-map-title db-map-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="db-map-title">{escape(t["title"])}</title><desc id="db-map-desc">{escape(t["desc"])}</desc>'
           f'<rect class="db-map__sea" width="{WIDTH}" height="{height}"/>{"".join(shapes)}{extent}'
           f'{"".join(labels)}{"".join(points)}</svg>')
    caption = t["extent"].format(**{side: _dms(m.extent[side]) for side in ("south", "north", "west", "east")})
    rows = []
    for name, link, lat, lon in sorted(items, key=lambda item: -item[2]):
        la, lo = f"{lat:.5f}", f"{lon:.5f}"
        shown = f'<a href="{escape(link, quote=True)}">{escape(name)}</a>' if link else escape(name)
        written = f"{format_coordinate(lat, lang)}, {format_coordinate(lon, lang)}"
        rows.append(f"<li>{shown}: {t['coordinates']} {written} · "
                    f'<a href="geo:{la},{lo}">{t["open"]}</a> · '
                    f'<a href="https://www.openstreetmap.org/?mlat={la}&amp;mlon={lo}#map=12/{la}/{lo}" '
                    f'rel="noopener">{t["osm"]}</a></li>')
    cited = (f"<li>{escape(t['towns'])}: {source_html(m.towns_source, lang)}</li>"
             f"<li>{escape(t['borders'])}: {source_html(m.borders_source, lang)}</li>"
             f"<li>{escape(t['extent_short'])}: {source_html(m.extent_source, lang)}</li>")
    return (f'<figure class="db-map">\n{svg}\n<figcaption>{escape(caption)}</figcaption>\n</figure>\n\n'
            f'## {t["list"]}\n\n<ul class="db-map__list">{"".join(rows)}</ul>\n\n'
            f'<details data-search-exclude><summary>{escape(t["sources"])}</summary><ul>{cited}</ul></details>\n')

