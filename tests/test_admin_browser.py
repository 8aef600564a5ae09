"""The phone admin in Debian's Chromium at 360×740, against `serve --admin` on a free port:
the whole volunteer's flow, with JavaScript and without it, and what it refuses."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.conftest import REPO
from tests.test_admin import COMMENTED, gps_photo
from tests.test_serve import free_port, get, until

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
SHOTS = REPO / "test-artifacts" / "admin"
P = "content/products/keset.yaml"


@contextmanager
def admin_serving(root: Path, lines: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """`python site.py serve --admin` on a free port: (its URL, the admin link it printed);
    ``lines`` receives what it prints."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(REPO / "site.py"), "serve", "--root", str(root), "--port",
         str(port), "--admin"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines = [] if lines is None else lines
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    url = f"http://127.0.0.1:{port}"
    try:
        link = until(lambda: next((w for line in lines for w in line.split()
                                   if "/admin/masuk?t=" in w), None), 60)
        until(lambda: get(url + "/")[0] == 200, 60)
        yield url, str(link)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(site) -> Iterator[tuple[Path, str, str]]:  # type: ignore[no-untyped-def]
    root = site({P: COMMENTED})
    with admin_serving(root) as (url, link):
        yield root, url, link


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def photo_file(tmp: Path) -> dict:
    return {"name": "IMG_20261201.jpg", "mimeType": "image/jpeg", "buffer": gps_photo()}


def add_product_flow(page: Page, root: Path, url: str, link: str, label: str) -> None:
    """Token link, a new product with a wrong price then a photo, its page, delete, restore."""
    page.goto(link)
    assert page.url == url + "/admin/", "the token is gone from the address bar"
    expect(page.locator("h1")).to_have_text("Produk")
    shot(page, f"{label}-list")
    page.get_by_role("link", name="Tambah produk").click()
    page.fill("#f-name", "Keset Oval Biru")
    page.fill("#f-price", "25.000")
    page.select_option("#f-category", "Keset Perca")
    page.set_input_files("#f-upload", files=[photo_file(root)])
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#e-price")).to_have_text(
        'harga "25.000" memakai titik — tulis angka penuh tanpa titik: 25000')
    assert not (root / "content/products/keset-oval-biru.yaml").exists()
    assert not list((root / "content/images").glob("keset-oval-biru*"))
    shot(page, f"{label}-wrong-price")
    box = page.locator("#e-price").bounding_box()
    field = page.locator("#f-price").bounding_box()
    assert box and field and 0 <= field["y"] - box["y"] < 120, "the message is beside the field"
    page.fill("#f-price", "25000")
    started = time.perf_counter()
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".ok")).to_contain_text("Tersimpan")
    print(f"\n{label}: save with a waiting photo -> page rebuilt and shown: "
          f"{time.perf_counter() - started:.2f} s")
    stored = root / "content/images/keset-oval-biru-1.jpg"
    with Image.open(stored) as image:
        assert not image.getexif() and "exif" not in image.info
    assert b"Pixel" not in stored.read_bytes()
    shot(page, f"{label}-saved")
    page.get_by_role("link", name="Lihat halamannya").click()
    assert page.url == url + "/produk/keset-oval-biru/"
    photo = page.locator("main img").first
    expect(photo).to_be_visible()
    until(lambda: photo.evaluate("img => img.complete && img.naturalWidth > 0"))
    shot(page, f"{label}-product-page")
    page.goto(url + "/admin/produk/keset-oval-biru.yaml")
    page.get_by_role("link", name="Hapus").click()
    page.get_by_role("button", name="Ya, pindahkan ke Sampah").click()
    expect(page.locator(".ok")).to_contain_text("Dipindah ke Sampah")
    assert not (root / "content/products/keset-oval-biru.yaml").exists()
    page.get_by_role("link", name="Sampah").first.click()
    shot(page, f"{label}-trash")
    page.get_by_role("button", name="Pulihkan").click()
    expect(page.locator(".ok")).to_contain_text("Dipulihkan")
    assert (root / "content/products/keset-oval-biru.yaml").exists()
    assert get(url + "/produk/keset-oval-biru/")[0] == 200


