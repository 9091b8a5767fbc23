"""Figures from ``data/`` in pages, and the front page: the visitor's season, experiences
and "plan your trip" link, the slogan and the headline figures.

A thin adapter: loading, validation and formatting live in ``dienbien.core``. Pages
get ``{{ fig.KEY }}`` replaced in ``on_page_markdown``; the front page template gets
a ``home`` object in ``on_page_context``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.data.datacache import figure_store
from ..core.data.figures import Figure
from ..core.data.formatting import figure_html, source_html, source_short_html
from ..core.domain.homepage import Home, Slogan, load_home, load_slogan
from ..core.domain.planning import Month, load_months, month_name
from ..core.errors import SiteDataError, display_path
from ..core.markdown.markup import FigureCitations, replace_figure_tokens
from ..core.messages import install as install_messages
from ..core.site.languages import relative_url
from ..i18n.config import site_languages
from ..pagesource import first_body_line, shown_path
from .config import FiguresConfig

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class SloganTile:
    number: int
    text: str  # in the page's language
    original: str | None  # the authoritative Vietnamese line, on pages in other languages
    href: str


@dataclass(frozen=True)
class HighlightCard:
    html: Markup
    label: str
    period: str
    source: Markup


@dataclass(frozen=True)
class SeasonMonth:
    name: str  # "Tháng 3", "March"
    text: str


@dataclass(frozen=True)
class ExperienceCard:
    title: str
    text: str
    href: str


@dataclass(frozen=True)
class HomeView:
    tiles: tuple[SloganTile, ...]
    highlights: tuple[HighlightCard, ...]
    speaker: str
    context: str
    source: Markup
    original_lang: str
    plan_href: str
    labels: dict[str, str]  # the words around the visitor sections, in the page's language
    season: tuple[SeasonMonth, ...]
    experiences: tuple[ExperienceCard, ...]


class FiguresPlugin(BasePlugin[FiguresConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        # Editors' messages in Vietnamese too (DIENBIEN_MESSAGES), from the first one the build prints.
        install_messages(logging.getLogger("mkdocs"), logging.getLogger("properdocs"))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).parent
        self.data_dir = Path(self.config.data_dir)
        self.languages = languages = site_languages(config)
        self.sources: dict[str, str] = {}  # page → its "Sources of figures" HTML, from its Markdown to its HTML
        try:
            self.store = figure_store(self.data_dir, languages, self.root)
            self.slogan = load_slogan(self.data_dir / "slogan.yml", self.root, languages, self.store)
            self.home = load_home(self.data_dir / "home.yml", self.root, languages, self.store)
            months = load_months(self.data_dir / "months.yml", self.root, languages, self.store)
            self.months = {m.month: m for m in months.months}
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        log.debug("Loaded %d figures from %d sources", len(self.store.figures), len(self.store.sources))
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.config.enabled:
            server.watch(str(self.data_dir))
        return server

    @event_priority(-100)  # after i18n (-50) has added the pages whose translation is pending
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        linked = [(self.slogan.path, line.line, line.page) for line in self.slogan.lines]
        linked += [(self.home.path, line, page) for page, line in self.home.pages()]
        for path, line, page in linked:
            if files.get_file_from_path(page) is None:
                raise PluginError(f"{path}:{line}: page '{page}' does not exist in "
                                  f"{display_path(config.docs_dir, self.root)}; write the path of a page "
                                  "there, e.g. lich-su/index.md")
        self.files = files
        return files

    @event_priority(90)  # before the pages plugin (70) adds blocks and a place's top, which move the lines
    def _check_tokens(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Report an unknown figure key at the editor's line, while the Markdown is still as written."""
        if not self.config.enabled:
            return
        shown = shown_path(page, config, self.root)
        try:
            replace_figure_tokens(markdown, lambda key, line: self.store.get(key, shown, line) and "",
                                  first_body_line(page, markdown))
        except SiteDataError as e:
            raise PluginError(str(e)) from e

    @event_priority(50)  # after i18n (100) has named the content's language; before Markdown is rendered
    def _render_tokens(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        lang = page.meta.get("content_language") or config.theme["language"]
        shown = shown_path(page, config, self.root)
        citations = FigureCitations(self.store, lang, shown)
        try:
            prefix = page.meta.get("generated_prefix", "")
            body = markdown[len(prefix):] if prefix and markdown.startswith(prefix) else markdown
            first_line = first_body_line(page, body) - (prefix.count("\n") if body is not markdown else 0)
            markdown = replace_figure_tokens(markdown, citations.render, first_line)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        self.sources[page.file.src_uri] = citations.sources_html()
        return markdown

    on_page_markdown = CombinedEvent(_check_tokens, _render_tokens)

    @event_priority(100)  # first: the phrase check, the anchors and the search index read the sources too
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """The page's "Sources of figures" list, after its text. Added to the HTML rather than to
        the Markdown: as raw HTML in the Markdown, it was parsed again by two HTML parsers for each
        page (MkDocs' and md_in_html's), a third of the time Markdown took for a short page."""
        if not self.config.enabled:
            return None
        sources = self.sources.pop(page.file.src_uri, "")
        if not sources:
            return None
        if page.present_anchor_ids is not None:  # links to "#figure-sources" are checked against these
            page.present_anchor_ids.update(re.findall(r'\bid="([^"]+)"', sources))
        return f"{html}\n{sources.strip()}"

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
        if self.config.enabled and page.is_homepage:
            context["home"] = self._home(page, config.theme["language"])
        return context

    def _home(self, page: Page, lang: str) -> HomeView:
        slogan: Slogan = self.slogan
        home: Home = self.home
        original = self.languages.default  # its slogan lines are the authoritative wording

        def href(path: str) -> str:
            return relative_url(page.url, self.files.get_file_from_path(path).url)

        tiles = tuple(
            SloganTile(n, line.text[lang], line.text[original] if line.text[lang] != line.text[original] else None,
                       href(line.page))
            for n, line in enumerate(slogan.lines, 1))
        return HomeView(
            tiles=tiles,
            highlights=tuple(_card(f, lang) for f in home.highlights),
            speaker=slogan.speaker[lang],
            context=slogan.context[lang],
            source=Markup(source_html(slogan.source, lang)),
            original_lang=original,
            plan_href=href(home.plan),
            labels={name: words[lang] for name, words in home.labels.items()},
            season=tuple(_season_month(self.months[m], lang) for m in home.season),
            experiences=tuple(ExperienceCard(e.title[lang], e.text[lang], href(e.page)) for e in home.experiences),
        )


def _season_month(month: Month, lang: str) -> SeasonMonth:
    """The month's front-page line: its summary, or else its first highlight."""
    text = month.summary[lang] if month.summary else month.highlights[0][lang] if month.highlights else ""
    return SeasonMonth(month_name(month.month, lang), text)


def _card(figure: Figure, lang: str) -> HighlightCard:
    period = figure.period[lang] if figure.period else ""
    return HighlightCard(Markup(figure_html(figure, lang)), figure.label[lang], period,
                         Markup(source_short_html(figure.source, lang)))

