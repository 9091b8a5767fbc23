"""JSON Schemas (draft 2020-12) of the open-data files of :mod:`dienbien.core.publish.opendata`, published
beside each file. A CSV file's schema describes one of its rows as a CSV reader returns it: an
object of strings keyed by the column names of the header."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

KEY = {"type": "string", "pattern": "^[a-z0-9]+(?:[-_][a-z0-9]+)*$"}
TEXT = {"type": "string", "minLength": 1}
URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CLOCK = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
PRECISION = {"enum": ["year", "month", "day"]}
NUMBER = "^-?[0-9]+(\\.[0-9]+)?$"


def _object(properties: Mapping[str, Any], optional: Sequence[str] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": dict(properties),
            "required": [k for k in properties if k not in optional], "additionalProperties": False}


def _nullable(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {"anyOf": [dict(schema), {"type": "null"}]}


def _list(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": dict(schema)}


def texts(languages: Sequence[str]) -> dict[str, Any]:
    """A text in every language: ``{"vi": "…", "en": "…"}``."""
    return {**_object({lang: TEXT for lang in languages}), "description": "The text in each language"}


def _some_texts(languages: Sequence[str]) -> dict[str, Any]:
    """Texts in some of the languages (an English gloss, say)."""
    return {"type": "object", "properties": {lang: TEXT for lang in languages}, "additionalProperties": False}


def source(languages: Sequence[str]) -> dict[str, Any]:
    return {**_object({
        "key": {"type": "string", "minLength": 1},
        "publisher": texts(languages), "title": texts(languages),
        "url": _nullable(URL),
        "date": _nullable({"type": "string", "pattern": DATE}),
        "date_precision": _nullable(PRECISION),
    }), "description": "Where a value or fact comes from: publisher, title, address and publication date, "
                       "to the precision known (2026-03-08, 2026-03 or 2026)"}


def _head(languages: Sequence[str]) -> dict[str, Any]:
    return {"$schema": URL, "title": texts(languages),
            "licence": _object({"name": TEXT, "url": URL}),
            "attribution": texts(languages), "documentation": texts(languages)}


def _figure_properties(languages: Sequence[str]) -> dict[str, Any]:
    return {"key": KEY, "value": {"type": "number"}, "unit": KEY,
            "approx": _nullable({"enum": ["over", "about", "nearly", "at_least"]}),
            "label": texts(languages), "period": _nullable(texts(languages)),
            "text": {**texts(languages), "description": "The figure as the site writes it in each language"},
            "source": {"$ref": "#/$defs/source"}}


def figures(languages: Sequence[str]) -> dict[str, Any]:
    return {"title": "Figures of the Điện Biên site", "$defs": {"source": source(languages)},
            **_object({**_head(languages), "figures": _list(_object(_figure_properties(languages)))})}


def _checked(languages: Sequence[str], extra: Mapping[str, Any]) -> dict[str, Any]:
    return _object({**extra, "source": {"$ref": "#/$defs/source"},
                    "checked": {"type": "string", "pattern": DATE}, "checked_precision": PRECISION})


def places(languages: Sequence[str]) -> dict[str, Any]:
    loc = texts(languages)
    fact = _checked(languages, {"text": loc})
    hours = _checked(languages, {"periods": _list(_object({"days": loc, "open": {"type": "string", "pattern": CLOCK},
                                                           "close": {"type": "string", "pattern": CLOCK}})),
                                 "note": _nullable(loc)})
    price = _checked(languages, {"tickets": _list(_object({"who": loc, "vnd": {"type": "number", "minimum": 0}})),
                                 "note": _nullable(loc)})
    point = _object({"type": {"const": "Point"},
                     "coordinates": {"type": "array", "prefixItems": [
                         {"type": "number", "minimum": -180, "maximum": 180, "description": "longitude"},
                         {"type": "number", "minimum": -90, "maximum": 90, "description": "latitude"}],
                         "minItems": 2, "maxItems": 2}})
    properties = _object({
        "key": KEY, "kind": {"enum": ["relic", "destination"]}, "schema_org_type": TEXT,
        "name": loc, "other_names": _list(TEXT), "what": loc, "where": loc, "see": _list(loc),
        "visit": _nullable(loc), "coordinates_source": _nullable({"$ref": "#/$defs/source"}),
        "practical": _object({"getting_there": _list(fact), "hours": _nullable(hours), "price": _nullable(price),
                              "time_needed": _list(fact), "on_site": _list(fact)}),
        "figures": _list(KEY), "sources": _list({"$ref": "#/$defs/source"}),
        "pages": _object({lang: URL for lang in languages}), "short_url": _nullable(URL)})
    feature = _object({"type": {"const": "Feature"}, "id": KEY,
                       "geometry": {**_nullable(point), "description": "A point where the coordinates are sourced "
                                                                       "(see coordinates_source), else null"},
                       "properties": properties})
    return {"title": "Historic sites and destinations of the Điện Biên site (GeoJSON, RFC 7946)",
            "$defs": {"source": source(languages)},
            **_object({"type": {"const": "FeatureCollection"}, **_head(languages), "features": _list(feature)})}


def events(languages: Sequence[str]) -> dict[str, Any]:
    loc = texts(languages)
    pair = {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 31}, "minItems": 2, "maxItems": 2}
    when = _object({"calendar": {"enum": ["solar", "lunar", "not_given"]}, "months": _nullable(pair),
                    "days": _nullable(pair), "every": {"enum": ["year", "few_years"]}, "text": _nullable(loc)})
    day = {"type": "string", "pattern": DAY}
    edition = _object({"start": day, "end": _nullable(day), "time": _nullable({"type": "string", "pattern": CLOCK}),
                       "part": _nullable({"enum": ["evening"]}), "title": loc, "venue": _nullable(loc),
                       "note": _nullable(loc), "sources": _list({"$ref": "#/$defs/source"})})
    event = _object({"key": KEY, "type": {"enum": ["Festival", "Event"]}, "name": loc, "what": loc, "where": loc,
                     "when": when, "anniversary_of": _nullable(day),
                     "place": _nullable(KEY), "group": _nullable(KEY), "editions": _list(edition),
                     "sources": _list({"$ref": "#/$defs/source"}),
                     "pages": _object({lang: URL for lang in languages})})
    return {"title": "Festivals and events of the Điện Biên site", "$defs": {"source": source(languages)},
            **_object({**_head(languages), "checked": day,
                       "calendars": _object({lang: URL for lang in languages}), "events": _list(event)})}


def groups(languages: Sequence[str]) -> dict[str, Any]:
    loc = texts(languages)
    figure = _object({"figure": KEY, "value": {"type": "number", "minimum": 0}, "unit": KEY, "text": loc})
    group = _object({
        "key": KEY, "name": loc, "gloss": _some_texts(languages),
        "other_names": _object({lang: _list(TEXT) for lang in languages}),
        "population": figure, "share": figure, "language_family": loc, "where": loc,
        "heritage": _list(_object({"name": loc, "status": _nullable(loc),
                                   "year": _nullable({"type": "integer", "minimum": 1000, "maximum": 9999}),
                                   "source": {"$ref": "#/$defs/source"}})),
        "festivals": _list(loc), "crafts": _list(loc), "note": _nullable(loc),
        "sources": _list({"$ref": "#/$defs/source"}), "pages": _object({lang: URL for lang in languages})})
    return {"title": "The ethnic groups of Điện Biên province", "$defs": {"source": source(languages)},
            **_object({**_head(languages), "groups": _list(group)})}


def figure_csv(languages: Sequence[str]) -> dict[str, str]:
    """Patterns of the columns of ``figures.csv`` that are not free text ("" is an empty cell)."""
    return {"key": KEY["pattern"], "value": NUMBER, "unit": KEY["pattern"],
            "approx": "^(over|about|nearly|at_least)?$", "source_url": "^(https?://.+)?$",
            "source_date": f"^({DATE[1:-1]})?$", "source_date_precision": "^(year|month|day)?$",
            **{f"{field}_{lang}": "." for field in ("label", "text") for lang in languages}, "source_key": "."}


def group_csv(languages: Sequence[str]) -> dict[str, str]:
    """Patterns of the columns of ``ethnic-groups.csv`` that are not free text."""
    return {"key": KEY["pattern"], "population": NUMBER, "share_percent": NUMBER,
            "population_figure": KEY["pattern"], "share_figure": KEY["pattern"],
            **{f"page_{lang}": "^https?://" for lang in languages}, **{f"name_{lang}": "." for lang in languages}}


def csv_row(columns: Sequence[str], patterns: Mapping[str, str]) -> dict[str, Any]:
    """One row of a CSV file as a CSV reader gives it (every cell a string; "" when empty)."""
    return {"title": "One row of the CSV file, keyed by the names in its header",
            **_object({c: {"type": "string", **({"pattern": patterns[c]} if c in patterns else {})}
                       for c in columns})}
