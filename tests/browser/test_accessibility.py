"""axe-core in a real Chromium on every page type, both languages: no violation at any impact."""

from __future__ import annotations

from pathlib import Path

import pytest
from pairs import both

pytestmark = pytest.mark.slow

AXE = Path(__file__).resolve().parents[2] / "tools/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = ["", "lich-su/", "lich-su/chien-dich-dien-bien-phu/", "van-hoa/", "van-hoa/dan-toc/mong/",
         "van-hoa/dan-toc/giay/", "lich-su/di-tich/doi-a1/", "du-lich/", "du-lich/diem-den/a-pa-chai/",
         "du-lich/le-hoi/", "nong-nghiep/", "phat-trien/", "chuyen-di/", "chuyen-di/ban-do/", "404.html",
         "lich-su/di-tich/", "du-lich/diem-den/", "van-hoa/dan-toc/", "lich-su/di-tich/bao-tang-chien-thang/"]


@pytest.mark.parametrize("path", both(PAGES))
def test_no_axe_violations(page, base_url, path, start_materials_script):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci --prefix tools` (make test does)")
    page.goto(base_url + path)
    page.add_script_tag(path=str(AXE))
    # As the page arrives, then once the reader's first move has started Material's script.
    for state in ("as loaded", "script started"):
        if state == "script started":
            start_materials_script(page)
            # The scroll may swap the header's title (a fade); check the page at rest.
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')",
                                   timeout=5000)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], state
