"""The shop's identity: icons (tab, home screen), the web app manifest, the theme colour
and the header logo; each bad setting's exact message; the cache that spares the work."""

from __future__ import annotations

import io
import json
import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from etalase import iconproc
from tests.browser import StaticSite, Visit
from tests.conftest import REPO, SITE_YAML, run, snapshot, write_site
from tests.pages import parse

GREEN = "#0b6b3a"  # the default theme's colour


def png(size: tuple[int, int] = (300, 300), colour: tuple[int, ...] = (200, 40, 40, 255),
        transparent_margin: int = 0) -> bytes:
    """A picture: a square of ``colour``, with a transparent frame if asked."""
    image = Image.new("RGBA", size, (0, 0, 0, 0) if transparent_margin else colour)
    if transparent_margin:
        m = transparent_margin
        image.paste(colour, (m, m, size[0] - m, size[1] - m))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def built(site, settings: str = "", **files: bytes | str) -> Path:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": SITE_YAML + settings,
                 **{f"content/images/{name}": data for name, data in files.items()}})
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    return root / "build"


def head_icons(build: Path, page: str = "index.html") -> dict[str, list[dict[str, str]]]:
    links = parse(build / page).find("link")
    found: dict[str, list[dict[str, str]]] = {}
    for link in links:
        found.setdefault(link.attrs["rel"], []).append(link.attrs)
    return found


def opened(build: Path, url: str) -> Image.Image:
    """A built image by its address, checked to carry no metadata."""
    assert url.startswith("/")
    image = Image.open(build / url.lstrip("/"))
    image.load()
    assert not image.getexif() and not image.info.get("exif") and not image.info.get("xmp")
    # No text chunks, no colour profile: only what the decoder says of the pixels.
    assert set(image.info) <= {"dpi", "gamma", "transparency", "background", "duration",
                               "loop", "timestamp"}, image.info
    return image


def is_opaque(image: Image.Image) -> bool:
    """Opaque, as iOS needs (it paints transparent pixels black)."""
    return image.mode in ("RGB", "P") and "transparency" not in image.info


def manifest_of(build: Path) -> dict:
    return json.loads((build / "manifest.webmanifest").read_text("utf-8"))


def check_icons_exist(build: Path) -> None:
    """Every icon the pages and the manifest name exists, with its stated size."""
    links = head_icons(build)
    for link in links["icon"]:
        image = opened(build, link["href"])
        assert link["type"] == "image/png" and image.format == "PNG"
        assert link["sizes"] == f"{image.width}x{image.height}"
    assert sorted(link["sizes"] for link in links["icon"]) == ["32x32", "48x48"]
    touch = opened(build, links["apple-touch-icon"][0]["href"])
    assert touch.size == (180, 180) and is_opaque(touch)
    for icon in manifest_of(build)["icons"]:
        image = opened(build, icon["src"])
        assert icon["sizes"] == f"{image.width}x{image.height}" and icon["type"] == "image/png"
        assert is_opaque(image)


def test_without_an_icon_the_title_s_initials_stand_on_the_theme_colour(site) -> None:  # type: ignore[no-untyped-def]
    build = built(site)
    assert b"data:," not in (build / "index.html").read_bytes()
    check_icons_exist(build)
    links = head_icons(build)
    touch = opened(build, links["apple-touch-icon"][0]["href"]).convert("RGB")
    assert touch.getpixel((2, 2)) == (11, 107, 58)  # the theme colour...
    centre = touch.crop((50, 50, 130, 130))
    assert (255, 255, 255) in [c for _, c in centre.getcolors(10000)]  # ...with white letters
    meta = parse(build / "produk/keset/index.html").one("meta", name="theme-color")
    assert meta.attrs["content"] == GREEN


def test_the_manifest_makes_the_shop_installable(site) -> None:  # type: ignore[no-untyped-def]
    build = built(site)
    manifest = manifest_of(build)
    assert manifest["name"] == "Toko Uji" and manifest["short_name"] == "Toko Uji"
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == GREEN and manifest["background_color"] == "#fffdf9"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {(s, p) for s in ("192x192", "512x512") for p in ("any", "maskable")}
    for page in ("index.html", "produk/keset/index.html", "tentang/index.html",
                 "keranjang/index.html", "404.html"):
        assert head_icons(build, page)["manifest"][0]["href"] == "/manifest.webmanifest", page
    assert "/manifest.webmanifest\n  Cache-Control: public, max-age=0, must-revalidate" in (
        build / "_headers").read_text()


