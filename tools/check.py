"""An editor's report: what to fix, then what matters most to review, with counts in a summary.

    make check            (or: .venv/bin/python tools/check.py [--fast] [--all] [--max-age-days 730])

1. MUST FIX (exit code 1): everything the build or the tests refuse, found with the build's own
   rules: data files that do not read (YAML, fields, keys), front matter, unknown figure keys,
   images (a typed <img>, missing alt text, a missing or unreadable file), a page without its
   other language and not marked 'translation: pending', statistics typed into a page, names the
   glossary rules out, pages thinner than a real page. Unless --fast, the site is then built
   (strict, into a temporary folder) and every error or warning of that build is listed too:
   nothing can pass `make check` and fail the build.
2. IMPORTANT FOR VISITORS: relic sites and destinations without opening hours or a ticket price,
   practical facts last checked over a year ago, pending translations, English pages older than
   their Vietnamese source, place pages without a photo.
3. REVIEW: figures whose source is undated or older than --max-age-days, one line per source.

Sections 2 and 3 show their first items (--all shows every one); the summary counts them all.
Messages are in Vietnamese and English (DIENBIEN_MESSAGES=vi or en for one language). Exit
codes: 0 nothing to fix, 1 something to fix.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from dienbien.buildtools.buildlog import parse_build_log
from dienbien.core.data.languages import Languages
from dienbien.core.domain.homepage import load_home, load_slogan
from dienbien.core.domain.visiting import STALE_AFTER_DAYS, missing_facts, stale_facts
from dienbien.core.errors import SiteDataError, display_path
from dienbien.core.markdown.checks import (
    THIN_PAGE_WORDS,
    article_words,
    figure_problems,
    hardcoded_statistics,
    image_problems,
)
from dienbien.core.markdown.frontmatter import check_front_matter, split_front_matter
from dienbien.core.markdown.glossary import check_site, load_glossary
from dienbien.core.messages import ENGLISH, localize, mode
from dienbien.core.publish.sitedata import SiteData, load_site_data
from dienbien.core.site.languages import is_pending, read_front_matter, scan_content
from dienbien.i18n.config import load_languages

ROOT = Path(__file__).resolve().parents[1]
SHOWN = 10  # items shown per section without --all

MUST, IMPORTANT, REVIEW = "must", "important", "review"
SECTIONS = {
    MUST: ("CẦN SỬA", "MUST FIX", "bản dựng hoặc các bài kiểm tra sẽ từ chối", "the build or the tests refuse these"),
    IMPORTANT: ("QUAN TRỌNG VỚI DU KHÁCH", "IMPORTANT FOR VISITORS", "", ""),
    REVIEW: ("NÊN XEM LẠI", "REVIEW", "", ""),
}
#: Kinds of items, in the order they rank within their section: (section, vi, en).
KINDS = {
    "data": (MUST, "tệp dữ liệu không đọc được", "data files that do not read"),
    "build": (MUST, "lỗi và cảnh báo của bản dựng", "errors and warnings of the build"),
    "front_matter": (MUST, "lỗi ở phần đầu trang", "front matter errors"),
    "figure_key": (MUST, "mã số liệu không có", "unknown figure keys"),
    "image": (MUST, "lỗi ảnh", "image problems"),
    "translation": (MUST, "trang thiếu bản ngôn ngữ kia", "pages without their other language"),
    "statistic": (MUST, "con số gõ thẳng vào trang", "statistics typed into a page"),
    "glossary": (MUST, "tên viết sai bảng thuật ngữ", "names the glossary rules out"),
    "thin": (MUST, "trang quá ngắn", "pages too short to publish"),
    "hours_price": (IMPORTANT, "điểm đến thiếu giờ mở cửa hoặc giá vé", "places without opening hours or price"),
    "stale_fact": (IMPORTANT, "thông tin thực tế cần kiểm tra lại", "practical facts to check again"),
    "pending": (IMPORTANT, "trang đang chờ dịch", "pages waiting for their translation"),
    "english_older": (IMPORTANT, "bản tiếng Anh cũ hơn bản tiếng Việt", "English pages older than the Vietnamese"),
    "photo": (IMPORTANT, "trang địa điểm chưa có ảnh", "place pages without a photo"),
    "undated_source": (REVIEW, "nguồn không ghi ngày", "sources without a date"),
    "old_source": (REVIEW, "nguồn cũ, có thể đã có số liệu mới hơn", "old sources: is there a newer figure?"),
}


@dataclass
class Item:
    kind: str
    en: str  # "file:line: message" in English
    vi: str | None = None  # its Vietnamese, when the report writes it itself (else from the catalogue)
    count: int = 1  # how many things it stands for (figures citing an old source)

    def text(self) -> str:
        if self.vi is None or mode() == "en":
            return localize(self.en)
        return self.vi if mode() == "vi" else f"{self.vi}\n{ENGLISH}{self.en}"


class Report:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.seen: set[str] = set()

    def add(self, kind: str, en: str, vi: str | None = None, count: int = 1) -> None:
        key = en.removeprefix("[en] ") if not en.startswith("[en] content/en") else en
        if key not in self.seen:
            self.seen.add(key)
            self.items.append(Item(kind, en, vi, count))

    def error(self, kind: str, error: SiteDataError) -> None:
        self.add(kind, str(error))

    def section(self, name: str) -> list[Item]:
        order = list(KINDS)
        return sorted((i for i in self.items if KINDS[i.kind][0] == name), key=lambda i: order.index(i.kind))

    def print(self, show_all: bool) -> None:
        both = mode() == "vi+en"
        for name, (vi, en, why_vi, why_en) in SECTIONS.items():
            items = self.section(name)
            shown = items if show_all or name == MUST else items[:SHOWN]
            title = {"vi": vi, "en": en}.get(mode(), f"{vi} · {en}")
            more = ""
            if len(shown) < len(items):
                more = {"vi": f", {len(shown)} mục đầu; --all để xem hết", "en": f", first {len(shown)}; --all for all"
                        }.get(mode(), f", {len(shown)} mục đầu / first {len(shown)}; --all để xem hết / for all")
            why = {"vi": why_vi, "en": why_en}.get(mode(), f"{why_vi} · {why_en}" if why_vi else "")
            print(f"{title} ({len(items)}{more})" + (f" — {why}" if why else ""))
            for item in shown:
                lines = item.text().split("\n")
                print(f"  - {lines[0]}")
                for line in lines[1:]:
                    print(f"    {line}")
            print()
        print("TÓM TẮT · SUMMARY" if both else {"vi": "TÓM TẮT", "en": "SUMMARY"}[mode()])
        for kind, (section, vi, en) in KINDS.items():
            items = [i for i in self.items if i.kind == kind]
            if items:
                things = sum(i.count for i in items)
                extra = f" ({len(items)} nguồn / sources)" if things != len(items) else ""
                label = {"vi": vi, "en": en}.get(mode(), f"{vi} · {en}")
                heading = SECTIONS[section][0 if mode() == "vi" else 1]
                print(f"  {heading:<23} {things:>4}  {label}{extra}")
        if not self.items:
            print("  " + {"vi": "không có gì cần làm", "en": "nothing to do"}.get(mode(), "không có gì cần làm · "
                                                                                       "nothing to do"))


# -- the checks ----------------------------------------------------------------------------

def check_data(report: Report, root: Path) -> SiteData | None:
    """Load the data files as the build does; a mistake is reported at its line, never as a traceback."""
    data_dir = root / "data"
    try:
        data = load_site_data(data_dir, languages(root), root)  # what the pages plugin loads
        for name, loader in (("slogan.yml", load_slogan), ("home.yml", load_home)):  # and the front page
            if (data_dir / name).is_file():
                loader(data_dir / name, root, languages(root), data.store)
    except SiteDataError as e:
        report.error("data", e)
        return None
    return data


def check_pages(report: Report, root: Path, store) -> None:
    """The build's rules on each Markdown page, and the tests' rules on typed statistics."""
    content = root / "content"
    pages = scan_content(content, languages(root).codes)
    for rel, have, lacking in pages.missing():
        source = pages.pages[rel][have]
        shown = display_path(source, root)
        try:
            meta, _ = read_front_matter(source, shown)
        except SiteDataError as e:
            report.error("front_matter", e)
            continue
        if is_pending(meta):
            report.add("pending", f"{shown}: translation into '{lacking}' is pending",
                       f"{shown}: đang chờ bản dịch '{lacking}'")
        else:
            report.add("translation",
                       f"{shown}: no '{lacking}' version (content/{lacking}/{rel}); translate it or add "
                       "'translation: pending' to its front matter",
                       f"{shown}: chưa có bản '{lacking}' (content/{lacking}/{rel}); hãy dịch, hoặc thêm "
                       "'translation: pending' vào phần đầu trang (front matter)")
    for rel, langs in sorted(pages.pages.items()):
        default = languages(root).default
        for lang in (lang for lang in languages(root).others if default in langs and lang in langs):
            original, translated = last_change(langs[default]), last_change(langs[lang])
            if original and translated and original > translated:
                report.add("english_older", f"content/{default}/{rel} changed after content/{lang}/{rel}: review the "
                           f"{_name(lang, 'en')} page",
                           f"content/{default}/{rel} đã sửa sau content/{lang}/{rel}: hãy xem lại bản "
                           f"{_name(lang, 'vi')}")
        for path in langs.values():
            shown = display_path(path, root)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                report.add("front_matter", f"{shown}: the file is not UTF-8 text; save it as UTF-8")
                continue
            try:
                check_front_matter(text, shown)
            except SiteDataError as e:
                report.error("front_matter", e)
            _, body = split_front_matter(text)
            first = text[:len(text) - len(body)].count("\n") + 1
            if store is not None:
                for error in figure_problems(body, shown, store, first):
                    report.error("figure_key", error)
            for line, message in image_problems(text, path, shown, content, root):
                report.add("image", f"{shown}:{line}: {message}")
            for line, found in hardcoded_statistics(text):
                report.add("statistic", f"{shown}:{line}: '{found}' is a statistic typed into the page; add it to "
                                        "data/figures and write {{ fig.… }}",
                           f"{shown}:{line}: '{found}' là con số gõ thẳng vào trang; hãy thêm nó vào data/figures "
                           "và viết {{ fig.… }}")


def check_glossary(report: Report, root: Path) -> None:
    glossary = root / "data" / "glossary.yml"
    if glossary.is_file():
        try:
            findings = check_site(root, root / "content", root / "data", load_glossary(glossary, root, languages(root)))
        except SiteDataError as e:
            report.error("data", e)
            return
        for finding in findings:
            report.add("glossary", str(finding))


def check_figures(report: Report, store, today: dt.date, max_age: int) -> None:
    """Undated or old sources, one line per source with the figures that cite it."""
    cited: dict[str, list] = defaultdict(list)
    for key, figure in sorted(store.figures.items()):
        cited[figure.source.key].append(key)
    for key, figures in sorted(cited.items(), key=lambda kv: (store.sources[kv[0]].date is not None, -len(kv[1]))):
        source = store.sources[key]
        names = ", ".join(figures[:4]) + (", …" if len(figures) > 4 else "")
        if source.date is None:
            report.add("undated_source", f"{source.where}: source {key} has no date; {len(figures)} figures cite it "
                       f"({names}); add its date", f"{source.where}: nguồn {key} không ghi ngày; {len(figures)} số "
                       f"liệu dẫn nguồn này ({names}); hãy thêm ngày đăng", len(figures))
            continue
        age = (today - source.date.first_day).days  # a month or a year counts from its first day
        if age > max_age:
            report.add("old_source", f"{source.where}: source {key} is dated {source.date} ({age} days ago); "
                       f"{len(figures)} figures cite it ({names}); is there a newer figure?",
                       f"{source.where}: nguồn {key} ghi ngày {source.date} (cách đây {age} ngày); {len(figures)} "
                       f"số liệu dẫn nguồn này ({names}); đã có số liệu mới hơn chưa?", len(figures))


def check_visitors(report: Report, data: SiteData, today: dt.date) -> None:
    """What a visitor would miss: hours and prices, fresh practical facts, photos."""
    places, visiting = data.places, data.visiting
    if places is None:
        return
    keys = tuple(places.places)
    for key, missing in missing_facts(visiting, keys):
        en = " or ".join({"hours": "opening hours", "price": "ticket price"}[m] for m in missing)
        vi = " hay ".join({"hours": "giờ mở cửa", "price": "giá vé"}[m] for m in missing)
        where = f"{places.path}:{places.places[key].line}"
        shown = visiting.place_file(key) if visiting else f"data/visiting/places/{key}.yml"
        report.add("hours_price", f"{where}: {key}: no {en} in {shown} yet; add what a reputable source gives, "
                   "with the date it was true (in the browser editor: Thông tin tham quan)",
                   f"{where}: {key}: chưa có {vi} trong {shown}; hãy thêm theo một nguồn đáng tin, kèm ngày "
                   "thông tin còn đúng (trên trình duyệt: Thông tin tham quan)")
    if visiting:
        for what, where, checked in stale_facts(visiting, today):
            report.add("stale_fact", f"{where}: {what}: last checked {checked}, more than "
                       f"{STALE_AFTER_DAYS} days ago; check it again and update 'checked'",
                       f"{where}: {what}: kiểm tra lần cuối {checked}, đã hơn {STALE_AFTER_DAYS} "
                       "ngày; hãy kiểm tra lại và sửa 'checked'")
    for place in places.places.values():
        if not place.photos:
            where = f"{places.path}:{place.line}"
            report.add("photo", f"{where}: {place.key}: its page has no photo; add one with alt text in every "
                       "language (in the browser editor: Di tích và điểm đến; in the file: "
                       "photos: [{src: /anh/….jpg, alt: {vi: …, en: …}}])",
                       f"{where}: {place.key}: trang chưa có ảnh; hãy thêm ảnh kèm mô tả bằng mọi ngôn ngữ "
                       "(trên trình duyệt: Di tích và điểm đến; trong tệp: "
                       "photos: [{src: /anh/….jpg, alt: {vi: …, en: …}}])")


def check_build(report: Report, root: Path) -> None:
    """Build the site as `make build` does (strict), into a temporary folder; list what it refuses,
    then the pages thinner than a real page."""
    with tempfile.TemporaryDirectory(prefix="dienbien-check-") as tmp:
        site = Path(tmp) / "site"
        env = dict(os.environ, DIENBIEN_MESSAGES="en", NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                                 "-d", str(site)], cwd=root, env=env, capture_output=True, text=True)
        for level, message in parse_build_log(result.stdout + result.stderr):
            if level not in ("WARNING", "ERROR", "CRITICAL"):
                continue
            for line in message.split("\n"):
                if line.rstrip().endswith(":") or line.startswith(("Error reading page", "Aborted with")):
                    continue  # a heading of the lines that follow, or MkDocs' summary of them
                report.add("build", line)
        if result.returncode != 0 and not any(i.kind == "build" for i in report.items):
            report.add("build", f"mkdocs.yml: the build failed without a message (exit code {result.returncode})",
                       f"mkdocs.yml: bản dựng thất bại mà không có thông báo (mã thoát {result.returncode})")
        if result.returncode == 0:
            check_thin_pages(report, root, site)


def check_thin_pages(report: Report, root: Path, site: Path) -> None:
    sources = _page_sources(root)
    for page in sorted(site.rglob("index.html")):
        address = page.parent.relative_to(site).as_posix()
        address = "" if address == "." else address + "/"
        words = article_words(page.read_text(encoding="utf-8"))
        if words is not None and words < THIN_PAGE_WORDS:
            where = sources.get(address, f"/{address} (a page made from data/)")
            report.add("thin", f"{where}: this page is too short to publish: {words} words (at least "
                       f"{THIN_PAGE_WORDS}); say more a visitor can use, or merge it into its section's page",
                       f"{where}: trang quá ngắn để đăng: {words} chữ (cần ít nhất {THIN_PAGE_WORDS}); hãy viết "
                       "thêm điều du khách cần, hoặc gộp vào trang của mục")


def _page_sources(root: Path) -> dict[str, str]:
    """Built page address → the Markdown file it comes from."""
    content = root / "content"
    out: dict[str, str] = {}
    try:
        from dienbien.core.site.addresses import page_addresses  # English pages at English addresses
        addresses = page_addresses(content, languages(root), languages(root).default, root=root)
    except (ImportError, SiteDataError, TypeError):
        addresses = None
    for lang in languages(root):
        for path in sorted((content / lang).rglob("*.md")):
            key = path.relative_to(content / lang).as_posix()
            if addresses and key in addresses and lang in addresses[key]:
                address = addresses[key][lang]
            else:
                address = (("" if lang == languages(root).default else f"{lang}/")
                           + key.removesuffix(".md").removesuffix("index"))
                address = address if address.endswith("/") or not address else address + "/"
            out[address] = display_path(path, root)
    return out


@functools.cache
def languages(root: Path) -> Languages:
    """The site's languages, as mkdocs.yml declares them under dienbien/i18n."""
    return load_languages(root / "mkdocs.yml")


