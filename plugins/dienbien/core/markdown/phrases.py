"""Notes meant for the site's editors never reach a visitor.

``data/phrases.yml`` lists, per language, phrases such as confidence tags ("độ tin cậy thấp",
"unverified"), file names ("data/…") or "our sources do not give…". :func:`find_phrases` looks
for them in a page's rendered reading text; :func:`locate` then finds the Markdown or data line
that produced each one, so the build's message points the editor at it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from ..data.schema import check_keys, mapping, text
from ..data.yamlfile import load_yaml
from ..errors import display_path


@dataclass(frozen=True)
class Phrase:
    phrase: str
    instead: str
    line: int  # in data/phrases.yml


@dataclass(frozen=True)
class Phrases:
    by_language: dict[str, tuple[Phrase, ...]]
    path: str

    def find(self, reading_text: str, lang: str) -> list[Phrase]:
        """The phrases of ``lang`` that occur in ``reading_text``, case and Unicode form ignored."""
        folded = _fold(reading_text)
        return [p for p in self.by_language.get(lang, ()) if _fold(p.phrase) in folded]

    def find_in_page(self, html: str, lang: str) -> list[Phrase]:
        """The phrases of ``lang`` in the reading text of a page's ``html`` (:func:`reading_text`).

        Most pages hold none, and it shows without taking the page apart (:func:`_may_hold`)."""
        phrases = self.by_language.get(lang, ())
        folded = _fold(unescape(html))
        if not any(all(word.search(folded) for word in _words(p.phrase)) for p in phrases):
            return []
        return self.find(reading_text(html), lang)


@lru_cache(maxsize=512)
def _words(phrase: str) -> tuple[re.Pattern[str], ...]:
    """What each word of ``phrase`` must look like in a page's HTML (entities decoded, folded) for
    the phrase to be in its reading text. In the reading text the words follow one another with
    spaces between; in the HTML, a space or a tag (markup between words leaves both whole, and
    markup inside a word splits it in the reading text too). So a word that another follows ends
    before a space or a ``<``, and a word that follows another starts after a space or a ``>``;
    the first word may end a longer one and the last begin one, as the reading text is searched
    for the phrase anywhere."""
    words = _fold(phrase).split()
    after, before = r"(?<=[\s>])", r"(?=[\s<])"
    return tuple(re.compile((after if i else "") + re.escape(word) + (before if i < len(words) - 1 else ""))
                 for i, word in enumerate(words))


def load_phrases(path: Path, root: Path, languages: tuple[str, ...]) -> Phrases:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data or {}, "one list of phrases per language (vi:, en:)")
    check_keys(doc, (), data, set(), set(languages))
    out: dict[str, tuple[Phrase, ...]] = {}
    for lang, items in data.items():
        if not isinstance(items, list):
            raise doc.error((lang,), "expected a list of entries, each '- phrase: …' with 'instead: …'")
        found = []
        for i, item in enumerate(items):
            k = (lang, i)
            item = mapping(doc, k, item, "an entry: phrase and instead")
            check_keys(doc, k, item, {"phrase", "instead"}, set())
            found.append(Phrase(text(doc, k + ("phrase",), item["phrase"]),
                                text(doc, k + ("instead",), item["instead"]), doc.line(*k)))
        out[lang] = tuple(found)
    return Phrases(out, doc.path)


def _fold(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).casefold()


class _ReadingText(HTMLParser):
    """The text a visitor reads: no scripts, styles, code or hidden search data."""

    SKIP = {"script", "style", "code", "pre", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def reading_text(html: str) -> str:
    parser = _ReadingText()
    parser.feed(html)
    return " ".join(parser.parts)


def locate(phrase: str, sources: list[tuple[str, str]]) -> tuple[str, int] | None:
    """The first ``(file, line)`` among ``sources`` (``(shown path, text)`` pairs, searched in
    order) whose text holds ``phrase``."""
    needle = _fold(phrase)
    for shown, content in sources:
        for number, line in enumerate(content.split("\n"), 1):
            if needle in _fold(line):
                return shown, number
    return None
