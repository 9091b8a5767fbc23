"""Write figures, numbers and dates for a page's language, with Babel.

Vietnamese uses ``.`` for thousands and ``,`` for decimals (``429.227``, ``15,96%``);
English the reverse. Units and qualifiers ("hơn", "over") come from the unit
patterns in ``data/units.yml`` and from ``formatting.approx`` in each language's interface
strings (:mod:`dienbien.core.data.uistrings`).

Dates and clocks follow one house style, set once per language in those strings
(``formatting.dates``, ``formatting.ranges``) and used by every page, citation, timeline and calendar:
Vietnamese ``8/3/2026``, ``13–17/3/1954`` and, in prose, "ngày 8 tháng 3 năm 2026";
English ``8 March 2026``, ``13–17 March 1954``; clocks ``19:30`` in both.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from html import escape

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from .dates import PartialDate
from .figures import Figure, Source
from .uistrings import strings


@functools.cache  # Babel is slow per call; a site formats the same few figures on many pages
def format_number(value: Decimal, lang: str) -> str:
    """``429227`` → ``429.227`` (vi) / ``429,227`` (en); decimals kept as written."""
    return format_decimal(value, locale=lang, decimal_quantization=False)


@functools.cache
def format_coordinate(value: float, lang: str) -> str:
    """Decimal degrees to five places: ``22.0`` → ``22,00000`` (vi) / ``22.00000`` (en)."""
    return format_decimal(Decimal(f"{value:.5f}"), format="0.00000", locale=lang)


def _patterns(lang: str, kind: str):
    """The house style of ``lang``, from its interface strings: ``approx`` how a qualified value
    reads (``{x}`` is the number with its unit); ``dates`` Babel's CLDR patterns of a full date
    (``date``), of a date known to the month or year, of a date in running prose (``words``) and of a
    time of day (``clock``, 24-hour); ``ranges`` how a range of days reads by what its ends share (the
    same month, the same year, or neither), as (first day, separator, last day); ``hemispheres`` the
    letters after a latitude and a longitude (the site's places are north and east)."""
    return strings(lang, "formatting")[kind]


def written_coordinates(lat: float, lon: float, lang: str) -> str:
    """``22,40064° B; 102,14392° Đ`` / ``22.40064° N; 102.14392° E``: never read as four numbers."""
    north, east = _patterns(lang, "hemispheres")
    return f"{format_coordinate(lat, lang)}° {north}; {format_coordinate(lon, lang)}° {east}"


@functools.cache
def format_date(date: dt.date, lang: str) -> str:
    """``2026-03-08`` → ``8/3/2026`` (vi) / ``8 March 2026`` (en)."""
    return babel_format_date(date, _patterns(lang, "dates")["date"], locale=lang)


@functools.cache
def format_partial_date(date: PartialDate, lang: str) -> str:
    """A date at the precision known: ``2019``; ``3/2019`` / ``March 2019``; or a full date."""
    if date.precision == "day":
        return format_date(date.first_day, lang)
    return babel_format_date(date.first_day, _patterns(lang, "dates")[date.precision], locale=lang)


def _range_parts(start: dt.date, end: dt.date, lang: str) -> tuple[str, str, str]:
    shared = ("month" if (start.year, start.month) == (end.year, end.month)
              else "year" if start.year == end.year else "none")
    first, separator, last = _patterns(lang, "ranges")[shared]
    return babel_format_date(start, first, locale=lang), separator, babel_format_date(end, last, locale=lang)


@functools.cache
def format_date_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """``13–17/3/1954``, ``31/1–15/5/1954``, ``30/12/1953–7/1/1954`` (vi);
    ``13–17 March 1954``, ``31 January – 15 May 1954`` (en). One day when ``end`` is
    missing or the same day."""
    if end is None or end == start:
        return format_date(start, lang)
    return "".join(_range_parts(start, end, lang))


@functools.cache
def format_date_words(date: dt.date, lang: str) -> str:
    """A date for running prose: ``ngày 8 tháng 3 năm 2026`` (vi) / ``8 March 2026`` (en)."""
    return babel_format_date(date, _patterns(lang, "dates")["words"], locale=lang)


@functools.cache
def format_clock(time: dt.time, lang: str) -> str:
    """``19:30`` in both languages (24-hour)."""
    return babel_format_time(time, _patterns(lang, "dates")["clock"], locale=lang)


def date_html(date: dt.date | PartialDate, lang: str) -> str:
    """The date in a ``<time>`` element that carries it in ISO form, at the precision known."""
    text = format_partial_date(date, lang) if isinstance(date, PartialDate) else format_date(date, lang)
    return f'<time datetime="{date.isoformat()}">{escape(text)}</time>'


def date_range_html(start: dt.date, end: dt.date | None, lang: str) -> str:
    """The range with each end in its own ``<time>``: ``<time …>13</time>–<time …>17/3/1954</time>``."""
    if end is None or end == start:
        return date_html(start, lang)
    first, separator, last = _range_parts(start, end, lang)
    return (f'<time datetime="{start.isoformat()}">{escape(first)}</time>{escape(separator)}'
            f'<time datetime="{end.isoformat()}">{escape(last)}</time>')


def _unit_pattern(figure: Figure, lang: str) -> str:
    forms = figure.unit.patterns[lang]
    if len(forms) > 1:
        category = _plural_form(lang, figure.value)
        return forms.get(category, forms["other"])
    return forms["other"]


@functools.cache
def _plural_form(lang: str, value: Decimal) -> str:
    return Locale.parse(lang).plural_form(value)


def _qualify(figure: Figure, text: str, lang: str) -> str:
    return _patterns(lang, "approx")[figure.approx].replace("{x}", text) if figure.approx else text


def format_figure(figure: Figure, lang: str) -> str:
    """The figure as plain text: ``hơn 310.000 lượt khách`` / ``over 310,000 visits``."""
    pattern = _unit_pattern(figure, lang)
    return _qualify(figure, pattern.replace("{n}", format_number(figure.value, lang)), lang)


def figure_html(figure: Figure, lang: str) -> str:
    """The figure as HTML, the number in a ``<data>`` element that carries the raw value.

    Every piece of text from the data files is escaped.
    """
    number = (f'<data value="{escape(str(figure.value))}">'
              f"{escape(format_number(figure.value, lang))}</data>")
    before, _, after = _unit_pattern(figure, lang).partition("{n}")
    text = escape(before) + number + escape(after)
    return f'<span class="dbf">{_qualify(figure, text, lang)}</span>'


def source_html(source: Source, lang: str) -> str:
    """The source as HTML, its title a link when the source has an address."""
    title = escape(source.title[lang])
    if source.url:
        title = f'<a href="{escape(source.url)}" rel="noopener">{title}</a>'
    cited = f"{escape(source.publisher_in(lang))}, <cite>{title}</cite>"
    return cited + (f", {_time(source, lang)}" if source.date else "")


def _time(source: Source, lang: str) -> str:
    return date_html(source.date, lang)


def source_short_html(source: Source, lang: str, dated: bool = True) -> str:
    """Publisher (and date, unless ``dated`` is false), linked when the source has an address: for
    tight spaces."""
    publisher = escape(source.publisher_in(lang).split(" (")[0])
    if source.url:
        publisher = f'<a href="{escape(source.url)}" rel="noopener">{publisher}</a>'
    return f"{publisher}, {_time(source, lang)}" if dated and source.date else publisher
