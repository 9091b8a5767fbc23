"""The editing loop: how long a saved Markdown page takes to show under `make serve`.

Generates N synthetic pages per language (default 500, the same pages as build_speed.py),
starts `mkdocs serve --dirty` on a free port of 127.0.0.1 as `make serve` does, waits for the
first build, then saves a Vietnamese page and an English page (a new paragraph with a unique
word) several times and measures, for each save, the time until the server answers with the
new text: what the editor waits for before the browser's live reload shows the change. It also
counts the pages of the other language written again by each save (none expected), and times a
new title for the Vietnamese page, which every page's menu shows (both languages built again).
Then the same with plain `mkdocs serve`, which renders every Vietnamese page at each save.

    .venv/bin/python benchmarks/serve_reload.py [--pages 500] [--saves 3] [--make-serve-only]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from build_speed import make_project, write_config

PAGE = "mau/nhom-000/trang-0001.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen, log: Path) -> float:
    """Seconds until the page at ``url`` contains ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}")
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s:\n{log.read_text(encoding='utf-8')[-4000:]}")


def english_url(base: str, vi_html: str) -> str:
    link = BeautifulSoup(vi_html, "html.parser").find("link", rel="alternate", hreflang="en")
    return base + urlsplit(link["href"]).path.lstrip("/")


def pages_written(served: Path, english: bool) -> dict[Path, int]:
    """The pages of one language in the served folder (not the browser editor's), with their time of change."""
    return {page: page.stat().st_mtime_ns for page in served.rglob("index.html")
            if (page.relative_to(served).parts[0] == "en") == english and "admin" not in page.relative_to(served).parts}


def measure(project: Path, config_file: Path, saves: int, dirty: bool) -> dict[str, list[float]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", f"127.0.0.1:{port}"]
    tmp = Path(tempfile.mkdtemp(dir=project))  # where the server builds: its pages can be looked at
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DIENBIEN_CACHE_DIR=str(project / "cache"), TMPDIR=str(tmp))
    log = tmp / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command + (["--dirty"] if dirty else []), cwd=project, env=env, text=True,
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        vi_url = base + PAGE.removesuffix(".md") + "/"
        first = wait_for(vi_url, "</html>", 900, server, log)
        print(f"  first build {first:.1f} s", flush=True)
        urls = {"vi": vi_url, "en": english_url(base, fetch(vi_url) or "")}
        served = next(tmp.glob("mkdocs_*"))
        times: dict[str, list[float]] = {"vi": [], "en": [], "title": []}
        for n in range(saves):
            for lang in ("vi", "en"):
                time.sleep(2)  # the watcher's quiet period after the previous build
                marker = f"reloadmarker{lang}{n}x{time.time_ns()}"
                source = project / "content" / lang / PAGE
                other = pages_written(served, english=lang == "vi")
                start = time.perf_counter()
                with open(source, "a", encoding="utf-8") as f:
                    f.write(f"\n{marker}\n")
                wait_for(urls[lang], marker, 600, server, log)
                times[lang].append(time.perf_counter() - start)
                again = sum(1 for page, stamp in pages_written(served, english=lang == "vi").items()
                            if other.get(page) != stamp)
                print(f"  save {n + 1}, {lang}: {times[lang][-1]:.2f} s; pages of the other language written "
                      f"again: {again} of {len(other)}", flush=True)
            time.sleep(2)
            marker = f"title{n}x{time.time_ns()}"
            source = project / "content/vi" / PAGE
            start = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8").replace("# ", f"# {marker} ", 1), encoding="utf-8")
            wait_for(urls["vi"], marker, 900, server, log)
            times["title"].append(time.perf_counter() - start)
            print(f"  save {n + 1}, a new title (vi): {times['title'][-1]:.2f} s", flush=True)
        return times
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--make-serve-only", action="store_true", help="only `mkdocs serve --dirty`, as `make serve`")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="dienbien-serve-") as tmp:
        project, base = make_project(Path(tmp), args.pages)
        config_file = write_config(project, base, "bilingual")
        for dirty in (True,) if args.make_serve_only else (True, False):
            name = "`mkdocs serve --dirty` (as `make serve`)" if dirty else "`mkdocs serve`"
            print(f"{name}, {args.pages} pages per language:", flush=True)
            results[name] = measure(project, config_file, args.saves, dirty)
    print(f"\n| {args.pages} pages per language, median of {args.saves} saves | Vietnamese page saved | "
          "English page saved | a new title (both languages built again) |\n|---|---:|---:|---:|")
    for name, times in results.items():
        print(f"| {name} | {statistics.median(times['vi']):.1f} s | {statistics.median(times['en']):.1f} s | "
              f"{statistics.median(times['title']):.1f} s |")


if __name__ == "__main__":
    main()
