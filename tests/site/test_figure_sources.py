"""A page's "Sources of figures" list is added to its HTML after Markdown, and links to it from
Markdown (on the page, or from another page) are checked and kept as for any heading."""

from __future__ import annotations

import pytest

from sitebuild import build_site, copy_project

pytestmark = pytest.mark.slow


def test_links_to_the_sources_of_figures_build_in_strict_mode(tmp_path):
    project = copy_project(tmp_path / "p")
    industry = project / "content/vi/cong-nghiep/index.md"
    industry.write_text(industry.read_text(encoding="utf-8") + "\n[Xem nguồn số liệu](#figure-sources)\n",
                        encoding="utf-8")
    history = project / "content/vi/lich-su/index.md"
    history.write_text(history.read_text(encoding="utf-8")
                       + "\n[Số liệu công nghiệp](../cong-nghiep/index.md#figure-source-2)\n", encoding="utf-8")
    site = build_site(project)  # --strict: an anchor MkDocs could not find would stop it
    page = site.page("cong-nghiep/")
    assert page.select_one('a[href="#figure-sources"]') is not None
    assert page.select_one("section.dbf-sources h2#figure-sources") is not None
    assert page.select_one("section.dbf-sources li#figure-source-2") is not None
    assert site.page("lich-su/").select_one('a[href="../cong-nghiep/#figure-source-2"]') is not None
