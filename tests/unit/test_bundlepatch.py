from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.bundlepatch import (
    BundleChanged,
    with_late_start,
    with_search_index_on_demand,
    without_sitemap_language_mapping,
)


def test_narrows_materials_alternate_selector_in_the_installed_bundle():
    import material

    bundles = list((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    patched = without_sitemap_language_mapping(bundles[0].read_text(encoding="utf-8"))
    assert 'M("link[rel=alternate]:not([hreflang])")' in patched
    assert 'M("link[rel=alternate]")' not in patched


def test_refuses_an_unknown_bundle():
    with pytest.raises(BundleChanged):
        without_sitemap_language_mapping("console.log(1)")


def test_the_installed_bundle_loads_the_search_index_on_demand():
    import material

    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    patched = with_search_index_on_demand(bundle.read_text(encoding="utf-8"))
    assert patched.count('ze(new URL("search/search_index.json",Or.base))') == 1  # now inside the wait
    assert '.pipe(b(()=>ze(new URL("search/search_index.json",Or.base))))' in patched


def test_an_unknown_bundle_keeps_loading_the_index_as_before():
    with pytest.raises(BundleChanged):
        with_search_index_on_demand('ze(new URL("search/search_index.json",Or.base))')


def test_the_installed_bundle_starts_on_an_already_loaded_page():
    import material

    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    patched = with_late_start(bundle.read_text(encoding="utf-8"))
    assert patched.count('document.readyState==="loading"?h(document,"DOMContentLoaded"') == 1
    assert patched.count("DOMContentLoaded") == 1


def test_an_unknown_bundle_is_refused_rather_than_never_started():
    with pytest.raises(BundleChanged):
        with_late_start('h(document,"DOMContentLoaded").subscribe(()=>e.next(document))')
