"""The festivals and events page in both languages, and its calendar files read back with
the icalendar package: every dated edition and yearly anniversary is there, with stable
UIDs, Vietnam time or all-day dates, and every "add to calendar" link works."""

from __future__ import annotations

import datetime as dt
import posixpath

import icalendar
import pytest
from babel.dates import format_date

from dienbien.core.sitedata import load_site_data
from sitebuild import ROOT, SITE_URL, Site

pytestmark = pytest.mark.slow

LANGS = {"vi": "", "en": "en/"}
PAGE = "du-lich/le-hoi/"
DOMAIN = "dienbien.example.org"


@pytest.fixture(scope="module")
def events():
    return load_site_data(ROOT / "data", tuple(LANGS), ROOT).events


def events_title(lang: str) -> str:
    return {"vi": "Lễ hội và sự kiện", "en": "Festivals and events"}[lang]


def expected_uids(events) -> set[str]:
    uids = set()
    for ev in events.events:
        uids |= {f"{ev.key}-{ed.start:%Y%m%d}@{DOMAIN}" for ed in ev.editions}
        if ev.anniversary_of:
            uids.add(f"{ev.key}-hang-nam@{DOMAIN}")
    return uids


def calendar(site: Site, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.root / path).read_bytes())


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_events_page_in_each_language(site: Site, events, lang, prefix):
    soup = site.page(prefix + PAGE)
    assert soup.html["lang"] == lang
    assert soup.select_one("h1").get_text().replace("¶", "").strip() == events_title(lang)
    for ev in events.events:
        heading = soup.find(id=ev.anchor(lang))
        assert heading is not None and heading.name == "h2"
        assert heading.get_text().replace("¶", "").strip() == ev.name[lang]
    # in the menu, in the tourism section
    menu = {" ".join(a.get_text(" ").split()): a["href"] for a in soup.select("nav.md-nav--primary a[href]")}
    assert menu.get(events_title(lang)) == "./"
    for page in ("du-lich/", "chuyen-di/"):
        links = [a["href"] for a in site.page(prefix + page).select("article a[href]")]
        assert any(href.rstrip("/").endswith("le-hoi") for href in links), page


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_dates_are_written_by_babel_for_the_language(site: Site, events, lang, prefix):
    soup = site.page(prefix + PAGE)
    times = {t["datetime"]: t.get_text() for t in soup.select("article time[datetime]")}
    for ev in events.events:
        for ed in ev.editions:
            iso = ed.start.isoformat() if ed.time is None else f"{ed.start.isoformat()}T{ed.time:%H:%M}:00+07:00"
            assert times[iso].startswith(format_date(ed.start, "long", locale=lang)), iso
    assert times["2026-03-08"] == {"vi": "8 tháng 3, 2026", "en": "March 8, 2026"}[lang]


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_lunar_events_are_shown_as_lunar(site: Site, events, lang, prefix):
    soup = site.page(prefix + PAGE)
    word = {"vi": "âm lịch", "en": "lunar calendar"}[lang]
    for ev in events.events:
        if ev.when.calendar != "lunar":
            continue
        section = []
        for sibling in soup.find(id=ev.anchor(lang)).find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            section.append(sibling.get_text(" "))
        text = " ".join(" ".join(section).split())
        assert word in text, ev.key
        links = [a for s in soup.find(id=ev.anchor(lang)).find_next_siblings() for a in s.select('a[href$=".ics"]')]
        if not ev.editions:
            assert not [a for a in links if ev.key in a["href"]]


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_events_ics_has_every_dated_event(site: Site, events, lang, prefix):
    cal = calendar(site, prefix + "events.ics")
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(vevents) == expected_uids(events)
    for event in vevents.values():
        start = event["DTSTART"]
        if isinstance(start.dt, dt.datetime):
            assert start.params["TZID"] == "Asia/Ho_Chi_Minh"
            assert start.dt.utcoffset() == dt.timedelta(hours=7)
        else:
            assert isinstance(start.dt, dt.date) and event["DTEND"].dt > start.dt  # all-day
        assert str(event["URL"]).startswith(SITE_URL + prefix + PAGE + "#")
        assert event["SUMMARY"] and event["DTSTAMP"]
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    titles = {str(e["SUMMARY"]) for e in vevents.values()}
    assert any(("Khai mạc" if lang == "vi" else "Opening") in t for t in titles)


def test_uids_are_the_same_in_both_languages_and_builds(site: Site):
    vi = {str(e["UID"]) for e in calendar(site, "events.ics").walk("VEVENT")}
    en = {str(e["UID"]) for e in calendar(site, "en/events.ics").walk("VEVENT")}
    assert vi == en
    assert (site.root / "events.ics").read_bytes().count(b"DTSTAMP:") == len(vi)


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_every_add_to_calendar_link_resolves_to_one_event(site: Site, lang, prefix):
    all_uids = {str(e["UID"]) for e in calendar(site, prefix + "events.ics").walk("VEVENT")}
    links = [a["href"] for a in site.page(prefix + PAGE).select('article a[href$=".ics"]')]
    assert len(links) == len(all_uids) + 1  # one per entry, and the whole calendar
    seen = set()
    for href in links:
        target = posixpath.normpath(posixpath.join(prefix + PAGE, href))
        assert (site.root / target).is_file(), href
        if target in ("events.ics", "en/events.ics"):
            continue
        (event,) = calendar(site, target).walk("VEVENT")
        seen.add(str(event["UID"]))
    assert seen == all_uids
