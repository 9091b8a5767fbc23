from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.bundlepatch import BundleChanged, without_sitemap_language_mapping


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
