"""Trip planning data: sample itineraries (``data/itineraries.yml``) and "when to go" month
by month (``data/months.yml``), rendered per language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from babel.dates import get_month_names

from ..data.figures import FigureStore, Source, cited_sources
from ..data.formatting import format_date, source_short_html
from ..data.schema import check_keys, choice, date_value, localized, localized_list, mapping, slug
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path

PARTS = ("morning", "afternoon", "evening", "full_day")
#: How a visitor without a car of their own gets to a stop.
MODES = ("walk", "taxi_or_motorbike", "road")
SEASONS = ("dry", "wet")


@dataclass(frozen=True)
class Stop:
    place: str | None
    name: dict[str, str] | None
    part: str
    mode: str  # one of MODES
    transport: dict[str, str]  # how to get there: the way, the distance
    note: dict[str, str] | None
    family: dict[str, str] | None = None  # why children enjoy it, when a source says so


@dataclass(frozen=True)
class Day:
    title: dict[str, str]
    stops: tuple[Stop, ...]


@dataclass(frozen=True)
class Itinerary:
    key: str
    title: dict[str, str]
    summary: dict[str, str]
    days: tuple[Day, ...]


@dataclass(frozen=True)
class Month:
    month: int
    season: str
    highlights: tuple[dict[str, str], ...]
    sources: tuple[Source, ...]
    summary: dict[str, str] | None = None  # one line for the front page's season


@dataclass(frozen=True)
class Months:
    checked: dt.date
    months: tuple[Month, ...]


def load_itineraries(path: Path, root: Path, languages: tuple[str, ...], place_keys) -> tuple[Itinerary, ...]:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the itineraries file")
    check_keys(doc, (), data, {"itineraries"}, set())
    result = []
    for i, entry in enumerate(data["itineraries"] or []):
        k = ("itineraries", i)
        entry = mapping(doc, k, entry, "an itinerary")
        check_keys(doc, k, entry, {"key", "title", "summary", "days"}, set())
        days = []
        for d, day in enumerate(entry["days"] or []):
            dk = k + ("days", d)
            day = mapping(doc, dk, day, "a day")
            check_keys(doc, dk, day, {"title", "stops"}, set())
            stops = []
            for s, stop in enumerate(day["stops"] or []):
                sk = dk + ("stops", s)
                stop = mapping(doc, sk, stop, "a stop")
                check_keys(doc, sk, stop, {"part", "mode", "transport"}, {"place", "name", "note", "family"})
                if ("place" in stop) == ("name" in stop):
                    raise doc.error(sk, "give either place: (a key of data/places.yml) or name: {vi: …, en: …}")
                place = stop.get("place")
                if place is not None and place not in place_keys:
                    raise doc.error(sk + ("place",), f"unknown place key '{place}'",
                                    "places are defined in data/places.yml")
                stops.append(Stop(
                    place=place,
                    name=localized(doc, sk + ("name",), stop["name"], languages) if "name" in stop else None,
                    part=choice(doc, sk + ("part",), stop["part"], PARTS),
                    mode=choice(doc, sk + ("mode",), stop["mode"], MODES),
                    transport=localized(doc, sk + ("transport",), stop["transport"], languages),
                    note=localized(doc, sk + ("note",), stop["note"], languages) if stop.get("note") else None,
                    family=localized(doc, sk + ("family",), stop["family"], languages) if stop.get("family") else None,
                ))
            days.append(Day(localized(doc, dk + ("title",), day["title"], languages), tuple(stops)))
        result.append(Itinerary(slug(doc, k + ("key",), entry["key"]),
                                localized(doc, k + ("title",), entry["title"], languages),
                                localized(doc, k + ("summary",), entry["summary"], languages), tuple(days)))
    return tuple(result)


def load_months(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> Months:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the months file")
    check_keys(doc, (), data, {"checked", "months"}, set())
    months = []
    for i, entry in enumerate(data["months"] or []):
        k = ("months", i)
        entry = mapping(doc, k, entry, "a month")
        check_keys(doc, k, entry, {"month", "season"}, {"highlights", "sources", "summary"})
        if entry["month"] != i + 1:
            raise doc.error(k + ("month",), f"expected month {i + 1} here (months go 1 to 12, in order)")
        months.append(Month(entry["month"], choice(doc, k + ("season",), entry["season"], SEASONS),
                            tuple(localized_list(doc, k + ("highlights",), entry.get("highlights"), languages)),
                            cited_sources(doc, k + ("sources",), entry.get("sources"), store),
                            localized(doc, k + ("summary",), entry["summary"], languages) if entry.get("summary")
                            else None))
    if len(months) != 12:
        raise doc.error(("months",), f"expected 12 months, found {len(months)}")
    return Months(date_value(doc, ("checked",), data["checked"]), tuple(months))


def itineraries_markdown(itineraries: tuple[Itinerary, ...], lang: str, place_name, link_of_place,
                         time_needed=None) -> str:
    """Each itinerary: its days, and for each stop the part of the day, what to see, how to get
    there without a car of one's own (on foot, by taxi or rented motorbike, by road), whether
    children enjoy it and, from the place's practical facts, the time to allow.

    ``time_needed(place_key, lang)`` returns that fact's HTML with its "checked" line, or "".
    """
    t = strings(lang, "planning")
    out = []
    for it in itineraries:
        out.append(f"### {it.title[lang]}\n\n{it.summary[lang]}\n")
        for n, day in enumerate(it.days, 1):
            heading = t["day"].format(n=n) if len(it.days) > 1 else ""
            out.append(f"**{heading + ': ' if heading else ''}{day.title[lang]}**\n")
            for stop in day.stops:
                name = f"[{place_name(stop.place, lang)}]({link_of_place(stop.place)})" if stop.place \
                    else stop.name[lang]
                note = f" {stop.note[lang]}" if stop.note else ""
                family = (f' <span class="db-family">{t["family"]}</span> {stop.family[lang]}'
                          if stop.family else "")
                time = time_needed(stop.place, lang) if time_needed and stop.place else ""
                time = f'<span class="db-move">{t["time_needed"]}: {time}</span>' if time else ""
                move = f'<span class="db-move">{t[stop.mode]}: {stop.transport[lang]}</span>'
                out.append(f"- *{t[stop.part]}:* **{name}**.{note}{family} {move}{time}")
            out.append("")
    return "\n".join(out) + "\n"


def month_name(month: int, lang: str) -> str:
    """"Tháng 3", "March": the month's name standing alone, capitalised."""
    name = get_month_names("wide", "stand-alone", locale=lang)[month]
    return name[:1].upper() + name[1:]


