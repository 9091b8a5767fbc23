"""Build time: the bilingual site against plain Material on the same Markdown.

Generates N synthetic pages per language (default 1,000 and 2,000) next to a copy of the
site's templates and data, then times, in one run of this script on this machine and with
the variants interleaved run by run (so that a change in the machine's load touches all):

- ``material``: plain Material, one language (vi), same theme features, none of our plugins;
- ``cold``: our plugins, vi and en built in parallel, from an empty photo and card cache;
- ``warm``: the same again with the cache the cold build left (nothing to draw or encode).

Prints wall times (median of --runs, and the fastest run: this machine shares its host, and
the fastest run is the least disturbed), the ratios cold / material and warm / material (the
median of each run's ratio, and the ratio of the fastest runs; the targets: at most 1.5× and
1.15× at 1,000 pages per language), and the time per page. Before each build the last build's
files are flushed to disk, untimed.

    .venv/bin/python benchmarks/build_speed.py [--sizes 1000 2000] [--runs 3]

``make test`` runs it once at a tiny size (tests/site/test_benchmark.py), so that it keeps
running as the site changes; it asserts no timings.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_SLUGS = (ROOT / "data/slugs.yml").is_file()

PARAGRAPHS = {
    "vi": ("Thung lũng Mường Thanh là cánh đồng lớn nhất vùng Tây Bắc, nơi người Thái dựng bản bên dòng "
           "Nậm Rốm. Du khách đến đây vào tháng Ba khi hoa ban nở trắng các sườn đồi."),
    "en": ("The Mường Thanh valley is the largest plain of the Northwest, where Thái villages line the Nậm Rốm "
           "river. Visitors come in March, when the Ban flowers whiten the hillsides."),
}


def synthetic_page(lang: str, n: int, slug: str) -> str:
    title = {"vi": "Trang thử", "en": "Sample page"}[lang]
    para = PARAGRAPHS[lang]
    # an English page names its word in its address (the home page has none), where the site has
    # English addresses (data/slugs.yml gives those of the pages made from data)
    front = f"---\nslug: {slug}\n---\n\n" if lang != "vi" and slug and ENGLISH_SLUGS else ""
    return (f"{front}# {title} {n}\n\n{para}\n\n## Đồi A1 {n}\n\n{para} {{{{ fig.voters_2026 }}}}\n\n"
            f"## Mường Phăng {n}\n\n- {para}\n- {para}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{para}\n")


def make_project(dest: Path, pages: int) -> tuple[Path, dict]:
    """Synthetic content only (the pages the front page and the offline essentials link to get
    synthetic pages too), so that plain Material renders exactly the same Markdown as our build."""
    for part in ("site_src", "data"):
        shutil.copytree(ROOT / part, dest / part)
    if (ROOT / "tools/node_modules").is_dir():  # what the browser editor (/admin/) is copied from
        (dest / "tools").mkdir()
        (dest / "tools/node_modules").symlink_to(ROOT / "tools/node_modules")
    slogan = yaml.safe_load((ROOT / "data/slogan.yml").read_text(encoding="utf-8"))
    home = yaml.safe_load((ROOT / "data/home.yml").read_text(encoding="utf-8"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    # the pages the site saves for offline reading must exist (the build checks them)
    essentials = [e for plugin in config["plugins"] if isinstance(plugin, dict) and "dienbien/i18n" in plugin
                  for e in plugin["dienbien/i18n"].get("offline_essentials", [])]
    for lang in ("vi", "en"):
        content = dest / "content" / lang
        fixed = list(dict.fromkeys(["index.md", *(line["page"] for line in slogan["lines"]), *essentials,
                                    home["plan"], *(e["page"] for e in home["experiences"])]))
        for n, rel in enumerate(fixed):
            (content / rel).parent.mkdir(parents=True, exist_ok=True)
            slug = "" if rel == "index.md" else f"sample-page-{n}"
            (content / rel).write_text(synthetic_page(lang, n, slug), encoding="utf-8")
        for n in range(pages):
            folder = content / "mau" / f"nhom-{n // 50:03d}"
            if not folder.is_dir():  # each folder has an index page (in English, with the folder's word)
                folder.mkdir(parents=True)
                if not (folder.parent / "index.md").exists():
                    (folder.parent / "index.md").write_text(synthetic_page(lang, 0, "samples"), encoding="utf-8")
                (folder / "index.md").write_text(synthetic_page(lang, n, f"group-{n // 50:03d}"), encoding="utf-8")
            (folder / f"trang-{n:04d}.md").write_text(synthetic_page(lang, n, f"page-{n:04d}"), encoding="utf-8")
    _keep_redirects_to_existing_pages(dest)
    _english_addresses_of_pages_made_from_data(dest)
    return dest, config


def _english_addresses_of_pages_made_from_data(project: Path) -> None:
    """The pages made from data records (ethnic groups, places) sit in the folders that
    data/slugs.yml names; their English word is in their (optional) prose file. Each gets an
    empty prose file in both languages, the English one with the real page's slug."""
    slugs = project / "data/slugs.yml"
    folders = yaml.safe_load(slugs.read_text(encoding="utf-8")) if slugs.is_file() else None
    for index in folders or {}:
        folder = Path(index).parent
        for source in sorted((ROOT / "content/en" / folder).glob("*.md")):
            if source.name == "index.md":
                continue
            text = source.read_text(encoding="utf-8")
            slug = next((line for line in text.splitlines() if line.startswith("slug:")), None)
            for lang in ("vi", "en"):
                target = project / "content" / lang / folder / source.name
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(f"---\n{slug}\n---\n" if lang == "en" and slug else "", encoding="utf-8")


