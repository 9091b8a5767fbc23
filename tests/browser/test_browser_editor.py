"""The browser editor at /admin/ (Decap CMS, pinned in tools/), driven in Chromium as an office
staffer would, against the real local proxy (decap-server, as `make edit` runs it) writing a
copy of the project: an edit changes only the edited value's line, and the site rebuilt from
the rewritten file differs from the original only where that value is shown."""

from __future__ import annotations

import filecmp
import functools
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import photos
import pytest
import yaml
from conftest import _QuietHandler
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dienbien.core.publish.cms import cms_config
from sitebuild import ROOT, Site, build_site, copy_project
from sitelanguages import LANGUAGES

pytestmark = pytest.mark.slow

FIGURE = "tourism_visits_2024"
OLD, NEW = "1850000", "1900000"
#: How each language writes the values (Babel's vi and en number formats).
SHOWN = {"vi": ("1.850.000", "1.900.000"), "en": ("1,850,000", "1,900,000")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A project copy, its site with the editor pointed at a local proxy, the proxy and a server."""
    folder = tmp_path_factory.mktemp("cms")
    project = copy_project(folder / "p")
    site = build_site(project)
    # the editor is served from a copy, so that the tests' rebuilds of the project leave it alone
    served = folder / "served"
    shutil.copytree(site.root, served)
    port = _free_port()
    config = cms_config(project / "data", LANGUAGES, local=True)
    config["local_backend"] = {"url": f"http://127.0.0.1:{port}/api/v1"}
    (served / "admin/config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    proxy_bin = ROOT / "tools/node_modules/.bin/decap-server"
    if not proxy_bin.exists():
        pytest.fail("decap-server is missing: run `npm ci --prefix tools` (make test does)")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project)}
    proxy = subprocess.Popen([str(proxy_bin)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or proxy.poll() is not None:
                proxy.kill()
                pytest.fail("the editor's local proxy (decap-server) did not start")
            time.sleep(0.2)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, site, f"http://127.0.0.1:{server.server_address[1]}/", port
    server.shutdown()
    proxy.terminate()
    proxy.wait(timeout=10)


def _open_figure(page, base_url: str) -> None:
    page.goto(base_url + "admin/")
    page.get_by_role("button", name="Đăng nhập").click()  # the local proxy needs no account
    page.goto(base_url + f"admin/#/collections/figures/entries/{FIGURE}")
    page.locator('input[id^="value-field"]').wait_for(timeout=30000)


def _differing(a: Path, b: Path) -> list[str]:
    comparison = filecmp.dircmp(a, b)
    out = [(a / n).relative_to(a).as_posix() for n in comparison.diff_files + comparison.left_only
           + comparison.right_only]
    for name in comparison.common_dirs:
        out += [f"{name}/{p}" for p in _differing(a / name, b / name)]
    return out


def _signed_in(browser, base_url: str, route: str = ""):
    """A new browser in the editor, signed in to the local proxy (no account needed), at ``route``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "admin/")
    page.get_by_role("button", name="Đăng nhập").click()
    if route:
        page.goto(base_url + "admin/#/" + route)
    return context, page


def _unfold(item, ready) -> None:
    """Open a folded list item until ``ready`` shows: a click before the form is ready does nothing."""
    for _ in range(3):
        item.locator("button").first.click()
        try:
            ready.first.wait_for(timeout=5000)
            return
        except PlaywrightTimeout:
            continue
    ready.first.wait_for(timeout=5000)


def test_a_form_refuses_an_empty_value_and_saves_nothing(editor, page):
    project, _site, base_url, _port = editor
    before = (project / f"data/figures/{FIGURE}.yml").read_bytes()
    _open_figure(page, base_url)
    value = page.locator('input[id^="value-field"]')
    assert value.get_attribute("type") == "number"  # the browser itself accepts no letters here
    value.fill("")
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    page.wait_for_timeout(1500)
    assert (project / f"data/figures/{FIGURE}.yml").read_bytes() == before
    # Decap's Vietnamese messages: the form names the missing field, the toast says why nothing was saved
    assert page.get_by_text("Giá trị bắt buộc nhập.").count() == 1
    assert page.get_by_text("Bạn còn thiếu vài thông tin bắt buộc").count() >= 1


