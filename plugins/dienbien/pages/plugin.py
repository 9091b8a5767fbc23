"""Pages and page blocks from ``data/``: a page per ethnic group and per place, and the
``{{ block.NAME }}`` tokens (tables, charts, timeline, itineraries, months), each rendered by its
entry in the registry of :mod:`.blocks`.

A thin adapter: the records and their Markdown live in ``dienbien.core``. Generated
Markdown carries ``{{ fig.KEY }}`` tokens, which the figures plugin then formats and cites.
"""

from __future__ import annotations

import posixpath
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.data.mdlines import before_sources
from ..core.data.uistrings import strings
from ..core.domain import events as events_core
from ..core.domain.ethnic_groups import group_details_markdown, group_page_top
from ..core.domain.folderpages import FOLDERS, GROUPS, folder_markdown
from ..core.domain.places import place_details_markdown, place_page_top, plan_markdown
from ..core.errors import SiteDataError, display_path
from ..core.markdown.frontmatter import check_front_matter
from ..core.markdown.links import anchors, find_links, resolve
from ..core.markdown.markup import BLOCK, replace_tokens
from ..core.markdown.phrases import locate
from ..core.publish.sitedata import SiteData, load_site_data
from ..core.site import structured_data as sd
from ..i18n.config import site_languages
from ..i18n.plugin import page_path
from ..pagesource import first_body_line, shown_path
from .blocks import BlockPage, render_block
from .config import PagesConfig
from .published import SIGNS_PAGE, published

log = get_plugin_logger(__name__)

OVERVIEW = "van-hoa/index.md"
PLAN_TOKEN = "{{ block.plan }}"


