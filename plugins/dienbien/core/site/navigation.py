"""Pages that ``mkdocs.yml``'s ``nav:`` does not list join the menu on their own.

The tourism office adds pages in the browser editor, which cannot edit ``mkdocs.yml``. A page that
the menu does not list is appended to the section that holds its folder (``lich-su/con-duong.md``
or ``lich-su/con-duong/index.md`` to "Lịch sử"), or to the end of the menu when no section does;
its title is the page's own. Pages kept out of the menu on purpose (a place's page, the list of
signs) are never passed here. ``nav:`` still sets the order of the pages it lists.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterable
from typing import Any


def listed_pages(nav: list[Any]) -> set[str]:
    """Every page path in a ``nav:`` structure (strings, ``{title: path}`` and ``{title: [...]}``)."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, list):
                    found |= listed_pages(value)
    return found


def _folder(path: str) -> str:
    folder = posixpath.dirname(path)
    return posixpath.dirname(folder) if posixpath.basename(path) == "index.md" else folder


def _sections(nav: list[Any]) -> Iterable[tuple[list[Any], set[str]]]:
    """Each section's list of items with the folders of the pages directly in it."""
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    folders = {posixpath.dirname(v) for v in value if isinstance(v, str)}
                    folders |= {posixpath.dirname(x) for d in value if isinstance(d, dict)
                                for x in d.values() if isinstance(x, str)}
                    yield value, folders
                    yield from _sections(value)


def with_unlisted(nav: list[Any], pages: Iterable[str]) -> list[Any]:
    """A copy of ``nav`` with each of ``pages`` it does not list added to the section holding its
    folder: the section whose pages' folder is the longest start of the page's folder."""
    nav = copy.deepcopy(nav)
    listed = listed_pages(nav)
    for page in sorted(set(pages) - listed):
        folder = _folder(page)
        best: list[Any] | None = None
        best_depth = -1
        for items, folders in _sections(nav):
            for f in folders:
                if f and (folder == f or folder.startswith(f + "/")) and f.count("/") > best_depth:
                    best, best_depth = items, f.count("/")
        (best if best is not None else nav).append(page)
    return nav
