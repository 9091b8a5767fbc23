"""The build benchmark keeps running as the site changes: a tiny-size run of `make bench`.
It asserts that every variant builds and that the ratios are printed, never a timing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitebuild import ROOT, build_env

pytestmark = pytest.mark.slow


def test_the_build_benchmark_runs_and_prints_its_ratios():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/build_speed.py"), "--sizes", "3", "--runs", "1"],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout)
    header, row = result.stdout.strip().splitlines()[-2:]
    assert header.split()[:5] == ["pages", "material", "cold", "warm", "cold/material"]
    cells = row.split()
    assert cells[0] == "3"
    seconds = [float(cell.rstrip("s")) for cell in cells[1:4]]
    assert all(value > 0 for value in seconds)
    ratios = [cell for cell in cells[4:6] if re.fullmatch(r"\d+\.\d\dx", cell)]
    # the ratio is of the unrounded times; the printed seconds are rounded to 10 ms
    assert len(ratios) == 2 and float(ratios[0][:-1]) == pytest.approx(seconds[1] / seconds[0], rel=0.05)
