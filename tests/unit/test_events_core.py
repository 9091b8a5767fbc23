"""Festivals and events: loading and checking data/events.yml, the page, the calendar files
(read back with the icalendar package) and the structured data, without MkDocs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from dienbien.core.checks import hardcoded_statistics
from dienbien.core.errors import SiteDataError
from dienbien.core.events import calendar_files, events_markdown, load_events
from dienbien.core.figures import load_figure_store
from dienbien.core.structured_data import event_nodes, script_json
from dienbien.core.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
UNITS = 'visits: {vi: "{n} lượt khách", en: {one: "{n} visit", other: "{n} visits"}}\n'
SOURCES = """\
s1:
  publisher: Báo A
  title: {vi: Bài viết, en: Article}
  date: 2026-03-09
  url: https://example.org/a
"""
FIGURES = """\
crowd:
  value: 371000
  unit: visits
  label: {vi: Lượt khách, en: Visits}
  period: {vi: năm 2024, en: "2024"}
  source: s1
"""
EVENTS = """\
checked: 2026-11-27
events:
  - key: hoa-ban
    type: Festival
    name: {vi: Lễ hội Hoa Ban, en: Ban Flower Festival}
    what: {vi: "Lễ hội, có {{ fig.crowd }}.", en: "A festival with {{ fig.crowd }}."}
    where: {vi: Điện Biên Phủ, en: Điện Biên Phủ}
    when:
      calendar: solar
      month: 3
      text: {vi: Tháng 3, en: March}
    editions:
      - start: 2026-03-08
        part: evening
        title: {vi: Khai mạc 2026, en: Opening 2026}
        venue: {vi: Sân vận động tỉnh, en: Provincial stadium}
        sources: [s1]
      - start: 2024-03-16
        time: "19:30"
        title: {vi: Khai mạc 2024, en: Opening 2024}
        sources: [s1]
      - start: 2026-03-06
        end: 2026-03-12
        title: {vi: "Tuần lễ; có dấu phẩy, chấm phẩy", en: "Week; with commas, semicolons"}
        sources: [s1]
    sources: [s1]
  - key: chien-thang
    type: Event
    name: {vi: Ngày Chiến thắng, en: Victory day}
    what: {vi: Kỷ niệm, en: Anniversary}
    where: {vi: Điện Biên Phủ, en: Điện Biên Phủ}
    when:
      calendar: solar
      month: 5
      days: 7
      text: {vi: Ngày 7/5, en: 7 May}
    anniversary_of: 1954-05-07
    sources: [s1]
  - key: ban-phu
    type: Festival
    name: {vi: Thành Bản Phủ, en: Bản Phủ}
    what: {vi: Lễ hội, en: Festival}
    where: {vi: Noong Hẹt, en: Noong Hẹt}
    when:
      calendar: lunar
      month: 2
      days: [22, 25]
      text: {vi: Ngày 22–25 tháng Hai âm lịch, en: 22nd–25th day of the second lunar month}
    sources: [s1]
