"""`make check`: the editor's report fails on what must be fixed, and only on that."""

from __future__ import annotations

import subprocess
import sys

from sitebuild import ROOT, copy_project

CHECK = [sys.executable, str(ROOT / "tools/check.py")]


def test_the_site_as_it_is_has_nothing_to_fix():
    result = subprocess.run(CHECK, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "MUST FIX (0)" in result.stdout


def test_missing_translation_and_missing_alt_must_be_fixed(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "content/vi/lich-su/moi.md").write_text("# Mới\n\n![](anh/a.jpg)\n", encoding="utf-8")
    pending = project / "content/vi/lich-su/cho-dich.md"
    pending.write_text("---\ntranslation: pending\n---\n# Chờ dịch\n", encoding="utf-8")
    result = subprocess.run([*CHECK, "--root", str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/vi/lich-su/moi.md: no 'en' version" in result.stdout
    assert "content/vi/lich-su/moi.md:3: image anh/a.jpg has no alt text" in result.stdout
    assert "content/vi/lich-su/cho-dich.md: translation into 'en' is pending" in result.stdout
