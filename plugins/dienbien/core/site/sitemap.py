"""One ``sitemap.xml`` for all languages, with ``xhtml:link`` alternates (Google's format)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .languages import Version, hreflang_links


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


def write_sitemap(site_dir: Path, pages: dict[str, list[dict[str, Any]]], languages: Iterable[str], default: str,
                  root_url: str) -> None:
    """Write ``sitemap.xml`` and ``sitemap.xml.gz`` for every real page of every language.

    ``pages[lang]`` lists that language's pages as ``{"src_uri", "path", "real"}``; pages
    shown in another language while their translation is pending are left out.
    """
    by_page: dict[str, dict[str, Version]] = {}
    for lang, records in pages.items():
        for record in records:
            by_page.setdefault(record["src_uri"], {})[lang] = Version(lang, record["path"], record["real"])
    entries = [(root_url + versions[lang].path, hreflang_links(versions, default, root_url))
               for lang in languages for src, versions in sorted(by_page.items())
               if lang in versions and versions[lang].real]
    xml = sitemap_xml(entries)
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    with open(site_dir / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(filename="sitemap.xml", fileobj=raw, mode="wb", mtime=0) as gz:  # mtime 0: reproducible
            gz.write(xml.encode("utf-8"))
