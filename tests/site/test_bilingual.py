"""The real site, built with --strict: two genuine single-language Material sites, whose pages are
paired by their source file, each at its address in its own language."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from babel.numbers import parse_decimal

from dienbien.core.markdown.slugs import slugify
from dienbien.core.site.addresses import page_addresses
from sitebuild import ROOT, SITE_URL, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

SLOGAN_VI = [
    "Điện Biên Phủ bất diệt", "Sử sách mãi hào hùng", "Văn hóa giàu bản sắc", "Nông nghiệp phát triển sâu",
    "Công nghiệp vươn tầm cao", "Du lịch như Ban nở", "Hạ tầng phải mở đường", "Khoa học phải tiên phong",
    "Đồng bào thoát nghèo nhanh", "Tỉnh giàu dân hạnh phúc",
]  # as quoted by TTXVN, 8 March 2026


#: Every page's address in each language, as both builds compute it: {page key: {lang: site path}}.
ADDRESSES = page_addresses(ROOT / "content", LANGUAGES, LANGUAGES.default, ROOT / "data/slugs.yml", ROOT)
KEY_AT = {path: key for key, langs in ADDRESSES.items() for path in langs.values()}


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "vi"


def counterpart(path: str) -> str:
    """The same page in the other language: paired by source file, not by address."""
    return ADDRESSES[KEY_AT[path]]["vi" if lang_of(path) == "en" else "en"]


def page_paths(site: Site) -> list[str]:
    """Site paths of every page of both languages (not the short pages at old addresses)."""
    paths = sorted(KEY_AT)
    missing = [path for path in paths if not (site.root / path / "index.html").is_file()]
    assert not missing, missing
    return paths


def resolve(page_path: str, href: str) -> str:
    """The site path a relative link on ``page_path`` leads to."""
    joined = posixpath.normpath(posixpath.join("/" + page_path, href))
    return joined.lstrip("/") + ("/" if href.endswith("/") and joined != "/" else "")


def test_strict_build_has_no_warnings(site: Site):
    assert "WARNING" not in site.output


def test_both_languages_have_the_same_pages(site: Site):
    paths = page_paths(site)
    vi = {KEY_AT[p] for p in paths if lang_of(p) == "vi"}
    en = {KEY_AT[p] for p in paths if lang_of(p) == "en"}
    assert len(vi) >= 12
    assert vi == en


def test_html_lang_and_site_name_per_language(site: Site):
    names = {"vi": "Điện Biên – Miền Hoa Ban", "en": "Điện Biên – Land of the Ban Flower"}
    for path in page_paths(site):
        soup = site.page(path)
        assert soup.html["lang"] == lang_of(path), path
        assert soup.title.string.endswith(names[lang_of(path)]) or soup.title.string == names[lang_of(path)]


def test_material_ui_strings_are_in_the_page_language(site: Site):
    assert site.page("").select_one("input.md-search__input")["placeholder"] == "Tìm kiếm"
    assert site.page("en/").select_one("input.md-search__input")["placeholder"] == "Search"
    assert "nguồn dẫn" in site.page("lich-su/").select_one(".md-copyright").get_text()
    assert "names its source" in site.page("en/history/").select_one(".md-copyright").get_text()


def test_switcher_goes_to_the_same_page_in_the_other_language(site: Site):
    for path in page_paths(site):
        links = {a["hreflang"]: a["href"] for a in site.page(path).select("a.md-select__link")}
        assert set(links) == {"vi", "en"}, path
        assert resolve(path, links[lang_of(path)]) == path
        assert resolve(path, links["en" if lang_of(path) == "vi" else "vi"]) == counterpart(path), path


def test_hreflang_self_reciprocal_and_x_default(site: Site):
    for path in page_paths(site):
        links = site.page(path).select("link[rel=alternate][hreflang]")
        alternates = {link["hreflang"]: link["href"] for link in links}
        own = ADDRESSES[KEY_AT[path]]
        assert alternates == {"vi": SITE_URL + own["vi"], "en": SITE_URL + own["en"],
                              "x-default": SITE_URL + own["vi"]}, path
        # reciprocal: the counterpart lists this page under this page's language
        other = {link["hreflang"]: link["href"] for link in site.page(counterpart(path)).select("link[hreflang]")}
        assert other[lang_of(path)] == SITE_URL + path


def test_each_language_has_its_own_search_index(site: Site):
    vi = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site.root / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert vi["config"]["lang"] == ["vi"] and en["config"]["lang"] == ["en"]
    vi_titles = {d["title"] for d in vi["docs"]}
    en_titles = {d["title"] for d in en["docs"]}
    assert "Lịch sử" in vi_titles and "History" in en_titles
    assert "History" not in vi_titles and "Lịch sử" not in en_titles
    # every entry of an index points into its own language's pages
    assert all(not d["location"].startswith("en/") for d in vi["docs"])
    assert all((site.root / "en" / d["location"].split("#")[0]).exists() for d in en["docs"])
    # at the pages' addresses in each language: English words in English
    assert {"en/" + d["location"].split("#")[0] for d in en["docs"]} == {p for p in page_paths(site)
                                                                          if lang_of(p) == "en"}
    assert {d["location"].split("#")[0] for d in vi["docs"]} == {p for p in page_paths(site) if lang_of(p) == "vi"}


def test_each_language_has_its_own_404(site: Site):
    assert site.page("404.html").html["lang"] == "vi"
    assert site.page("en/404.html").html["lang"] == "en"


def test_figures_are_formatted_for_the_page_language(site: Site):
    checked = 0
    for path in page_paths(site):
        locale = lang_of(path)
        for data in site.page(path).select("article data[value]"):
            assert parse_decimal(data.get_text(), locale=locale, strict=True) == parse_decimal(data["value"], "en"), \
                (path, data)
            checked += 1
    assert checked > 20
    home_vi, home_en = site.page(""), site.page("en/")
    assert home_vi.select_one('data[value="310000"]').get_text() == "310.000"
    assert home_en.select_one('data[value="310000"]').get_text() == "310,000"
    assert "hơn 310.000 lượt khách" in home_vi.select_one(".db-cards").get_text(" ", strip=True)
    assert "over 310,000 visits" in home_en.select_one(".db-cards").get_text(" ", strip=True)


def test_every_figure_links_to_its_source(site: Site):
    for path in page_paths(site):
        soup = site.page(path)
        refs = soup.select("article sup.dbf-ref a")
        for ref in refs:
            target = soup.find(id=ref["href"].removeprefix("#"))
            assert target is not None and target.name == "li", (path, ref)
            assert target.select_one("cite") is not None


def test_home_shows_the_ten_slogan_lines_in_both_languages(site: Site):
    slogan = yaml.safe_load((ROOT / "data/slogan.yml").read_text(encoding="utf-8"))
    vi_tiles = site.page("").select("ol.db-tiles li")
    en_tiles = site.page("en/").select("ol.db-tiles li")
    assert [t.select_one(".db-tile__text").get_text() for t in vi_tiles] == SLOGAN_VI
    assert [t.select_one(".db-tile__text").get_text() for t in en_tiles] == [line["en"] for line in slogan["lines"]]
    # the English page also quotes the authoritative Vietnamese line, marked as Vietnamese
    assert [t.select_one(".db-tile__original").get_text() for t in en_tiles] == SLOGAN_VI
    assert all(t.select_one(".db-tile__original")["lang"] == "vi" for t in en_tiles)
    for home, tiles in (("", vi_tiles), ("en/", en_tiles)):
        for tile, line in zip(tiles, slogan["lines"], strict=True):
            assert resolve(home, tile.a["href"]) == ADDRESSES[line["page"]][lang_of(home)]


def test_vietnamese_headings_get_readable_anchors(site: Site):
    ids = []
    for path in page_paths(site):
        if lang_of(path) != "vi":
            continue
        for heading in site.page(path).select("article h2[id], article h3[id]"):
            if heading.get("id") in ("figure-sources", "db-slogan-title", "db-figures-title", "db-experiences-title",
                                     "db-season-title"):
                continue
            text = heading.get_text().rstrip("¶").strip()
            # a repeated heading gets a numbered suffix, as Python-Markdown does
            assert re.fullmatch(re.escape(slugify(text)) + r"(_\d+)?", heading["id"]), (path, text, heading["id"])
            ids.append(heading["id"])
    assert len(ids) > 10


def test_sitemap_lists_both_languages_with_alternates(site: Site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.root / "sitemap.xml")
    locs = {u.findtext("s:loc", namespaces=ns): {x.get("hreflang"): x.get("href") for x in u.findall("x:link", ns)}
            for u in tree.getroot().findall("s:url", ns)}
    assert set(locs) == {SITE_URL + p for p in page_paths(site)}
    assert locs[SITE_URL + "en/history/"] == {"vi": SITE_URL + "lich-su/", "en": SITE_URL + "en/history/",
                                             "x-default": SITE_URL + "lich-su/"}
    assert not (site.root / "en/sitemap.xml").exists()


def test_no_third_party_requests_in_pages(site: Site):
    for path in page_paths(site):
        soup = site.page(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr, "")
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (path, url)


# Terms in the province's minority languages, as the content marks them (`*Gầu Tào*{ lang="hmn" }`):
# ISO 639 codes registered for BCP 47 (Tai languages, Tai Dam, Hmong, Lao, Khmu, Hani, Khang, Côông).
MINORITY_LANGUAGES = {"tai", "blt", "hmn", "lo", "kjg", "hni", "kjm", "cnc"}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_minority_language_terms_carry_their_language(site: Site, prefix: str):
    marked = {}
    for path in page_paths(site):
        if lang_of(path) != (prefix.rstrip("/") or "vi"):
            continue
        for element in site.page(path).select("main [lang]"):
            marked.setdefault(element["lang"], set()).add(element.get_text())
    page_lang = "en" if prefix else "vi"
    assert set(marked) - {page_lang, "vi"} <= MINORITY_LANGUAGES, marked.keys()
    assert {"Gầu Tào", "Nào Pê Chầu"} <= marked["hmn"]
    assert "Bun Huột Nặm" in marked["lo"] and "tằng cẩu" in marked["blt"]
    assert set(marked) >= MINORITY_LANGUAGES
