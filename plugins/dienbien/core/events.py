"""Festivals and events (``data/events.yml``): the events page of each language, and the
calendar files (RFC 5545) a visitor can add to a phone's calendar.

An event recurs on the solar calendar (the Ban Flower Festival in March, the 7 May victory
anniversary) or on the lunar calendar (Thành Bản Phủ, Tết Hoa mào gà), or the sources give no
timing at all. Lunar dates are never converted: a lunar event gets a solar date only from a
dated edition that a source gives. The calendar files therefore hold the dated editions and the
yearly solar anniversaries; every other event says on the page why it is not in them.

Builds are byte-reproducible: nothing here reads the clock. ``DTSTAMP`` is the list's
``checked`` date, or ``SOURCE_DATE_EPOCH`` when the build sets it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .errors import display_path
from .figures import FigureStore, Source, cited_sources
from .formatting import format_clock, format_date, format_figure, source_short_html
from .markup import TOKEN
from .schema import check_keys, choice, date_value, localized, mapping, reference, slug, text
from .slugs import slugify
from .yamlfile import load_yaml

#: The page that shows ``{{ block.events }}`` and the calendar files, the same in every language.
PAGE = "du-lich/le-hoi.md"
ALL_EVENTS = "events.ics"
FOLDER = "events"
TZID = "Asia/Ho_Chi_Minh"
OFFSET = "+07:00"
TYPES = ("Festival", "Event")
CALENDARS = ("solar", "lunar", "not_given")
EVERY = ("year", "few_years")
PARTS = ("evening",)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

TEXT = {
    "vi": {"when": "Thời gian", "where": "Địa điểm", "group": "Dân tộc", "calendar": "Lịch",
           "lunar": "âm lịch", "solar": "dương lịch", "sources": "Nguồn", "editions": "Các kỳ có ngày cụ thể",
           "evening": "buổi tối",
           "add": "Thêm vào lịch (.ics)", "add_yearly": "Thêm ngày kỷ niệm hằng năm vào lịch (.ics)",
           "see_place": "xem trang",
           "not_in_ics_lunar": "Không có trong tệp lịch: ngày âm lịch rơi vào ngày dương lịch khác nhau mỗi năm, "
                               "và các nguồn chưa cho biết ngày dương lịch của kỳ tới.",
           "not_in_ics_solar": "Không có trong tệp lịch: các nguồn không thống nhất về ngày cụ thể.",
           "editions_only": "Tệp lịch chỉ có các kỳ ghi dưới đây, vì nguồn cho biết ngày dương lịch của chúng; "
                            "ngày của các năm khác phải tính lại từ lịch âm.",
           "not_in_ics_none": "Không có trong tệp lịch: các nguồn không cho biết thời gian tổ chức.",
           "download": "Tải lịch", "all": "tất cả sự kiện (.ics)",
           "download_note": "Tệp lịch gồm các kỳ lễ hội mà nguồn cho biết ngày dương lịch cụ thể và các ngày "
                            "kỷ niệm hằng năm; ngày giờ theo giờ Việt Nam (UTC+7). Lễ hội tính theo âm lịch chỉ "
                            "có trong tệp khi nguồn cho biết ngày dương lịch của một kỳ cụ thể. Mỗi kỳ cũng có "
                            "tệp riêng để thêm vào lịch trên điện thoại.",
           "checked": "Danh sách được đối chiếu với nguồn lần cuối ngày {date}.",
           "calendar_name": "Lễ hội và sự kiện"},
    "en": {"when": "When", "where": "Where", "group": "Ethnic group", "calendar": "Calendar",
           "lunar": "lunar calendar", "solar": "solar calendar", "sources": "Sources",
           "editions": "Editions with known dates", "evening": "evening", "add": "Add to calendar (.ics)",
           "add_yearly": "Add the yearly anniversary to your calendar (.ics)", "see_place": "see the page",
           "not_in_ics_lunar": "Not in the calendar file: a lunar date falls on a different solar date each "
                               "year, and the sources do not yet give the solar date of the next edition.",
           "not_in_ics_solar": "Not in the calendar file: the sources disagree on the exact dates.",
           "editions_only": "The calendar file holds only the editions below, whose solar dates the sources "
                            "give; other years' dates have to be worked out from the lunar calendar.",
           "not_in_ics_none": "Not in the calendar file: the sources do not say when it is held.",
           "download": "Download the calendar", "all": "all events (.ics)",
           "download_note": "The calendar file holds the festival editions whose solar dates the sources give, "
                            "and the yearly anniversaries; times are Vietnam time (UTC+7). A lunar-calendar "
                            "festival is in it only where a source gives the solar dates of an edition. Each "
                            "edition also has its own file, to add to a phone's calendar.",
           "checked": "This list was last checked against its sources on {date}.",
           "calendar_name": "Festivals and events"},
}


@dataclass(frozen=True)
class When:
    calendar: str
    months: tuple[int, int] | None
    days: tuple[int, int] | None
    every: str
    text: dict[str, str]


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

    @property
    def in_calendar(self) -> bool:
        return bool(self.editions) or self.anniversary_of is not None


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
    check_keys(doc, key, entry, {"calendar", "text"}, {"month", "days", "every"})
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
    return When(calendar, months, days, choice(doc, key + ("every",), entry.get("every", "year"), EVERY),
                localized(doc, key + ("text",), entry["text"], languages))


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


# -- dates as text ------------------------------------------------------------------------

def edition_iso(e: Edition) -> tuple[str, str | None]:
    """ISO 8601 start and end as schema.org and ``<time datetime>`` want them (``+07:00``)."""
    if e.time is not None:
        return f"{e.start.isoformat()}T{e.time:%H:%M}:00{OFFSET}", None
    return e.start.isoformat(), e.end.isoformat() if e.end else None


def edition_when(e: Edition, lang: str) -> str:
    """The edition's date as HTML: Babel dates in ``<time>`` elements."""
    start, end = edition_iso(e)
    first = f'<time datetime="{start}">{escape(format_date(e.start, lang))}'
    if e.time is not None:
        first += f", {escape(format_clock(e.time, lang))}"
    first += "</time>"
    if e.part:
        first += f" ({TEXT[lang][e.part]})"
    if e.end is not None:
        first += f' – <time datetime="{end}">{escape(format_date(e.end, lang))}</time>'
    return first


