"""Build time: the bilingual site against plain Material on the same Markdown.

Generates N synthetic pages per language (default 200 and 2,000) next to a copy of the
real content, then times, in this run and on this machine:

- ``material``: plain Material, one language (vi), same theme features, none of our plugins;
- ``single``: our plugins with one language;
- ``bilingual``: our plugins, vi and en built in parallel.

Prints wall times (median of --runs) and the ratios bilingual / material and
bilingual / single, and the time per page, so that growth with N shows.

    .venv/bin/python benchmarks/build_speed.py [--sizes 200 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPHS = {
    "vi": ("Thung lũng Mường Thanh là cánh đồng lớn nhất vùng Tây Bắc, nơi người Thái dựng bản bên dòng "
           "Nậm Rốm. Du khách đến đây vào tháng Ba khi hoa ban nở trắng các sườn đồi."),
    "en": ("The Mường Thanh valley is the largest plain of the Northwest, where Thái villages line the Nậm Rốm "
           "river. Visitors come in March, when the Ban flowers whiten the hillsides."),
}


def synthetic_page(lang: str, n: int) -> str:
    title = {"vi": "Trang thử", "en": "Sample page"}[lang]
    para = PARAGRAPHS[lang]
    return (f"# {title} {n}\n\n{para}\n\n## Đồi A1 {n}\n\n{para} {{{{ fig.voters_2026 }}}}\n\n"
            f"## Mường Phăng {n}\n\n- {para}\n- {para}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{para}\n")


def make_project(dest: Path, pages: int) -> tuple[Path, dict]:
    """Synthetic content only (the pages the front page and the offline essentials link to get
    synthetic pages too), so that plain Material renders exactly the same Markdown as our build."""
    for part in ("site_src", "data"):
        shutil.copytree(ROOT / part, dest / part)
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
            (content / rel).write_text(synthetic_page(lang, n), encoding="utf-8")
        for n in range(pages):
            folder = content / "mau" / f"nhom-{n // 50:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"trang-{n:04d}.md").write_text(synthetic_page(lang, n), encoding="utf-8")
    return dest, config


def write_config(project: Path, base: dict, variant: str) -> Path:
    config = dict(base)
    config.pop("nav", None)  # synthetic pages: navigation from folders
    config.pop("validation", None)
    slugify = "!!python/name:dienbien.core.slugs.slugify"
    if variant == "material":
        config["plugins"] = ["search"]
    elif variant == "single":
        plugins = []
        for plugin in base["plugins"]:
            if isinstance(plugin, dict) and "dienbien/i18n" in plugin:
                i18n = dict(plugin["dienbien/i18n"])
                i18n["languages"] = {"vi": i18n["languages"]["vi"]}
                plugin = {"dienbien/i18n": i18n}
            plugins.append(plugin)
        config["plugins"] = plugins
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


def time_build(config_file: Path, site_dir: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d",
                             str(site_dir)], cwd=config_file.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{config_file.name} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; median of {args.runs} runs; synthetic pages per language")
    print(f"{'pages':>6} {'material':>9} {'single':>8} {'bilingual':>10} {'bi/material':>12} {'bi/single':>10} "
          f"{'ms/page (bi)':>13}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="dienbien-bench-") as tmp:
            project, base = make_project(Path(tmp), size)
            times = {}
            for variant in ("material", "single", "bilingual"):
                config_file = write_config(project, base, variant)
                runs = [time_build(config_file, project / f"site-{variant}") for _ in range(args.runs)]
                times[variant] = statistics.median(runs)
            total_pages = sum(1 for _ in (project / "site-bilingual").rglob("index.html"))
            print(f"{size:>6} {times['material']:>8.2f}s {times['single']:>7.2f}s {times['bilingual']:>9.2f}s "
                  f"{times['bilingual'] / times['material']:>11.2f}x {times['bilingual'] / times['single']:>9.2f}x "
                  f"{1000 * times['bilingual'] / total_pages:>12.1f}")


if __name__ == "__main__":
    main()