def _name(lang: str, reader: str) -> str:
    """A language's name as a reader of ``reader`` writes it in a sentence: "English", "tiếng Anh"."""
    name = Locale.parse(reader).languages.get(lang, lang)
    return name if reader == "en" else name[:1].lower() + name[1:]


def last_change(path: Path) -> int | None:
    """Unix time of the last commit that touched ``path`` (None when git does not know it)."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=path.parent,
                            capture_output=True, text=True)
    return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-age-days", type=int, default=730, help="a figure's source older than this is listed")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    parser.add_argument("--fast", action="store_true", help="skip building the site (and the thin-page check)")
    parser.add_argument("--all", action="store_true", help="list every item, not only the first of each section")
    args = parser.parse_args()
    root = args.root.resolve()
    today = dt.date.today()
    report = Report()
    data = check_data(report, root)
    check_pages(report, root, data.store if data else None)
    check_glossary(report, root)
    if data is not None:
        check_visitors(report, data, today)
        check_figures(report, data.store, today, args.max_age_days)
    if not args.fast:
        check_build(report, root)
    report.print(args.all)
    return 1 if report.section(MUST) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as e:  # a case no check foresaw: no traceback
        print(localize(f"tools/check.py: the report stopped: {type(e).__name__}: {e}; run 'make build' to see "
                       "where the site's build stops"), file=sys.stderr)
        sys.exit(2)