def test_the_phone_flow(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE)
    add_product_flow(context.new_page(), root, url, link, "js")
    cookies = context.cookies()
    assert [c["httpOnly"] and c["sameSite"] == "Strict" for c in cookies] == [True]
    context.close()


def test_the_same_flow_without_javascript(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE, java_script_enabled=False)
    add_product_flow(context.new_page(), root, url, link, "nojs")
    context.close()


def test_a_conflicting_save_is_refused(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(link)
    page.goto(url + "/admin/produk/keset.yaml")
    page.fill("#f-name", "Keset Bulat Besar")
    (root / P).write_text(COMMENTED.replace("25000", "26000"), encoding="utf-8")  # phone two
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#conflict")).to_contain_text("Harga (rupiah): 25000 → 26000")
    shot(page, "conflict")
    assert "name: Keset Bulat\n" in (root / P).read_text()
    context.close()


def test_no_cookie_or_another_site_is_refused(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE)
    page = context.new_page()
    answer = page.goto(url + "/admin/")
    assert answer and answer.status == 401
    expect(page.locator("main")).to_contain_text("tautan admin")
    shot(page, "refused")
    page.goto(link)
    # A page on another origin (localhost is not 127.0.0.1) posts a form to the admin.
    other = url.replace("127.0.0.1", "localhost")
    page.goto(other + "/")
    page.set_content(f'<form method="post" action="{url}/admin/produk/keset.yaml">'
                     '<input name="name" value="Dibajak"><button>go</button></form>')
    with page.expect_navigation():
        page.click("button")
    assert "Ditolak" in page.content() or "tautan admin" in page.content()
    assert (root / P).read_text() == COMMENTED
    context.close()


def test_the_terminal_qr_code_opens_the_admin_link(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The QR code drawn in the terminal, turned into pixels as a screen shows it, is read
    by a real decoder (zbar) as the admin link."""
    from tests.browser import decode_qr

    lines: list[str] = []
    with admin_serving(site(), lines) as (_, link):
        drawn = [line.rstrip("\n") for line in lines if set(line.strip()) <= set("█▀▄ ")
                 and line.strip()]
    light = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}  # (top, bottom) light
    width = max(len(row) for row in drawn)
    image = Image.new("L", (width, 2 * len(drawn)), 255)
    for y, row in enumerate(drawn):
        for x, char in enumerate(row.ljust(width, "█")):
            top, bottom = light[char]
            image.putpixel((x, 2 * y), 255 * top)
            image.putpixel((x, 2 * y + 1), 255 * bottom)
    big = image.resize((image.width * 8, image.height * 8), Image.Resampling.NEAREST)
    framed = Image.new("L", (big.width + 64, big.height + 64), 255)
    framed.paste(big, (32, 32))
    framed.save(tmp_path / "qr.png")
    assert decode_qr(tmp_path / "qr.png") == [link]


TARGETS = "nav a, .items a, button, .button, select, input:not([type=hidden]):not([type=checkbox]), textarea, label.check"


def small_targets(page: Page) -> list[str]:
    """Tap targets under 44 CSS px high, or overflowing the 360 px screen."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
        .filter(([_, r]) => r.height < 44 || r.right > 361)
        .map(([html, r]) => `${html} ${Math.round(r.height)}x${Math.round(r.width)}`)""",
                         TARGETS)


def test_every_admin_page_fits_a_thumb_at_360_px(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    _, url, link = served
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(link)
    every_page_fits(page, url, "page")
    page.get_by_role("button", name="Buat file zip").click()
    expect(page.locator("#progress")).to_contain_text("File zip siap")
    shot(page, "page-publish-zip")
    assert all(r.startswith(url + "/") for r in requests), "no request leaves the laptop"
    context.close()


def every_page_fits(page: Page, url: str, label: str) -> None:
    for path, name in [("/admin/", "list"), ("/admin/produk/keset.yaml", "product"),
                       ("/admin/produk/baru", "product-new"), ("/admin/cerita/", "stories"),
                       ("/admin/cerita/baru", "story-new"),
                       ("/admin/pengaturan/site.yaml", "settings"), ("/admin/sampah", "trash"),
                       ("/admin/terbitkan", "publish")]:
        answer = page.goto(url + path)
        assert answer and answer.status == 200, path
        assert page.locator(TARGETS).count() >= 6, path  # the nav alone has 6
        assert small_targets(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        shot(page, f"{label}-{name}")


def test_the_english_admin_fits_a_thumb_at_360_px_too(site, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SITE_YAML

    root = site({P: COMMENTED, "content/site.yaml": SITE_YAML + "language: en\n"})
    with admin_serving(root) as (url, link):
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(link)
        every_page_fits(page, url, "en")
        expect(page.locator("footer button")).to_have_text("Sign out")
        context.close()


def test_with_javascript_a_big_photo_is_made_smaller_on_the_phone(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    """A 12-megapixel phone photo leaves the phone already at 2048 px and without its
    GPS position; the laptop cleans it all the same."""
    import io

    root, url, link = served
    image = Image.effect_noise((4000, 3000), 40).convert("RGB")
    original = io.BytesIO()
    image.save(original, "JPEG", quality=92, exif=_gps_exif())
    data = original.getvalue()
    assert len(data) > 1024 * 1024
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(link)
    page.goto(url + "/admin/produk/keset.yaml")
    page.set_input_files("#f-upload", files=[{"name": "IMG_4000.jpg", "mimeType": "image/jpeg",
                                              "buffer": data}])
    expect(page.locator("#f-upload")).to_have_attribute("data-shrunk", "true", timeout=30000)
    size, kind = page.eval_on_selector("#f-upload", "i => [i.files[0].size, i.files[0].type]")
    assert kind == "image/jpeg" and 10_000 < size < len(data) // 2, "the phone sends less"
    started = time.perf_counter()
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".ok")).to_contain_text("Tersimpan", timeout=30000)
    print(f"\n12 MP photo, shrunk on the phone: save -> saved page "
          f"{time.perf_counter() - started:.2f} s")
    with Image.open(root / "content/images/keset-1.jpg") as stored:
        assert max(stored.size) == 2048 and not stored.getexif()
    context.close()


def _gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7 Pro"
    exif[0x8825] = {1: "S", 2: (7.0, 25.0, 17.0), 3: "E", 4: (109.0, 14.0, 2.0)}
    return exif


def test_bad_uploads_and_names_are_refused_in_the_form(served, browser: Browser,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    """Through the real form, JavaScript off (the bytes go as chosen): each bad photo gets
    its plain message beside the photos, a "../" address is refused, nothing is stored."""
    import io

    from tests.conftest import jpeg

    root, url, link = served
    bomb = io.BytesIO()
    Image.new("1", (20000, 20000)).save(bomb, "PNG")
    bad = [("notes.jpg", "text/plain", b"not a photo at all", "bukan foto"),
           ("logo.eps", "application/postscript", b"%!PS-Adobe-3.0 EPSF-3.0\nshowpage\n",
            "bukan foto"),
           ("logo.svg", "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"/>',
            "bukan foto"),
           ("cut.jpg", "image/jpeg", jpeg((800, 600), quality=95)[:3000], "terpotong"),
           ("bomb.png", "image/png", bomb.getvalue(), "terlalu banyak titik")]
    before = sorted(p.name for p in (root / "content").rglob("*"))
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(link)
    for name, mime, data, words in bad:
        page.goto(url + "/admin/produk/keset.yaml")
        page.set_input_files("#f-upload", files=[{"name": name, "mimeType": mime,
                                                  "buffer": data}])
        page.get_by_role("button", name="Simpan").click()
        expect(page.locator("#e-images")).to_contain_text(words)
    shot(page, "bad-upload")
    page.goto(url + "/admin/produk/keset.yaml")
    huge = tmp_path / "huge.jpg"  # a path: Chromium reads it itself, nothing is piped
    huge.write_bytes(b"\xff" * (40 * 1024 * 1024 + 1))
    page.set_input_files("#f-upload", files=str(huge))
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("main")).to_contain_text("lebih dari 40 MB")
    page.goto(url + "/admin/produk/baru")
    page.fill("#f-slug", "../../site")
    page.fill("#f-name", "Teh")
    page.fill("#f-price", "15000")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#e-slug")).to_contain_text("tidak bisa dipakai")
    assert sorted(p.name for p in (root / "content").rglob("*")) == before
    assert (root / P).read_text() == COMMENTED
    context.close()


def test_a_form_without_its_csrf_token_is_refused(served, browser: Browser) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(link)
    page.goto(url + "/admin/produk/keset.yaml")
    page.fill("#f-price", "99000")
    page.eval_on_selector("input[name=csrf]", "input => input.remove()")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    expect(page.locator("main")).to_contain_text("Ditolak")
    assert (root / P).read_text() == COMMENTED
    context.close()


def _answer_to(url: str, head: bytes, chunks: Iterable[bytes] = ()) -> tuple[bytes, int]:
    """What the server answers to a request sent by hand (its head, then ``chunks`` until
    the server has answered), and how many body bytes went out before it did."""
    import select
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(head)
        sent = 0
        for chunk in chunks:
            if select.select([connection], [], [], 0)[0]:
                break  # answered already
            try:
                connection.sendall(chunk)
            except OSError:  # the server closed it: it wants no more
                break
            sent += len(chunk)
        connection.settimeout(30)
        answer = b""
        try:
            while data := connection.recv(65536):
                answer += data
        except OSError:
            pass
    return answer, sent


def test_a_too_big_form_is_refused_before_its_body_is_read(served) -> None:  # type: ignore[no-untyped-def]
    """The preview server answers from the request's head alone; a body sent in chunks,
    without a length, is cut off once past the limit. Neither is kept."""
    from etalase.admin.web import MAX_BODY

    root, url, _ = served
    head = ("POST /admin/produk/keset.yaml HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\n")
    answer, _ = _answer_to(url, f"{head}Content-Length: {200 * 1024 * 1024}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert "lebih dari 40 MB" in answer.decode()
    megabyte = b"x" * (1024 * 1024)
    chunks = (b"%x\r\n%s\r\n" % (len(megabyte), megabyte) for _ in range(200))
    answer, sent = _answer_to(url, f"{head}Transfer-Encoding: chunked\r\n\r\n".encode(), chunks)
    assert answer.startswith(b"HTTP/1.1 413 ") and "lebih dari 40 MB" in answer.decode()
    assert sent < MAX_BODY + 16 * 1024 * 1024, "the server stopped reading near the limit"
    assert get(url + "/")[0] == 200, "the server goes on"
    assert (root / P).read_text() == COMMENTED
    assert not (root / "content/images/keset-1.jpg").exists()


def test_a_60_mb_photo_gets_a_page_in_plain_words_and_keluar_ends_the_session(
        served, browser: Browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, url, link = served
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(link)
    page.goto(url + "/admin/produk/keset.yaml")
    huge = tmp_path / "video-besar.jpg"
    huge.write_bytes(b"\xff" * (60 * 1024 * 1024))
    page.set_input_files("#f-upload", files=str(huge))
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("main")).to_contain_text("lebih dari 40 MB")
    shot(page, "too-big")
    page.get_by_role("link", name="Kembali ke formulir").click()
    expect(page.locator("#f-price")).to_have_value("25000")
    page.get_by_role("button", name="Keluar").click()
    expect(page.locator("main")).to_contain_text("Anda sudah keluar")
    shot(page, "logged-out")
    answer = page.goto(url + "/admin/")
    assert answer and answer.status == 401
    assert (root / P).read_text() == COMMENTED
    assert not (root / "content/images/keset-1.jpg").exists()
    context.close()
