"""One ``sitemap.xml`` for all languages, with ``xhtml:link`` alternates (Google's format)."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr


def sitemap_xml(entries: Iterable[tuple[str, tuple[tuple[str, str], ...]]]) -> str:
    """``entries`` are ``(absolute URL, ((hreflang, absolute URL), …))``, in a stable order."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url, alternates in entries:
        out.append(f"  <url>\n    <loc>{escape(url)}</loc>")
        for hreflang, href in alternates:
            out.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>')
        out.append("  </url>")
    out.append("</urlset>\n")
    return "\n".join(out)
