"""Photos for phones: sizes, orientation, colour, privacy, cache and bad files, on images
made by the tests (tests/photos.py) and processed by the real Pillow. (Named apart from
tests/site/test_images.py: pytest imports every test file under tests/ by its base name.)"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import photos
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from dienbien.core.media import images
from dienbien.core.media.images import ImageError, render, render_all


def open_variant(cache: Path, result: images.ProcessedImage, variant: images.Variant) -> Image.Image:
    image = Image.open(cache / "images" / result.key / variant.name)
    image.load()
    return image


def entries(cache: Path) -> list[Path]:
    folder = cache / "images"
    return sorted(p for p in folder.iterdir()) if folder.is_dir() else []


# -- sizes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [300, 480, 700, 1200, 1600, 2400])
def test_widths_are_480_960_1600_and_never_upscaled(tmp_path, width):
    source = photos.camera_jpeg(tmp_path / "a.jpg", (width, width // 2), orientation=1)
    result = render(source, tmp_path / "cache")
    widths = sorted({v.width for v in result.variants})
    assert widths == images.target_widths(width)
    assert max(widths) <= width
    assert set(widths) - {width} <= set(images.WIDTHS)
    assert max(widths) == min(width, 1600)
    for variant in result.variants:
        decoded = open_variant(tmp_path / "cache", result, variant)
        assert decoded.size == (variant.width, variant.height)
        assert abs(variant.height / variant.width - 0.5) < 0.01  # aspect ratio kept
        assert variant.bytes == (tmp_path / "cache/images" / result.key / variant.name).stat().st_size
    assert {v.format for v in result.variants} == {"avif", "webp", "jpeg"}
    assert (result.width, result.height) == (max(widths), round(max(widths) / 2))


# -- orientation, colour, privacy ---------------------------------------------------------------

@pytest.mark.parametrize(("orientation", "top_colour"), [(1, None), (6, "left"), (8, "right"), (3, None)])
def test_exif_orientation_is_applied(tmp_path, orientation, top_colour):
    left, right = (200, 30, 30), (30, 30, 200)
    source = photos.camera_jpeg(tmp_path / "a.jpg", (800, 400), orientation=orientation)
    result = render(source, tmp_path / "cache")
    jpeg = max(result.of("jpeg"), key=lambda v: v.width)
    image = open_variant(tmp_path / "cache", result, jpeg).convert("RGB")
    if orientation in (6, 8):
        assert image.width < image.height  # turned upright
        top = image.getpixel((image.width // 2, image.height // 8))
        expected = left if top_colour == "left" else right
        assert all(abs(a - b) < 40 for a, b in zip(top, expected, strict=True)), top
    else:
        assert image.width > image.height
        first = image.getpixel((image.width // 8, image.height // 2))
        expected = left if orientation == 1 else right  # 3 is upside down: the right half comes first
        assert all(abs(a - b) < 40 for a, b in zip(first, expected, strict=True)), first


def test_metadata_is_stripped_from_every_variant(tmp_path):
    source = photos.camera_jpeg(tmp_path / "a.jpg", (1200, 800), orientation=6)
    assert photos.CAMERA.encode() in source.read_bytes()
    assert Image.open(source).getexif().get_ifd(photos.GPS_IFD)  # the source does carry a position
    result = render(source, tmp_path / "cache")
    for variant in result.variants:
        path = tmp_path / "cache/images" / result.key / variant.name
        data = path.read_bytes()
        assert photos.CAMERA.encode() not in data
        assert b"Exif\0\0" not in data
        image = Image.open(path)
        assert not image.getexif(), variant.name
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info), (variant.name, image.info)


def test_colour_profile_is_converted_to_srgb(tmp_path):
    profile = photos.linear_rgb_profile()
    tagged, untagged = tmp_path / "tagged.jpg", tmp_path / "untagged.jpg"
    Image.new("RGB", (600, 400), (128, 128, 128)).save(tagged, "JPEG", quality=95, icc_profile=profile)
    Image.new("RGB", (600, 400), (128, 128, 128)).save(untagged, "JPEG", quality=95)
    values = {}
    for path in (tagged, untagged):
        result = render(path, tmp_path / "cache")
        jpeg = result.of("jpeg")[0]
        image = open_variant(tmp_path / "cache", result, jpeg)
        assert "icc_profile" not in image.info
        values[path.name] = image.convert("RGB").getpixel((300, 200))[0]
    assert abs(values["untagged.jpg"] - 128) <= 3  # no profile: taken as sRGB, unchanged
    assert values["tagged.jpg"] > 170  # linear 0.5 is sRGB 188: the profile was applied


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    result = render(photos.cmyk_jpeg(tmp_path / "print.jpg"), tmp_path / "cache")
    for variant in result.variants:
        image = open_variant(tmp_path / "cache", result, variant)
        assert image.mode == "RGB"
    red, green, blue = open_variant(tmp_path / "cache", result, result.of("jpeg")[0]).getpixel((10, 10))
    assert red > 180 and green < 80 and blue < 80  # print red stays red


def test_alpha_is_kept_with_a_png_fallback(tmp_path):
    result = render(photos.alpha_png(tmp_path / "logo.png"), tmp_path / "cache")
    assert result.alpha and result.fallback == "png" and result.placeholder is None
    assert {v.format for v in result.variants} == {"avif", "webp", "png"}
    for variant in result.variants:
        image = open_variant(tmp_path / "cache", result, variant).convert("RGBA")
        assert image.getpixel((image.width - 5, image.height // 2))[3] == 0, variant.name  # transparent half
        assert image.getpixel((5, image.height // 2))[3] == 255, variant.name  # opaque half


def test_palette_with_transparency_and_opaque_alpha(tmp_path):
    result = render(photos.palette_png(tmp_path / "p.png"), tmp_path / "cache")
    assert result.alpha and result.fallback == "png"
    opaque = tmp_path / "opaque.png"
    Image.new("RGBA", (500, 300), (10, 120, 90, 255)).save(opaque)
    result = render(opaque, tmp_path / "cache")
    assert not result.alpha and result.fallback == "jpeg"  # nothing transparent: a JPEG is smaller


def test_placeholder_is_a_tiny_inline_webp(tmp_path):
    result = render(photos.camera_jpeg(tmp_path / "a.jpg", (1600, 1000), orientation=1), tmp_path / "cache")
    prefix = "data:image/webp;base64,"
    assert result.placeholder.startswith(prefix)
    data = base64.b64decode(result.placeholder[len(prefix):])
    assert len(result.placeholder) < 600
    tiny = Image.open(io.BytesIO(data))
    assert tiny.format == "WEBP" and tiny.width == images.PLACEHOLDER_WIDTH
    assert abs(tiny.height / tiny.width - 1000 / 1600) < 0.1


# -- cache -------------------------------------------------------------------------------------

def test_second_render_is_a_cache_hit(tmp_path):
    source = photos.camera_jpeg(tmp_path / "a.jpg", (900, 600))
    cache = tmp_path / "cache"
    first = render(source, cache)
    files = {p: p.stat().st_mtime_ns for p in (cache / "images").rglob("*") if p.is_file()}
    again = render_all([source], cache)[source]
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in (cache / "images").rglob("*") if p.is_file()} == files
    # The same photo under another name and folder is the same entry: stored once.
    copy = tmp_path / "other" / "copy.jpg"
    copy.parent.mkdir()
    copy.write_bytes(source.read_bytes())
    assert render(copy, cache).key == first.key
    assert len(entries(cache)) == 1
    # A changed photo is a new entry; the old one stays for other pages.
    photos.camera_jpeg(source, (900, 600), orientation=3)
    assert render(source, cache).key != first.key
    assert len(entries(cache)) == 2


def test_parallel_processing_gives_the_same_files(tmp_path):
    sources = [photos.camera_jpeg(tmp_path / f"{n}.jpg", (500 + 100 * n, 400), orientation=1 + n % 8)
               for n in range(4)]
    parallel = render_all(sources, tmp_path / "two", workers=2)
    serial = render_all(sources, tmp_path / "one", workers=1)
    assert parallel == serial
    for result in parallel.values():
        for variant in result.variants:
            assert ((tmp_path / "two/images" / result.key / variant.name).read_bytes()
                    == (tmp_path / "one/images" / result.key / variant.name).read_bytes())


# -- bad files ---------------------------------------------------------------------------------

BAD = [
    pytest.param(lambda d: d / "missing.jpg", "does not exist", id="missing"),
    pytest.param(lambda d: photos.not_an_image(d / "page.jpg"), "not an image the site can read", id="not-an-image"),
    pytest.param(lambda d: photos.damaged_jpeg(d / "cut.jpg"), "is damaged", id="truncated"),
    pytest.param(lambda d: photos.bomb_png(d / "bomb.png"), "30000 × 30000 pixels", id="bomb"),
    pytest.param(lambda d: photos.gif(d / "anim.gif"), "is a GIF image", id="gif"),
    pytest.param(lambda d: photos.camera_jpeg(d / "x.heic", (100, 100)), "HEIC", id="heic"),
]


@pytest.mark.parametrize(("make", "message"), BAD)
def test_bad_files_raise_a_clear_error_and_leave_no_cache_entry(tmp_path, make, message):
    source = make(tmp_path)
    cache = tmp_path / "cache"
    with pytest.raises(ImageError) as error:
        render(source, cache)
    assert message in str(error.value)
    assert error.value.hint  # says what to do
    result = render_all([source], cache, workers=1)[source]  # the batch returns the error, not raises
    assert isinstance(result, ImageError) and message in str(result)
    assert not list((cache / "images").rglob("*")) if (cache / "images").exists() else True


# -- Markdown and HTML ---------------------------------------------------------------------------

MARKDOWN = """# Tiêu đề

