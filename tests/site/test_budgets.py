"""Page weight over every built page: the budgets of a cheap phone on a slow connection."""

from __future__ import annotations

import sys

import pytest

from sitebuild import ROOT, Site

sys.path.insert(0, str(ROOT / "tools"))
from audit import CRITICAL_BUDGET, FIRST_VISIT_BUDGET, print_weights, weights  # noqa: E402

pytestmark = pytest.mark.slow


def test_every_page_is_within_budget(site: Site):
    table = weights(site.root)
    assert len(table) > 90
    assert print_weights(table) == []
    assert max(w["critical"] for w in table.values()) <= CRITICAL_BUDGET
    assert max(w["first_visit"] for w in table.values()) <= FIRST_VISIT_BUDGET
