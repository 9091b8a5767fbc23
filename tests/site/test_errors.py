"""Editors' mistakes fail the build with the file and line, and lose nothing."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import photos
import pytest
from bs4 import BeautifulSoup

from dienbien.core.messages import ENGLISH
from sitebuild import copy_project, run_build, tree_digest

pytestmark = pytest.mark.slow


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def append(path: str, text: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        with open(project / path, "a", encoding="utf-8") as f:
            f.write(text)
    return apply


def write(path: str, text: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    return apply


def line_of(project: Path, path: str, needle: str | int) -> int:
    """The line where ``needle`` (last) occurs in the broken file: where the error must point (or the
    line itself, for a message about the whole file, which points at its first line)."""
    if isinstance(needle, int):
        return needle
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, 1) if needle in line)


HOME_VI = "content/vi/index.md"
HOME_EN = "content/en/index.md"
FIGURES = "data/figures/voters_2026.yml"
INDUSTRY = "data/figures/industrial_production_growth_2026_jan_feb.yml"
EVENTS = "data/events.yml"

CASES = [
    pytest.param(edit(HOME_VI, "{{ fig.tourist_visits_2026_jan_feb }}", "{{ fig.tourist_visit_2026_jan_feb }}"),
                 HOME_VI, "{{ fig.tourist_visit_2026_jan_feb }}",
                 "unknown figure key 'tourist_visit_2026_jan_feb'; did you mean 'tourist_visits_2026_jan_feb'?",
                 id="unknown-figure-key-vi"),
    pytest.param(edit(HOME_EN, "{{ fig.tourist_visits_2026_jan_feb }}", "{{ fig.visitors }}"),
                 HOME_EN, "{{ fig.visitors }}", "unknown figure key 'visitors'", id="unknown-figure-key-en"),
    # a page with front matter and a {{ block… }} above the token: the editor's line, not one shifted by either
    pytest.param(edit("content/vi/du-lich/index.md", "{{ fig.tourism_visits_2018 }}", "{{ fig.tourism_visit_2018 }}"),
                 "content/vi/du-lich/index.md", "{{ fig.tourism_visit_2018 }}",
                 "unknown figure key 'tourism_visit_2018'; did you mean 'tourism_visits_2018'?",
                 id="unknown-figure-key-below-a-block"),
    pytest.param(edit("content/vi/nong-nghiep/index.md", "{{ fig.agri_coffee_area_2013 }}",
                      "{{ fig.agri_coffee_area_2031 }}"), "content/vi/nong-nghiep/index.md",
                 "{{ fig.agri_coffee_area_2031 }}", "unknown figure key 'agri_coffee_area_2031'",
                 id="unknown-figure-key-after-front-matter"),
    # YAML typos an editor makes when adding a festival edition: the line to change, and what to do
    pytest.param(edit(EVENTS, "    type: Festival\n", "    type Festival\n"), EVENTS, "    type Festival",
                 "YAML syntax error: no ':' after 'type'; write 'type: ' followed by the value",
                 id="yaml-missing-colon"),
    pytest.param(edit(EVENTS, "      - start: 2019-03-13\n", "    - start: 2019-03-13\n"), EVENTS,
                 "    - start: 2019-03-13", "YAML syntax error: this line is not indented like the lines of its entry",
                 id="yaml-list-indent"),
    pytest.param(edit(EVENTS, '        time: 19:30\n', '        time: "19:30\n'), EVENTS, 'time: "19:30',
                 "YAML syntax error: the quotation mark \" opened on this line is never closed",
                 id="yaml-unclosed-quote"),
    pytest.param(edit(FIGURES, "value: 429227", "value: [429227"), FIGURES, "value: [429227",
                 "YAML syntax error: the '[' opened on this line is not closed with ']'", id="malformed-yaml"),
    pytest.param(edit(FIGURES, "value: 429227", "\tvalue: 429227"), FIGURES, "\tvalue: 429227",
                 "a tab is used to indent this line", id="tab-in-yaml"),
    pytest.param(edit(FIGURES, "value: 429227", "value: '429.227'"), FIGURES, "value: '429.227'",
                 "value: expected a number, got '429.227'", id="wrong-type"),
    pytest.param(edit(FIGURES, "value: 429227", "value: 429.227"), FIGURES, "value: 429.227",
                 "429.227 is read as a decimal number, not as 429227", id="dotted-thousands"),
    pytest.param(append(FIGURES, "value: 1\n"), FIGURES, "value: 1", "duplicate key 'value'", id="duplicate-key"),
    pytest.param(write("content/vi/lich-su/chi-tieng-viet.md", "# Chỉ có tiếng Việt\n\nNội dung.\n"),
                 "content/vi/lich-su/chi-tieng-viet.md", "# Chỉ có",
                 "this page has no English version (content/en/lich-su/chi-tieng-viet.md)",
                 id="missing-english"),
    pytest.param(write("content/en/lich-su/english-only.md", "---\nslug: english-only\n---\n# English only\n\nText.\n"),
                 "content/en/lich-su/english-only.md", 1,
                 "this page has no Tiếng Việt version (content/vi/lich-su/english-only.md)",
                 id="missing-vietnamese"),
    pytest.param(edit("data/slogan.yml", "page: ha-tang/index.md", "page: ha-tang/khong-co.md"),
                 "data/slogan.yml", "- vi: Hạ tầng phải mở đường", "page 'ha-tang/khong-co.md' does not exist",
                 id="slogan-links-nowhere"),
    pytest.param(edit("data/home.yml", "page: lich-su/di-tich/muong-phang.md", "page: lich-su/di-tich/mung-phang.md"),
                 "data/home.yml", "page: lich-su/di-tich/mung-phang.md",
                 "page 'lich-su/di-tich/mung-phang.md' does not exist", id="home-experience-links-nowhere"),
    pytest.param(edit("data/home.yml", "  - ethnic_groups", "  - ethnic_group"), "data/home.yml",
                 "  - ethnic_group", "unknown figure key 'ethnic_group'; did you mean 'ethnic_groups'?",
                 id="home-figure-typo"),
    pytest.param(edit("content/vi/du-lich/index.md", "description:", "descripton:"), "content/vi/du-lich/index.md",
                 "descripton:", "descripton: unknown field; did you mean 'description'?", id="front-matter-typo"),
    pytest.param(edit("content/vi/du-lich/index.md", "---\n", "---\ntitle: [Du lịch\n"),
                 "content/vi/du-lich/index.md", "title: [Du lịch", "YAML syntax error: the '[' opened on this line",
                 id="front-matter-bad-yaml"),
    pytest.param(edit("content/vi/lich-su/index.md", "(../chuyen-di/index.md)", "(../chuyen-di/khong-co.md)"),
                 "content/vi/lich-su/index.md", "khong-co.md", "there is no page chuyen-di/khong-co.md",
                 id="broken-internal-link"),
    pytest.param(edit("content/vi/lich-su/index.md", "(../chuyen-di/index.md)", "(../chuyen-di/index.md#khong-co)"),
                 "content/vi/lich-su/index.md", "#khong-co", "chuyen-di/index.md has no heading or anchor '#khong-co'",
                 id="broken-anchor"),
    pytest.param(edit("content/vi/chuyen-di/index.md", "{{ block.months }}", "{{ block.month }}"),
                 "content/vi/chuyen-di/index.md", "{{ block.month }}", "unknown block 'month'", id="unknown-block"),
    pytest.param(edit("content/vi/du-lich/index.md", "{{ block.event.le-hoi-hoa-ban }}", "{{ block.event.hoa-ban }}"),
                 "content/vi/du-lich/index.md", "{{ block.event.hoa-ban }}",
                 "unknown event 'hoa-ban'; events in data/events.yml: le-hoi-hoa-ban,", id="unknown-event"),
    pytest.param(edit(INDUSTRY, "  vi: Mức tăng ước tính của chỉ số sản xuất toàn ngành công nghiệp",
                      "  vi: Mức tăng <script>alert(1)</script>"), INDUSTRY, "<script>",
                 "HTML is not allowed here: '<script>'", id="script-in-data"),
    pytest.param(edit("data/sources/ttxvn-2026-03-08.yml", "date: 2026-03-08", "date: 8/3/2026"),
                 "data/sources/ttxvn-2026-03-08.yml",
                 "date: 8/3/2026", "expected a date, got '8/3/2026'; write the date as 2026-03-08, or 2026-03 / 2026",
                 id="bad-source-date"),
    pytest.param(edit("data/places.yml", "kind: relic\n", "kind: relik\n"), "data/places.yml", "kind: relik",
                 "unknown value 'relik'; did you mean 'relic'?", id="place-kind-typo"),
    pytest.param(edit(EVENTS, "start: 2024-03-16", "start: 2024-02-30"), EVENTS, "start: 2024-02-30",
                 "'2024-02-30' is not a real date", id="event-impossible-date"),
    pytest.param(edit(EVENTS, "        - 22\n        - 25\n", "        - 22\n        - 32\n"), EVENTS, "        - 32",
                 "expected lunar day from 1 to 30, got 32", id="event-lunar-day-out-of-range"),
    pytest.param(edit(EVENTS, "          - p13\n", "          - p99\n"), EVENTS, "          - p99",
                 "unknown source key 'p99'", id="event-unknown-source"),
    pytest.param(edit(EVENTS, "    anniversary_of: 1954-05-07", "    anniversary_of: 1954-05-08"), EVENTS,
                 "anniversary_of: 1954-05-08", "an anniversary recurs on its solar date", id="event-anniversary-date"),
    pytest.param(edit("data/map.yml", "lat: 22.19236", "lat: 23.19236"), "data/map.yml", "lat: 23.19236",
                 "expected a decimal coordinate between 20.82 and 22.63, got 23.19236",
                 id="map-town-outside-frame"),
    pytest.param(edit("mkdocs.yml", "        - chuyen-di/ban-do.md\n      languages:",
                      "        - chuyen-di/ban-do-tinh.md\n      languages:"),
                 "mkdocs.yml", "- chuyen-di/ban-do-tinh.md",
                 "offline_essentials: there is no page chuyen-di/ban-do-tinh.md", id="offline-page-missing"),
    pytest.param(edit("data/places.yml", "    key: doi-a1\n",
                      "    photos:\n      - {src: /anh/khong-co.jpg, alt: {vi: Đồi A1, en: Hill A1}}\n"
                      "    key: doi-a1\n"),
                 "data/places.yml", "- {src: /anh/khong-co.jpg", "there is no file content/anh/khong-co.jpg",
                 id="place-photo-missing"),
    pytest.param(edit("data/places.yml", "    key: doi-a1\n",
                      "    photos:\n      - {src: /anh/doi-a1.jpg}\n    key: doi-a1\n"),
                 "data/places.yml", "- {src: /anh/doi-a1.jpg}", "the photo needs alt text in every language",
                 id="place-photo-without-alt"),
]


def photo(make: Callable[[Path], Path], file: str, page: str, reference: str) -> Callable[[Path], None]:
    """Puts a generated image file into the project and a reference to it at the end of a page."""
    def apply(project: Path) -> None:
        if file:
            make(project / file)
        append(page, f"\n{reference}\n")(project)
    return apply


PHOTOS_VI = "content/vi/du-lich/index.md"
PHOTOS_EN = "content/en/du-lich/index.md"
CASES += [
    pytest.param(photo(None, "", PHOTOS_VI, "![Hoa ban](anh/khong-co.jpg)"), PHOTOS_VI, "khong-co.jpg",
                 "image 'anh/khong-co.jpg' does not exist: there is no file content/vi/du-lich/anh/khong-co.jpg",
                 id="photo-missing"),
    pytest.param(photo(photos.not_an_image, "content/vi/du-lich/anh/hong.jpg", PHOTOS_VI, "![Hoa ban](anh/hong.jpg)"),
                 PHOTOS_VI, "hong.jpg", "'hong.jpg' is not an image the site can read", id="photo-corrupt"),
    pytest.param(photo(photos.damaged_jpeg, "content/anh/cat.jpg", PHOTOS_EN, "![Ban flowers](/anh/cat.jpg)"),
                 PHOTOS_EN, "cat.jpg", "'cat.jpg' is damaged and cannot be read", id="photo-truncated"),
    pytest.param(photo(photos.bomb_png, "content/en/du-lich/bom.png", PHOTOS_EN, "![A valley](bom.png)"),
                 PHOTOS_EN, "bom.png", "'bom.png' is too large to process safely (30000 × 30000 pixels",
                 id="photo-decompression-bomb"),
    pytest.param(photo(photos.gif, "content/vi/du-lich/hoa.gif", PHOTOS_VI, "![Hoa ban](hoa.gif)"),
                 PHOTOS_VI, "hoa.gif", "'hoa.gif' is a GIF image; the site publishes JPEG, PNG and WebP",
                 id="photo-unsupported-format"),
    pytest.param(photo(lambda p: photos.camera_jpeg(p, (64, 64)), "content/vi/du-lich/anh.heic", PHOTOS_VI,
                       "![Hoa ban](anh.heic)"), PHOTOS_VI, "anh.heic", "'anh.heic' is a HEIC photo",
                 id="photo-heic"),
    pytest.param(photo(lambda p: photos.camera_jpeg(p, (64, 64)), "content/vi/du-lich/ban.jpg", PHOTOS_VI,
                       "![](ban.jpg)"), PHOTOS_VI, "![](ban.jpg)", "image ban.jpg has no alt text",
                 id="photo-without-alt"),
    pytest.param(photo(lambda p: photos.camera_jpeg(p, (64, 64)), "content/en/du-lich/ban.jpg", PHOTOS_EN,
                       "![Ban flowers](ban.jpg){ .decorative }"), PHOTOS_EN, "ban.jpg",
                 "image ban.jpg is marked decorative but has alt text", id="photo-decorative-with-alt"),
]

@pytest.fixture(scope="module")
def good_project(tmp_path_factory) -> Path:
    """A copy of the project with a successful build in site/, to break case by case."""
    project = copy_project(tmp_path_factory.mktemp("good"))
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.parametrize(("breaks", "path", "needle", "message"), CASES)
def test_bad_input_fails_with_file_and_line_and_keeps_site(good_project, tmp_path, breaks, path, needle, message):
    project = copy_project(tmp_path / "p")
    shutil.copytree(good_project / "site", project / "site")
    before = tree_digest(project / "site")
    breaks(project)
    line = line_of(project, path, needle)
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"{re.escape(path)}:{line}: ", output), output
    assert message in output, output
    # the office reads it in Vietnamese first, the English under it (core/messages.py)
    lines = output.splitlines()
    english = next(i for i, text in enumerate(lines) if message in text)
    assert lines[english].lstrip().startswith(ENGLISH), output
    vietnamese = lines[english - 1]
    assert re.search(rf"{re.escape(path)}:{line}: ", vietnamese) and message not in vietnamese, output
    assert tree_digest(project / "site") == before
    assert not any(p.name.startswith(".site.") for p in project.iterdir()), "temporary build folders left behind"


def test_pending_translation_is_shown_with_a_notice(tmp_path):
    project = copy_project(tmp_path / "p")
    write("content/vi/lich-su/dang-dich.md",
          "---\ntranslation: pending\n---\n# Đang dịch\n\nCó {{ fig.voters_2026 }}.\n")(project)
    edit("mkdocs.yml", "      - lich-su/chien-dich-dien-bien-phu.md\n",
         "      - lich-su/chien-dich-dien-bien-phu.md\n      - lich-su/dang-dich.md\n")(project)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    english_page = next((project / "site/en").rglob("dang-dich/index.html"))  # under the English section's address
    en = BeautifulSoup(english_page.read_text(encoding="utf-8"), "html.parser")
    vi = BeautifulSoup((project / "site/lich-su/dang-dich/index.html").read_text(encoding="utf-8"), "html.parser")
    assert en.html["lang"] == "en"  # English UI around it
    notice = en.select_one(".db-fallback")
    assert "not been translated into English" in notice.get_text()
    content = en.select_one("article div[lang]")
    assert content["lang"] == "vi" and "Đang dịch" in content.get_text()
    assert content.select_one('data[value="429227"]').get_text() == "429.227"  # formatted as Vietnamese text
    en_alternates = {link["hreflang"] for link in en.select("link[hreflang]")}
    vi_alternates = {link["hreflang"] for link in vi.select("link[hreflang]")}
    assert en_alternates == vi_alternates == {"vi", "x-default"}  # no false claim of an English version
    assert en.select_one("link[rel=canonical]")["href"].endswith("/lich-su/dang-dich/")
    english_address = english_page.parent.relative_to(project / "site").as_posix() + "/"
    assert english_address not in (project / "site/sitemap.xml").read_text(encoding="utf-8")
