"""Social cards: size, text that is really drawn, Vietnamese marks that are real glyphs,
wrapping, cache, and a clear message when the font is missing."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib

import pytest
from photos import transitions
from PIL import Image, ImageChops, ImageDraw

from dienbien.core.media import cards
from dienbien.core.media.cards import HEIGHT, WIDTH, CardText, draw_card, render_card, render_cards

SITE = "Điện Biên – Miền Hoa Ban"
TITLE_BOX = (cards.MARGIN, 110, cards.TEXT_RIGHT, 340)  # where the title's lines go under a section


def changed_pixels(a: Image.Image, b: Image.Image, box=None) -> int:
    diff = ImageChops.difference(a.convert("L"), b.convert("L"))
    if box:
        diff = diff.crop(box)
    return diff.point(lambda v: 255 if v > 40 else 0).histogram()[255]


def test_card_is_1200_by_630():
    card = draw_card(CardText("Lịch sử Điện Biên Phủ", SITE, "Lịch sử", "Sử sách mãi hào hùng"))
    assert card.size == (WIDTH, HEIGHT) == (1200, 630)
    assert card.mode == "RGB"


def test_title_pixels_contain_text():
    with_title = draw_card(CardText("Chiến dịch Điện Biên Phủ", SITE, "Lịch sử"))
    without = draw_card(CardText("", SITE, "Lịch sử"))
    assert changed_pixels(with_title, without, TITLE_BOX) > 3000
    assert transitions(with_title, TITLE_BOX) > 100
    assert transitions(without, TITLE_BOX) == 0
    other = draw_card(CardText("Văn hóa các dân tộc", SITE, "Lịch sử"))
    assert changed_pixels(with_title, other, TITLE_BOX) > 3000  # a different title draws differently


def test_section_slogan_and_site_name_are_drawn():
    bare = draw_card(CardText("Du lịch", SITE))
    full = draw_card(CardText("Du lịch", SITE, "Du lịch", "Du lịch như Ban nở"))
    assert changed_pixels(bare, full, (cards.MARGIN, 40, cards.TEXT_RIGHT, 110)) > 500  # the section
    assert changed_pixels(bare, full, (cards.MARGIN, 140, cards.TEXT_RIGHT, 400)) > 1000  # the slogan line
    other_site = draw_card(CardText("Du lịch", "Điện Biên – Land of the Ban Flower"))
    assert changed_pixels(bare, other_site, (cards.MARGIN, HEIGHT - 80, cards.TEXT_RIGHT, HEIGHT)) > 500


def glyph(ch: str, role: str = "bold", size: int = 120) -> tuple[Image.Image, tuple[int, int, int, int]]:
    face = cards.font(role, size)
    image = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(image).text((size // 2, size // 2), ch, font=face, fill=255)
    return image, image.getbbox()


@pytest.mark.parametrize("role", ["bold", "regular", "serif"])
@pytest.mark.parametrize(("ch", "base", "marks"), [("Ẳ", "A", "above"), ("ộ", "o", "both"), ("ữ", "u", "above")])
def test_vietnamese_stacked_marks_are_real_glyphs(role, ch, base, marks):
    notdef, notdef_box = glyph("\ue000", role)  # a private-use character: the font draws its .notdef box
    assert notdef_box is not None  # visible, so a glyph missing from the font would look exactly like it
    drawn, box = glyph(ch, role)
    plain, plain_box = glyph(base, role)
    assert drawn.tobytes() != notdef.tobytes(), f"{ch} renders as the missing-glyph box"
    # The marks add ink above (and for ộ below) the base letter: they are stacked, not dropped.
    assert box[1] < plain_box[1] - 10
    if marks == "both":
        assert box[3] > plain_box[3] + 5


def test_vietnamese_title_renders_differently_from_its_unaccented_form():
    accented = draw_card(CardText("Ẳ ộ ữ Mường Phăng", SITE))
    plain = draw_card(CardText("A o u Muong Phang", SITE))
    assert changed_pixels(accented, plain, (cards.MARGIN, 40, cards.TEXT_RIGHT, 300)) > 1000


def test_long_titles_wrap_inside_the_text_column():
    face = cards.font("bold", 68)
    lines = cards._wrap("Sáu tuyến du lịch qua Mường Phăng, Pá Khoang và đồi A1", face, cards.TEXT_RIGHT - cards.MARGIN)
    assert len(lines) > 1
    assert all(face.getlength(line) <= cards.TEXT_RIGHT - cards.MARGIN for line in lines)
    assert " ".join(lines) == "Sáu tuyến du lịch qua Mường Phăng, Pá Khoang và đồi A1"
    face, fitted = cards._fit("rất " * 60, "bold", (68, 46), cards.TEXT_RIGHT - cards.MARGIN, 3)
    assert len(fitted) == 3 and fitted[-1].endswith("…")
    long_word = cards._wrap("Điệnbiênphủ" * 8, face, 300)
    assert all(face.getlength(line) <= 300 for line in long_word)
    card = draw_card(CardText("rất " * 60, SITE, "Lịch sử", "Tỉnh giàu dân hạnh phúc"))
    right_of_column = card.crop((cards.TEXT_RIGHT + 10, 0, cards.TEXT_RIGHT + 40, 60))
    assert transitions(right_of_column, (0, 0, 30, 60)) == 0  # nothing spills into the picture


def test_card_is_cached_by_its_text_and_fonts(tmp_path):
    text = CardText("Nông nghiệp", SITE, None, "Nông nghiệp phát triển sâu")
    path = render_card(text, tmp_path)
    stamp = path.stat().st_mtime_ns
    again = render_card(text, tmp_path)
    assert again == path and again.stat().st_mtime_ns == stamp
    image = Image.open(path)
    assert image.format == "PNG" and image.size == (1200, 630)
    other = render_card(CardText("Công nghiệp", SITE, None, "Công nghiệp vươn tầm cao"), tmp_path)
    assert other != path
    assert text.key("fonts-a") != text.key("fonts-b")  # a new font version draws new cards
    assert not list(tmp_path.glob("cards/.tmp-*"))


def test_render_cards_in_parallel_matches_serial(tmp_path, monkeypatch):
    texts = [CardText(f"Trang {n}", SITE, "Du lịch", None) for n in range(10)]
    monkeypatch.setattr(cards, "CARDS_PER_WORKER", 2)  # a pool even for these few
    parallel = render_cards(texts, tmp_path / "a", workers=2)
    serial = render_cards(texts, tmp_path / "b", workers=1)
    assert [p.name for p in parallel] == [p.name for p in serial]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(parallel, serial, strict=True))


def test_png_keeps_text_sharp():
    card = draw_card(CardText("Đồi A1", SITE, "Lịch sử"))
    decoded = Image.open(io.BytesIO(cards.encode_card(card))).convert("RGB")
    assert changed_pixels(card, decoded) < WIDTH * HEIGHT // 200  # a palette of 64 colours loses little


def test_missing_font_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv(cards.FONT_DIR_ENV, str(tmp_path))
    with pytest.raises(cards.FontMissing) as error:
        cards.font_paths()
    assert "fonts-noto-core" in str(error.value) and "NotoSans-Bold.ttf" in str(error.value)


def test_stamped_lines_are_the_pixels_imagedraw_draws():
    """Lines are rasterised once and stamped; the result must be what drawing them gives."""
    for role, size, line in (("bold", 68, "Chiến dịch Điện Biên Phủ"), ("serif", 38, "“Sử sách mãi hào hùng”"),
                             ("regular", 32, SITE)):
        face = cards.font(role, size)
        drawn = cards._background().copy()
        ImageDraw.Draw(drawn).text((cards.MARGIN, 200), line, font=face, fill=cards.GOLD)
        stamped = cards._background().copy()
        cards._stamp(stamped, (cards.MARGIN, 200), line, face, role, cards.GOLD)
        assert ImageChops.difference(drawn, stamped).getbbox() is None, line


def test_shared_palette_keeps_every_text_colour_on_both_greens():
    """The palette is taken from one reference card; a card with other words, three title lines
    and a two-line slogan reaching the lighter green must still decode almost unchanged."""
    card = draw_card(CardText("Hạ tầng: cao tốc, sân bay và những con đường mới qua đèo Pha Đin, Tuần Giáo",
                              SITE, "Kinh tế", "Công nghiệp vươn tầm cao, nông nghiệp phát triển sâu và bền vững"))
    decoded = Image.open(io.BytesIO(cards.encode_card(card))).convert("RGB")
    assert changed_pixels(card, decoded) < WIDTH * HEIGHT // 1000
    assert len(Image.open(io.BytesIO(cards.encode_card(card))).getpalette()) // 3 <= 64


@pytest.mark.parametrize("text", [
    CardText("Đồi A1", SITE, "Lịch sử"),
    CardText("Hạ tầng: cao tốc, sân bay và những con đường mới qua đèo Pha Đin, Tuần Giáo", SITE, "Kinh tế",
             "Công nghiệp vươn tầm cao, nông nghiệp phát triển sâu và bền vững"),
    CardText("", SITE),
    CardText("rất " * 60, SITE, "Lịch sử", "Tỉnh giàu dân hạnh phúc"),
    CardText("Du lịch", "Điện Biên – Land of the Ban Flower", None, "Du lịch như Ban nở"),
], ids=["one-line", "three-lines-and-slogan", "no-title", "ellipsis", "english"])
def test_a_cards_png_holds_the_pixels_of_the_whole_drawn_card(text):
    """card_png draws and compresses only the rows of the card's own words and joins them to the
    rows every card shares: the image must be the drawn card's, and the PNG a valid one."""
    blob = cards.card_png(text)
    Image.open(io.BytesIO(blob)).verify()  # chunk checksums
    chunks, at = {}, 8
    while at < len(blob):
        length = int.from_bytes(blob[at:at + 4], "big")
        chunks[blob[at + 4:at + 8]] = blob[at + 8:at + 8 + length]
        at += 12 + length
    rows = zlib.decompress(chunks[b"IDAT"])  # checks the stream's Adler-32 too
    assert len(rows) == HEIGHT * (WIDTH + 1) and list(chunks) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    ours = Image.open(io.BytesIO(blob)).convert("RGB")
    whole = Image.open(io.BytesIO(cards.encode_card(draw_card(text)))).convert("RGB")
    assert ImageChops.difference(ours, whole).getbbox() is None


