"""The 1954 campaign map: a schematic of the French fortified complex, drawn at build time.

``data/campaign_map.yml`` lists the three sub-sectors from north to south and the strongpoints
in each; a point may name the place of ``data/places.yml`` it is today. The picture is an SVG
with no map tiles and says on its face that it is a schematic, not to scale. Under it, a list
gives every point as text (the picture's alternative) with links to the places' pages, then
the sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..data.figures import FigureStore, Source, cited_sources
from ..data.formatting import source_html
from ..data.schema import check_keys, choice, localized, mapping, reference, slug, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path

SIDES = ("west", "river", "east")  # where a point of the centre sits: west of the river, beside it, the eastern hills
WIDTH = 400
BANDS = ("north", "centre", "south")  # the sub-sectors, north to south
GAP = 10  # between two sub-sectors
HEADER = 36  # a sub-sector's name above its points
ROW = 56  # a point, its name and its French name
RIVER_X = 200
RIVER_LABEL = 22  # under the last sub-sector
COLUMNS = {"west": 85.0, "river": RIVER_X - 16.0, "east": 320.0}


@dataclass(frozen=True)
class Point:
    name: dict[str, str]
    label: dict[str, str]  # the shorter name on the picture
    french: str | None
    place: str | None
    side: str | None
    today: dict[str, str] | None


@dataclass(frozen=True)
class Sector:
    key: str
    name: dict[str, str]
    points: tuple[Point, ...]


@dataclass(frozen=True)
class CampaignMap:
    title: dict[str, str]
    schematic: dict[str, str]
    river: dict[str, str]
    eastern_hills: dict[str, str]
    sectors: tuple[Sector, ...]
    sources: tuple[Source, ...]


def load_campaign_map(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore,
                      place_keys: tuple[str, ...]) -> CampaignMap:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the campaign map file")
    check_keys(doc, (), data, {"title", "schematic", "river", "eastern_hills", "sources", "sectors"}, set())
    if not isinstance(data["sectors"], list) or not data["sectors"]:
        raise doc.error(("sectors",), "expected a list of sub-sectors, north first, each starting with '- key: …'")
    sectors = []
    for i, entry in enumerate(data["sectors"]):
        k = ("sectors", i)
        entry = mapping(doc, k, entry, "a sub-sector")
        check_keys(doc, k, entry, {"key", "name", "points"}, set())
        key = choice(doc, k + ("key",), slug(doc, k + ("key",), entry["key"]), BANDS)
        if not isinstance(entry["points"], list) or not entry["points"]:
            raise doc.error(k + ("points",), "expected a list of points, each starting with '- {name: …'")
        points = []
        for j, point in enumerate(entry["points"]):
            pk = k + ("points", j)
            point = mapping(doc, pk, point, "a point")
            check_keys(doc, pk, point, {"name"}, {"label", "french", "place", "side", "today"})
            name = localized(doc, pk + ("name",), point["name"], languages)
            points.append(Point(
                name=name,
                label=localized(doc, pk + ("label",), point["label"], languages) if "label" in point else name,
                french=text(doc, pk + ("french",), point["french"]) if "french" in point else None,
                place=(reference(doc, pk + ("place",), point["place"], place_keys, "place",
                                 "places are defined in data/places.yml") if "place" in point else None),
                side=choice(doc, pk + ("side",), point["side"], SIDES) if "side" in point else None,
                today=localized(doc, pk + ("today",), point["today"], languages) if "today" in point else None))
        sectors.append(Sector(key, localized(doc, k + ("name",), entry["name"], languages), tuple(points)))
    return CampaignMap(
        title=localized(doc, ("title",), data["title"], languages),
        schematic=localized(doc, ("schematic",), data["schematic"], languages),
        river=localized(doc, ("river",), data["river"], languages),
        eastern_hills=localized(doc, ("eastern_hills",), data["eastern_hills"], languages),
        sectors=tuple(sectors),
        sources=cited_sources(doc, ("sources",), data["sources"], store))


def layout(m: CampaignMap) -> tuple[dict[int, tuple[float, float]], dict[str, tuple[float, float]], float]:
    """Where each point sits (by ``id``), each band's top and bottom (by sector key), and the height.

    Sub-sectors are stacked north to south. In a band, the eastern hills sit in a column east
    of the river, a point marked ``river`` beside it, ``west`` ones in a column west of it;
    other points take turns left and right of the river, row by row.
    """
    where: dict[int, tuple[float, float]] = {}
    bands: dict[str, tuple[float, float]] = {}
    top = GAP
    for sector in m.sectors:
        groups: dict[str | None, list[Point]] = {}
        for point in sector.points:
            groups.setdefault(point.side, []).append(point)
        free = groups.pop(None, [])
        rows = max([len(v) for v in groups.values()] + [(len(free) + 1) // 2, 1])
        height = HEADER + rows * ROW
        bands[sector.key] = (top, top + height)
        for n, point in enumerate(free):
            where[id(point)] = (COLUMNS["west"] + 15 if n % 2 == 0 else COLUMNS["east"],
                                 top + HEADER + ROW * (n // 2) + 12)
        for side, members in groups.items():
            # Columns start at the top; a point beside the river sits mid-band, clear of the west column.
            first = top + HEADER + ((rows - len(members)) * ROW / 2 if side == "river" else 0)
            for n, point in enumerate(members):
                where[id(point)] = (COLUMNS[side], first + ROW * n + 12)
        top += height + GAP
    return where, bands, top + RIVER_LABEL


def _svg(m: CampaignMap, lang: str) -> str:
    where, bands, height = layout(m)
    parts = [f'<rect width="{WIDTH}" height="{height:.0f}" fill="#fbfaf5"/>']
    for sector in m.sectors:
        top, bottom = bands[sector.key]
        parts.append(f'<rect x="8" y="{top:.0f}" width="{WIDTH - 16}" height="{bottom - top:.0f}" rx="10" '
                     f'fill="#eef2f0" stroke="#1d5140" stroke-width="1"/>'
                     f'<text x="18" y="{top + 20:.0f}" font-size="14" font-weight="700" fill="#1d5140">'
                     f'{escape(sector.name[lang])}</text>')
        east = [where[id(p)] for p in sector.points if p.side == "east"]
        if east:
            y0, y1 = min(y for _, y in east) - 16, max(y for _, y in east) + 42
            parts.append(f'<rect x="{RIVER_X + 45}" y="{y0:.0f}" width="{WIDTH - RIVER_X - 60}" '
                         f'height="{y1 - y0:.0f}" rx="8" fill="none" stroke="#7a1f4b" stroke-dasharray="5 4"/>'
                         f'<text x="{WIDTH - 20}" y="{y0 - 5:.0f}" text-anchor="end" font-size="12" '
                         f'fill="#7a1f4b">{escape(m.eastern_hills[lang])}</text>')
    wave = " ".join(f"S {RIVER_X + (12 if n % 2 else -12)},{y - 30:.0f} {RIVER_X},{y:.0f}"
                    for n, y in enumerate(range(60, int(height) + 60, 60)))
    parts.append(f'<path d="M {RIVER_X},0 {wave}" fill="none" stroke="#3f7cac" stroke-width="4" '
                 f'stroke-linecap="round" opacity=".8"/>'
                 f'<text x="{RIVER_X + 10}" y="{height - 6:.0f}" font-size="12" font-style="italic" '
                 f'fill="#2b5d84">{escape(m.river[lang])}</text>')
    for sector in m.sectors:
        for point in sector.points:
            x, y = where[id(point)]
            # Beside the river the name goes to the left of the dot; elsewhere under it.
            tx, ty, anchor = (x - 12, y + 5, "end") if point.side == "river" else (x, y + 22, "middle")
            parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="7" fill="#a3245f" stroke="#ffffff" stroke-width="2"/>'
                         f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="{anchor}" font-size="13" fill="#1b2620">'
                         f'{escape(point.label[lang])}</text>')
            if point.french:
                parts.append(f'<text x="{tx:.0f}" y="{ty + 15:.0f}" text-anchor="{anchor}" font-size="12" '
                             f'font-style="italic" fill="#46524c">{escape(point.french)}</text>')
    parts.append(f'<text x="{WIDTH - 14}" y="{GAP + 20}" text-anchor="end" font-size="12" fill="#46524c">'
                 f'{escape(m.schematic[lang])}</text>')
    return (f'<svg class="db-map__svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
            f'aria-labelledby="db-campaign-title db-campaign-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="db-campaign-title">{escape(m.title[lang])} ({escape(m.schematic[lang])})</title>'
            f'<desc id="db-campaign-desc">{escape(strings(lang, "campaignmap")["desc"])}</desc>{"".join(parts)}</svg>')


def _item(point: Point, lang: str, link_of: Callable[[str], str]) -> str:
    name = point.name[lang].replace("[", "(").replace("]", ")")
    shown = f"[{name}]({link_of(point.place)})" if point.place else name
    if point.french:
        shown += f" (*{point.french}*)"
    if point.today:
        shown += f", {point.today[lang]}"
    return shown


def campaign_map_markdown(m: CampaignMap, lang: str, link_of: Callable[[str], str]) -> str:
    """The schematic, its text alternative (a list with links to the places' pages) and its sources."""
    rows = []
    for sector in m.sectors:
        hills = [p for p in sector.points if p.side == "east"]
        others = "; ".join(_item(p, lang, link_of) for p in sector.points if p.side != "east")
        line = f"- **{sector.name[lang]}:** {others}" if others else f"- **{sector.name[lang]}.**"
        if hills:
            line += (". " if others else " ") + (f"**{m.eastern_hills[lang]}:** "
                                                 + "; ".join(_item(p, lang, link_of) for p in hills))
        rows.append(line)
    cited = "".join(f"<li>{source_html(s, lang)}</li>" for s in m.sources)
    return (f'<figure class="db-map db-campaign">\n{_svg(m, lang)}\n'
            f'<figcaption>{escape(m.title[lang])}. {escape(m.schematic[lang])}.</figcaption>\n</figure>\n\n'
            + "\n".join(rows)
            + f'\n\n<details data-search-exclude><summary>{escape(strings(lang, "campaignmap")["sources"])}</summary>'
              f"<ul>{cited}</ul></details>\n")
