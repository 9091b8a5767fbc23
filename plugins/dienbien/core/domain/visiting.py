"""Practical facts for visitors (``data/visiting/``): how to get to each place, its hours,
tickets, the time to allow and what is on site, and the trip page's flights, roads, lodging and
food. Every fact carries its source and ``checked``, the date it was known to be true, and every
page shows both ("Cập nhật ngày 8/3/2026 · Báo Điện Biên Phủ").

The folder holds one file per place (``places/<key>.yml``: ``place: <key>``, then its facts), the
entries several places share (``shared.yml``: price lists and facts, each under its own key, which a
place names in ``shared_price`` and ``shared_on_site``) and the trip page's facts (``trip.yml``).
The browser editor writes them all (:mod:`dienbien.core.publish.cms`), so nothing is said twice and
no meaning lives in YAML anchors or comments.

Facts age: :func:`stale_facts` lists those older than a year for the editor's report, and
:func:`missing_facts` the places that still lack hours or a price.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path

from ..data.dates import PartialDate
from ..data.figures import SOURCES_AT, FigureStore, Source
from ..data.formatting import format_clock, format_number, format_partial_date, source_short_html
from ..data.schema import check_keys, localized, mapping, number, partial_date, reference, text
from ..data.uistrings import strings
from ..data.yamlfile import YamlDocument, load_yaml
from ..errors import display_path

#: What a place's visit may say, in the order the page shows it.
PLACE_FIELDS = ("getting_there", "hours", "price", "time_needed", "on_site")
#: The trip page's practical facts (``{{ block.practical.KEY }}``).
TRIP_FIELDS = ("flights", "road", "getting_around", "stay", "eat", "buy", "etiquette", "families")
#: The files under ``data/visiting/``: one per place in PLACES_DIR, the shared entries, the trip page's facts.
PLACES_DIR, SHARED_FILE, TRIP_FILE = "places", "shared.yml", "trip.yml"
#: What a place's file may name in shared.yml instead of giving it: a price list, facts on site.
SHARED_FIELDS = ("shared_price", "shared_on_site")
#: The sections of shared.yml.
SHARED_SECTIONS = ("prices", "facts")
#: A practical fact older than this is listed as stale by the editor's report.
STALE_AFTER_DAYS = 365
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Fact:
    """One practical fact: a text in every language, its source and when it was known true."""

    text: dict[str, str]
    source: Source
    checked: PartialDate
    line: int
    path: str  # the file, as the editor knows it


@dataclass(frozen=True)
class Period:
    days: dict[str, str]
    open: dt.time
    close: dt.time


@dataclass(frozen=True)
class Hours:
    periods: tuple[Period, ...]
    note: dict[str, str] | None
    source: Source
    checked: PartialDate
    line: int
    path: str


@dataclass(frozen=True)
class Ticket:
    who: dict[str, str]
    vnd: Decimal  # 0: free


@dataclass(frozen=True)
class Tickets:
    tickets: tuple[Ticket, ...]
    note: dict[str, str] | None
    source: Source
    checked: PartialDate
    line: int
    path: str


@dataclass(frozen=True)
class PlaceVisit:
    getting_there: tuple[Fact, ...] = ()
    hours: Hours | None = None
    price: Tickets | None = None
    time_needed: tuple[Fact, ...] = ()
    on_site: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Visiting:
    places: dict[str, PlaceVisit]
    trip: dict[str, tuple[Fact, ...]]
    path: str  # the folder, data/visiting

    def place_file(self, key: str) -> str:
        """The file of a place's facts (to create, when the place has none yet)."""
        return f"{self.path}/{PLACES_DIR}/{key}.yml"

    def dated(self) -> list[tuple[str, str, PartialDate]]:
        """``(what, file:line, checked)`` of every fact, for the editor's report. A shared entry is
        listed under each place that names it, at its line in shared.yml."""
        out = []
        for key, visit in self.places.items():
            for name in PLACE_FIELDS:
                value = getattr(visit, name)
                for fact in (value if isinstance(value, tuple) else (value,) if value else ()):
                    out.append((f"{key}.{name}", f"{fact.path}:{fact.line}", fact.checked))
        for name, facts in self.trip.items():
            out += [(f"trip.{name}", f"{f.path}:{f.line}", f.checked) for f in facts]
        return out


@dataclass(frozen=True)
class _Shared:
    """shared.yml: price lists and facts by key."""

    prices: dict[str, Tickets]
    facts: dict[str, Fact]
    path: str


# -- loading ----------------------------------------------------------------------------


