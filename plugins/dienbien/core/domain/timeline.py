"""The 1954 campaign as data (``data/timeline.yml``): phases and dated events, rendered as
a timeline in each language in the house style for dates (:mod:`.formatting`) and with each
event's sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..data.figures import FigureStore, Source, cited_sources
from ..data.formatting import date_range_html, format_date_range, source_short_html
from ..data.schema import check_keys, date_value, localized, mapping, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path


@dataclass(frozen=True)
class Phase:
    number: int
    start: dt.date
    end: dt.date
    title: dict[str, str]
    note: dict[str, str] | None


@dataclass(frozen=True)
class Event:
    date: dt.date
    end: dt.date | None
    time: str | None
    phase: int
    title: dict[str, str]
    text: dict[str, str]
    place: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Timeline:
    phases: tuple[Phase, ...]
    events: tuple[Event, ...]
    path: str


def load_timeline(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore,
                  place_keys=()) -> Timeline:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the timeline")
    check_keys(doc, (), data, {"phases", "events"}, set())
    phases = []
    for i, entry in enumerate(data["phases"] or []):
        k = ("phases", i)
        entry = mapping(doc, k, entry, "a phase")
        check_keys(doc, k, entry, {"number", "start", "end", "title"}, {"note"})
        phases.append(Phase(
            number=entry["number"] if isinstance(entry["number"], int)
            else _bad(doc, k + ("number",), "a whole number"),
            start=date_value(doc, k + ("start",), entry["start"]),
            end=date_value(doc, k + ("end",), entry["end"]),
            title=localized(doc, k + ("title",), entry["title"], languages),
            note=localized(doc, k + ("note",), entry["note"], languages) if entry.get("note") else None,
        ))
    numbers = {p.number for p in phases}
    events = []
    for i, entry in enumerate(data["events"] or []):
        k = ("events", i)
        entry = mapping(doc, k, entry, "an event")
        check_keys(doc, k, entry, {"date", "phase", "title", "text", "sources"}, {"end", "time", "place"})
        phase = entry["phase"]
        if phase not in numbers | {0, max(numbers, default=0) + 1}:
            _bad(doc, k + ("phase",), "0 (before), a phase number, or the last phase + 1 (after)")
        place = entry.get("place")
        if place is not None and place_keys and place not in place_keys:
            raise doc.error(k + ("place",), f"unknown place key '{place}'", "places are defined in data/places.yml")
        events.append(Event(
            date=date_value(doc, k + ("date",), entry["date"]),
            end=date_value(doc, k + ("end",), entry["end"]) if entry.get("end") else None,
            time=text(doc, k + ("time",), entry["time"]) if entry.get("time") else None,
            phase=phase,
            title=localized(doc, k + ("title",), entry["title"], languages),
            text=localized(doc, k + ("text",), entry["text"], languages),
            place=place,
            sources=cited_sources(doc, k + ("sources",), entry["sources"], store),
        ))
    return Timeline(tuple(phases), tuple(sorted(events, key=lambda e: (e.date, e.time or ""))), doc.path)


def _bad(doc, key, what):
    raise doc.error(key, f"expected {what}")


def timeline_markdown(timeline: Timeline, lang: str, link_of_place) -> str:
    """Phases as ``###`` headings, events as a list: date, time, title, text, sources."""
    t = strings(lang, "timeline")
    out = []
    groups = [(0, t["before"], None)] + [
        (p.number, f'{t["phase"].format(n=p.number)}: {p.title[lang]} ({date_range_html(p.start, p.end, lang)})', p)
        for p in timeline.phases]
    groups.append((max((p.number for p in timeline.phases), default=0) + 1, t["after"], None))
    for number, heading, phase in groups:
        events = [e for e in timeline.events if e.phase == number]
        if not events:
            continue
        out.append(f"### {heading}\n")
        if phase and phase.note:
            out.append(f"{phase.note[lang]}\n")
        for e in events:
            when = _span(e.date, e.end, lang) + (f", {e.time}" if e.time else "")
            title = e.title[lang]
            if e.place:
                title = f"[{title}]({link_of_place(e.place)})"
            sources = "; ".join(source_short_html(s, lang) for s in e.sources)
            out.append(f'- <time class="db-when" datetime="{e.date.isoformat()}">**{when}**</time> — '
                       f'**{title}.** {e.text[lang]} <small class="db-src">{t["sources"]}: {sources}</small>')
        out.append("")
    return "\n".join(out) + "\n"


def _span(start: dt.date, end: dt.date | None, lang: str) -> str:
    return format_date_range(start, end, lang)
