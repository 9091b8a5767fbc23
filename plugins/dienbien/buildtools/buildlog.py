"""Read the log another ``mkdocs build`` process printed, one message per entry.

MkDocs prints ``LEVEL    -  message`` with continuation lines indented; the final
``Aborted with …`` line restates what the messages said.
"""

from __future__ import annotations

import re

_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(.*)$")


def parse_build_log(output: str) -> list[tuple[str, str]]:
    """``(level, message)`` for each message, continuation lines joined with newlines."""
    messages: list[tuple[str, list[str]]] = []
    current = None
    for line in output.splitlines():
        match = _LOG_LINE.match(line)
        if match:
            current = (match.group(1), [match.group(2)])
            messages.append(current)
        elif line.startswith("Aborted with"):
            current = None
        elif current and line.strip():
            current[1].append(line.strip())
    return [(level, "\n".join(lines)) for level, lines in messages]
