"""An editor's report: what to translate, review, update or fix before publishing.

    make check            (or: .venv/bin/python tools/check.py [--max-age-days 730])

- MUST FIX (exit 1): a page with no counterpart in the other language and no
  ``translation: pending``; an image without alt text (unless marked ``{ .decorative }``), or
  a decorative one with alt text.
  A name written in a variant form that data/glossary.yml rules out ("Hmong" for "Mông").
- GAPS FOR VISITORS: relic sites and destinations without opening hours or a ticket price
  (data/visiting.yml); practical facts last checked more than a year ago; the pages that most
  need a photo (place pages first, in the order of data/places.yml).
- REVIEW: pages marked ``translation: pending``; pages whose Vietnamese source changed
  (by git history) after its English counterpart was last changed; figures whose source is
  older than --max-age-days, or undated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from dienbien.core.figures import load_figure_store
from dienbien.core.glossary import check_site, load_glossary
from dienbien.core.images import check_alt, find_images
from dienbien.core.languages import is_pending, read_front_matter, scan_content
from dienbien.core.places import load_places
from dienbien.core.visiting import STALE_AFTER_DAYS, load_visiting, missing_facts, stale_facts

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("vi", "en")
_IMG_TAG = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.I)


def last_change(path: Path) -> int | None:
    """Unix time of the last commit that touched ``path`` (None when git does not know it)."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=path.parent,
                            capture_output=True, text=True)
    return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-age-days", type=int, default=730)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args()
    root = args.root.resolve()
    must, review = [], []
    pages = scan_content(root / "content", LANGS)
    for rel, have, lacking in pages.missing():
        source = pages.pages[rel][have]
        shown = source.relative_to(root).as_posix()
        meta, _ = read_front_matter(source, shown)
        if is_pending(meta):
            review.append(f"{shown}: translation into '{lacking}' is pending")
        else:
            must.append(f"{shown}: no '{lacking}' version (content/{lacking}/{rel}); translate it or mark it "
                        "'translation: pending'")
    for rel, langs in sorted(pages.pages.items()):
        if set(LANGS) <= set(langs):
            vi, en = last_change(langs["vi"]), last_change(langs["en"])
            if vi and en and vi > en:
                review.append(f"content/vi/{rel} changed after content/en/{rel}: review the English page")
        for path in langs.values():
            text = path.read_text(encoding="utf-8")
            for ref in find_images(text, raster_only=False):  # the build's own rule (dienbien/images)
                problem = check_alt(ref)
                if problem:
                    must.append(f"{path.relative_to(root).as_posix()}:{ref.line}: {problem[0]}; {problem[1]}")
            for number, line in enumerate(text.splitlines(), 1):
                shown = f"{path.relative_to(root).as_posix()}:{number}"
                if _IMG_TAG.search(line):
                    must.append(f"{shown}: <img> without alt; add alt=\"…\" (alt=\"\" only if decorative)")
    store = load_figure_store(root / "data", LANGS, root)
    today = dt.date.today()
    for key, figure in sorted(store.figures.items()):
        date = figure.source.date
        if date is None:
            review.append(f"{figure.where}: figure {key}: its source {figure.source.key} has no date")
        elif (today - date.first_day).days > args.max_age_days:  # a month or year counts from its first day
            review.append(f"{figure.where}: figure {key}: source dated {date} "
                          f"({(today - date.first_day).days} days old); is there a newer figure?")
    glossary = root / "data" / "glossary.yml"
    if glossary.is_file():
        must += [f"{f}" for f in check_site(root, root / "content", root / "data",
                                             load_glossary(glossary, root, LANGS))]
    gaps = visitor_gaps(root, store, today)
    for title, items in (("MUST FIX", must), ("GAPS FOR VISITORS", gaps), ("REVIEW", review)):
        print(f"{title} ({len(items)})")
        for item in items:
            print(f"  - {item}")
    return 1 if must else 0


def visitor_gaps(root: Path, store, today: dt.date) -> list[str]:
    """What a visitor would miss: hours and prices, fresh practical facts, photos."""
    places_file, visiting_file = root / "data" / "places.yml", root / "data" / "visiting.yml"
    if not places_file.is_file():
        return []
    places = load_places(places_file, root, LANGS, store)
    keys = tuple(places.places)
    visiting = load_visiting(visiting_file, root, LANGS, store, keys) if visiting_file.is_file() else None
    shown = visiting.path if visiting else "data/visiting.yml"
    named = {"hours": "opening hours", "price": "ticket price"}
    gaps = [f"{places.path}:{places.places[key].line}: {key}: no {' or '.join(named[m] for m in missing)} in {shown} "
            "yet; add what a reputable source gives, with the date it was true"
            for key, missing in missing_facts(visiting, keys)]
    if visiting:
        gaps += [f"{visiting.path}:{line}: {what}: last checked {checked}, more than {STALE_AFTER_DAYS} days ago; "
                 "check it again and update 'checked'" for what, line, checked in stale_facts(visiting, today)]
    gaps += [f"{places.path}:{p.line}: {p.key}: its page has no photo; add one with alt text in every language "
             "(photo: {src: /anh/….jpg, alt: {vi: …, en: …}})" for p in places.places.values() if p.photo is None]
    return gaps


if __name__ == "__main__":
    sys.exit(main())
