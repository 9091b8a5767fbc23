"""Photos and social cards in a real bilingual build: a copy of the project gets generated
photos on a page in both languages, and the built site is read back."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
from pathlib import Path

import photos
import pytest
from PIL import Image, ImageChops

from dienbien.core.media.images import target_widths
from sitebuild import ROOT, SITE_URL, Site, build_site, copy_project, run_build

pytestmark = pytest.mark.slow

PAGE = "du-lich/index.md"
VI_ADDED = """

![Hoa ban nở trắng trên đồi](/anh/hoa-ban.jpg)

Cà phê chè trồng ở Mường Ảng.

![Cà phê chín đỏ ở Mường Ảng](anh/ca-phe.jpg "Mường Ảng")

![](/anh/hoa-van.png){ .decorative }
"""
EN_ADDED = """

![White Ban flowers on a hillside](/anh/hoa-ban.jpg)

![Ripe coffee cherries in Mường Ảng](anh/ca-phe.jpg)
"""


def add_photos(project: Path) -> None:
    photos.camera_jpeg(project / "content/anh/hoa-ban.jpg", (2400, 1600), orientation=6)
    photos.alpha_png(project / "content/anh/hoa-van.png", (640, 200))
    coffee = photos.camera_jpeg(project / "content/vi/du-lich/anh/ca-phe.jpg", (1000, 750), orientation=1,
                                image=photos.halves((1000, 750), (150, 20, 20), (40, 90, 30)))
    (project / "content/en/du-lich/anh").mkdir(parents=True)
    shutil.copyfile(coffee, project / "content/en/du-lich/anh/ca-phe.jpg")  # the same photo in each language
    for lang, text in (("vi", VI_ADDED), ("en", EN_ADDED)):
        with open(project / "content" / lang / PAGE, "a", encoding="utf-8") as f:
            f.write(text)
    # A photo given in data/places.yml, with its alt text in each language.
    photos.camera_jpeg(project / "content/anh/doi-a1.jpg", (1800, 1200), orientation=1)
    places = project / "data/places.yml"
    places.write_text(places.read_text(encoding="utf-8").replace(
        "    key: doi-a1\n",
        "    photos:\n      - src: /anh/doi-a1.jpg\n"
        "        alt: {vi: \"Xe tăng Pháp trên Đồi A1\", en: \"The French tank on Hill A1\"}\n"
        "    key: doi-a1\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("photos"))
    add_photos(project)
    return project


@pytest.fixture(scope="module")
def site(project) -> Site:
    """A cold build: the project's own empty cache, every photo processed and card drawn."""
    assert not (project / ".cache").exists()
    return build_site(project)


def resolve(site: Site, page: str, url: str) -> Path:
    return site.root / posixpath.normpath(posixpath.join(page, url))


def pictures(site: Site, page: str):
    return site.page(page).select("article picture")


@pytest.mark.parametrize(("page", "alts"), [
    ("du-lich/", ["Hoa ban nở trắng trên đồi", "Cà phê chín đỏ ở Mường Ảng", ""]),
    ("en/travel/", ["White Ban flowers on a hillside", "Ripe coffee cherries in Mường Ảng"]),
])
def test_photos_become_pictures_with_sizes(site, page, alts):
    found = pictures(site, page)
    assert [p.img["alt"] for p in found] == alts
    for picture in found:
        img = picture.img
        assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
        assert img["decoding"] == "async" and img["sizes"] and img["width"] and img["height"]
        ratio = int(img["height"]) / int(img["width"])
        for element in [*picture.select("source"), img]:
            for entry in element["srcset"].split(", "):
                url, descriptor = entry.split()
                assert "/assets/photos/" in url and not url.startswith("/")
                file = resolve(site, page, url)
                assert file.is_file(), url
                assert "/en/" not in file.as_posix().removeprefix(site.root.as_posix())  # stored once, at the root
                with Image.open(file) as decoded:
                    assert f"{decoded.width}w" == descriptor
                    assert abs(decoded.height / decoded.width - ratio) < 0.01
        assert resolve(site, page, img["src"]).is_file()


@pytest.mark.parametrize(("page", "alt"), [("lich-su/di-tich/doi-a1/", "Xe tăng Pháp trên Đồi A1"),
                                         ("en/history/sites/hill-a1/", "The French tank on Hill A1")])
def test_a_photo_from_data_tops_its_place_page_in_each_language(site, page, alt):
    found = pictures(site, page)
    assert len(found) == 1
    img = found[0].img
    assert img["alt"] == alt and img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert found[0].find_previous("h1") is not None  # under the title, above the key facts
    assert found[0].find_next("aside", class_="db-facts") is not None
    assert resolve(site, page, img["src"]).is_file()


def test_largest_photo_is_eager_others_lazy(site):
    ban, coffee, pattern = (p.img for p in pictures(site, "du-lich/"))
    assert (ban["width"], ban["height"]) == ("1600", "2400")  # the EXIF rotation applied: portrait
    assert ban["loading"] == "eager" and ban["fetchpriority"] == "high"
    for img in (coffee, pattern):
        assert img["loading"] == "lazy" and not img.has_attr("fetchpriority")
    assert coffee["title"] == "Mường Ảng"
    assert ban["style"].startswith("background-image:url(data:image/webp;base64,")  # placeholder, no request
    assert not pattern.has_attr("style")  # transparent: no placeholder behind it
    assert pattern["src"].endswith(".png")  # transparency kept


