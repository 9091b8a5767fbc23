"""Editorial checks over the Markdown in ``content/``.

``hardcoded_statistics`` finds numbers typed into a page that belong in ``data/`` as
figures: numbers written with thousands separators or decimals, and numbers followed by a
unit (%, ha, km, MW, tỷ đồng, người…). Years, dates, times, hill and road names (A1, QL6)
and decision numbers pass, since they are not statistics; so does a page's "## Nguồn" /
"## Sources" section, whose lines quote the titles of articles.
"""

from __future__ import annotations

import re

from .markup import BLOCK, TOKEN, replace_tokens
from .mdlines import SOURCES_HEADING

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