def load_visiting(folder: Path, root: Path, languages: tuple[str, ...], store: FigureStore,
                  place_keys: tuple[str, ...]) -> Visiting:
    """``data/visiting/``: the places' files, the entries they share and the trip page's facts."""
    shared = _load_shared(folder / SHARED_FILE, root, languages, store)
    places: dict[str, PlaceVisit] = {}
    for path in sorted((folder / PLACES_DIR).glob("*.yml")):
        doc = load_yaml(path, display_path(path, root))
        key, visit = _place(doc, path.stem, languages, store, place_keys, shared)
        places[key] = visit
    order = {key: i for i, key in enumerate(place_keys)}  # data/places.yml's order
    places = dict(sorted(places.items(), key=lambda item: order[item[0]]))
    return Visiting(places, _load_trip(folder / TRIP_FILE, root, languages, store), display_path(folder, root))


#: The fields that name a shared entry and say what it is (for editors; never shown on a page).
_NAMED = frozenset({"key", "about"})


def _given(value) -> bool:
    """An optional value the browser editor left empty (``""``, ``[]``, ``{vi: "", en: ""}``) counts as absent."""
    if isinstance(value, dict):
        return any(_given(v) for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return value not in (None, "")


def _without_empty(entry: dict, optional: tuple[str, ...]) -> dict:
    return {name: value for name, value in entry.items() if name not in optional or _given(value)}


def _place(doc: YamlDocument, stem: str, languages: tuple[str, ...], store: FigureStore,
           place_keys: tuple[str, ...], shared: _Shared) -> tuple[str, PlaceVisit]:
    entry = mapping(doc, (), doc.data, "the practical facts of a place: place, then its facts")
    check_keys(doc, (), entry, {"place"}, {*PLACE_FIELDS, *SHARED_FIELDS})
    key = reference(doc, ("place",), entry["place"], place_keys, "place", "places are defined in data/places.yml")
    if key != stem:
        folder = doc.path.rpartition("/")[0]
        raise doc.error(("place",), f"this file is for the place '{stem}' (its name), not '{key}'",
                        f"write place: {stem}; another place's facts go in their own file, {folder}/{key}.yml")
    entry = _without_empty(entry, (*PLACE_FIELDS, *SHARED_FIELDS))
    hours = _only(doc, ("hours",), entry.get("hours"), "- periods: …")
    price = _only(doc, ("price",), entry.get("price"), "- tickets: …")
    tickets = _tickets(doc, ("price", 0), price, languages, store) if price is not None else None
    if "shared_price" in entry:
        if tickets is not None:
            raise doc.error(("shared_price",), "give the place's own price or a shared price list, not both",
                            "remove price or shared_price")
        name = reference(doc, ("shared_price",), entry["shared_price"], shared.prices, "shared price list",
                         f"shared price lists are defined in {shared.path}")
        tickets = shared.prices[name]
    on_site = _facts(doc, ("on_site",), entry.get("on_site"), languages, store)
    names = entry.get("shared_on_site") or []
    if not isinstance(names, list):
        raise doc.error(("shared_on_site",), "expected a list of shared fact keys: [key1, key2]")
    on_site += tuple(shared.facts[reference(doc, ("shared_on_site", i), name, shared.facts, "shared fact",
                                            f"shared facts are defined in {shared.path}")]
                     for i, name in enumerate(names))
    return key, PlaceVisit(
        getting_there=_facts(doc, ("getting_there",), entry.get("getting_there"), languages, store),
        hours=_hours(doc, ("hours", 0), hours, languages, store) if hours is not None else None,
        price=tickets,
        time_needed=_facts(doc, ("time_needed",), entry.get("time_needed"), languages, store),
        on_site=on_site,
    )


def _only(doc: YamlDocument, key: tuple, value, example: str):
    """The one item of a list that holds at most one (a place's hours, its own price list)."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise doc.error(key, f"expected a list with one item, starting with '{example}'")
    if len(value) > 1:
        raise doc.error(key + (1,), "only one item is allowed here",
                        "put every period or ticket in the first item and remove this one")
    return value[0]


def _load_shared(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> _Shared:
    shown = display_path(path, root)
    if not path.is_file():
        return _Shared({}, {}, shown)
    doc = load_yaml(path, shown)
    data = mapping(doc, (), doc.data or {}, "the shared entries: 'prices:' and 'facts:'")
    check_keys(doc, (), data, set(), set(SHARED_SECTIONS))
    prices: dict[str, Tickets] = {}
    facts: dict[str, Fact] = {}
    for section, kind, found, make in (("prices", "shared price list", prices, _tickets),
                                       ("facts", "shared fact", facts, _fact)):
        value = data.get(section)
        if not _given(value):
            continue
        if not isinstance(value, list):
            raise doc.error((section,), f"expected a list of {kind}s, each starting with '- key: …'")
        for i, entry in enumerate(value):
            k = (section, i)
            item = make(doc, k, entry, languages, store, _NAMED)
            name = text(doc, k + ("key",), entry["key"])
            if not name.isascii() or not name.replace("_", "").replace("-", "").isalnum() or name != name.lower():
                raise doc.error(k + ("key",), f"the key {name!r} may only use a-z, 0-9, _ and -", "e.g. site_ticket")
            if name in found:
                raise doc.error(k + ("key",), f"{kind} '{name}' is already listed at line {found[name].line}",
                                "give it another key or remove one")
            text(doc, k + ("about",), entry["about"])  # what it is and where it applies, for editors only
            found[name] = item
    return _Shared(prices, facts, shown)


def _load_trip(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> dict[str, tuple[Fact, ...]]:
    if not path.is_file():
        return {}
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data or {}, "the trip's practical facts, one list per topic")
    check_keys(doc, (), data, set(), set(TRIP_FIELDS))
    return {name: _facts(doc, (name,), value, languages, store) for name, value in data.items() if _given(value)}


def _sourced(doc: YamlDocument, key: tuple, entry: dict, store: FigureStore) -> tuple[Source, PartialDate]:
    source = reference(doc, key + ("source",), entry["source"], store.sources, "source", SOURCES_AT)
    return store.sources[source], partial_date(doc, key + ("checked",), entry["checked"])


def _texts(doc: YamlDocument, key: tuple, entry: dict, languages: tuple[str, ...]) -> dict[str, str]:
    return localized(doc, key, {lang: entry[lang] for lang in languages if lang in entry}, languages)


def _facts(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore) -> tuple[Fact, ...]:
    if not _given(value):
        return ()
    if not isinstance(value, list):
        raise doc.error(key, "expected a list of facts, each starting with '- vi: …'")
    return tuple(_fact(doc, key + (i,), entry, languages, store) for i, entry in enumerate(value))


def _fact(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore,
          named: frozenset[str] = frozenset()) -> Fact:
    entry = mapping(doc, key, value, "a fact: vi, en, source and checked")
    check_keys(doc, key, entry, {*languages.complete, "source", "checked", *named}, set(languages))
    source, checked = _sourced(doc, key, entry, store)
    return Fact(_texts(doc, key, entry, languages), source, checked, doc.line(*key), doc.path)


def _clock(doc: YamlDocument, key: tuple, value) -> dt.time:
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise doc.error(key, f"expected a 24-hour time in quotes, e.g. \"07:30\", got {value!r}")
    return dt.time(int(match[1]), int(match[2]))


def _hours(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore) -> Hours:
    entry = mapping(doc, key, value, "opening hours: periods, source, checked")
    check_keys(doc, key, entry, {"source", "checked"}, {"periods", "note"})
    entry = _without_empty(entry, ("periods", "note"))
    if "periods" not in entry and "note" not in entry:
        raise doc.error(key, "give the opening hours as periods, or a note (seasonal or evening openings)")
    if "periods" in entry and (not isinstance(entry["periods"], list) or not entry["periods"]):
        raise doc.error(key + ("periods",), "expected a list of periods, each '- days: {vi: …, en: …}' with "
                                            "open: \"07:00\" and close: \"17:00\"")
    periods = []
    for i, period in enumerate(entry.get("periods") or ()):
        k = key + ("periods", i)
        period = mapping(doc, k, period, "a period: days, open, close")
        check_keys(doc, k, period, {"days", "open", "close"}, set())
        opens, closes = _clock(doc, k + ("open",), period["open"]), _clock(doc, k + ("close",), period["close"])
        if closes <= opens:
            raise doc.error(k + ("close",), "closes before it opens; write the times as 24-hour \"HH:MM\"")
        periods.append(Period(localized(doc, k + ("days",), period["days"], languages), opens, closes))
    source, checked = _sourced(doc, key, entry, store)
    note = localized(doc, key + ("note",), entry["note"], languages) if "note" in entry else None
    return Hours(tuple(periods), note, source, checked, doc.line(*key), doc.path)


def _tickets(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore,
             named: frozenset[str] = frozenset()) -> Tickets:
    entry = mapping(doc, key, value, "ticket prices: tickets, source, checked")
    check_keys(doc, key, entry, {"tickets", "source", "checked", *named}, {"note"})
    entry = _without_empty(entry, ("note",))
    if not isinstance(entry["tickets"], list) or not entry["tickets"]:
        raise doc.error(key + ("tickets",), "expected a list of tickets, each '- who: {vi: …, en: …}' with "
                                            "vnd: 20000 (0 for free)")
    tickets = []
    for i, ticket in enumerate(entry["tickets"]):
        k = key + ("tickets", i)
        ticket = mapping(doc, k, ticket, "a ticket: who and vnd")
        check_keys(doc, k, ticket, {"who", "vnd"}, set())
        vnd = number(doc, k + ("vnd",), ticket["vnd"])
        if vnd < 0:
            raise doc.error(k + ("vnd",), "a price cannot be negative; write 0 for free entry")
        tickets.append(Ticket(localized(doc, k + ("who",), ticket["who"], languages), vnd))
    source, checked = _sourced(doc, key, entry, store)
    note = localized(doc, key + ("note",), entry["note"], languages) if "note" in entry else None
    return Tickets(tuple(tickets), note, source, checked, doc.line(*key), doc.path)


# -- reading ----------------------------------------------------------------------------


def stale_facts(visiting: Visiting, today: dt.date) -> list[tuple[str, str, PartialDate]]:
    """``(what, file:line, checked)`` of the facts last known true more than :data:`STALE_AFTER_DAYS` before
    ``today``."""
    return [(what, where, checked) for what, where, checked in visiting.dated()
            if (today - checked.first_day).days > STALE_AFTER_DAYS]


def missing_facts(visiting: Visiting | None, place_keys: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """``(place key, missing fields)`` for places without opening hours or a ticket price."""
    out = []
    for key in place_keys:
        visit = visiting.places.get(key) if visiting else None
        missing = tuple(name for name in ("hours", "price") if visit is None or getattr(visit, name) is None)
        if missing:
            out.append((key, missing))
    return out


# -- rendering --------------------------------------------------------------------------


def checked_html(source: Source, checked: PartialDate, lang: str) -> str:
    """"Cập nhật ngày 8/3/2026 · Báo Điện Biên Phủ", the date in a ``<time>`` element."""
    words = strings(lang, "visiting")["checked"][_precision(checked)]
    when = f'<time datetime="{checked.isoformat()}">{escape(format_partial_date(checked, lang))}</time>'
    before, _, after = words.partition("{d}")
    return (f'<small class="db-checked">{escape(before)}{when}{escape(after)} · '
            f"{source_short_html(source, lang, dated=False)}</small>")


def _precision(date: PartialDate) -> str:
    return "day" if date.day else "month" if date.month else "year"


def _fact_html(fact: Fact, lang: str) -> str:
    return f"{escape(fact.text[lang])} {checked_html(fact.source, fact.checked, lang)}"


def _facts_html(facts: tuple[Fact, ...], lang: str) -> str:
    if len(facts) == 1:
        return _fact_html(facts[0], lang)
    return "<ul>" + "".join(f"<li>{_fact_html(f, lang)}</li>" for f in facts) + "</ul>"


def hours_html(hours: Hours, lang: str) -> str:
    """Periods with the same days on one line: "Hằng ngày: 07:00–11:00 và 13:30–17:00"."""
    t = strings(lang, "visiting")
    lines: dict[str, list[str]] = {}
    for p in hours.periods:
        span = f'{format_clock(p.open, lang)}–{format_clock(p.close, lang)}'
        lines.setdefault(p.days[lang], []).append(span)
    items = "".join(f"<li>{escape(days)}: {escape(t['and'].join(spans))}</li>" for days, spans in lines.items())
    note = f"<p>{escape(hours.note[lang])}</p>" if hours.note else ""
    return (f"<ul>{items}</ul>" if items else "") + f"{note}{checked_html(hours.source, hours.checked, lang)}"


def price_text(vnd: Decimal, lang: str) -> str:
    t = strings(lang, "visiting")
    return t["free"] if vnd == 0 else t["vnd"].replace("{n}", format_number(vnd, lang))


def tickets_html(tickets: Tickets, lang: str) -> str:
    items = "".join(f"<li>{escape(t.who[lang])}: {escape(price_text(t.vnd, lang))}</li>" for t in tickets.tickets)
    note = f"<p>{escape(tickets.note[lang])}</p>" if tickets.note else ""
    return f"<ul>{items}</ul>{note}{checked_html(tickets.source, tickets.checked, lang)}"


def plan_rows(visit: PlaceVisit | None, lang: str) -> list[tuple[str, str]]:
    """``(label, value HTML)`` for each practical fact the place has, in the page's order."""
    if visit is None:
        return []
    t, rows = strings(lang, "visiting"), []
    if visit.getting_there:
        rows.append((t["getting_there"], _facts_html(visit.getting_there, lang)))
    if visit.hours:
        rows.append((t["hours"], hours_html(visit.hours, lang)))
    if visit.price:
        rows.append((t["price"], tickets_html(visit.price, lang)))
    if visit.time_needed:
        rows.append((t["time_needed"], _facts_html(visit.time_needed, lang)))
    if visit.on_site:
        rows.append((t["on_site"], _facts_html(visit.on_site, lang)))
    return rows


def trip_markdown(facts: tuple[Fact, ...], lang: str) -> str:
    """A trip topic's facts as a list, each with its "checked" line ("" when there are none)."""
    if not facts:
        return ""
    items = "".join(f"<li>{_fact_html(f, lang)}</li>" for f in facts)
    return f'<ul class="db-practical">{items}</ul>\n'
