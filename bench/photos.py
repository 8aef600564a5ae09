"""Deterministic synthetic phone photos for the benchmarks: JPEG with EXIF and GPS, HEIC, PNG."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def scene(seed: int, size: tuple[int, int]) -> Image.Image:
    """Something photo-like: soft light, a few objects with edges, and sensor noise."""
    rng = random.Random(seed)
    width, height = size
    small = Image.new("RGB", (64, 48))
    draw = ImageDraw.Draw(small)
    top = tuple(rng.randint(90, 230) for _ in range(3))
    bottom = tuple(rng.randint(30, 160) for _ in range(3))
    for y in range(48):
        t = y / 47
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (63, y)], fill=colour)
    image = small.resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randint(width // 20, width // 5)
        colour = tuple(rng.randint(20, 240) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=colour)
    for _ in range(60):  # fine detail: threads, weave
        x, y = rng.randrange(width), rng.randrange(height)
        draw.line([(x, y), (x + rng.randint(-400, 400), y + rng.randint(-400, 400))],
                  fill=tuple(rng.randint(0, 255) for _ in range(3)), width=rng.randint(2, 8))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(image, noise, 0.06)


def phone_exif(seed: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhoneCo", f"Model {seed}"
    exif[0x0132] = "2026:05:01 10:00:00"
    exif[0x0112] = 1 + seed % 8 if seed % 5 == 0 else 1
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (7.0, 25.0, 30.0 + seed), "E", (109.0, 14.0, 5.0)
    return exif


def make_set(folder: Path, count: int = 40, size: tuple[int, int] = (4000, 3000)) -> list[Path]:
    """``count`` photos: mostly JPEG with EXIF+GPS, plus two HEIC and two PNG."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        image = scene(seed, size)
        if seed in (1, 2):
            import pillow_heif

            path = folder / f"IMG_{seed:04d}.heic"
            pillow_heif.from_pillow(image).save(path, quality=85, exif=phone_exif(seed).tobytes())
        elif seed in (3, 4):
            path = folder / f"Screenshot_{seed:04d}.png"
            image.save(path, compress_level=1)
        else:
            path = folder / f"IMG_{seed:04d}.jpg"
            image.save(path, quality=88, exif=phone_exif(seed))
        paths.append(path)
    return paths
