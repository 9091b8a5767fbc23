"""Search answers what a visitor means, in both languages, with clean results.

Queries are typed into the real search box of the built site in Chromium and answered by the
site's search worker (Material's worker plus assets/javascripts/workers/site-search.js). The
page's messages to and from the worker are watched, so each check reads the results of the
query it typed, not those of an earlier keystroke.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.slow

#: Counts what the page asks the search worker and when it answers (Material's messages: 0 sets
#: the index up, 1 says it is ready, 2 is a query, 3 its results).
WATCH_WORKER = """(() => {
  const Native = window.Worker;
  window.__search = {ready: false, asked: null, sent: 0, received: 0, worker: null};
  window.Worker = function (url, options) {
    const worker = new Native(url, options), post = worker.postMessage.bind(worker);
    window.__search.worker = String(url);
    worker.postMessage = message => {
      if (message && message.type === 2) {
        window.__search.asked = message.data;
        window.__search.sent += 1;
      }
      return post(message);
    };
    worker.addEventListener("message", ({data}) => {
      if (data && data.type === 1) window.__search.ready = true;
      if (data && data.type === 3) window.__search.received += 1;  // answers come in the order asked
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();"""

RESULTS = """() => [...document.querySelectorAll("li.md-search-result__item")].map(item => ({
  page: new URL(item.querySelector("a.md-search-result__link").href).pathname,
  title: item.querySelector("h1, h2").innerText,
  text: item.innerText,
  html: item.innerHTML,
  marks: [...item.querySelectorAll("mark")].map(mark => ({text: mark.textContent, children: mark.children.length})),
}))"""

#: Place pages (historic sites and destinations, and the folder pages that list them) carry ticket prices.
PLACES = re.compile(r"^/(lich-su/di-tich|du-lich/diem-den|en/history/sites|en/travel/destinations)/([^/]+/)?$")


def open_search(page, base_url: str, home: str) -> None:
    page.add_init_script(WATCH_WORKER)
    page.goto(base_url + home)
    page.locator("input.md-search__input").focus()
    page.wait_for_function("window.__search && window.__search.ready", timeout=60000)


def answered(page, query: str, timeout: float = 30000) -> bool:
    try:
        page.wait_for_function("q => window.__search.asked === q && window.__search.received === window.__search.sent",
                               arg=query, timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True


def search(page, query: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.fill(query)
    assert answered(page, query), f"the search worker was never asked {query!r}"
    return page.evaluate(RESULTS)


def pages(results: list[dict]) -> list[str]:
    return [r["page"] for r in results]


def assert_clean(results: list[dict], query: str) -> None:
    """Highlighting wraps whole words in one <mark> each: no markup shows as text."""
    assert results, f"no results for {query!r}"
    for r in results:
        assert not re.search(r"rk>|</?ma\b|mark>|&lt;/?mark", r["text"] + r["html"].replace("<mark>", "")
                             .replace("</mark>", "")), (query, r["page"], r["text"][:300])
        assert all(m["text"].strip() and m["children"] == 0 for m in r["marks"]), (query, r["page"], r["marks"])


@pytest.fixture
def vi(page, base_url):
    open_search(page, base_url, "")
    return page


@pytest.fixture
def en(page, base_url):
    open_search(page, base_url, "en/")
    return page


def test_search_runs_in_the_sites_worker(vi):
    assert re.search(r"(^|/)assets/javascripts/workers/site-search\.js\?material=search\.[0-9a-f]+\.min\.js$",
                     vi.evaluate("window.__search.worker"))


# -- Vietnamese ------------------------------------------------------------------------------------

def test_ticket_prices(vi):
    for query in ("giá vé", "gia ve"):
        results = search(vi, query)
        assert_clean(results, query)
        first = results[0]["page"]
        assert first == "/chuyen-di/" or PLACES.match(first), (query, pages(results)[:5])
        assert not any(p.startswith("/van-hoa/dan-toc/") for p in pages(results)[:3]), (query, pages(results)[:5])


def test_the_bus_from_ha_noi(vi):
    for query in ("xe khách hà nội", "xe khach ha noi"):
        results = search(vi, query)
        assert_clean(results, query)
        assert pages(results)[0] == "/chuyen-di/", (query, pages(results)[:5])
        assert "/van-hoa/dan-toc/ha-nhi/" not in pages(results)[:2], (query, pages(results)[:5])


def test_the_ban_flower(vi):
    results = search(vi, "hoa ban")
    assert_clean(results, "hoa ban")
    assert pages(results)[0] in ("/du-lich/", "/du-lich/le-hoi/"), pages(results)[:5]
    assert "/lich-su/di-tich/thanh-ban-phu/" not in pages(results)[:3], pages(results)[:5]


def test_the_festivals_of_2027(vi):
    results = search(vi, "lễ hội 2027")
    assert_clean(results, "lễ hội 2027")
    assert pages(results)[0] == "/du-lich/le-hoi/", pages(results)[:5]


def test_coffee(vi):
    results = search(vi, "cà phê")
    assert_clean(results, "cà phê")
    assert pages(results)[0] == "/nong-nghiep/", pages(results)[:5]
    results = search(vi, "mua cà phê")
    assert_clean(results, "mua cà phê")
    assert pages(results)[0] in ("/nong-nghiep/", "/chuyen-di/"), pages(results)[:5]


def test_homestays(vi):
    results = search(vi, "homestay")
    assert_clean(results, "homestay")
    assert "/chuyen-di/" in pages(results)[:3], pages(results)[:5]


def test_tone_marks_typed_in_the_newer_place(vi):
    """Keyboards now write "hoá"; the site writes "hóa". Both find the culture section."""
    for query in ("văn hoá", "văn hóa"):
        results = search(vi, query)
        assert_clean(results, query)
        assert pages(results)[0] == "/van-hoa/", (query, pages(results)[:5])


def test_a_syllable_typed_in_full_is_not_a_prefix(vi):
    """"giá " is a whole syllable: it does not find "Giáy" (the last word still does, as it is typed)."""
    results = search(vi, "giá vé")
    assert all("Giáy" not in r["title"] for r in results), pages(results)
    assert "/van-hoa/dan-toc/giay/" in pages(search(vi, "giá"))


def test_exact_accents_come_first(vi):
    """Typed without diacritics, "ban" is first the word written so (hoa ban), then its namesakes (bản)."""
    found = pages(search(vi, "ban"))
    assert found.index("/du-lich/") < found.index("/chuyen-di/ban-do/"), found[:10]
    assert pages(search(vi, "bản đồ"))[0] == "/chuyen-di/ban-do/"
    for query in ("Mường Phăng", "muong phang"):
        assert pages(search(vi, query))[0] == "/lich-su/di-tich/muong-phang/", query


# -- English ---------------------------------------------------------------------------------------

def test_english_ticket_prices(en):
    results = search(en, "ticket price")
    assert_clean(results, "ticket price")
    first = results[0]["page"]
    assert first == "/en/plan-your-trip/" or PLACES.match(first), pages(results)[:5]


def test_english_bus_from_ha_noi(en):
    for query in ("bus from Hà Nội", "bus from Hanoi", "bus from Ha Noi"):
        results = search(en, query)
        assert_clean(results, query)
        assert pages(results)[0] == "/en/plan-your-trip/", (query, pages(results)[:5])


def test_english_coffee(en):
    results = search(en, "coffee")
    assert_clean(results, "coffee")
    assert pages(results)[0] == "/en/agriculture/", pages(results)[:5]


def test_english_homestays(en):
    results = search(en, "homestay")
    assert_clean(results, "homestay")
    assert "/en/plan-your-trip/" in pages(results)[:3], pages(results)[:5]


def test_english_ban_flower_festival(en):
    results = search(en, "Ban flower festival")
    assert_clean(results, "Ban flower festival")
    assert pages(results)[0] in ("/en/travel/", "/en/travel/festivals/"), pages(results)[:5]


def test_english_names_typed_without_diacritics(en):
    """English readers type "Dien Bien Phu" and "Muong Phang"; the pages write Điện Biên Phủ, Mường Phăng."""
    for query, expected in (("dien bien phu", "/en/history/dien-bien-phu-campaign/"),
                            ("muong phang", "/en/history/sites/muong-phang-headquarters/"),
                            ("pa khoang lake", "/en/travel/destinations/pa-khoang-lake/")):
        results = search(en, query)
        assert_clean(results, query)
        assert pages(results)[0] == expected, (query, pages(results)[:5])
    assert all(p.startswith("/en/") for p in pages(search(en, "hanoi")))


# -- Typing while the index loads ------------------------------------------------------------------

def test_typing_while_the_index_loads_shows_the_last_query_cleanly(page, base_url):
    """Type "v" while the index is held back, let it load, then the composed "é" (a Vietnamese
    keyboard sends it without a key of its own): the results are those of "vé", cleanly marked."""
    held = []
    page.add_init_script(WATCH_WORKER)
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.focus()
    page.keyboard.type("v")
    page.wait_for_function("window.__search !== undefined && window.__search.worker !== null", timeout=15000)
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the search index was never requested"
    assert page.evaluate("window.__search.ready") is False  # still loading while "v" was typed
    held[0].continue_()
    assert answered(page, "v"), "no results for the first letter"
    assert_clean(page.evaluate(RESULTS), "v")  # "v*" matches "Văn" as written and folded: one <mark>

    page.keyboard.insert_text("é")
    assert box.input_value() == "vé"
    assert answered(page, "vé", timeout=10000), (
        f"results stayed those of {page.evaluate('window.__search.asked')!r} after typing 'vé'")
    results = page.evaluate(RESULTS)
    assert_clean(results, "vé")
    marked = {m["text"].lower() for r in results for m in r["marks"]}
    assert marked and all(text.startswith("vé") for text in marked), marked
    assert "/chuyen-di/" in pages(results)