def test_an_edited_figure_changes_one_line_and_the_rebuilt_site_only_that_value(editor, browser, site: Site):
    project, _site, base_url, port = editor
    path = project / f"data/figures/{FIGURE}.yml"
    before = path.read_text(encoding="utf-8").splitlines()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origins = set()
    page.on("request", lambda r: origins.add(urlsplit(r.url).netloc))
    _open_figure(page, base_url)
    page.locator('input[id^="value-field"]').fill(NEW)
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    deadline = time.monotonic() + 20
    while NEW not in path.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    context.close()

    # the file: the value's line and nothing else (comments, key order, quoting, accents kept)
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [(f"value: {OLD}", f"value: {NEW}")]
    # the editor and its proxy are the only origins: the site's own and 127.0.0.1:<proxy>
    assert origins == {urlsplit(base_url).netloc, f"127.0.0.1:{port}"}

    # the rebuilt site: the new value in both languages, and otherwise the same bytes
    rebuilt = build_site(project)
    pages = {"vi": "du-lich/", "en": "en/travel/"}
    for lang, where in pages.items():
        text = rebuilt.page(where).get_text(" ")
        old, new = SHOWN[lang]
        assert new in text and old not in text, lang
    for name in _differing(site.root, rebuilt.root):
        if name == "sw.js":  # the offline cache lists a hash of each page
            continue
        old_bytes = (site.root / name).read_bytes()
        new_bytes = (rebuilt.root / name).read_bytes()
        for lang in ("vi", "en"):
            new_bytes = new_bytes.replace(SHOWN[lang][1].encode(), SHOWN[lang][0].encode())
        new_bytes = new_bytes.replace(NEW.encode(), OLD.encode())
        assert new_bytes == old_bytes, f"{name} differs in more than the edited value"


def _new_page(page, base_url: str, lang: str, fields: dict[str, str], body: str) -> None:
    page.goto(base_url + f"admin/#/collections/pages_{lang}/new")
    page.locator('[id^="path-field"]').wait_for(timeout=30000)
    for name, value in fields.items():
        page.locator(f'[id^="{name}-field"]').fill(value)
    page.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(body)
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    # saved: the editor then opens the new entry at its own address; only then may the test move on
    page.wait_for_url(f"**/collections/pages_{lang}/entries/**", timeout=30000)
    page.get_by_text("Thay đổi đã được lưu").wait_for(timeout=30000)


def test_a_page_made_in_both_languages_is_published_as_a_pair_in_its_section(editor, browser):
    project, _site, base_url, _port = editor
    context, page = _signed_in(browser, base_url)
    vi = project / "content/vi/lich-su/duong-keo-phao/index.md"
    en = project / "content/en/lich-su/duong-keo-phao/index.md"
    _new_page(page, base_url, "vi", {"path": "lich-su/duong-keo-phao", "title": "Đường kéo pháo",
                                     "description": "Con đường kéo pháo vào trận địa năm 1954."},
              "Một trang ngắn về con đường kéo pháo vào trận địa Điện Biên Phủ.")
    wait = time.monotonic() + 20
    while not vi.exists() and time.monotonic() < wait:
        time.sleep(0.2)
    _new_page(page, base_url, "en", {"path": "lich-su/duong-keo-phao", "title": "The artillery road",
                                     "description": "The road the guns were hauled along in 1954.",
                                     "slug": "artillery-road"},
              "A short page on the road the guns were hauled along to Điện Biên Phủ.")
    while not en.exists() and time.monotonic() < wait + 20:
        time.sleep(0.2)
    context.close()
    assert vi.read_text(encoding="utf-8").startswith("---\ntitle: Đường kéo pháo\n")
    assert "slug: artillery-road" in en.read_text(encoding="utf-8")

    rebuilt = build_site(project)  # strict: a page without its pair, or outside the menu, would fail it
    vi_page = rebuilt.page("lich-su/duong-keo-phao/")
    en_page = rebuilt.page("en/history/artillery-road/")
    assert vi_page.select_one("article h1").get_text(strip=True).rstrip("¶") == "Đường kéo pháo"
    assert en_page.select_one("article h1").get_text(strip=True).rstrip("¶") == "The artillery road"
    hreflang = {link["hreflang"]: link["href"] for link in vi_page.select('link[rel="alternate"][hreflang]')}
    assert hreflang["en"] == "https://dienbien.example.org/en/history/artillery-road/"
    # in the menu of its section, in each language
    for soup, section in ((vi_page, "Lịch sử"), (en_page, "History")):
        links = soup.select_one("nav.md-nav--primary").select("a")
        item = next(a for a in links if " ".join(a.get_text(" ").split()) in ("Đường kéo pháo", "The artillery road"))
        branch = item.find_parent("li", class_="md-nav__item--nested")
        assert branch is not None and section in branch.get_text(" ")


