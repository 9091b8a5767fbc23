"""The house style for dates and clocks, dates known to the year or month, and how a data
file writes them: the core, without MkDocs."""

from __future__ import annotations

import datetime as dt

import pytest
from records import write_records

from dienbien.core.data.dates import PartialDate
from dienbien.core.data.figures import load_sources
from dienbien.core.data.formatting import (
    date_html,
    date_range_html,
    format_clock,
    format_date,
    format_date_range,
    format_date_words,
    format_partial_date,
    source_html,
    source_short_html,
)
from dienbien.core.data.schema import partial_date
from dienbien.core.data.yamlfile import load_yaml
from dienbien.core.errors import SiteDataError
from sitelanguages import LANGUAGES

D = dt.date


@pytest.mark.parametrize(("date", "vi", "en"), [
    (D(2026, 3, 8), "8/3/2026", "8 March 2026"),
    (D(1954, 5, 7), "7/5/1954", "7 May 1954"),
    (D(2023, 12, 31), "31/12/2023", "31 December 2023"),
])
def test_format_date(date, vi, en):
    assert (format_date(date, "vi"), format_date(date, "en")) == (vi, en)


@pytest.mark.parametrize(("date", "vi", "en"), [
    (PartialDate(2019), "2019", "2019"),
    (PartialDate(2019, 3), "3/2019", "March 2019"),
    (PartialDate(2019, 12), "12/2019", "December 2019"),
    (PartialDate(2019, 3, 8), "8/3/2019", "8 March 2019"),
])
def test_format_partial_date_shows_only_what_is_known(date, vi, en):
    assert (format_partial_date(date, "vi"), format_partial_date(date, "en")) == (vi, en)


@pytest.mark.parametrize(("start", "end", "vi", "en"), [
    (D(1954, 3, 13), D(1954, 3, 17), "13–17/3/1954", "13–17 March 1954"),
    (D(1954, 1, 31), D(1954, 5, 15), "31/1–15/5/1954", "31 January – 15 May 1954"),
    (D(1953, 12, 30), D(1954, 1, 7), "30/12/1953–7/1/1954", "30 December 1953 – 7 January 1954"),
    (D(1954, 7, 21), D(1954, 7, 21), "21/7/1954", "21 July 1954"),
    (D(1954, 7, 21), None, "21/7/1954", "21 July 1954"),
])
def test_format_date_range(start, end, vi, en):
    assert (format_date_range(start, end, "vi"), format_date_range(start, end, "en")) == (vi, en)


def test_format_date_words_for_prose():
    assert format_date_words(D(2026, 3, 8), "vi") == "ngày 8 tháng 3 năm 2026"
    assert format_date_words(D(2026, 3, 8), "en") == "8 March 2026"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_format_clock_is_24_hour(lang):
    assert format_clock(dt.time(19, 30), lang) == "19:30"
    assert format_clock(dt.time(20, 0), lang) == "20:00"
    assert format_clock(dt.time(4, 0), lang) == "04:00"


def test_dates_in_html_carry_their_iso_form():
    assert date_html(D(2026, 3, 8), "vi") == '<time datetime="2026-03-08">8/3/2026</time>'
    assert date_html(PartialDate(2019, 3), "en") == '<time datetime="2019-03">March 2019</time>'
    assert date_html(PartialDate(2019), "vi") == '<time datetime="2019">2019</time>'
    assert date_range_html(D(1954, 3, 13), D(1954, 3, 17), "vi") == (
        '<time datetime="1954-03-13">13</time>–<time datetime="1954-03-17">17/3/1954</time>')
    assert date_range_html(D(1954, 1, 31), D(1954, 5, 15), "en") == (
        '<time datetime="1954-01-31">31 January</time> – <time datetime="1954-05-15">15 May 1954</time>')


# -- PartialDate --------------------------------------------------------------------------------


