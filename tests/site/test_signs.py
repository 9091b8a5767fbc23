"""The QR signs in the built site: a short page per place at ``q/<key>/`` (once, at the root)
that links to the place in both languages, kept out of the sitemap and search, and a sign
sheet per place listed on the list of signs in each language."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from dienbien.core.publish.sitedata import load_site_data
from dienbien.core.site.addresses import SLUGS_FILE, page_addresses
from sitebuild import ROOT, SITE_URL, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = LANGUAGES
LISTS = {"vi": "bien-bao/", "en": "en/signs/"}


@pytest.fixture(scope="module")
def places():
    return load_site_data(ROOT / "data", LANGS, ROOT).places.places


@pytest.fixture(scope="module")
def addresses():
    return page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data" / SLUGS_FILE, ROOT)


def _resolve(page: str, href: str) -> str:
    """The site path a relative link on the page at ``page`` points to."""
    target = posixpath.normpath(posixpath.join("/" + page, href)).lstrip("/")
    return target + "/" if href.endswith("/") else target


def test_every_place_has_a_short_page_linking_to_it_in_both_languages(site: Site, places, addresses):
    assert sorted(p.name for p in (site.root / "q").iterdir()) == sorted(places)
    assert not (site.root / "en" / "q").exists()  # one short address for every language
    for key, place in places.items():
        here = f"q/{key}/"
        soup = site.page(here)
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        links = {a["hreflang"]: a for a in soup.select("a[hreflang]")}
        assert set(links) == set(LANGS)
        for lang, a in links.items():
            assert _resolve(here, a["href"]) == addresses[place.page][lang], (key, lang)
            assert (site.root / addresses[place.page][lang] / "index.html").is_file()
            assert place.name[lang] in a.get_text()
            assert a.find_parent(attrs={"lang": lang}) is not None
        script = soup.select_one("script").string
        assert json.loads(re.search(r"var p=(\{.*?\});", script).group(1)) == {
            lang: a["href"] for lang, a in links.items()}


def test_short_pages_stay_out_of_the_sitemap_and_search(site: Site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "/q/" not in sitemap and "bien-bao/doi-a1" not in sitemap
    for prefix in ("", "en/"):
        index = json.loads((site.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert not [d["location"] for d in index["docs"] if "q/" in d["location"].split("/")[:1]]


def test_each_list_of_signs_links_to_every_sheet(site: Site, places):
    for lang, page in LISTS.items():
        soup = site.page(page)
        assert soup.html["lang"] == lang
        targets = {_resolve(page, a["href"]) for a in soup.select("article a[href]")}
        for key in places:
            assert {f"bien-bao/{key}.html", f"bien-bao/{key}.svg", f"q/{key}/"} <= targets, (lang, key)
            assert (site.root / f"bien-bao/{key}.svg").is_file() and (site.root / f"bien-bao/{key}.html").is_file()
        assert "bien-bao/tat-ca.html" in targets
        shown = [code.get_text() for code in soup.select("table.db-signs code")]
        assert shown == [f"dienbien.example.org/q/{key}/" for key in
                         [k for kind in ("relic", "destination") for k, p in places.items() if p.kind == kind]]


def test_each_sheet_carries_both_names_the_short_address_and_the_site_name(site: Site, places):
    names = {"Điện Biên – Miền Hoa Ban", "Điện Biên – Land of the Ban Flower"}
    for key, place in places.items():
        svg = (site.root / f"bien-bao/{key}.svg").read_text(encoding="utf-8")
        text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)).replace("&#x27;", "'")
        for lang in LANGS:
            assert " ".join(place.name[lang].split()) in text, (key, lang)
        assert f"{SITE_URL.split('//')[1]}q/{key}/" in text
        assert all(name in text for name in names)
        sheet = site.page(f"bien-bao/{key}.html")
        assert sheet.select_one('meta[name="robots"]')["content"] == "noindex"
        assert len(sheet.select("svg.db-sign")) == 1
