"""Parse the data files once per version, however many plugins, pages and rebuilds ask.

The key is every data file's path, size and modification time: an edit during
``mkdocs serve`` gives a new key and a fresh parse; an unchanged tree reuses the store.
"""

from __future__ import annotations

from pathlib import Path

from .figures import FigureStore, data_files, load_figure_store
from .languages import Languages

_cache: dict[tuple, FigureStore] = {}


def data_version(data_dir: Path) -> tuple:
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in data_files(data_dir))


def figure_store(data_dir: Path, languages: Languages, root: Path) -> FigureStore:
    where = Path(data_dir).resolve()  # one key for "data" and for /…/data
    key = (str(where), languages, data_version(where))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_figure_store(data_dir, languages, root)
    return _cache[key]