def test_a_photo_used_in_both_languages_is_stored_once(site):
    vi = {img["src"] for img in site.page("du-lich/").select("article picture img")}
    en = {img["src"] for img in site.page("en/travel/").select("article picture img")}
    assert {posixpath.basename(u) for u in en} < {posixpath.basename(u) for u in vi}
    files = sorted(p.name for p in (site.root / "assets/photos").iterdir())
    # ban (upright), coffee, pattern, and the Hill A1 photo of data/places.yml
    widths = sum(len(target_widths(w)) for w in (1600, 1000, 640, 1800))
    assert len(files) == widths * 3  # three formats each; the coffee photo of both languages once
    assert not (site.root / "en/assets/photos").exists()


def test_source_photos_and_their_metadata_are_not_published(site):
    published = [p for p in site.root.rglob("*") if p.is_file()]
    assert not [p for p in published if p.name in {"hoa-ban.jpg", "ca-phe.jpg", "hoa-van.png"}]
    for path in (site.root / "assets/photos").iterdir():
        assert photos.CAMERA.encode() not in path.read_bytes(), path.name


def test_pages_with_photos_are_valid_html(site):
    vnu = ROOT / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
    java = shutil.which("java")
    if not vnu.exists() or java is None:
        pytest.fail("the Nu HTML Checker needs tools/node_modules (npm ci --prefix tools) and Java")
    pages = [str(site.root / "du-lich/index.html"), str(site.root / "en/travel/index.html")]
    result = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = [m for m in json.loads(result.stderr)["messages"]
                if "picture" in m.get("extract", "") or "<img" in m.get("extract", "")
                or "meta" in m.get("extract", "")]
    assert messages == []


# -- social cards -----------------------------------------------------------------------------

def meta(soup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


def test_every_page_has_its_own_card_in_its_language(site):
    seen = set()
    for path in site.html_paths():
        soup = site.page(path)
        url = meta(soup, "og:image")
        lang_root = SITE_URL + ("en/" if path.startswith("en/") else "")
        assert url.startswith(lang_root + "assets/cards/") and url.endswith(".png"), (path, url)
        assert meta(soup, "twitter:image") == url
        assert meta(soup, "twitter:card") == "summary_large_image"
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
        assert meta(soup, "og:image:alt").startswith(meta(soup, "og:title").split(" – ")[0][:10])
        assert meta(soup, "og:locale") == ("en_US" if path.startswith("en/") else "vi_VN")
        file = site.root / url.removeprefix(SITE_URL)
        with Image.open(file) as card:
            assert card.format == "PNG" and card.size == (1200, 630)
        seen.add(url)
    assert len(seen) == len(site.html_paths())


def test_cards_show_their_page_title(site):
    def card(path):
        return Image.open(site.root / meta(site.page(path), "og:image").removeprefix(SITE_URL)).convert("RGB")

    history, culture, history_en = card("lich-su/"), card("van-hoa/"), card("en/history/")
    title_area = (72, 100, 800, 360)
    assert photos.transitions(history, title_area, step=3) > 150  # letters, not a blank image
    for a, b in ((history, culture), (history, history_en)):
        diff = ImageChops.difference(a, b).convert("L").crop(title_area)
        assert diff.point(lambda v: 255 if v > 40 else 0).histogram()[255] > 3000


# -- cache ------------------------------------------------------------------------------------

def snapshot(cache: Path) -> dict[str, int]:
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}


def test_warm_rebuild_processes_nothing_and_a_changed_photo_only_itself(project, site):
    cache = project / ".cache"
    entries = sorted(p.name for p in (cache / "images").iterdir())
    assert len(entries) == 4  # three photos in pages, one from data/places.yml
    assert len(list((cache / "cards").glob("*.png"))) == len(site.html_paths())
    before = snapshot(cache)
    warm = build_site(project)
    assert snapshot(cache) == before  # nothing encoded or drawn again
    assert sorted(p.name for p in (warm.root / "assets/photos").iterdir()) == sorted(
        p.name for v in entries for p in (cache / "images" / v).iterdir() if p.name != "image.json")

    photos.camera_jpeg(project / "content/anh/hoa-ban.jpg", (2400, 1600), orientation=8)
    build_site(project)
    after = snapshot(cache)
    new = {Path(k).parts[1] for k in set(after) - set(before) if k.startswith("images/")}
    assert len(new) == 1  # only the changed photo was processed
    assert {k: v for k, v in after.items() if k in before} == before


def test_a_broken_photo_fails_and_leaves_site_and_cache_clean(project, site):
    build_site(project)
    site_before = snapshot(project / "site")
    cache_before = snapshot(project / ".cache")
    photos.damaged_jpeg(project / "content/anh/hong.jpg")
    with open(project / "content/vi/lich-su/index.md", "a", encoding="utf-8") as f:
        f.write("\n![Ảnh hỏng](/anh/hong.jpg)\n")
    line = len((project / "content/vi/lich-su/index.md").read_text(encoding="utf-8").splitlines())
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"content/vi/lich-su/index.md:{line}: 'hong.jpg' is damaged" in output
    assert snapshot(project / "site") == site_before
    assert snapshot(project / ".cache") == cache_before
    assert not [p for p in (project / ".cache").rglob(".tmp-*")]
    assert not any(p.name.startswith(".site.") for p in project.iterdir())
