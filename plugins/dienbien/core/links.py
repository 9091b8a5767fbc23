"""Internal links in editors' Markdown, checked with the line they are on.

MkDocs reports a broken link without its line and an anchor only as a warning about the
whole page; an editor needs ``content/vi/lich-su/index.md:78: …``.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

_LINK = re.compile(r"\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_ID = re.compile(r'\bid="([^"]+)"')
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def find_links(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, target)`` of every relative Markdown link outside code."""
    found, fence = [], None
    for number, line in enumerate(markdown.split("\n"), first_line):
        match = _FENCE.match(line)
        if fence or match:
            if match and (fence is None or match.group(1)[0] == fence[0]):
                fence = None if fence else match.group(1)
            continue
        line = re.sub(r"`[^`]*`", "", line)
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
