"""Photo processing and social cards: time and bytes, on photos this script makes itself.

Generates photo-like images (smooth colour fields with fine grain, so they compress like
photographs rather than like flat test patterns): camera JPEGs of 24 and 12 megapixels
with EXIF rotations, a CMYK JPEG as print shops send them, a PNG with transparency and a
small JPEG. Then measures, in this run and on this machine:

- per image, one process, empty cache: time, and bytes of every variant against the source;
- the whole set with an empty cache on one process and on every core (the baseline is the
  one-process time of this same run), and again with a warm cache;
- social cards: time per card drawn and encoded, cold on one process and on every core,
  warm; PNG (what the site writes) against JPEG for the same cards.

    .venv/bin/python benchmarks/images.py [--runs 3] [--cards 48] [--set-only | --cards-only]

Prints Markdown tables; benchmarks/RESULTS.md keeps the figures of a run with comments.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from dienbien.core.media import cards, images  # noqa: E402


def photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """A sky-to-ground gradient, smooth colour patches (hills, fields) and sensor grain."""
    width, height = size
    patches = None
    for scale, weight in ((48, 1.0), (12, 0.45), (3, 0.3)):  # hills, fields, leaves and roofs
        small = (max(8, width // scale), max(8, height // scale))
        channels = [Image.effect_noise(small, 60 + 10 * ((seed + c) % 3)).filter(ImageFilter.GaussianBlur(1.5))
                    for c in range(3)]
        layer = Image.merge("RGB", channels).resize(size, Image.Resampling.BICUBIC)
        patches = layer if patches is None else Image.blend(patches, layer, weight / (1 + weight))
    patches = ImageOps.equalize(patches)  # the contrast of daylight, not a grey haze
    shapes = ImageDraw.Draw(patches)  # roofs, terraces, trunks: hard edges as in real scenes
    rng = random.Random(seed)
    for _ in range(150):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(width // 80, width // 12), rng.randrange(height // 80, height // 12)
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        if rng.random() < 0.5:
            shapes.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            shapes.polygon([(x, y), (x + w, y + h // 3), (x + w // 2, y + h)], fill=colour)
    patches = patches.filter(ImageFilter.GaussianBlur(1))
    sky = Image.linear_gradient("L").resize(size)
    tint = Image.merge("RGB", [sky.point(lambda v: 90 + v // 3), sky.point(lambda v: 120 + v // 4),
                               sky.point(lambda v: 200 - v // 2)])
    scene = Image.blend(tint, patches, 0.6)
    grain = Image.effect_noise(size, 40).convert("RGB")
    return Image.blend(scene, grain, 0.12).filter(ImageFilter.UnsharpMask(2, 60, 2))


def make_photos(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []

    def jpeg(name, size, orientation, seed):
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[0x010F] = "Benchmark camera"
        gps = exif.get_ifd(0x8825)
        gps.update({1: "N", 2: (21.0, 23.0, 10.0), 3: "E", 4: (103.0, 1.0, 0.0)})
        path = folder / name
        photo_like(size, seed).save(path, "JPEG", quality=92, exif=exif.tobytes())
        made.append(path)

    jpeg("camera-24mp-upright.jpg", (6000, 4000), 1, 1)
    jpeg("phone-12mp-rotated-6.jpg", (4032, 3024), 6, 2)
    jpeg("phone-12mp-rotated-8.jpg", (4032, 3024), 8, 3)
    jpeg("small-800.jpg", (800, 600), 1, 4)
    cmyk = folder / "print-cmyk.jpg"
    photo_like((3000, 2000), 5).convert("CMYK").save(cmyk, "JPEG", quality=90)
    made.append(cmyk)
    alpha = photo_like((2000, 1200), 6).convert("RGBA")
    mask = Image.new("L", alpha.size, 0)
    mask.paste(255, (200, 100, 1800, 1100))
    alpha.putalpha(mask.filter(ImageFilter.GaussianBlur(40)))
    alpha_path = folder / "cutout-alpha.png"
    alpha.save(alpha_path, "PNG")
    made.append(alpha_path)
    return made


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def cpu_seconds() -> float:
    """User + system time of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def median_of(runs: int, function) -> tuple[float, float]:
    """Median wall time and median CPU time of ``function`` over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu = cpu_seconds()
        walls.append(function())
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 10240 else f"{n / 1024:,.1f} KB"


def bench_images(work: Path, runs: int, per_photo: bool = True) -> None:
    sources = make_photos(work / "photos")
    print(f"## Photos ({len(sources)} sources, {os.cpu_count() or 1} cores)\n")
    if per_photo:
        photo_table(work, sources)
    whole_set(work, sources, runs)


def photo_table(work: Path, sources: list[Path]) -> None:
    print("| source | size | source bytes | time (1 process, cold) | widths | "
          "960 px: AVIF / WebP / fallback | largest: AVIF / WebP / fallback | 960 px AVIF / source |")
    print("|---|---:|---:|---:|---|---|---|---:|")
    for path in sources:
        cache = work / f"one-{path.stem}"
        seconds, result = timed(images.render, path, cache)
        with Image.open(path) as image:
            size = f"{image.width}×{image.height} {image.mode}"
        formats = ("avif", "webp", result.fallback)
        at_960 = {v.format: v.bytes for v in result.variants if v.width == min(960, result.width)}
        largest = {v.format: v.bytes for v in result.variants if v.width == result.width}
        print(f"| {path.name} | {size} | {kb(result.source_bytes)} | {seconds:.2f} s | "
              f"{', '.join(str(w) for w in sorted({v.width for v in result.variants}))} | "
              f"{' / '.join(kb(at_960[f]) for f in formats)} ({result.fallback}) | "
              f"{' / '.join(kb(largest[f]) for f in formats)} | {at_960['avif'] / result.source_bytes:.1%} |")
        shutil.rmtree(cache)


def whole_set(work: Path, sources: list[Path], runs: int) -> None:
    cores = os.cpu_count() or 1

    def cold(workers: int) -> float:
        cache = work / f"cold-{workers}"
        shutil.rmtree(cache, ignore_errors=True)
        seconds, _ = timed(images.render_all, sources, cache, workers)
        return seconds

    one, one_cpu = median_of(runs, lambda: cold(1))
    every, every_cpu = median_of(runs, lambda: cold(cores))
    warm, warm_cpu = median_of(runs, lambda: timed(images.render_all, sources, work / f"cold-{cores}", cores)[0])
    print(f"\n| whole set (median of {runs}) | wall time | CPU time | wall vs cold, 1 process |")
    print("|---|---:|---:|---:|")
    print(f"| cold cache, 1 process (baseline) | {one:.2f} s | {one_cpu:.2f} s | 1.00× |")
    print(f"| cold cache, {cores} processes | {every:.2f} s | {every_cpu:.2f} s | {every / one:.2f}× |")
    print(f"| warm cache (nothing to do) | {warm * 1000:.1f} ms | {warm_cpu * 1000:.1f} ms | {warm / one:.4f}× |")
    print(f"\nLoad average while measuring: {', '.join(f'{v:.1f}' for v in os.getloadavg())} "
          f"(other work on the {cores} cores slows the parallel run most).")


CARD_TITLES = ["Chiến dịch Điện Biên Phủ", "Văn hóa giàu bản sắc của 19 dân tộc", "Du lịch",
               "Hạ tầng: cao tốc, sân bay và những con đường mới qua đèo Pha Đin",
               "The Điện Biên Phủ campaign", "Muong Phang and the command bunker of General Võ Nguyên Giáp"]


def bench_cards(work: Path, count: int, runs: int) -> None:
    cores = os.cpu_count() or 1
    # every title differs from its first word on, as page titles do (no line is laid out twice)
    texts = [cards.CardText(f"{n}. {CARD_TITLES[n % len(CARD_TITLES)]}", "Điện Biên – Miền Hoa Ban",
                            "Lịch sử" if n % 2 else None, "Sử sách mãi hào hùng" if n % 3 else None)
             for n in range(count)]

    def cold(workers: int) -> float:
        cache = work / f"cards-{workers}"
        shutil.rmtree(cache, ignore_errors=True)
        return timed(cards.render_cards, texts, cache, workers)[0]

    one, _ = median_of(runs, lambda: cold(1))
    every, _ = median_of(runs, lambda: cold(cores))
    warm, _ = median_of(runs, lambda: timed(cards.render_cards, texts, work / f"cards-{cores}", cores)[0])
    fresh = iter(cards.CardText(f"Trang {n} " + t.title, t.site_name, t.section, t.slogan)
                 for n, t in enumerate(texts * runs))
    draw, _ = median_of(runs, lambda: timed(cards.draw_card, next(fresh))[0])
    encode, _ = median_of(runs, lambda: timed(cards.encode_card, cards.draw_card(next(fresh)))[0])
    png, jpeg = [], []
    for text in texts[:12]:
        card = cards.draw_card(text)
        png.append(len(cards.encode_card(card)))
        out = io.BytesIO()
        card.save(out, "JPEG", quality=85, optimize=True)
        jpeg.append(len(out.getvalue()))
    print(f"\n## Social cards ({count} cards, median of {runs})\n")
    print("| | wall time | per card | vs cold, 1 process |")
    print("|---|---:|---:|---:|")
    print(f"| cold cache, 1 process (baseline; includes drawing the background once) | {one:.2f} s | "
          f"{one / count * 1000:.0f} ms | 1.00× |")
    print(f"| cold cache, {cores} processes | {every:.2f} s | {every / count * 1000:.0f} ms | {every / one:.2f}× |")
    print(f"| warm cache | {warm * 1000:.1f} ms | {warm / count * 1000:.2f} ms | {warm / one:.4f}× |")
    print(f"\nOne card: drawing {draw * 1000:.1f} ms, PNG encoding {encode * 1000:.1f} ms. "
          f"Size (median of 12 cards): PNG, 64-colour palette {kb(int(statistics.median(png)))}; "
          f"JPEG q85 {kb(int(statistics.median(jpeg)))}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cards", type=int, default=48)
    parser.add_argument("--set-only", action="store_true",
                        help="only the whole set: cold on 1 process and on every core, warm")
    parser.add_argument("--cards-only", action="store_true", help="only the social cards")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-images-") as folder:
        work = Path(folder)
        if not args.cards_only:
            bench_images(work, args.runs, per_photo=not args.set_only)
        if not args.set_only:
            bench_cards(work, args.cards, args.runs)


if __name__ == "__main__":
    main()
