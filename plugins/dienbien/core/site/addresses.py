"""Where every page lives in every language, and the addresses the site published before.

A page is one page in every language by its key, its path under ``content/<lang>/``
(``lich-su/di-tich/doi-a1.md``), never by its address. The default language's address is
that path in its own words (``lich-su/di-tich/doi-a1/``); every other language's address is
made of the ``slug:`` each page gives in its front matter, a folder's word coming from its
``index.md`` (``en/history/sites/hill-a1/``). Folder pages the site makes from data, with
no Markdown file, take their words from ``data/slugs.yml``.

Both language builds compute the same table with :func:`page_addresses`, so each knows
the other's addresses. Old addresses (``data/redirects.yml``) keep answering with a short
page that leads to the new one.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..data.uistrings import strings
from ..data.yamlfile import load_yaml, parse_yaml
from ..errors import SiteDataError, display_path
from ..markdown.frontmatter import split_front_matter
from ..markdown.slugs import slugify
from .languages import language_root, relative_url

SLUGS_FILE = "slugs.yml"
REDIRECTS_FILE = "redirects.yml"

#: A segment of an address: lower-case ASCII words joined by single hyphens.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: First segments a language's pages may not take: the site's own folders.
RESERVED = frozenset({"assets", "search", "q"})
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class _Source:
    """What one Markdown file says about its own address."""

    path: Path
    shown: str
    slug: str | None
    line: int  # of ``slug:``, or 1
    pending: bool
    title: str | None


@dataclass(frozen=True)
class Redirect:
    """An address the site published before, and the page it now leads to."""

    old: str  # from the site root: "en/lich-su/di-tich/doi-a1/"
    key: str  # the page: "lich-su/di-tich/doi-a1.md"
    lang: str
    line: int  # in the redirects file


def default_path(key: str, directory_urls: bool = True) -> str:
    """The address words of a page key, as MkDocs would place it: ``lich-su/index.md`` →
    ``lich-su/``, ``lich-su/chien-dich.md`` → ``lich-su/chien-dich/``, ``index.md`` → ``""``."""
    folder, name = posixpath.split(key)
    stem = name[:-3] if name.endswith(".md") else name
    parts = [p for p in folder.split("/") if p]
    return _join(parts, stem, name == "index.md", directory_urls)


def _join(folders: list[str], stem: str, is_index: bool, directory_urls: bool) -> str:
    base = "".join(f"{p}/" for p in folders)
    if is_index:
        return base if directory_urls else base + "index.html"
    return f"{base}{stem}/" if directory_urls else f"{base}{stem}.html"


def _read(path: Path, root: Path | None) -> _Source:
    shown = display_path(path, root)
    text = path.read_text(encoding="utf-8-sig")
    block, body = split_front_matter(text)
    meta: Any = {}
    line = 1
    if block is not None:
        doc = parse_yaml("\n" + block, shown)  # the leading newline keeps line numbers true
        meta = doc.data or {}
        if not isinstance(meta, dict):
            raise SiteDataError(shown, 2, "front matter must be 'key: value' lines")
        line = doc.lines.get(("slug",), 1)
    slug = meta.get("slug")
    if slug is not None and not isinstance(slug, str):
        raise SiteDataError(shown, line, f"slug: expected one word of the address, got {slug!r}",
                            "write it as lower-case words joined by hyphens, e.g. slug: hill-a1")
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if title is None:
        match = _H1.search(body)
        title = match.group(1) if match else None
    pending = str(meta.get("translation", "")).strip().lower() == "pending"
    return _Source(path, shown, slug.strip() if slug else None, line, pending, title)


def _scan(content_dir: Path, languages: Sequence[str], root: Path | None) -> dict[str, dict[str, _Source]]:
    sources: dict[str, dict[str, _Source]] = {}
    for lang in languages:
        base = content_dir / lang
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.md")):
            key = path.relative_to(base).as_posix()
            if any(part.startswith(".") for part in key.split("/")):
                continue
            sources.setdefault(key, {})[lang] = _read(path, root)
    return sources


def _data_slugs(path: Path | None, languages: Sequence[str], default: str,
                root: Path | None) -> dict[str, dict[str, tuple[str, str, int]]]:
    """``{key: {lang: (slug, file shown, line)}}`` from the slugs file."""
    if path is None or not path.is_file():
        return {}
    doc = load_yaml(path, display_path(path, root))
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected one line per page: 'path/index.md: {en: word}'")
    found: dict[str, dict[str, tuple[str, str, int]]] = {}
    for key, value in doc.data.items():
        if not isinstance(key, str) or not key.endswith(".md"):
            raise doc.error((key,), f"expected a page's path under content/<language>/, got {key!r}",
                            "e.g. lich-su/di-tich/index.md")
        if not isinstance(value, dict) or not value:
            raise doc.error((key,), "expected the page's word in each language but the default, e.g. {en: sites}")
        for lang, word in value.items():
            if lang not in languages or lang == default:
                others = ", ".join(x for x in languages if x != default)
                raise doc.error((key, lang), f"'{lang}' is not a language that needs a slug",
                                f"languages: {others} (the {default} address is the page's path)")
            found.setdefault(key, {})[lang] = (word, doc.path, doc.line(key, lang))
    return found


def _check_slug(word: Any, shown: str, line: int, hint_title: str | None) -> str:
    if not isinstance(word, str) or not SLUG.fullmatch(word):
        example = slugify(hint_title) if hint_title else "hill-a1"
        raise SiteDataError(shown, line, f"slug: {word!r} cannot be part of an address",
                            f"use lower-case letters a-z, digits and single hyphens, e.g. slug: {example}")
    return word


def page_addresses(content_dir: Path, languages: Sequence[str], default: str, slugs_file: Path | None = None,
                   root: Path | None = None, directory_urls: bool = True) -> dict[str, dict[str, str]]:
    """``{page key: {lang: address from the site root}}`` for every page in every language it has.

    ``{"lich-su/di-tich/doi-a1.md": {"vi": "lich-su/di-tich/doi-a1/", "en": "en/history/sites/hill-a1/"}}``.
    A page has a version in a language when it has a Markdown file there, when its file in
    another language says ``translation: pending`` or the language's translation is pending (a
    :class:`~dienbien.core.data.languages.Languages` says which), or when ``slugs_file`` names it
    (folder pages made from data); a version shown from another language takes the default
    language's words. Raises :class:`SiteDataError` at the file and line of a missing or
    malformed slug, and when two pages of a language would share an address.
    """
    sources = _scan(content_dir, languages, root)
    data = _data_slugs(slugs_file, languages, default, root)
    pending = set(languages) - set(languages.complete)
    for key, langs in data.items():
        for lang, (_, shown, line) in langs.items():
            if lang in sources.get(key, {}):
                raise SiteDataError(shown, line, f"{key} has its own Markdown file in {lang} "
                                    f"({sources[key][lang].shown}), which gives its slug",
                                    "remove this line and keep the slug in the page's front matter")

    def segment(key: str, lang: str) -> tuple[str, str, int] | None:
        """``(word, where it is written, line)`` of a page in a language, None if it has no version there."""
        own = sources.get(key, {})
        if lang in own:
            src = own[lang]
            if lang == default:
                return (_stem(key), src.shown, src.line)
            if key == "index.md":
                if src.slug:
                    raise SiteDataError(src.shown, src.line, f"the home page is the language's root, /{lang}/, "
                                        "and takes no slug", "remove the 'slug:' line")
                return ("", src.shown, 1)
            if not src.slug:
                example = slugify(src.title) if src.title else "hill-a1"
                raise SiteDataError(src.shown, src.line, "no 'slug:' in the front matter: the page's word in "
                                    f"its {lang} address", f"add a line 'slug: {example}' between the two '---'")
            return (_check_slug(src.slug, src.shown, src.line, src.title), src.shown, src.line)
        if lang in data.get(key, {}):
            word, shown, line = data[key][lang]
            return (_check_slug(word, shown, line, None), shown, line)
        if any(s.pending for s in own.values()):
            first = next(iter(own.values()))
            return (_stem(key), first.shown, first.line)
        if lang == default and key in data:
            return (_stem(key), data[key][next(iter(data[key]))][1], 1)
        if lang in pending and own:
            first = next(iter(own.values()))
            return (_stem(key), first.shown, first.line)
        if lang in pending and key in data:
            return (_stem(key), data[key][next(iter(data[key]))][1], 1)
        return None

    keys = sorted(set(sources) | set(data))
    result: dict[str, dict[str, str]] = {}
    taken: dict[tuple[str, str], str] = {}
    for key in keys:
        for lang in languages:
            own = segment(key, lang)
            if own is None:
                continue
            word, shown, line = own
            folders = []
            parts = key.split("/")[:-1]
            for i in range(len(parts)):
                folder_key = "/".join(parts[: i + 1]) + "/index.md"
                if lang == default:
                    folders.append(parts[i])
                    continue
                folder = segment(folder_key, lang)
                if folder is None:
                    raise SiteDataError(shown, line, f"the folder {'/'.join(parts[: i + 1])}/ has no {lang} name",
                                        f"give its index.md (content/{lang}/{folder_key}) a 'slug:', or for a "
                                        f"folder page made from data add '{folder_key}: {{{lang}: …}}' to "
                                        f"data/{SLUGS_FILE}")
                folders.append(folder[0])
            first = folders[0] if folders else word
            if lang != default and first in RESERVED:
                raise SiteDataError(shown, line, f"'{first}' is a folder of the site itself and cannot start "
                                    "an address", "choose another word")
            is_index = posixpath.basename(key) == "index.md"
            path = language_root(lang, default) + _join(folders, word, is_index, directory_urls)
            if (lang, path) in taken:
                other = taken[(lang, path)]
                raise SiteDataError(shown, line, f"two pages at one address, /{path}: this page and {other}",
                                    "give one of them another slug")
            taken[(lang, path)] = shown
            result.setdefault(key, {})[lang] = path
    return result


def _stem(key: str) -> str:
    """The page's word in the default language: its file's name, or its folder's for an index page."""
    folder, name = posixpath.split(key)
    if name == "index.md":
        return posixpath.basename(folder)
    return name[:-3] if name.endswith(".md") else name