"""


def make(tmp_path: Path, events: str = EVENTS):
    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "units.yml").write_text(UNITS, encoding="utf-8")
    (data / "sources" / "s.yml").write_text(SOURCES, encoding="utf-8")
    (data / "figures" / "f.yml").write_text(FIGURES, encoding="utf-8")
    (data / "events.yml").write_text(events, encoding="utf-8")
    store = load_figure_store(data, ("vi", "en"), tmp_path)
    return load_events(data / "events.yml", tmp_path, ("vi", "en"), store), store


def line_of(text: str, needle: str) -> int:
    """The line where ``needle`` last occurs: where the error must point."""
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_loads_and_sorts_editions(tmp_path):
    events, _ = make(tmp_path)
    first = events.events[0]
    assert [e.start for e in first.editions] == [dt.date(2024, 3, 16), dt.date(2026, 3, 6), dt.date(2026, 3, 8)]
    assert first.editions[0].time == dt.time(19, 30)
    assert events.events[1].anniversary_of == dt.date(1954, 5, 7)
    assert events.events[2].when.calendar == "lunar" and events.events[2].when.days == (22, 25)
    assert not events.events[2].in_calendar


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_has_babel_dates_and_calendar_links(tmp_path, lang):
    events, store = make(tmp_path)
    md = events_markdown(events, store, lang, lambda p: f"/{p}", lambda k: k, lambda k: k, lambda k, lg: k)
    if lang == "vi":
        assert '<time datetime="2024-03-16T19:30:00+07:00">16 tháng 3, 2024, 19:30</time>' in md
        assert "8 tháng 3, 2026</time> (buổi tối)" in md
        assert "*(âm lịch)*" in md and "Không có trong tệp lịch" in md
    else:
        assert '<time datetime="2024-03-16T19:30:00+07:00">March 16, 2024, 7:30\u202fPM</time>' in md \
            or '<time datetime="2024-03-16T19:30:00+07:00">March 16, 2024, 7:30 PM</time>' in md
        assert '<time datetime="2026-03-06">March 6, 2026</time> – <time datetime="2026-03-12">' in md
        assert "*(lunar calendar)*" in md
    assert "(/events.ics)" in md
    assert "(/events/hoa-ban-20240316.ics)" in md and "(/events/chien-thang-hang-nam.ics)" in md
    assert "\n## Lễ hội Hoa Ban\n" in md or "\n## Ban Flower Festival\n" in md


def test_calendar_parses_with_icalendar(tmp_path):
    events, store = make(tmp_path)
    files = calendar_files(events, store, "en", "https://x.org/en/du-lich/le-hoi/", "x.org", "Festivals")
    assert set(files) == {"events.ics", "events/hoa-ban-20240316.ics", "events/hoa-ban-20260306.ics",
                          "events/hoa-ban-20260308.ics", "events/chien-thang-hang-nam.ics"}
    for text in files.values():
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(files["events.ics"])
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(vevents) == {"hoa-ban-20240316@x.org", "hoa-ban-20260306@x.org", "hoa-ban-20260308@x.org",
                            "chien-thang-hang-nam@x.org"}
    timed = vevents["hoa-ban-20240316@x.org"]["DTSTART"].dt
    assert timed.utcoffset() == dt.timedelta(hours=7) and (timed.hour, timed.minute) == (19, 30)
    assert vevents["hoa-ban-20260306@x.org"]["DTSTART"].dt == dt.date(2026, 3, 6)
    assert vevents["hoa-ban-20260306@x.org"]["DTEND"].dt == dt.date(2026, 3, 13)  # all-day: end is exclusive
    assert str(vevents["hoa-ban-20260306@x.org"]["SUMMARY"]) == "Week; with commas, semicolons"
    assert "371,000 visits" in str(vevents["hoa-ban-20260306@x.org"]["DESCRIPTION"])
    assert vevents["chien-thang-hang-nam@x.org"]["RRULE"]["FREQ"] == ["YEARLY"]
    assert str(vevents["hoa-ban-20240316@x.org"]["URL"]) == "https://x.org/en/du-lich/le-hoi/#ban-flower-festival"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_calendar_is_reproducible_and_stamped_from_data(tmp_path, monkeypatch):
    events, store = make(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one = calendar_files(events, store, "vi", "https://x.org/", "x.org", "Lịch")
    assert one == calendar_files(events, store, "vi", "https://x.org/", "x.org", "Lịch")
    assert "DTSTAMP:20261127T000000Z" in one["events.ics"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = calendar_files(events, store, "vi", "https://x.org/", "x.org", "L")["events.ics"]
    assert "DTSTAMP:20231114T221320Z" in stamped


def test_event_structured_data(tmp_path):
    events, store = make(tmp_path)
    nodes = event_nodes(events, store, "vi", "https://x.org/du-lich/le-hoi/")
    assert [n["startDate"] for n in nodes] == ["2024-03-16T19:30:00+07:00", "2026-03-06", "2026-03-08"]
    assert nodes[1]["endDate"] == "2026-03-12" and nodes[0]["@type"] == "Festival"
    assert "371.000 lượt khách" in nodes[0]["description"]  # figure tokens written out


def test_script_json_cannot_close_its_script():
    text = script_json({"name": "</script><script>alert(1)</script> <!-- x"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> <!-- x"


BAD = [
    ("start: 2026-03-08", "start: 2026-02-30", "start: 2026-02-30", "'2026-02-30' is not a real date"),
    ("start: 2026-03-08", "start: 8/3/2026", "start: 8/3/2026", "expected a date written YYYY-MM-DD"),
    ("days: [22, 25]", "days: [22, 31]", "days: [22, 31]", "expected lunar day from 1 to 30, got 31"),
    ("month: 2\n", "month: 13\n", "month: 13", "expected month from 1 to 12, got 13"),
    ("        sources: [s1]\n      - start: 2024", "        sources: [s9]\n      - start: 2024", "sources: [s9]",
     "unknown source key 's9'"),
    ('time: "19:30"', 'time: "7.30pm"', 'time: "7.30pm"', "expected a time written HH:MM"),
    ("calendar: lunar", "calendar: lunr", "calendar: lunr", "unknown value 'lunr'; did you mean 'lunar'?"),
    ("    anniversary_of: 1954-05-07", "    anniversary_of: 1954-05-08", "anniversary_of: 1954-05-08",
     "an anniversary recurs on its solar date"),
    ("        end: 2026-03-12", "        end: 2026-03-01", "end: 2026-03-01", "the edition ends (2026-03-01) before"),
    ("  - key: ban-phu", "  - key: hoa-ban", "  - key: hoa-ban", "event 'hoa-ban' is already listed"),
]


@pytest.mark.parametrize(("old", "new", "needle", "message"), BAD, ids=[b[3][:30] for b in BAD])
def test_mistakes_name_file_and_line(tmp_path, old, new, needle, message):
    assert old in EVENTS
    broken = EVENTS.replace(old, new, 1)
    with pytest.raises(SiteDataError) as err:
        make(tmp_path, broken)
    assert err.value.path == "data/events.yml"
    assert err.value.line == line_of(broken, needle), str(err.value)
    assert message in str(err.value)


def test_the_real_events_file_loads_and_types_no_statistics():
    from dienbien.core.sitedata import load_site_data

    data = load_site_data(ROOT / "data", ("vi", "en"), ROOT)
    assert {"le-hoi-hoa-ban", "ky-niem-chien-thang", "thanh-ban-phu", "bun-huot-nam"} <= {
        e.key for e in data.events.events}

    def texts(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from texts(v)
        elif isinstance(value, list):
            for v in value:
                yield from texts(v)
        elif isinstance(value, str):
            yield value

    found = [hit for t in texts(load_yaml(ROOT / "data/events.yml").data) for hit in hardcoded_statistics(t)]
    assert found == []
