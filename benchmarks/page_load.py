"""Main-thread work while a page loads on a phone: Material's script at load against at first move.

Serves the built ``site/`` twice, in this run and on this machine:

- ``material``: every page as Material writes it, its script loaded and started with the page;
- ``ours``: as built, the script held back until the reader's first touch, key or scroll
  (``site_src/partials/scripts.html``).

Each page opens in Debian's Chromium with a phone's viewport and the CPU slowed down 4x (the
DevTools "mid-tier mobile" setting). Printed per page, median of --runs loads: the main
thread's busy time until the page is quiet, the blocking time of its long tasks (each task's
time beyond 50 ms, as Total Blocking Time counts it, from the first paint on), the script
files fetched (KB before compression), and for ``ours`` what the first scroll costs afterwards.
Ratios are ours / material.

    make build && .venv/bin/python benchmarks/page_load.py [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from audit import LIGHTHOUSE_PAGES, serve  # noqa: E402  (the audit's pages and its gzip server)

HELD = '<script type="text/plain" data-db-later data-src='
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}

#: Long tasks from the first paint on, collected by the page itself as it loads.
OBSERVE = """
window.__long = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
"""
BLOCKING = """since => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const from = since === null ? (paint ? paint.startTime : 0) : since;
  return window.__long.filter(([start]) => start >= from).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
}"""


def as_material_writes_it(site: Path, into: Path) -> None:
    shutil.copytree(site, into)
    for page in into.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if HELD in html:
            page.write_text(html.replace(HELD, "<script src="), encoding="utf-8")


def load(browser, url: str, *, scroll: bool) -> dict[str, float]:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(OBSERVE)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Performance.enable")
    scripts = []
    page.on("response", lambda r: scripts.append(r) if r.request.resource_type == "script" else None)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    busy = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}["TaskDuration"]
    result = {"busy": busy * 1000, "blocking": page.evaluate(BLOCKING, None),
              "script_kb": sum(len(r.body()) for r in scripts) / 1024}
    if scroll:
        now = page.evaluate("performance.now()")
        page.mouse.wheel(0, 300)
        page.wait_for_function("window.component$ !== undefined", timeout=30000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}["TaskDuration"]
        result["scroll_busy"] = (after - busy) * 1000
        result["scroll_blocking"] = page.evaluate(BLOCKING, now)
    context.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (args.site / "index.html").is_file() or HELD not in (args.site / "index.html").read_text("utf-8"):
        sys.exit(f"{args.site} is not a build of this site: run `make build` first")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        material_site = Path(tmp) / "site"
        as_material_writes_it(args.site, material_site)
        ours, base_ours = serve(args.site)
        material, base_material = serve(material_site)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        print(f"{'page':<40} {'busy ms: material':>17} {'ours':>6} {'ratio':>6}   "
              f"{'blocking ms: material':>21} {'ours':>5}   {'script KB: material':>19} {'ours':>5}   "
              f"{'first scroll: busy':>18} {'blocking':>8}")
        ratios = []
        for prefix in ("", "en/"):
            for path in LIGHTHOUSE_PAGES:
                runs_m, runs_o = [], []
                for _ in range(args.runs):  # interleaved, so that a busy moment hits both alike
                    runs_m.append(load(browser, base_material + prefix + path, scroll=False))
                    runs_o.append(load(browser, base_ours + prefix + path, scroll=True))
                m = {k: statistics.median(r[k] for r in runs_m) for k in runs_m[0]}
                o = {k: statistics.median(r[k] for r in runs_o) for k in runs_o[0]}
                ratios.append(o["busy"] / m["busy"])
                print(f"{'/' + prefix + path:<40} {m['busy']:>17.0f} {o['busy']:>6.0f} "
                      f"{o['busy'] / m['busy']:>5.2f}x   {m['blocking']:>21.0f} {o['blocking']:>5.0f}   "
                      f"{m['script_kb']:>19.1f} {o['script_kb']:>5.1f}   "
                      f"{o['scroll_busy']:>18.0f} {o['scroll_blocking']:>8.0f}")
        print(f"\nMain thread while loading, ours / material: median {statistics.median(ratios):.2f}x "
              f"(range {min(ratios):.2f}–{max(ratios):.2f}x)")
        browser.close()
        ours.shutdown()
        material.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
