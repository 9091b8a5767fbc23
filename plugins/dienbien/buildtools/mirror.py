"""Keep a folder the same as another one cheaply: the preview's copy of another language's output.

Files are hard links to the source's files where the file system allows it (a copy elsewhere), so
mirroring a few thousand files after a rebuild that changed a handful costs a walk and a few
links; a file rewritten in place is already current through its link.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path


def mirror(source: Path, target: Path, leave_out: Collection[str] = ()) -> None:
    """Make ``target`` hold exactly the files of ``source`` (but those at the paths of ``leave_out``,
    relative to ``source``), leaving alone the files that are already current."""
    wanted: set[str] = set()
    for folder, _, names in os.walk(source):
        rel_folder = os.path.relpath(folder, source)
        out_folder = os.path.normpath(os.path.join(target, rel_folder))
        if os.path.isfile(out_folder) or os.path.islink(out_folder):
            os.unlink(out_folder)  # a file where the source now has a folder
        os.makedirs(out_folder, exist_ok=True)
        for name in names:
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if Path(rel).as_posix() in leave_out:
                continue
            wanted.add(rel)
            _place(os.path.join(folder, name), os.path.join(out_folder, name))
    for folder, _, names in os.walk(target, topdown=False):
        rel_folder = os.path.relpath(folder, target)
        for name in names:
            if os.path.normpath(os.path.join(rel_folder, name)) not in wanted:
                os.unlink(os.path.join(folder, name))
        if rel_folder != "." and not os.listdir(folder):
            os.rmdir(folder)


def _place(source: str, target: str) -> None:
    found = os.stat(source)
    try:
        there = os.stat(target)
    except FileNotFoundError:
        there = None
    if there is not None and ((there.st_ino, there.st_dev) == (found.st_ino, found.st_dev) or
                              (there.st_size, there.st_mtime_ns) == (found.st_size, found.st_mtime_ns)):
        return
    if there is not None and os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)  # a folder where the source now has a file
    elif there is not None:
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
