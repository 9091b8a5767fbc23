"""Photos for weak mobile networks: responsive variants, placeholders, privacy.

Every raster image an editor references from Markdown becomes a set of widths
(480, 960 and 1600 pixels, never larger than the photo itself) in AVIF and WebP,
with a JPEG fallback (PNG when the image has transparency), plus a tiny blurred
placeholder inlined in the page. Before encoding, the EXIF orientation is applied,
colours are converted to sRGB (CMYK, palette and ICC-profiled images included) and
every piece of metadata is dropped: no EXIF, no GPS position, no camera serial.

Work is cached by the content hash of the source under ``<cache>/images/<key>/``;
an entry appears atomically (written to a temporary folder, then renamed), so a
failed or interrupted build never leaves half an entry. Misses are processed in
parallel, one process per core. Plain Python and Pillow: no MkDocs here.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import warnings
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote

from PIL import Image, ImageCms, ImageFile, ImageFilter, ImageOps, UnidentifiedImageError

from ..data.mdlines import lines_outside_fences
from .outputfiles import place

try:
    import fcntl
except ImportError:  # Windows: no lock; both builds may then encode a shared photo, harmlessly
    fcntl = None

#: Part of every cache key: change it whenever the output for the same source changes.
CODE_VERSION = "images-2"
WIDTHS = (480, 960, 1600)
#: The largest photo the site accepts. A 45-megapixel camera gives 8192 × 5464 pixels;
#: anything far beyond is a mistake or a decompression bomb (a tiny file that would
#: expand to gigabytes of memory).
MAX_PIXELS = 60_000_000
#: Formats read as photos; MPO is the multi-picture JPEG some cameras and phones write.
READABLE = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
#: File names that are raster images: references to them go through this pipeline
#: (and fail clearly when the format is not one the site publishes). SVG is left alone.
RASTER_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp",
                   ".heic", ".heif", ".jxl", ".jp2", ".psd", ".raw", ".dng", ".cr2", ".nef"}
# One encoder thread each: the processes give the parallelism, and the bytes do not depend
# on the machine's core count (two builds of the same commit are identical).
QUALITY = {"avif": {"quality": 50, "speed": 6, "max_threads": 1},
           "webp": {"quality": 75, "method": 4},
           "jpeg": {"quality": 78, "optimize": True, "progressive": True},
           "png": {"optimize": False, "compress_level": 7}}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
PLACEHOLDER_WIDTH = 24
#: The width the browser shows a content image at: the full screen on phones, Material's
#: text column (about 42 rem) on wide screens.
SIZES = "(min-width: 76.25em) 42rem, (min-width: 60em) calc(100vw - 30rem), 100vw"

ImageFile.LOAD_TRUNCATED_IMAGES = False  # a damaged file is an error, never a half-grey photo


class ImageError(Exception):
    """A source image the site cannot publish: ``message`` says why, ``hint`` what to do.

    Raised in worker processes and carried back to the build, which adds the file and
    line that referenced the image.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


@dataclass(frozen=True)
class Variant:
    format: str  # avif | webp | jpeg | png
    width: int
    height: int
    name: str  # file name, e.g. "3f2a…-960.avif"
    bytes: int


@dataclass(frozen=True)
class ProcessedImage:
    key: str
    width: int  # of the largest variant, after orientation: the aspect ratio the page reserves
    height: int
    alpha: bool
    fallback: str  # jpeg or png
    variants: tuple[Variant, ...]
    placeholder: str | None  # a data: URI of a tiny WebP, for opaque images
    source_bytes: int

    def of(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt]

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ProcessedImage:
        data = json.loads(text)
        data["variants"] = tuple(Variant(**v) for v in data["variants"])
        return cls(**data)


# -- one image ---------------------------------------------------------------------------------

def cache_key(data: bytes) -> str:
    """The name of a source's cache entry and output files: its content plus this code's version."""
    digest = hashlib.sha256(CODE_VERSION.encode() + b"\0" + json.dumps(QUALITY, sort_keys=True).encode()
                            + repr(WIDTHS).encode() + b"\0" + data)
    return digest.hexdigest()[:20]


