"""English pages at English addresses, on the real site: every link inside the site leads to a page
(never to an old address), every address the site published before still answers, and everything
that names a page's address (canonical, og:url, social card, JSON-LD, sitemap, search, offline
essentials, calendars) names the address of today."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET

import pytest

from dienbien.core.publish.sitedata import load_site_data
from dienbien.core.site.addresses import default_path, load_redirects, old_scheme, page_addresses
from sitebuild import ROOT, SITE_URL, Site, copy_project, run_build
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = LANGUAGES
ADDRESSES = page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data/slugs.yml", ROOT)
REDIRECTS = load_redirects(ROOT / "data/redirects.yml", ADDRESSES, LANGS, LANGS.default, ROOT)
MOVED = {r.old: r for r in REDIRECTS}
PAGES = {path: key for key, langs in ADDRESSES.items() for path in langs.values()}
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def file_of(site: Site, path: str):
    """The file a site path serves: a folder serves its index.html."""
    file = site.root / path
    return file / "index.html" if file.is_dir() else file


def resolve(page: str, href: str) -> str:
    """The site path a link on the page at site path ``page`` leads to (query and anchor dropped)."""
    target = href.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("/"):
        joined = posixpath.normpath(target)
    else:
        base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
        joined = posixpath.normpath(posixpath.join("/" + base, target))
    path = joined.lstrip("/")
    return path + "/" if target.endswith("/") and path else path


def built_files(site: Site) -> list[str]:
    return sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))


def test_english_pages_live_at_english_addresses():
    assert ADDRESSES["lich-su/index.md"]["en"] == "en/history/"
    assert ADDRESSES["lich-su/di-tich/doi-a1.md"] == {"vi": "lich-su/di-tich/doi-a1/",
                                                      "en": "en/history/sites/hill-a1/"}
    assert ADDRESSES["van-hoa/dan-toc/thai.md"]["en"] == "en/culture/ethnic-groups/thai/"
    assert ADDRESSES["du-lich/diem-den/ho-pa-khoang.md"]["en"] == "en/travel/destinations/pa-khoang-lake/"
    # every data-made page has one too: each place and group, and the folder pages of cards
    data = load_site_data(ROOT / "data", LANGS, ROOT)
    pages = [p.page for p in data.places.places.values()] + [data.groups.page(g) for g in data.groups.groups]
    assert len(pages) >= 36
    for key in pages:
        assert set(ADDRESSES[key]) == set(LANGS), key
    for key in ("lich-su/di-tich/index.md", "du-lich/diem-den/index.md", "van-hoa/dan-toc/index.md"):
        assert set(ADDRESSES[key]) == set(LANGS)


def test_pages_are_built_at_their_addresses(site: Site):
    for path in PAGES:
        soup = site.page(path)
        assert soup.html["lang"] == ("en" if path.startswith("en/") else "vi"), path
        assert soup.select_one('meta[name="robots"][content="noindex"]') is None, path
    assert not (site.root / "en/history/index.html").read_text(encoding="utf-8").count("This page has moved")


#: The pages of the first English site, published at their Vietnamese paths under /en/.
FIRST_ENGLISH_SITE = (
    "chuyen-di/ban-do.md chuyen-di/index.md cong-nghiep/index.md du-lich/diem-den/a-pa-chai.md "
    "du-lich/diem-den/canh-dong-muong-thanh.md du-lich/diem-den/deo-pha-din.md du-lich/diem-den/ho-pa-khoang.md "
    "du-lich/diem-den/hua-pe.md du-lich/diem-den/index.md du-lich/diem-den/tay-trang.md du-lich/diem-den/u-va.md "
    "du-lich/index.md du-lich/le-hoi.md ha-tang/index.md lich-su/chien-dich-dien-bien-phu.md "
    "lich-su/di-tich/bao-tang-chien-thang.md lich-su/di-tich/den-tho-liet-si.md lich-su/di-tich/doi-a1.md "
    "lich-su/di-tich/doi-doc-lap.md lich-su/di-tich/ham-de-castries.md lich-su/di-tich/him-lam.md "
    "lich-su/di-tich/index.md lich-su/di-tich/muong-phang.md lich-su/di-tich/nghia-trang-a1.md "
    "lich-su/di-tich/thanh-ban-phu.md lich-su/di-tich/tuong-dai-chien-thang.md lich-su/index.md "
    "nong-nghiep/index.md phat-trien/giam-ngheo.md phat-trien/index.md phat-trien/khoa-hoc.md "
    "van-hoa/dan-toc/cong.md van-hoa/dan-toc/dao.md van-hoa/dan-toc/giay.md van-hoa/dan-toc/ha-nhi.md "
    "van-hoa/dan-toc/hoa.md van-hoa/dan-toc/index.md van-hoa/dan-toc/khang.md van-hoa/dan-toc/kho-mu.md "
    "van-hoa/dan-toc/kinh.md van-hoa/dan-toc/lao.md van-hoa/dan-toc/mong.md van-hoa/dan-toc/muong.md "
    "van-hoa/dan-toc/nung.md van-hoa/dan-toc/phu-la.md van-hoa/dan-toc/san-chay.md van-hoa/dan-toc/si-la.md "
    "van-hoa/dan-toc/tay.md van-hoa/dan-toc/thai.md van-hoa/dan-toc/tho.md "
    "van-hoa/dan-toc/xinh-mun.md van-hoa/index.md"
).split()


def test_every_old_english_address_is_listed():
    """Each page of the first English site (Vietnamese words under /en/) still leads to its page."""
    old = {key: "en/" + default_path(key) for key in FIRST_ENGLISH_SITE}
    assert len(old) == 52
    missing = {address: key for key, address in old.items() if address not in MOVED}
    assert not missing, f"add these to data/redirects.yml: {missing}"
    # each leads to the page it was, under whatever address that page has today
    assert all(MOVED[address].key == key for key, address in old.items() if key in ADDRESSES)
    # pages added since then were never published at a Vietnamese path under /en/
    assert set(old_scheme(ADDRESSES, "en", "vi")) - set(FIRST_ENGLISH_SITE) == {
        key for key in ADDRESSES if key not in FIRST_ENGLISH_SITE and key != "index.md"}


def test_every_old_address_leads_to_its_page(site: Site):
    assert len(REDIRECTS) >= 52
    for old, redirect in MOVED.items():
        new = ADDRESSES[redirect.key][redirect.lang]
        soup = site.page(old)
        assert soup.html["lang"] == redirect.lang
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex", old
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + new, old
        refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
        assert resolve(old, refresh.split("url=", 1)[1]) == new, old
        link = soup.select_one("body a")
        assert resolve(old, link["href"]) == new, old
        assert link.get_text() == site.page(new).select_one("article h1").get_text().rstrip("¶").strip(), old
        if redirect.lang == "en":
            assert "This page has moved" in soup.get_text()


def test_old_addresses_are_kept_out_of_the_sitemap_and_search(site: Site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.root / "sitemap.xml")
    named = {u.findtext("s:loc", namespaces=ns) for u in tree.getroot().findall("s:url", ns)}
    named |= {x.get("href") for x in tree.getroot().iter("{http://www.w3.org/1999/xhtml}link")}
    assert named == {SITE_URL + p for p in PAGES}
    for lang, prefix in (("vi", ""), ("en", "en/")):
        index = json.loads((site.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {prefix + d["location"].split("#")[0] for d in index["docs"]}
        assert locations == {p for p in PAGES if p.startswith("en/") == (lang == "en")}


def test_every_link_inside_the_site_leads_to_a_file_and_never_to_an_old_address(site: Site):
    broken = []
    attributes = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}
    for rel in built_files(site):
        page = "" if rel == "index.html" else rel.removesuffix("index.html")
        if page in MOVED:
            continue
        soup = site.page(rel if rel.endswith(".html") and not rel.endswith("index.html") else page)
        for tag, attr in attributes.items():
            for element in soup.find_all(tag):
                href = element.get(attr) or element.get("xlink:href") or ""
                if not href or href.startswith(("#", "data:")) or _EXTERNAL.match(href):
                    continue
                target = resolve(page if rel.endswith("index.html") else rel, href)
                if target.rstrip("/") + "/" in MOVED or not file_of(site, target).is_file():
                    broken.append((rel, href))
        for srcset in soup.select("[srcset]"):
            for candidate in srcset["srcset"].split(","):
                url = candidate.strip().split(" ")[0]
                if url and not _EXTERNAL.match(url) and not url.startswith("data:"):
                    if not file_of(site, resolve(page, url)).is_file():
                        broken.append((rel, url))
    assert not broken, broken[:20]


def test_canonical_og_url_and_social_card_follow_the_address(site: Site):
    for path in PAGES:
        soup = site.page(path)
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + path, path
        assert soup.select_one('meta[property="og:url"]')["content"] == SITE_URL + path, path
        card = soup.select_one('meta[property="og:image"]')["content"]
        assert card.startswith(SITE_URL), card
        card_path = card.removeprefix(SITE_URL)
        assert (site.root / card_path).is_file(), card
        # the card's file is named after the page's address in its language
        stem = path.removeprefix("en/").rstrip("/")
        assert card_path.removeprefix("en/").removeprefix("assets/cards/").removesuffix(".png") in (
            stem, f"{stem}/index", "index"), (path, card)


def _urls(node) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("url", "@id", "item") and isinstance(value, str):
                found.append(value)
            else:
                found += _urls(value)
    elif isinstance(node, list):
        for item in node:
            found += _urls(item)
    return found


def test_structured_data_names_the_pages_of_today(site: Site):
    checked = 0
    for path in PAGES:
        for script in site.page(path).select('script[type="application/ld+json"]'):
            for url in _urls(json.loads(script.string)):
                if not url.startswith(SITE_URL):
                    continue
                target = url.removeprefix(SITE_URL).split("#", 1)[0]
                assert target in PAGES, (path, url)
                assert target.startswith("en/") == path.startswith("en/"), (path, url)
                checked += 1
    assert checked > 200


def test_offline_essentials_and_calendars_use_the_english_addresses(site: Site):
    worker = (site.root / "sw.js").read_text(encoding="utf-8")
    for key in ("index.md", "chuyen-di/index.md", "chuyen-di/ban-do.md"):
        for lang in LANGS:
            assert json.dumps(ADDRESSES[key][lang]) in worker, (key, lang)
    assert '"en/chuyen-di/' not in worker
    calendar = (site.root / "en/events.ics").read_text(encoding="utf-8")
    urls = set(re.findall(r"^URL:(\S+)", calendar.replace("\r\n ", ""), re.M))
    assert urls and {u.split("#")[0] for u in urls} == {SITE_URL + ADDRESSES["du-lich/le-hoi.md"]["en"]}


def test_a_missing_english_slug_stops_the_build_at_its_file(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "content/en/lich-su/di-tich/doi-a1.md"
    page.write_text(re.sub(r"^slug: .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/en/lich-su/di-tich/doi-a1.md:1: no 'slug:' in the front matter" in result.stdout + result.stderr)
    assert "slug: hill-a1" in result.stdout + result.stderr