def test_a_festival_edition_added_in_the_form_adds_only_its_lines_and_replaces_the_expected_date(editor, browser):
    project, _site, base_url, _port = editor
    path = project / "data/events.yml"
    before = path.read_text(encoding="utf-8")
    context, page = _signed_in(browser, base_url, "collections/data/entries/events")
    festival = page.locator('[class*="listControlItem"]', has=page.get_by_text("Lễ hội Hoa Ban", exact=True)).first
    _unfold(festival, festival.get_by_role("button", name="Thêm kỳ"))
    festival.get_by_role("button", name="Thêm kỳ").click()
    edition = festival.locator('[class*="listControlItem"]').last
    edition.locator('input[id^="start-field"]').fill("2027-03-12")
    edition.locator('input[id^="end-field"]').fill("2027-03-14")
    edition.locator('input[id^="vi-field"]').first.fill("Lễ hội Hoa Ban 2027")
    edition.locator('input[id^="en-field"]').first.fill("Ban Flower Festival 2027")
    sources = edition.locator('input[id^="sources-field"]')
    sources.click()
    sources.type("n-vov-hoaban2018")
    page.locator('[class*="option"]', has_text="n-vov-hoaban2018 · VOV").first.click()  # the matching source
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    deadline = time.monotonic() + 20
    while "2027-03-12" not in path.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    context.close()

    # the file: the new edition's lines, inserted after the festival's last edition; nothing else
    added = ["      - start: 2027-03-12", "        end: 2027-03-14", "        title:",
             "          vi: Lễ hội Hoa Ban 2027", "          en: Ban Flower Festival 2027", "        sources:",
             "          - n-vov-hoaban2018"]
    old, new = before.splitlines(), path.read_text(encoding="utf-8").splitlines()
    at = new.index(added[0])
    assert new[at:at + len(added)] == added
    assert new[:at] + new[at + len(added):] == old
    assert old[at - 1] == "          - n10" and old[at] == "    sources:"  # after the 2026 edition's sources

    rebuilt = build_site(project)
    for where, shown in (("du-lich/le-hoi/", "12 – 14/3/2027"), ("en/travel/festivals/", "12 – 14 March 2027")):
        text = " ".join(rebuilt.page(where).select_one("article").get_text(" ").split())
        assert shown in text, where
        assert ("3/2027 (dự kiến)" if where.startswith("du") else "March 2027 (expected)") not in text


def test_a_place_photo_uploaded_with_alt_text_in_both_languages_shows_as_a_responsive_picture(
        editor, browser, tmp_path):
    project, _site, base_url, _port = editor
    original = photos.camera_jpeg(tmp_path / "doi-a1.jpg", (1800, 1200), orientation=1)
    context, page = _signed_in(browser, base_url, "collections/data/entries/places")
    place = page.locator('[class*="listControlItem"]', has=page.get_by_text("Đồi A1", exact=True)).first
    _unfold(place, place.get_by_role("button", name="Thêm ảnh"))
    place.get_by_role("button", name="Thêm ảnh").click()
    photo = place.locator('[class*="listControlItem"]').last
    photo.get_by_role("button", name="Chọn một hình").click()
    page.locator('input[type="file"]').first.set_input_files(str(original))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    # without its alt text the form refuses, and nothing reaches the files
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    page.get_by_text("Bạn còn thiếu vài thông tin bắt buộc").first.wait_for(timeout=10000)
    assert page.get_by_text("Mô tả (tiếng Việt) bắt buộc nhập.").count() == 1
    assert not (project / "content/anh/doi-a1.jpg").exists()
    photo.locator('input[id^="vi-field"]').fill("Chiếc xe tăng của Pháp trên đồi A1")
    photo.locator('input[id^="en-field"]').fill("The French tank on Hill A1")
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    deadline = time.monotonic() + 20
    while "doi-a1.jpg" not in (project / "data/places.yml").read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the photo was not saved"
        time.sleep(0.2)
    context.close()
    assert (project / "content/anh/doi-a1.jpg").read_bytes() == original.read_bytes()

    rebuilt = build_site(project)
    for where, alt in (("lich-su/di-tich/doi-a1/", "Chiếc xe tăng của Pháp trên đồi A1"),
                       ("en/history/sites/hill-a1/", "The French tank on Hill A1")):
        picture = rebuilt.page(where).select_one("article picture")
        assert picture is not None, where
        assert picture.img["alt"] == alt
        types = {s["type"] for s in picture.select("source")}
        assert {"image/avif", "image/webp"} <= types
        assert all(len(s["srcset"].split(", ")) >= 2 for s in picture.select("source"))  # several widths