def target_widths(width: int) -> list[int]:
    """480, 960 and 1600 where the photo is wider; the photo's own width closes the list when
    it is narrower than 1600. Never upscaled."""
    widths = [w for w in WIDTHS if w < width]
    if width <= WIDTHS[-1]:
        widths.append(width)
    return widths


def _open(path: Path, data: bytes) -> Image.Image:
    suffix = path.suffix.lower()
    if suffix in {".heic", ".heif"}:
        raise ImageError(f"'{path.name}' is a HEIC photo (the iPhone's format), which browsers cannot show",
                         "export it as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible) "
                         "and reference the .jpg file")
    # Opening reads only the header; the size is checked below against this module's own
    # limit, so that the message can say how large the image is.
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise ImageError(f"'{path.name}' is not an image the site can read (the file is damaged, "
                         "or it is not a JPEG, PNG or WebP image)",
                         "open it in an image editor and save it again as JPEG (photos) or PNG") from None
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    if image.format not in READABLE:
        raise ImageError(f"'{path.name}' is a {image.format} image; the site publishes JPEG, PNG and WebP",
                         "save it as JPEG (photos) or PNG (drawings, images with transparency)")
    if getattr(image, "is_animated", False) and image.format != "MPO":
        raise ImageError(f"'{path.name}' is an animated image; the site publishes still photos",
                         "save one frame as JPEG or PNG")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_large(path, f"{width} × {height} pixels, {width * height / 1e6:.0f} megapixels")
    return image


def _too_large(path: Path, detail: str) -> ImageError:
    return ImageError(f"'{path.name}' is too large to process safely ({detail}; the limit is "
                      f"{MAX_PIXELS // 1_000_000} megapixels)",
                      "resize it to at most 4000 pixels on its longest side and save it again")


def _displayed_size(image: Image.Image) -> tuple[int, int]:
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA in sRGB, whatever the source's mode and colour profile."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                                  renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                                  outputMode="RGBA" if image.mode == "RGBA" else "RGB")
            if converted is not None:
                image = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: the pixels are taken as sRGB, as a browser would
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # 16-bit and float greys
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("P", "1", "L") and "transparency" in image.info:
        return image.convert("RGBA")
    if image.mode in ("LA", "La", "PA", "RGBa"):
        return image.convert("RGBA")
    if image.mode not in ("RGB", "RGBA"):
        return image.convert("RGB")  # palette, grey, and CMYK or YCbCr without a profile
    return image


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "png":
        # The fallback for browsers without AVIF or WebP, for images with transparency: 256
        # colours with alpha (as pngquant does) make it a fraction of a full-colour PNG.
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.FLOYDSTEINBERG)
    image.info = {}  # no EXIF, XMP, ICC profile or comment reaches the output
    image.save(out, fmt.upper(), **QUALITY[fmt])
    return out.getvalue()


def _placeholder(image: Image.Image) -> str:
    height = max(1, round(image.height * PLACEHOLDER_WIDTH / image.width))
    tiny = image.convert("RGB").resize((PLACEHOLDER_WIDTH, height), Image.Resampling.BOX)
    tiny = tiny.filter(ImageFilter.GaussianBlur(1))
    tiny.info = {}
    out = io.BytesIO()
    tiny.save(out, "WEBP", quality=30, method=6)
    return "data:image/webp;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def decode(path: Path) -> tuple[bytes, Image.Image]:
    """The source's bytes and its pixels: oriented, in sRGB, without metadata.

    Raises :class:`ImageError` for a missing, damaged, oversized or unsupported file.
    """
    data = _read(path)
    return data, _decoded(path, _open(path, data))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImageError(f"image '{path.name}' does not exist",
                         "check the file name and its folder (the path is relative to the page's folder)") from None
    except IsADirectoryError:
        raise ImageError(f"'{path.name}' is a folder, not an image", "write the path of an image file") from None


