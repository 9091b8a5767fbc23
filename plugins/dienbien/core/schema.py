"""Checks shared by every data file: each failure names the file, the line and the fix."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal, InvalidOperation
from typing import Any

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


def text(doc: YamlDocument, key: tuple, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        hint = f'put it in quotes: "{value}"' if isinstance(value, (int, float)) else ""
        raise doc.error(key, f"expected text, got {shown(value)}", hint)
    return value.strip()


def localized(doc: YamlDocument, key: tuple, value: Any, languages: tuple[str, ...]) -> dict[str, str]:
    """A text given in every language: ``{vi: …, en: …}``."""
    entry = mapping(doc, key, value, "one text per language, e.g. {vi: …, en: …}")
    for lang in entry:
        if lang not in languages:
            raise doc.error(key + (lang,), f"unknown language '{lang}'",
                            "languages are: " + ", ".join(languages))
    for lang in languages:
        if lang not in entry:
            raise doc.error(key, f"missing the '{lang}' text", f"add '{lang}: …'")
    return {lang: text(doc, key + (lang,), entry[lang]) for lang in languages}


def number(doc: YamlDocument, key: tuple, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = "write the bare number (310000, 15.96) and put words like 'hơn' in approx"
        raise doc.error(key, f"expected a number, got {shown(value)}", hint)
    try:
        return Decimal(str(value))
    except InvalidOperation as e:  # pragma: no cover - floats always convert
        raise doc.error(key, f"not a number: {value!r}") from e


def date_value(doc: YamlDocument, key: tuple, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise doc.error(key, f"expected a date written YYYY-MM-DD, got {shown(value)}")
