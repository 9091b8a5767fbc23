"""schema.org structured data (JSON-LD) for each page, from ``data/``, in the page's language.

Every page gets a ``WebPage`` (its name, address, ``inLanguage``) with a ``BreadcrumbList``
of the menu path as the menu shows it. What the page is about is added where it is true and
visible on the page: the province as a ``TouristDestination`` and the ``WebSite`` on the home
page, a place's own schema.org type (plus ``TouristAttraction``) on its page, an ``Event`` or
``Festival`` for each dated edition on the events page (ISO dates, ``+07:00`` with a time),
a ``TouristTrip`` for each itinerary, a ``Product`` for coffee and macadamia. No prices,
ratings, reviews, addresses or telephone numbers: the data gives none.

``products.yml`` is read here too: a short list of products with the page that presents them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..data.figures import FigureStore, Source, cited_sources
from ..data.schema import check_keys, localized, mapping, slug, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..domain.events import Events, edition_iso
from ..domain.events import plain as plain_text
from ..domain.places import Place, Places
from ..domain.planning import Itinerary
from ..errors import display_path
from ..markdown.slugs import slugify

CONTEXT = "https://schema.org"


def destination_name(lang: str) -> str:
    """The home page's TouristDestination: the province, named as the home page names it."""
    return strings(lang, "structured_data")["destination"]


@dataclass(frozen=True)
class Product:
    key: str
    name: dict[str, str]
    category: dict[str, str]
    description: dict[str, str]
    page: str
    sources: tuple[Source, ...]


def load_products(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> tuple[Product, ...]:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the products file")
    check_keys(doc, (), data, {"products"}, set())
    if not isinstance(data["products"], list):
        raise doc.error(("products",), "expected a list of products, each starting with '- key:'")
    products = []
    for i, entry in enumerate(data["products"]):
        k = ("products", i)
        entry = mapping(doc, k, entry, "a product")
        check_keys(doc, k, entry, {"key", "name", "category", "description", "page", "sources"}, set())
        page = text(doc, k + ("page",), entry["page"])
        if not page.endswith(".md"):
            raise doc.error(k + ("page",), f"expected the page's path in content/<lang>/, got {page!r}",
                            "e.g. nong-nghiep/index.md")
        products.append(Product(
            key=slug(doc, k + ("key",), entry["key"]),
            name=localized(doc, k + ("name",), entry["name"], languages),
            category=localized(doc, k + ("category",), entry["category"], languages),
            description=localized(doc, k + ("description",), entry["description"], languages),
            page=page,
            sources=cited_sources(doc, k + ("sources",), entry["sources"], store),
        ))
    return tuple(products)


# -- nodes --------------------------------------------------------------------------------------

def breadcrumb(trail: list[tuple[str, str]]) -> dict:
    """``trail`` is ``(name, absolute URL)`` from the home page down to this page."""
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, "item": url}
        for n, (name, url) in enumerate(trail, 1)]}


def web_page(name: str, url: str, lang: str, trail: list[tuple[str, str]], site_url: str,
             description: str | None = None, main: list[dict] | None = None) -> dict:
    page = {"@type": "WebPage", "@id": url, "url": url, "name": name, "inLanguage": lang,
            "isPartOf": {"@type": "WebSite", "@id": site_url}, "breadcrumb": breadcrumb(trail)}
    if description:
        page["description"] = description
    if main:
        page["mainEntity"] = main[0] if len(main) == 1 else main
    return page


def web_site(name: str, url: str, lang: str, description: str) -> dict:
    return {"@type": "WebSite", "@id": url, "url": url, "name": name, "inLanguage": lang,
            "description": description}


def destination(name: str, description: str, url: str, places: Places | None, lang: str, url_of) -> dict:
    node = {"@type": "TouristDestination", "name": name, "description": description, "url": url}
    if places:
        node["includesAttraction"] = [place_node(p, lang, url_of(p.page), short=True) for p in places.places.values()]
    return node


def place_node(place: Place, lang: str, url: str, short: bool = False) -> dict:
    types = [place.type] if place.type == "TouristAttraction" else [place.type, "TouristAttraction"]
    node = {"@type": types if len(types) > 1 else types[0], "name": place.name[lang], "url": url}
    if short:
        return node
    if place.other_names:
        node["alternateName"] = list(place.other_names)
    node["description"] = place.what[lang]
    if place.lat is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
    return node


def event_nodes(events: Events, store: FigureStore, lang: str, page_url: str) -> list[dict]:
    """One node per dated edition; an event without a sourced solar date gets none."""
    nodes = []
    for ev in events.events:
        for ed in ev.editions:
            start, end = edition_iso(ed)
            node = {"@type": ev.type, "name": ed.title[lang], "startDate": start}
            if end:
                node["endDate"] = end
            node["description"] = plain_text(ev.what[lang], store, lang)
            node["location"] = {"@type": "Place", "name": ed.venue[lang] if ed.venue else ev.where[lang]}
            node["url"] = f"{page_url}#{ev.anchor(lang)}"
            nodes.append(node)
    return nodes


def trip_nodes(itineraries: tuple[Itinerary, ...], lang: str, page_url: str, place_name, place_url) -> list[dict]:
    nodes = []
    for it in itineraries:
        stops, seen = [], set()
        for day in it.days:
            for stop in day.stops:
                name = place_name(stop.place, lang) if stop.place else stop.name[lang]
                if name in seen:
                    continue
                seen.add(name)
                item = {"@type": "Place", "name": name}
                if stop.place:
                    item = {"@type": "TouristAttraction", "name": name, "url": place_url(stop.place)}
                stops.append({"@type": "ListItem", "position": len(stops) + 1, "item": item})
        nodes.append({"@type": "TouristTrip", "name": it.title[lang], "description": it.summary[lang],
                      "url": f"{page_url}#{slugify(it.title[lang])}",
                      "itinerary": {"@type": "ItemList", "numberOfItems": len(stops), "itemListElement": stops}})
    return nodes


def product_nodes(products: tuple[Product, ...], lang: str, page_url: str) -> list[dict]:
    return [{"@type": "Product", "name": p.name[lang], "category": p.category[lang],
             "description": p.description[lang], "url": f"{page_url}#{slugify(p.name[lang])}"}
            for p in products]


def graph(*nodes: dict) -> dict:
    return {"@context": CONTEXT, "@graph": list(nodes)}


def script_json(data: dict) -> str:
    """JSON for inside ``<script type="application/ld+json">``: ``</`` is written ``<\\/`` so that no
    text from the data can close the script element (and ``<!--`` cannot open a comment)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("</", "<\\/").replace("<!--", "<\\u0021--"))


__all__ = ["destination_name", "Product", "load_products", "breadcrumb", "web_page", "web_site", "destination",
           "place_node", "event_nodes", "trip_nodes", "product_nodes", "graph", "script_json", "plain_text"]
