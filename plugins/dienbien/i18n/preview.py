"""The preview (``mkdocs serve``, ``make serve``): each rebuild redoes only what the change reaches.

- :class:`Preview` (the default language's process) compares the site's inputs with the last
  rebuild's (:mod:`dienbien.buildtools.inputs`). A page whose text alone changed is rendered
  again in its language; the other languages keep their output. Anything else (data, templates,
  ``mkdocs.yml``, a page's front matter or title, a page added or removed) rebuilds every language.
- Each other language builds in a :class:`Worker`, a process kept between rebuilds
  (:mod:`dienbien.i18n.worker`), whose output folder is kept too and mirrored into the served site.
- :class:`Kept` (every language's process) keeps what the pages a rebuild does not render
  again give the others: their titles and front matter for the menus, their search entries, their
  records for the sitemap. MkDocs' ``dirty`` builds (``mkdocs serve --dirty``, which ``make serve``
  runs) render only the pages whose source changed and would otherwise show those pages in the
  menus under their file names and drop them from search.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..buildtools import inputs
from ..buildtools.mirror import mirror

SEARCH_INDEX = "search/search_index.json"
MANIFEST_NAME = "pages.json"  # another language's records for the sitemap, beside its output


class Kept:
    """What one language's process keeps between the preview's rebuilds: each page as its last
    rendering left it, and the compiled templates."""

    def __init__(self) -> None:
        self.templates = TemplateCache()
        self.pages: dict[str, tuple[str | None, dict]] = {}  # source path → title, front matter
        self.records: dict[str, dict[str, Any]] = {}  # source path → its record for the sitemap
        self.titles: dict[str, str] = {}  # source path → the title its old addresses' short pages give
        self.search: dict[str, list[dict]] = {}  # page address → its search entries
        self.redirects: set[Path] = set()  # the short pages at old addresses this process wrote

    def remember(self, page, record: dict[str, Any], title: str) -> None:
        """A page rendered in this build (``on_page_context``)."""
        self.pages[page.file.src_uri] = (page.title, page.meta)
        self.records[page.file.src_uri] = record
        self.titles[page.file.src_uri] = title

    def restore(self, files: Files, config: MkDocsConfig) -> None:
        """Give each page this build does not render its title and front matter (``on_env``)."""
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.markdown is not None:
                continue
            kept = self.pages.get(file.src_uri)
            if kept is None:
                page.read_source(config)  # never rendered in this process: its title from its Markdown
                continue
            page.meta = kept[1]
            page.title = kept[0]

    def records_in_order(self, files: Files) -> list[dict[str, Any]]:
        """The records of the site's pages, in the order a full build gives them."""
        return [self.records[f.src_uri] for f in files.documentation_pages() if f.src_uri in self.records]

    def complete_search_index(self, site_dir: Path, files: Files) -> None:
        """Rewrite the search index the build wrote, which holds the pages it rendered, with the
        kept entries of the others, in the order of a full build."""
        path = site_dir / SEARCH_INDEX
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        found: dict[str, list[dict]] = {}
        for entry in index.get("docs", []):
            found.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        pages = [f.page for f in files.documentation_pages() if f.page is not None]
        for page in pages:
            if page.content is not None:
                self.search[page.url] = found.get(page.url, [])
        index["docs"] = [entry for page in pages for entry in self.search.get(page.url, [])]
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