def test_the_home_screen_name_can_be_chosen(site) -> None:  # type: ignore[no-untyped-def]
    long_title = SITE_YAML.replace("title: Toko Uji", "title: Etalase Berdaya Purwokerto")
    root = site({"content/site.yaml": long_title})
    assert run(root, "build").exit_code == 0
    assert manifest_of(root / "build")["short_name"] == "Etalase"  # the words that fit
    write_site(root, {"content/site.yaml": long_title + "short_name: Berdaya\n"})
    assert run(root, "build").exit_code == 0
    assert manifest_of(root / "build")["short_name"] == "Berdaya"
    write_site(root, {"content/site.yaml": long_title + "short_name: Etalase Berdaya\n"})
    result = run(root, "build")
    assert result.exit_code == 1
    assert "content/site.yaml:6: 'short_name' terlalu panjang" in result.output, result.output


def test_a_shop_below_a_path_installs_there(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": SITE_YAML.replace(
        "https://toko.example.org", "https://contoh.github.io/toko-uji")})
    assert run(root, "build").exit_code == 0
    build = root / "build"
    manifest = manifest_of(build)
    assert manifest["start_url"] == manifest["scope"] == "/toko-uji/"
    assert all(icon["src"].startswith("/toko-uji/img/") for icon in manifest["icons"])
    links = head_icons(build)
    assert links["manifest"][0]["href"] == "/toko-uji/manifest.webmanifest"
    assert links["apple-touch-icon"][0]["href"].startswith("/toko-uji/img/")
    for icon in manifest["icons"]:
        assert (build / icon["src"].removeprefix("/toko-uji/")).is_file()


def test_an_icon_picture_becomes_every_icon_inside_the_safe_zone(site) -> None:  # type: ignore[no-untyped-def]
    red = (200, 40, 40)
    build = built(site, "icon: images/ikon.png\n",
                  **{"ikon.png": png(colour=(*red, 255), transparent_margin=30)})
    check_icons_exist(build)
    links = head_icons(build)
    favicon = opened(build, links["icon"][0]["href"]).convert("RGBA")
    assert favicon.getpixel((0, 0))[3] == 0  # keeps transparency
    touch = opened(build, links["apple-touch-icon"][0]["href"]).convert("RGB")
    assert touch.getpixel((1, 1)) == (11, 107, 58) and touch.getpixel((90, 90)) == red
    icon = next(i for i in manifest_of(build)["icons"] if i["sizes"] == "512x512")
    app = opened(build, icon["src"]).convert("RGB")
    assert app.getpixel((256, 256)) == red
    # Outside the circle a maskable icon may be cut to (80% of its width), only the
    # theme colour: nothing of the picture is lost.
    for x in range(0, 512, 8):
        for y in range(0, 512, 8):
            if math.hypot(x - 255.5, y - 255.5) > 0.4 * 512:
                assert app.getpixel((x, y)) == (11, 107, 58), (x, y)


def test_a_photo_icon_loses_its_metadata(site) -> None:  # type: ignore[no-untyped-def]
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    Image.new("RGB", (400, 400), (10, 120, 200)).save(out, "JPEG", exif=exif)
    root = site({"content/site.yaml": SITE_YAML + "icon: images/ikon.jpg\n",
                 "content/images/ikon.jpg": out.getvalue()})
    # A photo in content/ with camera data is refused until cleaned (as every photo is);
    # cleaned, it builds, and no icon carries anything but pixels.
    assert run(root, "build").exit_code == 1
    assert run(root, "clean-photos").exit_code == 0
    assert run(root, "build").exit_code == 0
    check_icons_exist(root / "build")


