from __future__ import annotations

from pathlib import Path

from dienbien.core.buildlog import parse_build_log
from dienbien.core.staging import discard, publish, staging_dir


def test_publish_swaps_and_discard_keeps_the_old_site(tmp_path: Path):
    final = tmp_path / "site"
    final.mkdir()
    (final / "index.html").write_text("old")
    staging = staging_dir(final)
    staging.mkdir()
    (staging / "index.html").write_text("broken")
    discard(staging)
    assert (final / "index.html").read_text() == "old" and not staging.exists()

    staging = staging_dir(final)
    staging.mkdir()
    (staging / "index.html").write_text("new")
    publish(staging, final)
    assert (final / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


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
