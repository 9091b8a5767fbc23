"""Write data records one file each (``data/figures/<key>.yml``, ``data/sources/<key>.yml``), the layout
the browser editor edits, from a compact text that lists several: a key at the margin, its fields indented."""

from __future__ import annotations

import re
from pathlib import Path

_KEY = re.compile(r"^([A-Za-z0-9_-]+):\s*$")


def split_records(text: str) -> dict[str, str]:
    """``{key: file text}``: each file starts ``key: KEY`` and holds the record's fields, dedented."""
    records: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        match = _KEY.match(line)
        if match:
            current = match.group(1)
            records[current] = [f"key: {current}"]
        elif current is not None and line.strip():
            records[current].append(line[2:] if line.startswith("  ") else line)
    return {key: "\n".join(lines) + "\n" for key, lines in records.items()}


def write_records(folder: Path, text: str) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for key, body in split_records(text).items():
        written[key] = folder / f"{key}.yml"
        written[key].write_text(body, encoding="utf-8")
    return written
