"""Stop Material's script from fetching ``sitemap.xml`` for every language link on every page.

Material's bundle looks at each ``<link rel="alternate">`` of a page and downloads the
``sitemap.xml`` next to its address, to redirect clicks between languages to the same
page. Our pages carry per-page ``hreflang`` links (``/lich-su/``, ``/en/lich-su/``…), so
that means two or three requests per page view, mostly for sitemaps that do not exist,
over the slow connections our readers have; and our language switcher already links
each page to its counterpart. Narrowing Material's selector to alternates without
``hreflang`` turns the feature off and leaves everything else untouched.
"""

from __future__ import annotations

SELECTOR = 'M("link[rel=alternate]")'
NARROWED = 'M("link[rel=alternate]:not([hreflang])")'


class BundleChanged(Exception):
    """Material's bundle no longer has the code this patch expects (after an upgrade)."""


def without_sitemap_language_mapping(bundle: str) -> str:
    if bundle.count(SELECTOR) != 1:
        raise BundleChanged(f"expected {SELECTOR} once in Material's bundle, found it {bundle.count(SELECTOR)} times")
    return bundle.replace(SELECTOR, NARROWED)
