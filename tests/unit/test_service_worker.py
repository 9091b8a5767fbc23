"""The service worker's script: what it saves and when its cache is replaced."""

from __future__ import annotations

import hashlib
import json
import re
import time

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.site.offline import (
    CLOCK_SLACK_NS,
    FileHash,
    hash_files,
    service_worker,
    site_version,
    written_hash,
)


def make_site(root):
    pages = {
        "index.html": '<html><head><title>Trang chủ</title><link rel="stylesheet" href="assets/a.css">'
                      '<script src="assets/b.js"></script><link rel="icon" href="assets/i.svg"></head>'
                      '<body><a href="lich-su/">x</a><img src="https://example.org/x.png"></body></html>',
        "chuyen-di/index.html": '<html><head><title>Chuyến đi - Điện Biên</title>'
                                '<link rel="stylesheet" href="../assets/a.css"></head></html>',
        "en/index.html": '<html><head><title>Home</title><script src="assets/c.js?v=1"></script></head></html>',
        "assets/a.css": "a{}", "assets/b.js": "", "assets/i.svg": "<svg/>", "en/assets/c.js": "",
        "lich-su/index.html": "<html></html>",
    }
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def value(script: str, name: str):
    return json.loads(re.search(rf"const {name} = (.*?);", script).group(1))


def test_saves_the_essentials_and_the_files_they_load(tmp_path):
    make_site(tmp_path)
    script = service_worker(tmp_path, {"vi": ["", "chuyen-di/"], "en": ["en/"]}, "vi", "mkdocs.yml")
    assert value(script, "PRECACHE") == ["", "assets/a.css", "assets/b.js", "assets/i.svg", "chuyen-di/",
                                         "en/", "en/assets/c.js"]
    assert value(script, "PAGES")["vi"] == [{"title": "Trang chủ", "url": ""},
                                             {"title": "Chuyến đi", "url": "chuyen-di/"}]
    assert value(script, "LANGUAGES") == ["en"]
    assert "/*" not in script.split("\n", 3)[3]  # every value was filled in


def test_the_version_changes_with_any_file_and_only_then(tmp_path):
    make_site(tmp_path)
    first = site_version(tmp_path)
    assert site_version(tmp_path) == first
    (tmp_path / "sw.js").write_text("older worker", encoding="utf-8")  # the worker itself does not count
    assert site_version(tmp_path) == first
    (tmp_path / "lich-su" / "index.html").write_text("<html>changed</html>", encoding="utf-8")
    assert site_version(tmp_path) != first


def test_files_hashed_as_their_build_finished_are_read_again_only_if_changed(tmp_path):
    """Each language's build hashes its own output; the version from those hashes is the version
    of the whole site read afresh, and a file rewritten since is read again."""
    make_site(tmp_path)
    fresh = site_version(tmp_path)
    known = hash_files(tmp_path, leave_out=["en"])
    known |= {f"en/{path}": h for path, h in hash_files(tmp_path / "en").items()}
    assert site_version(tmp_path, known) == fresh
    assert site_version(tmp_path, {path: FileHash(h.size, h.mtime_ns, "00" * 32) for path, h in known.items()}) \
        != fresh  # the known hashes are used, not read again
    page = tmp_path / "lich-su" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    assert site_version(tmp_path, known) == site_version(tmp_path) != fresh
    assert hash_files(tmp_path, leave_out=["en", "sw.js"]).keys() == {
        p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
        if p.is_file() and p.name != "sw.js" and not p.relative_to(tmp_path).as_posix().startswith("en/")}


def test_pages_hashed_from_the_html_written_are_trusted_only_until_changed(tmp_path):
    """The pages are hashed from the bytes MkDocs writes; a page changed after they were all
    written (here: the same size, other bytes) is read again."""
    make_site(tmp_path)
    page, other = tmp_path / "index.html", tmp_path / "chuyen-di" / "index.html"
    written = {"index.html": written_hash(page.read_bytes()), "chuyen-di/index.html": written_hash(b"x" * 99)}
    before = time.time_ns() + CLOCK_SLACK_NS + 1
    hashes = hash_files(tmp_path, written=written, written_before=before)
    assert hashes["index.html"].sha256 == written["index.html"][1]
    assert hashes["chuyen-di/index.html"].sha256 == hashlib.sha256(other.read_bytes()).hexdigest()  # other size
    fake = {"index.html": (page.stat().st_size, "00" * 32)}
    assert hash_files(tmp_path, written=fake, written_before=before)["index.html"].sha256 == "00" * 32
    assert hash_files(tmp_path, written=fake, written_before=page.stat().st_mtime_ns)["index.html"].sha256 \
        == hashlib.sha256(page.read_bytes()).hexdigest()  # changed after they were written: read


def test_an_essential_page_that_does_not_exist_names_the_setting(tmp_path):
    make_site(tmp_path)
    with pytest.raises(SiteDataError, match=r"^mkdocs.yml: offline essentials: there is no page at /ban-do/"):
        service_worker(tmp_path, {"vi": ["ban-do/"]}, "vi", "mkdocs.yml")
