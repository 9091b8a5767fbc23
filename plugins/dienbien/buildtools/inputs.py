"""What a rebuild of the preview (``mkdocs serve``) must redo, from what changed since the last one.

``mkdocs serve`` rebuilds whenever a watched file changes, without saying which. The i18n plugin
keeps a :class:`Snapshot` of the site's inputs (every file's size and time of change, and for each
Markdown page the digest of what *other* pages show of it) and compares it with the next one:

- a page whose text alone changed is rendered again in its own language, and in each language
  that has no page of its own at that path (where it shows while its translation is pending);
  every other page of every language keeps its output;
- anything else (data, templates, ``mkdocs.yml``, a photo, a page added or removed, a page's front
  matter or title, which the menus and the language links of other pages show) rebuilds every
  language in full.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: Rebuild every page of the language.
ALL = "all"
#: Render again only the pages whose source changed; keep the output of the others.
PAGES = "pages"
#: Nothing the language's build reads changed: keep its whole output.
NONE = "none"

_FRONT_MATTER = re.compile(r"\A\ufeff?-{3}[ \t]*\r?\n.*?^(?:-{3}|\.{3})[ \t]*$", re.S | re.M)
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


def outline(text: str) -> str:
    """A digest of what other pages show of a Markdown page: its front matter (title, address,
    translation status, menu settings) and every line that may make its title (a level-1
    heading). A page without YAML front matter counts its first paragraph, where MkDocs also
    reads ``key: value`` metadata."""
    match = _FRONT_MATTER.match(text)
    head = match.group(0) if match else text.lstrip("\ufeff").split("\n\n", 1)[0]
    lines = text[match.end():].splitlines() if match else text.splitlines()
    titles = []
    for i, line in enumerate(lines):
        if _ATX_H1.match(line) or "<h1" in line.lower():
            titles.append(line)
        elif i and _SETEXT_H1.match(line) and lines[i - 1].strip():
            titles += [lines[i - 1], line]
    return hashlib.sha1("\0".join([head, *titles]).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    files: Mapping[str, tuple[int, int]]
    """Every input file (absolute POSIX path) → its time of change (ns) and size."""
    outlines: Mapping[str, str] = field(default_factory=dict)
    """Every Markdown file → :func:`outline` of its text."""


def take(paths: Iterable[Path], previous: Snapshot | None = None) -> Snapshot:
    """The files under ``paths`` (folders, or single files) as they are now. Hidden files and
    folders (an editor's swap files, ``.cache``) are left out; the outline of a Markdown file that
    has not changed since ``previous`` is not read again."""
    files: dict[str, tuple[int, int]] = {}
    for path in paths:
        _walk(os.path.abspath(path), files)
    outlines: dict[str, str] = {}
    for name, stamp in files.items():
        if not name.endswith(".md"):
            continue
        if previous is not None and previous.files.get(name) == stamp and name in previous.outlines:
            outlines[name] = previous.outlines[name]
            continue
        try:
            with open(name, encoding="utf-8-sig", errors="replace") as f:
                outlines[name] = outline(f.read())
        except OSError:
            outlines[name] = ""  # gone meanwhile: the next snapshot sees it removed
    return Snapshot(files, outlines)


def _walk(path: str, files: dict[str, tuple[int, int]]) -> None:
    try:
        if not os.path.isdir(path):
            stat = os.stat(path)
            files[Path(path).as_posix()] = (stat.st_mtime_ns, stat.st_size)
            return
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith("~"):
            continue
        if entry.is_dir(follow_symlinks=True):
            _walk(entry.path, files)
        elif entry.is_file(follow_symlinks=True):
            stat = entry.stat()
            files[Path(entry.path).as_posix()] = (stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True)
class Changes:
    everywhere: tuple[str, ...]
    """Changed files that any page of any language may show: every language rebuilds in full."""
    pages: Mapping[str, tuple[str, ...]]
    """Language → its Markdown pages (paths under ``content/<language>/``) whose text alone changed."""


def compare(before: Snapshot, after: Snapshot, content_dir: Path, languages: Iterable[str]) -> Changes:
    """What changed from ``before`` to ``after``, sorted out as :class:`Changes`."""
    content = Path(os.path.abspath(content_dir)).as_posix() + "/"
    languages = tuple(languages)
    everywhere: list[str] = []
    pages: dict[str, list[str]] = {lang: [] for lang in languages}
    for name in sorted(before.files.keys() | after.files.keys()):
        if before.files.get(name) == after.files.get(name):
            continue
        lang, _, rel = name.removeprefix(content).partition("/") if name.startswith(content) else ("", "", "")
        if (lang in pages and rel.endswith(".md") and name in before.files and name in after.files
                and before.outlines.get(name) == after.outlines.get(name)):
            pages[lang].append(rel)
        else:
            everywhere.append(name)
    return Changes(tuple(everywhere), {lang: tuple(found) for lang, found in pages.items()})


def plan(changes: Changes, after: Snapshot, content_dir: Path, languages: Iterable[str]) -> dict[str, str]:
    """For each language, what its build must redo: :data:`ALL`, :data:`PAGES` or :data:`NONE`."""
    content = Path(os.path.abspath(content_dir)).as_posix()
    languages = tuple(languages)
    if changes.everywhere:
        return dict.fromkeys(languages, ALL)
    plans = {}
    for lang in languages:
        shown_here = any(rel for other, rels in changes.pages.items() if other != lang for rel in rels
                         if f"{content}/{lang}/{rel}" not in after.files)
        plans[lang] = PAGES if changes.pages.get(lang) or shown_here else NONE
    return plans
