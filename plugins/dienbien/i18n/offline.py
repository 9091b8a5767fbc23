"""Reading offline: the MkDocs side of :mod:`dienbien.core.site.offline`.

Each page saved for offline reading (``offline_essentials`` in ``mkdocs.yml``) must exist; the
offline notice goes into every page; after the last language's build, the default language's
build writes the service worker (``sw.js``) over the whole site. ``mkdocs serve`` installs no
worker and shows no notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ..core.data.uistrings import strings
from ..core.errors import SiteDataError, display_path
from ..core.site.offline import FileHash, write_service_worker


@dataclass(frozen=True)
class OfflineReading:
    essentials: tuple[str, ...]
    """The pages saved on a visitor's first visit, by their path under ``content/<language>/``."""
    previewing: bool
    """Under ``mkdocs serve``."""

    @property
    def enabled(self) -> bool:
        """Pages are saved for offline reading in production builds (not while previewing)."""
        return bool(self.essentials) and not self.previewing

    def check(self, files: Files, config: MkDocsConfig, docs_dir: Path, root: Path) -> None:
        """Each essential page must exist; the error points at its line in mkdocs.yml."""
        for src in self.essentials:
            if files.get_file_from_path(src) is None:
                lines = Path(config.config_file_path).read_text(encoding="utf-8").splitlines()
                line = next((n for n, text in enumerate(lines, 1) if text.strip() == f"- {src}"), None)
                where = display_path(config.config_file_path, root) + (f":{line}" if line else "")
                raise PluginError(f"{where}: offline_essentials: there is no page {src} in "
                                  f"{display_path(docs_dir, root)}; list pages by their "
                                  "path under content/<language>/, e.g. chuyen-di/index.md")

    def notice(self, lang: str):
        """What ``main.html`` shows a reader who has lost the connection (``offline``), or False."""
        return self.enabled and strings(lang, "offline")

    def write_worker(self, site_dir: Path, languages: Iterable[str], default: str,
                     address: Callable[[str, str], str | None], config_file: str, root: Path,
                     known: Mapping[str, FileHash] | None = None) -> None:
        """``sw.js`` at the root of the whole built site (every language's output in place);
        ``known``: the files each language's build hashed as it finished (see ``site_version``)."""
        if not self.enabled:
            return
        essentials = {lang: [address(src, lang) for src in self.essentials if address(src, lang) is not None]
                      for lang in languages}
        try:
            write_service_worker(site_dir, essentials, default, display_path(config_file, root), known)
        except SiteDataError as e:
            raise PluginError(str(e)) from e
