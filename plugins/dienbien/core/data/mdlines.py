"""The lines of an editor's Markdown that are text, not code: what tokens, links and images
are looked for in. Fenced blocks (``` or ~~~, closed by a fence of the same kind and at
least the same length) are skipped, so a guide can show the syntax without it acting."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def lines_outside_fences(lines: list[str]) -> Iterator[int]:
    """Indexes of ``lines`` outside fenced code blocks."""
    fence: str | None = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield i


#: The heading of a page's own sources section ("## Nguồn" / "## Sources"), whose lines quote
#: titles as their publishers wrote them.
SOURCES_HEADING = re.compile(r"^##\s+(Nguồn|Sources)\s*$", re.I | re.M)


def before_sources(markdown: str, block: str) -> str:
    """``block`` just before the page's own sources section, or at the end of the page."""
    headings = list(SOURCES_HEADING.finditer(markdown))
    if not headings:
        return markdown.rstrip("\n") + "\n\n" + block
    start = headings[-1].start()
    return markdown[:start] + block + markdown[start:]
