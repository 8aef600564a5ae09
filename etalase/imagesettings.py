"""The image stage's settings and results as plain data, importable without Pillow (which,
with HEIF support, costs ~40 ms to import: a build that only reuses cached photos never
loads it)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (320, 480, 800, 1200)  # phones up to desktops
    fallback_width: int = 800  # the one JPEG for browsers without AVIF/WebP
    avif_quality: int = 50
    webp_quality: int = 70
    jpeg_quality: int = 74
    preview_size: tuple[int, int] = (1200, 630)  # link previews (WhatsApp, Facebook)
    preview_budget: int = 120_000  # bytes; WhatsApp drops previews over 300 KB
    background: str = "#fffdf9"  # the theme's page colour, under transparent pixels
    max_megapixels: int = 120

    # Asked for every photo of every build: worked out once per settings.
    @functools.cached_property
    def fingerprint(self) -> bytes:
        """Changes whenever any setting that affects output bytes changes (and with the
        version, whenever what a photo may be does: v3 opens photos by suffix only)."""
        return repr(("etalase-images-v3", sorted(asdict(self).items()))).encode()

    @functools.cached_property
    def fingerprint_id(self) -> str:
        """A short name of the fingerprint, for keys that are not hashes themselves."""
        return hashlib.sha256(self.fingerprint).hexdigest()[:16]


@dataclass(frozen=True)
class Encoded:
    name: str  # file name suffix after the digest: "480.avif", "preview.jpg"
    data: bytes
    width: int
    height: int
    mime: str


class TooManyPixels(Exception):
    pass
