"""The screenshots of PANDUAN.md, taken from the sample site so that they stay current.

    python tools/screenshots.py [OUT_DIR]      (default: docs/panduan/)

A copy of the sample catalog is previewed with ``python site.py serve`` and photographed
in headless Chromium (Debian's, as in the tests) at a phone's 360 px: the home page, a
product page, and the error a broken edit shows over the preview. The PNGs are reduced
to a 64-colour palette so that they stay small in the repository.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 640}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PRODUCT = "keset-bulat-pelangi"
SHOTS = ("beranda.png", "produk.png", "masalah.png")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the preview did not answer at {url}")


def small_png(path: Path) -> None:
    """A 64-colour palette PNG: a screenshot of a page needs no more."""
    with Image.open(path) as shot:
        reduced = shot.convert("RGB").quantize(64, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def take(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        for part in ("content", "themes"):
            shutil.copytree(REPO / part, site / part)
        port = free_port()
        preview = subprocess.Popen(
            [sys.executable, str(REPO / "site.py"), "serve", "--root", str(site), "--port",
             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url + "/")
            return _photograph(url, site, out)
        finally:
            preview.terminate()
            preview.wait(timeout=30)


def _photograph(url: str, site: Path, out: Path) -> list[Path]:
    product = site / "content/products" / f"{PRODUCT}.yaml"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport=PHONE)
        page.goto(url + "/")
        page.screenshot(path=out / SHOTS[0])
        page.goto(f"{url}/produk/{PRODUCT}/")
        page.screenshot(path=out / SHOTS[1])
        text = product.read_text(encoding="utf-8")
        broken = text.replace("price: 35000", "price: 35.000")
        assert broken != text, "the sample product's price line changed: update this script"
        product.write_text(broken, encoding="utf-8")
        page.locator("#etalase-error").wait_for(timeout=60_000)
        page.screenshot(path=out / SHOTS[2])
        browser.close()
    shots = [out / name for name in SHOTS]
    for shot in shots:
        small_png(shot)
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs/panduan"
    for made in take(target):
        print(f"{made} ({made.stat().st_size // 1024} KB)")
