"""Build every language as its own Material site: vi at ``/``, en at ``/en/``.

The default language's build is the one MkDocs runs. In ``on_config`` it starts one
build process per other language (an environment variable names the language; a copy of
this process where the system allows it, :mod:`.forked`, else a new ``mkdocs build``),
builds its own pages meanwhile, and in ``on_post_build`` waits for them,
passes on their warnings and errors, and moves their output to ``site/<lang>/``. Each
language thus gets its own ``<html lang>``, Material UI strings, search index and 404
page, and the languages build on separate cores.

Every build computes the addresses of every page in every language from the content's
front matter (:func:`dienbien.core.site.addresses.page_addresses`): English pages live at
English addresses (``/en/history/sites/hill-a1/``), pages are paired by their path under
``content/<lang>/``, and each old address of ``data/redirects.yml`` answers with a short
page leading to the new one.

Under ``mkdocs serve`` (``make serve``) the other languages build in processes kept between rebuilds,
and each rebuild redoes only what the change reaches (:mod:`.preview`).

A production build works in a folder of its own beside ``site/`` (:mod:`dienbien.buildtools.staging`)
and replaces ``site/`` only when the whole build succeeded, so a failed build never reaches
visitors. A second build in the same folder stops at once; a build stopped by an error, Ctrl-C
or SIGTERM stops the other languages' processes and removes its work folder.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..buildtools.buildlog import parse_build_log
from ..buildtools.inputs import ALL
from ..buildtools.navcache import NavCache
from ..buildtools.staging import BuildBusy, WorkFolder
from ..buildtools.staging import start as start_work
from ..core.data.uistrings import strings
from ..core.errors import SiteDataError, display_path
from ..core.site.addresses import REDIRECTS_FILE, SLUGS_FILE, Redirect, load_redirects, page_addresses, redirect_html
from ..core.site.languages import (
    Version,
    is_pending,
    language_root,
    page_languages,
    page_title,
    read_front_matter,
    scan_content,
)
from ..core.site.navigation import with_unlisted
from ..core.site.offline import FileHash, hash_files, written_hash
from ..core.site.sitemap import write_sitemap
from ..pagesource import site_path
from .bundle import patch_material_bundle
from .config import I18nConfig
from .forked import ForkedBuild, fork_build
from .offline import OfflineReading
from .preview import (
    MANIFEST_NAME,
    Kept,
    Preview,
    Worker,
    clean_except,
    forget_previous_search_index,
    keep_generated_output,
    quiet_dirty_build_notice,
    worker_command,
)

log = get_plugin_logger(__name__)

LANGUAGE_ENV = "DIENBIEN_I18N_LANGUAGE"
SITE_URL_ENV = "DIENBIEN_I18N_SITE_URL"
MANIFEST_ENV = "DIENBIEN_I18N_MANIFEST"
COMMAND_ENV = "DIENBIEN_I18N_COMMAND"
#: What the default language's build removes from another language's output before moving it in
#: (one sitemap for the whole site is written at the root).
OTHER_BUILDS_DROP = ("sitemap.xml", "sitemap.xml.gz")


class _SwitcherOn:
    """Stands in ``extra.alternate``: truthy, so Material's header shows the language
    button, but not iterable, so Material writes no site-wide ``<link rel=alternate>``;
    ``site_src`` templates write per-page links from the ``i18n`` context instead."""

    def __bool__(self) -> bool:
        return True


class _WarningCount(logging.Handler):
    """Counts warnings as ``--strict`` does, to know before MkDocs aborts whether it will."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class _OtherBuild:
    lang: str
    process: subprocess.Popen | ForkedBuild
    out_dir: Path
    log_path: Path
    log_file: Any


