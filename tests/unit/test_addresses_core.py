"""Every page's address in every language, from the content's front matter (core/site/addresses.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.site.addresses import load_redirects, old_scheme, page_addresses, redirect_html
from sitelanguages import LANGUAGES

LANGS = LANGUAGES


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(slug: str | None = None, title: str = "T", extra: str = "") -> str:
    lines = ([f"slug: {slug}"] if slug is not None else []) + ([extra] if extra else [])
    front = "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" if lines else ""
    return f"{front}# {title}\n\ntext\n"


SITE = {
    "content/vi/index.md": page(),
    "content/en/index.md": page(),
    "content/vi/lich-su/index.md": page(title="Lịch sử"),
    "content/en/lich-su/index.md": page("history", "History"),
    "content/vi/lich-su/di-tich/doi-a1.md": page(title="Đồi A1"),
    "content/en/lich-su/di-tich/doi-a1.md": page("hill-a1", "Hill A1"),
    "data/slugs.yml": "lich-su/di-tich/index.md: {en: sites}\n",
}


def addresses(root: Path, **kw) -> dict[str, dict[str, str]]:
    return page_addresses(root / "content", LANGS, "vi", root / "data/slugs.yml", root, **kw)


def test_english_addresses_from_slugs_and_vietnamese_from_paths(tmp_path: Path):
    found = addresses(write(tmp_path, SITE))
    assert found == {
        "index.md": {"vi": "", "en": "en/"},
        "lich-su/index.md": {"vi": "lich-su/", "en": "en/history/"},
        "lich-su/di-tich/index.md": {"vi": "lich-su/di-tich/", "en": "en/history/sites/"},
        "lich-su/di-tich/doi-a1.md": {"vi": "lich-su/di-tich/doi-a1/", "en": "en/history/sites/hill-a1/"},
    }
    assert old_scheme(found, "en", "vi") == {
        "lich-su/index.md": "en/lich-su/", "lich-su/di-tich/index.md": "en/lich-su/di-tich/",
        "lich-su/di-tich/doi-a1.md": "en/lich-su/di-tich/doi-a1/"}


def test_addresses_without_directory_urls(tmp_path: Path):
    found = addresses(write(tmp_path, SITE), directory_urls=False)
    assert found["lich-su/di-tich/doi-a1.md"] == {"vi": "lich-su/di-tich/doi-a1.html",
                                                  "en": "en/history/sites/hill-a1.html"}
    assert found["lich-su/index.md"]["en"] == "en/history/index.html"


def test_missing_slug_names_the_file_and_suggests_one(tmp_path: Path):
    write(tmp_path, {**SITE, "content/en/lich-su/di-tich/doi-a1.md": page(None, "Hill A1", "description: x")})
    with pytest.raises(SiteDataError) as e:
        addresses(tmp_path)
    assert str(e.value).startswith("content/en/lich-su/di-tich/doi-a1.md:1: no 'slug:' in the front matter")
    assert "slug: hill-a1" in str(e.value)


@pytest.mark.parametrize("bad", ["Hill A1", "hill_a1", "đồi-a1", "-hill", "hill--a1", "[a, b]"])
def test_malformed_slug_is_an_error_at_its_line(tmp_path: Path, bad: str):
    write(tmp_path, {**SITE, "content/en/lich-su/di-tich/doi-a1.md": page(bad, "Hill A1", "description: x")})
    with pytest.raises(SiteDataError) as e:
        addresses(tmp_path)
    assert str(e.value).startswith("content/en/lich-su/di-tich/doi-a1.md:2: slug:")


def test_two_pages_at_one_address(tmp_path: Path):
    write(tmp_path, {**SITE, "content/vi/lich-su/di-tich/doi-b.md": page(),
                     "content/en/lich-su/di-tich/doi-b.md": page("hill-a1")})
    with pytest.raises(SiteDataError, match=r"doi-b\.md:2: two pages at one address, /en/history/sites/hill-a1/: "
                                            r"this page and content/en/lich-su/di-tich/doi-a1\.md"):
        addresses(tmp_path)


def test_folder_without_an_english_name(tmp_path: Path):
    files = dict(SITE)
    del files["data/slugs.yml"]
    with pytest.raises(SiteDataError, match=r"doi-a1\.md:2: the folder lich-su/di-tich/ has no en name; .*slugs\.yml"):
        addresses(write(tmp_path, files))


def test_home_page_takes_no_slug_and_reserved_words(tmp_path: Path):
    write(tmp_path, {**SITE, "content/en/index.md": page("home")})
    with pytest.raises(SiteDataError, match=r"content/en/index\.md:2: the home page is the language's root"):
        addresses(tmp_path)
    write(tmp_path, {**SITE, "content/en/lich-su/index.md": page("assets")})
    with pytest.raises(SiteDataError, match=r"'assets' is a folder of the site itself"):
        addresses(tmp_path)


def test_slug_in_both_the_page_and_the_slugs_file(tmp_path: Path):
    write(tmp_path, {**SITE, "content/en/lich-su/di-tich/index.md": page("sites"),
                     "content/vi/lich-su/di-tich/index.md": page()})
    with pytest.raises(SiteDataError, match=r"data/slugs\.yml:1: lich-su/di-tich/index\.md has its own Markdown"):
        addresses(tmp_path)


def test_pending_translation_keeps_its_own_word_under_translated_folders(tmp_path: Path):
    write(tmp_path, {**SITE, "content/vi/lich-su/moi.md": page(extra="translation: pending")})
    assert addresses(tmp_path)["lich-su/moi.md"] == {"vi": "lich-su/moi/", "en": "en/history/moi/"}


def test_redirects_checked_against_todays_pages(tmp_path: Path):
    root = write(tmp_path, SITE)
    found = addresses(root)
    path = root / "data/redirects.yml"
    path.write_text("# old\nen/lich-su/di-tich/doi-a1/: lich-su/di-tich/doi-a1.md\n", encoding="utf-8")
    (redirect,) = load_redirects(path, found, LANGS, "vi", root)
    assert (redirect.old, redirect.key, redirect.lang, redirect.line) == (
        "en/lich-su/di-tich/doi-a1/", "lich-su/di-tich/doi-a1.md", "en", 2)
    for text, message in (("en/lich-su/: lich-su/nothing.md\n", r"redirects\.yml:1: en/lich-su/: unknown page"),
                          ("en/history/: lich-su/index.md\n", r"redirects\.yml:1: /en/history/ is the address of"),
                          ("/en/lich-su: lich-su/index.md\n", r"redirects\.yml:1: '/en/lich-su' is not an address")):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SiteDataError, match=message):
            load_redirects(path, found, LANGS, "vi", root)


def test_redirect_page_leads_to_the_new_address():
    html = redirect_html("en/lich-su/di-tich/doi-a1/", "en/history/sites/hill-a1/", "https://example.org/", "en",
                         "Hill A1 & more")
    assert '<link rel="canonical" href="https://example.org/en/history/sites/hill-a1/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../../../history/sites/hill-a1/">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="../../../history/sites/hill-a1/">Hill A1 &amp; more</a>' in html
    assert '<html lang="en">' in html
