"""Image files made for the tests: the kinds of photo the tourism office will add (camera
JPEGs with an EXIF rotation and a GPS position, CMYK from a print shop, PNG with
transparency, a palette PNG) and the broken ones (damaged, a decompression bomb)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

ORIENTATION, MAKE, GPS_IFD = 0x0112, 0x010F, 0x8825
CAMERA = "TEST-CAMERA-SERIAL-4711"


def halves(size: tuple[int, int], left=(200, 30, 30), right=(30, 30, 200), mode="RGB") -> Image.Image:
    """Left half one colour, right half another: after a rotation, where each half went shows it."""
    image = Image.new(mode, size, right if mode == "RGB" else (*right, 255))
    image.paste(left if mode == "RGB" else (*left, 255), (0, 0, size[0] // 2, size[1]))
    return image


def camera_jpeg(path: Path, size=(2400, 1600), orientation: int = 6, image: Image.Image | None = None) -> Path:
    """A JPEG as a phone writes it: EXIF orientation, camera name, GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = CAMERA
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (21.0, 23.0, 10.0), 3: "E", 4: (103.0, 1.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    (image or halves(size)).save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def cmyk_jpeg(path: Path, size=(1200, 800)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("CMYK", size, (0, 255, 255, 0)).save(path, "JPEG", quality=90)  # print red
    return path


def alpha_png(path: Path, size=(1000, 600)) -> Path:
    """Left half opaque green, right half fully transparent."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((20, 160, 60, 255), (0, 0, size[0] // 2, size[1]))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")
    return path


def palette_png(path: Path, size=(400, 300)) -> Path:
    image = Image.new("P", size, 0)
    image.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    image.paste(1, (0, 0, size[0] // 2, size[1]))
    image.info["transparency"] = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", transparency=0)
    return path


def damaged_jpeg(path: Path) -> Path:
    """A JPEG cut off half-way, as an interrupted upload leaves it."""
    whole = path.with_suffix(".whole.jpg")
    camera_jpeg(whole, (800, 600), 1)
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[: len(data) // 2])
    return path


def not_an_image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"<html>this was saved from a browser, not a photo</html>\n" * 20)
    return path


def bomb_png(path: Path, side: int = 30000) -> Path:
    """A valid 1-bit PNG of ``side`` × ``side`` pixels (900 megapixels at 30000): about
    100 KB on disk, gigabytes once decoded. Written chunk by chunk, in a fraction of a second."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + (side + 7) // 8)  # filter byte + one bit per pixel
    compressor = zlib.compressobj(9)
    rows_per_block = 1000
    parts = [compressor.compress(row * rows_per_block) for _ in range(side // rows_per_block)]
    parts.append(compressor.compress(row * (side % rows_per_block)))
    parts.append(compressor.flush())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))
    return path


def gif(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("P", (64, 64), 1).save(path, "GIF")
    return path


def linear_rgb_profile() -> bytes:
    """An ICC v2 display profile with sRGB's primaries but a linear tone curve (gamma 1.0):
    a pixel value of 128 in an image tagged with it is sRGB ≈ 188, so converting or not
    converting to sRGB shows in the pixels."""
    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", 0x0100) + b"\0\0"
    text = b"linear sRGB test\0"
    desc = (b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text + b"\0" * 4 + b"\0" * 4
            + b"\0\0" + b"\0" + b"\0" * 67)
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)), (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
            (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + b"\0" * 12 + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 8 + b"\0" * 4
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def transitions(image: Image.Image, box, step: int = 4) -> int:
    """Dark-to-light changes along every ``step``-th row of ``box``: text has many, a flat
    background none. How the tests tell a card with letters on it from a blank one."""
    region = image.convert("L").crop(box)
    count = 0
    for y in range(0, region.height, step):
        row = [region.getpixel((x, y)) > 160 for x in range(region.width)]
        count += sum(1 for a, b in zip(row, row[1:], strict=False) if a != b)
    return count
