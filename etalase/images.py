"""The image stage: each photo becomes an :class:`ImageSet` of clean, small files.

Templates never build image URLs themselves; they ask for "the variants of this photo"
(``variants_of(photo)``) and render what the set holds, so a richer pipeline can slot
in without touching them. Output names are content hashes and every file is re-encoded
from pixels only, so no metadata (EXIF GPS, camera, comments, file name) survives.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from etalase.catalog import Photo
from etalase.errors import Report
from etalase.output import StagedOutput

WIDTH = 800
QUALITY = 78
MAX_MEGAPIXELS = 120
BACKGROUND = (255, 255, 255)
SETTINGS = f"v1 jpeg w{WIDTH} q{QUALITY}".encode()


@dataclass(frozen=True)
class ImageFile:
    url: str  # path inside the site, e.g. "img/3f2a9c0d1e2b4a5f-800.jpg"
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImageSet:
    files: tuple[ImageFile, ...]
    fallback: ImageFile
    placeholder: str  # a CSS colour shown while the image loads

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height

    def sources(self) -> list[tuple[str, list[ImageFile]]]:
        """(mime, files) for each ``<source>``, best format first, the fallback's last."""
        order: list[str] = []
        for f in self.files:
            if f.mime not in order:
                order.append(f.mime)
        return [(m, [f for f in self.files if f.mime == m]) for m in order]


def _open(path: Path) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_MEGAPIXELS * 1_000_000
    image = Image.open(path)
    if image.width * image.height > Image.MAX_IMAGE_PIXELS:
        raise Image.DecompressionBombError("too many pixels")
    return image


def inspect(photo: Photo, content: Path, report: Report) -> bool:
    """Reads a photo's header only; reports and returns False when it cannot be used."""
    try:
        with _open(content / photo.src) as image:
            image.verify()
    except Image.DecompressionBombError:
        report.error(photo.loc, "image.too_big", value=photo.src, limit=MAX_MEGAPIXELS)
        return False
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        report.error(photo.loc, "image.unreadable", value=photo.src)
        return False
    return True


def process(
    photos: list[Photo], content: Path, out: StagedOutput, report: Report
) -> dict[str, ImageSet]:
    """Encodes every photo once; the result maps each photo's ``src`` to its set."""
    sets: dict[str, ImageSet] = {}
    written: set[str] = set()
    for photo in photos:
        if photo.src in sets:
            continue
        try:
            data, image_set = _encode(content / photo.src)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            report.error(photo.loc, "image.unreadable", value=photo.src)
            continue
        if image_set.fallback.url not in written:  # two files with the same bytes
            out.write(image_set.fallback.url, data, photo.loc.path)
            written.add(image_set.fallback.url)
        sets[photo.src] = image_set
    return sets


def _encode(path: Path) -> tuple[bytes, ImageSet]:
    source = path.read_bytes()
    with _open(path) as image:
        image.draft("RGB", (WIDTH, WIDTH))  # JPEG: decode at a reduced scale
        clean = _pixels_only(ImageOps.exif_transpose(image))
    clean.thumbnail((WIDTH, WIDTH * 2), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    digest = hashlib.sha256(source + SETTINGS).hexdigest()[:16]
    file = ImageFile(f"img/{digest}-{clean.width}.jpg", clean.width, clean.height, "image/jpeg")
    colour = clean.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    placeholder = "#{:02x}{:02x}{:02x}".format(*colour)  # type: ignore[misc]
    return buffer.getvalue(), ImageSet((file,), file, placeholder)


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new RGB image holding only the pixels: no EXIF, XMP, ICC, comments or other info."""
    image.load()
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    clean = Image.new("RGB", image.size)
    clean.paste(image.convert("RGB"))
    return clean
