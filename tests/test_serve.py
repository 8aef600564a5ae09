"""The live preview, driven over real HTTP: edits show up, broken edits show an overlay."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from etalase.serve import Route, local_network_address, route
from tests.conftest import PRODUCT_YAML, REPO, SITE_YAML
from tests.pages import Page

P = "content/products/keset.yaml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def until(check: Callable[[], object], seconds: float = 20) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("timed out")


def overlay(html: str) -> str | None:
    page = Page()
    page.feed(html)
    found = page.find("div", id="etalase-error")
    return found[0].text if found else None


@contextmanager
def serving(root: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`python site.py serve` on a free port, once it answers: (its local URL, process)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(REPO / "site.py"), "serve", "--root", str(root), "--port",
         str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        until(lambda: get(url + "/")[0] == 200, 60)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def server(site) -> Iterator[tuple[Path, str, subprocess.Popen]]:  # type: ignore[no-untyped-def]
    root = site()
    with serving(root) as (url, process):
        yield root, url, process


def test_serves_with_live_reload_only_in_responses(server) -> None:  # type: ignore[no-untyped-def]
    root, url, _ = server
    status, html = get(url + "/produk/keset/")
    assert status == 200 and "Rp25.000" in html
    assert "livereload.js" in html
    for page in (root / "build").rglob("*.html"):
        assert "livereload" not in page.read_text()
    assert get(url + "/tidak-ada/")[0] == 404


def test_edit_shows_up_and_broken_edit_shows_the_error_until_fixed(server) -> None:  # type: ignore[no-untyped-def]
    root, url, process = server
    product = root / P
    product.write_text(PRODUCT_YAML.replace("25000", "30000"))
    until(lambda: "Rp30.000" in get(url + "/produk/keset/")[1])
    product.write_text(PRODUCT_YAML.replace("25000", "25.000"))
    text = until(lambda: overlay(get(url + "/produk/keset/")[1]))
    assert (f'masalah: {P}:2: harga "25.000" terbaca sebagai 25 — tulis angka penuh tanpa titik: '
            "25000") in str(text).splitlines()
    status, html = get(url + "/produk/keset/")
    assert status == 200 and "Rp30.000" in html, "the last good page stays"
    assert overlay(get(url + "/")[1]), "every page shows it"
    product.write_text(PRODUCT_YAML.replace("25000", "31000"))
    until(lambda: "Rp31.000" in (html := get(url + "/produk/keset/")[1]) and not overlay(html))
    assert process.poll() is None, "the server kept running"


def test_a_save_made_while_the_first_build_runs_is_built(site) -> None:  # type: ignore[no-untyped-def]
    """The first build runs before anything is watched: a save that lands just as it
    ends (a volunteer edits while a large catalog builds) is built too, not lost until
    the next save."""
    root, port = site(), free_port()
    driver = f"""
from pathlib import Path
from etalase import incremental
from etalase.serve import serve

first = incremental.build

def build(*args, **kwargs):  # the first build, and a save right after it read the files
    incremental.build = first
    built = first(*args, **kwargs)
    (Path({str(root)!r}) / {P!r}).write_text({PRODUCT_YAML.replace("25000", "31000")!r})
    return built