def plain(value: str, store: FigureStore, lang: str) -> str:
    """A data text with its ``{{ fig.KEY }}`` tokens written out, for calendars and JSON-LD."""
    return TOKEN.sub(lambda m: format_figure(store.figures[m.group(1)], lang), value)


# -- the page -------------------------------------------------------------------------------

def edition_id(event: Event, edition: Edition) -> str:
    return f"{event.key}-{edition.start:%Y%m%d}"


def yearly_id(event: Event) -> str:
    return f"{event.key}-hang-nam"


def events_markdown(events: Events, store: FigureStore, lang: str, link_to, link_of_place, link_of_group,
                    group_name) -> str:
    """The events page body. ``link_to(site_path)`` makes a link to a calendar file."""
    t = TEXT[lang]
    out = [f"**{t['download']}:** [{t['all']}]({link_to(ALL_EVENTS)}). {t['download_note']}", ""]
    for ev in events.events:
        out.append(f"## {ev.name[lang]}\n")
        out.append(f"{ev.what[lang]}\n")
        calendar = "" if ev.when.calendar == "not_given" else f" *({t[ev.when.calendar]})*"
        rows = [f"- **{t['when']}:** {ev.when.text[lang]}{calendar}"]
        where = ev.where[lang]
        if ev.place:
            where += f" ([{t['see_place']}]({link_of_place(ev.place)}))"
        rows.append(f"- **{t['where']}:** {where}")
        if ev.group:
            rows.append(f"- **{t['group']}:** [{group_name(ev.group, lang)}]({link_of_group(ev.group)})")
        if ev.anniversary_of is not None:
            rows.append(f"- **{t['calendar']}:** [{t['add_yearly']}]({link_to(f'{FOLDER}/{yearly_id(ev)}.ics')})")
        elif not ev.editions:
            note = {"lunar": "not_in_ics_lunar", "solar": "not_in_ics_solar"}.get(ev.when.calendar, "not_in_ics_none")
            rows.append(f"- **{t['calendar']}:** {t[note]}")
        elif ev.when.calendar == "lunar":
            rows.append(f"- **{t['calendar']}:** {t['editions_only']}")
        out.append("\n".join(rows) + "\n")
        if ev.editions:
            # A list, not a table: it reads on a phone without scrolling sideways.
            out.append(f"**{t['editions']}:**\n")
            for ed in ev.editions:
                where = f"; {escape(ed.venue[lang])}" if ed.venue else ""
                note = f" {escape(ed.note[lang])}" if ed.note else ""
                out.append(f"- **{escape(ed.title[lang])}:** {edition_when(ed, lang)}{where}.{note} "
                           f"[{t['add']}]({link_to(f'{FOLDER}/{edition_id(ev, ed)}.ics')})")
            out.append("")
        sources = list({id(s): s for s in [*ev.sources, *(s for ed in ev.editions for s in ed.sources)]}.values())
        out.append(f'<small class="db-src">{t["sources"]}: '
                   + "; ".join(source_short_html(s, lang) for s in sources) + "</small>\n")
    out.append(f"*{t['checked'].format(date=format_date(events.checked, lang))}*\n")
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


