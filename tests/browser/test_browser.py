"""What a visitor sees in a real browser, in both languages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from pairs import EN, VI, both
from PIL import Image

from sitebuild import ROOT

pytestmark = pytest.mark.slow

PAGE_TYPES = ["", "lich-su/", "lich-su/chien-dich-dien-bien-phu/", "van-hoa/", "van-hoa/dan-toc/mong/",
              "lich-su/di-tich/doi-a1/", "du-lich/diem-den/a-pa-chai/", "nong-nghiep/", "chuyen-di/",
              "lich-su/di-tich/", "du-lich/diem-den/", "van-hoa/dan-toc/"]
BOTH = both(PAGE_TYPES)
#: The front page's theme: the slogan's lines in Vietnamese and their English rendering.
SLOGAN = yaml.safe_load((ROOT / "data/slogan.yml").read_text(encoding="utf-8"))


def counterpart(path: str) -> str:
    return VI[path] if path.startswith("en/") else EN[path]


@pytest.mark.parametrize("home", ["", "en/"])
def test_home_shows_the_ten_slogan_lines(page, base_url, home):
    page.goto(base_url + home)
    tiles = page.locator("ol.db-tiles li")
    assert tiles.count() == 10
    assert all(tiles.nth(i).is_visible() for i in range(10))
    assert page.locator("ol.db-tiles li").first.inner_text().splitlines()[1] in (
        "Điện Biên Phủ bất diệt", "Điện Biên Phủ, immortal")


@pytest.mark.parametrize("path", BOTH)
def test_language_switcher_lands_on_the_counterpart(page, base_url, path):
    page.goto(base_url + path)
    target = "en" if not path.startswith("en/") else "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/" + counterpart(path)
    assert page.locator("html").get_attribute("lang") == target


def search(page, base_url, home: str, query: str) -> list[str]:
    page.goto(base_url + home)
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").fill(query)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    paths = [urlsplit(a.get_attribute("href")).path for a in page.locator("a.md-search-result__link").all()]
    return list(dict.fromkeys(paths))  # one entry per page, best first


@pytest.mark.parametrize(
    ("query", "expected"),
    [("muong phang", "/lich-su/di-tich/muong-phang/"), ("hoa ban", "/du-lich/"),
     ("dien bien phu", "/lich-su/chien-dich-dien-bien-phu/"), ("Mường Phăng", "/lich-su/di-tich/muong-phang/")],
    ids=["muong-phang", "hoa-ban", "dien-bien-phu", "with-accents"],
)
def test_vietnamese_search_forgives_missing_accents(page, base_url, query, expected):
    results = search(page, base_url, "", query)
    assert expected in results[:5], results
    assert not any(r.startswith("/en/") for r in results)


@pytest.mark.parametrize("home", ["", "en/"])
def test_the_search_index_loads_only_when_a_search_starts(page, base_url, home):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(base_url + home + "lich-su/")
    page.wait_for_load_state("networkidle")
    assert not any(path.endswith("search_index.json") for path in requested), requested
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")) as index:
        page.locator("input.md-search__input").focus()
    assert urlsplit(index.value.url).path == "/" + home + "search/search_index.json"


def test_a_page_opened_from_a_search_result_highlights_at_once(page, base_url):
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.goto(base_url + "lich-su/?h=m%C6%B0%E1%BB%9Dng")
    page.wait_for_selector("mark[data-md-highlight]", timeout=30000)


def test_english_search_finds_only_english_pages(page, base_url):
    results = search(page, base_url, "en/", "coffee macadamia")
    assert "/en/agriculture/" in results[:5], results
    assert all(r.startswith("/en/") for r in results)


@pytest.mark.parametrize("home", ["", "en/"])
def test_materials_script_waits_for_the_readers_first_move(page, base_url, home, start_materials_script):
    scripts = []
    page.on("request", lambda r: scripts.append(urlsplit(r.url).path) if r.resource_type == "script" else None)
    page.goto(base_url + home + "van-hoa/dan-toc/mong/")
    page.wait_for_load_state("networkidle")
    assert scripts == [], scripts  # reading needs no script file
    assert page.evaluate("window.component$") is None
    assert page.locator("article h1").is_visible()
    assert page.locator("input.md-search__input").is_visible()  # search shows before the script starts
    with page.expect_request(lambda r: "/assets/javascripts/bundle." in r.url) as bundle:
        start_materials_script(page)
    assert urlsplit(bundle.value.url).path.startswith("/" + home + "assets/javascripts/bundle.")
    # Started on a page that had long finished loading: the back-to-top button works.
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.wait_for_selector(".md-top:not([hidden])", timeout=10000)


def test_a_phone_searches_with_its_first_tap(browser, base_url):
    """The search button shows before Material's script has loaded; tapping it opens the box."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "van-hoa/")
    page.wait_for_load_state("networkidle")
    button = page.locator('label.md-header__button[for="__search"]')
    assert button.is_visible()
    button.tap()
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("hoa ban")
    # Results follow each keystroke; wait for those of the whole query.
    top = page.wait_for_function(
        "() => { const pages = [...new Set([...document.querySelectorAll('a.md-search-result__link')]"
        "  .map(a => new URL(a.href).pathname))].slice(0, 5);"
        "  return pages.includes('/du-lich/') && pages; }", timeout=30000).json_value()
    context.close()
    assert not any(path.startswith("/en/") for path in top), top


