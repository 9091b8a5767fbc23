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
    header, row, cpu = result.stdout.strip().splitlines()[-3:]
    assert re.fullmatch(r"\s*CPU seconds \(median\): material \d+\.\d\d, cold \d+\.\d\d, warm \d+\.\d\d; "
                        r"for two languages against one: cold \d+\.\d\dx, warm \d+\.\d\dx", cpu), cpu
    assert header.split()[:5] == ["pages", "material", "cold", "warm", "cold/material"]
    # "3 0.90s (0.88) 1.70s (1.65) 1.20s (1.18) 1.89x (1.88) 1.33x (1.34) 140.0": median (fastest)
    cells = re.fullmatch(r"\s*3" + r"\s+(\d+\.\d\d)s \((\d+\.\d\d)\)" * 3 + r"\s+(\d+\.\d\d)x \((\d+\.\d\d)\)" * 2
                         + r"\s+\d+\.\d", row)
    assert cells, row
    median, best = [float(c) for c in cells.groups()[0:6:2]], [float(c) for c in cells.groups()[1:6:2]]
    ratios, best_ratios = [float(c) for c in cells.groups()[6::2]], [float(c) for c in cells.groups()[7::2]]
    assert all(value > 0 for value in median + best) and all(b <= m for b, m in zip(best, median, strict=True))
    # the ratios are of the unrounded times; the printed seconds are rounded to 10 ms
    assert ratios[0] == pytest.approx(median[1] / median[0], rel=0.05)
    assert best_ratios[1] == pytest.approx(best[2] / best[0], rel=0.05)
