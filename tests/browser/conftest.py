"""A real Chromium (Debian's, never a downloaded one) driven by Playwright over the built
site, served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

#: Names the folder where screenshots are kept for a person to look at (``make test``, which CI runs, sets
#: ``test-artifacts``); unset, they go to a temporary folder and the checkout stays untouched.
ARTIFACTS_ENV = "DIENBIEN_TEST_ARTIFACTS"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    path = os.environ.get("DIENBIEN_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(path):
        pytest.fail(f"no Chromium at {path}: install Debian's package (apt-get install chromium) "
                    "or set DIENBIEN_CHROMIUM to a Chromium or Chrome binary")
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def start_materials_script():
    """Scroll as a reader would: the first move loads Material's script (site_src/partials/scripts.html)."""
    def start(page) -> None:
        page.mouse.wheel(0, 300)
        page.wait_for_function("window.component$ !== undefined", timeout=15000)
    return start


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where a test saves what a person may want to look at afterwards (screenshots)."""
    named = os.environ.get(ARTIFACTS_ENV)
    if not named:
        return tmp_path_factory.mktemp("artifacts")
    folder = Path(named).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder
