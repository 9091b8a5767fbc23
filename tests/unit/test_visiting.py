"""Practical facts (data/visiting/: one file per place, the entries they share, the trip page's):
loading with file:line errors in both languages, rendering with the "checked" line, and the
editor's report of stale and missing facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from records import write_records

from dienbien.core.data.dates import PartialDate
from dienbien.core.data.figures import load_figure_store
from dienbien.core.domain.visiting import load_visiting, missing_facts, plan_rows, stale_facts, trip_markdown
from dienbien.core.errors import SiteDataError
from dienbien.core.messages import vietnamese
from sitelanguages import LANGUAGES

SOURCES = """\
bdbp:
  publisher: Báo Điện Biên Phủ
  title: Bảo tàng mở cửa buổi tối
  title_en: The museum opens in the evening
  date: 2024-04-05
  url: https://example.org/bao-tang
"""
MUSEUM = """\
place: museum
getting_there:
  - {vi: Đi bộ từ trung tâm., en: A walk from the centre., source: bdbp, checked: 2024-04-05}
hours:
  - periods:
      - {days: {vi: Hằng ngày, en: Daily}, open: "07:00", close: "11:00"}
      - {days: {vi: Hằng ngày, en: Daily}, open: "13:30", close: "17:00"}
    note: {vi: Mở thêm buổi tối thứ Sáu., en: Also open on Friday evenings.}
    source: bdbp
    checked: 2024-04
price:
  - tickets:
      - {who: {vi: Người lớn, en: Adults}, vnd: 20000}
      - {who: {vi: Trẻ em, en: Children}, vnd: 0}
    source: bdbp
    checked: 2026
"""
HILL = """\
place: hill
shared_price: site_ticket
on_site:
  - {vi: Có xe tăng của Pháp., en: A French tank stands here., source: bdbp, checked: 2026-01-10}
shared_on_site: [tickets_on_sale]
"""
SHARED = """\
prices:
  - key: site_ticket
    about: Phí tham quan các điểm di tích bán vé.
    tickets:
      - {who: {vi: Người lớn, en: Adults}, vnd: 20000}
      - {who: {vi: Dưới 18 tuổi, en: Under 18}, vnd: 0}
    source: bdbp
    checked: 2020-10-10
facts:
  - key: tickets_on_sale
    about: Vé bán tại mọi điểm di tích bán vé.
    vi: Vé bán ngay tại di tích.
    en: Tickets are sold at the site.
    source: bdbp
    checked: 2018-04
"""
TRIP = """\
flights:
  - {vi: Bay từ Hà Nội., en: Flights from Hà Nội., source: bdbp, checked: 2026-03-08}