incremental.build = build
serve(Path({str(root)!r}), "127.0.0.1", {port})
"""
    process = subprocess.Popen([sys.executable, "-c", driver], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/produk/keset/"
        until(lambda: "Rp31.000" in get(url)[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_listens_on_localhost_by_default(server) -> None:  # type: ignore[no-untyped-def]
    _, url, process = server
    assert url.startswith("http://127.0.0.1:")
    assert get(url + "/tidak-ada/")[0] == 404
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{url.rsplit(':', 1)[1]}/" in output
    for english in ("Serving on", "Start watching", "Start detecting", "404 GET"):
        assert english not in output, "livereload's and tornado's log lines are not shown"


def test_host_for_phones_shows_the_address_to_open(site) -> None:  # type: ignore[no-untyped-def]
    """With --host 0.0.0.0 the volunteer is told which address a phone on the same Wi-Fi
    opens (0.0.0.0 itself opens nothing), and the site answers there."""
    address = local_network_address()
    with serving(site(), "--host", "0.0.0.0") as (url, process):
        port = url.rsplit(":", 1)[1]
        if address:
            assert get(f"http://{address}:{port}/produk/keset/")[0] == 200
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert f"Pratinjau di http://127.0.0.1:{port}/" in output
    phone = f"Dari ponsel di Wi-Fi yang sama, buka http://{address}:{port}/"
    assert (phone in output) == bool(address), output


def test_open_pages_reload_in_chromium(server, browser) -> None:  # type: ignore[no-untyped-def]
    """The page in a real browser follows each save: new content, the error overlay for a
    broken file (in quick succession), and the fixed page again."""
    root, url, _ = server
    page = browser.new_page()
    page.goto(url + "/produk/keset/")
    expect(page.locator(".price.big")).to_have_text("Rp25.000")
    (root / P).write_text(PRODUCT_YAML.replace("25000", "27500"), encoding="utf-8")
    expect(page.locator(".price.big")).to_have_text("Rp27.500", timeout=15000)
    (root / P).write_text(PRODUCT_YAML.replace("25000", "dua puluh ribu"), encoding="utf-8")
    expect(page.locator("#etalase-error")).to_contain_text(f"{P}:2", timeout=15000)
    (root / P).write_text(PRODUCT_YAML.replace("25000", "30000"), encoding="utf-8")
    expect(page.locator(".price.big")).to_have_text("Rp30.000", timeout=15000)
    expect(page.locator("#etalase-error")).to_have_count(0)
    page.close()


def test_a_page_that_connects_after_a_save_reloads(server, browser) -> None:  # type: ignore[no-untyped-def]
    """livereload tells only the pages already connected. A page still loading when a save
    is rebuilt (its livereload.js held back here) reloads as soon as it connects."""
    root, url, _ = server
    page = browser.new_page()
    held: list = []
    page.route("**/livereload.js*", lambda route: held.append(route))
    page.goto(url + "/produk/keset/", wait_until="domcontentloaded")
    while not held:
        page.wait_for_timeout(50)
    (root / P).write_text(PRODUCT_YAML.replace("25000", "dua puluh ribu"), encoding="utf-8")
    until(lambda: overlay(get(url + "/")[1]))  # rebuilt, with no page connected to hear it
    expect(page.locator("#etalase-error")).to_have_count(0)
    held[0].continue_()
    expect(page.locator("#etalase-error")).to_contain_text(f"{P}:2", timeout=15000)
    page.close()


ROUTES = [  # (base path, URL path) -> (file inside build/, redirect)
    ("", "/", "/", None),
    ("", "/produk/keset/", "/produk/keset/", None),
    ("/toko", "/toko/", "/", None),
    ("/toko", "/toko/produk/keset/", "/produk/keset/", None),
    ("/toko", "/", None, "/toko/"),
    ("/toko", "/toko", None, "/toko/"),
    ("/toko", "/produk/keset/", None, "/toko/produk/keset/"),
    ("/toko", "/tokoku/", None, "/toko/tokoku/"),
    ("/toko kami", "/", None, "/toko%20kami/"),
]


@pytest.mark.parametrize(("base", "path", "file", "redirect"), ROUTES)
def test_routes_under_the_base_path(base: str, path: str, file: str | None,
                                    redirect: str | None) -> None:
    assert route(path, base) == Route(file=file, redirect=redirect)


def test_a_github_pages_site_is_previewed_under_its_path(site) -> None:  # type: ignore[no-untyped-def]
    """With base_url https://user.github.io/toko, the pages link to /toko/...: the preview
    serves them there (it answered 404 on /toko/ before), and / leads to /toko/."""
    root = site({"content/site.yaml": SITE_YAML.replace(
        "https://toko.example.org", "https://user.github.io/toko")})
    with serving(root) as (url, process):
        with urllib.request.urlopen(url + "/", timeout=5) as response:
            assert response.url == url + "/toko/"
            home = response.read().decode()
        page = Page()
        page.feed(home)
        links = [e.attrs["href"] for e in page.find("a") if e.attrs["href"].startswith("/")]
        photos = [e.attrs["src"] for e in page.find("img")]
        assert "/toko/produk/keset/" in links and photos
        for address in links + photos:
            assert address.startswith("/toko/")
            assert get(url + address)[0] == 200, address
        assert get(url + "/toko/tidak-ada/")[0] == 404
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert f"Pratinjau di {url}/toko/" in output
