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

Every change is guarded by the exact code it replaces, and every name of the minified
bundle that the new code calls is checked against the code that defines it
(:data:`IDENTIFIERS`): after an upgrade of Material the names may stand for other
functions, and the patched bundle would then break in the reader's browser instead of in
the build. :func:`patch_bundle` applies all three and raises :class:`BundleChanged`
naming everything that no longer matches; the build stops on it, in ``mkdocs serve`` too.
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

#: The bundle's minified names that the patches call or keep calling, each with the start of the
#: code that defines it in the bundle of the pinned Material (``requirements.lock``).
IDENTIFIERS: dict[str, tuple[str, str]] = {
    "M": ("querySelectorAll as an array", "function M(e,t=document){return Array.from(t.querySelectorAll(e))}"),
    "U": ("RxJS from", "function U(e){if(e instanceof F)return e;"),
    "b": ("RxJS switchMap", "function b(e,t){return E(function(r,o){var n=null,i=0,s=!1,"),
    "h": ("RxJS fromEvent", 'function h(e,t,r,o){if(I(r)&&(o=r,r=void 0),o)return h(e,t,r).pipe(lt(o));'),
    "It": ("RxJS ReplaySubject", "var It=(function(e){ie(t,e);function t(r,o,n){r===void 0&&(r=1/0),"),
    "ze": ("fetch JSON", "function ze(e,t){return to(e,t).pipe(b(r=>r.text()),m(r=>JSON.parse(r)),Z(1))}"),
    "to": ("fetch over XMLHttpRequest", 'function to(e,t){return new F(r=>{let o=new XMLHttpRequest;'),
    "Or": ("Material's configuration", ",Or=Te()"),
    "Te": ("Material's configuration", "function Te(){return Ct}"),
}


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


def unknown_identifiers(bundle: str) -> list[str]:
    """The names of :data:`IDENTIFIERS` whose defining code is not (exactly once) in ``bundle``."""
    return [f"{name} ({role})" for name, (role, code) in IDENTIFIERS.items() if bundle.count(code) != 1]


def patch_bundle(bundle: str) -> str:
    """All three patches, or :class:`BundleChanged` naming every guard and name that no longer matches."""
    problems = []
    unknown = unknown_identifiers(bundle)
    if unknown:
        problems.append("the names the patch calls no longer stand for the same code: " + ", ".join(unknown))
    for patch in (without_sitemap_language_mapping, with_search_index_on_demand, with_late_start):
        try:
            bundle = patch(bundle)
        except BundleChanged as e:
            problems.append(str(e))
    if problems:
        raise BundleChanged("; ".join(problems))
    return bundle