def _decoded(path: Path, image: Image.Image) -> Image.Image:
    width, height = _displayed_size(image)
    if image.format in ("JPEG", "MPO") and width > WIDTHS[-1]:
        # Let the JPEG decoder scale down by 1/2, 1/4 or 1/8 while decoding (never below
        # the largest variant): far less memory and time for a 24-megapixel photo.
        scale = WIDTHS[-1] / width
        image.draft(image.mode, (int(image.size[0] * scale) + 1, int(image.size[1] * scale) + 1))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
            image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise ImageError(f"'{path.name}' is damaged and cannot be read ({e})",
                         "export the photo again from the camera or editor and replace the file") from None
    image = _to_srgb(image)
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        image = image.convert("RGB")  # an alpha channel with nothing transparent
    return image


def render(path: Path, cache_dir: Path) -> ProcessedImage:
    """Process one source image into ``cache_dir/images/<key>/`` (or read the entry there)."""
    images_dir = Path(cache_dir) / "images"
    data = _read(path)
    key = cache_key(data)
    cached = lookup(images_dir / key)
    if cached is not None:
        return cached
    image = _decoded(path, _open(path, data))
    alpha = image.mode == "RGBA"
    fallback = "png" if alpha else "jpeg"
    variants, files = [], {}
    source_width = image.width
    for width in target_widths(source_width):
        height = max(1, round(image.height * width / source_width))
        scaled = image if width == source_width else image.resize((width, height), Image.Resampling.LANCZOS,
                                                                   reducing_gap=3.0)
        for fmt in ("avif", "webp", fallback):
            name = f"{key}-{width}.{EXTENSION[fmt]}"
            blob = _encode(scaled.copy(), fmt)
            files[name] = blob
            variants.append(Variant(fmt, width, height, name, len(blob)))
    largest = max(variants, key=lambda v: v.width)
    result = ProcessedImage(key=key, width=largest.width, height=largest.height, alpha=alpha, fallback=fallback,
                            variants=tuple(variants), placeholder=None if alpha else _placeholder(image),
                            source_bytes=len(data))
    _store(images_dir / key, files, result)
    return result


