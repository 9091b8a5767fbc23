"""The front matter a page may have, checked so that a misspelt key is an error, not a
silently ignored line."""

from __future__ import annotations

import re

from ..data.schema import check_keys, choice, text
from ..data.yamlfile import parse_yaml
from ..errors import SiteDataError

_BLOCK = re.compile(r"\A-{3}\s*\n(.*?\n)(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(source: str) -> tuple[str | None, str]:
    """``(front matter YAML or None, body)``; the one place that knows the ``---`` markers."""
    match = _BLOCK.match(source)
    return (match.group(1), source[match.end():]) if match else (None, source)

HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
#: key → what it holds; every other key is an error.
KEYS = {
    "title": "text: the page's title in menus and the browser tab (default: its # heading)",
    "description": "text: one sentence for search engines and link previews",
    "template": "text: a template of site_src/, e.g. home.html",
    "hide": f"a list of: {', '.join(HIDE)}",
    "translation": "pending: show this page to readers of the other language until it is translated",
    "slug": "text: the page's word in its English address, e.g. hill-a1 (English pages; a folder's from its index.md)",
    "kicker": "text: the small line above the front page's title",
    "slogan_heading": "text: the front page's heading above the slogan",
    "figures_heading": "text: the front page's heading above the figures",
}


def check_front_matter(source: str, path: str) -> None:
    """Raise :class:`SiteDataError` at the line of the first unknown key or wrong value."""
    block, _ = split_front_matter(source)
    if block is None:
        return
    doc = parse_yaml("\n" + block, path)  # the leading newline keeps line numbers true
    if doc.data is None:
        return
    if not isinstance(doc.data, dict):
        raise SiteDataError(path, 2, "front matter must be 'key: value' lines")
    check_keys(doc, (), doc.data, set(), set(KEYS))
    for key in ("title", "description", "template", "kicker", "slogan_heading", "figures_heading"):
        if key in doc.data:
            text(doc, (key,), doc.data[key])
    if "translation" in doc.data:
        choice(doc, ("translation",), doc.data["translation"], ("pending",))
    if "hide" in doc.data:
        hide = doc.data["hide"]
        if not isinstance(hide, list):
            raise doc.error(("hide",), "expected a list, e.g. [navigation, toc]")
        for i, item in enumerate(hide):
            choice(doc, ("hide", i), item, HIDE)
