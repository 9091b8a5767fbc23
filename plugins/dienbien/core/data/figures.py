"""Figures and their sources, loaded from ``data/figures/<key>.yml`` and ``data/sources/<key>.yml``.

Every number a reader sees is a :class:`Figure`: a value, a unit, the period it
describes and the :class:`Source` it comes from. This module loads and validates
them; :mod:`dienbien.core.data.formatting` writes them out for a language.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

from ..errors import SiteDataError, display_path
from .dates import PartialDate
from .languages import Languages, filled
from .schema import check_keys, localized, mapping, number, partial_date, reference, references, shown, text
from .yamlfile import YamlDocument, load_yaml

#: Words that qualify a value ("hơn 310.000", "over 310,000"); their words are the strings formatting.approx.
APPROX_KINDS = ("over", "about", "nearly", "at_least")
SOURCES_AT = "sources are defined in data/sources/*.yml"


@dataclass(frozen=True)
class Where:
    """The file and line where something was defined."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Source:
    key: str
    publisher: str  # as the publisher names itself
    title: dict[str, str]
    date: PartialDate | None  # publication date, to the day, month or year known
    url: str | None
    where: Where
    publisher_names: dict[str, str] | None = None  # a name per language: "Vietnam News Agency (TTXVN)"

    def publisher_in(self, lang: str) -> str:
        """The publisher's name for a reader of ``lang``."""
        return self.publisher_names[lang] if self.publisher_names else self.publisher


@dataclass(frozen=True)
class Unit:
    """How a number is written in each language: ``{lang: {plural category: pattern}}``."""

    key: str
    patterns: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Figure:
    key: str
    value: Decimal
    unit: Unit
    label: dict[str, str]
    period: dict[str, str] | None  # the time it describes; none for a lasting fact (a length, a height)
    source: Source
    approx: str | None
    where: Where


class FigureStore:
    """All figures, units and sources of a site, looked up by key."""

    def __init__(self, figures: dict[str, Figure], sources: dict[str, Source], units: dict[str, Unit]):
        self.figures = figures
        self.sources = sources
        self.units = units

    def get(self, key: str, path: str, line: int | None) -> Figure:
        """The figure ``key``, or an error at ``path:line`` that suggests the nearest key."""
        try:
            return self.figures[key]
        except KeyError:
            raise unknown_key_error("figure", key, self.figures, path, line,
                                    "figures are defined in data/figures/*.yml") from None

    def source(self, key: str, path: str, line: int | None) -> Source:
        try:
            return self.sources[key]
        except KeyError:
            raise unknown_key_error("source", key, self.sources, path, line, SOURCES_AT) from None


def cited_source(doc: YamlDocument, key: tuple, value, store: FigureStore) -> Source:
    """The source a data entry names (``source: p13``), with a did-you-mean error at its line."""
    return store.sources[reference(doc, key, value, store.sources, "source", SOURCES_AT)]


def cited_sources(doc: YamlDocument, key: tuple, value, store: FigureStore) -> tuple[Source, ...]:
    """The sources a data entry names (``sources: [p13, n67]``), each checked at its line."""
    return tuple(store.sources[s] for s in references(doc, key, value, store.sources, "source", SOURCES_AT))


def unknown_key_error(kind: str, key: str, known: Iterable[str], path: str, line: int | None,
                      where_defined: str) -> SiteDataError:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? ({where_defined})" if close else where_defined
    return SiteDataError(path, line, f"unknown {kind} key '{key}'", hint)


# -- loading ----------------------------------------------------------------------------
#
# One file per source (``data/sources/<key>.yml``) and per figure (``data/figures/<key>.yml``),
# each a flat record with its ``key``: the layout the browser editor at /admin/ edits as forms
# (see core/publish/cms.py). The file name is the key when the record is made; the ``key`` field is the
# one pages cite.

KEY_HINT = "e.g. tourist_visits_2026_jan_feb"


def _documents(folder: Path, root: Path) -> list[YamlDocument]:
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    return [load_yaml(p, display_path(p, root)) for p in files]


def _given(entry: dict, name: str) -> bool:
    """An optional field the editor left empty (``""``, ``null``, ``{}``) counts as absent."""
    value = entry.get(name)
    if isinstance(value, dict):
        return any(v not in (None, "") for v in value.values())
    return value not in (None, "")


def _record(doc: YamlDocument, what: str, required: set[str], optional: set[str]) -> tuple[str, dict]:
    entry = mapping(doc, (), doc.data, f"{what}: key, then one field a line")
    check_keys(doc, (), entry, required, optional)
    key = text(doc, ("key",), entry["key"])
    if not key.isascii() or not key.replace("_", "").replace("-", "").isalnum():
        raise doc.error(("key",), f"the key {key!r} may only use a-z, 0-9, _ and -", KEY_HINT)
    return key, {name: value for name, value in entry.items() if name in required or _given(entry, name)}


