"""Where a page's Markdown comes from (for messages that point an editor at a line) and where
MkDocs puts the page.

Shared by the plugins (it knows MkDocs' ``Page`` and ``File``; the core does not)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from .core.errors import display_path


def shown_path(page: Page, config: MkDocsConfig, root: Path) -> str:
    """``content/vi/lich-su/index.md``: the editor's file, or where a generated page would be."""
    if page.file.abs_src_path:
        return display_path(page.file.abs_src_path, root)
    return f"{display_path(config.docs_dir, root)}/{page.file.src_uri}"


def first_body_line(page: Page, markdown: str) -> int:
    """The source line where the Markdown body starts (after the front matter)."""
    source = page.file.content_string
    index = source.find(markdown) if markdown else -1
    return source[:index].count("\n") + 1 if index >= 0 else 1


def site_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site path MkDocs gives the page of a source file: ``lich-su/index.md`` → ``lich-su/``,
    ``index.md`` → ``""`` (what :func:`dienbien.core.site.languages.relative_url` takes)."""
    url = File(src_uri, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url
    return "" if url == "./" else url