def _publish_and_wait(page, file: Path, old: bytes) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    deadline = time.monotonic() + 60
    while file.read_bytes() == old:
        assert time.monotonic() < deadline, f"{file.name} was not saved"
        time.sleep(0.2)
    # the proxy writes the file in place (emptied, then written): wait until two reads agree
    seen = b""
    while (now := file.read_bytes()) != seen or not now:
        assert time.monotonic() < deadline, f"{file.name} was not written whole"
        seen = now
        time.sleep(0.3)


#: For each data form: whether the field to change sits in the first item of a folded list (and in
#: a folded object there), the field, and the new value (valid for the field's own rule).
FORMS = {
    "events": (False, False, "checked", lambda v: "2026-12-07"),
    "home": (False, False, "plan", lambda v: "du-lich/le-hoi.md"),
    "glossary": (True, False, "use", lambda v: v + " x"),
    "places": (True, True, "vi", lambda v: v + " x"),
    "visiting_shared": (True, False, "checked", lambda v: "2020-10-11"),
    "visiting_trip": (True, False, "checked", lambda v: "2026-03-07"),
    "ethnic_groups": (True, True, "vi", lambda v: v + " x"),
}


@pytest.mark.parametrize("entry", list(FORMS))
def test_every_data_form_saves_a_change_as_that_one_line(editor, browser, entry):
    """Each form of "Dữ liệu khác" reads its whole file, and a change saves as that one line: the files
    are kept as the editor writes them (tools/cms.py --check, tests/unit/test_cms.py)."""
    project, _site, base_url, _port = editor
    in_list, folded, name, new_value = FORMS[entry]
    config = cms_config(project / "data", LANGUAGES, local=True)
    file = project / next(f["file"] for c in config["collections"] for f in c.get("files", []) if f["name"] == entry)
    before = file.read_bytes()
    context, page = _signed_in(browser, base_url)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def open_field():
        page.goto(base_url + "admin/#/collections/data")
        page.goto(base_url + f"admin/#/collections/data/entries/{entry}")
        page.get_by_text("Đã công bố").first.wait_for(timeout=30000)  # loaded, nothing changed yet
        page.wait_for_load_state("networkidle")  # the lists a form chooses from (sources, figures) have arrived
        scope = page
        if in_list:
            scope = page.locator('[class*="listControlItem"]').first
            field = scope.locator(f'input[id^="{name}-field"]')
            inside = scope.get_by_role("button", name="Mở ra") if folded else field
            _unfold(scope, inside)
            if folded:
                inside.first.click()  # and its first text (the name)
        return scope.locator(f'input[id^="{name}-field"]').first

    field = open_field()
    value = field.input_value()
    changed_to = new_value(value)
    field.fill(changed_to)
    _publish_and_wait(page, file, before)
    changed = [(a, b) for a, b in zip(before.decode().splitlines(), file.read_text(encoding="utf-8").splitlines(),
                                      strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].endswith(changed_to), changed
    assert open_field().input_value() == changed_to  # the entry as saved, read back from the file
    context.close()
    assert errors == []


def test_a_place_s_practical_fact_changed_in_its_form_saves_as_its_one_line_and_shows_on_its_page(editor, browser):
    """A place's practical facts are one file (data/visiting/places/<key>.yml); its form reads the shared
    entries and the sources it chooses from, and saving a fact's new date changes that line only."""
    project, _site, base_url, _port = editor
    path = project / "data/visiting/places/him-lam.yml"
    before = path.read_bytes()
    context, page = _signed_in(browser, base_url)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "admin/#/collections/visiting")
    page.get_by_text("him-lam", exact=True).first.wait_for(timeout=30000)  # the places' files are listed
    page.goto(base_url + "admin/#/collections/visiting/entries/him-lam")
    page.get_by_text("Đã công bố").first.wait_for(timeout=30000)
    page.wait_for_load_state("networkidle")
    page.get_by_text("Di tích Him Lam (him-lam)", exact=True).wait_for(timeout=5000)  # the place, by its name
    fact = page.locator('[class*="listControlItem"]').first  # getting there: its one fact
    checked = fact.locator('input[id^="checked-field"]')
    _unfold(fact, checked)
    assert checked.input_value() == "2026-03-08"
    checked.fill("2026-03-09")
    _publish_and_wait(page, path, before)
    context.close()
    assert errors == []
    old, new = before.decode().splitlines(), path.read_text(encoding="utf-8").splitlines()
    assert len(old) == len(new)
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        ("    checked: 2026-03-08", "    checked: 2026-03-09")]

    rebuilt = build_site(project)
    for where, label, shown in (("lich-su/di-tich/him-lam/", "Đường đi", "Cập nhật ngày 9/3/2026"),
                                ("en/history/sites/him-lam/", "Getting there", "Checked 9 March 2026")):
        plan = rebuilt.page(where).select_one("dl.db-plan")
        row = next(dt for dt in plan.select("dt") if dt.get_text(strip=True) == label).find_next_sibling("dd")
        assert shown in row.get_text(" ", strip=True), where