def test_partial_date_iso_precision_and_first_day():
    assert [PartialDate(2019).isoformat(), PartialDate(2019, 3).isoformat(), PartialDate(2019, 3, 8).isoformat()] == [
        "2019", "2019-03", "2019-03-08"]
    assert [PartialDate(2019).precision, PartialDate(2019, 3).precision, PartialDate(2019, 3, 8).precision] == [
        "year", "month", "day"]
    assert PartialDate(2019).first_day == D(2019, 1, 1)
    assert PartialDate(2019, 3).first_day == D(2019, 3, 1)
    assert PartialDate(2019, 3).date is None and PartialDate(2019, 3, 8).date == D(2019, 3, 8)
    assert PartialDate.of(D(2026, 3, 8)) == PartialDate.parse("2026-03-08") == PartialDate(2026, 3, 8)
    assert str(PartialDate(2024, 4)) == "2024-04"


def test_partial_dates_sort_and_hash():
    dates = [PartialDate(2019, 3, 8), PartialDate(2019, 1), PartialDate(2018, 12, 31), PartialDate(2019),
             PartialDate(2019, 1, 1)]
    assert sorted(dates) == [PartialDate(2018, 12, 31), PartialDate(2019), PartialDate(2019, 1),
                             PartialDate(2019, 1, 1), PartialDate(2019, 3, 8)]
    assert PartialDate(2019) < PartialDate(2019, 3) < PartialDate(2020)
    assert len({PartialDate(2019), PartialDate(2019), PartialDate(2019, 1)}) == 2


@pytest.mark.parametrize("bad", [(2019, 13), (2019, 2, 30), (2019, None, 5)])
def test_partial_date_refuses_impossible_dates(bad):
    with pytest.raises(ValueError):
        PartialDate(*bad)


# -- in a data file -----------------------------------------------------------------------------


def _value(tmp_path, written: str):
    path = tmp_path / "s.yml"
    path.write_text(f"a:\n  date: {written}\n", encoding="utf-8")
    doc = load_yaml(path, "data/sources/s.yml")
    return partial_date(doc, ("a", "date"), doc.data["a"]["date"])


@pytest.mark.parametrize(("written", "expected"), [
    ("2019-03-08", PartialDate(2019, 3, 8)),
    ("2019-03", PartialDate(2019, 3)),
    ('"2019-03"', PartialDate(2019, 3)),
    ("2019", PartialDate(2019)),
    ('"2019"', PartialDate(2019)),
])
def test_a_data_file_writes_a_date_at_its_precision(tmp_path, written, expected):
    assert _value(tmp_path, written) == expected


@pytest.mark.parametrize("written", ["8/3/2019", "March 2019", "2019-3", "2019-13", "19", "yes", "2019-03-08 x"])
def test_a_wrong_date_names_its_line_and_the_fix(tmp_path, written):
    with pytest.raises(SiteDataError) as e:
        _value(tmp_path, written)
    message = str(e.value)
    assert message.startswith("data/sources/s.yml:2: a.date: expected a date, got ")
    assert "write the date as 2026-03-08, or 2026-03 / 2026 when only the month or year is known" in message


def test_sources_keep_their_precision_in_citations(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    write_records(folder,
                  "y:\n  publisher: Cổng du lịch\n  title: Đồi A1\n  date: 2019\n  url: https://x.org/a1\n"
                  "m:\n  publisher: Le Courrier du Vietnam (FR)\n  title: Bài\n  title_en: Article\n  date: 2024-04\n"
                  "d:\n  publisher: TTXVN\n  title: Bài viết\n  date: 2026-03-08\n")
    sources = load_sources(folder, tmp_path, LANGUAGES)
    assert [sources[k].date for k in "ymd"] == [PartialDate(2019), PartialDate(2024, 4), PartialDate(2026, 3, 8)]
    assert source_short_html(sources["y"], "vi") == (
        '<a href="https://x.org/a1" rel="noopener">Cổng du lịch</a>, <time datetime="2019">2019</time>')
    assert source_short_html(sources["m"], "vi") == 'Le Courrier du Vietnam, <time datetime="2024-04">4/2024</time>'
    assert source_html(sources["m"], "en").endswith('<time datetime="2024-04">April 2024</time>')
    assert source_html(sources["d"], "vi").endswith('<time datetime="2026-03-08">8/3/2026</time>')
