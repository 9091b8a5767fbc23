"""Build into a staging folder beside ``site/`` and swap it in only when the build succeeded.

A failed build then leaves the published ``site/`` exactly as it was, and nothing
half-written is ever served.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(final: Path) -> Path:
    """A fresh, empty staging folder on the same file system as ``final``."""
    staging = final.parent / f".{final.name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def publish(staging: Path, final: Path) -> None:
    """Replace ``final`` with ``staging``; the old tree is removed only after the swap."""
    old = final.parent / f".{final.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