![Hoa ban nở trắng](anh/hoa-ban.jpg "Tháng Ba")
Text with `![not an image](code.jpg)` in code.

```
![fenced](fenced.jpg)
```

![](anh/vien.png){ .decorative }
![Logo](logo.svg) ![Ảnh ngoài](https://example.org/a.jpg)
![Hai \\[ảnh\\]](</anh/chung anh.jpg>)
"""


def test_find_images_with_lines_outside_code():
    refs = images.find_images(MARKDOWN, first_line=5)
    assert [(r.line, r.src) for r in refs] == [(7, "anh/hoa-ban.jpg"), (14, "anh/vien.png"),
                                               (16, "/anh/chung anh.jpg")]
    assert refs[0].alt == "Hoa ban nở trắng" and refs[0].title == "Tháng Ba"
    assert refs[1].decorative and refs[1].alt == ""
    assert refs[2].alt == "Hai [ảnh]"
    everything = images.find_images(MARKDOWN, raster_only=False)
    assert {"logo.svg", "https://example.org/a.jpg"} <= {r.src for r in everything}


def test_alt_text_rules():
    refs = {r.src: r for r in images.find_images("![](a.jpg)\n![x](b.jpg){ .decorative }\n![ok](c.jpg)\n"
                                                 "![](d.jpg){: .decorative }\n")}
    assert "has no alt text" in images.check_alt(refs["a.jpg"])[0]
    assert "decorative" in images.check_alt(refs["a.jpg"])[1]  # the hint names the convention
    assert "marked decorative but has alt text" in images.check_alt(refs["b.jpg"])[0]
    assert images.check_alt(refs["c.jpg"]) is None
    assert images.check_alt(refs["d.jpg"]) is None


def test_replace_images_keeps_code_and_other_images():
    out = images.replace_images(MARKDOWN, lambda ref, i: f"<IMG{i}>")
    assert "<IMG0>" in out and "<IMG1>" in out and "<IMG2>" in out and "<IMG3>" not in out
    assert "`![not an image](code.jpg)`" in out and "![fenced](fenced.jpg)" in out
    assert "![Logo](logo.svg)" in out and "{ .decorative }" not in out
    assert out.count("\n") == MARKDOWN.count("\n")


def test_picture_markup(tmp_path):
    big = render(photos.camera_jpeg(tmp_path / "a.jpg", (2400, 1600), orientation=1), tmp_path / "cache")
    html = images.picture_html(big, 'Đồi "A1" <lúc> bình minh', "../assets/photos/", eager=True, title="Đồi A1")
    picture = BeautifulSoup(html, "html.parser").picture
    sources = picture.find_all("source")
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    img = picture.img
    for element, fmt in ((sources[0], "avif"), (sources[1], "webp"), (img, "jpeg")):
        listed = [entry.split() for entry in element["srcset"].split(", ")]
        assert [(url, w) for url, w in listed] == [(f"../assets/photos/{v.name}", f"{v.width}w") for v in big.of(fmt)]
        assert element["sizes"] == images.SIZES
    assert img["src"] == f"../assets/photos/{big.key}-960.jpg"
    assert (img["width"], img["height"]) == ("1600", "1067")
    assert img["alt"] == 'Đồi "A1" <lúc> bình minh' and img["title"] == "Đồi A1"
    assert img["loading"] == "eager" and img["fetchpriority"] == "high" and img["decoding"] == "async"
    assert re.fullmatch(r"background-image:url\(data:image/webp;base64,[A-Za-z0-9+/=]+\)", img["style"])
    assert "\n" not in html
    lazy = BeautifulSoup(images.picture_html(big, "", "x/", eager=False, classes=("decorative", "wide")),
                         "html.parser")
    assert lazy.img["loading"] == "lazy" and not lazy.img.has_attr("fetchpriority") and lazy.img["alt"] == ""
    assert lazy.picture["class"] == ["db-img", "wide"]


def test_the_largest_image_loads_eagerly(tmp_path):
    small = render(photos.camera_jpeg(tmp_path / "s.jpg", (600, 400), orientation=1), tmp_path / "cache")
    large = render(photos.camera_jpeg(tmp_path / "l.jpg", (1000, 700), orientation=1), tmp_path / "cache")
    assert images.lcp_index([small, large, small]) == 1
    assert images.lcp_index([large, large]) == 0
    assert images.lcp_index([]) is None
