"""Festivals and events (``data/events.yml``): the events page of each language, and the
calendar files (RFC 5545) a visitor can add to a phone's calendar.

An event recurs on the solar calendar (the Ban Flower Festival in March, the 7 May victory
anniversary), on the lunar calendar (Thành Bản Phủ, Tết Hoa mào gà), or at a time the site
does not know. Its coming dates are worked out from its ``when``:

- a yearly anniversary falls on its solar date;
- a solar festival with days (13–15 April) is expected on those days, one with only a month
  (March) is expected in that month;
- a lunar festival with days (22–25 of the second lunar month) is expected on those days,
  converted to solar dates with the Vietnamese lunar calendar; one with only a month is
  expected within that lunar month, converted the same way.

Converted and expected dates are marked as expected: the organisers confirm them. A dated
edition from a source replaces the expected date of its year. The page leads with the next
twelve months; the calendar files hold every dated edition, the anniversaries (yearly) and
the expected dates of the next two years.

The lunar calendar is the ``lunar-vn`` package: Hồ Ngọc Đức's published algorithm for the
Vietnamese calendar, computed for UTC+7. The Chinese calendar (UTC+8) differs from it in some
years (Tết fell on 21/1/1985 in Vietnam, on 20/2/1985 in China), so a Chinese lunar library
would put some festivals a month or a day off.

"Today" is the reference date of a build: the day of ``SOURCE_DATE_EPOCH`` in Vietnam when
the build sets it, otherwise the build day in Vietnam (UTC+7). Two builds on one day, or with
one ``SOURCE_DATE_EPOCH``, give the same bytes. ``DTSTAMP`` is the list's ``checked`` date,
or ``SOURCE_DATE_EPOCH`` when set.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from lunar_vn import LunarDate, lunar_to_solar, solar_to_lunar

from ..data.dates import PartialDate
from ..data.figures import FigureStore, Source, cited_sources
from ..data.formatting import (
    date_html,
    date_range_html,
    format_clock,
    format_date_range,
    format_figure,
    source_short_html,
)
from ..data.schema import check_keys, choice, date_value, localized, mapping, reference, slug, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path
from ..markdown.markup import TOKEN
from ..markdown.slugs import slugify

#: The page that shows ``{{ block.events }}`` and the calendar files, the same in every language.
PAGE = "du-lich/le-hoi.md"
ALL_EVENTS = "events.ics"
FOLDER = "events"
TZID = "Asia/Ho_Chi_Minh"
OFFSET = "+07:00"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
TYPES = ("Festival", "Event")
CALENDARS = ("solar", "lunar", "not_given")
EVERY = ("year", "few_years")
PARTS = ("evening",)
#: How many coming dates of each event the calendar files and the event's section hold.
AHEAD = 2
#: A dated edition this close to an expected date is that year's edition and replaces it.
SAME_EDITION = dt.timedelta(days=45)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class When:
    calendar: str
    months: tuple[int, int] | None
    days: tuple[int, int] | None
    every: str
    text: dict[str, str] | None


@dataclass(frozen=True)
class Edition:
    start: dt.date
    end: dt.date | None
    time: dt.time | None
    part: str | None
    title: dict[str, str]
    venue: dict[str, str] | None
    note: dict[str, str] | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Event:
    key: str
    type: str
    name: dict[str, str]
    what: dict[str, str]
    where: dict[str, str]
    when: When
    anniversary_of: dt.date | None
    place: str | None
    group: str | None
    editions: tuple[Edition, ...]
    sources: tuple[Source, ...]

    def anchor(self, lang: str) -> str:
        """The id of the event's heading on the events page: its name as a readable anchor."""
        return slugify(self.name[lang])


@dataclass(frozen=True)
class Events:
    checked: dt.date
    events: tuple[Event, ...]
    path: str


# -- loading ------------------------------------------------------------------------------