def _keep_redirects_to_existing_pages(project: Path) -> None:
    """data/redirects.yml names the real site's pages; keep only those the synthetic content has."""
    path = project / "data" / "redirects.yml"
    redirects = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    if isinstance(redirects, dict):
        kept = {old: page for old, page in redirects.items()
                if any((folder / str(page)).is_file() for folder in (project / "content").iterdir())}
        path.write_text(yaml.safe_dump(kept, allow_unicode=True) if kept else "", encoding="utf-8")


def write_config(project: Path, base: dict, variant: str) -> Path:
    config = dict(base)
    config.pop("nav", None)  # synthetic pages: navigation from folders
    config.pop("validation", None)
    config.pop("hooks", None)  # the editor at /admin/: files copied once, not build work
    slugify = "!!python/name:dienbien.core.markdown.slugs.slugify"
    # the site's hooks are plugins' files: read from the checkout (plain Material has none)
    config["hooks"] = [str(ROOT / hook) for hook in base.get("hooks", [])]
    if variant == "material":
        config["plugins"] = ["search"]
        config.pop("hooks")
    text = yaml.safe_dump(_without_tags(config), allow_unicode=True, sort_keys=False)
    text = text.replace("slugify: SLUGIFY", f"slugify: {slugify}")
    path = project / f"mkdocs-{variant}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _without_tags(config: dict) -> dict:
    extensions = []
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "toc" in ext:
            ext = {"toc": dict(ext["toc"], slugify="SLUGIFY")}
        extensions.append(ext)
    return dict(config, markdown_extensions=extensions)


#: CPU seconds (user and system) of each variant's builds, run by run, with every process they waited
#: for (the other language's, the card drawers): the work done, which the host's load moves less
#: than the wall time.
CPU: dict[str, list[float]] = {}


def time_build(config_file: Path, site_dir: Path, cache_dir: Path, name: str = "") -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DIENBIEN_CACHE_DIR=str(cache_dir))
    os.sync()  # untimed: the last build's files reach the disk now, not during this one
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d",
                             str(site_dir)], cwd=config_file.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(name, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"{config_file.name} failed:\n{result.stdout}{result.stderr}")
    # our build returns once the new site is in place and leaves the old one to a process of its own:
    # wait for it (untimed), so that its disk work does not fall into the next variant's time
    while any(site_dir.parent.glob(f".{site_dir.name}.build-*")):
        time.sleep(0.1)
    return elapsed


def measure(project: Path, base: dict, runs: int) -> dict[str, list[float]]:
    """Wall times of each variant, run by run; the variants take turns within each run."""
    configs = {variant: write_config(project, base, variant) for variant in ("material", "bilingual")}
    times: dict[str, list[float]] = {}
    for run in range(runs):
        cache = project / f"cache-{run}"  # empty: the cold build draws every card
        order = [("material", "material", project / "cache-material")]
        order += [("cold", "bilingual", cache), ("warm", "bilingual", cache)]
        for name, variant, cache_dir in order:
            times.setdefault(name, []).append(time_build(configs[variant], project / f"site-{variant}", cache_dir,
                                                         name))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="every run's times too")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {args.runs} runs: median (and the fastest run, in brackets); "
          "synthetic pages per language")
    print(f"{'pages':>6} {'material':>15} {'cold':>15} {'warm':>15} {'cold/material':>15} "
          f"{'warm/material':>15} {'ms/page (cold)':>15}", flush=True)
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="dienbien-bench-") as tmp:
            project, base = make_project(Path(tmp), size)
            times = measure(project, base, args.runs)
            total_pages = sum(1 for _ in (project / "site-bilingual").rglob("index.html"))
            median = {name: statistics.median(values) for name, values in times.items()}
            best = {name: min(values) for name, values in times.items()}
            cells = [f"{median[v]:.2f}s ({best[v]:.2f})" for v in ("material", "cold", "warm")]
            # each run's ratio, of builds timed minutes apart at most: the host's load moves all three
            ratio = {v: statistics.median(t / m for t, m in zip(times[v], times["material"], strict=True))
                     for v in ("cold", "warm")}
            cells += [f"{ratio[v]:.2f}x ({best[v] / best['material']:.2f})" for v in ("cold", "warm")]
            print(f"{size:>6} " + " ".join(f"{c:>15}" for c in cells)
                  + f" {1000 * median['cold'] / total_pages:>15.1f}", flush=True)
            cpu = {name: statistics.median(values) for name, values in CPU.items()}
            print(f"{'':>6} CPU seconds (median): material {cpu['material']:.2f}, cold {cpu['cold']:.2f}, "
                  f"warm {cpu['warm']:.2f}; for two languages against one: cold "
                  f"{cpu['cold'] / cpu['material']:.2f}x, warm {cpu['warm'] / cpu['material']:.2f}x", flush=True)
            if args.verbose:
                for name, values in times.items():
                    print(f"       {name}: " + ", ".join(f"{v:.2f}s" for v in values)
                          + " (CPU " + ", ".join(f"{v:.2f}s" for v in CPU[name]) + ")", flush=True)
            CPU.clear()


if __name__ == "__main__":
    main()