class PagesPlugin(BasePlugin[PagesConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).parent
        self.page_path = lambda src: page_path(config, src)  # the page's address in this build's language
        try:
            self.languages = site_languages(config)
            self.data: SiteData = load_site_data(Path(self.config.data_dir), self.languages, self.root)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Give every group and place a page: the editor's prose if there is one, else a new page."""
        if not self.config.enabled:
            return None
        self.generated: dict[str, object] = {}
        self.links: dict[str, tuple[str, list[tuple[int, str]]]] = {}
        records = []
        if self.data.groups:
            records += [(self.data.groups.page(g), g) for g in self.data.groups.groups]
        if self.data.places:
            records += [(p.page, p) for p in self.data.places.places.values()]
        for src, record in records:
            self.generated[src] = record
            existing = files.get_file_from_path(src)
            if existing is not None:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        self.phrase_errors: list[str] = []
        self.data_texts: list[tuple[str, str]] | None = None
        self.folder_pages = set()
        for src in FOLDERS:
            if (src == GROUPS and not self.data.groups) or (src != GROUPS and not self.data.places):
                continue
            self.folder_pages.add(src)
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=""))
        self.used_blocks: dict[str, set[str]] = {}
        self.files = files
        self._add_calendar_files(files, config)
        self._add_published_files(files, config)
        return files

    def _add_published_files(self, files: Files, config: MkDocsConfig) -> None:
        """The QR signs' short pages and sheets and the open-data files, written once at the site
        root by the default language's build; the office's list of signs stays out of the menu."""
        try:
            self.published = published(self.data, config, Path(self.config.data_dir), self.root,
                                       self.languages)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        signs_page = files.get_file_from_path(SIGNS_PAGE)
        if signs_page is not None:
            signs_page.inclusion = InclusionLevel.NOT_IN_NAV
        if self.published.writes:
            for path, content in self.published.files().items():
                files.append(File.generated(config, path, content=content))

    def _add_calendar_files(self, files: Files, config: MkDocsConfig) -> None:
        """``events.ics`` and one file per dated event, in this language (next to its pages), when the
        events page is in this build: its own, or another language's while its translation is pending
        (added by the i18n plugin after this)."""
        content = Path(config.docs_dir).parent  # content/<lang>/ of every language
        if not self.data.events or (files.get_file_from_path(events_core.PAGE) is None and not any(
                (content / code / events_core.PAGE).is_file() for code in self.languages)):
            return
        lang = config.theme["language"]
        calendars = events_core.calendar_files(
            self.data.events, self.data.store, lang, self._url(config, events_core.PAGE),
            urlsplit(config.site_url).hostname or "localhost",
            f"{config.site_name} – {strings(lang, 'events')['calendar_name']}")
        for path, text in calendars.items():
            files.append(File.generated(config, path, content=text.encode("utf-8")))

    @staticmethod
    def _url(config: MkDocsConfig, src: str) -> str:
        """The absolute address of a page of this language."""
        return config.site_url + page_path(config, src)

    @event_priority(70)  # after i18n (100) sets the content language, before figures (50) formats tokens
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        lang = page.meta.get("content_language") or config.theme["language"]
        src = page.file.src_uri
        shown = shown_path(page, config, self.root)
        try:
            check_front_matter(page.file.content_string, shown)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        if isinstance(page.meta.get("description"), str):
            # Material writes the description into <meta content="…"> as it is: escape it here so
            # a quotation mark in an editor's sentence cannot break the page's HTML.
            page.meta["description"] = escape(page.meta["description"], quote=True)
        first_line = first_body_line(page, markdown)
        self.links[src] = (shown, find_links(markdown, first_line))
        if src in self.folder_pages:
            markdown = folder_markdown(src, lang, self.data.places, self.data.visiting, self.data.groups,
                                       lambda to: _link(src, to), markdown if markdown.strip() else "")
        record = self.generated.get(src)
        if record is not None:
            top = self._record_top(record, src, lang, markdown)
            page.meta["generated_prefix"] = top  # so later plugins still count the editor's lines right
            markdown = top + markdown
            first_line -= top.count("\n")
            details = (place_details_markdown(record, self.data.store, lang) if self._is_place(record)
                       else group_details_markdown(record, self.data.groups, self.data.store, lang,
                                                   _link(src, OVERVIEW)))
            markdown = before_sources(markdown, details)
        try:
            return replace_tokens(markdown, BLOCK, lambda name, line: self._block(name, line, src, lang, shown),
                                  first_line)
        except SiteDataError as e:
            raise PluginError(str(e)) from e

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Look for editors' notes ("độ tin cậy thấp", "data/…") in what the visitor will read."""
        if not self.config.enabled or not self.data.phrases:
            return None
        lang = page.meta.get("content_language") or config.theme["language"]
        found = self.data.phrases.find_in_page(html, lang)
        if found:
            shown = shown_path(page, config, self.root)
            texts = [(shown, page.file.content_string), *self._data_texts()]
            for phrase in found:
                where = locate(phrase.phrase, texts) or (shown, 1)
                self.phrase_errors.append(
                    f"{where[0]}:{where[1]}: '{phrase.phrase}' is a note for editors and appears in the text of "
                    f"{page.url or '/'} ({lang}); {phrase.instead} (phrases: {self.data.phrases.path}:{phrase.line})")
        return None

    def _data_texts(self) -> list[tuple[str, str]]:
        """Every data file's text, for finding the line that produced a phrase (read once a build)."""
        if self.data_texts is None:
            data_dir = Path(self.config.data_dir)
            self.data_texts = [(display_path(p, self.root), p.read_text(encoding="utf-8"))
                               for p in sorted(data_dir.rglob("*.yml")) if p.name != "phrases.yml"]
        return self.data_texts

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Every page is rendered now: no editors' notes in the text; each editor's link, and its
        anchor, at its line."""
        if not self.config.enabled:
            return env
        if self.phrase_errors:
            raise PluginError("editors' notes in the reading text:\n" + "\n".join(sorted(set(self.phrase_errors))))
        # (a page a dirty rebuild of `mkdocs serve` did not render again has no content: its anchors go unchecked)
        ids = {f.src_uri: anchors(f.page.content) for f in files.documentation_pages()
               if f.page and f.page.content is not None}
        for src, (shown, links) in sorted(self.links.items()):
            for line, target in links:
                page, anchor = resolve(src, target)
                if page not in ids:
                    if files.get_file_from_path(page) is None:
                        log.warning(f"{shown}:{line}: link to '{target}': there is no page {page}; "
                                    "check the path (links are relative to this page's folder)")
                elif anchor and anchor not in ids[page]:
                    log.warning(f"{shown}:{line}: link to '{target}': {page} has no heading or anchor "
                                f"'#{anchor}'; anchors are the heading in lower case, without accents, "
                                "words joined by '-'")
        return env

    def _is_place(self, record) -> bool:
        return bool(self.data.places) and record in self.data.places.places.values()

    def _record_top(self, record, src: str, lang: str, markdown: str) -> str:
        store = self.data.store
        if not self._is_place(record):
            return group_page_top(record, self.data.groups, store, lang)
        top = place_page_top(record, lang)
        if PLAN_TOKEN not in markdown:  # the editor did not place "Plan your visit": it opens the page
            top += self._plan(record, lang)
        return top

    def _plan(self, place, lang: str) -> str:
        visiting = self.data.visiting
        return plan_markdown(place, visiting.places.get(place.key) if visiting else None, lang)

    def _block(self, name: str, line: int, src: str, lang: str, shown: str) -> str:
        self.used_blocks.setdefault(src, set()).add(name)
        record = self.generated.get(src)
        plan = (lambda: self._plan(record, lang)) if self._is_place(record) else None
        return render_block(name, BlockPage(src, lang, shown, line, self.data, lambda to: _link(src, to),
                                            self._place_link(src), self.page_path, self.published, plan))

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict | None:
        """schema.org JSON-LD for the page, in its language (rendered by partials/jsonld.html)."""
        if not self.config.enabled:
            return None
        context["jsonld"] = sd.script_json(self._structured_data(page, config, nav))
        return context

    def _structured_data(self, page: Page, config: MkDocsConfig, nav) -> dict:
        data, src = self.data, page.file.src_uri
        lang = page.meta.get("content_language") or config.theme["language"]
        url = self._url(config, src)
        home = nav.homepage
        trail = [((home.title if home else None) or config.site_name, config.site_url)]
        if not page.is_homepage:
            for section_index in self._section_indexes(src):
                if section_index is not page:
                    trail.append((section_index.parent.title, self._url(config, section_index.file.src_uri)))
            trail.append((page.title, url))
        description = page.meta.get("description")
        description = unescape(description) if isinstance(description, str) else None
        main: list[dict] = []
        extra: list[dict] = []
        if page.is_homepage:
            extra.append(sd.web_site(config.site_name, config.site_url, lang, config.site_description))
            main.append(sd.destination(sd.destination_name(lang), description or config.site_description,
                                       config.site_url, data.places, lang, lambda p: self._url(config, p)))
        record = self.generated.get(src)
        if data.places and record in data.places.places.values():
            main.append(sd.place_node(record, lang, url))
        blocks = self.used_blocks.get(src, set())
        if "events" in blocks and data.events:
            main += sd.event_nodes(data.events, data.store, lang, url)
        if "itineraries" in blocks and data.itineraries:
            main += sd.trip_nodes(data.itineraries, lang, url, lambda key, lg: data.places.places[key].name[lg],
                                  lambda key: self._url(config, data.places.places[key].page))
        if data.products:
            main += sd.product_nodes(tuple(p for p in data.products if p.page == src), lang, url)
        return sd.graph(sd.web_page(page.title or config.site_name, url, lang, trail, config.site_url,
                                    description, main), *extra)

    def _section_indexes(self, src: str) -> list[Page]:
        """The index pages of the menu sections above ``src``, top first (for a page outside the
        menu, such as a place's page, the sections of the folders it sits in)."""
        found = []
        folder = posixpath.dirname(src)
        if posixpath.basename(src) == "index.md":
            found.append(src)
        while folder:
            found.append(f"{folder}/index.md")
            folder = posixpath.dirname(folder)
        pages = []
        for candidate in reversed(list(dict.fromkeys(found))):
            file = self.files.get_file_from_path(candidate)
            if file is not None and file.page is not None and file.page.parent is not None:
                pages.append(file.page)
        return pages

    def _place_link(self, src: str):
        places = self.data.places
        return lambda key: _link(src, places.places[key].page)


def _link(from_src: str, to_src: str) -> str:
    """A relative Markdown link between two source files (MkDocs turns it into a URL and checks it)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")

