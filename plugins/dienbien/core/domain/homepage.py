"""The front page's data: what a visitor needs first, the Prime Minister's ten-line slogan
and the headline figures.

``data/home.yml`` names the page the "plan your trip" button opens, the months of the Ban
season (their lines come from ``data/months.yml``), the three experiences not to miss and
the figures shown under the slogan. ``data/slogan.yml`` holds the ten five-word lines,
Vietnamese exactly as published (the official wording) with an English rendering, each
linked to the section that answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.figures import Figure, FigureStore, Source, unknown_key_error
from ..data.languages import filled
from ..data.schema import check_keys, localized, mapping, text
from ..data.yamlfile import YamlDocument, load_yaml
from ..errors import display_path


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
        check_keys(doc, k, entry, set(languages.complete) | {"page"}, set(languages))
        parsed.append(SloganLine(
            text=filled({lang: text(doc, k + (lang,), entry[lang]) for lang in languages if lang in entry},
                        languages),
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


@dataclass(frozen=True)
class Experience:
    title: dict[str, str]
    text: dict[str, str]
    page: str  # a content path, e.g. "lich-su/di-tich/doi-a1.md"
    line: int


#: The words around the front page's visitor sections (``labels:`` in ``data/home.yml``).
LABELS = ("plan", "experiences", "season", "season_lead")


@dataclass(frozen=True)
class Home:
    plan: str  # the content path the "plan your trip" button opens
    plan_line: int
    labels: dict[str, dict[str, str]]  # LABELS, each in every language
    season: tuple[int, ...]  # months of the year, 1–12
    experiences: tuple[Experience, ...]
    highlights: tuple[Figure, ...]
    path: str

    def pages(self) -> list[tuple[str, int]]:
        """``(content path, line)`` of every page the front page links to, to check they exist."""
        return [(self.plan, self.plan_line), *((e.page, e.line) for e in self.experiences)]


def load_home(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> Home:
    """``data/home.yml``: the plan page, the season's months, the experiences and the highlights."""
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the home page settings")
    check_keys(doc, (), data, {"plan", "labels", "season", "experiences", "highlights"}, set())
    labels = mapping(doc, ("labels",), data["labels"], "the words around the visitor sections")
    check_keys(doc, ("labels",), labels, set(LABELS), set())
    season = data["season"]
    if not isinstance(season, list) or not season or \
            not all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in season):
        raise doc.error(("season",), "expected a list of month numbers from 1 to 12, e.g. [2, 3, 4]")
    entries = data["experiences"]
    if not isinstance(entries, list) or not entries:
        raise doc.error(("experiences",), "expected a list of experiences, each starting with '- title:'")
    experiences = []
    for i, entry in enumerate(entries):
        k = ("experiences", i)
        entry = mapping(doc, k, entry, "an experience: title, text and page")
        check_keys(doc, k, entry, {"title", "text", "page"}, set())
        experiences.append(Experience(localized(doc, k + ("title",), entry["title"], languages),
                                      localized(doc, k + ("text",), entry["text"], languages),
                                      text(doc, k + ("page",), entry["page"]), doc.line(*k, "page")))
    return Home(plan=text(doc, ("plan",), data["plan"]), plan_line=doc.line("plan"),
                labels={name: localized(doc, ("labels", name), labels[name], languages) for name in LABELS},
                season=tuple(season),
                experiences=tuple(experiences), highlights=_highlights(doc, data, store), path=doc.path)


def _highlights(doc: YamlDocument, data: dict, store: FigureStore) -> tuple[Figure, ...]:
    """The figures of ``highlights:``, in order."""
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
