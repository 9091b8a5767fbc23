"""What each ``{{ block.NAME }}`` token becomes: one registry of block renderers.

A block is registered under its name (``months``) or, for a family, under its prefix and the keys
it accepts (``chart.KEY``: the charts of ``data/charts.yml``). A renderer takes the page's
:class:`BlockPage` and the key (empty for a named block) and returns Markdown or HTML. An unknown
name, an unknown key or a missing data file is an error at the token's file and line that lists
what there is. Adding a block is one registration here, next to its renderer in ``dienbien.core``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..core.domain import events as events_core
from ..core.domain.campaignmap import campaign_map_markdown
from ..core.domain.charts import chart_markdown
from ..core.domain.ethnic_groups import overview_table_markdown, share_chart_html
from ..core.domain.places import KINDS, places_list_markdown
from ..core.domain.planning import itineraries_markdown, months_markdown
from ..core.domain.provincemap import map_markdown
from ..core.domain.timeline import timeline_markdown
from ..core.domain.visiting import TRIP_FIELDS, trip_markdown
from ..core.errors import SiteDataError
from ..core.publish.sitedata import SiteData
from ..core.site.languages import relative_url
from .published import OPEN_DATA_PARTS


@dataclass(frozen=True)
class BlockPage:
    """The page a block is rendered on, and what a renderer may use from the build."""

    src: str                                     # the page's Markdown path in its language folder
    lang: str
    shown: str                                   # the path an error names
    line: int                                    # the token's line in that file
    data: SiteData
    link: Callable[[str], str]                   # another page's Markdown path → a link from this page
    place_link: Callable[[str], str | None]      # a place's key → a link from this page (None: no page)
    page_path: Callable[[str], str]              # a page's Markdown path → its address in this language
    published: Any                               # the open-data files and sign sheets of this build
    plan: Callable[[], str] | None               # "Plan your visit" of this page's place (None: not a place)

    def error(self, problem: str, fix: str = "") -> SiteDataError:
        return SiteDataError(self.shown, self.line, problem, fix)


@dataclass(frozen=True)
class Block:
    render: Callable[[BlockPage, str], str]
    data_file: str | None = None                 # the file of data/ it needs, named when it is missing
    loaded: Callable[[SiteData], object] | None = None
    keys: Callable[[SiteData], Iterable[str]] | None = None   # a family's keys, as the list of blocks names them
    unknown: Callable[[SiteData, str], tuple[str, str]] | None = None
    """A family's own message for a key it does not have (default: unknown block, with the list)."""
    checks_keys: bool = True                     # False: the renderer checks the key itself
    shown_keys: str = ""                         # how the list of blocks names the family (default: its keys)


BLOCKS: dict[str, Block] = {}
FAMILIES: dict[str, Block] = {}


def block(name: str, **options) -> Callable[[Callable[[BlockPage, str], str]], Callable[[BlockPage, str], str]]:
    """Register a named block (``block("months")``) or a family (``block("chart.", keys=…)``)."""
    def register(render):
        (FAMILIES if name.endswith(".") else BLOCKS)[name] = Block(render, **options)
        return render
    return register


def render_block(name: str, page: BlockPage) -> str:
    """The Markdown or HTML of ``{{ block.NAME }}`` on ``page``."""
    prefix, dot, key = name.partition(".")
    family = FAMILIES.get(prefix + dot) if dot else None
    entry = family or BLOCKS.get(name)
    if family is not None and family.checks_keys and key not in family.keys(page.data):
        if family.unknown is not None:
            raise page.error(*family.unknown(page.data, key))
        entry = None
    if entry is None:
        raise page.error(f"unknown block '{name}'", "blocks are: " + ", ".join(block_names(page.data)))
    if entry.loaded is not None and entry.loaded(page.data) is None:
        raise page.error(f"block '{name}' needs data/{entry.data_file}, which does not exist")
    return entry.render(page, key if family is not None else "")


def block_names(data: SiteData) -> list[str]:
    """Every block an editor may write, as the unknown-block message lists them."""
    names = list(BLOCKS)
    for prefix, family in FAMILIES.items():
        names.extend([prefix + family.shown_keys] if family.shown_keys
                     else (prefix + key for key in family.keys(data)))
    return names


# -- The blocks, in the order the unknown-block message lists them --------------------------------

