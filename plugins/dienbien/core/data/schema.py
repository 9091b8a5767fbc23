"""Checks shared by every data file: each failure names the file, the line and the fix."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .dates import PartialDate
from .languages import Languages, filled
from .yamlfile import YamlDocument


def mapping(doc: YamlDocument, key: tuple, value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise doc.error(key, f"expected {what} (key: value lines), got {shown(value)}")
    return value


def shown(value: Any) -> str:
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else f"{type(value).__name__} {value!r}"


def check_keys(doc: YamlDocument, key: tuple, entry: dict, required: set[str], optional: set[str]) -> None:
    for name in entry:
        if name not in required | optional:
            close = difflib.get_close_matches(str(name), sorted(required | optional), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(sorted(required | optional))
            raise doc.error(key + (name,), "unknown field", hint)
    for name in sorted(required):
        if name not in entry:
            raise doc.error(key, f"missing field '{name}'", f"add '{name}:' to this entry")


_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def text(doc: YamlDocument, key: tuple, value: Any) -> str:
    """Plain text: HTML in a data file is refused (the site writes the markup itself)."""
    if not isinstance(value, str) or not value.strip():
        hint = f'put it in quotes: "{value}"' if isinstance(value, (int, float)) else ""
        raise doc.error(key, f"expected text, got {shown(value)}", hint)
    if _HTML.search(value):
        raise doc.error(key, f"HTML is not allowed here: {_HTML.search(value).group(0)!r}",
                        "write plain text; use Markdown in content/ pages for links and emphasis")
    return value.strip()


def localized(doc: YamlDocument, key: tuple, value: Any, languages: Languages) -> dict[str, str]:
    """A text given in every language: ``{vi: …, en: …}`` (a language whose translation is pending
    may lack it, and reads the default language's)."""
    entry = mapping(doc, key, value, "one text per language, e.g. {vi: …, en: …}")
    for lang in entry:
        if lang not in languages:
            raise doc.error(key + (lang,), f"unknown language '{lang}'",
                            "languages are: " + ", ".join(languages))
    for lang in languages.complete:
        if lang not in entry:
            raise doc.error(key, f"missing the '{lang}' text", f"add '{lang}: …'")
    return filled({lang: text(doc, key + (lang,), entry[lang]) for lang in languages if lang in entry}, languages)


_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def number(doc: YamlDocument, key: tuple, value: Any) -> Decimal:
    written = doc.raw.get(key, "")
    # YAML reads 310.000 as the decimal 310.0: refuse it rather than guess
    if isinstance(value, float) and _DOTTED_THOUSANDS.match(written):
        raise doc.error(key, f"{written} is read as a decimal number, not as {written.replace('.', '')}",
                        f"write {written.replace('.', '')} without dots (the site adds separators)")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = "write the bare number (310000, 15.96) and put words like 'hơn' in approx"
        raise doc.error(key, f"expected a number, got {shown(value)}", hint)
    try:
        return Decimal(str(value))
    except InvalidOperation as e:  # pragma: no cover - floats always convert
        raise doc.error(key, f"not a number: {value!r}") from e


def degrees(doc: YamlDocument, key: tuple, value: Any, low: float, high: float) -> float:
    """A latitude or longitude in decimal degrees, within ``low``–``high``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise doc.error(key, f"expected a decimal coordinate between {low:g} and {high:g}, got {value!r}")
    return float(value)


def date_value(doc: YamlDocument, key: tuple, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise doc.error(key, f"expected a date written YYYY-MM-DD, got {shown(value)}")


PARTIAL_DATE_HINT = "write the date as 2026-03-08, or 2026-03 / 2026 when only the month or year is known"


def partial_date(doc: YamlDocument, key: tuple, value: Any) -> PartialDate:
    """A date known to the day (``2019-03-08``), the month (``2019-03``) or the year (``2019``)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError:
            pass
    raise doc.error(key, f"expected a date, got {shown(value)}", PARTIAL_DATE_HINT)


def localized_list(doc: YamlDocument, key: tuple, value: Any, languages: tuple[str, ...]) -> list[dict[str, str]]:
    """A list of texts each given in every language: ``- {vi: …, en: …}``."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error(key, "expected a list of items, each starting with '- {vi: …, en: …}'")
    return [localized(doc, key + (i,), item, languages) for i, item in enumerate(value)]


def choice(doc: YamlDocument, key: tuple, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        close = difflib.get_close_matches(str(value), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(allowed)
        raise doc.error(key, f"unknown value {shown(value)}", hint)
    return value


def slug(doc: YamlDocument, key: tuple, value: Any) -> str:
    value = text(doc, key, value)
    if not all(c.isascii() and (c.isalnum() or c == "-") for c in value) or value != value.lower():
        raise doc.error(key, f"{value!r} may only use a-z, 0-9 and hyphens", "e.g. kho-mu, doi-a1")
    return value


def reference(doc: YamlDocument, key: tuple, value: Any, known: Any, kind: str, defined_in: str) -> str:
    """A key that must exist in ``known`` (figures, sources, places…), with a did-you-mean hint."""
    value = text(doc, key, value)
    if value not in known:
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? ({defined_in})" if close else defined_in
        raise doc.error(key, f"unknown {kind} key '{value}'", hint)
    return value


def references(doc: YamlDocument, key: tuple, value: Any, known: Any, kind: str, defined_in: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error(key, f"expected a list of {kind} keys: [key1, key2]")
    return [reference(doc, key + (i,), item, known, kind, defined_in) for i, item in enumerate(value)]
