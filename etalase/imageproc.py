"""Pixel work for one photo, run in worker processes: decode, clean, resize, encode.

Everything here is pure with respect to the site: a photo's bytes and the settings go
in, encoded files come out. Outputs are encoded from a fresh image holding only pixels,
so no EXIF (GPS, camera, serial, dates), XMP, IPTC, ICC or comment can survive.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from etalase.imagesettings import Encoded, ImageSettings, TooManyPixels
from etalase.paths import PHOTO_FORMATS

try:  # iPhone photos; pillow-heif registers HEIC/HEIF with Pillow
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - it is a declared dependency
    pass

FORMATS = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg"}
# Pillow tries only the decoders of paths.PHOTO_FORMATS, so a file that is something else
# (EPS, which Pillow would hand to Ghostscript; PDF, GIF, TIFF...) is refused before any
# decoder reads it.
ALLOWED = tuple(sorted(set(PHOTO_FORMATS.values())))  # every decoder a photo may use
SHOWN_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF", "HEIF": "HEIC"}
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "AVIF": ".avif", "HEIF": ".heic"}
# No output side may be longer: WebP's limit (16383 px); AVIF and JPEG allow more.
MAX_SIDE = 16383
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# What a photo that cannot be used raises, from a missing file to a bad header.
BAD_PHOTO = (OSError, ValueError, SyntaxError, EOFError, RuntimeError, UnidentifiedImageError,
             Image.DecompressionBombError)


class NotAPhoto(Exception):
    """The file is no photo of an allowed format (``actual``: the photo format it is,
    when it is one, under another suffix)."""

    def __init__(self, actual: str | None = None) -> None:
        super().__init__(actual)
        self.actual = actual


def open_photo(fp: Path | io.BytesIO, suffix: str | None) -> Image.Image:
    """Opens a file as the photo format its suffix names, and as nothing else; with no
    suffix (a photo sent from a phone, named by the phone), as any allowed format."""
    if suffix is None:
        try:
            return Image.open(fp, formats=ALLOWED)
        except UnidentifiedImageError:
            raise NotAPhoto from None
    expected = PHOTO_FORMATS.get(suffix.lower())
    if expected is None:
        raise NotAPhoto
    try:
        return Image.open(fp, formats=[expected])
    except UnidentifiedImageError:
        pass
    try:  # a photo of another allowed format: say which, so the fix is a rename
        with Image.open(fp, formats=ALLOWED) as other:
            raise NotAPhoto(other.format)
    except UnidentifiedImageError:
        raise NotAPhoto from None


def open_checked(path: Path, settings: ImageSettings) -> Image.Image:
    """Opens a photo after checking its claimed size against the megapixel cap."""
    return open_within(path, path.suffix, settings.max_megapixels)


def open_within(fp: Path | io.BytesIO, suffix: str | None, max_megapixels: int) -> Image.Image:
    """:func:`open_photo`, refusing (TooManyPixels) a photo whose header claims more than
    ``max_megapixels``, before any pixel is decoded."""
    Image.MAX_IMAGE_PIXELS = max_megapixels * 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = open_photo(fp, suffix)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooManyPixels from exc
    if image.width * image.height > Image.MAX_IMAGE_PIXELS:
        image.close()
        raise TooManyPixels
    return image


def shown_formats() -> str:
    """The allowed photo formats as a volunteer knows them: "JPEG, PNG, WebP, ..."."""
    return ", ".join(dict.fromkeys(SHOWN_NAMES[kind] for kind in PHOTO_FORMATS.values()))


def decode(path: Path, settings: ImageSettings) -> tuple[Image.Image, list[str]]:
    """The photo upright, in sRGB, flattened to RGB; and warnings ("animated")."""
    warnings = []
    need = max(max(settings.widths), *settings.preview_size)
    with open_checked(path, settings) as image:
        if getattr(image, "n_frames", 1) > 1:
            warnings.append("animated")
        image.draft("RGB", (need, need))  # JPEG: let the decoder scale down by 1/2..1/8
        image.load()
        upright = ImageOps.exif_transpose(image)
        return _flatten(_to_srgb(upright), settings.background), warnings


def _to_srgb(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit grey PNG
        image = image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if "A" in image.mode else "RGB"
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels are still better than nothing
    return image


def _flatten(image: Image.Image, background: str) -> Image.Image:
    """A new RGB image with only the pixels; transparency painted onto the background."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    clean = Image.new("RGB", image.size, background)
    if has_alpha:
        rgba = image.convert("RGBA")
        clean.paste(rgba, mask=rgba.getchannel("A"))
    else:
        clean.paste(image.convert("RGB"))
    return clean