def _groups(data: SiteData):
    return data.groups


@block("ethnic_groups_table", data_file="ethnic_groups.yml", loaded=_groups)
def _ethnic_groups_table(page: BlockPage, _key: str) -> str:
    data = page.data
    return overview_table_markdown(data.groups, data.store, page.lang, lambda g: page.link(data.groups.page(g)))


@block("ethnic_groups_chart", data_file="ethnic_groups.yml", loaded=_groups)
def _ethnic_groups_chart(page: BlockPage, _key: str) -> str:
    return share_chart_html(page.data.groups, page.data.store, page.lang)


@block("campaign_timeline", data_file="timeline.yml", loaded=lambda data: data.timeline)
def _campaign_timeline(page: BlockPage, _key: str) -> str:
    return timeline_markdown(page.data.timeline, page.lang, page.place_link)


@block("itineraries", data_file="itineraries.yml", loaded=lambda data: data.itineraries)
def _itineraries(page: BlockPage, _key: str) -> str:
    places = page.data.places
    return itineraries_markdown(page.data.itineraries, page.lang, lambda key, lg: places.places[key].name[lg],
                                page.place_link)


@block("months", data_file="months.yml", loaded=lambda data: data.months)
def _months(page: BlockPage, _key: str) -> str:
    return months_markdown(page.data.months, page.lang)


@block("province_map", data_file="map.yml", loaded=lambda data: data.map)
def _province_map(page: BlockPage, _key: str) -> str:
    here = page.page_path(page.src)
    return map_markdown(page.data.map, page.data.places, page.lang,
                        lambda p: relative_url(here, page.page_path(p.page)))


@block("campaign_map", data_file="campaign_map.yml", loaded=lambda data: data.campaign_map)
def _campaign_map(page: BlockPage, _key: str) -> str:
    return campaign_map_markdown(page.data.campaign_map, page.lang, page.place_link)


@block("events", data_file="events.yml", loaded=lambda data: data.events)
def _events(page: BlockPage, _key: str) -> str:
    data = page.data
    groups = {g.key: g for g in data.groups.groups} if data.groups else {}
    return events_core.events_markdown(
        data.events, data.store, page.lang, page.link, page.place_link,
        lambda key: page.link(data.groups.page(groups[key])), lambda key, lg: groups[key].name[lg])


@block("signs", data_file="places.yml", loaded=lambda data: data.places)
def _signs(page: BlockPage, _key: str) -> str:
    return page.published.signs_html(page.src)


@block("places.", data_file="places.yml", loaded=lambda data: data.places, keys=lambda data: KINDS)
def _places(page: BlockPage, kind: str) -> str:
    return places_list_markdown(page.data.places, kind, page.lang, lambda p: page.link(p.page))


@block("plan")
def _plan(page: BlockPage, _key: str) -> str:
    if page.plan is None:
        raise page.error("{{ block.plan }} belongs on the page of a relic site or destination",
                         "remove it from this page")
    return page.plan()


@block("event.", keys=lambda data: [e.key for e in data.events.events] if data.events else [],
       unknown=lambda data, key: (f"unknown event '{key}'", "events in data/events.yml: " + (
           ", ".join(e.key for e in data.events.events) if data.events else "none (no data/events.yml)")),
       shown_keys="KEY")
def _event(page: BlockPage, key: str) -> str:
    return events_core.event_markdown(page.data.events, key, page.lang, page.link)


@block("open_data.", keys=lambda data: OPEN_DATA_PARTS, checks_keys=False)
def _open_data(page: BlockPage, part: str) -> str:
    return page.published.open_data_block(part, page.src, page.shown, page.line)


@block("practical.", keys=lambda data: TRIP_FIELDS,
       unknown=lambda data, key: (f"unknown practical topic '{key}'", "topics are: " + ", ".join(TRIP_FIELDS)))
def _practical(page: BlockPage, topic: str) -> str:
    visiting = page.data.visiting
    return trip_markdown(visiting.trip.get(topic, ()) if visiting else (), page.lang)


@block("chart.", keys=lambda data: data.charts,
       unknown=lambda data, key: (f"unknown chart '{key}'",
                                  "charts are defined in data/charts.yml: " + ", ".join(data.charts)))
def _chart(page: BlockPage, key: str) -> str:
    return chart_markdown(page.data.charts[key], page.data.store, page.lang)
