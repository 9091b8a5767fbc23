"""Which pages exist in which language, and how pages point at their counterparts.

Pages are paired by their path under ``content/<lang>/``: ``content/vi/lich-su/index.md``
and ``content/en/lich-su/index.md`` are one page in two languages. A page missing in a
language is a mistake unless its source says ``translation: pending`` in its front
matter; the reader then gets the existing page, with a notice, in the other language's
site.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..data.uistrings import strings
from ..data.yamlfile import safe_load, syntax_error
from ..errors import SiteDataError
from ..markdown.frontmatter import split_front_matter

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)

#: Front-matter values of ``translation`` that mark a page whose translation is pending.
PENDING = "pending"


@dataclass
class PageSet:
    """The content pages of every language: ``pages[rel_path] = {lang: source file}``."""

    languages: tuple[str, ...]
    pages: dict[str, dict[str, Path]] = field(default_factory=dict)

    def has(self, rel: str, lang: str) -> bool:
        return lang in self.pages.get(rel, {})

    def missing(self) -> list[tuple[str, str, str]]:
        """``(rel_path, existing language, missing language)`` for every unpaired page."""
        out = []
        for rel, langs in sorted(self.pages.items()):
            for lang in self.languages:
                if lang not in langs:
                    out.append((rel, next(iter(sorted(langs, key=self.languages.index))), lang))
        return out


def scan_content(content_dir: Path, languages: tuple[str, ...]) -> PageSet:
    """Find every Markdown page under ``content_dir/<lang>/``."""
    pageset = PageSet(languages)
    for lang in languages:
        root = content_dir / lang
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            pageset.pages.setdefault(rel, {})[lang] = path
    return pageset


def read_front_matter(path: Path, shown_as: str) -> tuple[dict, str]:
    """``(front matter, body)`` of a Markdown file; malformed front matter is an error."""
    text = path.read_text(encoding="utf-8-sig")
    block, body = split_front_matter(text)
    if block is None:
        return {}, text
    try:
        meta = safe_load(block) or {}
    except yaml.MarkedYAMLError as e:
        raise syntax_error(block, e, shown_as, first_line=2) from e
    if not isinstance(meta, dict):
        raise SiteDataError(shown_as, 2, "front matter must be 'key: value' lines")
    return meta, body


def is_pending(meta: dict) -> bool:
    return str(meta.get("translation", "")).strip().lower() == PENDING


def page_title(meta: dict, body: str) -> str | None:
    """The title an editor gave a page: front matter ``title``, else its first ``# heading``."""
    if meta.get("title"):
        return str(meta["title"])
    match = _H1.search(body)
    return match.group(1) if match else None


def language_root(lang: str, default: str) -> str:
    """Where a language lives in the site: ``""`` for the default, ``"en/"`` for others."""
    return "" if lang == default else f"{lang}/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at site path ``from_url`` to site path ``to_url``.

    Both are paths from the site root as MkDocs writes them (``""``, ``"lich-su/"``,
    ``"en/lich-su/"``, ``"en/404.html"``), so the result works under any host or sub-path.
    """
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
    return "./" if rel in (".", "./") else rel


def fallback_notice(reader: str, original: str) -> str:
    """The notice on a page shown in ``original`` because its ``reader`` version is pending: the
    reader's ``languages.fallback_notice`` string, with the original language named in the reader's
    (``{language}``: "Tiếng Anh", ``{language_lower}``: "tiếng Anh")."""
    from babel import Locale

    name = Locale.parse(reader).languages.get(original, original)
    return strings(reader, "languages")["fallback_notice"].format(language=name,
                                                                  language_lower=name[:1].lower() + name[1:])


@dataclass(frozen=True)
class Version:
    """One language's version of a page: where it is and whether it is a real translation."""

    lang: str
    path: str  # site path from the root, e.g. "en/history/"
    real: bool  # False for a pending translation shown in another language


@dataclass(frozen=True)
class SwitcherLink:
    lang: str
    name: str
    href: str  # relative to the current page
    current: bool


@dataclass(frozen=True)
class PageLanguages:
    """What a page's template needs: the switcher, the hreflang links, the fallback notice."""

    switcher: tuple[SwitcherLink, ...]
    hreflang: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), x-default last
    content_lang: str
    fallback_notice: str | None
    canonical: str | None  # set when the page shows another language's content
    site_root: str  # the site's root, relative to the page: where the service worker lives


def hreflang_links(versions: dict[str, Version], default: str, root_url: str) -> tuple[tuple[str, str], ...]:
    """``(hreflang, absolute URL)`` for every real version, plus ``x-default``."""
    real = [v for v in versions.values() if v.real]
    if not real:
        return ()
    links = [(v.lang, root_url + v.path) for v in real]
    x_default = versions[default] if default in versions and versions[default].real else real[0]
    return tuple(links) + (("x-default", root_url + x_default.path),)


def page_languages(current: str, content_lang: str, versions: dict[str, Version], languages: dict[str, str],
                   default: str, root_url: str) -> PageLanguages:
    """Links of one page to its other languages.

    ``versions`` holds the page's version in each language that has one (real or a
    pending-translation fallback); ``languages`` maps each code to its own name. A
    language without any version gets a switcher link to its home page.
    """
    here = versions[current].path
    switcher = tuple(
        SwitcherLink(lang, name,
                     relative_url(here, versions[lang].path if lang in versions else language_root(lang, default)),
                     lang == current)
        for lang, name in languages.items()
    )
    fallback = content_lang != current
    return PageLanguages(
        switcher=switcher,
        hreflang=hreflang_links(versions, default, root_url),
        content_lang=content_lang,
        fallback_notice=fallback_notice(current, content_lang) if fallback else None,
        canonical=root_url + versions[content_lang].path if fallback and content_lang in versions else None,
        site_root=relative_url(here, ""),
    )
