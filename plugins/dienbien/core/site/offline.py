"""Reading the site with no connection: the service worker ``sw.js`` at the site's root.

Pages are fetched from the network first and kept in the browser's cache as the visitor
opens them; when the network fails (or stays silent for a few seconds on a weak mountain
connection) the saved copy is shown, with a notice. An "essentials" set of pages in every
language (the front page, getting there, the map…) and the files they need are saved when
the visitor first arrives. The worker's cache is named after a hash of the whole built
site, so a new build replaces every stale copy and an unchanged build changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..data.uistrings import strings
from ..errors import SiteDataError

WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("sw.js")
# What a visitor reads offline is each language's ``offline`` strings (core/data/strings/): ``notice``
# is shown above a saved page; ``title``/``body``/``home`` make the page shown for one never saved.


class _References(HTMLParser):
    """Files a page loads: stylesheets, scripts, icons and images (not links to other pages)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon"}:
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "script" and a.get("data-src"):  # loaded at the first interaction (partials/scripts.html)
            self.urls.append(a["data-src"])
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path


def _local(page: str, url: str) -> str | None:
    """The site path ``url`` points to from the page at site path ``page``, or None if external."""
    if "://" in url or url.startswith(("//", "data:", "#", "mailto:")):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    resolved = posixpath.normpath(posixpath.join("/" + base, url)).lstrip("/")
    return None if resolved.startswith("..") else resolved


@dataclass(frozen=True)
class FileHash:
    """A file's SHA-256, with the size and modification time it had when it was read."""
    size: int
    mtime_ns: int
    sha256: str

    def to_json(self) -> list:
        return [self.size, self.mtime_ns, self.sha256]

    @classmethod
    def from_json(cls, value: list) -> FileHash:
        return cls(int(value[0]), int(value[1]), str(value[2]))


#: How far a file's time may lag the clock: file times come from the kernel's coarse clock.
CLOCK_SLACK_NS = 50_000_000


def written_hash(data: bytes) -> tuple[int, str]:
    """What :func:`hash_files` takes for a file from the bytes written to it (size, SHA-256)."""
    return len(data), hashlib.sha256(data).hexdigest()


def hash_files(folder: Path, known: Mapping[str, FileHash] | None = None, leave_out: Iterable[str] = (),
               written: Mapping[str, tuple[int, str]] | None = None, written_before: int = 0
               ) -> dict[str, FileHash]:
    """Every file under ``folder`` by its path there (``en/index.html``), hashed on every core
    (hashlib lets go of the interpreter while it hashes). A file found in ``known`` with the same
    size and modification time is not read again. ``leave_out``: top-level names to skip.

    ``written``: files hashed from the bytes as they were written (:func:`written_hash`: the pages,
    from the HTML MkDocs writes), trusted for a file of that size last changed before
    ``written_before`` (``time.time_ns()``, taken once they were all written): a file changed
    afterwards has a later time, and is read."""
    known = known or {}
    written = written or {}
    found: dict[str, os.stat_result] = {}
    skip = set(leave_out)
    for dirpath, dirnames, filenames in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        if not prefix:
            dirnames[:] = [d for d in dirnames if d not in skip]
        for name in filenames:
            if prefix or name not in skip:
                found[prefix + name] = os.stat(os.path.join(dirpath, name))
    hashes = {path: known[path] for path, st in found.items()
              if path in known and (known[path].size, known[path].mtime_ns) == (st.st_size, st.st_mtime_ns)}
    hashes.update({path: FileHash(st.st_size, st.st_mtime_ns, written[path][1]) for path, st in found.items()
                   if path not in hashes and path in written and written[path][0] == st.st_size
                   and st.st_mtime_ns < written_before - CLOCK_SLACK_NS})
    unread = [path for path in found if path not in hashes]
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 1) as pool:
        for path, sha in zip(unread, pool.map(lambda p: _sha256(folder / p), unread, chunksize=64), strict=True):
            hashes[path] = FileHash(found[path].st_size, found[path].st_mtime_ns, sha)
    return hashes


def site_version(site_dir: Path, known: Mapping[str, FileHash] | None = None) -> str:
    """A hash of every file of the built site: the same for the same build, new for any change.

    ``known``: files already hashed as their build finished them (each language's process hashes
    its own output, the default language's while it waits for the others), read again only if
    they have changed since. Otherwise the whole site is read here, at the very end of the build."""
    hashes = hash_files(site_dir, known, leave_out=[WORKER])
    digest = hashlib.sha256()
    for path in sorted(hashes):
        digest.update(path.encode() + b"\0" + bytes.fromhex(hashes[path].sha256))
    return digest.hexdigest()[:16]


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def service_worker(site_dir: Path, essentials: dict[str, list[str]], default: str, config_file: str,
                   known: Mapping[str, FileHash] | None = None) -> str:
    """The worker's script for a built site.

    ``essentials`` maps each language to the site paths of its essential pages (``""``,
    ``"chuyen-di/"``, ``"en/chuyen-di/"``…), each of which must exist.
    """
    precache: list[str] = []
    pages: dict[str, list[dict[str, str]]] = {}
    for lang, paths in essentials.items():
        pages[lang] = []
        for path in paths:
            file = _page_file(site_dir, path)
            if not file.is_file():
                raise SiteDataError(config_file, None, f"offline essentials: there is no page at /{path}",
                                    "list pages by their Markdown path, e.g. chuyen-di/index.md")
            refs = _References()
            refs.feed(file.read_text(encoding="utf-8"))
            title = refs.title.split(" - ")[0].strip() or strings(lang, "offline")["home"]
            pages[lang].append({"url": path, "title": title})
            precache.append(path)
            for url in refs.urls:
                local = _local(path, url)
                if local and (site_dir / local).is_file():
                    precache.append(local)
    script = TEMPLATE.read_text(encoding="utf-8")
    values = {
        "VERSION": site_version(site_dir, known),
        "PRECACHE": sorted(set(precache)),
        "PAGES": pages,
        "TEXT": {lang: strings(lang, "offline") for lang in essentials},
        "LANGUAGES": [lang for lang in essentials if lang != default],
        "DEFAULT": default,
    }
    for name, value in values.items():
        script = script.replace(f"/*{name}*/null", json.dumps(value, ensure_ascii=False, sort_keys=True))
    return script


def write_service_worker(site_dir: Path, essentials: dict[str, list[str]], default: str, config_file: str,
                         known: Mapping[str, FileHash] | None = None) -> None:
    (site_dir / WORKER).write_text(service_worker(site_dir, essentials, default, config_file, known),
                                   encoding="utf-8")