def test_theme_colour_from_site_yaml(site) -> None:  # type: ignore[no-untyped-def]
    build = built(site, 'theme_color: "#7B3F61"\n')
    assert manifest_of(build)["theme_color"] == "#7b3f61"
    meta = parse(build / "index.html").one("meta", name="theme-color")
    assert meta.attrs["content"] == "#7b3f61"
    touch = opened(build, head_icons(build)["apple-touch-icon"][0]["href"]).convert("RGB")
    assert touch.getpixel((1, 1)) == (0x7B, 0x3F, 0x61)
    short = built(site, 'theme_color: "#fff"\n')
    assert manifest_of(short)["theme_color"] == "#ffffff"
    touch = opened(short, head_icons(short)["apple-touch-icon"][0]["href"]).convert("RGB")
    assert (31, 26, 23) in [c for _, c in touch.getcolors(100000)]  # dark letters on white


def test_the_logo_is_in_the_header_of_every_page(site) -> None:  # type: ignore[no-untyped-def]
    build = built(site, "logo: images/logo.png\n", **{"logo.png": png((600, 120))})
    for page in ("index.html", "produk/keset/index.html", "tentang/index.html"):
        parsed = parse(build / page)
        img = parsed.one("img", alt="Toko Uji")
        assert (img.attrs["width"], img.attrs["height"]) == ("130", "26")
        assert parsed.one("a", class_="brand").text.strip() == ""  # the logo names the shop
        source = parsed.find("source", type="image/webp")[0]
        one, two = source.attrs["srcset"].split(", ")
        assert opened(build, one).size == (130, 26)
        assert opened(build, two.removesuffix(" 2x")).size == (260, 52)
        assert opened(build, img.attrs["src"]).size == (260, 52)


def test_a_small_logo_is_not_enlarged(site) -> None:  # type: ignore[no-untyped-def]
    build = built(site, "logo: images/logo.png\n", **{"logo.png": png((90, 30))})
    img = parse(build / "index.html").one("img", alt="Toko Uji")
    assert (img.attrs["width"], img.attrs["height"]) == ("45", "15")
    assert opened(build, img.attrs["src"]).size == (90, 30)


def test_a_very_wide_logo_fits_a_phone_without_a_false_warning(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": SITE_YAML + "logo: images/logo.png\n",
                 "content/images/logo.png": png((3000, 100))})
    result = run(root, "build")
    assert result.exit_code == 0 and "peringatan" not in result.output, result.output
    img = parse(root / "build/index.html").one("img", alt="Toko Uji")
    assert int(img.attrs["width"]) <= iconproc.LOGO_WIDEST
    assert opened(root / "build", img.attrs["src"]).size == (630, 21)  # the 2x file: 21 px high, 30 times as wide


