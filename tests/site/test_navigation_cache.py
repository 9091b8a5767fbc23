"""The menu of every page is the one Material's own template renders.

``site_src/partials/nav.html`` and ``nav-item.html`` hand back a closed branch of the menu rendered on an earlier
page of the same folder (plugins/dienbien/buildtools/navcache.py). This builds the site a second
time with Material's original template and compares the menu of every page, in both languages.
"""

from __future__ import annotations

import pytest

from sitebuild import Site, build_site, copy_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def materials_menus(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("material-nav"))
    for fork in ("nav.html", "nav-item.html"):  # Material's own partials again
        (project / "site_src/partials" / fork).unlink()
    return build_site(project)


def _menu(site: Site, path: str) -> str:
    nav = site.page(path).select_one("nav.md-nav--primary")
    assert nav is not None, f"{path or '/'} has no menu"
    return str(nav)


def test_every_pages_menu_is_materials(site, materials_menus):
    paths = site.html_paths()
    assert paths == materials_menus.html_paths()
    assert len(paths) > 100 and any(p.startswith("en/") for p in paths)
    different = [p for p in paths if _menu(site, p) != _menu(materials_menus, p)]
    assert not different, f"{len(different)} pages' menus differ from Material's, e.g. /{different[0]}"


def test_the_menus_link_across_folders_and_below_index_pages(site):
    """What the comparison covers: pages whose menus share branches and pages that link below
    themselves (a section's index page), at several depths."""
    history = site.page("lich-su/").select_one("nav.md-nav--primary")
    assert history.select_one('a[href="di-tich/"]') is not None  # from the section's index, below it
    hill = site.page("lich-su/di-tich/doi-a1/").select_one("nav.md-nav--primary")
    assert hill.select_one('a[href="../../../van-hoa/"]') is not None
    assert site.page("en/history/sites/hill-a1/").select_one('nav.md-nav--primary a[href="../../../culture/"]')
