"""When two pages may share a closed branch of the menu: every link in it reads the same from both."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest
from mkdocs.utils import get_relative_url

from dienbien.buildtools.navcache import NavCache

DIRECTORY_URLS = ["", "a/", "a/x/", "a/y/", "a/b/", "a/b/x/", "a/b/y/", "a/b/c/", "a/b/c/z/", "ab/", "ab/x/",
                  "d/", "d/x/", "e/f/g/", "https://example.org/other/"]
FILE_URLS = ["index.html", "a/index.html", "a/x.html", "a/y.html", "a/b/index.html", "a/b/x.html", "ab/x.html",
             "d/x.html", "e/f/g.html"]


def _branches(urls: list[str]) -> list[SimpleNamespace]:
    """Leaves for every address, and a branch of every pair and every run of three."""
    leaves = [SimpleNamespace(url=u, children=None, active=False, title=u) for u in urls]
    pairs = [SimpleNamespace(url=None, children=list(p), active=False) for p in itertools.combinations(leaves, 2)]
    runs = [SimpleNamespace(url=None, children=leaves[i:i + 3], active=False) for i in range(len(leaves) - 2)]
    return leaves + pairs + runs


def _links(item) -> list[str]:
    found = [item.url] if item.url and "://" not in item.url else []
    for child in item.children or ():
        found += _links(child)
    return found


@pytest.mark.parametrize("urls", [DIRECTORY_URLS, FILE_URLS], ids=["directory", "file"])
def test_pages_that_share_a_key_read_every_link_of_the_branch_alike(urls):
    cache = NavCache()
    pages = [SimpleNamespace(url=u) for u in urls if "://" not in u]
    shared = 0
    for branch in _branches(urls):
        by_key: dict = {}
        for page in pages:
            if page.url in _links(branch):
                continue  # the page itself is in the branch: the branch is open, not cached
            key = cache.key(branch, "__nav_1", 1, None, page)
            links = [get_relative_url(u, page.url) for u in _links(branch)]
            if key in by_key:
                shared += 1
                assert by_key[key] == links, (page.url, _links(branch))
            else:
                by_key[key] = links
    assert shared > 100  # the check compared pages that do share


def test_an_open_branch_or_a_missing_page_is_never_kept():
    cache = NavCache()
    page = SimpleNamespace(url="a/")
    assert cache.key(SimpleNamespace(url="a/", children=None, active=True), "p", 1, None, page) is None
    assert cache.key(SimpleNamespace(url="b/", children=None, active=False), "p", 1, None, None) is None
    assert cache.lookup(SimpleNamespace(url="b/", children=None, active=False), "p", 1, None, page) is None


def test_what_is_kept_comes_back_for_the_next_page_of_the_folder_only():
    cache = NavCache()
    branch = SimpleNamespace(url="d/x/", children=None, active=False)
    first, sibling, elsewhere = (SimpleNamespace(url=u) for u in ("a/x/", "a/y/", "a/b/x/"))
    cache.keep(cache.key(branch, "p", 2, None, first), "<li>…</li>")
    assert cache.lookup(branch, "p", 2, None, sibling) == "<li>…</li>"
    assert cache.lookup(branch, "p", 2, None, elsewhere) is None
    assert cache.lookup(branch, "q", 2, None, sibling) is None  # another place in the menu
