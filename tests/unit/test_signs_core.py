"""The QR signs' core: short pages, the code drawn on the sheet, names fitted to the page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dienbien.core.publish import signs
from dienbien.core.publish.sitedata import load_site_data
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LANGS = LANGUAGES
SITE_NAMES = {"vi": "Điện Biên – Miền Hoa Ban", "en": "Điện Biên – Land of the Ban Flower"}
LISTS = {"vi": "bien-bao/", "en": "en/signs/"}


@pytest.fixture(scope="module")
def all_signs() -> list[signs.Sign]:
    data = load_site_data(ROOT / "data", LANGS, ROOT)
    return signs.signs(data.places, "https://dienbien.example.org",
                       lambda p: {"vi": f"{p.page[:-3]}/", "en": f"en/{p.key}-page/"})


def test_short_address_is_the_place_key_under_q(all_signs):
    sign = next(s for s in all_signs if s.key == "doi-a1")
    assert sign.path == "q/doi-a1/"
    assert sign.url == "https://dienbien.example.org/q/doi-a1/"
    assert sign.shown_url == "dienbien.example.org/q/doi-a1/"
    assert len(all_signs) == len({s.url for s in all_signs}) == 17


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.meta: list[dict[str, str | None]] = []
        self.script = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))
        elif tag == "meta":
            self.meta.append(dict(attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script += data


def test_short_page_offers_every_language_and_opens_the_readers_own(all_signs):
    sign = next(s for s in all_signs if s.key == "doi-a1")
    html = signs.short_page_html(sign, LANGS, SITE_NAMES)
    parsed = _Links()
    parsed.feed(html)
    assert {"name": "robots", "content": "noindex"} in parsed.meta
    assert {a["hreflang"]: a["href"] for a in parsed.links} == {
        "vi": "../../lich-su/di-tich/doi-a1/", "en": "../../en/doi-a1-page/"}
    assert "Đồi A1" in html and "Hill A1" in html
    # the script goes to the same links as the page offers, and only with location.replace
    targets = json.loads(re.search(r"var p=(\{.*?\});", parsed.script).group(1))
    assert targets == {a["hreflang"]: a["href"] for a in parsed.links}
    assert "location.replace(" in parsed.script and "navigator.languages" in parsed.script
    assert "<link rel=\"stylesheet\"" not in html and "src=" not in html  # nothing to fetch: works offline


def _matrix_from_path(d: str, size: int) -> list[list[bool]]:
    grid = [[False] * size for _ in range(size)]
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", d):
        for i in range(int(w)):
            grid[int(y)][int(x) + i] = True
    return grid


def test_the_sheet_draws_exactly_the_code_of_the_short_address(all_signs):
    for sign in all_signs:
        svg = signs.sheet_svg(sign, LANGS, SITE_NAMES)
        code = signs.qr_code(sign.url)
        assert code.error == "H" and not code.is_micro
        d = re.search(r'<path transform="[^"]*" d="([^"]+)"', svg).group(1)
        size = len(code.matrix)
        assert _matrix_from_path(d, size) == [[bool(v) for v in row] for row in code.matrix], sign.key
        assert sign.shown_url in svg
        for lang in LANGS:
            assert SITE_NAMES[lang] in svg


def test_names_fit_the_sheet_in_two_lines():
    width = signs.PAGE_W - 2 * signs.MARGIN
    long = "Điện Biên Phủ Campaign Headquarters (Mường Phăng) and its Victory Celebration Monument"
    size, lines = signs._fitted(long, (15, 12, 10, 8, 7, 6), width, 2, "bold")
    assert size < 10 and len(lines) == 2
    assert all(len(line) * size * signs.CHAR_EM["bold"] <= width for line in lines)
    assert signs._fitted("Đồi A1", (15, 12), width, 2, "bold") == (15, ["Đồi A1"])


def test_files_are_the_same_on_every_build(all_signs):
    first = signs.sign_files(all_signs, LANGS, SITE_NAMES, LISTS)
    assert first == signs.sign_files(all_signs, LANGS, SITE_NAMES, LISTS)
    assert set(first) == ({f"q/{s.key}/index.html" for s in all_signs} | {f"bien-bao/{s.key}.svg" for s in all_signs}
                          | {f"bien-bao/{s.key}.html" for s in all_signs} | {"bien-bao/tat-ca.html"})
    assert first["bien-bao/tat-ca.html"].count("<svg ") == len(all_signs)
