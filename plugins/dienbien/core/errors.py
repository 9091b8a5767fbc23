"""Errors an editor can act on: every message names a file and a line."""

from __future__ import annotations

import os
from pathlib import Path


class SiteDataError(Exception):
    """A mistake in an editor's file (data YAML, Markdown, front matter).

    ``str(error)`` reads ``data/figures/x.yml:12: figures.voters.value: expected a
    number, got 'hơn 310.000'; write 310000 and set approx: over``.
    """

    def __init__(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


def display_path(path: Path | str, root: Path | str | None = None) -> str:
    """The path as an editor knows it: relative to the project root when possible."""
    if root is not None:
        relative = os.path.relpath(path, root)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return Path(path).as_posix()
