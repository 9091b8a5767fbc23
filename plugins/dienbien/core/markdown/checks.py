"""Editorial checks over the Markdown in ``content/``, shared by the build and ``make check``.

``hardcoded_statistics`` finds numbers typed into a page that belong in ``data/`` as
figures: numbers written with thousands separators or decimals, and numbers followed by a
unit (%, ha, km, MW, tỷ đồng, người…). Years, dates, times, hill and road names (A1, QL6)
and decision numbers pass, since they are not statistics; so does a page's "## Nguồn" /
"## Sources" section, whose lines quote the titles of articles.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..data.figures import FigureStore
from ..data.mdlines import SOURCES_HEADING
from ..errors import SiteDataError, display_path
from ..media.images import check_alt, find_images, find_img_tags, resolve_source
from .markup import BLOCK, TOKEN, replace_figure_tokens, replace_tokens

_UNITS = (r"%|ha\b|km²|km2\b|km\b|m²|m2\b|m\b|MW\b|kW\b|°C|kg\b|tấn\b|tonnes?\b|tons?\b|tỷ\b|triệu\b|nghìn\b|ngàn\b"
          r"|billion\b|million\b|người\b|people\b|lượt\b|visits?\b|cử tri\b|voters?\b|hộ\b|households?\b"
          r"|bậc\b|steps?\b|ngôi mộ\b|graves?\b|dự án\b|projects?\b|sản phẩm\b|products?\b|VND\b|đồng\b|USD\b")
_NUMBER_WITH_UNIT = re.compile(rf"(?<![\w/.:-])\d+(?:[.,]\d+)*\s?(?:{_UNITS})", re.I)
_SEPARATED = re.compile(r"(?<![\w/.:-])\d{1,3}(?:[.,]\d{3})+(?![\w/-])")  # 4.500, 12,360
_DECIMAL = re.compile(r"(?<![\w/.:-])\d+[.,]\d{1,2}(?![\d/.:\w-])")  # 15,96 38.12
_VND_BEFORE = re.compile(r"\bVND\s?\d", re.I)
_SKIP = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")  # link targets, HTML tags, bare URLs


def hardcoded_statistics(markdown: str) -> list[tuple[int, str]]:
    """``(line, text)`` for each number that looks like a statistic typed into the page."""
    body = _strip_front_matter(markdown)
    offset = markdown.count("\n") - body.count("\n")
    cleaned = replace_tokens(replace_tokens(body, TOKEN, lambda *_: "FIG"), BLOCK, lambda *_: "BLOCK")
    found = []
    in_fence = in_sources = False
    for number, line in enumerate(cleaned.split("\n"), 1 + offset):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if line.startswith("## "):
            in_sources = bool(SOURCES_HEADING.match(line.strip()))
        if in_fence or in_sources:
            continue
        text = _SKIP.sub(" ", re.sub(r"`[^`]*`", " ", line))
        for pattern in (_NUMBER_WITH_UNIT, _SEPARATED, _DECIMAL, _VND_BEFORE):
            for match in pattern.finditer(text):
                found.append((number, match.group(0)))
    return sorted(set(found))


def _strip_front_matter(markdown: str) -> str:
    if markdown.startswith("---"):
        end = markdown.find("\n---", 3)
        if end != -1:
            return markdown[markdown.index("\n", end + 1) + 1:] if "\n" in markdown[end + 1:] else ""
    return markdown


# -- the rules the build applies to an editor's Markdown, for the build and for `make check` alike --

def image_problems(markdown: str, source: Path, shown: str, content_dir: Path, root: Path) -> list[tuple[int, str]]:
    """``(line, message)`` for each image the build refuses before opening it: an ``<img>`` tag
    typed into the page, a photo without alt text (or a decorative one with it), a missing file.
    The images that pass are then decoded by the build (a damaged or unsupported file fails there).
    """
    problems = [(line, f"<img src=\"{src}\"> is not processed for phones; write it as Markdown, "
                       f"![what it shows]({src}), so the site can make its smaller sizes")
                for line, src in find_img_tags(markdown)]
    for ref in find_images(markdown):
        issue = check_alt(ref)
        if issue:
            problems.append((ref.line, f"{issue[0]}; {issue[1]}"))
            continue
        path = resolve_source(source, ref.src, content_dir)
        if not path.is_file():
            problems.append((ref.line, f"image '{ref.src}' does not exist: there is no file "
                                       f"{display_path(path, root)}; check the name and the folder (a path is "
                                       "relative to the page's folder; one starting with / to content/, e.g. "
                                       "/anh/x.jpg)"))
    return problems


def figure_problems(markdown: str, shown: str, store: FigureStore, first_line: int = 1) -> list[SiteDataError]:
    """Each ``{{ fig.KEY }}`` outside code whose key is not a figure, at its line (as the build reports it)."""
    found: list[SiteDataError] = []

    def check(key: str, line: int) -> str:
        try:
            store.get(key, shown, line)
        except SiteDataError as e:
            found.append(e)
        return ""

    replace_figure_tokens(markdown, check, first_line)
    return found


#: A page a visitor would call "a page": its article, without the sources lists, has at least
#: this many words (about two phone screens). A shorter text belongs in a section's page.
THIN_PAGE_WORDS = 100


_SKIPPED = {"dbf-sources", "md-source-file", "headerlink"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """The text of a page's ``<article>`` that a visitor reads (see :func:`article_words`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, in key-facts box)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped, in_facts = self.stack[-1][1:] if self.stack else (False, False)
        inside = bool(self.stack) or tag == "article"
        skipped = skipped or not inside or bool(classes & _SKIPPED) or (in_facts and tag == "details")
        self.stack.append((tag, skipped, in_facts or "db-facts" in classes))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1][1]:
            self.parts.append(data)


def article_words(html: str) -> int | None:
    """Words a visitor reads in a built page's article: without the sources of figures, the
    key-facts box's folded sources and the headings' anchor marks. None for a page without an
    article (a redirect, the editor at /admin/)."""
    if "<article" not in html:
        return None
    parser = _ArticleText()
    parser.feed(html[html.find("<article"):])
    return len(" ".join(parser.parts).split())
