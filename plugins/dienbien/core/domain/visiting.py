"""Practical facts for visitors (``data/visiting.yml``): how to get to each place, its hours,
tickets, the time to allow and what is on site, and the trip page's flights, roads, lodging and
food. Every fact carries its source and ``checked``, the date it was known to be true, and every
page shows both ("Cập nhật ngày 8/3/2026 · Báo Điện Biên Phủ").

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
from ..data.schema import check_keys, localized, mapping, number, partial_date, reference
from ..data.yamlfile import YamlDocument, load_yaml
from ..errors import display_path

#: What a place's visit may say, in the order the page shows it.
PLACE_FIELDS = ("getting_there", "hours", "price", "time_needed", "on_site")
#: The trip page's practical facts (``{{ block.practical.KEY }}``).
TRIP_FIELDS = ("flights", "road", "getting_around", "stay", "eat", "buy", "etiquette", "families")
#: A practical fact older than this is listed as stale by the editor's report.
STALE_AFTER_DAYS = 365
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

TEXT = {
    "vi": {"plan": "Lên kế hoạch tham quan", "where": "Địa điểm", "getting_there": "Đường đi",
           "hours": "Giờ mở cửa", "price": "Giá vé", "time_needed": "Thời gian nên dành",
           "on_site": "Tại điểm tham quan", "visit": "Lưu ý", "free": "miễn phí", "vnd": "{n} đồng",
           "and": " và ", "checked": {"day": "Cập nhật ngày {d}", "month": "Cập nhật tháng {d}",
                                      "year": "Cập nhật năm {d}"},
           "coordinates": "Tọa độ", "osm": "Xem trên OpenStreetMap"},
    "en": {"plan": "Plan your visit", "where": "Where", "getting_there": "Getting there",
           "hours": "Opening hours", "price": "Tickets", "time_needed": "Time to allow",
           "on_site": "On site", "visit": "Good to know", "free": "free", "vnd": "VND {n}",
           "and": " and ", "checked": {"day": "Checked {d}", "month": "Checked {d}", "year": "Checked {d}"},
           "coordinates": "Coordinates", "osm": "View on OpenStreetMap"},
}


@dataclass(frozen=True)
class Fact:
    """One practical fact: a text in every language, its source and when it was known true."""

    text: dict[str, str]
    source: Source
    checked: PartialDate
    line: int


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
    path: str

    def dated(self) -> list[tuple[str, int, PartialDate]]:
        """``(what, line, checked)`` of every fact, for the editor's report."""
        out = []
        for key, visit in self.places.items():
            for name in PLACE_FIELDS:
                value = getattr(visit, name)
                for fact in (value if isinstance(value, tuple) else (value,) if value else ()):
                    out.append((f"{key}.{name}", fact.line, fact.checked))
        for name, facts in self.trip.items():
            out += [(f"trip.{name}", f.line, f.checked) for f in facts]
        return out


# -- loading ----------------------------------------------------------------------------


def load_visiting(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore,
                  place_keys: tuple[str, ...]) -> Visiting:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data or {}, "the practical facts: 'places:' and 'trip:'")
    check_keys(doc, (), data, set(), {"places", "trip"})
    places: dict[str, PlaceVisit] = {}
    for key, entry in mapping(doc, ("places",), data.get("places") or {}, "one entry per place key").items():
        k = ("places", key)
        reference(doc, k, key, place_keys, "place", "places are defined in data/places.yml")
        entry = mapping(doc, k, entry, "the place's practical facts")
        check_keys(doc, k, entry, set(), set(PLACE_FIELDS))
        places[key] = PlaceVisit(
            getting_there=_facts(doc, k + ("getting_there",), entry.get("getting_there"), languages, store),
            hours=_hours(doc, k + ("hours",), entry["hours"], languages, store) if "hours" in entry else None,
            price=_tickets(doc, k + ("price",), entry["price"], languages, store) if "price" in entry else None,
            time_needed=_facts(doc, k + ("time_needed",), entry.get("time_needed"), languages, store),
            on_site=_facts(doc, k + ("on_site",), entry.get("on_site"), languages, store),
        )
    trip_data = mapping(doc, ("trip",), data.get("trip") or {}, "one entry per topic")
    check_keys(doc, ("trip",), trip_data, set(), set(TRIP_FIELDS))
    trip = {name: _facts(doc, ("trip", name), value, languages, store) for name, value in trip_data.items()}
    return Visiting(places, trip, doc.path)


