from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.site.languages import (
    Version,
    is_pending,
    page_languages,
    page_title,
    read_front_matter,
    relative_url,
    scan_content,
)

ROOT = "https://example.org/"
NAMES = {"vi": "Tiếng Việt", "en": "English"}


@pytest.mark.parametrize(
    ("src", "dst", "rel"),
    [
        ("", "en/", "en/"),
        ("en/", "", "../"),
        ("lich-su/", "en/lich-su/", "../en/lich-su/"),
        ("en/lich-su/x/", "lich-su/x/", "../../../lich-su/x/"),
        ("", "", "./"),
        ("en/404.html", "404.html", "../404.html"),
    ],
)
def test_relative_url(src, dst, rel):
    assert relative_url(src, dst) == rel


def test_pairs_by_path_and_reports_missing(tmp_path: Path):
    for rel in ("vi/index.md", "en/index.md", "vi/a/b.md", "en/c.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# T\n", encoding="utf-8")
    pages = scan_content(tmp_path, ("vi", "en"))
    assert pages.has("index.md", "vi") and pages.has("index.md", "en")
    assert pages.missing() == [("a/b.md", "vi", "en"), ("c.md", "en", "vi")]


def test_front_matter_pending_and_title(tmp_path: Path):
    page = tmp_path / "p.md"
    page.write_text("---\ntranslation: pending\n---\n# Đồi A1\n\ntext\n", encoding="utf-8")
    meta, body = read_front_matter(page, "content/vi/p.md")
    assert is_pending(meta)
    assert page_title(meta, body) == "Đồi A1"
    assert page_title({"title": "Khác"}, body) == "Khác"


def test_broken_front_matter_names_the_line(tmp_path: Path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: a\n  bad: [\n---\nbody\n", encoding="utf-8")
    with pytest.raises(SiteDataError) as e:
        read_front_matter(page, "content/vi/p.md")
    assert str(e.value).startswith("content/vi/p.md:")


def test_real_pair_links_both_ways_with_x_default():
    versions = {"vi": Version("vi", "lich-su/", True), "en": Version("en", "en/lich-su/", True)}
    info = page_languages("en", "en", versions, NAMES, "vi", ROOT)
    assert info.hreflang == (("vi", ROOT + "lich-su/"), ("en", ROOT + "en/lich-su/"), ("x-default", ROOT + "lich-su/"))
    assert [(s.lang, s.href, s.current) for s in info.switcher] == [("vi", "../../lich-su/", False),
                                                                  ("en", "./", True)]
    assert info.fallback_notice is None and info.canonical is None


def test_pending_translation_has_no_false_hreflang():
    versions = {"vi": Version("vi", "a/", True), "en": Version("en", "en/a/", False)}
    info = page_languages("en", "vi", versions, NAMES, "vi", ROOT)
    assert dict(info.hreflang) == {"vi": ROOT + "a/", "x-default": ROOT + "a/"}
    assert info.content_lang == "vi"
    assert info.canonical == ROOT + "a/"
    assert "not been translated into English" in info.fallback_notice
    # the Vietnamese original does not claim an English translation either
    original = page_languages("vi", "vi", versions, NAMES, "vi", ROOT)
    assert "en" not in dict(original.hreflang)
    assert original.switcher[1].href == "../en/a/"
