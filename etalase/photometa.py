"""Location and camera data inside photo files: found, and removed in place.

Photos under ``content/`` are committed to a repository (often public, for Netlify or
GitHub Pages builds), so the GPS position an original photo carries would leak from git
even though ``build/`` is clean. ``metadata_of`` names what a photo carries; ``clean``
rewrites it without, atomically. JPEGs are cleaned losslessly: the metadata segments are
dropped and every other byte (tables, scans: the pixels) is kept as it was; only the
orientation survives, in a minimal EXIF. PNGs lose their text and EXIF chunks, also
losslessly; WebP, AVIF and HEIC are re-encoded from their pixels at high quality.

Which files are photos is the build's own table (:data:`etalase.paths.PHOTO_FORMATS`).
"""

from __future__ import annotations

import io
import os
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps

from etalase.imageproc import PHOTO_FORMATS  # also registers HEIC/HEIF with Pillow

# What a photo may carry that says where, or with what, it was taken.
LOCATION, CAMERA, XMP, IPTC, EXTRA = "location", "camera", "xmp", "iptc", "extra"
ORIENTATION, EXIF_IFD, GPS_IFD = 0x0112, 0x8769, 0x8825
CAMERA_TAGS = {0x010F, 0x0110}  # Make, Model
CAMERA_EXIF_TAGS = {0x927C, 0xA430, 0xA431, 0xA432, 0xA433, 0xA434, 0xA435}  # maker
# notes, owner name, body serial number, lens specification, make, model, serial number
SUFFIXES = PHOTO_FORMATS  # the photos the build reads are the photos checked and cleaned

_SOI, _EOI, _SOS, _APP0, _APP1, _APP2, _APP13, _APP14, _COM = (
    0xD8, 0xD9, 0xDA, 0xE0, 0xE1, 0xE2, 0xED, 0xEE, 0xFE)
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and restart markers have no length
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_METADATA = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}


class NotCleanable(ValueError):
    """The file is not a photo this module can read."""


def metadata_of(path: Path) -> list[str]:
    """What the photo carries, of LOCATION, CAMERA, XMP, IPTC, EXTRA; [] when clean.

    Reads only the headers and the last bytes of a JPEG or PNG: ``check`` asks this of
    every photo in ``content/``."""
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        with path.open("rb") as file:
            if kind == "JPEG":
                return _sorted(_jpeg_found(file))
            if kind == "PNG":
                return _sorted(_png_found(file))
            if kind is not None:
                return _sorted(_pillow_found(file.read(), kind))
    except (ValueError, SyntaxError, struct.error, IndexError) as exc:
        raise NotCleanable(str(path)) from exc
    raise NotCleanable(str(path))


def clean(path: Path) -> bool:
    """Rewrites the photo without metadata, atomically; False when it had none."""
    if not metadata_of(path):
        return False
    cleaned = clean_bytes(path.read_bytes(), path.suffix)
    _replace(path, cleaned)
    return True


def clean_bytes(data: bytes, suffix: str) -> bytes:
    """The photo without metadata (keeping its orientation and colour profile)."""
    kind = SUFFIXES.get(suffix.lower())
    try:
        if kind == "JPEG":
            return _jpeg_cleaned(data)
        if kind == "PNG":
            return _png_cleaned(data)
        if kind is not None:
            return _reencoded(data, kind)
    except (OSError, ValueError, SyntaxError, struct.error, IndexError) as exc:
        raise NotCleanable(suffix) from exc
    raise NotCleanable(suffix)


def _sorted(found: set[str]) -> list[str]:
    order = [LOCATION, CAMERA, XMP, IPTC, EXTRA]
    return [kind for kind in order if kind in found]


def _exif_found(raw: bytes) -> set[str]:
    exif = Image.Exif()
    exif.load(raw)
    found = set()
    if exif.get_ifd(GPS_IFD):
        found.add(LOCATION)
    if CAMERA_TAGS & set(exif) or CAMERA_EXIF_TAGS & set(exif.get_ifd(EXIF_IFD)):
        found.add(CAMERA)
    return found


# JPEG: a list of segments, then the scans, then EOI.

def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """(marker, start, end) of every segment from SOI to EOI; a scan's segment runs
    through its entropy-coded data. Raises ValueError on what is not a JPEG."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    segments, pos = [(_SOI, 0, 2)], 2
    while True:
        if data[pos] != 0xFF:
            raise ValueError("broken JPEG")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == _EOI:
            segments.append((_EOI, pos, pos + 2))
            return segments
        if marker in _STANDALONE:
            segments.append((marker, pos, pos + 2))
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        end = pos + 2 + length
        if marker == _SOS:
            end = _scan_end(data, end)
        segments.append((marker, pos, end))
        pos = end


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data after a scan header ends: the next real marker."""
    while True:
        pos = data.index(b"\xff", pos)
        following = data[pos + 1]
        if following == 0 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker
            pos += 2
        elif following == 0xFF:  # fill bytes before a marker
            pos += 1
        else:
            return pos


