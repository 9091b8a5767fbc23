"""The front page's data: the Prime Minister's ten-line slogan and the headline figures.

``data/slogan.yml`` holds the ten five-word lines, Vietnamese exactly as published
(authoritative) with an English rendering, each linked to the section that answers
it. ``data/home.yml`` names the figures shown under the slogan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import display_path
from .figures import Figure, FigureStore, Source, unknown_key_error
from .schema import check_keys, localized, mapping, text
from .yamlfile import load_yaml


@dataclass(frozen=True)
class SloganLine:
    text: dict[str, str]
    page: str  # a content path, e.g. "lich-su/index.md"
    line: int


@dataclass(frozen=True)
class Slogan:
    lines: tuple[SloganLine, ...]
    speaker: dict[str, str]
    context: dict[str, str]
    source: Source
    path: str


def load_slogan(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> Slogan:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the slogan")
    check_keys(doc, (), data, {"speaker", "context", "source", "lines"}, set())
    lines = data["lines"]
    if not isinstance(lines, list) or not lines:
        raise doc.error(("lines",), "expected a list of lines, each starting with '- vi:'")
    parsed = []
    for i, entry in enumerate(lines):
        k = ("lines", i)
        entry = mapping(doc, k, entry, "a slogan line")
        check_keys(doc, k, entry, set(languages) | {"page"}, set())
        parsed.append(SloganLine(
            text={lang: text(doc, k + (lang,), entry[lang]) for lang in languages},
            page=text(doc, k + ("page",), entry["page"]),
            line=doc.line(*k),
        ))
    source_key = text(doc, ("source",), data["source"])
    return Slogan(
        lines=tuple(parsed),
        speaker=localized(doc, ("speaker",), data["speaker"], languages),
        context=localized(doc, ("context",), data["context"], languages),
        source=store.source(source_key, doc.path, doc.line("source")),
        path=doc.path,
    )


def load_highlights(path: Path, root: Path, store: FigureStore) -> tuple[Figure, ...]:
    """The figures of ``highlights:`` in ``data/home.yml``, in order."""
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the home page settings")
    check_keys(doc, (), data, {"highlights"}, set())
    keys = data["highlights"]
    if not isinstance(keys, list):
        raise doc.error(("highlights",), "expected a list of figure keys")
    figures = []
    for i, key in enumerate(keys):
        key = text(doc, ("highlights", i), key)
        if key not in store.figures:
            raise unknown_key_error("figure", key, store.figures, doc.path, doc.line("highlights", i),
                                    "figures are defined in data/figures/*.yml")
        figures.append(store.figures[key])
    return tuple(figures)