class I18nPlugin(BasePlugin[I18nConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.builds: list[_OtherBuild] = []
        self.counter: _WarningCount | None = None
        self.preview: Preview | None = None  # the default language's process under `mkdocs serve`
        self.kept: Kept | None = None  # every language's process under `mkdocs serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if command == "serve":
            self.kept = Kept()
            if dirty:
                quiet_dirty_build_notice()

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.stop()

    # -- configuration -------------------------------------------------------------------

    @event_priority(100)  # first: search and our figures plugin read the language set here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).parent
        self.content_dir = Path(self.config.content_dir)
        self.registry = self.config.registry()  # the site's languages, declared here once
        self.default = self.registry.default
        self.languages = self.registry.names
        self.lang = os.environ.get(LANGUAGE_ENV, self.default)
        if self.lang not in self.languages:
            raise PluginError(f"{LANGUAGE_ENV}={self.lang} is not one of the languages in mkdocs.yml")
        self.is_main = LANGUAGE_ENV not in os.environ
        if not self.is_main:
            self.command = os.environ.get(COMMAND_ENV, self.command)  # "serve" when previewing
        # pages saved for offline reading and the service worker (production builds only)
        self.offline = OfflineReading(tuple(self.config.offline_essentials), previewing=self.command == "serve")
        self.records: list[dict[str, Any]] = []
        self.fallbacks: dict[str, str] = {}
        self.use_dir_urls = config.use_directory_urls
        data_dir = Path(self.config.data_dir)
        try:
            self.addresses = page_addresses(self.content_dir, self.registry, self.default,
                                            data_dir / SLUGS_FILE, self.root, self.use_dir_urls)
            self.redirects: tuple[Redirect, ...] = load_redirects(
                data_dir / REDIRECTS_FILE, self.addresses, tuple(self.languages), self.default, self.root)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
        self.titles: dict[str, str] = {}
        self.written: dict[str, tuple[int, str]] = {}  # each page's size and hash, from the HTML written
        self.pages_written_before = 0

        if self.is_main:
            if not config.site_url:
                raise PluginError("mkdocs.yml: set site_url (e.g. https://example.org/): "
                                  "hreflang links and the sitemap need absolute addresses")
            self.root_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        else:
            self.root_url = os.environ[SITE_URL_ENV]
        settings = self.config.languages[self.lang]
        config.site_url = self.root_url + language_root(self.lang, self.default)
        config.site_name = settings.site_name
        config.site_description = settings.site_description or config.site_description
        config.copyright = settings.copyright or config.copyright
        config.docs_dir = str(self.content_dir / self.lang)
        config.theme["language"] = self.lang
        config.extra["alternate"] = _SwitcherOn()
        config.extra["og_locale"] = settings.locale
        config.extra["og_locale_alternate"] = [
            lang.locale for code, lang in self.config.languages.items() if code != self.lang]

        if self.is_main:
            self._stage(config)
            self.builds = []
            if self.config.parallel:
                self._start_other_builds(config)
        return config

    def _stage(self, config: MkDocsConfig) -> None:
        self.final_site_dir = Path(config.site_dir)
        self.work: WorkFolder | None = None
        if self.command == "serve":
            self._plan_preview(config)
            return  # the dev server's own temporary folder; nothing to protect
        try:
            self.work = start_work(self.final_site_dir)
        except BuildBusy as e:
            raise PluginError(str(e)) from e
        config.site_dir = str(self.work.staging)
        # However the build ends (an error, Ctrl-C, a CI runner's SIGTERM), the other languages'
        # processes stop and the work folder goes; the published site/ stays as it was.
        atexit.register(self._abandon)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _exit_on_signal)
        if config.strict:
            self.counter = _WarningCount()
            logging.getLogger("mkdocs").addHandler(self.counter)

    def _plan_preview(self, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve``: what this rebuild redoes in each language (:mod:`.preview`)."""
        if self.preview is None:
            self.preview = Preview(self.languages, self.default, self.content_dir)
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, _exit_on_signal)  # as Ctrl-C: the workers stop, folders go
        watched = [self.content_dir, Path(self.config.data_dir), Path(config.config_file_path),
                   *map(Path, config.watch)]
        plans = self.preview.plan(watched)
        log.debug("Rebuilding: %s", ", ".join(f"{lang} {plan}" for lang, plan in plans.items()))
        if plans[self.lang] == ALL and self.dirty:  # a dirty build renders the pages whose output is gone
            clean_except(self.final_site_dir, [language_root(lang, self.default).strip("/")
                                               for lang in self.languages if lang != self.default])

    def _other_env(self, lang: str, out_dir: Path) -> dict[str, str]:
        return dict(os.environ, **{LANGUAGE_ENV: lang, SITE_URL_ENV: self.root_url,
                                   MANIFEST_ENV: str(out_dir / MANIFEST_NAME), COMMAND_ENV: self.command,
                                   "NO_MKDOCS_2_WARNING": "1",
                                   "PYTHONIOENCODING": "utf-8"})

    def _start_other_builds(self, config: MkDocsConfig) -> None:
        engine = sys.modules["mkdocs"].__name__  # "properdocs" when run by ProperDocs
        for lang in self.languages:
            if lang == self.default:
                continue
            out_dir, log_path = self._other_paths(lang)
            if self.preview is not None:  # a process kept between rebuilds, building what changed
                self.preview.start(lang, lambda lang=lang, out_dir=out_dir: Worker(
                    lang, out_dir, worker_command(engine, config.config_file_path, out_dir),
                    self._other_env(lang, out_dir), self.root, _stop_with_parent))
                continue
            shutil.rmtree(out_dir, ignore_errors=True)
            log_file = open(log_path, "w+", encoding="utf-8")
            env = self._other_env(lang, out_dir)
            command = [sys.executable, "-m", engine, "build", "--clean", "-f", config.config_file_path,
                       "-d", str(out_dir)]
            # a copy of this process, which has the modules and the data loaded (.forked); else a new one
            process = fork_build(engine, config.config_file_path, out_dir, env, log_file, self.root,
                                 _stop_with_parent)
            if process is None:
                process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                           stdin=subprocess.DEVNULL, cwd=self.root, preexec_fn=_stop_with_parent)
            log.debug("Started the %s build (%s): %s", lang, "a copy of this process"
                      if isinstance(process, ForkedBuild) else "a new process", " ".join(command))
            self.builds.append(_OtherBuild(lang, process, out_dir, log_path, log_file))

    def _other_paths(self, lang: str) -> tuple[Path, Path]:
        """Another language's output folder and log: in this build's work folder, or beside the dev
        server's temporary folder when previewing."""
        if self.work is not None:
            return self.work.other(lang)
        out_dir = self.final_site_dir.parent / f".{self.final_site_dir.name}.{lang}"
        return out_dir, out_dir.with_name(out_dir.name + ".log")

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.config.enabled:
            server.watch(str(self.content_dir))
            if Path(config.docs_dir).resolve().is_relative_to(self.content_dir.resolve()):
                server.unwatch(config.docs_dir)  # inside content/: watched twice, a save would rebuild twice
        return server

    # -- pages -----------------------------------------------------------------------------

    @event_priority(-50)  # late: pages generated by other plugins are already in the file list
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        self.pageset = scan_content(self.content_dir, tuple(self.languages))
        self.pending: set[tuple[str, str]] = set()
        for rel, have, lacking in self.pageset.missing():
            source = self.pageset.pages[rel][have]
            shown = display_path(source, self.root)
            try:
                meta, _ = read_front_matter(source, shown)
            except SiteDataError as e:
                raise PluginError(str(e)) from e
            if is_pending(meta) or self.registry[lacking].pending:  # the page, or the whole language
                self.pending.add((rel, lacking))
                if lacking == self.lang:
                    self.fallbacks[rel] = have
                    files.append(File.generated(config, rel, abs_src_path=str(source)))
            elif self.is_main:
                expected = display_path(self.content_dir / lacking / rel, self.root)
                log.warning(f"{shown}:1: this page has no {self.languages[lacking]} version ({expected}); "
                            f"translate it, or add 'translation: pending' to its front matter to show it "
                            f"to {self.languages[lacking]} readers with a notice")
        self.offline.check(files, config, self.content_dir / self.lang, self.root)
        patch_material_bundle(files, config)
        self._place_pages(files)
        if self.kept is not None:
            keep_generated_output(files)
        if config.nav:  # pages added in the browser editor join the menu (core/site/navigation.py)
            config.nav = with_unlisted(config.nav, [f.src_uri for f in files.documentation_pages()
                                                    if f.inclusion.is_included() and f.inclusion.is_in_nav()])
        self.files = files
        return files

    def _place_pages(self, files: Files) -> None:
        """Put each page at its address in this language (``history/sites/hill-a1/`` in English).

        Set here, so MkDocs resolves editors' links between source files (``../lich-su/index.md``)
        to the new addresses, and ``page.url``, canonical links and the search index follow.
        """
        for file in files.documentation_pages():
            path = self.page_path(file.src_uri)
            if path is None:
                shown = display_path(self.content_dir / self.lang / file.src_uri, self.root)
                raise PluginError(f"{shown}: the site makes this page from data, and it has no "
                                  f"{self.languages[self.lang]} address; add '{file.src_uri}: {{{self.lang}: word}}' "
                                  f"to {display_path(Path(self.config.data_dir) / SLUGS_FILE, self.root)}, "
                                  f"or write the page ({shown}) with 'slug:' in its front matter")
            dest = path + "index.html" if path.endswith("/") or not path else path
            if dest != file.dest_uri:
                for cached in ("dest_uri", "url", "abs_dest_path"):
                    file.__dict__.pop(cached, None)
                file.dest_uri = dest

    def address(self, src_uri: str, lang: str) -> str | None:
        """The address of a page in a language, from the site root (``en/history/``), or None."""
        found = self.addresses.get(src_uri, {}).get(lang)
        if found is None and lang == self.default:
            return site_path(src_uri, self.use_dir_urls)  # a page made from data keeps its path words
        return found

    def page_path(self, src_uri: str) -> str | None:
        """The page's path inside this build's language (``history/sites/hill-a1/``), or None."""
        found = self.address(src_uri, self.lang)
        return None if found is None else found.removeprefix(language_root(self.lang, self.default))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Title each section after its index page in this language (mkdocs.yml's nav is shared)."""
        if not self.config.enabled:
            return None
        for section in _sections(nav.items):
            for child in section.children:
                if isinstance(child, Page) and child.file.src_uri.endswith("index.md") and child.file.abs_src_path:
                    path = Path(child.file.abs_src_path)
                    try:
                        title = page_title(*read_front_matter(path, display_path(path, self.root)))
                    except SiteDataError as e:
                        raise PluginError(str(e)) from e
                    if title:
                        section.title = title
                    break
        return nav

    @event_priority(100)  # before the figures plugin, which writes numbers for the content's language
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.config.enabled and page.file.src_uri in self.fallbacks:
            page.meta["content_language"] = self.fallbacks[page.file.src_uri]
        return None

    def _versions(self, src_uri: str, generated: bool) -> dict[str, Version]:
        versions = {}
        for lang in self.languages:
            if generated or self.pageset.has(src_uri, lang):
                real = True
            elif (src_uri, lang) in self.pending:
                real = False
            elif lang == self.lang:
                real = True  # a page generated here from data, whose prose exists in another language only
            else:
                continue
            path = self.address(src_uri, lang)
            if path is not None:
                versions[lang] = Version(lang, path, real)
        return versions

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
        if not self.config.enabled:
            return None
        src = page.file.src_uri
        fallback_from = self.fallbacks.get(src)
        generated = page.file.generated_by is not None and fallback_from is None and not any(
            self.pageset.has(src, lang) for lang in self.languages)
        versions = self._versions(src, generated)
        if fallback_from:
            versions[self.lang] = Version(self.lang, versions[self.lang].path, False)
        info = page_languages(self.lang, fallback_from or self.lang, versions, self.languages, self.default,
                              self.root_url)
        if info.canonical:
            page.canonical_url = info.canonical
        context["i18n"] = info
        record = {"src_uri": src, "path": versions[self.lang].path, "real": fallback_from is None,
                  "generated": generated}
        self.records.append(record)
        self.titles[src] = page.title or config.site_name
        if self.kept is not None:
            self.kept.remember(page, record, self.titles[src])
        return context

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.kept is not None:
            forget_previous_search_index(config)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.config.enabled and self.kept is not None:
            self.kept.restore(files, config)  # the pages a dirty rebuild does not render, as last rendered
            env.bytecode_cache = self.kept.templates
        if self.config.enabled:
            env.globals["nav_cache"] = NavCache()  # partials/nav-item.html: a fresh one for each build
            env.globals["offline"] = self.offline.notice(self.lang)
            env.globals["ui_strings"] = dict(strings(self.lang, "theme"))  # partials/ui.html
            env.globals["i18n_homes"] = [
                {"lang": code, "name": name, "url": self.root_url + language_root(code, self.default)}
                for code, name in self.languages.items()]
        return env

    # -- finishing ---------------------------------------------------------------------------

    @event_priority(-100)  # last: what MkDocs writes, for the service worker's version
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.config.enabled and self.offline.enabled and output.strip():
            self.written[page.file.dest_uri] = written_hash(output.encode("utf-8", errors="xmlcharrefreplace"))
        return None

    @event_priority(100)  # first: every page is written, and nothing has changed one since
    def _pages_written(self, *, config: MkDocsConfig) -> None:
        self.pages_written_before = time.time_ns()

    @event_priority(-100)  # last: every other plugin has written its files into the staging folder
    def _finish(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self.kept is not None:  # a dirty rebuild: this build's pages with those it kept
            self.records = self.kept.records_in_order(self.files)
            self.titles = dict(self.kept.titles)
            self.kept.complete_search_index(Path(config.site_dir), self.files)
        self._write_redirects(config)
        site = Path(config.site_dir)
        offline = self.offline
        if not self.is_main:
            manifest = os.environ.get(MANIFEST_ENV)
            if manifest:  # the pages for the sitemap; the files hashed for the service worker's version
                hashes = hash_files(site, leave_out=OTHER_BUILDS_DROP, written=self.written,
                                    written_before=self.pages_written_before) if offline.enabled else {}
                Path(manifest).write_text(json.dumps(
                    {"records": self.records, "hashes": {path: h.to_json() for path, h in hashes.items()}},
                    ensure_ascii=False), encoding="utf-8")
            return
        if not self.config.parallel:
            self._start_other_builds(config)
        # hashed while the other languages' builds finish: the service worker's version
        others = [language_root(lang, self.default).strip("/") for lang in self.languages if lang != self.default]
        hashes = hash_files(site, leave_out=others, written=self.written,
                            written_before=self.pages_written_before) if offline.enabled else {}
        records = {self.lang: self.records}
        if self.preview is not None:
            self.preview.built(self.lang)  # its output is complete; the other languages' may yet fail
            for lang in self.languages:
                if lang != self.default:
                    records[lang] = self.preview.finish(lang, Path(config.site_dir), language_root(lang, self.default),
                                                        lambda code, output, lang=lang: self._check(lang, code, output))
        for build in self._wait_for_other_builds():
            target = site / build.lang
            shutil.rmtree(target, ignore_errors=True)
            manifest = build.out_dir / MANIFEST_NAME
            built = json.loads(manifest.read_text(encoding="utf-8"))
            records[build.lang] = built["records"]
            hashes.update({f"{build.lang}/{path}": FileHash.from_json(h) for path, h in built["hashes"].items()})
            manifest.unlink()
            for name in OTHER_BUILDS_DROP:
                (build.out_dir / name).unlink(missing_ok=True)
            shutil.move(str(build.out_dir), target)
        write_sitemap(site, records, self.languages, self.default, self.root_url)
        offline.write_worker(site, self.languages, self.default, self.address, config.config_file_path, self.root,
                             hashes)
        self._publish(config)

    on_post_build = CombinedEvent(_pages_written, _finish)

    def _write_redirects(self, config: MkDocsConfig) -> None:
        """A short page at each old address of this language, leading to the page's address today."""
        site = Path(config.site_dir)
        prefix = language_root(self.lang, self.default)
        # A dirty rebuild finds the last build's short pages in place, as a full rebuild would write them.
        kept = self.kept.redirects if self.kept is not None else set()
        for redirect in self.redirects:
            if redirect.lang != self.lang:
                continue
            inside = redirect.old.removeprefix(prefix)
            target = site / (inside + "index.html" if inside.endswith("/") else inside)
            if target in kept and target.is_file():
                continue
            if target.exists():
                where = display_path(Path(self.config.data_dir) / REDIRECTS_FILE, self.root)
                raise PluginError(f"{where}:{redirect.line}: /{redirect.old} is already a file of the site "
                                  f"({target.relative_to(site).as_posix()}); remove this line")
            target.parent.mkdir(parents=True, exist_ok=True)
            new = self.addresses[redirect.key][self.lang]
            target.write_text(redirect_html(redirect.old, new, self.root_url, self.lang,
                                            self.titles.get(redirect.key, config.site_name)), encoding="utf-8")
            if self.kept is not None:
                self.kept.redirects.add(target)


    def _wait_for_other_builds(self) -> list[_OtherBuild]:
        failures = []
        for build in self.builds:
            code = build.process.wait()
            build.log_file.seek(0)
            output = build.log_file.read()
            build.log_file.close()
            build.log_path.unlink(missing_ok=True)
            failure = self._failure(build.lang, code, output)
            if failure:
                failures.append(failure)
        done, self.builds = self.builds, []
        if failures:
            raise PluginError("\n".join(failures))
        return done

    def _failure(self, lang: str, code: int, output: str) -> str | None:
        """Pass on another language's build log; what to say if the build failed."""
        errors = _forward_log(lang, output)
        if code == 0:
            return None
        detail = "\n".join(errors) or output.strip()[-4000:]
        return f"the {self.languages[lang]} build failed:\n{detail}"

    def _check(self, lang: str, code: int, output: str) -> None:
        failure = self._failure(lang, code, output)
        if failure:
            raise PluginError(failure)

    def _publish(self, config: MkDocsConfig) -> None:
        """Swap the staging folder in for ``site/``, unless ``--strict`` is about to abort."""
        if self.work is None:
            return
        self._detach_counter()
        work, self.work = self.work, None
        if config.strict and self._warnings:
            work.close()
            log.info("Not publishing: the build had warnings in strict mode; %s is unchanged",
                     self.final_site_dir)
            return
        work.publish()
        config.site_dir = str(self.final_site_dir)

    def _detach_counter(self) -> None:
        self._warnings = self.counter.count if self.counter else 0
        if self.counter:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            self.counter = None

    def on_build_error(self, *, error: Exception) -> None:
        self._detach_counter()
        if self._abandon():
            log.info("The build failed; %s is unchanged", self.final_site_dir)

    def _abandon(self) -> bool:
        """Stop the other languages' builds and remove what this build made; True if there was a
        build to abandon. Runs on a build error and at exit (Ctrl-C, SIGTERM); twice does nothing."""
        for build in self.builds:
            if build.process.poll() is None:
                build.process.terminate()
                try:
                    build.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    build.process.kill()
                    build.process.wait()
            build.log_file.close()
            build.log_path.unlink(missing_ok=True)
            shutil.rmtree(build.out_dir, ignore_errors=True)
        self.builds = []
        work, self.work = getattr(self, "work", None), None
        if work is None:
            return False
        work.close()
        return True


def _exit_on_signal(signum: int, frame) -> None:
    """SIGTERM ends the build as Ctrl-C does, so that its clean-up runs (``I18nPlugin._abandon``)."""
    raise SystemExit(128 + signum)


def _stop_with_parent() -> None:
    """In another language's build process: stop it if the build that started it dies, even by SIGKILL
    (Linux ``PR_SET_PDEATHSIG``; elsewhere the parent's clean-up stops it)."""
    name = ctypes.util.find_library("c")
    prctl = getattr(ctypes.CDLL(name), "prctl", None) if name else None
    if prctl is not None:
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def page_path(config: MkDocsConfig, src_uri: str) -> str:
    """Where the page of ``src_uri`` is inside the language being built (``history/sites/hill-a1/``
    in English, ``lich-su/di-tich/doi-a1/`` in Vietnamese), so that ``config.site_url + page_path(…)``
    is its address; where MkDocs would put it when the i18n plugin is off."""
    plugin = config.plugins.get("dienbien/i18n")
    found = plugin.page_path(src_uri) if isinstance(plugin, I18nPlugin) and getattr(plugin, "addresses", None) \
        else None
    return found if found is not None else site_path(src_uri, config.use_directory_urls)


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def _forward_log(lang: str, output: str) -> list[str]:
    """Re-log another language's build output here, so ``--strict`` counts its warnings.

    Returns its error messages.
    """
    errors = []
    for level, message in parse_build_log(output):
        text = f"[{lang}] {message}"
        if level == "WARNING":
            log.warning(text)
        elif level in ("ERROR", "CRITICAL"):
            errors.append(text)
        else:
            log.debug(text)
    return errors