def _whole(doc, key, value, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise doc.error(key, f"expected {what} from {low} to {high}, got {value!r}")
    return value


def _range(doc, key, value, low: int, high: int, what: str) -> tuple[int, int]:
    """``7`` or ``[22, 25]``: one number or a first and last one."""
    if isinstance(value, list):
        if len(value) != 2:
            raise doc.error(key, f"expected one {what} or a list of the first and last: [22, 25]")
        first = _whole(doc, key + (0,), value[0], low, high, what)
        last = _whole(doc, key + (1,), value[1], low, high, what)
        if last < first:
            raise doc.error(key, f"the last {what} ({last}) comes before the first ({first})")
        return first, last
    number = _whole(doc, key, value, low, high, what)
    return number, number


_SOLAR_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _when(doc, key, value, languages) -> When:
    entry = mapping(doc, key, value, "when it is held")
    check_keys(doc, key, entry, {"calendar"}, {"month", "days", "every", "text"})
    calendar = choice(doc, key + ("calendar",), entry["calendar"], CALENDARS)
    months = days = None
    if "month" in entry:
        months = _range(doc, key + ("month",), entry["month"], 1, 12, "month")
    if "days" in entry:
        if months is None:
            raise doc.error(key + ("days",), "days need a month", "add 'month:'")
        # A lunar month has 29 or 30 days; a solar one as many as its calendar month.
        high = 30 if calendar == "lunar" else max(_SOLAR_DAYS[m - 1] for m in range(months[0], months[1] + 1))
        what = "lunar day" if calendar == "lunar" else "day of the month"
        days = _range(doc, key + ("days",), entry["days"], 1, high, what)
    if calendar == "not_given" and (months or days):
        raise doc.error(key + ("calendar",), "calendar: not_given cannot have a month or days",
                        "use solar or lunar, or remove month and days")
    if calendar != "not_given" and "text" not in entry:
        raise doc.error(key + ("calendar",), "missing field 'text'",
                        "add 'text:' with the timing as the page shows it, or use calendar: not_given")
    return When(calendar, months, days, choice(doc, key + ("every",), entry.get("every", "year"), EVERY),
                localized(doc, key + ("text",), entry["text"], languages) if "text" in entry else None)


def _time(doc, key, value) -> dt.time:
    written = text(doc, key, value)
    match = _TIME.match(written)
    if not match:
        raise doc.error(key, f"expected a time written HH:MM (24-hour), got {written!r}", 'e.g. time: "19:30"')
    return dt.time(int(match.group(1)), int(match.group(2)))


def _edition(doc, key, value, languages, store) -> Edition:
    entry = mapping(doc, key, value, "an edition")
    check_keys(doc, key, entry, {"start", "title", "sources"}, {"end", "time", "part", "venue", "note"})
    start = date_value(doc, key + ("start",), entry["start"])
    end = date_value(doc, key + ("end",), entry["end"]) if entry.get("end") is not None else None
    if end is not None and end < start:
        raise doc.error(key + ("end",), f"the edition ends ({end}) before it starts ({start})")
    if end == start:
        end = None
    time = _time(doc, key + ("time",), entry["time"]) if entry.get("time") is not None else None
    if time is not None and end is not None:
        raise doc.error(key + ("time",), "a time is for a one-day edition",
                        "give the opening as its own edition, or remove end")
    part = choice(doc, key + ("part",), entry["part"], PARTS) if entry.get("part") is not None else None
    if part and time:
        raise doc.error(key + ("part",), "give either time or part, not both")
    sources = cited_sources(doc, key + ("sources",), entry["sources"], store)
    if not sources:
        raise doc.error(key + ("sources",), "an edition needs at least one source")
    return Edition(start, end, time, part, localized(doc, key + ("title",), entry["title"], languages),
                   localized(doc, key + ("venue",), entry["venue"], languages) if entry.get("venue") else None,
                   localized(doc, key + ("note",), entry["note"], languages) if entry.get("note") else None,
                   sources)


def load_events(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore,
                place_keys=(), group_keys=()) -> Events:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the events file")
    check_keys(doc, (), data, {"checked", "events"}, set())
    if not isinstance(data["events"], list):
        raise doc.error(("events",), "expected a list of events, each starting with '- key:'")
    events: dict[str, Event] = {}
    lines: dict[str, int] = {}
    for i, entry in enumerate(data["events"]):
        k = ("events", i)
        entry = mapping(doc, k, entry, "an event")
        check_keys(doc, k, entry, {"key", "type", "name", "what", "where", "when", "sources"},
                   {"anniversary_of", "place", "group", "editions"})
        key = slug(doc, k + ("key",), entry["key"])
        if key in events:
            raise doc.error(k + ("key",), f"event '{key}' is already listed at line {lines[key]}")
        when = _when(doc, k + ("when",), entry["when"], languages)
        anniversary = None
        if entry.get("anniversary_of") is not None:
            anniversary = date_value(doc, k + ("anniversary_of",), entry["anniversary_of"])
            if when.calendar != "solar" or when.months != (anniversary.month,) * 2 \
                    or when.days != (anniversary.day,) * 2:
                raise doc.error(k + ("anniversary_of",), "an anniversary recurs on its solar date",
                                f"set when: calendar: solar, month: {anniversary.month}, days: {anniversary.day}")
        place = group = None
        if entry.get("place") is not None:
            place = reference(doc, k + ("place",), entry["place"], place_keys, "place",
                              "places are defined in data/places.yml")
        if entry.get("group") is not None:
            group = reference(doc, k + ("group",), entry["group"], group_keys, "ethnic group",
                              "ethnic groups are defined in data/ethnic_groups.yml")
        editions = entry.get("editions") or []
        if not isinstance(editions, list):
            raise doc.error(k + ("editions",), "expected a list of editions, each starting with '- start:'")
        events[key] = Event(
            key=key,
            type=choice(doc, k + ("type",), entry["type"], TYPES),
            name=localized(doc, k + ("name",), entry["name"], languages),
            what=localized(doc, k + ("what",), entry["what"], languages),
            where=localized(doc, k + ("where",), entry["where"], languages),
            when=when,
            anniversary_of=anniversary,
            place=place,
            group=group,
            editions=tuple(sorted((_edition(doc, k + ("editions", n), e, languages, store)
                                   for n, e in enumerate(editions)), key=lambda e: (e.start, e.time or dt.time()))),
            sources=cited_sources(doc, k + ("sources",), entry["sources"], store),
        )
        lines[key] = doc.line(*k)
    return Events(date_value(doc, ("checked",), data["checked"]), tuple(events.values()), doc.path)


# -- the reference date and the lunar calendar -------------------------------------------------

def reference_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """"Today" for a build: the day of ``SOURCE_DATE_EPOCH`` in Vietnam when set, else the
    build day in Vietnam (UTC+7)."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.astimezone(VIETNAM).date()


def lunar_day(year: int, month: int, day: int) -> dt.date:
    """The solar date of a day of a lunar month (not a leap month) of the Vietnamese calendar.

    A festival held in a month that has a leap twin is held in the regular month. Day 30 of a
    month that has only 29 days is its last day, as "the 30th" is kept in a short month.
    """
    solar = lunar_to_solar(LunarDate(day, month, year))
    if day == 30 and solar_to_lunar(solar).day != 30:
        solar -= dt.timedelta(days=1)
    return solar


def tet(year: int) -> dt.date:
    """The first day of the lunar year: Tết Nguyên đán."""
    return lunar_day(year, 1, 1)


def lunar_month_name(month: int, lang: str) -> str:
    t = strings(lang, "events")
    return t["lunar_month"].format(month=t["lunar_months"][month - 1])


# -- coming dates ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """One date of an event: a dated edition, an anniversary, or an expected date.

    ``span`` is ``days`` (start to end), ``solar_month`` (only the month is known) or
    ``lunar_month`` (the whole lunar month, converted)."""

    event: Event
    start: dt.date
    end: dt.date | None
    span: str = "days"
    expected: bool = False
    edition: Edition | None = None
    yearly: bool = False

    @property
    def last(self) -> dt.date:
        return self.end or self.start

    @property
    def id(self) -> str:
        if self.edition is not None:
            return edition_id(self.event, self.edition)
        if self.yearly:
            return yearly_id(self.event)
        return f"{self.event.key}-{self.start.year}-du-kien"

    @property
    def in_calendar(self) -> bool:
        """A calendar entry needs days: a solar month alone is not one."""
        return self.span != "solar_month"

    def title(self, lang: str) -> str:
        return self.edition.title[lang] if self.edition is not None else self.event.name[lang]


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def expected_in(event: Event, year: int) -> Occurrence | None:
    """The event's date in ``year`` from its ``when`` (lunar ``year`` for a lunar event), or
    None when the site cannot tell it: no month, several months, or not every year."""
    if event.anniversary_of is not None:
        day = event.anniversary_of
        return Occurrence(event, dt.date(year, day.month, day.day), None, yearly=True)
    when = event.when
    if when.every != "year" or when.calendar == "not_given" or when.months is None:
        return None
    month, last_month = when.months
    if month != last_month:
        return None
    if when.calendar == "solar":
        if when.days is None:
            return Occurrence(event, dt.date(year, month, 1), _month_end(year, month), "solar_month", True)
        return Occurrence(event, dt.date(year, month, when.days[0]), dt.date(year, month, when.days[1]),
                          expected=True)
    if when.days is None:
        return Occurrence(event, lunar_day(year, month, 1), lunar_day(year, month, 30), "lunar_month", True)
    first, last = lunar_day(year, month, when.days[0]), lunar_day(year, month, when.days[1])
    return Occurrence(event, first, last if last != first else None, expected=True)


def expected_dates(event: Event, today: dt.date, ahead: int = AHEAD) -> list[Occurrence]:
    """The next ``ahead`` dates worked out from ``when`` that have not ended before ``today``,
    leaving out any year that a dated edition already gives."""
    found = []
    for year in range(today.year - 1, today.year + ahead + 2):
        occurrence = expected_in(event, year)
        if occurrence is None or occurrence.last < today:
            continue
        if any(abs(ed.start - occurrence.start) <= SAME_EDITION for ed in event.editions):
            continue
        found.append(occurrence)
    return found[:ahead]


def coming(event: Event, today: dt.date, ahead: int = AHEAD) -> list[Occurrence]:
    """Dated editions that have not ended, and the next expected dates, by date."""
    dated = [Occurrence(event, ed.start, ed.end, edition=ed) for ed in event.editions if (ed.end or ed.start) >= today]
    return sorted([*dated, *expected_dates(event, today, ahead)], key=lambda o: (o.start, o.last))


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28) + dt.timedelta(days=1)


def next_twelve_months(events: Events, today: dt.date) -> list[Occurrence]:
    """Every date of every event from ``today`` to a year later, by date."""
    until = _a_year_after(today)
    found = [o for ev in events.events for o in coming(ev, today) if o.start < until]
    return sorted(found, key=lambda o: (o.start, o.last, o.event.key))


# -- dates as text ------------------------------------------------------------------------------

def edition_iso(e: Edition) -> tuple[str, str | None]:
    """ISO 8601 start and end as schema.org and ``<time datetime>`` want them (``+07:00``)."""
    if e.time is not None:
        return f"{e.start.isoformat()}T{e.time:%H:%M}:00{OFFSET}", None
    return e.start.isoformat(), e.end.isoformat() if e.end else None


def edition_when(e: Edition, lang: str) -> str:
    """The edition's date as HTML in the house style, in ``<time>`` elements."""
    if e.time is not None:
        start, _ = edition_iso(e)
        shown = f"{format_date_range(e.start, None, lang)}, {format_clock(e.time, lang)}"
        html = f'<time datetime="{start}">{escape(shown)}</time>'
    else:
        html = date_range_html(e.start, e.end, lang)
    if e.part:
        html += f" ({strings(lang, 'events')[e.part]})"
    return html


def occurrence_when(o: Occurrence, lang: str) -> str:
    """The date of a coming occurrence as HTML, marked where it is expected."""
    if o.edition is not None:
        return edition_when(o.edition, lang)
    t = strings(lang, "events")
    if o.span == "solar_month":
        html = date_html(PartialDate(o.start.year, o.start.month), lang)
    else:
        html = date_range_html(o.start, o.end, lang)
    marks = []
    if o.span == "lunar_month":
        marks.append(lunar_month_name(o.event.when.months[0], lang))
    if o.expected:
        marks.append(t["expected"])
    return html + (f" ({', '.join(marks)})" if marks else "")


def plain(value: str, store: FigureStore, lang: str) -> str:
    """A data text with its ``{{ fig.KEY }}`` tokens written out, for calendars and JSON-LD."""
    return TOKEN.sub(lambda m: format_figure(store.figures[m.group(1)], lang), value)


# -- the page -------------------------------------------------------------------------------------

def edition_id(event: Event, edition: Edition) -> str:
    return f"{event.key}-{edition.start:%Y%m%d}"


def yearly_id(event: Event) -> str:
    return f"{event.key}-hang-nam"


def calendar_file(o: Occurrence) -> str | None:
    """The calendar file of one occurrence (an anniversary's repeats every year)."""
    return f"{FOLDER}/{o.id}.ics" if o.in_calendar else None


def events_markdown(events: Events, store: FigureStore, lang: str, link_to, link_of_place, link_of_group,
                    group_name, today: dt.date | None = None) -> str:
    """The events page body: the next twelve months by date, then each event, its coming dates
    and its past editions. ``link_to(site_path)`` makes a link to a calendar file."""
    today = today or reference_date()
    t = strings(lang, "events")
    out = [f"## {t['next_months']}\n"]
    items = []
    for o in next_twelve_months(events, today):
        ev = o.event
        item = f"- **{occurrence_when(o, lang)}** · [{escape(o.title(lang))}](#{ev.anchor(lang)})"
        where = o.edition.venue[lang] if o.edition is not None and o.edition.venue else ev.where[lang]
        item += f" · {escape(where)}"
        if calendar_file(o):
            item += f" · [{t['add']}]({link_to(calendar_file(o))})"
        items.append(item)
    out += [*items, ""]
    out.append(f"{t['next_months_note']}\n")
    out.append(f"**{t['download']}:** [{t['all']}]({link_to(ALL_EVENTS)}), {t['download_note']}\n")
    for ev in events.events:
        out.append(f"## {ev.name[lang]}\n")
        out.append(f"{ev.what[lang]}\n")
        rows = []
        if ev.when.text:
            rows.append(f"- **{t['when']}:** {ev.when.text[lang]}")
        rows += _coming_row(ev, lang, today, link_to)
        where = ev.where[lang]
        if ev.place:
            where += f" ([{t['see_place']}]({link_of_place(ev.place)}))"
        rows.append(f"- **{t['where']}:** {where}")
        if ev.group:
            rows.append(f"- **{t['group']}:** [{group_name(ev.group, lang)}]({link_of_group(ev.group)})")
        if ev.anniversary_of is not None:
            rows.append(f"- [{t['add_yearly']}]({link_to(f'{FOLDER}/{yearly_id(ev)}.ics')})")
        out.append("\n".join(rows) + "\n")
        out += _past_editions(ev, lang, today)
        sources = list({id(s): s for s in [*ev.sources, *(s for ed in ev.editions for s in ed.sources)]}.values())
        out.append(f'<small class="db-src">{t["sources"]}: '
                   + "; ".join(source_short_html(s, lang) for s in sources) + "</small>\n")
    return "\n".join(out) + "\n"


def _coming_row(ev: Event, lang: str, today: dt.date, link_to) -> list[str]:
    """The event's coming dates as one list item, each with its calendar file; none: no item."""
    t = strings(lang, "events")
    shown = []
    for o in coming(ev, today):
        date = occurrence_when(o, lang)
        if calendar_file(o) and not o.yearly:
            date += f" · [{t['add']}]({link_to(calendar_file(o))})"
        shown.append(date)
    return [f"- **{t['coming']}:** " + "; ".join(shown)] if shown else []


def _past_editions(ev: Event, lang: str, today: dt.date) -> list[str]:
    """The editions that have ended, newest first, as Markdown lines (none: no lines)."""
    past = [ed for ed in ev.editions if (ed.end or ed.start) < today]
    if not past:
        return []
    # A list, not a table: it reads on a phone without scrolling sideways.
    out = [f"**{strings(lang, 'events')['past']}:**\n"]
    for ed in reversed(past):
        venue = f"; {escape(ed.venue[lang])}" if ed.venue else ""
        note = f" {escape(ed.note[lang])}" if ed.note else ""
        out.append(f"- **{escape(ed.title[lang])}:** {edition_when(ed, lang)}{venue}.{note}")
    return [*out, ""]


def event_markdown(events: Events, key: str, lang: str, link_to, today: dt.date | None = None) -> str:
    """One event's dates for another page (``{{ block.event.KEY }}``): its coming dates with their
    calendar files and its past editions, from data/events.yml. None of it is typed by hand, so
    it never goes stale."""
    today = today or reference_date()
    ev = next((e for e in events.events if e.key == key), None)
    if ev is None:
        raise KeyError(key)
    rows = _coming_row(ev, lang, today, link_to)
    out = ["\n".join(rows) + "\n"] if rows else []
    out += _past_editions(ev, lang, today)
    return "\n".join(out) + "\n"


# -- calendar files (RFC 5545) ----------------------------------------------------------------

def _escape_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _stamp(events: Events) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        moment = dt.datetime.combine(events.checked, dt.time(), dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


_VTIMEZONE = ["BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
              "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:+07", "END:STANDARD", "END:VTIMEZONE"]


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT: a dated edition, or an anniversary recurring every year."""

    uid: str
    file: str
    lines: tuple[str, ...]


def _all_day(start: dt.date, last: dt.date) -> list[str]:
    """An all-day span: DTEND is the day after the last (RFC 5545 §3.6.1)."""
    return [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}"]


def calendar_entries(events: Events, store: FigureStore, lang: str, page_url: str,
                     domain: str, today: dt.date | None = None) -> list[CalendarEntry]:
    """Every dated edition, each anniversary (repeating yearly from its next date) and the
    expected dates of the next two years."""
    today = today or reference_date()
    t = strings(lang, "events")
    stamp = _stamp(events)
    entries = []
    for ev in events.events:
        url = f"{page_url}#{ev.anchor(lang)}"
        about = plain(ev.what[lang], store, lang)
        where = _escape_text(ev.where[lang])
        if ev.anniversary_of is not None:
            (next_one,) = expected_dates(ev, today, 1)
            lines = [f"UID:{yearly_id(ev)}@{domain}", f"DTSTAMP:{stamp}", *_all_day(next_one.start, next_one.start),
                     "RRULE:FREQ=YEARLY", f"SUMMARY:{_escape_text(ev.name[lang])}",
                     f"DESCRIPTION:{_escape_text(about)}", f"LOCATION:{where}", "TRANSP:TRANSPARENT", f"URL:{url}"]
            entries.append(CalendarEntry(f"{yearly_id(ev)}@{domain}", f"{FOLDER}/{yearly_id(ev)}.ics", tuple(lines)))
        for ed in ev.editions:
            uid = f"{edition_id(ev, ed)}@{domain}"
            lines = [f"UID:{uid}", f"DTSTAMP:{stamp}"]
            if ed.time is not None:
                lines.append(f"DTSTART;TZID={TZID}:{ed.start:%Y%m%d}T{ed.time:%H%M}00")
            else:
                lines += _all_day(ed.start, ed.end or ed.start)
            description = [about]
            if ed.part:
                description.append(f"{t['when']}: {t[ed.part]}")
            if ed.note:
                description.append(plain(ed.note[lang], store, lang))
            description.append(f"{t['sources']}: " + "; ".join(
                s.publisher_in(lang) + (f", {s.url}" if s.url else "") for s in ed.sources))
            lines += [f"SUMMARY:{_escape_text(ed.title[lang])}",
                      f"DESCRIPTION:{_escape_text(chr(10).join(description))}",
                      f"LOCATION:{_escape_text(ed.venue[lang]) if ed.venue else where}",
                      "TRANSP:TRANSPARENT", f"URL:{url}"]
            entries.append(CalendarEntry(uid, f"{FOLDER}/{edition_id(ev, ed)}.ics", tuple(lines)))
        if ev.anniversary_of is not None:
            continue
        for o in expected_dates(ev, today):
            if not o.in_calendar:
                continue
            summary = f"{ev.name[lang]} ({t['expected']})"
            description = [about]
            if ev.when.text:
                description.append(f"{t['when']}: {plain(ev.when.text[lang], store, lang)}")
            description.append(t["expected_note"])
            lines = [f"UID:{o.id}@{domain}", f"DTSTAMP:{stamp}", *_all_day(o.start, o.last),
                     f"SUMMARY:{_escape_text(summary)}", f"DESCRIPTION:{_escape_text(chr(10).join(description))}",
                     f"LOCATION:{where}", "STATUS:TENTATIVE", "TRANSP:TRANSPARENT", f"URL:{url}"]
            entries.append(CalendarEntry(f"{o.id}@{domain}", f"{FOLDER}/{o.id}.ics", tuple(lines)))
    return entries


def calendar_text(entries: list[CalendarEntry], lang: str, calendar_name: str) -> str:
    """A VCALENDAR with the given entries, CRLF line ends, folded lines."""
    uses_tz = any(line.startswith("DTSTART;TZID=") for e in entries for line in e.lines)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Dien Bien site//events {lang}//{lang.upper()}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape_text(calendar_name)}",
             f"X-WR-TIMEZONE:{TZID}"]
    if uses_tz:
        lines += _VTIMEZONE
    for entry in entries:
        lines += ["BEGIN:VEVENT", *entry.lines, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_files(events: Events, store: FigureStore, lang: str, page_url: str, domain: str,
                   calendar_name: str, today: dt.date | None = None) -> dict[str, str]:
    """Site path → text: ``events.ics`` with every entry, and one file per entry."""
    entries = calendar_entries(events, store, lang, page_url, domain, today)
    files = {ALL_EVENTS: calendar_text(entries, lang, calendar_name)}
    for entry in entries:
        files[entry.file] = calendar_text([entry], lang, calendar_name)
    return files