def test_a_second_build_reuses_the_icons_and_logo(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    build = built(site, "logo: images/logo.png\nicon: images/ikon.png\n",
                  **{"logo.png": png((600, 120)), "ikon.png": png()})
    before = snapshot(build)

    def refuse(*args: object) -> None:
        raise AssertionError("encoded again")

    monkeypatch.setattr(iconproc, "icons", refuse)
    monkeypatch.setattr(iconproc, "logo", refuse)
    monkeypatch.setattr(iconproc, "load_picture", refuse)
    for path in build.iterdir():  # a clean build/, the same cache
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    assert run(build.parent, "build").exit_code == 0
    assert snapshot(build) == before


BAD = {
    "missing file": (
        "logo: images/logo-toko.png\n",
        'content/site.yaml:6: gambar "images/logo-toko.png" tidak ada — periksa nama file '
        "(huruf besar/kecil juga) di folder content/"),
    "outside content": (
        "icon: ../rahasia/ikon.png\n",
        'content/site.yaml:6: gambar "../rahasia/ikon.png" ada di luar folder content/ — salin '
        "fotonya ke content/images/ dan tulis  images/nama-foto.jpg"),
    "absolute path": (
        "icon: /home/sari/ikon.png\n",
        'content/site.yaml:6: alamat gambar "/home/sari/ikon.png" dimulai dari akar disk — tulis '
        "alamat dari folder content/, misalnya  images/keset.jpg"),
    "svg logo": (
        "logo: images/logo.svg\n",
        'content/site.yaml:6: logo "images/logo.svg" bukan gambar PNG, JPEG atau WebP — simpan '
        "gambarnya sebagai PNG (aplikasi desain atau galeri ponsel bisa), taruh di "
        "content/images/, lalu tulis  logo: images/logo.png"),
    "eps named png": (
        "icon: images/eps.png\n",
        'content/site.yaml:6: file "images/eps.png" bukan foto JPEG/PNG/WebP/AVIF/HEIC — buka '
        "file-nya; bila itu gambar, simpan ulang sebagai foto JPEG (misalnya dengan aplikasi "
        "galeri di ponsel), lalu pakai file baru itu"),
    "svg named png": (
        "logo: images/svg.png\n",
        'content/site.yaml:6: file "images/svg.png" bukan foto JPEG/PNG/WebP/AVIF/HEIC — buka '
        "file-nya; bila itu gambar, simpan ulang sebagai foto JPEG (misalnya dengan aplikasi "
        "galeri di ponsel), lalu pakai file baru itu"),
    "png named jpg": (
        "icon: images/ikon.jpg\n",
        'content/site.yaml:6: foto "images/ikon.jpg" sebenarnya foto PNG, bukan JPEG — ganti '
        "akhiran nama file-nya menjadi .png, lalu tulis nama baru itu di baris ini"),
    "colour word": (
        "theme_color: hijau\n",
        "content/site.yaml:6: 'theme_color' berisi \"hijau\", padahal harus kode warna seperti "
        '"#0b6b3a" — tulis tanda # lalu 6 angka/huruf (0-9, a-f) dalam tanda kutip, misalnya  '
        'theme_color: "#0b6b3a"'),
    "colour without quotes": (
        "theme_color: #0b6b3a\n",
        "content/site.yaml:6: 'theme_color' kosong; kode warna tanpa tanda kutip dibaca sebagai "
        'catatan — beri tanda kutip, misalnya  theme_color: "#0b6b3a"  (atau hapus baris ini)'),
}
FILES = {
    "content/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "content/images/eps.png": b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
    "content/images/svg.png": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "content/images/ikon.jpg": png(),
}


@pytest.mark.parametrize("setting, message", list(BAD.values()), ids=list(BAD))
def test_bad_identity_settings_are_reported_and_nothing_is_written(
        site, setting: str, message: str) -> None:  # type: ignore[no-untyped-def]
    root = site(FILES)
    assert run(root, "build").exit_code == 0
    before = snapshot(root / "build")
    write_site(root, {"content/site.yaml": SITE_YAML + setting})
    result = run(root, "build")
    assert result.exit_code == 1, result.output
    assert f"masalah: {message}" in result.output.splitlines(), result.output
    assert "Traceback" not in result.output
    assert snapshot(root / "build") == before


def test_every_bad_identity_setting_is_reported_at_once_in_english(site) -> None:  # type: ignore[no-untyped-def]
    root = site({**FILES, "content/site.yaml": SITE_YAML + "language: en\n"
                 "logo: images/logo.svg\nicon: images/eps.png\ntheme_color: green\n"})
    result = run(root, "check")
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        'error: content/site.yaml:7: the logo "images/logo.svg" is not a PNG, JPEG or WebP '
        "picture — save the picture as a PNG (a design or gallery app can), put it in "
        "content/images/ and write  logo: images/logo.png",
        'error: content/site.yaml:8: the file "images/eps.png" is not a JPEG/PNG/WebP/AVIF/HEIC '
        "photo — open it; if it is a picture, save it again as a JPEG photo (e.g. with the "
        "phone's gallery app) and use the new file",
        "error: content/site.yaml:9: 'theme_color' is \"green\", but it must be a colour code "
        'such as "#0b6b3a" — write # and 6 digits or letters (0-9, a-f) in quotes, e.g.  '
        'theme_color: "#0b6b3a"',
    ], result.output


def test_a_theme_s_bad_colour_is_reported(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    (root / "themes").unlink()
    shutil.copytree(REPO / "themes", root / "themes")
    theme = root / "themes/default/theme.yaml"
    theme.write_text(theme.read_text().replace('theme_color: "#0b6b3a"', "theme_color: teal"))
    result = run(root, "check")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(theme.read_text().splitlines(), 1)
                if text.startswith("theme_color"))
    assert (f"masalah: themes/default/theme.yaml:{line}: 'theme_color' berisi \"teal\", padahal "
            "harus kode warna seperti") in result.output


