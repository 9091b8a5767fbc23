"""Copy the real project, build it with the real MkDocs (or ProperDocs), and read the
output as parsed HTML: shared by the site and browser tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "site_src", "data", "content")
SHARED_PARTS = ("plugins", "tools/node_modules")
SITE_URL = "https://dienbien.example.org/"


def copy_project(dest: Path) -> Path:
    """A private copy of the site's sources that a test may break."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    for part in SHARED_PARTS:  # read, never written: the editor's hook and its installed bundle
        (dest / part).parent.mkdir(parents=True, exist_ok=True)
        (dest / part).symlink_to(ROOT / part)
    return dest


def build_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")


def run_build(project: Path, engine: str = "mkdocs", strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", engine, "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, env=build_env(), capture_output=True, text=True, timeout=300)


@dataclass
class Site:
    root: Path
    output: str

    def page(self, path: str) -> BeautifulSoup:
        """Parsed HTML of a site path: ``""``, ``"en/"``, ``"lich-su/"``, ``"en/404.html"``."""
        file = self.root / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def version(self, path: str, prefix: str) -> str:
        """The site path of the Vietnamese page at ``path`` in the language of ``prefix`` (``""`` or
        ``"en/"``), as the page's own language link gives it: ``lich-su/`` -> ``en/history/``."""
        if not prefix:
            return path
        link = self.page(path).select_one(f'link[rel="alternate"][hreflang="{prefix.rstrip("/")}"]')
        assert link is not None, f"{path} has no {prefix.rstrip('/')} version"
        assert link["href"].startswith(SITE_URL), link["href"]
        return link["href"].removeprefix(SITE_URL)

    def html_paths(self) -> list[str]:
        """Site paths of every built page (``index.html`` files), both languages."""
        return sorted(
            "" if p.parent == self.root else p.parent.relative_to(self.root).as_posix() + "/"
            for p in self.root.rglob("index.html")
            if not p.relative_to(self.root).as_posix().startswith("admin/") and not _leads_elsewhere(p)
        )


NOINDEX = '<meta name="robots" content="noindex">'


def _leads_elsewhere(path: Path) -> bool:
    """An old address's redirect or a sign's short page: a noindex page that only leads to a real one."""
    with path.open(encoding="utf-8") as f:
        return NOINDEX in f.read(2000)


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``: equal means nothing changed."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_site(project: Path, engine: str = "mkdocs") -> Site:
    result = run_build(project, engine)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return Site(project / "site", output)