def calendar_entries(events: Events, store: FigureStore, lang: str, page_url: str,
                     domain: str) -> list[CalendarEntry]:
    t = TEXT[lang]
    stamp = _stamp(events)
    entries = []
    for ev in events.events:
        url = f"{page_url}#{ev.anchor(lang)}"
        about = plain(ev.what[lang], store, lang)
        if ev.anniversary_of is not None:
            day = ev.anniversary_of
            lines = [f"UID:{yearly_id(ev)}@{domain}", f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                     f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}", "RRULE:FREQ=YEARLY",
                     f"SUMMARY:{_escape_text(ev.name[lang])}",
                     f"DESCRIPTION:{_escape_text(about)}", f"LOCATION:{_escape_text(ev.where[lang])}",
                     "TRANSP:TRANSPARENT", f"URL:{url}"]
            entries.append(CalendarEntry(f"{yearly_id(ev)}@{domain}", f"{FOLDER}/{yearly_id(ev)}.ics", tuple(lines)))
        for ed in ev.editions:
            uid = f"{edition_id(ev, ed)}@{domain}"
            lines = [f"UID:{uid}", f"DTSTAMP:{stamp}"]
            if ed.time is not None:
                lines.append(f"DTSTART;TZID={TZID}:{ed.start:%Y%m%d}T{ed.time:%H%M}00")
            else:
                last = ed.end or ed.start
                lines += [f"DTSTART;VALUE=DATE:{ed.start:%Y%m%d}",
                          f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}"]
            description = [about]
            if ed.part:
                description.append(f"{t['when']}: {t[ed.part]}")
            if ed.note:
                description.append(plain(ed.note[lang], store, lang))
            description.append(f"{t['sources']}: " + "; ".join(
                s.publisher + (f", {s.url}" if s.url else "") for s in ed.sources))
            lines += [f"SUMMARY:{_escape_text(ed.title[lang])}",
                      f"DESCRIPTION:{_escape_text(chr(10).join(description))}",
                      f"LOCATION:{_escape_text(ed.venue[lang] if ed.venue else ev.where[lang])}",
                      "TRANSP:TRANSPARENT", f"URL:{url}"]
            entries.append(CalendarEntry(uid, f"{FOLDER}/{edition_id(ev, ed)}.ics", tuple(lines)))
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
                   calendar_name: str) -> dict[str, str]:
    """Site path → text: ``events.ics`` with every entry, and one file per entry."""
    entries = calendar_entries(events, store, lang, page_url, domain)
    files = {ALL_EVENTS: calendar_text(entries, lang, calendar_name)}
    for entry in entries:
        files[entry.file] = calendar_text([entry], lang, calendar_name)
    return files
