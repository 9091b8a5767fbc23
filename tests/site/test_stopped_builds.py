"""Builds that are stopped or run twice (dienbien.buildtools.staging and the i18n plugin's clean-up): a
second build in the same folder stops at once with a plain message; a build stopped by SIGTERM
(a CI runner cancelling a job) or SIGINT (Ctrl-C) leaves no process and no folder behind, and the
published site/ as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import build_env, copy_project, run_build, tree_digest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("built"))
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    """A project with a published site/, and, so that the next build differs, a changed home page."""
    project = copy_project(tmp_path / "p")
    shutil.copytree(built / "site", project / "site")
    home = project / "content/vi/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nMột dòng mới.\n", encoding="utf-8")
    return project


def _as_in_a_terminal() -> None:
    """Ctrl-C's default action, as in a terminal: a test run started in the background (as CI may start
    it) passes on SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                            cwd=project, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=_as_in_a_terminal)


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def work_folders(project: Path) -> list[Path]:
    return [p for p in project.iterdir() if p.name.startswith(".site.")]


def processes_in(project: Path) -> list[int]:
    """Processes working in the project folder: the build and its other-language builds."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == project:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_a_second_build_in_the_same_folder_stops_at_once_and_the_first_publishes(project):
    first = start_build(project)
    wait_for(lambda: work_folders(project))
    second = run_build(project)
    output = second.stdout + second.stderr
    assert second.returncode != 0, output
    assert "another build is running in this folder" in output, output
    assert "Traceback" not in output, output
    out, _ = first.communicate(timeout=300)
    assert first.returncode == 0, out
    assert "Một dòng mới." in (project / "site/index.html").read_text(encoding="utf-8")
    wait_for(lambda: work_folders(project) == [], timeout=30)  # removed after the build returns


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_build_leaves_no_process_no_folder_and_the_old_site(project, how):
    before = tree_digest(project / "site")
    build = start_build(project)
    # stop it while the English build runs beside it
    wait_for(lambda: any((w / "en.log").exists() for w in work_folders(project)))
    wait_for(lambda: len(processes_in(project)) >= 2, timeout=30)
    time.sleep(1)
    build.send_signal(how)
    out, _ = build.communicate(timeout=60)
    assert build.returncode != 0, out
    wait_for(lambda: processes_in(project) == [], timeout=15)
    assert work_folders(project) == [], out
    assert tree_digest(project / "site") == before
