"""Pixel work for the shop's identity: the icons a phone shows for it (the browser tab,
the home screen) and the header logo.

Pure, like ``imageproc``: a picture (or, without one, the shop's initials) and colours go
in, encoded files come out. Every output is encoded from a fresh image holding only
pixels, so no EXIF, XMP or ICC data of the volunteer's file can survive.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from etalase import imageproc
from etalase.imagesettings import Encoded

FAVICON_SIZES = (32, 48)  # the tab; 48 is what search results show
TOUCH_SIZE = 180  # apple-touch-icon: iOS paints transparency black, so it is opaque
APP_SIZES = (192, 512)  # the web app manifest's icons
# A maskable icon may be cut to a circle of 80% of its width: a square picture stays
# whole inside it when its side is at most 0.8 / sqrt(2) of the icon's.
MASKABLE_SIDE = 0.8 / math.sqrt(2)
TOUCH_SIDE = 0.8  # iOS rounds the corners: a transparent picture keeps a margin
LOGO_HEIGHT = 26  # CSS pixels: the header's line of title text, so the header does not grow
LOGO_WIDEST = 320  # CSS pixels: fits a 360 px phone beside the header's padding
WORKING_SIZE = 1024  # a JPEG is decoded at reduced scale, but never below this
PNG = "image/png"
LETTERS_DRAWN = 256  # initials are drawn at least this large, then scaled down


def load_picture(path: Path, max_megapixels: int) -> Image.Image:
    """The picture upright, in sRGB, as RGBA (a logo's transparency is kept). Its size is
    the file's (a JPEG's halved while larger than WORKING_SIZE): a wide logo keeps its
    height, which the logo is made from."""
    with imageproc.open_within(path, path.suffix, max_megapixels) as image:
        image.draft("RGB", (WORKING_SIZE, WORKING_SIZE))
        image.load()
        upright = ImageOps.exif_transpose(image)
        return imageproc._to_srgb(upright).convert("RGBA")


def advice(kind: str, picture: Image.Image) -> list[str]:
    """What would make the icon or the logo look better ("icon_small"...): warnings."""
    width, height = picture.size
    if kind == "logo":
        return ["logo_small"] if height < 2 * LOGO_HEIGHT else []
    found = ["icon_small"] if min(width, height) < APP_SIZES[0] else []
    if max(width, height) > 1.1 * min(width, height):
        found.append("icon_not_square")
    return found


def is_opaque(picture: Image.Image) -> bool:
    return picture.getchannel("A").getextrema()[0] == 255


def ink_on(colour: str) -> str:
    """White or near-black, whichever reads better on ``colour`` (WCAG contrast)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#1f1a17"


def initials_picture(letters: str, colour: str, size: int, side: float) -> Image.Image:
    """The shop's initials on its colour, filling a square of ``side`` of the icon; drawn
    large and scaled down, so a 32 px tab icon keeps the letters' weight."""
    if size < LETTERS_DRAWN:
        drawn = initials_picture(letters, colour, LETTERS_DRAWN, side)
        return drawn.resize((size, size), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (size, size), colour)
    draw = ImageDraw.Draw(canvas)
    box = size * side
    font_size = max(8, round(box * (0.62 if len(letters) > 1 else 0.8)))
    font = ImageFont.load_default(font_size)
    left, top, right, bottom = draw.textbbox((0, 0), letters, font=font)
    scale = min(1.0, box / max(1, right - left))  # wide letters ("WM") still fit
    if scale < 1:
        font = ImageFont.load_default(max(8, round(font_size * scale)))
        left, top, right, bottom = draw.textbbox((0, 0), letters, font=font)
    ink = ink_on(colour)
    at = ((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top)
    draw.text(at, letters, font=font, fill=ink, stroke_width=max(0, font_size // 28),
              stroke_fill=ink)
    return canvas


def placed(picture: Image.Image, size: int, side: float, background: str | None) -> Image.Image:
    """The picture shrunk to fit a centred square of ``side`` of a ``size`` icon, on the
    background colour (``None``: transparent)."""
    canvas = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    box = max(1, round(size * side))
    fitted = ImageOps.contain(picture, (box, box), Image.Resampling.LANCZOS)
    at = ((size - fitted.width) // 2, (size - fitted.height) // 2)
    canvas.alpha_composite(fitted, at)
    return canvas


def reduced(image: Image.Image, colours: int) -> Image.Image:
    """The image with a palette of ``colours`` (dithered): icons and logos are drawings
    with few colours, and a palette makes them a third to a fifth of the size."""
    method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
    return image.quantize(colours, method=method)


def png(image: Image.Image, opaque: bool = False, colours: int = 128) -> bytes:
    """A palette PNG of the pixels only: no text chunks, no profile."""
    buffer = io.BytesIO()
    reduced(image.convert("RGB") if opaque else image, colours).save(buffer, "PNG",
                                                                       optimize=True)
    return buffer.getvalue()


def icons(picture: Image.Image | None, letters: str, colour: str) -> list[Encoded]:
    """The favicons, the apple-touch-icon and the app icons: of the picture, or of the
    initials on the theme colour. App icons are opaque and keep the picture inside the
    maskable safe zone, so a phone may cut them to any shape."""
    def made(size: int, side: float, background: str | None) -> Image.Image:
        if picture is None:
            return initials_picture(letters, colour, size, side)
        return placed(picture, size, side, background)

    opaque = picture is not None and is_opaque(picture)
    files = [(f"favicon-{size}.png", made(size, 0.86 if picture is None else 1.0, None), False)
             for size in FAVICON_SIZES]
    touch_side = 1.0 if opaque else TOUCH_SIDE
    files.append((f"touch-{TOUCH_SIZE}.png", made(TOUCH_SIZE, touch_side, colour), True))
    files += [(f"app-{size}.png", made(size, MASKABLE_SIDE, colour), True) for size in APP_SIZES]
    return [Encoded(name, png(image, opaque_file, 64 if image.width <= 48 else 128),
                    image.width, image.height, PNG)
            for name, image, opaque_file in files]


def logo(picture: Image.Image) -> list[Encoded]:
    """The header logo, ``LOGO_HEIGHT`` CSS pixels high, at 1x and 2x: WebP, and a PNG for
    browsers without WebP. Never enlarged: a small picture is shown at its own size.
    (Through ``imageproc`` a logo would lose its transparency and be encoded as a photo.)"""
    wide = picture.width / picture.height
    height = min(2 * LOGO_HEIGHT, picture.height, round(2 * LOGO_WIDEST / wide))
    sizes = {"2x": height, "1x": max(1, height // 2)}
    files = []
    for name, tall in sizes.items():
        width = max(1, round(tall * wide))
        sized = picture.resize((width, tall), Image.Resampling.LANCZOS, reducing_gap=3.0)
        buffer = io.BytesIO()  # lossless, of a palette: sharp letters, smaller than lossy
        reduced(sized, 128).convert("RGBA").save(buffer, "WEBP", lossless=True, quality=100,
                                                 method=6)
        files.append(Encoded(f"logo-{name}.webp", buffer.getvalue(), width, tall, "image/webp"))
        if name == "2x":
            files.append(Encoded("logo-2x.png", png(sized), width, tall, PNG))
    return files
