"""What CI publishes: reproducible, self-contained, and correct under a sub-path."""

from __future__ import annotations

import filecmp
import re

import pytest

from dienbien.core.site.offline import site_version
from sitebuild import Site, build_site, copy_project

pytestmark = pytest.mark.slow


def differing(a, b) -> list[str]:
    comparison = filecmp.dircmp(a, b)
    out = [f"{a}/{name}" for name in comparison.diff_files + comparison.left_only + comparison.right_only]
    for name in comparison.common_dirs:
        out += differing(a / name, b / name)
    return out


def test_two_clean_builds_are_byte_identical(site: Site, tmp_path):
    """A second build, in another folder at another time, gives the same bytes."""
    again = build_site(copy_project(tmp_path / "again"))
    assert differing(site.root, again.root) == []


def test_builds_under_a_sub_path(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://dienbien.example.org/", "site_url: https://example.org/tinh/dien-bien/"),
        encoding="utf-8")
    site = build_site(project)
    page = site.page("en/history/")
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates["vi"] == "https://example.org/tinh/dien-bien/lich-su/"
    assert alternates["en"] == "https://example.org/tinh/dien-bien/en/history/"
    # every link, script and stylesheet inside the site is relative, so any host or folder works
    for path in site.html_paths():
        soup = site.page(path)
        for element, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for tag in soup.find_all(element):
                url = tag.get(attr) or ""
                if tag.get("rel") in (["alternate"], ["canonical"]) or url.startswith(("http:", "https:", "geo:")):
                    continue
                assert not url.startswith("/"), (path, url)


def test_the_service_workers_version_is_the_hash_of_the_whole_built_site(site: Site):
    """Each language's build hashes its own files as it finishes; the version they make is the one
    the finished site gives when every file is read afresh."""
    worker = (site.root / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "([0-9a-f]{16})"', worker)
    assert version is not None
    assert version.group(1) == site_version(site.root)
