"""The English build runs beside the Vietnamese one, as a copy of its process where the system
allows it (plugins/dienbien/i18n/forked.py): its warnings and errors reach the build's output and
``--strict`` as the Vietnamese build's own do. (MkDocs' ``-q`` drops warnings before ``--strict``
counts them, in any one-language build too.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitebuild import build_env, copy_project

pytestmark = pytest.mark.slow


def _build(project, *flags):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(project / "mkdocs.yml")],
                          cwd=project, env=build_env(), capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("flags", [("--strict",), ("-v", "--strict")], ids=["strict", "verbose-strict"])
def test_a_warning_in_an_english_page_stops_a_strict_build(tmp_path, flags):
    project = copy_project(tmp_path / "p")
    page = project / "content/en/lich-su/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[A page that is not there](khong-co.md)\n",
                    encoding="utf-8")
    result = _build(project, *flags)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "[en]" in output and "khong-co.md" in output, output
    assert not (project / "site").exists()  # nothing published
    assert not list(project.glob(".site*")), list(project.glob(".site*"))


def test_an_error_in_the_english_build_names_its_file_and_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "content/en/lich-su/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n{{ fig.no_such_figure }}\n", encoding="utf-8")
    result = _build(project, "-q")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "the English build failed" in output and "content/en/lich-su/index.md" in output, output
    assert "no_such_figure" in output
