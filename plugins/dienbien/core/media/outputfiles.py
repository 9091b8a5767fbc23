"""Files the build puts into the site unchanged: cached photos and cards, the browser editor.

A hard link instead of a copy: a 1,000-page build in two languages places about 2,000 social
cards of 40 KB each, and writing their bytes again cost more than drawing the navigation of every
page. Nothing writes into a placed file afterwards (a build writes a new site and swaps it in), so
the site and the cache can share it. Where the file system cannot link (the cache on another disk),
the file is copied.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def place(source: Path | str, target: Path | str) -> None:
    """Put ``source``'s file at ``target`` (replacing a file there), as a hard link if possible.

    A file at ``target`` is removed first rather than written over: it may itself be a link to a
    cached file, which writing into would change."""
    if os.path.lexists(target):
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