def test_a_page_previews_in_the_site_s_own_typography(editor, browser):
    _, _, base_url, _ = editor
    context, page = _signed_in(browser, base_url, "collections/pages_en/entries/du-lich/le-hoi")
    try:
        page.reload()  # open the entry itself, not the list the editor was showing
        preview = page.frame_locator("iframe").first
        heading = preview.locator("article.md-typeset h1")
        heading.wait_for(timeout=30000)
        assert heading.inner_text() == "Festivals and events"
        assert preview.locator("article.md-typeset").get_attribute("lang") == "en"
        # Material's stylesheet, loaded from the site itself, sets the page's headings
        assert heading.evaluate("e => getComputedStyle(e).fontWeight") == "300"
    finally:
        context.close()


def test_the_editor_speaks_vietnamese_where_decap_s_own_translation_stops(editor, browser):
    _, _, base_url, _ = editor
    context, page = _signed_in(browser, base_url, f"collections/figures/entries/{FIGURE}")
    try:
        page.reload()
        page.get_by_role("button", name="Xóa mục này").wait_for(timeout=30000)  # spelled as on the site
        assert "Xoá" not in page.inner_text("body")
        # Decap's own Vietnamese has no words for these; they read in English without the site's phrases
        page.get_by_role("button", name="Thu gọn").or_(page.get_by_role("button", name="Mở ra")).first.wait_for(
            timeout=5000)
        page.goto(base_url + "admin/#/collections/pages_vi")
        page.get_by_text("Tạo trang tiếng Việt", exact=True).wait_for(timeout=30000)  # no "＋", which few fonts have
    finally:
        context.close()


def test_the_editor_is_not_a_page_for_visitors(site: Site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    index = (site.root / "search/search_index.json").read_text(encoding="utf-8")
    worker = (site.root / "sw.js").read_text(encoding="utf-8")
    assert "admin" not in sitemap and '"location":"admin' not in index.replace(" ", "")
    precache = json.loads(re.search(r"^const PRECACHE = (\[.*\]);", worker, re.M).group(1))
    pages = json.loads(re.search(r"^const PAGES = (\{.*\});", worker, re.M).group(1))
    assert precache and not any(p.startswith("admin") for p in precache)  # never saved for offline reading
    assert not any(p["url"].startswith("admin") for listed in pages.values() for p in listed)
    assert re.search(r'^const BYPASS = \["admin/"\];', worker, re.M)  # never answered from the cache
    assert 'content="noindex' in (site.root / "admin/index.html").read_text(encoding="utf-8")
    nav = site.page("").select("nav a[href]")
    assert not any("admin" in a["href"] for a in nav)
