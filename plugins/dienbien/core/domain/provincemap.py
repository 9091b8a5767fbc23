"""The province map: an SVG drawn at build time from coordinates in ``data/``, no map tiles.

``data/map.yml`` holds the area drawn, the province's extent, the towns (GeoNames
positions) and the places of the city inset; ``data/map-borders.json`` the national borders
(Natural Earth, written by ``tools/map_borders.py``). Every place of ``data/places.yml`` whose
coordinates have a source is drawn as a numbered marker. Under the map, a numbered list gives
every place as text, with a link to its page and links that open the point in a phone's maps
app: the map's accessible alternative (the picture itself holds nothing to focus). The inset
draws the city's battlefield sites at a larger scale, with the straight-line distance from
each to its nearest neighbour.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path

from ..data.figures import FigureStore, Source, cited_source
from ..data.formatting import format_number, source_short_html, written_coordinates
from ..data.schema import check_keys, choice, degrees, mapping, slug, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import SiteDataError, display_path
from .places import Places

WIDTH = 400  # viewBox units; the map scales to the column
SIDES = ("left", "right", "above", "below")


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
    inset: tuple[str, ...] = ()  # keys of data/places.yml drawn in the city inset
    inset_at: tuple[str, int] = ("data/map.yml", 1)  # where the inset's list is, for errors


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
    check_keys(doc, (), data, {"extent", "frame", "towns", "towns_source", "borders_source"}, {"inset"})
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
    inset = data.get("inset") or []
    if not isinstance(inset, list) or not all(isinstance(k, str) for k in inset):
        raise doc.error(("inset",), "expected a list of place keys, e.g. [doi-a1, ham-de-castries]")
    return ProvinceMap(extent, extent_source, frame, tuple(towns), source("towns_source"), borders["countries"],
                       source("borders_source"), tuple(slug(doc, ("inset", i), k) for i, k in enumerate(inset)),
                       (doc.path, doc.line("inset")))


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


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points (haversine, mean Earth radius)."""
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(math.sqrt(h))


def rounded_distance(metres: float, lang: str) -> str:
    """``about 600 m as the crow flies``: to 100 m under a kilometre, to 0.1 km above."""
    t = strings(lang, "provincemap")
    if metres < 950:
        value = t["m"].format(n=format_number(Decimal(max(100, round(metres / 100) * 100)), lang))
    else:
        value = t["km"].format(n=format_number(Decimal(f"{metres / 1000:.1f}"), lang))
    return t["about"].format(value=value)


def _marker(x: float, y: float, number: int) -> str:
    """A numbered marker: the number is what the list under the map shows."""
    return (f'<circle class="db-map__place" cx="{x:.1f}" cy="{y:.1f}" r="9"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11" font-weight="700" '
            f'fill="#ffffff">{number}</text>')


def mapped_places(m: ProvinceMap, places: Places | None) -> list:
    """The places drawn, north to south: the order of their numbers on the map and in the list."""
    inside = [p for p in (places.places.values() if places else ())
              if p.lat is not None and m.frame["south"] <= p.lat <= m.frame["north"]
              and m.frame["west"] <= p.lon <= m.frame["east"]]
    return sorted(inside, key=lambda p: (-p.lat, p.lon))


def neighbour_pairs(points: dict[str, tuple[float, float]]) -> list[tuple[str, str, float]]:
    """Each point with its nearest other point, once per pair, shortest first."""
    pairs: dict[frozenset, tuple[str, str, float]] = {}
    for key, here in points.items():
        others = [(distance_m(here, there), other) for other, there in points.items() if other != key]
        if others:
            d, other = min(others)
            pairs.setdefault(frozenset((key, other)), (key, other, d))
    return sorted(pairs.values(), key=lambda pair: pair[2])


def _inset(m: ProvinceMap, places: Places, numbers: dict[str, int], lang: str) -> str:
    """The city inset (when two of its places or more are drawn) and the distances between neighbours."""
    t = strings(lang, "provincemap")
    for key in m.inset:
        if key not in places.places:
            raise SiteDataError(m.inset_at[0], m.inset_at[1], f"inset: unknown place '{key}'",
                                "places are listed in data/places.yml: " + ", ".join(places.places))
    drawn = {k: (places.places[k].lat, places.places[k].lon) for k in m.inset if k in numbers}
    if len(drawn) < 2:
        return ""
    lats, lons = [p[0] for p in drawn.values()], [p[1] for p in drawn.values()]
    pad_lat = max((max(lats) - min(lats)) * 0.15, 0.004)
    pad_lon = max((max(lons) - min(lons)) * 0.15, 0.004)
    project = _Projection({"south": min(lats) - pad_lat, "north": max(lats) + pad_lat,
                           "west": min(lons) - pad_lon, "east": max(lons) + pad_lon})
    pairs = neighbour_pairs(drawn)
    lines = []
    for a, b, _ in pairs:
        (xa, ya), (xb, yb) = (project(drawn[k][1], drawn[k][0]) for k in (a, b))
        lines.append(f'<line x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" y2="{yb:.1f}" stroke="#7a1f4b" '
                     f'stroke-width="1.5" stroke-dasharray="4 3"/>')
    markers = [_marker(*project(lon, lat), numbers[k]) for k, (lat, lon) in drawn.items()]
    height = project.height
    svg = (f'<svg class="db-map__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="db-inset-title db-inset-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="db-inset-title">{escape(t["inset"])}</title>'
           f'<desc id="db-inset-desc">{escape(t["inset_desc"])}</desc>'
           f'<rect width="{WIDTH}" height="{height}" fill="#fbfaf5"/>{"".join(lines)}{"".join(markers)}</svg>')
    rows = "".join(f"<li>{numbers[a]}. {escape(places.places[a].name[lang])} – {numbers[b]}. "
                   f"{escape(places.places[b].name[lang])}: {escape(rounded_distance(d, lang))}</li>"
                   for a, b, d in ((*sorted(pair[:2], key=numbers.get), pair[2]) for pair in pairs))
    return (f'## {t["inset"]}\n\n<figure class="db-map db-map--inset">\n{svg}\n'
            f'<figcaption>{escape(t["inset_caption"])}</figcaption>\n</figure>\n\n'
            f'### {t["distances"]}\n\n<ul class="db-map__distances">{rows}</ul>\n\n')


