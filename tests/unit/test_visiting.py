"""Practical facts (data/visiting.yml): loading with file:line errors, rendering with the
"checked" line, and the editor's report of stale and missing facts."""

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

SOURCES = """\
bdbp:
  publisher: Báo Điện Biên Phủ
  title: Bảo tàng mở cửa buổi tối
  title_en: The museum opens in the evening
  date: 2024-04-05
  url: https://example.org/bao-tang
"""
VISITING = """\
places:
  museum:
    getting_there: {vi: Đi bộ từ trung tâm., en: A walk from the centre., source: bdbp, checked: 2024-04-05}
    hours:
      periods:
        - {days: {vi: Hằng ngày, en: Daily}, open: "07:00", close: "11:00"}
        - {days: {vi: Hằng ngày, en: Daily}, open: "13:30", close: "17:00"}
      note: {vi: Mở thêm buổi tối thứ Sáu., en: Also open on Friday evenings.}
      source: bdbp
      checked: 2024-04
    price:
      tickets:
        - {who: {vi: Người lớn, en: Adults}, vnd: 20000}
        - {who: {vi: Trẻ em, en: Children}, vnd: 0}
      source: bdbp
      checked: 2026
trip:
  flights:
    - {vi: Bay từ Hà Nội., en: Flights from Hà Nội., source: bdbp, checked: 2026-03-08}
"""


def load(tmp_path: Path, visiting: str = VISITING, places: tuple[str, ...] = ("museum", "hill")):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    (data / "figures").mkdir()
    (data / "units.yml").write_text("percent: {vi: '{n}%', en: '{n}%'}\n", encoding="utf-8")
    write_records(data / "sources", SOURCES)
    (data / "visiting.yml").write_text(visiting, encoding="utf-8")
    store = load_figure_store(data, ("vi", "en"), tmp_path)
    return load_visiting(data / "visiting.yml", tmp_path, ("vi", "en"), store, places)


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


def test_trip_topics_and_empty_ones(tmp_path):
    visiting = load(tmp_path)
    html = BeautifulSoup(trip_markdown(visiting.trip["flights"], "en"), "html.parser")
    assert html.li.get_text(" ", strip=True).startswith("Flights from Hà Nội. Checked 8 March 2026")
    assert trip_markdown((), "vi") == ""


def test_stale_and_missing_facts(tmp_path):
    visiting = load(tmp_path)
    stale = stale_facts(visiting, dt.date(2026, 12, 6))
    assert [(what, checked) for what, _, checked in stale] == [
        ("museum.getting_there", PartialDate(2024, 4, 5)), ("museum.hours", PartialDate(2024, 4))]
    assert stale_facts(visiting, dt.date(2024, 6, 1)) == []
    assert missing_facts(visiting, ("museum", "hill")) == [("hill", ("hours", "price"))]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('open: "07:00"', 'open: "7h"', 6, "expected a 24-hour time in quotes"),
        ('close: "11:00"', 'close: "06:00"', 6, "closes before it opens"),
        ("vnd: 20000", "vnd: 20.000", 13, "20.000 is read as a decimal number"),
        ("source: bdbp, checked: 2024-04-05", "source: bdbq, checked: 2024-04-05", 3,
         "unknown source key 'bdbq'; did you mean 'bdbp'?"),
        ("checked: 2024-04\n", "checked: April 2024\n", 10, "checked"),
        ("  museum:", "  musem:", 2, "unknown place key 'musem'; did you mean 'museum'?"),
        ("    getting_there:", "    getting_their:", 3, "unknown field; did you mean 'getting_there'?"),
        (", en: Flights from Hà Nội.", "", 19, "missing field 'en'; add 'en:'"),
    ],
    ids=["clock", "closing-time", "dotted-price", "unknown-source", "checked-date", "unknown-place",
         "field-typo", "missing-language"],
)
def test_mistakes_name_file_and_line(tmp_path, old, new, line, message):
    assert old in VISITING
    with pytest.raises(SiteDataError) as error:
        load(tmp_path, VISITING.replace(old, new, 1))
    assert str(error.value).startswith(f"data/visiting.yml:{line}:"), str(error.value)
    assert message in str(error.value)


def test_hours_may_be_a_note_alone(tmp_path):
    note_only = VISITING.replace("""      periods:
        - {days: {vi: Hằng ngày, en: Daily}, open: "07:00", close: "11:00"}
        - {days: {vi: Hằng ngày, en: Daily}, open: "13:30", close: "17:00"}
""", "")
    rows = dict(plan_rows(load(tmp_path, note_only).places["museum"], "en"))
    hours = BeautifulSoup(rows["Opening hours"], "html.parser")
    assert hours.ul is None and hours.p.get_text() == "Also open on Friday evenings."
    neither = note_only.replace("      note: {vi: Mở thêm buổi tối thứ Sáu., en: Also open on Friday evenings.}\n", "")
    with pytest.raises(SiteDataError, match="give the opening hours as periods, or a note"):
        load(tmp_path / "again", neither)
