"""The image stage with real files made here: every input kind, orientation, cache."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from etalase import imageproc, sealing
from tests.conftest import PRODUCT_YAML, REPO, SITE_YAML, run, write_site
from tests.pages import parse

P = "content/products/keset.yaml"
RED, BLUE = (220, 20, 20), (20, 20, 220)
# What Pillow's exif_transpose applies for each orientation; we store the inverse.
INVERSE = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
           4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
           6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_270}


def upright() -> Image.Image:
    """Landscape, red in the top-left quarter, blue elsewhere."""
    image = Image.new("RGB", (600, 400), BLUE)
    image.paste(RED, (0, 0, 300, 200))
    return image


def encoded(image: Image.Image, fmt: str, **args: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **args)
    return out.getvalue()


def site_with_photo(site, name: str, data: bytes, extra: dict | None = None) -> Path:  # type: ignore[no-untyped-def]
    return site({f"content/images/{name}": data,
                 P: PRODUCT_YAML.replace("images/keset.jpg", f"images/{name}"), **(extra or {})})


def built_images(root: Path) -> dict[str, Image.Image]:
    return {p.name.split("-", 1)[1]: Image.open(p) for p in (root / "build/img").iterdir()
            if not p.name.startswith("site-")  # the site's own link preview
            and p.suffix != ".png"}  # the shop's icons (photos are never made PNG)


def close(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_comes_out_upright(site, orientation: int) -> None:  # type: ignore[no-untyped-def]
    stored = upright()
    if INVERSE[orientation] is not None:
        stored = stored.transpose(INVERSE[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    root = site_with_photo(site, "o.jpg", encoded(stored, "JPEG", exif=exif, quality=95))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    for name, image in built_images(root).items():
        if name == "preview.jpg":
            continue
        rgb = image.convert("RGB")
        assert rgb.width > rgb.height, name
        assert close(rgb.getpixel((5, 5)), RED), (name, rgb.getpixel((5, 5)))
        assert close(rgb.getpixel((rgb.width - 5, rgb.height - 5)), BLUE), name


def test_outputs_avif_webp_widths_jpeg_fallback_and_preview(site) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "big.jpg", encoded(upright().resize((1600, 1200)), "JPEG"))
    assert run(root, "build").exit_code == 0
    images = built_images(root)
    assert sorted(images) == sorted(
        [f"{w}.{f}" for w in (320, 480, 800, 1200) for f in ("avif", "webp")]
        + ["800.jpg", "preview.jpg"])
    assert images["480.avif"].format == "AVIF" and images["480.webp"].format == "WEBP"
    assert images["preview.jpg"].size == (1200, 630)
    assert (root / "build/img").stat().st_size < 300_000
    page = parse(root / "build/produk/keset/index.html")
    sources = page.find("source")
    assert [s.attrs["type"] for s in sources] == ["image/avif", "image/webp"]
    assert sources[0].attrs["srcset"].count("w,") == 3
    img = page.one("img")
    assert (img.attrs["width"], img.attrs["height"]) == ("800", "600")
    assert img.attrs["fetchpriority"] == "high" and "loading" not in img.attrs
    card = parse(root / "build/produk/index.html").one("img")
    assert card.attrs["loading"] == "lazy"
    # A 4:3 photo is shown whole in its square tile, on the page colour: no placeholder
    # colour that would stay around it. A square photo has one while it loads.
    assert "class" not in card.attrs
    square = site_with_photo(site, "square.jpg", encoded(upright().resize((900, 900)), "JPEG"))
    assert run(square, "build").exit_code == 0
    card = parse(square / "build/produk/index.html").one("img")
    assert re.fullmatch(r"ph[012]{3}", card.attrs["class"])
    assert "style" not in card.attrs


def test_small_photos_are_never_upscaled(site) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "s.jpg", encoded(upright().resize((300, 200)), "JPEG"))
    assert run(root, "build").exit_code == 0
    widths = {name: image.width for name, image in built_images(root).items()}
    assert widths == {"300.avif": 300, "300.webp": 300, "300.jpg": 300, "preview.jpg": 1200}


@pytest.mark.parametrize("mode", ["RGBA", "P", "LA"])
def test_transparency_is_flattened_onto_the_theme_background(site, mode: str) -> None:  # type: ignore[no-untyped-def]
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))  # fully transparent black
    image.paste((200, 30, 30, 255), (0, 0, 100, 100))
    if mode == "P":
        image = image.convert("P", palette=Image.Palette.ADAPTIVE)
        data = encoded(image, "PNG", transparency=image.getpixel((399, 299)))
    else:
        data = encoded(image.convert(mode), "PNG")
    root = site_with_photo(site, "t.png", data)
    assert run(root, "build").exit_code == 0
    fallback = built_images(root)["400.jpg"].convert("RGB")
    assert close(fallback.getpixel((390, 290)), (0xFF, 0xFD, 0xF9), 6), fallback.getpixel((390, 290))


def test_sixteen_bit_png(site) -> None:  # type: ignore[no-untyped-def]
    grey = Image.new("I;16", (400, 300), 40000)
    root = site_with_photo(site, "g16.png", encoded(grey, "PNG"))
    assert run(root, "build").exit_code == 0
    pixel = built_images(root)["400.jpg"].convert("RGB").getpixel((10, 10))
    assert close(pixel, (155, 155, 155), 6), pixel


@pytest.mark.parametrize("fmt, name", [("WEBP", "w.webp"), ("AVIF", "a.avif"), ("PNG", "p.png")])
def test_other_input_formats(site, fmt: str, name: str) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, name, encoded(upright(), fmt))
    assert run(root, "build").exit_code == 0
    assert close(built_images(root)["480.webp"].convert("RGB").getpixel((5, 5)), RED)


def test_heic_from_an_iphone(site) -> None:  # type: ignore[no-untyped-def]
    import pillow_heif

    exif = Image.Exif()
    exif[0x0112] = 6
    heif = pillow_heif.from_pillow(upright().transpose(Image.Transpose.ROTATE_90))
    out = io.BytesIO()
    heif.save(out, quality=90, exif=exif.tobytes())
    root = site_with_photo(site, "IMG_0001.HEIC", out.getvalue())
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    fallback = built_images(root)["600.jpg"]
    assert fallback.width > fallback.height
    assert close(fallback.convert("RGB").getpixel((5, 5)), RED)


def test_animated_webp_uses_the_first_frame_with_a_warning(site) -> None:  # type: ignore[no-untyped-def]
    frames = [upright(), Image.new("RGB", (600, 400), (0, 200, 0))]
    data = encoded(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    root = site_with_photo(site, "anim.webp", data)
    result = run(root, "build")
    assert result.exit_code == 0
    assert (f'peringatan: {P}:5: foto "images/anim.webp" bergerak (animasi); hanya gambar '
            "pertamanya yang dipakai") in result.output
    assert close(built_images(root)["480.webp"].convert("RGB").getpixel((5, 5)), RED)


def test_postscript_named_jpg_is_refused_without_running_ghostscript(  # type: ignore[no-untyped-def]
        site, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import EpsImagePlugin

    def ghostscript(*args: object, **kwargs: object) -> None:
        raise AssertionError("Ghostscript was run on a photo")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", ghostscript)
    root = site_with_photo(site, "keset.jpg", encoded(upright(), "EPS"))
    for command in ("check", "build"):
        result = run(root, command)
        assert result.exit_code == 1
        assert (f'masalah: {P}:5: file "images/keset.jpg" bukan foto JPEG/PNG/WebP/AVIF/HEIC '
                "— buka file-nya; bila itu gambar, simpan ulang sebagai foto JPEG") in (
            result.output)
    assert not (root / "build").exists()


def test_a_gif_named_jpg_is_not_a_photo(site) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "keset.jpg", encoded(upright(), "GIF"),
                           {"content/site.yaml": SITE_YAML + "language: en\n"})
    result = run(root, "check")
    assert result.exit_code == 1
    assert (f'error: {P}:5: the file "images/keset.jpg" is not a JPEG/PNG/WebP/AVIF/HEIC '
            "photo — open it; if it is a picture, save it again as a JPEG photo") in (
        result.output)


def test_a_photo_under_another_suffix_is_named_with_the_fix(site) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "keset.jpg", encoded(upright(), "PNG"))
    result = run(root, "check")
    assert result.exit_code == 1
    assert (f'masalah: {P}:5: foto "images/keset.jpg" sebenarnya foto PNG, bukan JPEG — ganti '
            "akhiran nama file-nya menjadi .png, lalu tulis nama baru itu di baris ini") in (
        result.output)


@pytest.mark.parametrize("size", [(400, 20000), (20000, 300), (3, 60000)])
def test_photos_past_an_encoders_limit_are_scaled_to_fit(site, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "panjang.png", encoded(Image.new("RGB", size, RED), "PNG"))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    outputs = built_images(root)
    assert {name.rsplit(".", 1)[1] for name in outputs} == {"avif", "webp", "jpg"}
    for image in outputs.values():
        assert max(image.size) <= 16383
        assert close(image.convert("RGB").getpixel((0, 0)), RED)


def test_megapixel_cap_is_configurable(site) -> None:  # type: ignore[no-untyped-def]
    config = ("title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
              "max_megapixels: 1\n")
    root = site_with_photo(site, "big.jpg", encoded(upright().resize((1300, 1000)), "JPEG"),
                           {"content/site.yaml": config})
    result = run(root, "build")
    assert result.exit_code == 1
    assert f'masalah: {P}:5: foto "images/big.jpg" terlalu besar (lebih dari 1 megapiksel)' in (
        result.output)


def test_second_build_does_no_image_work(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/images/b.jpg": encoded(upright(), "JPEG"),
                 "content/products/b.yaml": PRODUCT_YAML.replace("keset.jpg", "b.jpg")
                 .replace("Keset Bulat", "B")})
    assert run(root, "build").exit_code == 0
    first = {p.name: p.read_bytes() for p in (root / "build/img").iterdir()}

    def no_encoding(*args: object) -> None:
        raise AssertionError("a cached photo was encoded again")

    monkeypatch.setattr(imageproc, "render", no_encoding)
    assert run(root, "build").exit_code == 0
    assert {p.name: p.read_bytes() for p in (root / "build/img").iterdir()} == first


def test_changed_photo_alone_is_reencoded_and_old_outputs_pruned(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/images/b.jpg": encoded(upright(), "JPEG"),
                 "content/products/b.yaml": PRODUCT_YAML.replace("keset.jpg", "b.jpg")
                 .replace("Keset Bulat", "B")})
    assert run(root, "build").exit_code == 0
    cache = root / ".etalase-cache/images"
    before = photo_entries(cache)
    assert len(before) == 2
    calls: list[Path] = []
    real = imageproc.render
    monkeypatch.setattr(imageproc, "render", lambda path, s: calls.append(path) or real(path, s))
    write_site(root, {"content/images/b.jpg": encoded(upright().rotate(180), "JPEG")})
    assert run(root, "build").exit_code == 0
    assert [p.name for p in calls] == ["b.jpg"]
    after = photo_entries(cache)
    assert len(after) == 2 and len(after & before) == 1
    photos = [p for p in (root / "build/img").glob("[!s]*") if p.suffix != ".png"]
    assert len({p.name.split("-")[0] for p in photos}) == 2


def photo_entries(cache: Path) -> set[str]:
    """The cache's entries of photos (the shop's icons have no placeholder colour)."""
    return {p.name for p in cache.iterdir()
            if json.loads(sealing.unseal((p / "manifest.json").read_bytes()) or b"{}")
            ["placeholder"]}


def display_p3_profile() -> bytes:
    """A minimal ICC v2 RGB profile with Display P3 primaries (D50-adapted) and gamma 2.2."""
    import struct

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + struct.pack(">3i", *(round(v * 65536) for v in (x, y, z)))

    name = b"Display P3 (test)\0"
    desc = (b"desc\0\0\0\0" + struct.pack(">I", len(name)) + name + b"\0" * 8 + b"\0\0\0"
            + b"\0" * 67)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", xyz(0.5151, 0.2412, -0.0011)), (b"gXYZ", xyz(0.2920, 0.6922, 0.0419)),
            (b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        while len(body) % 4:
            body += b"\0"
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I4sI4s4s4s12s4s4sIII8sI12s4s16s28x", size, b"lcms", 0x02100000,
                         b"mntr", b"RGB ", b"XYZ ", b"\0" * 12, b"acsp", b"APPL", 0, 0, 0,
                         b"\0" * 8, 0, struct.pack(">3i", 63190, 65536, 54061), b"lcms",
                         b"\0" * 16)
    return header + struct.pack(">I", len(tags)) + table + data


def test_display_p3_photos_are_converted_to_srgb(site) -> None:  # type: ignore[no-untyped-def]
    from PIL import ImageCms

    icc = display_p3_profile()
    colour = (40, 170, 90)
    photo = Image.new("RGB", (400, 300), colour)
    expected = ImageCms.profileToProfile(
        photo, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB")
    ).getpixel((0, 0))
    assert not close(expected, colour, 8), "the test colour must change in sRGB"
    root = site_with_photo(site, "p3.jpg", encoded(photo, "JPEG", quality=98, icc_profile=icc))
    assert run(root, "build").exit_code == 0
    for name, image in built_images(root).items():
        assert "icc_profile" not in image.info, name
        assert close(image.convert("RGB").getpixel((200, 150)), expected, 8), (
            name, image.convert("RGB").getpixel((200, 150)), expected)


def theme_with(root: Path, settings: str) -> Path:
    """The site's own copy of the default theme, with ``settings`` added to theme.yaml."""
    (root / "themes").unlink()
    shutil.copytree(REPO / "themes", root / "themes")
    theme = root / "themes/default/theme.yaml"
    theme.write_text(theme.read_text() + settings)
    return root