def months_markdown(months: Months, lang: str) -> str:
    """The year month by month as a table that becomes one card per month on a phone: each cell
    carries its column's name (``data-label``) for the narrow layout's labels."""
    t = strings(lang, "planning")
    head = "".join(f'<th scope="col">{escape(t[c])}</th>' for c in ("month", "season", "highlights", "sources"))
    rows = []
    for m in months.months:
        items = "".join(f"<li>{escape(h[lang])}</li>" for h in m.highlights)
        highlights = f"<ul>{items}</ul>" if items else "—"
        sources = "; ".join(source_short_html(s, lang) for s in m.sources) or "—"
        empty = ' class="db-months__empty"' if not m.highlights else ""
        rows.append(f'<tr{empty}><th scope="row">{escape(month_name(m.month, lang))}</th>'
                    f'<td data-label="{escape(t["season"])}">{escape(t[m.season])}</td>'
                    f'<td data-label="{escape(t["highlights"])}">{highlights}</td>'
                    f'<td data-label="{escape(t["sources"])}" class="db-months__src">{sources}</td></tr>')
    when = f'<time datetime="{months.checked.isoformat()}">{format_date(months.checked, lang)}</time>'
    table = (f'<table class="db-months"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return f'<div class="db-months-wrap">{table}</div>\n\n*{t["checked"]}: {when}*\n'