"""
FILES = {"places/museum.yml": MUSEUM, "places/hill.yml": HILL, "shared.yml": SHARED, "trip.yml": TRIP}
PLACES = ("museum", "hill", "lake")  # data/places.yml's keys; the lake has no practical facts yet


def load(tmp_path: Path, files: dict[str, str] | None = None, **changed: str):
    """The facts of FILES, with ``changed`` files (``places__hill="…"`` for places/hill.yml) in their place."""
    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True)
    (data / "units.yml").write_text("percent: {vi: '{n}%', en: '{n}%'}\n", encoding="utf-8")
    write_records(data / "sources", SOURCES)
    texts = {**(files or FILES), **{name.replace("__", "/") + ".yml": text for name, text in changed.items()}}
    for name, text in texts.items():
        (data / "visiting" / name).parent.mkdir(parents=True, exist_ok=True)
        (data / "visiting" / name).write_text(text, encoding="utf-8")
    store = load_figure_store(data, LANGUAGES, tmp_path)
    return load_visiting(data / "visiting", tmp_path, LANGUAGES, store, PLACES)


def test_facts_render_with_house_style_and_checked_date(tmp_path):
    visiting = load(tmp_path)
    rows = dict(plan_rows(visiting.places["museum"], "vi"))
    hours = BeautifulSoup(rows["Giờ mở cửa"], "html.parser")
    assert hours.li.get_text() == "Hằng ngày: 07:00–11:00 và 13:30–17:00"
    assert "Cập nhật tháng 4/2024" in hours.get_text()
    assert hours.select_one("time")["datetime"] == "2024-04"
    tickets = BeautifulSoup(rows["Giá vé"], "html.parser")
    assert [li.get_text() for li in tickets.select("li")] == ["Người lớn: 20.000 đồng", "Trẻ em: miễn phí"]
    assert "Cập nhật năm 2026" in tickets.get_text()
    en = dict(plan_rows(visiting.places["museum"], "en"))
    assert [li.get_text() for li in BeautifulSoup(en["Tickets"], "html.parser").select("li")] == [
        "Adults: VND 20,000", "Children: free"]
    way = BeautifulSoup(en["Getting there"], "html.parser")
    assert "Checked 5 April 2024" in way.get_text()
    assert way.a["href"] == "https://example.org/bao-tang" and way.a.get_text() == "Báo Điện Biên Phủ"


def test_a_shared_entry_is_written_once_and_shown_for_each_place_that_names_it(tmp_path):
    lake = HILL.replace("place: hill", "place: lake").replace(
        "on_site:\n  - {vi: Có xe tăng của Pháp., en: A French tank stands here., source: bdbp, checked: 2026-01-10}\n",
        "")
    visiting = load(tmp_path, places__lake=lake)
    hill, lake = visiting.places["hill"], visiting.places["lake"]
    assert hill.price is lake.price and hill.price.path == "data/visiting/shared.yml" and hill.price.line == 2
    rows = dict(plan_rows(hill, "en"))
    tickets = BeautifulSoup(rows["Tickets"], "html.parser")
    assert [li.get_text() for li in tickets.select("li")] == ["Adults: VND 20,000", "Under 18: free"]
    assert "Checked 10 October 2020" in tickets.get_text()
    # the place's own facts on site, then the shared ones
    on_site = BeautifulSoup(rows["On site"], "html.parser")
    assert [li.get_text(" ", strip=True).split(" Checked")[0] for li in on_site.select("li")] == [
        "A French tank stands here.", "Tickets are sold at the site."]
    assert [f.text["vi"] for f in lake.on_site] == ["Vé bán ngay tại di tích."]


def test_trip_topics_and_empty_ones(tmp_path):
    visiting = load(tmp_path)
    html = BeautifulSoup(trip_markdown(visiting.trip["flights"], "en"), "html.parser")
    assert html.li.get_text(" ", strip=True).startswith("Flights from Hà Nội. Checked 8 March 2026")
    assert trip_markdown((), "vi") == ""
    assert visiting.trip.get("road", ()) == ()


def test_stale_and_missing_facts_name_the_file_they_are_written_in(tmp_path):
    visiting = load(tmp_path)
    stale = stale_facts(visiting, dt.date(2026, 12, 6))
    assert stale == [
        ("museum.getting_there", "data/visiting/places/museum.yml:3", PartialDate(2024, 4, 5)),
        ("museum.hours", "data/visiting/places/museum.yml:5", PartialDate(2024, 4)),
        ("hill.price", "data/visiting/shared.yml:2", PartialDate(2020, 10, 10)),
        ("hill.on_site", "data/visiting/shared.yml:10", PartialDate(2018, 4)),
    ]
    assert [what for what, _, _ in stale_facts(visiting, dt.date(2024, 6, 1))] == ["hill.price", "hill.on_site"]
    assert missing_facts(visiting, PLACES) == [("hill", ("hours",)), ("lake", ("hours", "price"))]
    assert visiting.place_file("lake") == "data/visiting/places/lake.yml"


def test_what_the_browser_editor_leaves_empty_counts_as_absent(tmp_path):
    hill = HILL.replace("shared_on_site: [tickets_on_sale]", 'shared_on_site: []\ntime_needed: []\nhours: []')
    museum = MUSEUM.replace("    note: {vi: Mở thêm buổi tối thứ Sáu., en: Also open on Friday evenings.}",
                            '    note: {vi: "", en: ""}')
    visiting = load(tmp_path, places__hill=hill, places__museum=museum)
    assert visiting.places["hill"].hours is None and visiting.places["hill"].time_needed == ()
    assert len(visiting.places["hill"].on_site) == 1
    assert visiting.places["museum"].hours.note is None


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "message"),
    [
        ("places/museum.yml", 'open: "07:00"', 'open: "7h"', 6, "expected a 24-hour time in quotes"),
        ("places/museum.yml", 'close: "11:00"', 'close: "06:00"', 6, "closes before it opens"),
        ("places/museum.yml", "vnd: 20000", "vnd: 20.000", 13, "20.000 is read as a decimal number"),
        ("places/museum.yml", "source: bdbp, checked: 2024-04-05", "source: bdbq, checked: 2024-04-05", 3,
         "unknown source key 'bdbq'; did you mean 'bdbp'?"),
        ("places/museum.yml", "checked: 2024-04\n", "checked: April 2024\n", 10, "checked"),
        ("places/museum.yml", "place: museum", "place: musem", 1,
         "unknown place key 'musem'; did you mean 'museum'? (places are defined in data/places.yml)"),
        ("places/museum.yml", "place: museum", "place: hill", 1,
         "this file is for the place 'museum' (its name), not 'hill'; write place: museum; another place's facts "
         "go in their own file, data/visiting/places/hill.yml"),
        ("places/museum.yml", "getting_there:", "getting_their:", 2, "unknown field; did you mean 'getting_there'?"),
        ("places/museum.yml", "hours:\n  - periods:", "hours:\n  - periods: []\n    note: {vi: Sáng., en: Mornings.}\n"
         "    source: bdbp\n    checked: 2024\n  - periods:", 9, "only one item is allowed here"),
        ("places/museum.yml", "price:\n  - tickets:", "price:\n    tickets:", 11,
         "expected a list with one item, starting with '- tickets: …'"),
        ("places/hill.yml", "shared_price: site_ticket", "shared_price: site_tiket", 2,
         "unknown shared price list key 'site_tiket'; did you mean 'site_ticket'? (shared price lists are defined "
         "in data/visiting/shared.yml)"),
        ("places/hill.yml", "[tickets_on_sale]", "[tickets_onsale]", 5,
         "unknown shared fact key 'tickets_onsale'; did you mean 'tickets_on_sale'?"),
        ("places/hill.yml", "shared_price: site_ticket\n", "shared_price: site_ticket\nprice:\n  - tickets: "
         "[{who: {vi: Người lớn, en: Adults}, vnd: 0}]\n    source: bdbp\n    checked: 2026\n", 2,
         "give the place's own price or a shared price list, not both"),
        ("places/hill.yml", "on_site:\n  - {", "on_site:\n  {", 3, "expected a list of facts"),
        ("shared.yml", "    about: Vé bán tại mọi điểm di tích bán vé.\n", "", 10, "missing field 'about'"),
        ("shared.yml", "  - key: site_ticket", "  - key: Site ticket", 2, "may only use a-z, 0-9, _ and -"),
        ("trip.yml", ", en: Flights from Hà Nội.", "", 2, "missing field 'en'; add 'en:'"),
        ("trip.yml", "flights:", "flight:", 1, "unknown field; did you mean 'flights'?"),
    ],
    ids=["clock", "closing-time", "dotted-price", "unknown-source", "checked-date", "unknown-place",
         "another-place", "field-typo", "two-hours", "price-not-a-list", "unknown-shared-price",
         "unknown-shared-fact", "own-and-shared-price", "facts-not-a-list", "shared-about-missing", "shared-key-form",
         "missing-language", "trip-topic-typo"],
)
def test_mistakes_name_file_and_line_in_both_languages(tmp_path, file, old, new, line, message):
    text = FILES[file]
    assert old in text
    with pytest.raises(SiteDataError) as error:
        load(tmp_path, {**FILES, file: text.replace(old, new, 1)})
    assert str(error.value).startswith(f"data/visiting/{file}:{line}:"), str(error.value)
    assert message in str(error.value)
    assert vietnamese(str(error.value)) is not None, str(error.value)  # the office reads it in Vietnamese


def test_a_shared_key_given_twice_and_a_file_for_an_unknown_place(tmp_path):
    twice = SHARED.replace("facts:\n", "  - key: site_ticket\n    about: Lần nữa.\n    tickets: [{who: {vi: Trẻ em, "
                           "en: Children}, vnd: 0}]\n    source: bdbp\n    checked: 2020\nfacts:\n")
    with pytest.raises(SiteDataError) as error:
        load(tmp_path / "twice", shared=twice)
    assert str(error.value).startswith("data/visiting/shared.yml:9: prices.1.key: shared price list 'site_ticket' "
                                       "is already listed at line 2"), str(error.value)
    assert vietnamese(str(error.value)) is not None
    with pytest.raises(SiteDataError) as error:
        load(tmp_path / "misnamed", places__hil=HILL.replace("place: hill", "place: hil"))
    assert str(error.value).startswith("data/visiting/places/hil.yml:1: place: unknown place key 'hil'; did you mean "
                                       "'hill'?"), str(error.value)
    assert vietnamese(str(error.value)) is not None


def test_hours_may_be_a_note_alone(tmp_path):
    note_only = MUSEUM.replace("""periods:
      - {days: {vi: Hằng ngày, en: Daily}, open: "07:00", close: "11:00"}
      - {days: {vi: Hằng ngày, en: Daily}, open: "13:30", close: "17:00"}
    """, "")
    rows = dict(plan_rows(load(tmp_path, places__museum=note_only).places["museum"], "en"))
    hours = BeautifulSoup(rows["Opening hours"], "html.parser")
    assert hours.ul is None and hours.p.get_text() == "Also open on Friday evenings."
    neither = note_only.replace("note: {vi: Mở thêm buổi tối thứ Sáu., en: Also open on Friday evenings.}\n    ", "")
    with pytest.raises(SiteDataError, match="give the opening hours as periods, or a note"):
        load(tmp_path / "again", places__museum=neither)