@pytest.mark.parametrize("path", BOTH)
def test_no_console_errors_and_no_other_origins(page, base_url, path, start_materials_script):
    errors, foreign = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(base_url + path)
    start_materials_script(page)
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert foreign == []


@pytest.mark.parametrize("path", BOTH)
def test_phone_viewport_has_no_horizontal_scroll(browser, base_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{path}: {overflow}px wider than the screen"


def colours_in(image: Image.Image, box: dict) -> int:
    """How many distinct colours the screenshot has inside an element's box (page pixels)."""
    crop = image.crop((round(box["x"]), round(box["y"]), round(box["x"] + box["width"]),
                       round(box["y"] + box["height"]))).convert("RGB")
    return len(crop.getcolors(maxcolors=crop.width * crop.height) or [])


#: Drawn text is anti-aliased into many shades; an empty or one-colour box has one or two.
DRAWN = 32


@pytest.mark.parametrize(("name", "viewport"), [("phone", (412, 915)), ("desktop", (1366, 900))])
def test_home_screenshots(browser, base_url, artifacts, name, viewport):
    """The front page as a reader sees it: the title in the first screen, and further down the
    Prime Minister's slogan, its ten lines as data/slogan.yml words them, drawn on the page (the
    English page gives each line's Vietnamese original too). Each screenshot is kept in the
    artifacts folder for a person to look at."""
    width, height = viewport
    for home, lang in (("", "vi"), ("en/", "en")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(base_url + home)
        path = artifacts / f"home-{lang}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        page_height = page.evaluate("document.documentElement.scrollHeight")
        title = page.locator("h1")
        assert title.is_visible() and title.inner_text().strip()
        title_box = title.bounding_box()
        slogan = page.locator(".db-slogan")
        assert slogan.is_visible()
        assert slogan.locator(".db-slogan__context").inner_text() == SLOGAN["context"][lang]
        lines = slogan.locator(".db-tile__text")
        assert lines.all_inner_texts() == [line[lang] for line in SLOGAN["lines"]]
        originals = [line["vi"] for line in SLOGAN["lines"]] if lang == "en" else []
        assert slogan.locator(".db-tile__original").all_inner_texts() == originals
        assert all(lines.nth(i).is_visible() for i in range(lines.count()))
        slogan_box = slogan.bounding_box()
        line_boxes = [lines.nth(i).bounding_box() for i in range(lines.count())]
        context.close()

        where = f"{lang}, {name}"
        # the title is whole in the first screen; the slogan lies inside the page, none of it cut off
        assert title_box["width"] > 0 and title_box["height"] > 0, where
        assert 0 <= title_box["y"] and title_box["y"] + title_box["height"] <= height, (where, title_box)
        assert 0 <= title_box["x"] and title_box["x"] + title_box["width"] <= width, (where, title_box)
        assert slogan_box["width"] > 0 and slogan_box["height"] > 0, where
        assert slogan_box["x"] >= 0 and slogan_box["x"] + slogan_box["width"] <= width, (where, slogan_box)
        assert slogan_box["y"] >= 0 and slogan_box["y"] + slogan_box["height"] <= page_height, (where, slogan_box)
        for box in line_boxes:
            assert box["width"] > 0 and box["height"] > 0, where
            assert slogan_box["y"] <= box["y"] and box["y"] + box["height"] <= slogan_box["y"] + slogan_box["height"]
        # the saved picture is the whole page, with the title and every slogan line drawn in it
        with Image.open(path) as image:
            assert image.size == (width, page_height), (where, image.size)
            assert colours_in(image, title_box) > DRAWN, where
            assert colours_in(image, slogan_box) > DRAWN, where
            drawn = [colours_in(image, box) for box in line_boxes]
            assert all(count > DRAWN for count in drawn), (where, drawn)


@pytest.mark.parametrize("path", ["lich-su/di-tich/doi-a1/", "en/agriculture/"])
def test_a_figures_marker_opens_its_folded_source(page, base_url, path):
    page.goto(base_url + path)
    sources = page.locator(".dbf-sources details")
    assert sources.get_attribute("open") is None, "the list of sources starts folded"
    assert not page.locator("#figure-source-1").is_visible()
    page.locator('sup.dbf-ref a[href="#figure-source-1"]').first.click()
    page.wait_for_function("document.querySelector('.dbf-sources details').open")
    assert page.locator("#figure-source-1").is_visible()