def test_adler32_of_joined_rows_is_zlibs():
    first, second = b"\0" + bytes(range(256)) * 40, b"\0" + bytes(reversed(range(256))) * 77
    joined = cards._adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert joined == zlib.adler32(first + second)
    assert cards._adler32_combine(zlib.adler32(b""), zlib.adler32(second), len(second)) == zlib.adler32(second)
    assert cards._adler32_combine(zlib.adler32(first), zlib.adler32(b""), 0) == zlib.adler32(first)


def test_cards_drawn_by_copies_of_the_build_process_match_serial(tmp_path):
    """In a build process (one thread), the card workers are copies of it (fork); run in a process
    of its own here, since the test runner's threads make the pool start new processes instead."""
    script = f"""
import threading
from pathlib import Path
from dienbien.core.media import cards
assert threading.active_count() == 1
cards.CARDS_PER_WORKER = 2
texts = [cards.CardText(f"Trang {{n}}", {SITE!r}, "Du lịch", None) for n in range(8)]
assert cards._card_pool(2, set())._mp_context.get_start_method() == "fork"
forked = cards.render_cards(texts, Path({str(tmp_path / "a")!r}), workers=2)
serial = cards.render_cards(texts, Path({str(tmp_path / "b")!r}), workers=1)
assert [p.read_bytes() for p in forked] == [p.read_bytes() for p in serial]
print("same", len(forked))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["same", "8"]