def lookup(entry: Path) -> ProcessedImage | None:
    """A complete cache entry, or None (entries appear atomically, so one that exists is whole)."""
    try:
        return ProcessedImage.from_json((entry / "image.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _store(entry: Path, files: dict[str, bytes], result: ProcessedImage) -> None:
    entry.parent.mkdir(parents=True, exist_ok=True)
    temp = entry.parent / f".tmp-{entry.name}-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    try:
        for name, blob in files.items():
            (temp / name).write_bytes(blob)
        (temp / "image.json").write_text(result.to_json(), encoding="utf-8")
        try:
            os.rename(temp, entry)
        except OSError:
            if lookup(entry) is None:  # neither another process's complete entry: a real failure
                raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)


# -- many images -------------------------------------------------------------------------------

def _render_or_error(path: Path, cache_dir: Path) -> ProcessedImage | ImageError:
    try:
        return render(path, cache_dir)
    except ImageError as e:
        return e
    except MemoryError:
        return _too_large(path, "it does not fit in memory")


@contextmanager
def _cache_lock(images_dir: Path):
    """One build at a time processes images: the other language's build, started at the same
    moment, then waits and finds every shared image in the cache instead of encoding it twice."""
    images_dir.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    handle = os.open(images_dir, os.O_RDONLY)  # the folder itself is the lock: no lock file is left
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def render_all(paths: Iterable[Path], cache_dir: Path, workers: int | None = None
               ) -> dict[Path, ProcessedImage | ImageError]:
    """Every image, from the cache when it is there; the misses in parallel (``workers``
    processes, default one per core). Errors are returned, not raised, so the caller can
    name the Markdown file and line of each reference."""
    images_dir = Path(cache_dir) / "images"
    results: dict[Path, ProcessedImage | ImageError] = {}
    paths = list(dict.fromkeys(paths))

    def from_cache() -> list[Path]:
        missing = []
        for path in paths:
            if path in results:
                continue
            try:
                cached = lookup(images_dir / cache_key(path.read_bytes()))
            except OSError:
                cached = None
            if cached is None:
                missing.append(path)
            else:
                results[path] = cached
        return missing

    if not from_cache():
        return results
    with _cache_lock(images_dir):
        missing = from_cache()  # the other language's build may have made them meanwhile
        workers = min(workers or os.cpu_count() or 1, len(missing))
        if workers <= 1:
            for path in missing:
                results[path] = _render_or_error(path, cache_dir)
        else:
            # "spawn": fresh workers that import only Pillow and this module, whatever
            # threads the calling process (a live-reload server) is running.
            with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
                for path, result in zip(missing, pool.map(_render_or_error, missing,
                                                          [cache_dir] * len(missing)), strict=True):
                    results[path] = result
    return results


def copy_variants(image: ProcessedImage, cache_dir: Path, out_dir: Path) -> list[Path]:
    """Put an image's variant files into the site (unchanged files are left alone)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for variant in image.variants:
        target = out_dir / variant.name
        if not target.exists() or target.stat().st_size != variant.bytes:
            place(Path(cache_dir) / "images" / image.key / variant.name, target)
        written.append(target)
    return written


# -- Markdown ----------------------------------------------------------------------------------

_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]"
    r"\(\s*(?P<src><[^>]*>|[^)\s]+)(?:\s+(?P<q>[\"'])(?P<title>.*?)(?P=q))?\s*\)"
    r"(?P<attrs>\{:?[^}\n]*\})?")
_IMG_TAG = re.compile(r"<img\b[^>]*?\bsrc=[\"']?([^\"'\s>]+)", re.I)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_CODE_SPAN = re.compile(r"(`+).+?\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>\"'])")


@dataclass(frozen=True)
class ImageRef:
    """``![alt](src "title"){ .decorative }`` in an editor's Markdown."""

    line: int
    alt: str
    src: str
    title: str | None
    classes: tuple[str, ...]
    text: str  # the whole reference as written

    @property
    def decorative(self) -> bool:
        return "decorative" in self.classes


def is_raster(src: str) -> bool:
    """A local file this pipeline publishes (not an external URL, not SVG)."""
    if _EXTERNAL.match(src) or src.startswith("data:"):
        return False
    path = unquote(src.split("#")[0].split("?")[0])
    return Path(path).suffix.lower() in RASTER_SUFFIXES


def _ref(match: re.Match[str], line: int) -> ImageRef:
    src = match.group("src")
    if src.startswith("<"):
        src = src[1:-1]
    attrs = (match.group("attrs") or "{}")[1:-1].lstrip(":")
    classes = tuple(token[1:] for token in attrs.split() if token.startswith("."))
    return ImageRef(line, _ESCAPE.sub(r"\1", match.group("alt")).strip(), src.strip(), match.group("title"),
                    classes, match.group(0))


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_SPAN.finditer(line)]


def _markdown_lines(markdown: str, first_line: int):
    """``(line number, text)`` of each line outside fenced code blocks."""
    lines = markdown.split("\n")
    for i in lines_outside_fences(lines):
        yield first_line + i, lines[i]


def find_images(markdown: str, first_line: int = 1, raster_only: bool = True) -> list[ImageRef]:
    """Every Markdown image of a local raster file (of any file, with ``raster_only=False``),
    outside code, with its source line."""
    found = []
    for number, line in _markdown_lines(markdown, first_line):
        if "![" not in line:
            continue
        spans = _code_spans(line)
        for match in _IMAGE.finditer(line):
            if any(a <= match.start() < b for a, b in spans):
                continue
            ref = _ref(match, number)
            if is_raster(ref.src) or not raster_only:
                found.append(ref)
    return found


