from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from dienbien.buildtools.bundlepatch import (
    IDENTIFIERS,
    INDEX_REQUEST,
    SELECTOR,
    BundleChanged,
    patch_bundle,
    unknown_identifiers,
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


def installed_bundle() -> str:
    import material

    return next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js")).read_text(
        encoding="utf-8")


def test_every_name_the_patch_calls_is_defined_as_expected_in_the_installed_bundle():
    bundle = installed_bundle()
    assert unknown_identifiers(bundle) == []
    patched = patch_bundle(bundle)
    assert 'M("link[rel=alternate]:not([hreflang])")' in patched
    assert '.pipe(b(()=>ze(new URL("search/search_index.json",Or.base))))' in patched
    assert 'document.readyState==="loading"?h(document,"DOMContentLoaded"' in patched


@pytest.mark.parametrize("name", sorted(IDENTIFIERS))
def test_a_name_that_now_stands_for_other_code_stops_the_patch(name):
    role, code = IDENTIFIERS[name]
    bundle = installed_bundle().replace(code, code.replace("(", "( ", 1))  # the same name, other code
    assert unknown_identifiers(bundle) == [f"{name} ({role})"]
    with pytest.raises(BundleChanged, match=rf"no longer stand for the same code: {name} "):
        patch_bundle(bundle)


def test_every_guard_that_fails_is_named_at_once():
    bundle = installed_bundle().replace(SELECTOR, 'M("link")').replace(INDEX_REQUEST, "null")
    with pytest.raises(BundleChanged) as error:
        patch_bundle(bundle)
    assert SELECTOR in str(error.value) and INDEX_REQUEST in str(error.value)
    assert "DOMContentLoaded" not in str(error.value)  # that guard still matches


@pytest.mark.parametrize("content", [
    installed_bundle().replace(SELECTOR, 'M("link")'),  # was a warning; `mkdocs serve` went on unpatched
    installed_bundle().replace(INDEX_REQUEST, "null"),
    "console.log(1)",
])
def test_the_build_stops_on_any_patch_failure_strict_or_not(tmp_path, content):
    """An error, not a warning: `mkdocs serve` (not strict) must stop on it as `build --strict` does."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File, Files

    from dienbien.i18n.bundle import patch_material_bundle

    config = SimpleNamespace(site_dir=str(tmp_path), use_directory_urls=True,
                             plugins=SimpleNamespace(_current_plugin="dienbien/i18n"))
    files = Files([File.generated(config, "assets/javascripts/bundle.a5f9d56c.min.js", content=content)])
    with pytest.raises(PluginError, match="Material's script cannot be patched"):
        patch_material_bundle(files, config)


def test_the_build_stops_when_materials_script_is_not_found(tmp_path):
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    from dienbien.i18n.bundle import patch_material_bundle

    with pytest.raises(PluginError, match="is not among the theme's files"):
        patch_material_bundle(Files([]), SimpleNamespace(site_dir=str(tmp_path)))
