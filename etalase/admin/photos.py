"""Photos sent from a phone: opened only as a photo format, turned upright, stripped of
every bit of metadata, made at most 2048 px on the long side and kept as a JPEG.

Everything happens in memory. The original bytes (with the phone's GPS position, its
model and serial number) are never written anywhere, not even to a temporary file;
only the cleaned JPEG, made from a fresh image holding nothing but pixels, is ever
stored. Until the form is saved, cleaned photos wait in memory (:class:`Pending`).
"""

from __future__ import annotations

import io
import secrets
from collections import OrderedDict
from dataclasses import dataclass

from PIL import Image, ImageOps

from etalase import imageproc  # the build's photo rules: formats, pixel cap, colour
from etalase.admin.web import MAX_UPLOAD
from etalase.imagesettings import TooManyPixels

MAX_SIDE = 2048
_SCALABLE = ("RGB", "RGBA", "L", "LA", "CMYK")  # modes Pillow resizes with LANCZOS
THUMB_SIDE = 120  # shown at 88 CSS px: a few kilobytes each on a list of many
QUALITY = 85


class BadPhoto(Exception):
    """Why an upload is refused, as a key of :mod:`etalase.admin.words`."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def open_photo(data: bytes, max_megapixels: int, need: int = MAX_SIDE) -> Image.Image:
    """The photo decoded (at reduced scale where the format allows), by the build's own
    rules (:func:`etalase.imageproc.open_within`): only the photo formats the build
    accepts (whatever the phone named the file: it is re-encoded anyway), never more
    pixels than the site allows, and whole."""
    if len(data) > MAX_UPLOAD:
        raise BadPhoto("upload.too_big")
    try:
        image = imageproc.open_within(io.BytesIO(data), None, max_megapixels)
        _draft(image, need)
        image.load()
    except TooManyPixels as exc:
        raise BadPhoto("upload.bomb") from exc
    except imageproc.NotAPhoto as exc:
        raise BadPhoto("upload.not_photo") from exc
    except imageproc.BAD_PHOTO as exc:
        raise BadPhoto("upload.broken") from exc
    return image


def cleaned(image: Image.Image, side: int) -> Image.Image:
    """At most ``side`` px, upright, in sRGB: a fresh RGB image holding only pixels.
    Scaled first (the photo's orientation and colour profile ride along in its info), so
    the turning and colour work touch 4 megapixels, not 12."""
    if image.mode in _SCALABLE:
        image = fit(_reduced(image, side), side)
    upright = imageproc._flatten(imageproc._to_srgb(ImageOps.exif_transpose(image)), "#ffffff")
    return fit(upright, side)


def _draft(image: Image.Image, need: int) -> None:
    """JPEG: let the decoder scale down by 1/2..1/8 while the result keeps at least 90%
    of ``need`` on its long side: a 12 MP phone photo (4000 px) is decoded at 2000 px,
    with a quarter of the work, and needs no resizing at all."""
    if image.format != "JPEG":
        return
    scale = need * 0.9 / max(image.size)
    image.draft("RGB", (max(1, round(image.width * scale)), max(1, round(image.height * scale))))


def _reduced(image: Image.Image, side: int) -> Image.Image:
    """What :func:`_draft` does for a JPEG, for the other formats (a HEIC is decoded
    whole): averaged down by a whole factor while the long side keeps at least 90% of
    ``side``. A 4000 px photo becomes 2000 px by 2x2 averages, several times faster than
    resampling it to 2048 px, and as sharp as the JPEG path's result."""
    factor = int(max(image.size) // (side * 0.9))
    return image.reduce(factor) if factor >= 2 else image


def fit(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    scale = side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def jpeg(image: Image.Image, quality: int = QUALITY) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, progressive=True, subsampling="4:2:0")
    return out.getvalue()


def clean(data: bytes, max_megapixels: int) -> tuple[bytes, bytes]:
    """(the photo to keep, a small preview of it), both clean JPEGs."""
    image = cleaned(open_photo(data, max_megapixels), MAX_SIDE)
    return jpeg(image), jpeg(fit(image, THUMB_SIDE), 60)


def thumbnail(data: bytes, max_megapixels: int) -> bytes:
    return jpeg(cleaned(open_photo(data, max_megapixels, THUMB_SIDE), THUMB_SIDE), 60)


@dataclass(frozen=True)
class Waiting:
    data: bytes
    thumb: bytes


class Pending:
    """Cleaned photos of forms not saved yet (a price to fix first), so a volunteer on a
    slow connection does not send them again. Only clean JPEGs are held; the oldest go
    first when many wait."""

    def __init__(self, limit: int = 40) -> None:
        self.limit = limit
        self._photos: OrderedDict[str, Waiting] = OrderedDict()

    def add(self, data: bytes, thumb: bytes) -> str:
        key = secrets.token_urlsafe(12)
        self._photos[key] = Waiting(data, thumb)
        while len(self._photos) > self.limit:
            self._photos.popitem(last=False)
        return key

    def get(self, key: str) -> Waiting | None:
        return self._photos.get(key)

    def take(self, key: str) -> Waiting | None:
        return self._photos.pop(key, None)
