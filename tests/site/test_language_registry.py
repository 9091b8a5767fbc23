"""The languages are declared once, under ``dienbien/i18n`` in mkdocs.yml: a third language needs its
entry there, its strings file and its content folder, and nothing else; the old ``languages:`` of the
other plugins is refused with where the languages are declared now."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, SITE_URL, Site, build_env, copy_project, run_build

pytestmark = pytest.mark.slow

STRINGS = Path("plugins/dienbien/core/data/strings")
FRENCH = """\
        fr:
          name: Français
          locale: fr_FR
          site_name: Điện Biên – Pays de la fleur de Ban
          translation: pending
"""


def _add_language(config: Path, entry: str) -> None:
    """Append ``entry`` to the languages of dienbien/i18n, after the last language's lines."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    plugin = next(i for i, line in enumerate(lines) if line.strip() == "- dienbien/i18n:")
    start = next(i for i in range(plugin, len(lines)) if lines[i].rstrip() == "      languages:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("        "))
    config.write_text("".join(lines[:end] + [entry] + lines[end:]), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """The project with a stub French: its registry entry (translation pending), a strings file copied
    from English, and content/fr/ made of the English home page and history section."""
    project = copy_project(tmp_path_factory.mktemp("third") / "p")
    plugins = project / "plugins"
    plugins.unlink()  # a copy of its own, to hold the new strings file; the build imports it (PYTHONPATH)
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(project / STRINGS / "en.yml", project / STRINGS / "fr.yml")
    _add_language(project / "mkdocs.yml", FRENCH)
    (project / "content/fr").mkdir()
    shutil.copy(project / "content/en/index.md", project / "content/fr/index.md")
    shutil.copytree(project / "content/en/lich-su", project / "content/fr/lich-su")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                            cwd=project, env=dict(build_env(), PYTHONPATH=str(plugins)), capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(project / "site", result.stdout + result.stderr)


def _alternates(site: Site, path: str) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in site.page(path).select('link[rel="alternate"][hreflang]')}


def _switcher(site: Site, path: str) -> dict[str, str]:
    return {a["hreflang"]: a.get_text(strip=True) for a in site.page(path).select("a.md-select__link[hreflang]")}


def test_the_new_language_is_built_at_its_own_root(site: Site):
    home = site.page("fr/")
    assert home.html["lang"] == "fr"
    assert home.select_one('meta[property="og:locale"]')["content"] == "fr_FR"
    assert "Pays de la fleur de Ban" in home.title.get_text()
    assert site.page("fr/history/").html["lang"] == "fr"  # its pages at the addresses their slugs give
    assert (site.root / "fr/404.html").is_file() and (site.root / "fr/search/search_index.json").is_file()


def test_the_switcher_of_every_language_lists_the_new_one(site: Site):
    for path in ("", "lich-su/", "en/", "en/history/", "fr/"):
        assert _switcher(site, path) == {"vi": "Tiếng Việt", "en": "English", "fr": "Français"}, path


def test_paired_pages_name_the_new_language_as_an_alternate(site: Site):
    for vi_path in ("", "lich-su/", "lich-su/chien-dich-dien-bien-phu/"):
        fr = site.version(vi_path, "fr/")
        assert fr.startswith("fr/"), fr
        for path in (vi_path, site.version(vi_path, "en/"), fr):
            alternates = _alternates(site, path)
            assert set(alternates) == {"vi", "en", "fr", "x-default"}, path
            assert alternates["fr"] == SITE_URL + fr
            assert alternates["x-default"] == SITE_URL + vi_path  # the default language stays the default


def test_a_page_not_yet_translated_shows_the_default_language_with_a_notice(site: Site):
    """The new language's translation is pending: a page it lacks shows the Vietnamese, with the
    notice of its strings file, and no page claims a French version it does not have."""
    assert "fr" not in _alternates(site, "cong-nghiep/")
    fallback = site.page("fr/cong-nghiep/")
    assert fallback.html["lang"] == "fr"
    assert fallback.select_one(".db-fallback") is not None
    content = fallback.select_one("article div[lang]")
    assert content["lang"] == "vi" and content.get_text(strip=True)
    assert fallback.select_one("link[rel=canonical]")["href"] == SITE_URL + "cong-nghiep/"


def test_pages_made_from_data_read_the_default_language_where_the_data_has_no_text(site: Site):
    """A place's page in French: its key facts from data/places.yml, which gives no French text."""
    vi_path = "lich-su/di-tich/doi-a1/"
    fr = site.page(site.version(vi_path, "fr/"))
    vi = site.page(vi_path)
    fr_facts, vi_facts = fr.select_one(".db-facts"), vi.select_one(".db-facts")
    assert fr_facts is not None and vi_facts is not None
    vi_rows = [dd.get_text(" ", strip=True) for dd in vi_facts.select("dd")]
    fr_rows = [dd.get_text(" ", strip=True) for dd in fr_facts.select("dd")]
    assert vi_rows[0] and vi_rows[0] == fr_rows[0]  # "what it is", as the Vietnamese page gives it


def test_old_languages_option_of_another_plugin_is_refused_at_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - dienbien/pages:\n      data_dir: data\n" in text
    config.write_text(text.replace("  - dienbien/pages:\n      data_dir: data\n",
                                   "  - dienbien/pages:\n      data_dir: data\n      languages: [vi, en]\n"),
                      encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("      languages: [vi, en]") + 1
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"mkdocs\.yml:{line}: the site's languages are declared once, under dienbien/i18n",
                     output), output
    assert "remove 'languages:' from dienbien/pages" in output