# -- addresses published before -------------------------------------------------------------------

def load_redirects(path: Path, addresses: Mapping[str, Mapping[str, str]], languages: Sequence[str], default: str,
                   root: Path | None = None) -> tuple[Redirect, ...]:
    """The old addresses of ``data/redirects.yml``, each checked against the pages of today."""
    if not path.is_file():
        return ()
    doc = load_yaml(path, display_path(path, root))
    if doc.data is None:
        return ()
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected one line per old address: 'en/lich-su/: lich-su/index.md'")
    current = {(lang, addr): key for key, langs in addresses.items() for lang, addr in langs.items()}
    found = []
    for old, key in doc.data.items():
        line = doc.line(old)
        if not isinstance(old, str) or not re.fullmatch(r"([a-z0-9-]+/)+|[a-z0-9/-]+\.html", old):
            raise SiteDataError(doc.path, line, f"{old!r} is not an address of this site",
                                "write it from the site's root, without a leading '/', ending in '/': "
                                "en/lich-su/di-tich/doi-a1/")
        first = old.split("/", 1)[0]
        lang = first if first in languages and first != default else default
        if not isinstance(key, str) or key not in addresses:
            raise SiteDataError(doc.path, line, f"{old}: unknown page {key!r}",
                                "name the page by its path under content/<language>/, e.g. lich-su/di-tich/doi-a1.md")
        if lang not in addresses[key]:
            raise SiteDataError(doc.path, line, f"{old}: the page {key} has no {lang} version")
        if (lang, old) in current:
            raise SiteDataError(doc.path, line, f"/{old} is the address of the page {current[(lang, old)]} today",
                                "remove this line: the page answers there itself")
        found.append(Redirect(old, key, lang, line))
    return tuple(found)


def redirect_html(old: str, new: str, root_url: str, lang: str, title: str) -> str:
    """The page at ``old`` (both from the site root) that sends readers and search engines to ``new``."""
    text = strings(lang, "addresses")["redirect"]
    href = escape(relative_url(old, new), quote=True)
    canonical = escape(root_url + new, quote=True)
    name = escape(title)
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(text['title'])}: {name}</title>\n"
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{canonical}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            f"</head>\n<body>\n<p>{escape(text['body'])} <a href=\"{href}\">{name}</a></p>\n</body>\n</html>\n")


def old_scheme(addresses: Mapping[str, Mapping[str, str]], lang: str, default: str,
               directory_urls: bool = True) -> dict[str, str]:
    """``{key: address}`` of each page of ``lang`` under the first scheme, the default language's
    path words under the language's root (``en/lich-su/di-tich/doi-a1/``), where it differs."""
    out = {}
    for key, langs in addresses.items():
        if lang in langs:
            old = language_root(lang, default) + default_path(key, directory_urls)
            if old != langs[lang]:
                out[key] = old
    return out
