"""The files a build publishes beside its pages: the QR signs (short pages, sign sheets) and the
open-data files, and the blocks that list them (``{{ block.signs }}`` on the list of signs,
``{{ block.open_data.files }}``, ``.licence`` and ``.publishers`` on the open-data page).

A thin adapter: the work is in :mod:`dienbien.core.publish.signs` and :mod:`dienbien.core.publish.opendata`.
Every language's build computes the same files (they list their sizes); only the build of the
default language, at the site root, writes them, once for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.data.figures import Source
from ..core.data.languages import Languages
from ..core.errors import SiteDataError
from ..core.publish import opendata
from ..core.publish import signs as signs_core
from ..core.publish.sitedata import SiteData
from ..core.site.addresses import SLUGS_FILE, default_path, page_addresses

#: What ``{{ block.open_data.PART }}`` shows: the table of files, the licence, the publishers credited.
OPEN_DATA_PARTS = ("files", "licence", "publishers")
#: The pages that show the blocks, the same key in every language.
SIGNS_PAGE = "bien-bao.md"
OPEN_DATA_PAGE = "du-lieu-mo.md"


@dataclass
class Published:
    lang: str
    default: str
    languages: Languages
    addresses: dict[str, dict[str, str]]
    signs: list[signs_core.Sign]
    data_files: list[opendata.DataFile]
    sources: list[Source]
    site_names: dict[str, str]

    @property
    def writes(self) -> bool:
        """Only the default language's build writes the shared files (at the site root)."""
        return self.lang == self.default

    def files(self) -> dict[str, bytes]:
        """Site path (from the site root) → bytes of every file to publish."""
        out: dict[str, bytes] = {}
        if self.signs:
            lists = {lang: self.address(SIGNS_PAGE, lang) for lang in self.languages}
            out.update({path: text.encode("utf-8") for path, text in
                        signs_core.sign_files(self.signs, self.languages, self.site_names, lists).items()})
        out.update({f.path: f.content for f in self.data_files})
        return out

    def address(self, src: str, lang: str) -> str:
        return _address(self.addresses, src, lang, self.default)

    def signs_html(self, src: str) -> str:
        return signs_core.signs_list_html(self.signs, self.lang, self.address(src, self.lang))

    def open_data_block(self, part: str, src: str, shown: str, line: int) -> str:
        """``{{ block.open_data.files }}``, ``.licence`` or ``.publishers``."""
        if part == "files":
            return opendata.open_data_html(self.data_files, self.lang, self.address(src, self.lang))
        if part == "licence":
            return opendata.licence_html(self.lang)
        if part == "publishers":
            return opendata.publishers_html(self.sources, self.lang)
        raise SiteDataError(shown, line, f"unknown block 'open_data.{part}'",
                            "blocks are: " + ", ".join(f"open_data.{p}" for p in OPEN_DATA_PARTS))


def published(data: SiteData, config: MkDocsConfig, data_dir: Path, root: Path, languages: Languages) -> Published:
    """What this build publishes, from the i18n plugin's settings (its addresses, root address and
    site names) when it runs, else from this build's own configuration. The signs lead to every
    language; the open-data files hold the languages whose translation is complete."""
    i18n = config.plugins.get("dienbien/i18n")
    lang = config.theme["language"]
    settings = getattr(i18n, "config", None)
    default = languages.default
    root_url = getattr(i18n, "root_url", None) or config.site_url
    if getattr(i18n, "command", "build") == "serve":
        # A preview's site_url is the preview's own address; a sheet printed from it still holds
        # the production address of mkdocs.yml.
        root_url = _configured_site_url(Path(config.config_file_path)) or root_url
    root_url = root_url if root_url.endswith("/") else root_url + "/"
    addresses = getattr(i18n, "addresses", None)
    if addresses is None:
        addresses = page_addresses(Path(config.docs_dir).parent, languages, default, data_dir / SLUGS_FILE, root,
                                   config.use_directory_urls)
    site_names = {code: (settings.languages[code].site_name if settings and code in settings.languages
                         else config.site_name) for code in languages}

    def address(src: str, code: str) -> str:
        return _address(addresses, src, code, default)

    all_signs = (signs_core.signs(data.places, root_url, lambda p: {code: address(p.page, code) for code in languages})
                 if data.places else [])
    docs = {code: root_url + address(OPEN_DATA_PAGE, code) for code in languages.complete}
    files = opendata.data_files(data, addresses, root_url, languages.complete, docs, site_names,
                                lambda key: root_url + signs_core.short_path(key))
    return Published(lang, default, languages, addresses, all_signs, files, opendata.cited_sources(data),
                     site_names)


def _address(addresses: dict[str, dict[str, str]], src: str, lang: str, default: str) -> str:
    """A page's address from the site root in ``lang`` (a page made from data that the table
    does not hold keeps its path words, under the language's folder)."""
    found = addresses.get(src, {}).get(lang)
    return found if found is not None else ("" if lang == default else f"{lang}/") + default_path(src)


def _configured_site_url(config_file: Path) -> str | None:
    """``site_url`` as mkdocs.yml writes it (``mkdocs serve`` replaces it with its own address)."""
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config_file.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None