def load_units(path: Path, root: Path, languages: Languages) -> dict[str, Unit]:
    doc = load_yaml(path, display_path(path, root))
    units: dict[str, Unit] = {}
    for key, entry in mapping(doc, (), doc.data, "units").items():
        entry = mapping(doc, (key,), entry, "one pattern per language")
        patterns: dict[str, dict[str, str]] = {}
        for lang in languages:
            if lang not in entry:
                if lang not in languages.complete:
                    continue  # a pending language writes the default language's unit for now
                raise doc.error((key,), f"missing the '{lang}' pattern", f"add '{lang}: \"{{n}} …\"'")
            raw = entry[lang]
            forms = raw if isinstance(raw, dict) else {"other": raw}
            if "other" not in forms:
                raise doc.error((key, lang), "a plural pattern needs an 'other' form")
            for form, pattern in forms.items():
                sub = (key, lang) if not isinstance(raw, dict) else (key, lang, form)
                if not isinstance(pattern, str) or "{n}" not in pattern:
                    raise doc.error(sub, f"a pattern must contain {{n}} where the number goes, got {shown(pattern)}")
            patterns[lang] = {str(f): p for f, p in forms.items()}
        units[key] = Unit(key=key, patterns=filled(patterns, languages))
    return units


def source_fields(languages: Languages) -> tuple[set[str], set[str]]:
    """Required and optional fields of a source: ``publisher`` and ``title`` as the source gives them (in
    the default language), the other languages' publisher and title optional."""
    others = {f"{name}_{lang}" for name in ("publisher", "title") for lang in languages.others}
    return {"key", "publisher", "title"}, {"date", "url"} | others


def load_sources(folder: Path, root: Path, languages: Languages) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    required, optional = source_fields(languages)
    for doc in _documents(folder, root):
        key, entry = _record(doc, "a source", required, optional)
        if key in sources:
            raise doc.error(("key",), f"source '{key}' is already defined at {sources[key].where}",
                            "give it another key or remove one")
        url = entry.get("url")
        if url is not None:
            url = text(doc, ("url",), url)
            if urlparse(url).scheme not in ("http", "https"):
                raise doc.error(("url",), f"expected a web address starting with https://, got {url!r}")
        publisher = text(doc, ("publisher",), entry["publisher"])
        title = text(doc, ("title",), entry["title"])
        names = {lang: text(doc, (f"publisher_{lang}",), entry[f"publisher_{lang}"])
                 if f"publisher_{lang}" in entry else publisher for lang in languages.others}
        sources[key] = Source(
            key=key,
            publisher=publisher,
            publisher_names=filled({languages.default: publisher, **names}, languages)
            if any(n != publisher for n in names.values()) else None,
            title=filled({languages.default: title, **{lang: text(doc, (f"title_{lang}",), entry[f"title_{lang}"])
                                                     if f"title_{lang}" in entry else title
                                                     for lang in languages.others}}, languages),
            date=partial_date(doc, ("date",), entry["date"]) if "date" in entry else None,
            url=url,
            where=Where(doc.path, doc.line("key")),
        )
    return sources


FIGURE_FIELDS = ({"key", "value", "unit", "label", "source"}, {"approx", "period"})


def load_figures(folder: Path, root: Path, languages: Languages, units: dict[str, Unit],
                 sources: dict[str, Source]) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    for doc in _documents(folder, root):
        key, entry = _record(doc, "a figure", *FIGURE_FIELDS)
        if "-" in key:
            raise doc.error(("key",), f"figure key {key!r} may only use a-z, 0-9 and _", KEY_HINT)
        if key in figures:
            raise doc.error(("key",), f"figure '{key}' is already defined at {figures[key].where}",
                            "give it another key or remove one")
        unit_key = text(doc, ("unit",), entry["unit"])
        if unit_key not in units:
            raise unknown_key_error("unit", unit_key, units, doc.path, doc.line("unit"),
                                    "units are defined in data/units.yml")
        source_key = text(doc, ("source",), entry["source"])
        if source_key not in sources:
            raise unknown_key_error("source", source_key, sources, doc.path, doc.line("source"), SOURCES_AT)
        approx = entry.get("approx")
        if approx is not None and approx not in APPROX_KINDS:
            raise doc.error(("approx",), f"unknown approx {approx!r}", "use one of: " + ", ".join(APPROX_KINDS))
        figures[key] = Figure(
            key=key,
            value=number(doc, ("value",), entry["value"]),
            unit=units[unit_key],
            label=localized(doc, ("label",), entry["label"], languages),
            period=localized(doc, ("period",), entry["period"], languages) if "period" in entry else None,
            source=sources[source_key],
            approx=approx,
            where=Where(doc.path, doc.line("key")),
        )
    return figures


def load_figure_store(data_dir: Path, languages: Languages, root: Path | None = None) -> FigureStore:
    """Load ``units.yml``, ``sources/*.yml`` and ``figures/*.yml`` from ``data_dir``, with their texts in
    every language of ``languages``."""
    root = root or data_dir.parent
    units_file = data_dir / "units.yml"
    if not units_file.is_file():
        raise SiteDataError(display_path(units_file, root), None, "file not found",
                            "the units that figures use are defined here")
    units = load_units(units_file, root, languages)
    sources = load_sources(data_dir / "sources", root, languages)
    figures = load_figures(data_dir / "figures", root, languages, units, sources)
    return FigureStore(figures, sources, units)


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file under ``data_dir``, for change detection."""
    return sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml"))