def target_widths(width: int, settings: ImageSettings) -> list[int]:
    """Output widths, never wider than the photo itself; a photo between two steps also
    keeps its own width, so a 400 px photo is not cut down to 320 px."""
    widths = [w for w in settings.widths if w <= width]
    if width < max(settings.widths) and (not widths or width > widths[-1] * 1.2):
        widths.append(width)
    return widths


def resize_steps(image: Image.Image, widths: list[int]) -> dict[int, Image.Image]:
    """Each width, made from the next larger one (big to small), not all from the original."""
    sized: dict[int, Image.Image] = {}
    current = image
    for width in sorted(widths, reverse=True):
        height = min(MAX_SIDE, max(1, round(image.height * width / image.width)))
        if current.width != width:
            current = current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        sized[width] = current
    return sized


def encode(
    image: Image.Image, fmt: str, settings: ImageSettings, quality: int | None = None
) -> bytes:
    buffer = io.BytesIO()
    if fmt == "avif":
        image.save(buffer, "AVIF", quality=quality or settings.avif_quality, speed=8)
    elif fmt == "webp":
        image.save(buffer, "WEBP", quality=quality or settings.webp_quality, method=4)
    else:
        image.save(buffer, "JPEG", quality=quality or settings.jpeg_quality, optimize=True,
                   progressive=True, subsampling="4:2:0")
    return buffer.getvalue()


def preview(image: Image.Image, settings: ImageSettings) -> bytes:
    """A cover-cropped link preview JPEG, lowering quality until it fits the budget."""
    fitted = ImageOps.fit(image, settings.preview_size, Image.Resampling.LANCZOS)
    for quality in (78, 70, 60, 50, 40):
        data = encode(fitted, "jpg", settings, quality)
        if len(data) <= settings.preview_budget:
            break
    return data


def fitting_width(width: int, height: int) -> int:
    """The widest the photo may be shown so that no side passes MAX_SIDE (a 400x20000
    screenshot is shown 327 px wide, not refused by the WebP encoder)."""
    return max(1, min(width, width * MAX_SIDE // height))


def render(path: Path, settings: ImageSettings) -> tuple[list[Encoded], list[str]]:
    """Every output file of one photo."""
    image, warnings = decode(path, settings)
    widths = target_widths(fitting_width(image.width, image.height), settings)
    sized = resize_steps(image, widths)
    files = [
        Encoded(f"{width}.{fmt}", encode(sized[width], fmt, settings), width,
                sized[width].height, FORMATS[fmt])
        for width in widths
        for fmt in settings.formats
    ]
    fallback = min(widths, key=lambda w: abs(w - settings.fallback_width))
    fb = sized[fallback]
    files.append(Encoded(f"{fallback}.jpg", encode(fb, "jpg", settings), fb.width, fb.height,
                         FORMATS["jpg"]))
    w, h = settings.preview_size
    files.append(Encoded("preview.jpg", preview(image, settings), w, h, FORMATS["jpg"]))
    return files, warnings


def placeholder(image_data: bytes) -> str:
    """The average colour of an encoded image, as a CSS colour."""
    with Image.open(io.BytesIO(image_data), formats=["JPEG"]) as image:
        pixel = image.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    red, green, blue = pixel  # type: ignore[misc]
    return f"#{red:02x}{green:02x}{blue:02x}"
