"""Internal links in editors' Markdown, checked with the line they are on.

MkDocs reports a broken link without its line and an anchor only as a warning about the
whole page; an editor needs ``content/vi/lich-su/index.md:78: …``.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from ..data.mdlines import lines_outside_fences

_LINK = re.compile(r"\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_ID = re.compile(r'\bid="([^"]+)"')
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def find_links(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, target)`` of every relative Markdown link outside code."""
    found = []
    lines = markdown.split("\n")
    for i in lines_outside_fences(lines):
        number, line = first_line + i, re.sub(r"`[^`]*`", "", lines[i])
        for link in _LINK.finditer(line):
            target = link.group(1)
            if not _EXTERNAL.match(target) and not target.startswith("/"):
                found.append((number, target))
    return found


def resolve(src_uri: str, target: str) -> tuple[str, str]:
    """``(source path of the target page, anchor)``; an anchor-only link stays on ``src_uri``."""
    path, _, anchor = target.partition("#")
    if not path:
        return src_uri, unquote(anchor)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))
    return joined, unquote(anchor)


def anchors(html: str) -> set[str]:
    return set(_ID.findall(html))