# In a real browser: the sample shop's header with its logo, and "add to home screen".
ARTIFACTS = REPO / "test-artifacts"
SIZES = {"phone": (360, 740), "laptop": (1280, 800)}


@pytest.fixture(scope="module")
def sample_site(sample_build: Path) -> Iterator[StaticSite]:
    served = StaticSite(sample_build)
    yield served
    served.stop()


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_the_logo_keeps_the_header_as_small_as_the_title_did(
        browser: Browser, sample_site: StaticSite, size: tuple[int, int]) -> None:
    """The header's screenshot is kept in test-artifacts/ to be looked at."""
    scale = 2 if size[0] < 900 else 1  # a phone's screen has two pixels to a CSS pixel
    visit = Visit(browser, sample_site, viewport={"width": size[0], "height": size[1]},
                  device_scale_factor=scale)
    page = visit.page
    page.goto(sample_site.url(""))
    page.wait_for_load_state("networkidle")
    logo = page.locator(".brand img")
    shown = logo.evaluate("i => [i.naturalWidth, i.currentSrc, i.getBoundingClientRect().height]")
    assert shown[0] > 0 and shown[1].endswith(f"-logo-{scale}x.webp") and abs(shown[2] - 26) < 0.5, shown
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("header.top").screenshot(path=ARTIFACTS / f"{size[0]}x{size[1]}-header.png")
    with_logo = page.locator("header.top").bounding_box()
    # The same header with the title as text, as a shop without a logo has it.
    page.evaluate("() => { const brand = document.querySelector('.brand');"
                  " brand.textContent = brand.querySelector('img').alt; }")
    with_title = page.locator("header.top").bounding_box()
    assert with_logo and with_title and with_logo["height"] <= with_title["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert visit.outside() == []
    visit.close()


def test_chromium_finds_the_shop_installable(browser: Browser, sample_site: StaticSite) -> None:
    """What "add to home screen" reads: the manifest parses without errors, its icons
    load, and Chromium has nothing against installing the shop."""
    visit = Visit(browser, sample_site, viewport={"width": 360, "height": 740})
    visit.page.goto(sample_site.url("produk/"))
    visit.page.wait_for_load_state("networkidle")
    session = visit.context.new_cdp_session(visit.page)
    found = session.send("Page.getAppManifest")
    assert found["url"] == sample_site.url("manifest.webmanifest")
    assert found["errors"] == [], found["errors"]
    parsed = found.get("manifest") or json.loads(found["data"])
    assert parsed["name"] == "Etalase Berdaya Purwokerto"
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's browser contexts are private windows, where Chromium installs nothing.
    assert [e for e in errors if e["errorId"] != "in-incognito"] == [], errors
    visit.close()


def test_a_small_or_oblong_icon_and_a_short_logo_are_warned_about_every_build(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": SITE_YAML + "logo: images/logo.png\nicon: images/ikon.png\n",
                 "content/images/logo.png": png((90, 30)),
                 "content/images/ikon.png": png((120, 80))})
    expected = [
        'peringatan: content/site.yaml:6: logo "images/logo.png" pendek (kurang dari 52 piksel); '
        "di HP tampak kecil atau buram — pakai gambar logo setinggi paling sedikit 52 piksel",
        'peringatan: content/site.yaml:7: ikon "images/ikon.png" kecil (kurang dari 192 piksel); '
        "di layar utama HP tampak buram — pakai gambar persegi yang lebih besar, paling baik "
        "512 × 512 piksel",
        'peringatan: content/site.yaml:7: ikon "images/ikon.png" tidak persegi; sisanya diisi '
        "warna toko — potong gambarnya menjadi persegi (sama lebar dan tinggi) agar ikon terisi "
        "penuh",
    ]
    for _ in range(2):  # drawn, then taken from the cache: the same advice
        shutil.rmtree(root / "build", ignore_errors=True)
        result = run(root, "build")
        assert result.exit_code == 0, result.output
        assert [line for line in result.output.splitlines()
                if line.startswith("peringatan:")] == expected, result.output