def _jpeg_found(file: BinaryIO) -> set[str]:
    found: set[str] = set()
    for marker, body in _jpeg_head(file):
        if marker == _APP1 and body.startswith(b"Exif\0"):
            found |= _exif_found(body)
        elif marker == _APP1:
            found.add(XMP)
        elif marker == _APP13:
            found.add(IPTC)
        elif marker == _APP2 and not body.startswith(b"ICC_PROFILE\0"):
            found.add(EXTRA)  # MPF: the phone's second image, a depth map...
        elif 0xE3 <= marker <= 0xEF and marker != _APP14:
            found.add(EXTRA)
    file.seek(-2, os.SEEK_END)
    if file.read(2) != b"\xff\xd9":
        found.add(EXTRA)  # something appended after the image (a motion photo's video)
    return found


def _jpeg_head(file: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(marker, body) of the segments before the first scan."""
    if file.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG")
    while True:
        start = file.read(2)
        while start[1:] == b"\xff":  # fill bytes
            start = start[1:] + file.read(1)
        if len(start) < 2 or start[0] != 0xFF:
            raise ValueError("broken JPEG")
        marker = start[1]
        if marker in (_SOS, _EOI):
            return
        if marker in _STANDALONE:
            continue
        (length,) = struct.unpack(">H", file.read(2))
        body = file.read(length - 2)
        if 0xE0 <= marker <= 0xEF:
            yield marker, body


def _keeps(marker: int, body: bytes) -> bool:
    """Segments a clean JPEG keeps: everything but metadata; JFIF, ICC, Adobe stay."""
    if marker == _APP0:
        return body.startswith(b"JFIF\0")
    if marker == _APP2:
        return body.startswith(b"ICC_PROFILE\0")
    if marker == _APP14:
        return True  # Adobe: how CMYK/YCCK colours are stored
    return not (0xE0 <= marker <= 0xEF or marker == _COM)


def _jpeg_cleaned(data: bytes) -> bytes:
    segments = _jpeg_segments(data)
    orientation = _jpeg_orientation(data, segments)
    parts = [data[start:end] for marker, start, end in segments
             if _keeps(marker, data[start + 4:end])]
    if orientation not in (None, 1):
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        payload = b"Exif\0\0" + exif.tobytes()
        at = 2 if len(parts) > 1 and parts[1][1] == _APP0 else 1
        parts.insert(at, b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    return b"".join(parts)


def _jpeg_orientation(data: bytes, segments: list[tuple[int, int, int]]) -> int | None:
    for marker, start, end in segments:
        body = data[start + 4:end]
        if marker == _APP1 and body.startswith(b"Exif\0"):
            exif = Image.Exif()
            exif.load(body)
            return exif.get(ORIENTATION)
    return None


# PNG: chunks; the text and EXIF ones go.

def _png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    chunks, pos = [], len(_PNG_SIGNATURE)
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        chunks.append((kind, pos, end))
        pos = end
        if kind == b"IEND":
            break
    return chunks


def _png_found(file: BinaryIO) -> set[str]:
    """Walks the chunks, reading only the small metadata ones (not the pixels)."""
    if file.read(8) != _PNG_SIGNATURE:
        raise ValueError("not a PNG")
    found: set[str] = set()
    while True:
        length, kind = struct.unpack(">I4s", file.read(8))
        if kind == b"eXIf":
            found |= _exif_found(file.read(length))
        elif kind == b"iTXt" and file.read(length).startswith(b"XML:com.adobe.xmp\0"):
            found.add(XMP)
        else:
            file.seek(length, os.SEEK_CUR)
        file.seek(4, os.SEEK_CUR)  # the chunk's CRC
        if kind == b"IEND":
            break
    if file.read(1):
        found.add(EXTRA)
    return found


def _png_cleaned(data: bytes) -> bytes:
    kept = [data[start:end] for kind, start, end in _png_chunks(data)
            if kind not in _PNG_METADATA]
    return _PNG_SIGNATURE + b"".join(kept)


# WebP, AVIF, HEIC: read and re-encoded by Pillow.

def _pillow_found(data: bytes, kind: str) -> set[str]:
    with Image.open(io.BytesIO(data), formats=[kind]) as image:
        found = _exif_found(image.info["exif"]) if image.info.get("exif") else set()
        if image.info.get("xmp"):
            found.add(XMP)
    return found


def _reencoded(data: bytes, kind: str) -> bytes:
    with Image.open(io.BytesIO(data), formats=[kind]) as image:
        upright = ImageOps.exif_transpose(image)
        upright.info = {}  # encoders copy EXIF and XMP from here: only the pixels go on
        icc = image.info.get("icc_profile")
        out = io.BytesIO()
        options: dict = {"icc_profile": icc} if icc else {}
        upright.save(out, kind, quality=95, **options)
    return out.getvalue()


def _replace(path: Path, data: bytes) -> None:
    """Writes ``data`` to a temporary file beside ``path``, then swaps it in: an
    interrupted clean leaves the photo as it was, never half written."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