def _sourced(doc: YamlDocument, key: tuple, entry: dict, store: FigureStore) -> tuple[Source, PartialDate]:
    source = reference(doc, key + ("source",), entry["source"], store.sources, "source", SOURCES_AT)
    return store.sources[source], partial_date(doc, key + ("checked",), entry["checked"])


def _texts(doc: YamlDocument, key: tuple, entry: dict, languages: tuple[str, ...]) -> dict[str, str]:
    return localized(doc, key, {lang: entry[lang] for lang in languages if lang in entry}, languages)


def _facts(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore) -> tuple[Fact, ...]:
    if value is None:
        return ()
    entries = value if isinstance(value, list) else [value]
    facts = []
    for i, entry in enumerate(entries):
        k = key + (i,) if isinstance(value, list) else key
        entry = mapping(doc, k, entry, "a fact: vi, en, source and checked")
        check_keys(doc, k, entry, {*languages, "source", "checked"}, set())
        source, checked = _sourced(doc, k, entry, store)
        facts.append(Fact(_texts(doc, k, entry, languages), source, checked, doc.line(*k)))
    return tuple(facts)


def _clock(doc: YamlDocument, key: tuple, value) -> dt.time:
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise doc.error(key, f"expected a 24-hour time in quotes, e.g. \"07:30\", got {value!r}")
    return dt.time(int(match[1]), int(match[2]))


def _hours(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore) -> Hours:
    entry = mapping(doc, key, value, "opening hours: periods, source, checked")
    check_keys(doc, key, entry, {"source", "checked"}, {"periods", "note"})
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
    return Hours(tuple(periods), note, source, checked, doc.line(*key))


def _tickets(doc: YamlDocument, key: tuple, value, languages: tuple[str, ...], store: FigureStore) -> Tickets:
    entry = mapping(doc, key, value, "ticket prices: tickets, source, checked")
    check_keys(doc, key, entry, {"tickets", "source", "checked"}, {"note"})
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
    return Tickets(tuple(tickets), note, source, checked, doc.line(*key))


# -- reading ----------------------------------------------------------------------------


def stale_facts(visiting: Visiting, today: dt.date) -> list[tuple[str, int, PartialDate]]:
    """Facts last known true more than :data:`STALE_AFTER_DAYS` before ``today``."""
    return [(what, line, checked) for what, line, checked in visiting.dated()
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
    words = TEXT[lang]["checked"][_precision(checked)]
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
    t = TEXT[lang]
    lines: dict[str, list[str]] = {}
    for p in hours.periods:
        span = f'{format_clock(p.open, lang)}–{format_clock(p.close, lang)}'
        lines.setdefault(p.days[lang], []).append(span)
    items = "".join(f"<li>{escape(days)}: {escape(t['and'].join(spans))}</li>" for days, spans in lines.items())
    note = f"<p>{escape(hours.note[lang])}</p>" if hours.note else ""
    return (f"<ul>{items}</ul>" if items else "") + f"{note}{checked_html(hours.source, hours.checked, lang)}"


def price_text(vnd: Decimal, lang: str) -> str:
    t = TEXT[lang]
    return t["free"] if vnd == 0 else t["vnd"].replace("{n}", format_number(vnd, lang))


def tickets_html(tickets: Tickets, lang: str) -> str:
    items = "".join(f"<li>{escape(t.who[lang])}: {escape(price_text(t.vnd, lang))}</li>" for t in tickets.tickets)
    note = f"<p>{escape(tickets.note[lang])}</p>" if tickets.note else ""
    return f"<ul>{items}</ul>{note}{checked_html(tickets.source, tickets.checked, lang)}"


def plan_rows(visit: PlaceVisit | None, lang: str) -> list[tuple[str, str]]:
    """``(label, value HTML)`` for each practical fact the place has, in the page's order."""
    if visit is None:
        return []
    t, rows = TEXT[lang], []
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
