"""The house style for dates and clocks, on every built page of both languages, and the
interface around the reading text: Material's Vietnamese strings and the 404 page of each
language.

Vietnamese writes ``8/3/2026``, ``13–17/3/1954`` and, in prose, "ngày 8 tháng 3 năm 2026";
English writes ``8 March 2026``; both write clocks ``19:30``. A source's date shows only
what is known of it: ``2019``, ``3/2019`` / ``March 2019`` or a full date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dienbien.core.data.dates import PartialDate
from dienbien.core.data.figures import load_figure_store
from dienbien.core.data.formatting import format_partial_date
from sitebuild import ROOT, Site
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

LANGS = {"vi": "", "en": "en/"}

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
MONTHS_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"

#: Dates and clocks off the house style, by language: (what is wrong, pattern).
OFF_STYLE: dict[str, tuple[tuple[str, re.Pattern], ...]] = {
    "vi": (
        ("date in English word order", re.compile(r"\b\d{1,2} tháng \d{1,2}, \d{4}")),
        # next to a number: "May" alone is also a Vietnamese word ("may mắn")
        ("English month name", re.compile(rf"\b\d{{1,2}} (?:{MONTHS})\b|\b(?:{MONTHS}),? \d")),
        ("12-hour clock", re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:AM|PM|SA|CH|a\.m\.|p\.m\.)(?!\w)")),
    ),
    "en": (
        ("month-first date", re.compile(rf"\b(?:{MONTHS}|(?:{MONTHS_SHORT})\.?) \d{{1,2}}(?:st|nd|rd|th)?\b")),
        ("12-hour clock", re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?!\w)")),
    ),
}

#: Parts of a page that are not reading text.
NOT_READING = "script, style, template, svg, code, pre, noscript"


def reading_text(soup: BeautifulSoup, lang: str) -> str:
    """The text a reader sees in the page's language: scripts, code and passages marked as
    another language (an English title cited on a Vietnamese page) left out."""
    body = BeautifulSoup(str(soup.body), "html.parser")
    for tag in body.select(NOT_READING):
        tag.decompose()
    for tag in body.select("[lang]"):
        if tag.get("lang", "").split("-")[0] != lang and not tag.decomposed:
            tag.decompose()
    return " ".join(body.get_text(" ").split())


def off_style(text: str, lang: str) -> list[tuple[str, str]]:
    """Every date or clock in ``text`` that breaks the house style: (what is wrong, the text)."""
    return [(what, m.group(0)) for what, pattern in OFF_STYLE[lang] for m in pattern.finditer(text)]


def partial_sources() -> dict[str, str]:
    """The address of every source dated only to a month or a year, and that date (ISO)."""
    store = load_figure_store(ROOT / "data", LANGUAGES, ROOT)
    return {s.url: s.date.isoformat() for s in store.sources.values()
            if s.url and s.date is not None and s.date.precision != "day"}


def _cited_href(time) -> str | None:
    """The address of the source a citation's ``<time>`` dates: the link just before it."""
    before = time.find_previous_sibling()
    if before is None:
        return None
    link = before if before.name == "a" else before.find("a")
    return link.get("href") if link is not None else None


def made_up_days(soup: BeautifulSoup, partial: dict[str, str]) -> list[str]:
    """Citations that show a day for a source known only to its month or year."""
    found = []
    for time in soup.select("time[datetime]"):
        href = _cited_href(time)
        if href in partial and time["datetime"] != partial[href]:
            found.append(f"{href}: {time['datetime']} shown as {time.get_text()!r}")
    return found


