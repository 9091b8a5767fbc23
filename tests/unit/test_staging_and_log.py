from __future__ import annotations

import os
from pathlib import Path

import pytest

from dienbien.buildtools.buildlog import parse_build_log
from dienbien.buildtools.staging import BuildBusy, exchange, start


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)
    return folder


def test_a_closed_build_leaves_the_old_site_and_nothing_else(tmp_path: Path):
    final = _site(tmp_path / "site", "old")
    work = start(final)
    _site(work.staging, "broken")
    out, log = work.other("en")
    out.mkdir()
    log.write_text("log")
    work.close()
    work.close()  # twice: nothing more happens
    assert (final / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_publish_puts_the_new_site_in_place_and_removes_the_rest(tmp_path: Path):
    final = _site(tmp_path / "site", "old")
    work = start(final)
    _site(work.staging, "new")
    remover = work.publish()
    assert (final / "index.html").read_text() == "new"
    start(final).close()  # the folder is free as soon as the new site is in place
    assert remover.wait(timeout=30) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_old_site_is_removed_by_a_process_that_outlives_the_build(tmp_path: Path):
    final = _site(tmp_path / "site", "old")
    work = start(final)
    _site(work.staging, "new")
    remover = work.publish()
    assert remover.pid != os.getpid() and os.getsid(remover.pid) == remover.pid  # a session of its own
    remover.wait(timeout=30)
    assert not work.path.exists()


def test_the_first_publish_makes_site(tmp_path: Path):
    work = start(tmp_path / "site")
    _site(work.staging, "new")
    work.publish().wait(timeout=30)
    assert (tmp_path / "site/index.html").read_text() == "new"


def test_exchange_keeps_the_same_site_folder_name_at_every_step(tmp_path: Path):
    final = _site(tmp_path / "site", "old")
    new = _site(tmp_path / "new", "new")
    inode = os.stat(new).st_ino
    exchange(new, final)
    assert os.stat(final).st_ino == inode and not new.exists()


def test_a_second_build_in_the_same_folder_stops_at_once(tmp_path: Path):
    final = _site(tmp_path / "site", "old")
    first = start(final)
    with pytest.raises(BuildBusy, match="another build is running in this folder"):
        start(final)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", first.path.name])
    first.close()
    start(final).close()  # free again once the first build is done


def test_parse_build_log_joins_continuations_and_drops_abort_line():
    output = ("INFO    -  Cleaning site directory\n"
              "WARNING -  The following pages exist in the docs directory:\n"
              "  - a.md\n"
              "ERROR   -  content/en/a.md:3: unknown figure key 'x'\n"
              "\n"
              "Aborted with a BuildError!\n")
    assert parse_build_log(output) == [
        ("INFO", "Cleaning site directory"),
        ("WARNING", "The following pages exist in the docs directory:\n- a.md"),
        ("ERROR", "content/en/a.md:3: unknown figure key 'x'"),
    ]