def test_a_theme_chooses_the_photo_widths_formats_and_qualities(site) -> None:  # type: ignore[no-untyped-def]
    root = site_with_photo(site, "big.jpg", encoded(upright().resize((1600, 1200)), "JPEG"))
    theme_with(root, "image_widths: [400, 960]\nimage_formats: [webp]\nwebp_quality: 60\n")
    assert run(root, "build").exit_code == 0
    assert sorted(built_images(root)) == ["400.webp", "960.jpg", "960.webp", "preview.jpg"]
    sources = parse(root / "build/produk/keset/index.html").find("source")
    assert [s.attrs["type"] for s in sources] == ["image/webp"]


def test_bad_photo_settings_in_a_theme_are_reported(site) -> None:  # type: ignore[no-untyped-def]
    root = theme_with(site(), "image_widths: [320, 9000]\nimage_formats: [gif]\n"
                              "avif_quality: 150\n")
    result = run(root, "check")
    lines = result.output.splitlines()
    rel = "themes/default/theme.yaml"
    assert result.exit_code == 1
    assert any(line.startswith(f"masalah: {rel}:") and 'lebar foto "9000" tidak bisa dipakai' in line
               for line in lines), result.output
    assert any('format foto "gif" tidak dikenal — pakai avif, webp' in line for line in lines)
    assert any("avif_quality berisi 150, padahal paling tinggi 100" in line for line in lines)
