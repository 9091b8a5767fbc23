"""Social cards: the 1200 × 630 image a link to a page shows on Facebook, Zalo or X.

Each page in each language gets its own card: the page's title, its section, the line
of the Prime Minister's slogan that opens that section (where there is one) and the
site's name, on a background in the site's palette with a Ban flower. Text is set with
Noto Sans and Noto Serif from Debian's ``fonts-noto-core`` (SIL Open Font License 1.1,
full Vietnamese coverage, installed by the system's package manager and never
downloaded at build time), laid out with Raqm where Pillow has it so that stacked
marks such as "Ẳ", "ộ" and "ữ" sit correctly.

A card is cached under ``<cache>/cards/<key>.png``, the key hashing its text, the fonts
and this code's version; cards appear in the cache atomically. Plain Python and
Pillow: no MkDocs here.

Cost per card (``make bench-images``): the parts that repeat from card to card are made
once per process, not once per card: the background, the text of a section, a slogan line
and the site's name (laid out and rasterised once, then stamped), and the card's palette
(64 colours taken from a reference card, so that each card is mapped to it instead of being
quantised anew). PNG is written with zlib's run-length strategy, which suits rows of flat
colour: about 2.5 times faster than the default strategy for about a fifth more bytes,
still well under a JPEG of the same card. Only the rows a card's own words cover are drawn,
mapped and compressed for each card (:func:`card_png`, about 2 ms a card); the rows around
them are compressed once a process.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import struct
import threading
import unicodedata
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

#: Part of every card's cache key: change it whenever the drawing changes.
CODE_VERSION = "cards-2"
WIDTH, HEIGHT = 1200, 630
FONT_DIR_ENV = "DIENBIEN_FONT_DIR"
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONT_PACKAGE = "fonts-noto-core"
FONTS = {"bold": "NotoSans-Bold.ttf", "regular": "NotoSans-Regular.ttf", "serif": "NotoSerif-Italic.ttf"}

# The palette of site_src/assets/stylesheets/site.css.
GREEN_DARK = (0x12, 0x3A, 0x2D)  # --md-primary-fg-color--dark
GREEN = (0x1D, 0x51, 0x40)  # --md-primary-fg-color
GOLD = (0xF2, 0xC1, 0x4E)  # --db-gold
BAN = (0xFB, 0xF3, 0xF6)  # --db-ban
BAN_DEEP = (0x7A, 0x1F, 0x4B)  # --db-ban-deep
ACCENT = (0xA3, 0x24, 0x5F)  # --md-accent-fg-color
WHITE = (0xFF, 0xFF, 0xFF)

MARGIN = 72
CARDS_PER_WORKER = 200  # below this many cards to draw, starting worker processes costs more than it saves
TEXT_RIGHT = 800  # the text column ends here; the flower takes the right side


class FontMissing(Exception):
    """The card fonts are not installed; the message says which package provides them."""


@dataclass(frozen=True)
class CardText:
    title: str
    site_name: str
    section: str | None = None
    slogan: str | None = None

    def key(self, fonts_digest: str) -> str:
        parts = [CODE_VERSION, fonts_digest, *(f"{k}={v}" for k, v in sorted(asdict(self).items()))]
        return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:24]


def font_dir() -> Path:
    return Path(_folder())


def _folder() -> str:
    """The fonts' folder as the caches' key (read for each card: a test may change it)."""
    return os.environ.get(FONT_DIR_ENV) or str(FONT_DIR)


def font_paths() -> dict[str, Path]:
    """The card fonts, or :class:`FontMissing` naming the file and the package to install."""
    folder = font_dir()
    paths = {role: folder / name for role, name in FONTS.items()}
    for path in paths.values():
        if not path.is_file():
            raise FontMissing(f"social cards need the font {path}, which is not installed; install Debian's "
                              f"{FONT_PACKAGE} package (apt-get install {FONT_PACKAGE}), or point "
                              f"{FONT_DIR_ENV} at a folder holding {', '.join(FONTS.values())}")
    return paths


def fonts_digest() -> str:
    """A hash of the fonts' files: a new font version renders (and caches) new cards."""
    return _fonts_digest(_folder())


