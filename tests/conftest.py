"""Fixtures shared by every test folder."""

from __future__ import annotations

import pytest

from sitebuild import Site, build_site, copy_project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built once with ``mkdocs build --strict``."""
    return build_site(copy_project(tmp_path_factory.mktemp("site")))
