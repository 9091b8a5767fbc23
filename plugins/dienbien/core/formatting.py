"""Write figures, numbers and dates for a page's language, with Babel.

Vietnamese uses ``.`` for thousands and ``,`` for decimals (``429.227``, ``15,96%``);
English the reverse. Units and qualifiers ("hơn", "over") come from the unit
patterns in ``data/units.yml`` and from :data:`APPROX`.
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

from .figures import Figure, Source

#: How a qualified value reads in each language; ``{x}`` is the number with its unit.
APPROX: dict[str, dict[str, str]] = {
    "vi": {"over": "hơn {x}", "about": "khoảng {x}", "nearly": "gần {x}", "at_least": "từ {x} trở lên"},
    "en": {"over": "over {x}", "about": "about {x}", "nearly": "nearly {x}", "at_least": "{x} or more"},
}


@functools.cache  # Babel is slow per call; a site formats the same few figures on many pages
def format_number(value: Decimal, lang: str) -> str:
    """``429227`` → ``429.227`` (vi) / ``429,227`` (en); decimals kept as written."""
    return format_decimal(value, locale=lang, decimal_quantization=False)


@functools.cache
def format_coordinate(value: float, lang: str) -> str:
    """Decimal degrees to five places: ``22.0`` → ``22,00000`` (vi) / ``22.00000`` (en)."""
    return format_decimal(Decimal(f"{value:.5f}"), format="0.00000", locale=lang)


@functools.cache
def format_date(date: dt.date, lang: str) -> str:
    """``2026-03-08`` → ``8 tháng 3, 2026`` (vi) / ``March 8, 2026`` (en)."""
    return babel_format_date(date, "long", locale=lang)


@functools.cache
def format_clock(time: dt.time, lang: str) -> str:
    """``19:30`` → ``19:30`` (vi) / ``7:30 PM`` (en)."""
    return babel_format_time(time, "short", locale=lang)


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
    return APPROX[lang][figure.approx].replace("{x}", text) if figure.approx else text


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
    return f"{escape(source.publisher)}, <cite>{title}</cite>" + (f", {_time(source, lang)}" if source.date else "")


def _time(source: Source, lang: str) -> str:
    return f'<time datetime="{source.date.isoformat()}">{escape(format_date(source.date, lang))}</time>'


def source_short_html(source: Source, lang: str) -> str:
    """Publisher and date only, linked when the source has an address: for tight spaces."""
    publisher = escape(source.publisher.split(" (")[0])
    if source.url:
        publisher = f'<a href="{escape(source.url)}" rel="noopener">{publisher}</a>'
    return f"{publisher}, {_time(source, lang)}" if source.date else publisher
