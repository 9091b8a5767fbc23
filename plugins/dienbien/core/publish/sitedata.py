"""Everything in ``data/`` beyond figures: ethnic groups, places, the campaign timeline,
itineraries, months and charts. Each file is optional; a page that uses a block whose
file is missing gets an error naming both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.datacache import data_version, figure_store
from ..data.figures import FigureStore
from ..data.languages import Languages
from ..domain.campaignmap import CampaignMap, load_campaign_map
from ..domain.charts import Chart, load_charts
from ..domain.ethnic_groups import EthnicGroups, load_ethnic_groups
from ..domain.events import Events, load_events
from ..domain.places import Places, load_places
from ..domain.planning import Itinerary, Months, load_itineraries, load_months
from ..domain.provincemap import ProvinceMap, load_map
from ..domain.timeline import Timeline, load_timeline
from ..domain.visiting import Visiting, load_visiting
from ..markdown.phrases import Phrases, load_phrases
from ..site.structured_data import Product, load_products


@dataclass(frozen=True)
class SiteData:
    store: FigureStore
    groups: EthnicGroups | None
    places: Places | None
    timeline: Timeline | None
    itineraries: tuple[Itinerary, ...] | None
    months: Months | None
    charts: dict[str, Chart]
    map: ProvinceMap | None
    events: Events | None = None  # data/events.yml: the events page and its calendar files
    products: tuple[Product, ...] | None = None  # data/products.yml: structured data only
    visiting: Visiting | None = None  # data/visiting/: practical facts with their dates
    campaign_map: CampaignMap | None = None  # data/campaign_map.yml: the 1954 fortified complex
    phrases: Phrases | None = None  # data/phrases.yml: editors' words that never reach a visitor


_cache: dict[tuple, SiteData] = {}


def load_site_data(data_dir: Path, languages: Languages, root: Path) -> SiteData:
    """Parsed once per version of the data files (see :mod:`dienbien.core.data.datacache`)."""
    key = (str(Path(data_dir).resolve()), languages, data_version(data_dir))  # one key for "data" and /…/data
    if key in _cache:
        return _cache[key]
    store = figure_store(data_dir, languages, root)

    def maybe(name: str, loader, *args):
        path = data_dir / name
        return loader(path, root, languages, *args) if path.is_file() else None

    places = maybe("places.yml", load_places, store)
    place_keys = tuple(places.places) if places else ()
    groups = maybe("ethnic_groups.yml", load_ethnic_groups, store)
    data = SiteData(
        store=store,
        groups=groups,
        places=places,
        timeline=maybe("timeline.yml", load_timeline, store, place_keys),
        itineraries=maybe("itineraries.yml", load_itineraries, place_keys),
        months=maybe("months.yml", load_months, store),
        charts=maybe("charts.yml", load_charts, store) or {},
        map=maybe("map.yml", load_map, store),
        events=maybe("events.yml", load_events, store, place_keys,
                     tuple(g.key for g in groups.groups) if groups else ()),
        products=maybe("products.yml", load_products, store),
        visiting=(load_visiting(data_dir / "visiting", root, languages, store, place_keys)
                  if (data_dir / "visiting").is_dir() else None),
        phrases=maybe("phrases.yml", load_phrases),
        campaign_map=maybe("campaign_map.yml", load_campaign_map, store, place_keys),
    )
    _cache.clear()
    _cache[key] = data
    return data
