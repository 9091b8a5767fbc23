"""The theme files that copy or build on Material's templates, against the originals they were
made from: when an upgrade of Material changes one of those originals, a test fails and shows
the upstream diff, so that the change is carried into our copy instead of silently lost.

The originals are kept verbatim in ``tests/data/material/`` (Material's version in ``VERSION``).
After porting an upstream change into ``site_src/``, copy the new original over the kept one.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE_SRC = ROOT / "site_src"
RECORDED = ROOT / "tests/data/material"

#: Our file in site_src/ → the Material templates it is made from (kept in tests/data/material/).
FORKS: dict[str, tuple[str, ...]] = {
    "partials/search.html": ("partials/search.html",),  # copied, with a dialog name and Vietnamese
    "partials/alternate.html": ("partials/alternate.html",),  # copied, with per-page language links
    "partials/copyright.html": ("partials/copyright.html",),  # copied, in the page's language
    "partials/nav-item.html": ("partials/nav-item.html",),  # copied, with closed branches rendered once per folder
    "partials/nav.html": ("partials/nav.html",),  # copied, as nav-item.html
    "partials/languages/vi.html": ("partials/languages/vi.html",),  # every key of Material's strings
    "404.html": ("404.html",),  # replaced
    # overrides base.html's blocks and rewrites the script tags its `scripts` block writes
    "main.html": ("main.html", "base.html"),
}


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def upstream_diff(name: str) -> str:
    kept = (RECORDED / name).read_text(encoding="utf-8").splitlines(keepends=True)
    installed = (material_templates() / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(kept, installed, f"Material {recorded_version()}: {name}",
                                        f"Material {version('mkdocs-material')}: {name}"))


def recorded_version() -> str:
    return (RECORDED / "VERSION").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("ours", sorted(FORKS))
def test_materials_originals_of_our_copies_have_not_changed(ours):
    changed = {name: diff for name in FORKS[ours] if (diff := upstream_diff(name))}
    assert not changed, (
        f"Material changed the template(s) that site_src/{ours} is made from; carry the change into "
        f"site_src/{ours}, then copy the new original(s) into tests/data/material/ and update VERSION:\n\n"
        + "\n".join(changed.values()))


def test_every_template_that_shadows_materials_is_watched():
    shadowing = sorted(path.relative_to(SITE_SRC).as_posix() for path in SITE_SRC.rglob("*.html")
                       if (material_templates() / path.relative_to(SITE_SRC)).is_file())
    assert shadowing == sorted(FORKS), "list the new fork in FORKS and keep Material's original in tests/data/material/"
    kept = sorted(p.relative_to(RECORDED).as_posix() for p in RECORDED.rglob("*.html"))
    assert kept == sorted({name for names in FORKS.values() for name in names})


def blocks(text: str) -> set[str]:
    return set(re.findall(r"{%-?\s*block\s+(\w+)", text))


@pytest.mark.parametrize("page", ["main.html", "home.html", "404.html"])
def test_our_templates_override_only_blocks_material_has(page):
    base = (material_templates() / "base.html").read_text(encoding="utf-8")
    ours = blocks((SITE_SRC / page).read_text(encoding="utf-8"))
    assert ours and ours <= blocks(base), f"site_src/{page}: no such block in Material's base.html: " \
                                          f"{sorted(ours - blocks(base))}"


def test_the_script_tags_main_html_rewrites_are_still_written_by_material():
    """main.html holds Material's script back by rewriting ``<script src=`` in the ``scripts`` block."""
    assert "replace('<script src='" in (SITE_SRC / "main.html").read_text(encoding="utf-8")
    base = (material_templates() / "base.html").read_text(encoding="utf-8")
    scripts = base[base.index("{% block scripts %}"):]
    scripts = scripts[:scripts.index("{% endblock %}")]
    assert '<script src="' in scripts and "bundle" in scripts


def test_the_diff_names_both_versions_and_shows_the_change(tmp_path, monkeypatch):
    """What a maintainer sees after an upgrade: the upstream change itself."""
    fake = tmp_path / "material"
    (fake / "templates/partials").mkdir(parents=True)
    original = (RECORDED / "partials/search.html").read_text(encoding="utf-8")
    (fake / "templates/partials/search.html").write_text(original.replace('name="search"', 'name="find"'),
                                                         encoding="utf-8")
    (fake / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(__import__("sys").modules, "material", raising=False)
    diff = upstream_diff("partials/search.html")
    assert f"--- Material {recorded_version()}: partials/search.html" in diff
    assert '-    <form class="md-search__form" name="search">' in diff
    assert '+    <form class="md-search__form" name="find">' in diff
