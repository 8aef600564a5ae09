"""Draws the sample catalog's product photos into content/images/ (run once; they are committed).

The drawings stand in for real photos of the community's goods: herbal tea, doormats and
aprons from fabric scraps, and plates woven from palm ribs (lidi). The shop's icon and
logo are a woven lidi plate, the logo with the shop's name beside it.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 900
OUT = Path(__file__).resolve().parent.parent / "content" / "images"
SCRAPS = [(196, 69, 54), (242, 174, 73), (46, 134, 171), (86, 130, 89), (162, 59, 114),
          (240, 222, 190), (58, 64, 90), (230, 110, 80)]


def canvas(seed: int, background: tuple[int, int, int]) -> tuple[Image.Image, random.Random]:
    rng = random.Random(seed)
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    for _ in range(3000):  # a little texture, like a table cloth
        x, y = rng.randrange(SIZE), rng.randrange(SIZE)
        shade = rng.randint(-12, 12)
        draw.point((x, y), tuple(max(0, min(255, c + shade)) for c in background))
    return image, rng


def doormat_round(seed: int) -> Image.Image:
    image, rng = canvas(seed, (214, 204, 190))
    draw = ImageDraw.Draw(image)
    for radius in range(380, 20, -28):
        colour = rng.choice(SCRAPS)
        draw.ellipse([SIZE / 2 - radius, SIZE / 2 - radius, SIZE / 2 + radius, SIZE / 2 + radius],
                     fill=colour, outline=(60, 40, 30), width=3)
    return image


def doormat_rect(seed: int) -> Image.Image:
    image, rng = canvas(seed, (200, 196, 186))
    draw = ImageDraw.Draw(image)
    for row in range(12):
        for col in range(18):
            x, y = 90 + col * 40, 210 + row * 40
            draw.rounded_rectangle([x, y, x + 36, y + 36], 10, fill=rng.choice(SCRAPS))
    return image


def lidi_plate(seed: int) -> Image.Image:
    image, rng = canvas(seed, (92, 120, 84))
    draw = ImageDraw.Draw(image)
    centre = SIZE / 2
    rim = [70, 70, SIZE - 70, SIZE - 70]
    draw.ellipse(rim, fill=(196, 160, 100), outline=(120, 90, 50), width=8)
    for step in range(180):
        angle = step * math.pi / 90
        shade = rng.randint(150, 215)
        end = (centre + 360 * math.cos(angle), centre + 360 * math.sin(angle))
        colour = (shade, int(shade * 0.8), int(shade * 0.5))
        draw.line([(centre, centre), end], fill=colour, width=3)
    draw.ellipse([centre - 60, centre - 60, centre + 60, centre + 60], fill=(150, 110, 60))
    return image


def tea(seed: int, colour: tuple[int, int, int]) -> Image.Image:
    image, rng = canvas(seed, (236, 228, 212))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([250, 230, 650, 720], 30, fill=colour, outline=(80, 60, 40), width=6)
    draw.rectangle([250, 330, 650, 470], fill=(250, 246, 236))
    for _ in range(14):  # leaves
        x, y = rng.randint(80, 820), rng.randint(740, 860)
        draw.ellipse([x - 30, y - 14, x + 30, y + 14], fill=(70, 120, 60))
    return image


def apron(seed: int) -> Image.Image:
    image, rng = canvas(seed, (226, 220, 210))
    draw = ImageDraw.Draw(image)
    body = [(300, 220), (600, 220), (700, 820), (200, 820)]
    draw.polygon(body, fill=(240, 232, 216), outline=(60, 50, 40))
    for row in range(10):
        for col in range(8):
            x, y = 200 + col * 64, 230 + row * 60
            if draw.im.getpixel((x + 30, y + 30)) == (240, 232, 216):
                draw.rectangle([x, y, x + 62, y + 58], fill=rng.choice(SCRAPS))
    draw.line([(300, 220), (380, 80), (520, 80), (600, 220)], fill=(60, 50, 40), width=10)
    return image


PHOTOS = {
    "keset-bulat-pelangi.jpg": lambda: doormat_round(1),
    "keset-bulat-senja.jpg": lambda: doormat_round(7),
    "keset-persegi-perca.jpg": lambda: doormat_rect(2),
    "piring-lidi-besar.jpg": lambda: lidi_plate(3),
    "piring-lidi-kecil.jpg": lambda: lidi_plate(9),
    "teh-sereh-jahe.jpg": lambda: tea(4, (176, 140, 60)),
    "teh-daun-kelor.jpg": lambda: tea(5, (90, 140, 70)),
    "teh-rosela.jpg": lambda: tea(6, (160, 40, 60)),
    "celemek-perca.jpg": lambda: apron(8),
    "celemek-anak.jpg": lambda: apron(10),
}


NAME = "Etalase Berdaya Purwokerto"
NAME_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # Debian's fonts-dejavu


def plate_mark(size: int) -> Image.Image:
    """A woven lidi plate seen from above, on a transparent background."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre, rim = size / 2, size * 0.47
    draw.ellipse([centre - rim, centre - rim, centre + rim, centre + rim],
                 fill=(196, 160, 100), outline=(120, 84, 44), width=max(2, size // 40))
    for step in range(48):
        angle = step * math.pi / 24
        shade = 150 if step % 2 else 205
        end = (centre + rim * 0.9 * math.cos(angle), centre + rim * 0.9 * math.sin(angle))
        draw.line([(centre, centre), end], fill=(shade, int(shade * 0.78), int(shade * 0.48)),
                  width=max(1, size // 60))
    for ring in (0.62, 0.34):  # the woven bands that hold the ribs
        r = rim * ring
        draw.ellipse([centre - r, centre - r, centre + r, centre + r], outline=(120, 84, 44),
                     width=max(1, size // 50))
    hub = rim * 0.14
    draw.ellipse([centre - hub, centre - hub, centre + hub, centre + hub], fill=(150, 110, 60))
    return image


def logo(height: int = 104) -> Image.Image:
    """The plate and the shop's name, in the theme's ink colour, on transparency."""
    font = ImageFont.truetype(NAME_FONT, round(height * 0.6))
    left, top, right, bottom = font.getbbox(NAME)
    gap = height // 4
    image = Image.new("RGBA", (height + gap + right - left, height), (0, 0, 0, 0))
    image.alpha_composite(plate_mark(height))
    ImageDraw.Draw(image).text((height + gap - left, (height - (bottom - top)) / 2 - top), NAME,
                               font=font, fill=(31, 26, 23))
    return image


PICTURES = {"ikon.png": lambda: plate_mark(512), "logo.png": logo}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PHOTOS.items():
        draw().filter(ImageFilter.SMOOTH).save(OUT / name, quality=82, optimize=True)
        print(OUT / name)
    for name, draw in PICTURES.items():
        draw().save(OUT / name, optimize=True)
        print(OUT / name)


if __name__ == "__main__":
    main()
