"""The festivals and events page in both languages, and its calendar files read back with
the icalendar package: the page leads with the next twelve months in date order, the calendar
files hold every dated edition, the yearly anniversaries and the expected dates after today,
with stable UIDs, Vietnam time or all-day dates, and every "add to calendar" link works.

"Today" is the build's reference date (:func:`dienbien.core.domain.events.reference_date`): the build
and these tests read the same environment."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import icalendar
import pytest
from lunar_vn import solar_to_lunar

from dienbien.core.domain import events as events_core
from dienbien.core.publish.sitedata import load_site_data
from sitebuild import ROOT, SITE_URL, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = {"vi": "", "en": "en/"}
PAGE = "du-lich/le-hoi/"
DOMAIN = "dienbien.example.org"
NEXT = {"vi": "trong-muoi-hai-thang-toi", "en": "the-next-twelve-months"}
EXPECTED = {"vi": "dự kiến", "en": "expected"}


@pytest.fixture(scope="module")
def events():
    return load_site_data(ROOT / "data", LANGUAGES, ROOT).events


@pytest.fixture(scope="module")
def today():
    return events_core.reference_date()


def events_title(lang: str) -> str:
    return {"vi": "Lễ hội và sự kiện", "en": "Festivals and events"}[lang]


def calendar(site: Site, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.root / path).read_bytes())


def day_of(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_events_page_in_each_language(site: Site, events, lang, prefix):
    soup = site.page(site.version(PAGE, prefix))
    assert soup.html["lang"] == lang
    assert soup.select_one("h1").get_text().replace("¶", "").strip() == events_title(lang)
    for ev in events.events:
        heading = soup.find(id=ev.anchor(lang))
        assert heading is not None and heading.name == "h2"
        assert heading.get_text().replace("¶", "").strip() == ev.name[lang]
    # in the menu, in the tourism section
    menu = {" ".join(a.get_text(" ").split()): a["href"] for a in soup.select("nav.md-nav--primary a[href]")}
    assert menu.get(events_title(lang)) == "./"
    festivals = site.version(PAGE, prefix).rstrip("/").rsplit("/", 1)[-1]  # le-hoi, festivals
    for page in ("du-lich/", "chuyen-di/"):
        links = [a["href"] for a in site.page(site.version(page, prefix)).select("article a[href]")]
        assert any(href.rstrip("/").endswith(festivals) for href in links), page


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_page_leads_with_the_next_twelve_months_in_date_order(site: Site, events, today, lang, prefix):
    soup = site.page(site.version(PAGE, prefix))
    headings = soup.select("article h2")
    assert headings[0].get("id") == NEXT[lang]  # the first section, before any festival
    items = headings[0].find_next_sibling("ul").find_all("li", recursive=False)
    expected = events_core.next_twelve_months(events, today)
    assert len(items) == len(expected) >= 5
    until = dt.date(today.year + 1, today.month, min(today.day, 28))
    starts = []
    for item, occurrence in zip(items, expected, strict=True):
        first = item.find("time")
        start = dt.date.fromisoformat((first["datetime"] + "-01")[:10])  # "2027-03" is a month
        starts.append(start)
        assert start < until + dt.timedelta(days=3), item.get_text()
        ends = [day_of(dt.datetime.fromisoformat(t["datetime"])) for t in item.find_all("time")
                if len(t["datetime"]) >= 10]
        assert not ends or max(ends) >= today, item.get_text()
        # the event's name links to its section on the page
        anchor = item.select_one('a[href^="#"]')["href"][1:]
        assert soup.find(id=anchor) is not None and anchor == occurrence.event.anchor(lang)
        text = " ".join(item.get_text(" ").split())
        assert (EXPECTED[lang] in text) == occurrence.expected, text
        assert occurrence.event.where[lang] in text or (occurrence.edition and occurrence.edition.venue)
    assert starts == sorted(starts)
    # every festival whose lunar date can be worked out is in the list
    keys = {o.event.key for o in expected}
    assert {"thanh-ban-phu", "ga-ma-thu", "tet-hoa-mao-ga", "bun-huot-nam", "ky-niem-chien-thang",
            "ky-niem-mo-man-chien-dich", "le-hoi-hoa-ban"} <= keys


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_lunar_dates_are_converted_and_marked_expected(site: Site, events, today, lang, prefix):
    soup = site.page(site.version(PAGE, prefix))
    ban_phu = next(ev for ev in events.events if ev.key == "thanh-ban-phu")
    section = []
    for sibling in soup.find(id=ban_phu.anchor(lang)).find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    text = " ".join(" ".join(s.get_text(" ") for s in section).split())
    (first, second) = events_core.expected_dates(ban_phu, today)  # the next two years, converted
    for occurrence in (first, second):
        assert occurrence.expected and occurrence.start >= today
        assert solar_to_lunar(occurrence.start).month == 2  # the second lunar month
    times = {t["datetime"] for s in section for t in s.select("time[datetime]")}
    assert {first.start.isoformat(), first.end.isoformat(), second.start.isoformat()} <= times
    assert f"({EXPECTED[lang]})" in text
    # past editions are still listed, below
    assert "2025-03-22" in times and text.index({"vi": "Các kỳ đã diễn ra", "en": "Past editions"}[lang]) > text.index(
        f"({EXPECTED[lang]})")


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_no_maintainer_notes_on_the_page(site: Site, lang, prefix):
    text = " ".join(site.page(site.version(PAGE, prefix)).select_one("article").get_text(" ").split())
    for phrase in ("Không có trong tệp lịch", "Not in the calendar file", "các nguồn chưa", "nguồn của chúng tôi",
                   "Our sources", "the sources do not", "last checked", "đối chiếu với nguồn"):
        assert phrase not in text


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_events_ics_holds_the_coming_dates(site: Site, events, today, lang, prefix):
    cal = calendar(site, prefix + "events.ics")
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    # every dated edition from the data
    for ev in events.events:
        for ed in ev.editions:
            assert f"{ev.key}-{ed.start:%Y%m%d}@{DOMAIN}" in vevents
    after = {uid: e for uid, e in vevents.items() if day_of(e["DTSTART"].dt) > today}
    assert len(after) >= 10
    for key in ("thanh-ban-phu", "ga-ma-thu", "tet-hoa-mao-ga", "bun-huot-nam"):
        expected = sorted((e for uid, e in after.items() if uid.startswith(f"{key}-") and "du-kien" in uid),
                          key=lambda e: e["DTSTART"].dt)
        assert len(expected) == 2, key  # the next two years
        for e in expected:
            assert str(e["STATUS"]) == "TENTATIVE" and f"({EXPECTED[lang]})" in str(e["SUMMARY"])
        assert (expected[1]["DTSTART"].dt - expected[0]["DTSTART"].dt).days in range(330, 400)
    for key in ("ky-niem-chien-thang", "ky-niem-mo-man-chien-dich"):
        yearly = vevents[f"{key}-hang-nam@{DOMAIN}"]
        assert yearly["RRULE"]["FREQ"] == ["YEARLY"]
        assert today <= yearly["DTSTART"].dt < dt.date(today.year + 1, today.month, min(today.day, 28)) + \
            dt.timedelta(days=3)
    for event in vevents.values():
        start = event["DTSTART"]
        if isinstance(start.dt, dt.datetime):
            assert start.params["TZID"] == "Asia/Ho_Chi_Minh"
            assert start.dt.utcoffset() == dt.timedelta(hours=7)
        else:
            assert isinstance(start.dt, dt.date) and event["DTEND"].dt > start.dt  # all-day
        assert str(event["URL"]).startswith(SITE_URL + site.version(PAGE, prefix) + "#")
        assert event["SUMMARY"] and event["DTSTAMP"]
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_uids_are_the_same_in_both_languages_and_builds(site: Site):
    vi = {str(e["UID"]) for e in calendar(site, "events.ics").walk("VEVENT")}
    en = {str(e["UID"]) for e in calendar(site, "en/events.ics").walk("VEVENT")}
    assert vi == en
    assert (site.root / "events.ics").read_bytes().count(b"DTSTAMP:") == len(vi)


#: Examples written out, as the events page and its calendars publish them: a festival's section
#: is its name in the page's language, lower case, without accents ("đ" reads "d") or punctuation.
ANCHORS = {
    "le-hoi-hoa-ban": {"vi": "le-hoi-hoa-ban", "en": "ban-flower-festival"},
    "thanh-ban-phu": {"vi": "le-hoi-hoang-cong-chat-thanh-ban-phu", "en": "hoang-cong-chat-thanh-ban-phu-festival"},
    "ky-niem-chien-thang": {"vi": "ngay-chien-thang-dien-bien-phu", "en": "anniversary-of-the-dien-bien-phu-victory"},
    "tet-hoa-mao-ga": {"vi": "tet-hoa-mao-ga-men-loong-phat-ai-cua-nguoi-cong",
                       "en": "cockscomb-flower-new-year-men-loong-phat-ai-of-the-cong"},
}
PAGE_URLS = {"vi": "https://dienbien.example.org/du-lich/le-hoi/",
             "en": "https://dienbien.example.org/en/travel/festivals/"}


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_festival_sections_have_the_published_anchors(site: Site, events, lang, prefix):
    soup = site.page(site.version(PAGE, prefix))
    by_key = {ev.key: ev for ev in events.events}
    for key, anchors in ANCHORS.items():
        heading = soup.find(id=anchors[lang])
        assert heading is not None and heading.name == "h2", anchors[lang]
        assert heading.get_text().replace("¶", "").strip() == by_key[key].name[lang]
        assert by_key[key].anchor(lang) == anchors[lang]
    # the list of the next twelve months links to the festival's section
    coming = soup.find(id=NEXT[lang]).find_next_sibling("ul")
    assert coming.select_one(f'a[href="#{ANCHORS["le-hoi-hoa-ban"][lang]}"]') is not None
    assert SITE_URL + site.version(PAGE, prefix) == PAGE_URLS[lang]


def test_calendar_entries_have_the_published_uids(site: Site, events):
    """Examples written out: an edition's UID is the event's key and first day at the site's
    domain, an anniversary's the key and "hang-nam" (yearly), an expected date's the key, the
    year and "du-kien" (expected); the same in both languages' calendars."""
    festival = next(ev for ev in events.events if ev.key == "le-hoi-hoa-ban")
    opening = next(ed for ed in festival.editions if ed.start == dt.date(2026, 3, 8))
    assert events_core.edition_id(festival, opening) == "le-hoi-hoa-ban-20260308"
    vietnam = dt.timezone(dt.timedelta(hours=7))
    for lang, prefix in LANGS.items():
        entries = {str(e["UID"]): e for e in calendar(site, prefix + "events.ics").walk("VEVENT")}
        ban_flower = PAGE_URLS[lang] + "#" + ANCHORS["le-hoi-hoa-ban"][lang]
        day = entries["le-hoi-hoa-ban-20260308@dienbien.example.org"]  # an evening: the whole day
        assert (day["DTSTART"].dt, day["DTEND"].dt) == (dt.date(2026, 3, 8), dt.date(2026, 3, 9))
        assert str(day["URL"]) == ban_flower
        (alone,) = calendar(site, prefix + "events/le-hoi-hoa-ban-20260308.ics").walk("VEVENT")
        assert str(alone["UID"]) == "le-hoi-hoa-ban-20260308@dienbien.example.org"
        timed = entries["le-hoi-hoa-ban-20240316@dienbien.example.org"]  # opened at 19:30
        assert timed["DTSTART"].dt == dt.datetime(2024, 3, 16, 19, 30, tzinfo=vietnam)
        assert timed["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert str(timed["URL"]) == ban_flower
        yearly = entries["ky-niem-chien-thang-hang-nam@dienbien.example.org"]
        assert (yearly["DTSTART"].dt.month, yearly["DTSTART"].dt.day) == (5, 7)  # 7 May 1954
        assert yearly["RRULE"]["FREQ"] == ["YEARLY"]
        assert str(yearly["URL"]) == PAGE_URLS[lang] + "#" + ANCHORS["ky-niem-chien-thang"][lang]
        expected = sorted(uid for uid in entries if uid.startswith("thanh-ban-phu-") and "du-kien" in uid)
        assert len(expected) == 2 and all(
            re.fullmatch(r"thanh-ban-phu-20\d\d-du-kien@dienbien\.example\.org", uid) for uid in expected), expected


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_every_add_to_calendar_link_resolves_to_one_event(site: Site, lang, prefix):
    all_uids = {str(e["UID"]) for e in calendar(site, prefix + "events.ics").walk("VEVENT")}
    links = {a["href"] for a in site.page(site.version(PAGE, prefix)).select('article a[href$=".ics"]')}
    assert len(links) > 10
    for href in links:
        target = posixpath.normpath(posixpath.join(site.version(PAGE, prefix), href))
        assert (site.root / target).is_file(), href
        if target in ("events.ics", "en/events.ics"):
            continue
        (event,) = calendar(site, target).walk("VEVENT")
        assert str(event["UID"]) in all_uids


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_the_travel_page_shows_the_ban_festivals_editions_from_data(site: Site, events, today, lang, prefix):
    """{{ block.event.le-hoi-hoa-ban }}: the travel page's festival dates come from data/events.yml,
    the past editions newest first and the coming dates after today; no table typed by hand."""
    festival = next(e for e in events.events if e.key == "le-hoi-hoa-ban")
    article = site.page(site.version("du-lich/", prefix)).select_one("article")
    heading = article.find(lambda t: t.name == "h2" and ("Hoa Ban" in t.get_text() or "Ban Flower" in t.get_text()))
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    assert not any(s.name == "table" or s.select("table") for s in section)
    items = [li for s in section if s.name == "ul" for li in s.select("li")]
    text = [" ".join(li.get_text(" ").split()) for li in items]
    is_coming = [t.startswith(("Sắp tới", "Coming dates")) for t in text]
    past = [ed for ed in festival.editions if (ed.end or ed.start) < today]
    shown = [t.split(":")[0] for t, c in zip(text, is_coming, strict=True) if not c]
    assert shown == [ed.title[lang] for ed in reversed(past)]
    assert is_coming.count(True) == 1
    coming = items[is_coming.index(True)]
    expected = events_core.coming(festival, today)
    assert expected and text[is_coming.index(True)].count(EXPECTED[lang]) == sum(o.edition is None for o in expected)
    days = [t["datetime"] for t in coming.select("time")]
    assert days and min(days) >= today.isoformat()[:len(days[0])]
