"""Festivals and events: loading and checking data/events.yml, the Vietnamese lunar calendar
against published dates, the coming dates, the page, the calendar files (read back with the
icalendar package) and the structured data, without MkDocs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from records import write_records

from dienbien.core.data.figures import load_figure_store
from dienbien.core.data.yamlfile import load_yaml
from dienbien.core.domain.events import (
    calendar_files,
    coming,
    event_markdown,
    events_markdown,
    expected_dates,
    load_events,
    lunar_day,
    next_twelve_months,
    reference_date,
    tet,
)
from dienbien.core.errors import SiteDataError
from dienbien.core.markdown.checks import hardcoded_statistics
from dienbien.core.site.structured_data import event_nodes, script_json
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
UNITS = 'visits: {vi: "{n} lượt khách", en: {one: "{n} visit", other: "{n} visits"}}\n'
SOURCES = """\
s1:
  publisher: Báo A
  title: Bài viết
  title_en: Article
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
    editions:
      - start: 2025-03-22
        end: 2025-03-24
        title: {vi: Thành Bản Phủ 2025, en: Bản Phủ 2025}
        sources: [s1]
    sources: [s1]
  - key: cung-ban
    type: Festival
    name: {vi: Cúng bản, en: Village ceremony}
    what: {vi: Lễ, en: Ceremony}
    where: {vi: Mường Nhé, en: Mường Nhé}
    when:
      calendar: lunar
      month: 2
      text: {vi: Tháng Hai âm lịch, en: The second lunar month}
    sources: [s1]
  - key: te-nuoc
    type: Festival
    name: {vi: Tết té nước, en: Water festival}
    what: {vi: Tết, en: New Year}
    where: {vi: Na Sang, en: Na Sang}
    when:
      calendar: solar
      month: 4
      days: [13, 15]
      text: {vi: 13–15/4, en: 13–15 April}
    sources: [s1]
  - key: hoi-nui
    type: Festival
    name: {vi: Hội núi, en: Hill festival}
    what: {vi: Hội, en: Festival}
    where: {vi: Nà Bủng, en: Nà Bủng}
    when:
      calendar: not_given
    sources: [s1]