def _pages(root: Path) -> list[tuple[str, str, BeautifulSoup]]:
    pages = []
    for file in sorted(root.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        lang = (soup.html.get("lang") if soup.html else None) or ""
        if lang in LANGS and soup.body is not None:
            pages.append((file.relative_to(root).as_posix(), lang, soup))
    return pages


def scan(root: Path, partial: dict[str, str]) -> dict[str, list[str]]:
    """Off-style dates and clocks of every built page: ``{page: [problems]}``."""
    found: dict[str, list[str]] = {}
    for path, lang, soup in _pages(root):
        problems = [f"{what}: {text!r}" for what, text in off_style(reading_text(soup, lang), lang)]
        problems += [f"made-up day: {p}" for p in made_up_days(soup, partial)]
        if problems:
            found[path] = problems
    return found


# -- the scan itself can fail -------------------------------------------------------------------

BAD = {
    "vi": ["Khai mạc 8 tháng 3, 2026.", "Cập nhật: March 8, 2026", "Bắt đầu lúc 8:00 PM", "ngày 1 tháng 1, 2019 xx",
           "từ 7 May 1954", "tháng March 2019"],
    "en": ["Opened on March 8, 2026.", "Starts at 8:00 PM", "at 7:30\u202fPM", "from Jan. 5 to", "on May 7"],
}
GOOD = {
    "vi": ["Khai mạc 8/3/2026, 20:00.", "Từ 13–17/3/1954", "ngày 8 tháng 3 năm 2026", "3/2019", "tháng 3, 2026 có",
           "May mắn thay, 2 bản"],
    "en": ["Opened on 8 March 2026, 20:00.", "13–17 March 1954", "31 January – 15 May 1954", "March 2019",
           "in May, 2026", "from March to May"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_scan_finds_off_style_dates(lang):
    for sample in BAD[lang]:
        assert off_style(sample, lang), sample
    for sample in GOOD[lang]:
        assert not off_style(sample, lang), sample


def test_the_scan_finds_a_made_up_day_and_skips_other_languages():
    html = ('<html lang="vi"><body><p>Nguồn: <a href="https://x.org/a">Báo</a>, '
            '<time datetime="2019-01-01">1/1/2019</time>; <a href="https://x.org/b">B</a>, '
            '<time datetime="2019">2019</time> <cite lang="en">March 8, 2026</cite></p></body></html>')
    soup = BeautifulSoup(html, "html.parser")
    partial = {"https://x.org/a": "2019", "https://x.org/b": "2019"}
    assert made_up_days(soup, partial) == ["https://x.org/a: 2019-01-01 shown as '1/1/2019'"]
    assert "March" not in reading_text(soup, "vi")


# -- the built site -------------------------------------------------------------------------------


def test_no_page_has_an_off_style_date(site: Site):
    found = scan(site.root, partial_sources())
    assert not found, "\n".join(f"{page}: {p}" for page, problems in found.items() for p in problems)


def test_sources_show_their_date_at_the_precision_known(site: Site):
    partial = partial_sources()
    assert len(partial) >= 8
    cited = []
    for path, lang, soup in _pages(site.root):
        for time in soup.select("time[datetime]"):
            if _cited_href(time) in partial:
                iso = partial[_cited_href(time)]
                assert time["datetime"] == iso, (path, _cited_href(time))
                assert time.get_text() == format_partial_date(PartialDate.parse(iso), lang), (path, iso)
                cited.append((lang, iso))
    assert {lang for lang, _ in cited} == set(LANGS)
    assert any(len(iso) == 4 for _, iso in cited) and any(len(iso) == 7 for _, iso in cited)
    # and the same shape wherever a month or year stands alone in a <time>
    for path, lang, soup in _pages(site.root):
        for time in soup.select("time[datetime]"):
            if re.fullmatch(r"\d{4}(-\d{2})?", time["datetime"]):
                expected = format_partial_date(PartialDate.parse(time["datetime"]), lang)
                assert time.get_text() == expected, (path, time["datetime"], time.get_text())


# -- Material's interface in Vietnamese ---------------------------------------------------------


def _config(soup: BeautifulSoup) -> dict:
    return json.loads(soup.select_one("script#__config").string)


def test_material_speaks_vietnamese_in_the_house_style(site: Site):
    for path in ("", "lich-su/", "404.html"):
        soup = site.page(path)
        text = " ".join(soup.get_text(" ").split())
        assert soup.select_one("button.md-top").get_text(strip=True) == "Lên đầu trang", path
        assert "Trở lại mục lục" not in text
        reset = soup.select_one(".md-search button[type=reset]")
        assert reset["aria-label"] == reset["title"] == "Xóa"
        assert "Xoá" not in str(soup)
        copyright = " ".join(soup.select_one(".md-copyright").get_text(" ").split())
        assert "Xây dựng bằng Material for MkDocs" in copyright and "Made with" not in copyright
        translations = _config(soup)["translations"]
        assert translations["search.result.term.missing"] == "Thiếu"
        assert translations["search.result.more.one"] == "1 kết quả khác trong trang"
        assert translations["search.result.more.other"] == "# kết quả khác trong trang"
    links = site.page("lich-su/").select("a.headerlink")
    assert links and {a["title"] for a in links} == {"Liên kết cố định"}


def test_english_keeps_materials_english(site: Site):
    soup = site.page("en/history/")
    assert soup.select_one("button.md-top").get_text(strip=True) == "Back to top"
    assert {a["title"] for a in soup.select("a.headerlink")} == {"Permanent link"}
    assert "Made with Material for MkDocs" in " ".join(soup.select_one(".md-copyright").get_text(" ").split())
    assert _config(soup)["translations"]["search.result.term.missing"] == "Missing"


# -- 404 -----------------------------------------------------------------------------------------

NOT_FOUND = {
    "vi": ("Không tìm thấy trang", "không có trên trang web này", "Về trang chủ"),
    "en": ("Page not found", "does not exist on this site", "Go to the home page"),
}


def _exists(site: Site, href: str) -> bool:
    """A root-relative link (``/en/history/``) leads to a built page."""
    target = site.root / href.lstrip("/")
    return (target / "index.html").is_file() if href.endswith("/") else target.is_file()


@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_each_language_has_a_404_that_leads_on(site: Site, lang, prefix):
    soup = site.page(prefix + "404.html")
    title, message, home = NOT_FOUND[lang]
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1").get_text(strip=True) == title
    assert message in soup.select_one("article").get_text(" ")
    assert title in soup.title.get_text()
    assert "404 - Not found" not in soup.get_text()
    # search: a form that opens the site's search on the home page of the language
    form = soup.select_one("article form[role=search]")
    assert form["action"] == "/" + prefix and form["method"] == "get"
    assert form.select_one("input[name=q]") is not None and form.select_one("label").get_text(strip=True)
    # home and the main sections, as absolute links that work at any depth
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a[href]")}
    assert links[home] == "/" + prefix
    sections = [a["href"] for a in soup.select("article ul a[href]")]
    for section in ("lich-su/", "van-hoa/", "du-lich/", "chuyen-di/"):
        assert "/" + site.version(section, prefix) in sections, section
    for href in [form["action"], *links.values()]:
        assert href.startswith("/" + prefix) and _exists(site, href), href
    # the section names are the site's own, in this language
    home_page = site.page(prefix)
    names = {" ".join(a.get_text(" ").split()) for a in home_page.select("nav.md-nav--primary a")}
    assert all(a.get_text(strip=True) in names for a in soup.select("article ul a")), names
