"""Three changes to Material's script that save a reader's bandwidth and phone on every page view.

1. Stop it from fetching ``sitemap.xml`` for every language link on every page.

Material's bundle looks at each ``<link rel="alternate">`` of a page and downloads the
``sitemap.xml`` next to its address, to redirect clicks between languages to the same
page. Our pages carry per-page ``hreflang`` links (``/lich-su/``, ``/en/lich-su/``…), so
that means two or three requests per page view, mostly for sitemaps that do not exist,
over the slow connections our readers have; and our language switcher already links
each page to its counterpart. Narrowing Material's selector to alternates without
``hreflang`` turns the feature off and leaves everything else untouched.

2. Load the search index when the reader starts a search, not with every page. The index
is the largest file a page loads (hundreds of KB before compression); most readers never
search. The index now loads on the first focus, tap or keystroke in the search box, or
at once on a page opened from a search result (``?h=`` highlights the words).

3. Let the script start on a page that has finished loading. Our pages load it at the
reader's first touch, key, scroll or pointer move (``site_src/partials/scripts.html``):
starting it costs a cheap phone about half a second of main thread that reading a page
does not need. Material waits for ``DOMContentLoaded``, which by then has long fired; the
patch starts it at once when the document is already parsed.
"""

from __future__ import annotations

SELECTOR = 'M("link[rel=alternate]")'
NARROWED = 'M("link[rel=alternate]:not([hreflang])")'


INDEX_REQUEST = 'ze(new URL("search/search_index.json",Or.base))'
#: ``U`` (RxJS ``from``) and ``b`` (``switchMap``) as this bundle names them; ``ze`` fetches JSON.
INDEX_ON_DEMAND = (
    "U(new Promise(r=>{let q=document.querySelector(\"[data-md-component=search-query]\");"
    "if(!q||document.activeElement===q||q.value||new URL(location.href).searchParams.has(\"h\"))return r();"
    "[\"focus\",\"pointerdown\",\"input\"].forEach(v=>q.addEventListener(v,()=>r(),{once:!0}))}))"
    f".pipe(b(()=>{INDEX_REQUEST}))"
)


class BundleChanged(Exception):
    """Material's bundle no longer has the code this patch expects (after an upgrade)."""


def without_sitemap_language_mapping(bundle: str) -> str:
    if bundle.count(SELECTOR) != 1:
        raise BundleChanged(f"expected {SELECTOR} once in Material's bundle, found it {bundle.count(SELECTOR)} times")
    return bundle.replace(SELECTOR, NARROWED)


def with_search_index_on_demand(bundle: str) -> str:
    if bundle.count(INDEX_REQUEST) != 1 or "function ze(e,t){return to(e,t).pipe(b(" not in bundle:
        raise BundleChanged(f"expected {INDEX_REQUEST} once in Material's bundle, found it "
                            f"{bundle.count(INDEX_REQUEST)} times")
    return bundle.replace(INDEX_REQUEST, INDEX_ON_DEMAND)


#: ``an`` is Material's ``watchDocument``; ``h`` is this bundle's ``fromEvent``, ``It`` its ``ReplaySubject``.
ON_PARSED = 'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))'
DOCUMENT_READY = f"function an(){{let e=new It(1);return {ON_PARSED},e}}"
DOCUMENT_READY_LATE = ("function an(){let e=new It(1);return "
                       f'document.readyState==="loading"?{ON_PARSED}:e.next(document),e}}')


def with_late_start(bundle: str) -> str:
    if bundle.count(DOCUMENT_READY) != 1:
        raise BundleChanged("expected Material's document watcher (DOMContentLoaded) once in its bundle, found it "
                            f"{bundle.count(DOCUMENT_READY)} times")
    return bundle.replace(DOCUMENT_READY, DOCUMENT_READY_LATE)
