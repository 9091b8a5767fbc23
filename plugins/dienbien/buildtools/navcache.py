"""Material's navigation, each branch rendered once per folder instead of once per page.

Material renders the whole menu for every page (``partials/nav-item.html``, a recursive Jinja
macro): with ``navigation.prune`` that is the top-level sections, the open section's folders and
the open folder's pages, about seventy macro calls for a page among fifty in a folder. That was
the largest single cost of building a page, about a third of it.

Most of that menu is the same from one page to the next. A branch that does not hold the page
being built (its ``active`` flag is off: MkDocs sets it on the page and its sections) renders the
same HTML on every page, except for its links, which MkDocs writes relative to the page
(``../trang-0252/``). Two pages whose addresses sit in the same folder get the same relative
link to any address outside their own: relative links depend on the page's address only as far
as the shared part, and both are one step below the same folder. So :class:`NavCache` keeps each
inactive branch's HTML per folder of the page's address, and hands it back for the other pages
of that folder. When the branch links to an address at or under the page's own (a folder's index
page, whose folder's pages sit below it), the page's own address goes into the key and nothing is
shared.

``site_src/partials/nav.html`` and ``nav-item.html`` (Material's, with a lookup before each call
of the ``render`` macro and around its body) call it; ``tests/site/test_navigation_cache.py``
checks, page by page, that the site's menus are those Material's own templates render. One
cache lives for one build (``on_env``): the nav items are new objects in each build, and their
titles are final by the time pages render.
"""

from __future__ import annotations

import posixpath
from typing import Any

Key = tuple[Any, ...]


class NavCache:
    """The rendered HTML of inactive menu branches, by branch, place in the menu and page folder."""

    def __init__(self) -> None:
        self.html: dict[Key, str] = {}
        self._under: dict[int, frozenset[str]] = {}  # a branch's folders that hold its addresses
        self._page: Any = None
        self._folder = "/"

    def key(self, item: Any, path: str, level: int, parent: Any, page: Any) -> Key | None:
        """Where ``item``'s HTML for ``page`` is kept, or None when it cannot be shared: the item
        holds the page (it is marked open), or it is one of the views Material lists pages in."""
        if page is None or getattr(item, "active", True) or getattr(item, "pages", None):
            return None
        if page is not self._page:  # some seventy branches a page: its folder worked out once
            self._page, self._folder = page, _folder(page.url)
        folder = self._folder
        # the site's root holds every address; elsewhere, does the branch link at or below the page?
        own = folder if folder == "/" or folder in self._folders(item) else None
        return (id(item), path, level, bool(getattr(parent, "active", False)), posixpath.dirname(folder), own)

    def get(self, key: Key | None) -> str | None:
        return self.html.get(key) if key is not None else None

    def lookup(self, item: Any, path: str, level: int, parent: Any, page: Any) -> str | None:
        """The kept HTML of ``item`` for ``page``, if any (saves calling the macro for it)."""
        return self.get(self.key(item, path, level, parent, page))

    def keep(self, key: Key | None, html: str) -> str:
        if key is not None:
            self.html[key] = html
        return html

    def _folders(self, item: Any) -> frozenset[str]:
        """Every folder at or above the addresses the branch links to (``/a/b`` for ``a/b/c/``)."""
        found = self._under.get(id(item))
        if found is None:
            folders: set[str] = set()
            for url in _urls(item):
                if url is None or "://" in url:
                    continue
                folder = _folder(url)
                while folder not in folders and folder != "/":
                    folders.add(folder)
                    folder = posixpath.dirname(folder)
            found = self._under[id(item)] = frozenset(folders)
        return found


def _folder(url: str) -> str:
    """The folder MkDocs counts a page's relative links from (``/a/b`` for ``a/b/`` and ``a/b.html``)."""
    head, tail = posixpath.split(url)
    return posixpath.normpath("/" + (head if "." in tail else url))


def _urls(item: Any):
    url = getattr(item, "url", None)
    if url is not None:
        yield url
    for child in getattr(item, "children", None) or ():
        yield from _urls(child)
