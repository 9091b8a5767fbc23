"""The same project builds under ProperDocs, and `mkdocs serve` rebuilds on data changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from sitebuild import Site, build_env, build_site, copy_project

pytestmark = pytest.mark.slow


def test_properdocs_builds_the_same_pages(site: Site, tmp_path):
    proper = build_site(copy_project(tmp_path / "p"), engine="properdocs")
    assert proper.html_paths() == site.html_paths()
    # both languages were built by ProperDocs itself (its version is in Material's generator tag)
    import properdocs

    for path in ("", "en/"):
        generator = proper.page(path).select_one("meta[name=generator]")["content"]
        assert f"ProperDocs {properdocs.__version__}" in generator, generator
    assert proper.page("en/history/").html["lang"] == "en"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_previews_both_languages_and_rebuilds_on_data_change(tmp_path):
    project = copy_project(tmp_path / "p")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "429,227" in fetch(base + "en/") or "310,000" in fetch(base + "en/"))
        assert 'lang="vi"' in fetch(base)
        figures = project / "data/figures/tourist_visits_2026_jan_feb.yml"
        figures.write_text(figures.read_text(encoding="utf-8").replace("value: 310000", "value: 320000"),
                           encoding="utf-8")
        wait_for(lambda: "320,000" in fetch(base + "en/") and "320.000" in fetch(base))
    finally:
        server.terminate()
        server.wait(timeout=30)
