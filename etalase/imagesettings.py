"""The image stage's settings and results as plain data, importable without Pillow (which,
with HEIF support, costs ~40 ms to import: a build that only reuses cached photos never
loads it)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import asdict, dataclass, replace

from etalase.errors import Loc, Report
from etalase.fields import Fields
from etalase.yamlio import Map


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (320, 480, 800, 1200)  # phones up to desktops
    formats: tuple[str, ...] = ("avif", "webp")  # best first; a JPEG is always made too
    fallback_width: int = 800  # the one JPEG for browsers without AVIF/WebP
    # 46 rather than 50: card photos 13-29% smaller (bench/cardtune.py), SSIM 0.98
    avif_quality: int = 46
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


THEME_KEYS = frozenset({"background", "image_widths", "image_formats", "avif_quality",
                        "webp_quality", "jpeg_quality",
                        "theme_color"})  # read by etalase.identity
FORMATS = ("avif", "webp")
WIDEST = 4000


def from_theme(node: Map | None, rel: str, report: Report, max_megapixels: int) -> ImageSettings:
    """The photo settings a theme asks for in ``theme.yaml``; what it leaves out keeps
    the default, so a theme for a text-heavy shop can skip AVIF or the largest width."""
    default = ImageSettings(max_megapixels=max_megapixels)
    if node is None:
        return default
    fields = Fields(node, rel, report, THEME_KEYS)
    widths = [int(text) for text, loc in fields.located_texts("image_widths")
              if _width_ok(text, loc, report)]
    formats = [text for text, loc in fields.located_texts("image_formats")
               if _format_ok(text, loc, report)]
    return replace(
        default,
        background=fields.text("background") or default.background,
        widths=tuple(sorted(set(widths))) or default.widths,
        formats=tuple(dict.fromkeys(formats)) if fields.raw("image_formats") else default.formats,
        avif_quality=_quality(fields, "avif_quality", default.avif_quality),
        webp_quality=_quality(fields, "webp_quality", default.webp_quality),
        jpeg_quality=_quality(fields, "jpeg_quality", default.jpeg_quality),
    )


def _width_ok(text: str, loc: Loc, report: Report) -> bool:
    if text.isdigit() and 100 <= int(text) <= WIDEST:
        return True
    report.error(loc, "theme.image_width", value=text, limit=WIDEST)
    return False


def _format_ok(text: str, loc: Loc, report: Report) -> bool:
    if text in FORMATS:
        return True
    report.error(loc, "theme.image_format", value=text, known=", ".join(FORMATS))
    return False


def _quality(fields: Fields, key: str, default: int) -> int:
    value = fields.whole_number(key)
    if value is not None and value > 100:
        fields.report.error(fields.loc(key), "theme.image_quality", key=key, value=value)
        return default
    return value or default