def find_img_tags(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, src)`` of raw ``<img>`` tags pointing at local raster files (outside code)."""
    found = []
    for number, line in _markdown_lines(markdown, first_line):
        spans = _code_spans(line)
        for match in _IMG_TAG.finditer(line):
            if not any(a <= match.start() < b for a, b in spans) and is_raster(match.group(1)):
                found.append((number, match.group(1)))
    return found


def replace_images(markdown: str, render_ref) -> str:
    """Replace each image reference outside code with ``render_ref(ref, index)``; ``index``
    counts the page's images in order. Lines in ``ImageRef`` are those of ``markdown``."""
    out_lines, index = [], 0
    lines = markdown.split("\n")
    inside = {number for number, _ in _markdown_lines(markdown, 0)}
    for number, line in enumerate(lines):
        if number not in inside or "![" not in line:
            out_lines.append(line)
            continue
        spans = _code_spans(line)
        pieces, pos = [], 0
        for match in _IMAGE.finditer(line):
            if any(a <= match.start() < b for a, b in spans):
                continue
            ref = _ref(match, number)
            if not is_raster(ref.src):
                continue
            pieces.append(line[pos:match.start()])
            pieces.append(render_ref(ref, index))
            index += 1
            pos = match.end()
        pieces.append(line[pos:])
        out_lines.append("".join(pieces))
    return "\n".join(out_lines)


def check_alt(ref: ImageRef) -> tuple[str, str] | None:
    """``(message, hint)`` when a reference breaks the alt-text rule, else None."""
    if ref.decorative and ref.alt:
        return (f"image {ref.src} is marked decorative but has alt text",
                "remove '{ .decorative }' if the image carries information, or empty the [brackets]")
    if not ref.decorative and not ref.alt:
        return (f"image {ref.src} has no alt text",
                "describe what it shows in the page's language: ![Ruộng bậc thang ở Mường Phăng](anh.jpg); "
                "a purely decorative image is written ![](anh.jpg){ .decorative }")
    return None


def resolve_source(page_source: Path, src: str, content_dir: Path) -> Path:
    """The file a reference names: relative to the page's folder, or, when it starts with
    ``/``, to the content folder that holds every language (``/anh/x.jpg`` is
    ``content/anh/x.jpg``, one file that pages in both languages show)."""
    path = unquote(src.split("#")[0].split("?")[0])
    if path.startswith("/"):
        return (content_dir / path.lstrip("/")).resolve()
    return (page_source.parent / path).resolve()


# -- HTML --------------------------------------------------------------------------------------

def _attr(value: str) -> str:
    return (value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;"))


def picture_html(image: ProcessedImage, alt: str, base_url: str, *, eager: bool, title: str | None = None,
                 classes: Iterable[str] = ()) -> str:
    """``<picture>`` with AVIF and WebP sources and the fallback ``<img>``, on one line (it is
    inserted into Markdown as inline HTML). ``base_url`` leads from the page to the folder
    holding the variant files and ends with ``/``."""
    def srcset(fmt: str) -> str:
        return ", ".join(f"{base_url}{v.name} {v.width}w" for v in image.of(fmt))

    fallbacks = image.of(image.fallback)
    default = max((v for v in fallbacks if v.width <= 960), key=lambda v: v.width, default=fallbacks[0])
    attrs = [f'src="{base_url}{default.name}"', f'srcset="{srcset(image.fallback)}"', f'sizes="{SIZES}"',
             f'width="{image.width}"', f'height="{image.height}"', f'alt="{_attr(alt)}"']
    if title:
        attrs.append(f'title="{_attr(title)}"')
    attrs += ['loading="eager"', 'fetchpriority="high"'] if eager else ['loading="lazy"']
    attrs.append('decoding="async"')
    if image.placeholder:
        attrs.append(f'style="background-image:url({image.placeholder})"')
    picture_classes = " ".join(["db-img", *(c for c in classes if c != "decorative")])
    sources = "".join(f'<source type="{MIME[fmt]}" srcset="{srcset(fmt)}" sizes="{SIZES}">'
                      for fmt in ("avif", "webp"))
    return f'<picture class="{picture_classes}">{sources}<img {" ".join(attrs)}></picture>'


def lcp_index(images: list[ProcessedImage]) -> int | None:
    """Which of a page's images (in page order) loads eagerly: the largest, the first of equals."""
    if not images:
        return None
    areas = [i.width * i.height for i in images]
    return areas.index(max(areas))
