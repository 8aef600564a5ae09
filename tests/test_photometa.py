"""Location and camera data in the photos under content/: reported, and cleaned in place."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import pytest
from PIL import Image

from etalase import photometa
from tests.conftest import REPO, phone_photo, run

PHOTO = "content/images/keset.jpg"
LOCATION_LINE = (f"masalah: {PHOTO}: foto ini menyimpan lokasi tempat foto diambil (GPS); "
                 "repositori menyimpannya untuk siapa saja — jalankan  python site.py "
                 "clean-photos --root {root}  untuk menghapus data itu dari semua foto di "
                 "content/ (gambarnya tetap sama)")  # (run() names the site with --root)


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def with_extras(jpeg: bytes) -> bytes:
    """A phone JPEG with an IPTC segment, a second (MPF) image and a video appended."""
    extra = segment(0xED, b"Photoshop 3.0\0IPTC city Purwokerto") + segment(0xE2, b"MPF\0x")
    return jpeg[:2] + extra + jpeg[2:] + b"ftypmp42 a motion photo's video"


def scans(data: bytes) -> bytes:
    """The JPEG's coded pixels: from the first scan to the end of the image."""
    return data[data.index(b"\xff\xda"):data.rindex(b"\xff\xd9") + 2]


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.tobytes()


def test_check_names_every_photo_with_a_location_and_clean_photos_removes_it(site) -> None:  # type: ignore[no-untyped-def]
    original = with_extras(phone_photo())
    root = site({PHOTO: original, "content/images/lama/tidak-dipakai.png": phone_photo("PNG"),
                 "content/images/bersih.jpg": phone_photo()[:2] + b"\xff\xd9"})
    (root / "content/images/bersih.jpg").write_bytes(_clean_jpeg())
    result = run(root, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert LOCATION_LINE.format(root=root) in lines
    assert any(line.startswith("masalah: content/images/lama/tidak-dipakai.png: foto ini "
                               "menyimpan lokasi") for line in lines), result.output
    assert "bersih.jpg" not in result.output
    assert run(root, "build").exit_code == 1 and not (root / "build").exists()

    result = run(root, "clean-photos")
    assert result.exit_code == 0, result.output
    assert "dibersihkan: content/images/keset.jpg" in result.output
    assert "OK: 2 foto dibersihkan dari data lokasi dan kamera; 1 foto lain sudah bersih" in (
        result.output)
    cleaned = (root / PHOTO).read_bytes()
    for secret in [b"PhoneMaker", b"SecretModel", b"SERIAL", b"rumah", b"xmpmeta", b"IPTC",
                   b"MPF", b"motion photo"]:
        assert secret not in cleaned, secret
    assert scans(cleaned) == scans(original), "the coded pixels are kept byte for byte"
    assert pixels(cleaned) == pixels(original)
    with Image.open(io.BytesIO(cleaned)) as image:
        assert dict(image.getexif()) == {0x0112: 6}, "only the orientation stays"
    png = root / "content/images/lama/tidak-dipakai.png"
    assert photometa.metadata_of(png) == []
    assert pixels(png.read_bytes()) == pixels(phone_photo("PNG"))
    assert run(root, "check").exit_code == 0
    assert "0 foto dibersihkan" in run(root, "clean-photos").output


def _clean_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize("fmt, suffix", [("WEBP", ".webp"), ("AVIF", ".avif"),
                                         ("HEIF", ".heic")])
def test_other_formats_are_saved_again_without_metadata(tmp_path: Path, fmt: str,
                                                       suffix: str) -> None:
    path = tmp_path / f"foto{suffix}"
    if fmt == "HEIF":
        import pillow_heif

        heif = pillow_heif.from_bytes(mode="RGB", size=(1600, 1200),
                                      data=Image.open(io.BytesIO(phone_photo("PNG"))).tobytes())
        out = io.BytesIO()
        exif = Image.open(io.BytesIO(phone_photo())).getexif()
        heif.save(out, quality=90, exif=exif.tobytes(), xmp=b"<x:xmpmeta>GPS</x:xmpmeta>")
        path.write_bytes(out.getvalue())
    else:
        path.write_bytes(phone_photo(fmt))
    assert photometa.metadata_of(path) == ["location", "camera", "xmp"]
    assert photometa.clean(path)
    assert photometa.metadata_of(path) == []
    data = path.read_bytes()
    assert b"SecretModel" not in data and b"xmpmeta" not in data
    with Image.open(path) as image:
        assert image.format == ("HEIF" if fmt == "HEIF" else fmt)
        upright = image.convert("RGB")
    assert upright.height > upright.width, "turned as the orientation said"
    red, green, blue = upright.getpixel((upright.width - 5, 5))  # the red corner, turned
    assert red > 150 and green < 90, (red, green, blue)


def test_an_interrupted_clean_leaves_the_photo_as_it_was(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "keset.jpg"
    path.write_bytes(phone_photo())

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        photometa.clean(path)
    assert path.read_bytes() == phone_photo()
    assert [p.name for p in tmp_path.iterdir()] == ["keset.jpg"]


def test_the_sample_photos_carry_no_metadata() -> None:
    photos = [p for p in (REPO / "content").rglob("*") if p.suffix.lower() in photometa.SUFFIXES]
    assert len(photos) >= 5
    for path in photos:
        assert photometa.metadata_of(path) == [], path


def test_a_damaged_photo_that_cannot_be_cleaned_is_named(site) -> None:  # type: ignore[no-untyped-def]
    photo = phone_photo()
    root = site({PHOTO: photo[:len(photo) // 2]})  # a copy cut short, GPS in its header
    assert LOCATION_LINE.format(root=root) in run(root, "check").output
    result = run(root, "clean-photos")
    assert result.exit_code == 1
    assert ("tidak bisa dibersihkan: content/images/keset.jpg rusak (terpotong atau bukan foto "
            "utuh) — salin ulang foto aslinya dari ponsel") in result.output
    assert (root / PHOTO).read_bytes() == photo[:len(photo) // 2]
