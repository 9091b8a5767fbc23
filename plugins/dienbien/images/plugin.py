"""Responsive photos and social cards: the MkDocs side of ``dienbien.core.media.images`` and
``dienbien.core.media.cards``.

- ``on_files``: finds every ``![alt](photo.jpg)`` in the pages (the default language's
  build reads every language's pages, because it publishes the photos for all of them),
  checks alt text and files at their Markdown line, and has the core process what the
  cache does not hold yet, on every core. Source photos are never published as they are.
- ``on_page_markdown``: each reference becomes a ``<picture>``; the page's largest photo
  loads eagerly, the others lazily.
- ``on_page_context``: names the page's social card for the ``og:image`` tags.
- ``on_post_build``: copies the variants (once, to ``assets/photos/`` at the site's root)
  and the cards (``assets/cards/`` in each language) into the site being built.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..core.data.datacache import figure_store
from ..core.data.languages import Languages
from ..core.domain.homepage import load_slogan
from ..core.errors import SiteDataError, display_path
from ..core.markdown.checks import image_problems
from ..core.media.cards import HEIGHT, WIDTH, CardText, FontMissing, font_paths, render_cards
from ..core.media.images import (
    ImageError,
    ImageRef,
    ProcessedImage,
    check_alt,
    copy_variants,
    find_images,
    is_raster,
    lcp_index,
    picture_html,
    render_all,
    replace_images,
    resolve_source,
)
from ..core.media.outputfiles import place
from ..core.site.languages import language_root
from ..i18n.config import site_languages
from ..pagesource import shown_path
from .config import ImagesConfig

log = get_plugin_logger(__name__)

CACHE_ENV = "DIENBIEN_CACHE_DIR"
PHOTOS = "assets/photos/"
CARDS = "assets/cards/"
_TAGS = re.compile(r"<[^>]+>")


class ImagesPlugin(BasePlugin[ImagesConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).parent
        self.languages = languages = site_languages(config)
        self.lang = config.theme["language"]
        self.default = languages.default
        self.is_default = self.lang == self.default or self.lang not in languages
        # Photos live once at the site's root; another language's pages reach them from
        # their own root (``en/``) one level further up.
        self.up_to_root = "../" * language_root(self.lang, self.default).count("/")
        cache = os.environ.get(CACHE_ENV) or self.config.cache_dir or ".cache"
        self.cache_dir = (self.root / cache).resolve()
        self.content_dir = (self.root / self.config.content_dir).resolve()
        self.slogan = self._slogan_lines(languages)
        if self.config.cards:
            try:
                font_paths()
            except FontMissing as e:
                raise PluginError(str(e)) from e
        self.processed: dict[Path, ProcessedImage] = {}
        self.cards: dict[str, CardText] = {}
        self.sections: dict[str, str] = {}
        return config

    def _slogan_lines(self, languages: Languages) -> dict[str, str]:
        """Content path → the slogan line (in this build's language) of the section it opens."""
        data_dir = Path(self.config.data_dir)
        if not (data_dir / "slogan.yml").is_file():
            return {}
        try:  # the same parse the figures plugin uses (cached per version of data/)
            store = figure_store(data_dir, languages, self.root)
            slogan = load_slogan(data_dir / "slogan.yml", self.root, languages, store)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        return {line.page: line.text[self.lang] for line in slogan.lines if self.lang in line.text}

    # -- finding and processing the photos -------------------------------------------------

    @event_priority(-60)  # after i18n (-50) has added the pages shown while their translation is pending
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        docs_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            # Source photos keep their EXIF data (GPS position, camera): they stay known to
            # MkDocs (links to them are valid) but are never published; their variants are.
            if file.abs_src_path and is_raster(file.src_uri) and _inside(Path(file.abs_src_path), docs_dir):
                file.inclusion = InclusionLevel.EXCLUDED
        docs = Path(config.docs_dir).absolute()
        markdown: set[Path] = set()
        for page in files.documentation_pages():
            if page.abs_src_path:  # a page's file, resolved as its folder is (one resolve a folder, not a file)
                path = Path(page.abs_src_path)
                markdown.add(docs_dir / page.src_uri if path == docs / page.src_uri else path.resolve())
        if self.is_default:
            for lang in self.languages:
                folder = (self.content_dir / lang).resolve()
                if folder != docs_dir and folder.is_dir():
                    markdown.update(folder.rglob("*.md"))
        problems: list[str] = []
        wanted: dict[Path, list[tuple[str, ImageRef]]] = {}
        for source in sorted(markdown):
            text = source.read_text(encoding="utf-8-sig")
            if "![" not in text and "<img" not in text.lower():
                continue  # no photo, and no <img> tag to refuse
            shown = display_path(source, self.root)
            found = image_problems(text, source, shown, self.content_dir, self.root)  # shared with `make check`
            problems += [f"{shown}:{line}: {message}" for line, message in found]
            for ref in find_images(text) if not found else ():  # any refusal stops the build before decoding
                wanted.setdefault(resolve_source(source, ref.src, self.content_dir), []).append((shown, ref))
        if not problems:
            results = render_all(list(wanted), self.cache_dir, self.config.workers or None)
            for path, result in results.items():
                if isinstance(result, ImageError):
                    problems += [f"{shown}:{ref.line}: {result}" for shown, ref in wanted[path]]
                else:
                    self.processed[path] = result
        if problems:
            raise PluginError("\n".join(sorted(set(problems), key=_by_file_and_line)))
        log.debug("%d photos ready (%s)", len(self.processed), self.cache_dir)
        return files

    # -- pages ------------------------------------------------------------------------------

    @event_priority(-20)  # after pages (70) and figures (50), which count the editor's lines themselves
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or "![" not in markdown:
            return None
        docs_dir = Path(config.docs_dir).resolve()
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else docs_dir / page.file.src_uri
        refs = find_images(markdown)
        images = [self._image(source, ref, page, config) for ref in refs]
        eager = lcp_index(images)
        base = self.up_to_root + "../" * page.url.count("/") + PHOTOS
        return replace_images(markdown, lambda ref, i: picture_html(
            images[i], ref.alt, base, eager=i == eager, title=ref.title, classes=ref.classes))

    def _image(self, source: Path, ref: ImageRef, page: Page, config: MkDocsConfig) -> ProcessedImage:
        path = resolve_source(source, ref.src, self.content_dir)
        found = self.processed.get(path)
        if found is not None:
            return found
        # A reference written by a plugin from data rather than by an editor in a page.
        shown = shown_path(page, config, self.root)
        issue = check_alt(ref)
        if issue:
            raise PluginError(f"{shown}: {issue[0]}; {issue[1]}")
        result = render_all([path], self.cache_dir, 1)[path]
        if isinstance(result, ImageError):
            raise PluginError(f"{shown}: {result}")
        self.processed[path] = result
        return result

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
        if not self.config.enabled or not self.config.cards or not config.site_url:
            return None
        if not self.sections:
            self.sections = _section_titles(nav)
        src = page.file.src_uri
        top = src.split("/")[0] if "/" in src else None
        title = _text(page.meta.get("title") if isinstance(page.meta.get("title"), str) else page.title) \
            or config.site_name
        section = self.sections.get(top) if top else None
        text = CardText(title=title, site_name=config.site_name,
                        section=section if section and section != title else None,
                        slogan=self._slogan_of(src))
        stem = page.url.rstrip("/")  # the card follows the page's address in this language
        path = CARDS + (f"{stem}/index" if page.is_index and stem else stem or "index") + ".png"
        self.cards[path] = text
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        alt = " – ".join(part for part in (text.title, text.section, text.site_name) if part)
        context["social_card"] = {"url": site_url + path, "width": WIDTH, "height": HEIGHT, "alt": alt}
        return context

    def _slogan_of(self, src: str) -> str | None:
        """The slogan line of the page itself, else of the nearest section index above it."""
        candidates = [src]
        parts = src.split("/")[:-1]
        while parts:
            candidates.append("/".join(parts) + "/index.md")
            parts.pop()
        return next((self.slogan[c] for c in candidates if c in self.slogan), None)

    # -- output -----------------------------------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        if self.is_default:
            for image in self.processed.values():
                copy_variants(image, self.cache_dir, site / PHOTOS)
        if self.cards:
            paths = list(self.cards)
            try:
                rendered = render_cards([self.cards[p] for p in paths], self.cache_dir, self.config.workers or None)
            except FontMissing as e:
                raise PluginError(str(e)) from e
            for target, cached in zip(paths, rendered, strict=True):
                (site / target).parent.mkdir(parents=True, exist_ok=True)
                place(cached, site / target)
            self.cards = {}


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def _text(title: str | None) -> str:
    return html.unescape(_TAGS.sub("", title or "")).strip()


def _section_titles(nav: Navigation) -> dict[str, str]:
    """Top folder → the title of its section in the menu (in this build's language)."""
    titles = {}
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and "/" in child.file.src_uri:
                    titles.setdefault(child.file.src_uri.split("/")[0], _text(item.title))
    return titles


def _by_file_and_line(message: str) -> tuple[str, int]:
    match = re.match(r"(.*?):(\d+): ", message)
    return (match.group(1), int(match.group(2))) if match else (message, 0)
