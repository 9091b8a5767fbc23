"""One form for each name and term (``data/glossary.yml``), and the check that finds variants.

The check reads the pages of each language in ``content/<lang>/`` and the texts of that
language in ``data/`` (the ``vi:`` / ``en:`` values), and reports each variant with its file
and line. A variant is allowed at the start of brackets, as the common alternative after the form in
use ("Mông (Hmong)", "Mông – Dao (Hmong–Mien)"), in a group's ``gloss``, in
link targets, in code, and in source titles (``data/sources/`` and a page's sources section),
which are quoted as their publishers wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..data.mdlines import SOURCES_HEADING
from ..data.schema import check_keys, mapping, text
from ..data.yamlfile import load_yaml
from ..errors import display_path

_SKIP = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+|`[^`]*`|\{[^}]*\}")  # targets, tags, URLs, code, attrs


@dataclass(frozen=True)
class Term:
    use: str
    variants: tuple[re.Pattern, ...]
    line: int


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    found: str
    use: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: '{self.found}': write '{self.use}'"


def load_glossary(path: Path, root: Path, languages: tuple[str, ...]) -> dict[str, tuple[Term, ...]]:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data or {}, "one list of terms per language (vi:, en:)")
    check_keys(doc, (), data, set(), set(languages))
    out = {}
    for lang, items in data.items():
        if not isinstance(items, list):
            raise doc.error((lang,), "expected a list of terms, each '- {use: …, not: [...]}'")
        terms = []
        for i, item in enumerate(items):
            k = (lang, i)
            item = mapping(doc, k, item, "a term: use and not")
            check_keys(doc, k, item, {"use", "not"}, set())
            if not isinstance(item["not"], list) or not item["not"]:
                raise doc.error(k + ("not",), "expected a list of variants: [Hmong, H'mong]")
            variants = []
            for j, variant in enumerate(item["not"]):
                variant = text(doc, k + ("not", j), variant)
                try:
                    variants.append(_pattern(variant))
                except re.error as e:
                    raise doc.error(k + ("not", j), f"not a valid regular expression: {e}") from e
            terms.append(Term(text(doc, k + ("use",), item["use"]), tuple(variants), doc.line(*k)))
        out[lang] = tuple(terms)
    return out


def _pattern(variant: str) -> re.Pattern:
    if variant.startswith("re:"):
        return re.compile(variant[3:])
    flags = 0 if any(c.isupper() for c in variant) else re.I
    return re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", flags)


def variants_in(line: str, terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    """``(variant found, form to use)`` for each variant in one line of text."""
    line = _SKIP.sub(lambda m: " " * len(m.group(0)), line)
    found = []
    for term in terms:
        for pattern in term.variants:
            for match in pattern.finditer(line):
                if line[:match.start()].endswith(f"{term.use} (") or line[:match.start()].endswith("("):
                    continue  # an alternative in brackets: "Mông (Hmong)", "Mông – Dao (Hmong–Mien)"
                found.append((match.start(), match.group(0), term.use))
    return [(variant, use) for _, variant, use in sorted(found)]


def check_markdown(markdown: str, shown: str, terms: tuple[Term, ...]) -> list[Finding]:
    out = []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if SOURCES_HEADING.match(line.strip()):
            break
        if not in_fence:
            out += [Finding(shown, number, found, use) for found, use in variants_in(line, terms)]
    return out


def check_data(path: Path, shown: str, lang: str, terms: tuple[Term, ...]) -> list[Finding]:
    """The ``lang`` texts of one data file."""
    doc = load_yaml(path, shown)
    out = []

    def walk(value, key):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, key + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, key + (i,))
        elif isinstance(value, str) and key and key[-1] == lang and "gloss" not in key:
            for offset, line in enumerate(value.split("\n")):
                out.extend(Finding(shown, doc.line(*key) + offset, found, use)
                           for found, use in variants_in(line, terms))

    walk(doc.data, ())
    return out


def check_site(root: Path, content_dir: Path, data_dir: Path, glossary: dict[str, tuple[Term, ...]]) -> list[Finding]:
    """Every variant in the pages and data of every language, in file order."""
    out = []
    for lang, terms in glossary.items():
        for page in sorted((content_dir / lang).rglob("*.md")):
            out += check_markdown(page.read_text(encoding="utf-8"), display_path(page, root), terms)
        for data in sorted(data_dir.rglob("*.yml")):
            if data.parent.name == "sources" or data.name in ("glossary.yml", "phrases.yml"):
                continue
            out += check_data(data, display_path(data, root), lang, terms)
    return out
