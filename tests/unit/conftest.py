"""Fixtures of the core's unit tests that read the project's real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.data.figures import load_figure_store
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def real_store():
    """The figures, sources and units of ``data/``, loaded once."""
    return load_figure_store(ROOT / "data", LANGUAGES, ROOT)
