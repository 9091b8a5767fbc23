"""Pages open with no connection once seen, and the essentials without ever being opened.

The site is served from a private copy by a server the test can stop: going offline both
switches Chromium's network off and takes the server away, so a page that opens afterwards
can only have come from the service worker's cache.
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dienbien.core.data.uistrings import strings
from dienbien.core.site.offline import write_service_worker

pytestmark = pytest.mark.slow

#: offline_essentials of mkdocs.yml, as site paths in each language.
ESSENTIALS = {"vi": ["", "chuyen-di/", "chuyen-di/ban-do/"],
              "en": ["en/", "en/plan-your-trip/", "en/plan-your-trip/map/"]}
VISITED = ["lich-su/di-tich/doi-a1/", "en/culture/ethnic-groups/mong/"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Server:
    def __init__(self, root) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served(site, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site.root, root)
    server = Server(root)
    yield root, server
    server.stop()


def saved_pages(page) -> list[str]:
    """The pages in the service worker's cache, once the worker is active."""
    return page.evaluate("""async () => {
        await navigator.serviceWorker.ready;
        const urls = [];
        for (const key of await caches.keys()) {
          for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
        }
        return urls.filter((url) => url.endsWith("/")); }""")


def wait_until_saved(page, count: int) -> list[str]:
    """Until the cache holds ``count`` pages (the worker saves them in the background)."""
    for _ in range(300):
        pages = saved_pages(page)
        if len(pages) >= count:
            return pages
        page.wait_for_timeout(100)
    raise AssertionError(f"only these pages were saved: {pages}")


def online_headings(browser, url: str, paths: list[str], viewport: dict) -> dict[str, str]:
    """Each page's heading as a reader online sees it, read in a browser of its own that runs no
    service worker, so the pages under test are neither opened nor saved by it."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    try:
        headings = {}
        for path in paths:
            response = page.goto(url + path)
            assert response is not None and response.ok, path
            headings[path] = page.locator("h1").first.inner_text()
            assert headings[path].strip(), f"{path} has no heading"
        return headings
    finally:
        context.close()


def test_visited_and_essential_pages_open_offline_in_both_languages(browser, served):
    root, server = served
    viewport = {"width": 390, "height": 844}
    headings = online_headings(browser, server.url, VISITED + ESSENTIALS["vi"] + ESSENTIALS["en"], viewport)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for path in VISITED:
            page.goto(server.url + path)
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # a reader stays a moment
        wait_until_saved(page, len(ESSENTIALS["vi"]) + len(ESSENTIALS["en"]) + len(VISITED))

        context.set_offline(True)
        server.stop()
        for path, heading in headings.items():
            response = page.goto(server.url + path)
            assert response is not None and response.ok, path
            lang = "en" if path.startswith("en/") else "vi"
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator("h1").first.inner_text() == heading, path
            notice = page.locator("#db-offline")
            assert notice.is_visible(), path
            assert notice.inner_text() == strings(lang, "offline")["notice"]

        # The language switcher still lands on the counterpart when that page is saved.
        page.goto(server.url + "en/plan-your-trip/")
        page.locator(".md-header__option .md-select").hover()
        page.locator('a.md-select__link[hreflang="vi"]').click()
        page.wait_for_load_state()
        assert page.url == server.url + "chuyen-di/"
        assert page.locator("html").get_attribute("lang") == "vi"

        # A page never opened: a page in the reader's language that says so and lists what is saved.
        response = page.goto(server.url + "en/agriculture/")
        assert response is not None and response.status == 503
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text() == strings("en", "offline")["title"]
        saved = [a.get_attribute("href") for a in page.locator("main a").all()]
        assert saved == [server.url + path for path in ESSENTIALS["en"]]
    finally:
        context.close()


def test_a_new_build_replaces_the_saved_copies(browser, served):
    root, server = served
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + "en/")
        wait_until_saved(page, len(ESSENTIALS["vi"]) + len(ESSENTIALS["en"]))
        first = page.evaluate("caches.keys()")
        assert len(first) == 1

        # The next build changes a page; the build writes a worker with a new version.
        home = root / "en" / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (2)</h1>", 1), encoding="utf-8")
        write_service_worker(root, ESSENTIALS, "vi", "mkdocs.yml")
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        for _ in range(300):
            keys = page.evaluate("caches.keys()")
            if keys != first and len(keys) == 1:
                break
            page.wait_for_timeout(100)
        assert len(keys) == 1 and keys != first, keys

        context.set_offline(True)
        server.stop()
        page.goto(server.url + "en/")
        assert page.locator("h1").first.inner_text().endswith("(2)")
    finally:
        context.close()
