"""`make serve` (`mkdocs serve --dirty`) on a copy of the project: a saved page shows in its language,
what the change does not reach keeps its output (the other language's pages are not built again),
the menus and search still hold every page, a new title reaches every menu, and a build error
(Material's script that cannot be patched) stops the rebuild until it is mended."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import material
import pytest
from bs4 import BeautifulSoup

from sitebuild import build_env, copy_project

pytestmark = pytest.mark.slow

VI_PAGE = "lich-su/index.md"  # served at lich-su/; its English version's address comes from its language link
OTHER_VI = "van-hoa/index.html"
MATERIAL_BUNDLE = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = predicate()
            if found:
                return found
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; the server said:\n{log.read_text(encoding='utf-8')[-6000:]}")


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def nav(html: str) -> str:
    """The page's menu (Material's primary navigation), as HTML."""
    return str(BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary"))


def search_pages(served: Path, prefix: str = "") -> set[str]:
    index = json.loads((served / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def pages(changed: set[str], english: bool) -> set[str]:
    """The pages (``…/index.html``) of one language among ``changed``, but the browser editor's."""
    return {p for p in changed if p.endswith("index.html") and p.startswith("en/") == english
            and not p.startswith(("admin/", "en/admin/"))}


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(f"\n{text}\n")


def start_serve(project: Path, tmp: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=dict(build_env(), TMPDIR=str(tmp)), stdout=out,
                                  stderr=subprocess.STDOUT)
    return server, f"http://127.0.0.1:{port}/"


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()  # SIGTERM, as Ctrl-C: MkDocs and the i18n plugin clean up
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_saved_page_shows_in_its_language_and_the_rest_keeps_its_output(tmp_path):
    project = copy_project(tmp_path / "p")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    log = tmp_path / "serve.log"
    server, base = start_serve(project, tmp, log)
    try:
        wait_for(lambda: 'lang="en"' in fetch(base + "en/"), 600, "the first build", log)
        served = next(p for p in tmp.iterdir() if p.name.startswith("mkdocs_"))
        vi_url = base + "lich-su/"
        english = BeautifulSoup(fetch(vi_url), "html.parser").find("link", rel="alternate", hreflang="en")
        en_url = base + urlsplit(english["href"]).path.lstrip("/")
        first_nav = nav(fetch(vi_url))
        first_search = search_pages(served)
        assert "lich-su/" in first_search and len(first_search) > 50

        # A Vietnamese page: it shows; no English file and no other Vietnamese page is written again.
        before = mtimes(served)
        append(project / "content/vi" / VI_PAGE, "Đoạn mới xemthuvi.")
        wait_for(lambda: "xemthuvi" in fetch(vi_url), 120, "the saved Vietnamese page", log)
        after = mtimes(served)
        changed = {p for p in after if after[p] != before.get(p)}
        assert pages(changed, english=False) == {"lich-su/index.html"}
        assert not [p for p in changed if p.startswith("en/")], sorted(changed)
        assert after.keys() == before.keys()
        # the pages not rendered again keep their titles in the saved page's menu, and their search entries
        assert nav(fetch(vi_url)) == first_nav
        assert search_pages(served) == first_search
        assert "xemthuvi" in (served / "search/search_index.json").read_text(encoding="utf-8")

        # An English page: it shows; the other English pages and the Vietnamese pages keep their output.
        before = mtimes(served)
        append(project / "content/en" / VI_PAGE, "A new paragraph xemthuen.")
        wait_for(lambda: "xemthuen" in fetch(en_url), 120, "the saved English page", log)
        after = mtimes(served)
        changed = {p for p in after if after[p] != before.get(p)}
        assert pages(changed, english=True) == {urlsplit(en_url).path.lstrip("/") + "index.html"}
        assert not pages(changed, english=False), sorted(changed)
        assert after.keys() == before.keys()
        assert "xemthuen" in (served / "en/search/search_index.json").read_text(encoding="utf-8")

        # A new title: every page's menu shows it (the whole language is built again).
        source = project / "content/vi" / VI_PAGE
        source.write_text(source.read_text(encoding="utf-8").replace("# Lịch sử\n", "# Lịch sử vùng đất\n", 1),
                          encoding="utf-8")
        wait_for(lambda: "Lịch sử vùng đất" in nav(fetch(base + OTHER_VI.removesuffix("index.html"))), 120,
                 "the new title in another page's menu", log)

        # Material's script that no longer matches the patch: the rebuild stops, in both languages…
        bundle = MATERIAL_BUNDLE
        override = project / "site_src/assets/javascripts" / bundle.name
        override.parent.mkdir(parents=True, exist_ok=True)
        override.write_text("console.log(1)", encoding="utf-8")
        wait_for(lambda: "Material's script cannot be patched" in log.read_text(encoding="utf-8"), 120,
                 "the build error", log)
        assert server.poll() is None  # the preview waits for the fix
        # … until it is mended: the pages come back with the patched script.
        override.unlink()
        append(project / "content/vi" / VI_PAGE, "Đoạn sau khi sửa xemthulai.")
        wait_for(lambda: "xemthulai" in fetch(vi_url, timeout=120), 300, "the rebuild after the fix", log)
        script = fetch(base + f"assets/javascripts/{bundle.name}")
        assert 'link[rel=alternate]:not([hreflang])' in script
        assert 'link[rel=alternate]:not([hreflang])' in fetch(base + f"en/assets/javascripts/{bundle.name}")
    finally:
        stop(server)
    # stopping leaves nothing behind: the served folder and the English build's folder are gone
    assert not list(tmp.iterdir()), list(tmp.iterdir())


def test_serve_does_not_start_when_materials_script_cannot_be_patched(tmp_path):
    project = copy_project(tmp_path / "p")
    bundle = MATERIAL_BUNDLE
    override = project / "site_src/assets/javascripts" / bundle.name
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(bundle.read_text(encoding="utf-8").replace('M("link[rel=alternate]")', 'M("link")'),
                        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "Material's script cannot be patched" in result.stdout + result.stderr