"""

#: "Today" in these tests: the day the list below was last checked against the calendar.
TODAY = dt.date(2026, 12, 6)


def make(tmp_path: Path, events: str = EVENTS):
    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "units.yml").write_text(UNITS, encoding="utf-8")
    write_records(data / "sources", SOURCES)
    write_records(data / "figures", FIGURES)
    (data / "events.yml").write_text(events, encoding="utf-8")
    store = load_figure_store(data, LANGUAGES, tmp_path)
    return load_events(data / "events.yml", tmp_path, LANGUAGES, store), store


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
    assert events.events[5].when.text is None  # nothing known: nothing shown


# -- the Vietnamese lunar calendar, against published dates -----------------------------------

#: Tết Nguyên đán as the Vietnamese calendar (UTC+7) gives it. 1985 and 2007 are years where the
#: Chinese calendar (UTC+8) differs: 20/2/1985 and 18/2/2007 in China.
TET = {1985: dt.date(1985, 1, 21), 2007: dt.date(2007, 2, 17), 2023: dt.date(2023, 1, 22),
       2024: dt.date(2024, 2, 10), 2025: dt.date(2025, 1, 29), 2026: dt.date(2026, 2, 17),
       2027: dt.date(2027, 2, 6)}


@pytest.mark.parametrize("year", sorted(TET))
def test_tet_falls_on_the_published_date(year):
    assert tet(year) == TET[year]


@pytest.mark.parametrize(("lunar", "solar"), [
    ((2018, 2, 22), dt.date(2018, 4, 7)),   # Thành Bản Phủ 2018 opened on 7/4/2018 (Điện Biên TV)
    ((2023, 2, 24), dt.date(2023, 3, 15)),  # 2023 has a leap second month: the festival kept the regular one
    ((2025, 2, 23), dt.date(2025, 3, 22)),  # the 2025 programme: 22/3/2025 is the 23rd of the second month
])
def test_festival_editions_match_their_lunar_dates(lunar, solar):
    assert lunar_day(*lunar) == solar


def test_the_30th_of_a_short_month_is_its_last_day():
    # The twelfth month of the year of the Snake (2025) has 29 days: Tết 2026 follows its 29th.
    assert lunar_day(2025, 12, 30) == TET[2026] - dt.timedelta(days=1)
    assert lunar_day(2025, 12, 29) == TET[2026] - dt.timedelta(days=1)


def test_reference_date_is_vietnam_time(monkeypatch):
    # 1700000000 is 22:13 UTC on 14/11/2023: already 15/11 in Vietnam.
    assert reference_date({"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert reference_date() == dt.date(2023, 11, 15)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=7)))
    assert reference_date() in {now.date(), (now - dt.timedelta(minutes=1)).date()}


# -- coming dates ---------------------------------------------------------------------------------

def test_lunar_festivals_get_their_next_two_years_converted(tmp_path):
    events, _ = make(tmp_path)
    ban_phu, cung_ban = events.events[2], events.events[3]
    dates = expected_dates(ban_phu, TODAY)
    assert [(o.start, o.end) for o in dates] == [
        (lunar_day(2027, 2, 22), lunar_day(2027, 2, 25)), (lunar_day(2028, 2, 22), lunar_day(2028, 2, 25))]
    assert dates[0].start == dt.date(2027, 3, 29) and dates[0].end == dt.date(2027, 4, 1)
    assert all(o.expected and o.span == "days" for o in dates)
    # a lunar month alone: the whole month, converted
    (first, second) = expected_dates(cung_ban, TODAY)
    assert (first.start, first.end, first.span) == (dt.date(2027, 3, 8), dt.date(2027, 4, 6), "lunar_month")
    assert second.start == lunar_day(2028, 2, 1)


def test_a_dated_edition_replaces_the_expected_date_of_its_year(tmp_path):
    events, _ = make(tmp_path)
    ban_phu = events.events[2]
    on = dt.date(2025, 3, 1)
    dates = coming(ban_phu, on)
    assert dates[0].edition is not None and dates[0].start == dt.date(2025, 3, 22) and not dates[0].expected
    assert [o.start.year for o in dates] == [2025, 2026, 2027]  # the edition, then two expected years
    assert all(o.expected for o in dates[1:])


def test_anniversaries_and_solar_festivals_recur(tmp_path):
    events, _ = make(tmp_path)
    victory, hoa_ban, water = events.events[1], events.events[0], events.events[4]
    assert [(o.start, o.expected, o.yearly) for o in expected_dates(victory, TODAY)] == [
        (dt.date(2027, 5, 7), False, True), (dt.date(2028, 5, 7), False, True)]
    assert [(o.start, o.end) for o in expected_dates(water, TODAY)] == [
        (dt.date(2027, 4, 13), dt.date(2027, 4, 15)), (dt.date(2028, 4, 13), dt.date(2028, 4, 15))]
    march = expected_dates(hoa_ban, TODAY)[0]
    assert (march.start, march.end, march.span, march.expected) == (
        dt.date(2027, 3, 1), dt.date(2027, 3, 31), "solar_month", True)
    assert not march.in_calendar  # a month is no calendar entry
    # an event whose time is not known has no date
    assert expected_dates(events.events[5], TODAY) == []


def test_next_twelve_months_in_order(tmp_path):
    events, _ = make(tmp_path)
    found = next_twelve_months(events, TODAY)
    assert [(o.event.key, o.start) for o in found] == [
        ("hoa-ban", dt.date(2027, 3, 1)), ("cung-ban", dt.date(2027, 3, 8)), ("ban-phu", dt.date(2027, 3, 29)),
        ("te-nuoc", dt.date(2027, 4, 13)), ("chien-thang", dt.date(2027, 5, 7))]
    # an edition under way today is still coming
    during = next_twelve_months(events, dt.date(2026, 3, 10))
    assert during[0].edition is not None and during[0].start == dt.date(2026, 3, 6)


# -- the page -------------------------------------------------------------------------------------

def page(events, store, lang, today=TODAY):
    return events_markdown(events, store, lang, lambda p: f"/{p}", lambda k: k, lambda k: k, lambda k, lg: k,
                           today=today)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_leads_with_the_next_twelve_months(tmp_path, lang):
    events, store = make(tmp_path)
    md = page(events, store, lang)
    heading = {"vi": "## Trong mười hai tháng tới\n", "en": "## The next twelve months\n"}[lang]
    assert md.startswith(heading)
    upcoming = md[len(heading):md.index("\n## ", len(heading))]
    items = [line for line in upcoming.splitlines() if line.startswith("- ")]
    assert len(items) == 5
    expected = {"vi": "dự kiến", "en": "expected"}[lang]
    if lang == "vi":
        assert items[0].startswith('- **<time datetime="2027-03">3/2027</time> (dự kiến)** · '
                                   '[Lễ hội Hoa Ban](#le-hoi-hoa-ban)')
        assert items[2] == ('- **<time datetime="2027-03-29">29/3</time>–<time datetime="2027-04-01">1/4/2027</time>'
                            ' (dự kiến)** · [Thành Bản Phủ](#thanh-ban-phu) · Noong Hẹt · '
                            '[thêm vào lịch](/events/ban-phu-2027-du-kien.ics)')
        assert "(tháng Hai âm lịch, dự kiến)" in items[1]
    else:
        assert items[0].startswith('- **<time datetime="2027-03">March 2027</time> (expected)**')
        assert "(second lunar month, expected)" in items[1]
    assert expected not in items[4]  # the anniversary is a date, not an expectation
    assert "(/events/chien-thang-hang-nam.ics)" in items[4]
    assert "(/events.ics)" in md


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_has_house_style_dates_and_past_editions_below(tmp_path, lang):
    events, store = make(tmp_path)
    md = page(events, store, lang)
    if lang == "vi":
        assert '<time datetime="2024-03-16T19:30:00+07:00">16/3/2024, 19:30</time>' in md
        assert '<time datetime="2026-03-08">8/3/2026</time> (buổi tối)' in md
        assert "**Các kỳ đã diễn ra:**" in md and "**Sắp tới:**" in md
    else:
        assert '<time datetime="2024-03-16T19:30:00+07:00">16 March 2024, 19:30</time>' in md
        assert '<time datetime="2026-03-06">6</time>–<time datetime="2026-03-12">12 March 2026</time>' in md
        assert "**Past editions:**" in md and "**Coming dates:**" in md
    assert md.index("## Lễ hội Hoa Ban\n" if lang == "vi" else "## Ban Flower Festival\n") > md.index("(/events.ics)")
    # past editions come below the coming dates, the latest first
    section = md[md.index("\n## ", 5):]
    assert section.index("2026-03-08") < section.index("2024-03-16")
    # nothing for editors: no word on what the site does not know
    unknown = md.split("## Hội núi\n" if lang == "vi" else "## Hill festival\n")[1]
    for row in ("**Thời gian:**", "**When:**", "**Sắp tới:**", "**Coming dates:**"):
        assert row not in unknown
    for phrase in ("Không có trong tệp lịch", "Not in the calendar file", "nguồn chưa", "sources do not",
                   "last checked", "đối chiếu"):
        assert phrase not in md



@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_festival_on_another_page_is_its_section_of_the_events_page(tmp_path, lang):
    """{{ block.event.KEY }} shows the same coming dates and past editions as the events page."""
    events, store = make(tmp_path)
    md = event_markdown(events, "hoa-ban", lang, lambda p: f"/{p}", today=TODAY)
    name = "Lễ hội Hoa Ban" if lang == "vi" else "Ban Flower Festival"
    section = next(s for s in page(events, store, lang).split("\n## ") if s.startswith(name + "\n"))
    coming = "**Sắp tới:**" if lang == "vi" else "**Coming dates:**"
    line = next(x for x in md.splitlines() if x.startswith("- " + coming))
    assert line in section
    past = md[md.index("**Các kỳ đã diễn ra:**" if lang == "vi" else "**Past editions:**"):].strip()
    assert past in section and past.index("2026-03-08") < past.index("2024-03-16")
    assert "##" not in md and "events.ics" not in md.replace("/events/", "")
    with pytest.raises(KeyError):
        event_markdown(events, "no-such-festival", lang, lambda p: p, today=TODAY)


def test_calendar_parses_with_icalendar(tmp_path):
    events, store = make(tmp_path)
    files = calendar_files(events, store, "en", "https://x.org/en/du-lich/le-hoi/", "x.org", "Festivals", TODAY)
    assert set(files) == {"events.ics", "events/hoa-ban-20240316.ics", "events/hoa-ban-20260306.ics",
                          "events/hoa-ban-20260308.ics", "events/chien-thang-hang-nam.ics",
                          "events/ban-phu-20250322.ics", "events/ban-phu-2027-du-kien.ics",
                          "events/ban-phu-2028-du-kien.ics", "events/cung-ban-2027-du-kien.ics",
                          "events/cung-ban-2028-du-kien.ics", "events/te-nuoc-2027-du-kien.ics",
                          "events/te-nuoc-2028-du-kien.ics"}
    for text in files.values():
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(files["events.ics"])
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(vevents) == len(files) - 1
    timed = vevents["hoa-ban-20240316@x.org"]["DTSTART"].dt
    assert timed.utcoffset() == dt.timedelta(hours=7) and (timed.hour, timed.minute) == (19, 30)
    assert vevents["hoa-ban-20260306@x.org"]["DTSTART"].dt == dt.date(2026, 3, 6)
    assert vevents["hoa-ban-20260306@x.org"]["DTEND"].dt == dt.date(2026, 3, 13)  # all-day: end is exclusive
    assert str(vevents["hoa-ban-20260306@x.org"]["SUMMARY"]) == "Week; with commas, semicolons"
    assert "371,000 visits" in str(vevents["hoa-ban-20260306@x.org"]["DESCRIPTION"])
    # the anniversary repeats every year from its next date
    yearly = vevents["chien-thang-hang-nam@x.org"]
    assert yearly["RRULE"]["FREQ"] == ["YEARLY"] and yearly["DTSTART"].dt == dt.date(2027, 5, 7)
    # a lunar festival's expected dates: all-day, tentative, marked in the title
    expected = vevents["ban-phu-2027-du-kien@x.org"]
    assert (expected["DTSTART"].dt, expected["DTEND"].dt) == (dt.date(2027, 3, 29), dt.date(2027, 4, 2))
    assert str(expected["STATUS"]) == "TENTATIVE" and str(expected["SUMMARY"]) == "Bản Phủ (expected)"
    assert "organisers confirm" in str(expected["DESCRIPTION"])
    after = [e for e in vevents.values() if not isinstance(e["DTSTART"].dt, dt.datetime) and e["DTSTART"].dt > TODAY]
    assert len(after) == 7  # 2 × Bản Phủ, 2 × the village ceremony, 2 × the water festival, the anniversary
    assert str(vevents["hoa-ban-20240316@x.org"]["URL"]) == "https://x.org/en/du-lich/le-hoi/#ban-flower-festival"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_calendar_is_reproducible_and_stamped_from_data(tmp_path, monkeypatch):
    events, store = make(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one = calendar_files(events, store, "vi", "https://x.org/", "x.org", "Lịch", TODAY)
    assert one == calendar_files(events, store, "vi", "https://x.org/", "x.org", "Lịch", TODAY)
    assert "DTSTAMP:20261127T000000Z" in one["events.ics"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = calendar_files(events, store, "vi", "https://x.org/", "x.org", "L")["events.ics"]
    assert "DTSTAMP:20231114T221320Z" in stamped
    # without an explicit day, "today" is the day of SOURCE_DATE_EPOCH in Vietnam (15/11/2023)
    assert "DTSTART;VALUE=DATE:20240413" in stamped  # the water festival of 2024 is still to come
    assert "DTSTART;VALUE=DATE:20231113" not in stamped


def test_event_structured_data(tmp_path):
    events, store = make(tmp_path)
    nodes = event_nodes(events, store, "vi", "https://x.org/du-lich/le-hoi/")
    assert [n["startDate"] for n in nodes] == ["2024-03-16T19:30:00+07:00", "2026-03-06", "2026-03-08", "2025-03-22"]
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
    ("      text: {vi: Tháng Hai âm lịch, en: The second lunar month}\n", "", "calendar: lunar",
     "missing field 'text'"),
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
    from dienbien.core.publish.sitedata import load_site_data

    data = load_site_data(ROOT / "data", LANGUAGES, ROOT)
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