class TemplateCache(jinja2.BytecodeCache):
    """The theme's templates compiled once for the preview rather than at every rebuild (MkDocs makes
    a new Jinja environment for each build); a template whose source changed is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])  # checks the source's checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _DirtyBuildNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_build_notice() -> None:
    """MkDocs warns at every dirty build that the menus of the pages it renders may be wrong; the
    preview keeps them right (:meth:`Kept.restore`), so the warning would only be noise (and an
    error under ``--strict``)."""
    logger = logging.getLogger(f"{sys.modules['mkdocs'].__name__}.commands.build")  # ProperDocs: "properdocs.…"
    if not any(isinstance(f, _DirtyBuildNotice) for f in logger.filters):
        logger.addFilter(_DirtyBuildNotice())


def keep_generated_output(files: Files) -> None:
    """A page or file the plugins make from data rather than from a source file (a place's page, the
    open data, the calendars) is written again in a dirty rebuild only if its output is gone (MkDocs
    writes it at every build). What it is made from (data, templates, ``mkdocs.yml``, the pages'
    front matter) makes a full rebuild when it changes, which empties the output first."""
    for file in files:
        if file.generated_by is not None and file.abs_src_path is None:
            file.is_modified = functools.partial(_output_missing, file)


def _output_missing(file) -> bool:
    return not os.path.isfile(file.abs_dest_path)


def forget_previous_search_index(config: MkDocsConfig) -> None:
    """Material's search plugin, in a dirty build, merges the pages it indexed with its previous
    index by a guess (it takes them for one page's sections); :meth:`Kept.complete_search_index`
    merges by page instead, from what this build indexed alone."""
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


class Worker:
    """Another language's build process, kept between the preview's rebuilds."""

    def __init__(self, lang: str, out_dir: Path, command: list[str], env: dict[str, str], cwd: Path,
                 stop_with_parent: Callable[[], None]) -> None:
        self.lang, self.out_dir, self.command, self.env, self.cwd = lang, out_dir, command, env, cwd
        self.stop_with_parent = stop_with_parent
        self.process: subprocess.Popen | None = None
        self.errors = out_dir.with_name(out_dir.name + ".log")
        self.waiting = 0  # requests sent and not answered

    def request(self, full: bool) -> None:
        """Start a build: in full (an empty output folder first), or of the changed pages alone."""
        if self.process is not None and self.process.poll() is None:
            self.answer()  # a build the preview gave up on (it failed meanwhile): let it finish
        else:
            self._start()
            full = True
        self.process.stdin.write(json.dumps({"full": full}) + "\n")
        self.process.stdin.flush()
        self.waiting = 1

    def _start(self) -> None:
        shutil.rmtree(self.out_dir, ignore_errors=True)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        with open(self.errors, "w", encoding="utf-8") as errors:
            self.process = subprocess.Popen(self.command, env=self.env, cwd=self.cwd, text=True, encoding="utf-8",
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
                                            preexec_fn=self.stop_with_parent)

    def answer(self) -> tuple[int, str]:
        """Wait for the build: its exit code and its log."""
        result = (0, "")
        while self.waiting:
            line = self.process.stdout.readline()
            if not line:  # the process ended
                self.process.wait()
                self.waiting = 0
                crash = self.errors.read_text(encoding="utf-8", errors="replace") if self.errors.is_file() else ""
                return 1, f"ERROR    -  the build process stopped (exit code {self.process.returncode})\n{crash}"
            self.waiting -= 1
            answer = json.loads(line)
            result = (answer["code"], answer["log"])
        return result

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.stdin.close()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            self.process.stdout.close()
            self.process = None
        shutil.rmtree(self.out_dir, ignore_errors=True)
        self.errors.unlink(missing_ok=True)


class Preview:
    """What each rebuild of the preview redoes in each language, and the other languages' workers."""

    def __init__(self, languages: Iterable[str], default: str, content_dir: Path) -> None:
        self.languages = tuple(languages)
        self.default = default
        self.content_dir = content_dir
        self.snapshot: inputs.Snapshot | None = None
        self.current: set[str] = set()  # languages whose output a dirty build can bring up to date
        self.unfinished: set[str] = set()  # languages whose last planned build did not succeed
        self.workers: dict[str, Worker] = {}
        self.plans: dict[str, str] = {}
        self.records: dict[str, list[dict[str, Any]]] = {}

    def plan(self, watched: Iterable[Path]) -> dict[str, str]:
        """Compare the inputs with the last rebuild's: what each language must redo now."""
        after = inputs.take(watched, self.snapshot)
        if self.snapshot is None:
            plans = dict.fromkeys(self.languages, inputs.ALL)
        else:
            changes = inputs.compare(self.snapshot, after, self.content_dir, self.languages)
            plans = inputs.plan(changes, after, self.content_dir, self.languages)
        for lang in self.languages:
            # Never built, or a full build failed after emptying the output. (A dirty build that failed
            # left the output as it was but for pages already rendered anew: the next renders the rest.)
            if lang not in self.current:
                plans[lang] = inputs.ALL
            elif lang in self.unfinished and plans[lang] == inputs.NONE:
                plans[lang] = inputs.PAGES  # what the last build did not get to
            if plans[lang] == inputs.ALL:
                self.current.discard(lang)
            if plans[lang] != inputs.NONE:
                self.unfinished.add(lang)
        self.snapshot, self.plans = after, plans
        return plans

    def start(self, lang: str, make: Callable[[], Worker]) -> None:
        """Start the language's build if its plan asks for one (``make`` gives a new worker; one
        whose command or environment changed is replaced)."""
        if self.plans.get(lang, inputs.ALL) == inputs.NONE:
            return
        wanted = make()
        worker = self.workers.get(lang)
        if worker is None or (worker.command, worker.env) != (wanted.command, wanted.env):
            if worker is not None:
                worker.stop()
            worker = self.workers[lang] = wanted
        worker.request(full=self.plans.get(lang) == inputs.ALL)

    def finish(self, lang: str, site_dir: Path, root: str, check: Callable[[int, str], None]) -> list[dict]:
        """Wait for the language's build, if one was started; ``check`` stops the build on its failure.
        Then mirror its output into the served site at ``root`` (``en/``): its records for the sitemap."""
        worker = self.workers.get(lang)
        if worker is None:
            raise RuntimeError(f"no build of {lang} was started")
        if worker.waiting:
            code, output = worker.answer()
            check(code, output)
            manifest = worker.out_dir / MANIFEST_NAME
            self.records[lang] = json.loads(manifest.read_text(encoding="utf-8"))["records"]
            self.built(lang)
        mirror(worker.out_dir, site_dir / root, leave_out=(MANIFEST_NAME, "sitemap.xml", "sitemap.xml.gz"))
        return self.records[lang]

    def built(self, lang: str) -> None:
        """The language's build succeeded: its output matches the inputs the plan saw."""
        self.current.add(lang)
        self.unfinished.discard(lang)

    def stop(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        self.workers = {}


def clean_except(site_dir: Path, keep: Iterable[str]) -> None:
    """Empty the served folder for a full rebuild, but the other languages' folders (mirrored after)."""
    keep = set(keep)
    if not site_dir.is_dir():
        return
    for entry in os.scandir(site_dir):
        if entry.name.startswith(".") or entry.name in keep:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)


def worker_command(engine: str, config_file: str, out_dir: Path) -> list[str]:
    return [sys.executable, "-m", "dienbien.i18n.worker", engine, config_file, str(out_dir)]