def _titled(source: Source, lang: str) -> str:
    """A source named by its title, linked: for a credit where the publisher's name says little."""
    title = escape(source.title[lang])
    return f'<a href="{escape(source.url, quote=True)}" rel="noopener">{title}</a>' if source.url else title


def _links(lat: float, lon: float, lang: str) -> str:
    t = strings(lang, "provincemap")
    la, lo = f"{lat:.5f}", f"{lon:.5f}"
    return (f'{t["coordinates"]} {escape(written_coordinates(lat, lon, lang))} · '
            f'<a href="geo:{la},{lo}">{t["open"]}</a> · '
            f'<a href="https://www.openstreetmap.org/?mlat={la}&amp;mlon={lo}#map=12/{la}/{lo}" '
            f'rel="noopener">{t["osm"]}</a>')


def map_markdown(m: ProvinceMap, places: Places | None, lang: str, link_of: Callable[[object], str]) -> str:
    """The map, its inset of the city and their text alternative, as HTML inside Markdown."""
    t = strings(lang, "provincemap")
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
                      f"{strings(lang, 'provincemap')['countries'][code]}</text>")
    west, north = project(m.extent["west"], m.extent["north"])
    east, south = project(m.extent["east"], m.extent["south"])
    extent = (f'<rect class="db-map__extent" x="{west:.1f}" y="{north:.1f}" width="{east - west:.1f}" '
              f'height="{south - north:.1f}"/>')

    dots, markers = [], []
    for town in m.towns:
        x, y = project(town.lon, town.lat)
        dots.append(f'<circle class="db-map__town" cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
                    + _label(x, y, town.label, town.name, "db-map__label"))
    drawn = mapped_places(m, places)
    numbers = {p.key: i for i, p in enumerate(drawn, 1)}
    where = {p.key: project(p.lon, p.lat) for p in drawn}
    for place in drawn:
        x, y = where[place.key]
        # No link inside the picture (an image holds nothing to tap or focus): the numbered list links.
        markers.append(_marker(x, y, numbers[place.key]))
        if all(math.dist((x, y), where[k]) > 60 for k in where if k != place.key):
            # A name where it fits; in a cluster the number (and the inset) say which is which.
            markers.append(_label(x + 4, y, "right", place.name[lang], "db-map__label db-map__label--place"))

    height = project.height
    svg = (f'<svg class="db-map__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="db-map-title db-map-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="db-map-title">{escape(t["title"])}</title><desc id="db-map-desc">{escape(t["desc"])}</desc>'
           f'<rect class="db-map__sea" width="{WIDTH}" height="{height}"/>{"".join(shapes)}{extent}'
           f'{"".join(labels)}{"".join(dots)}{"".join(markers)}</svg>')
    caption = t["extent"].format(**{side: _dms(m.extent[side]) for side in ("south", "north", "west", "east")})
    credit = t["credit"].format(towns=source_short_html(m.towns_source, lang),
                                borders=source_short_html(m.borders_source, lang),
                                extent=_titled(m.extent_source, lang))
    cited = list({p.coordinates_source.key: p.coordinates_source for p in drawn if p.coordinates_source}.values())
    if cited:
        credit += t["credit_places"].format(places=", ".join(source_short_html(s, lang) for s in cited))
    out = (f'<figure class="db-map">\n{svg}\n<figcaption>{escape(caption)}</figcaption>\n</figure>\n\n'
           f'<p class="db-map__credit">{credit}.</p>\n\n')
    if drawn:
        rows = "".join(f'<li><a href="{escape(link_of(p), quote=True)}">{escape(p.name[lang])}</a>: '
                       f"{_links(p.lat, p.lon, lang)}</li>" for p in drawn)
        out += f'## {t["places"]}\n\n<ol class="db-map__list">{rows}</ol>\n\n'
    if places is not None and m.inset:
        out += _inset(m, places, numbers, lang)
    towns = "".join(f"<li>{escape(town.name)}: {_links(town.lat, town.lon, lang)}</li>"
                    for town in sorted(m.towns, key=lambda town: -town.lat))
    return out + f'## {t["towns"]}\n\n<ul class="db-map__list db-map__towns">{towns}</ul>\n'