@lru_cache(maxsize=4)
def _fonts_digest(folder: str) -> str:
    digest = hashlib.sha256()
    for role, path in sorted(font_paths().items()):
        digest.update(role.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def font(role: str, size: int) -> ImageFont.FreeTypeFont:
    """A card font: ``bold``, ``regular`` or ``serif`` (italic), laid out with Raqm when Pillow has it."""
    return _font(role, size, _folder())


@lru_cache(maxsize=32)
def _font(role: str, size: int, folder: str) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(font_paths()[role]), size, layout_engine=engine)


_DRAWN_BACKGROUND: list[Image.Image] = []  # a worker's copy of its build process's background


def _background() -> Image.Image:
    """Flat shapes in the site's greens, a band of the accent colour, and a Ban flower (about a
    quarter of a second to draw: drawn once a process, and handed to the workers that draw cards)."""
    if not _DRAWN_BACKGROUND:
        _DRAWN_BACKGROUND.append(_draw_background())
    return _DRAWN_BACKGROUND[0]


def _adopt_background(pixels: bytes) -> None:
    """A card-drawing worker's start: the background its build process drew."""
    _DRAWN_BACKGROUND[:] = [Image.frombytes("RGB", (WIDTH, HEIGHT), pixels)]


def _draw_background() -> Image.Image:
    card = Image.new("RGB", (WIDTH, HEIGHT), GREEN_DARK)
    draw = ImageDraw.Draw(card)
    draw.polygon([(0, HEIGHT), (0, 470), (WIDTH, 250), (WIDTH, HEIGHT)], fill=GREEN)
    draw.ellipse((820, 40, 1380, 600), fill=(0x24, 0x5E, 0x4B))
    draw.rectangle((0, 0, 13, HEIGHT), fill=ACCENT)
    # A Ban flower (Bauhinia variegata): five separate petals with veins, long gold stamens.
    # Drawn at twice the size and scaled down, for smooth edges.
    scale, size = 2, 500
    flower = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    centre = size * scale / 2
    for i in range(5):
        angle = 90 + i * 72
        rad = math.radians(angle)
        cx, cy = centre + math.cos(rad) * 118 * scale, centre - math.sin(rad) * 118 * scale
        petal = Image.new("RGBA", flower.size, (0, 0, 0, 0))
        pen = ImageDraw.Draw(petal)
        pen.ellipse((cx - 72 * scale, cy - 112 * scale, cx + 72 * scale, cy + 112 * scale), fill=(*BAN, 255),
                    outline=(0xE2, 0xB8, 0xCA, 255), width=3 * scale)
        pen.line((cx, cy - 80 * scale, cx, cy + 100 * scale), fill=(*ACCENT, 200), width=3 * scale)
        for side in (-1, 1):
            pen.line((cx, cy + 30 * scale, cx + side * 42 * scale, cy - 40 * scale), fill=(*ACCENT, 140),
                     width=2 * scale)
        flower.alpha_composite(petal.rotate(angle - 90, center=(cx, cy), resample=Image.Resampling.BICUBIC))
    pen = ImageDraw.Draw(flower)
    for i in range(5):
        rad = math.radians(35 + i * 12)
        reach = (150 + 18 * (i % 2)) * scale
        end = (centre + math.cos(rad) * reach, centre - math.sin(rad) * reach)
        pen.line((centre, centre, *end), fill=(*GOLD, 255), width=4 * scale)
        pen.ellipse((end[0] - 8 * scale, end[1] - 8 * scale, end[0] + 8 * scale, end[1] + 8 * scale),
                    fill=(*GOLD, 255))
    flower = flower.resize((size, size), Image.Resampling.LANCZOS).rotate(14, resample=Image.Resampling.BICUBIC)
    base = card.convert("RGBA")
    base.alpha_composite(flower, (WIDTH - size + 130, (HEIGHT - size) // 2))
    return base.convert("RGB")


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking at spaces; a word longer than the line is split where it must be."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while face.getlength(word) > width:
            fitting = [i for i in range(1, len(word)) if face.getlength(word[:i] + "-") <= width]
            cut = fitting[-1] if fitting else 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _fit(text: str, role: str, sizes: tuple[int, ...], width: int, max_lines: int
         ) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which ``text`` fits in ``max_lines``; at the smallest, an ellipsis."""
    size, lines = _fitted(text, role, sizes, width, max_lines, _folder())
    return font(role, size), list(lines)


@lru_cache(maxsize=1024)  # a section's name, a slogan line and the site's name repeat on every card
def _fitted(text: str, role: str, sizes: tuple[int, ...], width: int, max_lines: int, folder: str
            ) -> tuple[int, tuple[str, ...]]:
    for size in sizes:
        face = font(role, size)
        lines = _wrap(text, face, width)
        if len(lines) <= max_lines:
            return size, tuple(lines)
    lines = lines[:max_lines]
    while lines[-1] and face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return size, tuple(lines)


@lru_cache(maxsize=256)
def _line_mask(line: str, role: str, size: int, folder: str) -> tuple[Image.Image, tuple[int, int]] | None:
    """One line of text rasterised as a coverage mask, and where its ink starts relative to the
    pen position (the same pixels ``ImageDraw.text`` draws). Cached: repeated lines are stamped."""
    face = font(role, size)
    left, top, right, bottom = face.getbbox(line)
    if right <= left or bottom <= top:
        return None
    mask = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(mask).text((-left, -top), line, font=face, fill=255)
    return mask, (left, top)


def _stamp(card: Image.Image, xy: tuple[int, int], line: str, face: ImageFont.FreeTypeFont, role: str,
           colour: tuple[int, int, int]) -> None:
    found = _line_mask(line, role, face.size, _folder())
    if found is not None:
        mask, (left, top) = found
        card.paste(colour, (xy[0] + left, xy[1] + top), mask)


Stamp = tuple[tuple[int, int], str, str, int, tuple[int, int, int]]  # where, line, role, size, colour
FOOTER_Y = HEIGHT - 96  # the gold rule and the site's name


def _nfc(text: CardText) -> CardText:
    return CardText(*(unicodedata.normalize("NFC", t) if t else t for t in
                      (text.title, text.site_name, text.section, text.slogan)))


def _text_stamps(text: CardText) -> list[Stamp]:
    """The lines above the footer (section, title, slogan line) and where each goes."""
    stamps: list[Stamp] = []
    column = TEXT_RIGHT - MARGIN
    y = 64
    if text.section:
        face, (section,) = _fit(text.section.upper(), "bold", (30, 26), column, 1)
        stamps.append(((MARGIN, y), section, "bold", face.size, GOLD))
        y += 56
    face, lines = _fit(text.title, "bold", (68, 60, 52, 46), column, 3)
    for line in lines:
        stamps.append(((MARGIN, y), line, "bold", face.size, WHITE))
        y += round(face.size * 1.22)
    if text.slogan:
        y += 18
        face, lines = _fit(f"“{text.slogan}”", "serif", (38, 32), column, 2)
        for line in lines:
            stamps.append(((MARGIN, y), line, "serif", face.size, BAN))
            y += round(face.size * 1.3)
    return stamps


def _draw_footer(card: Image.Image, site_name: str) -> None:
    ImageDraw.Draw(card).rectangle((MARGIN, FOOTER_Y, MARGIN + 96, FOOTER_Y + 5), fill=GOLD)
    face, (name,) = _fit(site_name, "regular", (32, 28), TEXT_RIGHT - MARGIN, 1)
    _stamp(card, (MARGIN, FOOTER_Y + 22), name, face, "regular", WHITE)


def draw_card(text: CardText) -> Image.Image:
    """The card as an RGB image, 1200 × 630."""
    text = _nfc(text)
    card = _background().copy()
    for xy, line, role, size, colour in _text_stamps(text):
        _stamp(card, xy, line, font(role, size), role, colour)
    _draw_footer(card, text.site_name)
    return card


#: Drawn once to take the palette from: every text colour at every size, over both greens.
_REFERENCE = CardText(title="Điện Biên Phủ: Mường Phăng, Pá Khoang và đồi A1 giữa thung lũng Mường Thanh rộng lớn",
                      site_name="Điện Biên – Miền Hoa Ban", section="Lịch sử",
                      slogan="Sử sách mãi hào hùng, văn hóa giàu bản sắc của các dân tộc anh em")


@lru_cache(maxsize=4)
def _palette(folder: str) -> Image.Image:
    """The cards' 64 colours: the site's palette and the anti-aliased edges of text on it."""
    return draw_card(_REFERENCE).quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def encode_card(card: Image.Image) -> bytes:
    """PNG with a 64-colour palette: the card is flat colour and text, which a palette keeps
    sharp at about half a JPEG's size (benchmarks/images.py measures both). Every card shares
    one palette, so a card is mapped to it rather than quantised, and zlib's run-length
    strategy compresses its rows of flat colour quickly."""
    out = io.BytesIO()
    card.quantize(palette=_palette(_folder()), dither=Image.Dither.NONE).save(
        out, "PNG", optimize=False, compress_level=6, compress_type=zlib.Z_RLE)
    return out.getvalue()


def card_png(text: CardText) -> bytes:
    """The card's PNG: the pixels of ``encode_card(draw_card(text))``, made for less.

    Only the rows the card's own words cover are drawn, mapped to the palette and compressed for
    each card, about a third of the image for a one-line title. The rows above and below (the
    background, the flower, the rule and the site's name) are the same on every card of a
    language: they are mapped and compressed once per process, as deflate segments that end on a
    full flush, and joined around the card's own rows into one zlib stream."""
    text = _nfc(text)
    stamps = [(xy, line, role, size, colour, _line_mask(line, role, size, _folder()))
              for xy, line, role, size, colour in _text_stamps(text)]
    rows = [(xy[1] + found[1][1], xy[1] + found[1][1] + found[0].height) for xy, *_, found in stamps if found]
    if not rows:
        return encode_card(draw_card(text))
    top, bottom = min(r[0] for r in rows), max(r[1] for r in rows)
    if top < 0 or bottom > FOOTER_Y:  # words over the footer (never with these sizes): draw it all
        return encode_card(draw_card(text))
    spans = [(xy[0] + found[1][0], xy[0] + found[1][0] + found[0].width) for xy, *_, found in stamps if found]
    left_edge, right_edge = max(0, min(a for a, _ in spans)), min(WIDTH, max(b for _, b in spans))
    band = _base(text.site_name).crop((left_edge, top, right_edge, bottom))
    for xy, _, _, _, colour, found in stamps:
        if found:
            mask, (left, up) = found
            band.paste(colour, (xy[0] + left - left_edge, xy[1] + up - top), mask)
    words = band.quantize(palette=_palette(_folder()), dither=Image.Dither.NONE)
    rows = _base_rows_image(text.site_name).crop((0, top, WIDTH + 1, bottom))
    rows.paste(_as_bytes(words), (left_edge + 1, 0))
    raw = rows.tobytes()  # each row: its filter byte (0, none), then its pixels
    above = _base_rows(text.site_name, 0, top, last=False)
    below = _base_rows(text.site_name, bottom, HEIGHT, last=True)
    middle = zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_RLE)
    deflated = middle.compress(raw) + middle.flush(zlib.Z_FULL_FLUSH)
    checksum = _adler32_combine(_adler32_combine(above.adler, zlib.adler32(raw), len(raw)), below.adler, below.length)
    stream = b"\x78\x01" + above.deflated + deflated + below.deflated + struct.pack(">I", checksum)
    return _png(stream, _palette_bytes(_folder()))


@lru_cache(maxsize=4)
def _base(site_name: str) -> Image.Image:
    """What every card of a language shares: the background, the rule and the site's name."""
    base = _background().copy()
    _draw_footer(base, site_name)
    return base


@lru_cache(maxsize=4)
def _base_rows_image(site_name: str) -> Image.Image:
    """The shared rows mapped to the palette, as the rows of a PNG: a first column of zeros (each
    row's filter byte: none), then one byte a pixel."""
    indices = _base(site_name).quantize(palette=_palette(_folder()), dither=Image.Dither.NONE)
    rows = Image.new("L", (WIDTH + 1, HEIGHT), 0)
    rows.paste(_as_bytes(indices), (1, 0))
    return rows


def _as_bytes(indices: Image.Image) -> Image.Image:
    """A palette image's indices as a plain 8-bit image (pasting keeps them as they are)."""
    return Image.frombytes("L", indices.size, indices.tobytes())


@dataclass(frozen=True)
class _Segment:
    deflated: bytes  # raw deflate, ending on a full flush (or the final block)
    adler: int  # Adler-32 of the uncompressed rows
    length: int


@lru_cache(maxsize=256)  # a card's rows start and end at one of a few dozen heights
def _base_rows(site_name: str, start: int, end: int, last: bool) -> _Segment:
    raw = _base_rows_image(site_name).crop((0, start, WIDTH + 1, end)).tobytes() if end > start else b""
    segment = zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_RLE)
    deflated = segment.compress(raw) + segment.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
    return _Segment(deflated, zlib.adler32(raw), len(raw))


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings one after the other, from theirs (zlib's adler32_combine)."""
    base = 65521
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 = (sum1 + (second & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + (first >> 16) + (second >> 16) + base - rem) % base
    return sum1 | (sum2 << 16)


@lru_cache(maxsize=4)
def _palette_bytes(folder: str) -> bytes:
    palette = _palette(folder).getpalette() or []
    return bytes(palette[:3 * 64])


def _png(zlib_stream: bytes, palette: bytes) -> bytes:
    """A 1200 × 630 PNG with an 8-bit palette, from its compressed rows."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", palette)
            + chunk(b"IDAT", zlib_stream) + chunk(b"IEND", b""))


def render_card(text: CardText, cache_dir: Path) -> Path:
    """The card's PNG file in the cache, drawn only when it is not there yet."""
    cards = Path(cache_dir) / "cards"
    path = cards / f"{text.key(fonts_digest())}.png"
    if path.is_file():
        return path
    blob = card_png(text)
    cards.mkdir(parents=True, exist_ok=True)
    temp = cards / f".tmp-{path.name}-{os.getpid()}"
    temp.write_bytes(blob)
    os.replace(temp, path)
    return path


def _card_pool(workers: int, site_names: set[str]) -> ProcessPoolExecutor:
    """Worker processes for drawing cards. Where this process can be copied safely (``fork``, and
    no other thread whose locks a copy would inherit held), the workers are copies made once the
    background, the palette and each language's shared rows are ready here: nothing to import or
    draw before their first card. Elsewhere new processes, handed the background."""
    if hasattr(os, "fork") and threading.active_count() == 1:
        folder = _folder()
        for name in site_names:
            _base_rows_image(name)  # the background, the palette and the rows every card of a language shares
        _palette_bytes(folder)
        return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"))
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_adopt_background,
                               initargs=(_background().tobytes(),))


def render_cards(texts: list[CardText], cache_dir: Path, workers: int | None = None) -> list[Path]:
    """Every card, from the cache where it is there; the others drawn here, or on every core
    when there are hundreds. A card takes about 2 ms (:func:`card_png`), and a worker started as
    a new process about half a second to import Pillow and draw the shared rows: for a language's
    hundred-odd pages one process is faster, and the other language's build is using the other
    core meanwhile."""
    digest = fonts_digest()
    cards = Path(cache_dir) / "cards"
    missing = [t for t in dict.fromkeys(texts) if not (cards / f"{t.key(digest)}.png").is_file()]
    workers = min(workers or os.cpu_count() or 1, max(1, len(missing) // CARDS_PER_WORKER))
    if workers > 1:
        with _card_pool(workers, {t.site_name for t in missing}) as pool:
            list(pool.map(render_card, missing, [cache_dir] * len(missing), chunksize=4))
    else:
        for text in missing:
            render_card(text, cache_dir)
    return [cards / f"{t.key(digest)}.png" for t in texts]
