"""The QR signs in Chromium: every sheet, drawn by the browser and photographed, scans to the
production address of its short page, also at the resolution a phone camera has of it from a
metre away; each sheet prints on one A4 page; the short page opens the reader's language, and
offers both without script."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from dienbien.core.publish.sitedata import load_site_data
from dienbien.core.site.addresses import SLUGS_FILE, page_addresses
from sitebuild import ROOT, SITE_URL
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = LANGUAGES
PLACES = load_site_data(ROOT / "data", LANGS, ROOT).places.places
A4 = {"width": 794, "height": 1123}  # CSS pixels of an A4 page (96 per inch)
#: A phone's camera preview (about 1920 pixels across a 70° view) sees about 1.4 pixels per
#: millimetre of a sign one metre away; the sheet's screenshot has 794 / 210 = 3.8.
PHONE_AT_ONE_METRE = 1.37 / (794 / 210)


@pytest.fixture(scope="module")
def addresses():
    return page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data" / SLUGS_FILE, ROOT)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def decoded(png: bytes, scale: float = 1.0) -> list[str]:
    image = Image.open(io.BytesIO(png)).convert("L")
    if scale != 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.BILINEAR)
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("key", sorted(PLACES))
def test_sheet_scans_to_its_short_page_and_prints_on_one_a4_page(page, base_url, site, key):
    url = SITE_URL + f"q/{key}/"
    assert (site.root / f"q/{key}/index.html").is_file()
    page.set_viewport_size(A4)
    page.goto(base_url + f"bien-bao/{key}.html")
    png = page.locator("svg.db-sign").screenshot()
    assert decoded(png) == [url]
    assert decoded(png, PHONE_AT_ONE_METRE) == [url]
    # every line of text inside the page's margins
    outside = page.evaluate("""() => [...document.querySelectorAll('svg.db-sign text')]
        .map(t => [t.textContent, t.getBBox()]).filter(([, b]) => b.x < 10 || b.x + b.width > 200)
        .map(([text]) => text)""")
    assert outside == []
    assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1
    # the SVG file alone, as a print shop opens it
    page.goto(base_url + f"bien-bao/{key}.svg")
    assert decoded(page.screenshot()) == [url]


def test_all_sheets_print_one_per_page(page, base_url):
    page.goto(base_url + "bien-bao/tat-ca.html")
    assert pdf_pages(page.pdf(format="A4", print_background=True)) == len(PLACES)


@pytest.mark.parametrize(("locale", "lang"), [("en-GB", "en"), ("vi-VN", "vi"), ("en-US", "en")])
def test_short_page_opens_the_readers_language(browser, base_url, addresses, locale, lang):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.goto(base_url + "q/doi-a1/")
        target = "/" + addresses["lich-su/di-tich/doi-a1.md"][lang]
        page.wait_for_url(lambda u: urlsplit(u).path == target, timeout=10000)
        assert page.locator("html").get_attribute("lang") == lang
        # replaced, not pushed: Back leaves rather than bouncing to the short page again
        page.go_back()
        assert "/q/" not in page.url
    finally:
        context.close()


@pytest.mark.parametrize("options", [{"locale": "fr-FR"}, {"locale": "en-GB", "java_script_enabled": False}],
                         ids=["other-language", "no-script"])
def test_short_page_offers_both_languages(browser, base_url, addresses, options):
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        # nothing but the page itself: it needs no other file, so a saved copy opens offline
        page.route("**/*", lambda route: route.continue_() if route.request.resource_type == "document"
                   else route.abort())
        page.goto(base_url + "q/doi-a1/")
        page.wait_for_timeout(300)
        assert urlsplit(page.url).path == "/q/doi-a1/"
        place = PLACES["doi-a1"]
        for lang in LANGS:
            link = page.locator(f'a[hreflang="{lang}"]')
            assert link.is_visible()
            assert place.name[lang] in link.inner_text()
        page.locator('a[hreflang="en"]').click()
        page.wait_for_url(lambda u: urlsplit(u).path == "/" + addresses["lich-su/di-tich/doi-a1.md"]["en"])
    finally:
        context.close()
