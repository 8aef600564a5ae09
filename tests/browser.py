"""Real tools the tests drive: headless Chromium (Debian's, alone or through Playwright)
and zbar's QR decoder.

Both are installed by .ci/run; a missing one fails the test with that hint.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Route, sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: run `bash .ci/run` once, or apt-get install it")
    return found


def screenshot(url: str, out: Path, size: tuple[int, int], scale: int = 1) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [tool("chromium"), *FLAGS, f"--user-data-dir={profile}",
             f"--window-size={size[0]},{size[1]}", f"--force-device-scale-factor={scale}",
             f"--screenshot={out}", url],
            capture_output=True, timeout=120, check=True,
        )
    assert out.is_file(), "chromium wrote no screenshot"
    return out


def decode_qr(image: Path) -> list[str]:
    done = subprocess.run([tool("zbarimg"), "--quiet", "--raw", "-Sqrcode.enable", str(image)],
                          capture_output=True, text=True, timeout=120)
    return [line for line in done.stdout.splitlines() if line]


def headers_for(build: Path) -> dict[str, str]:
    """The headers ``_headers`` gives every path ("/*"): the CSP the host would send."""
    found: dict[str, str] = {}
    section = None
    for line in (build / "_headers").read_text().splitlines():
        if not line.startswith(" "):
            section = line.strip()
        elif section == "/*":
            name, value = line.strip().split(": ", 1)
            found[name] = value
    return found


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that hangs up early (a cancelled image) is no server error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class StaticSite:
    """build/ served on a free local port, with the host's headers; can be stopped to
    play a phone that lost its signal."""

    def __init__(self, build: Path, host_headers: bool = True) -> None:
        """``host_headers``: send what ``_headers`` says, as Netlify does (GitHub Pages
        ignores it)."""
        extra = headers_for(build) if host_headers else {}
        served = self.served = []  # the paths asked of this server, in order

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=str(build), **kwargs)  # type: ignore[misc]

            def end_headers(self) -> None:
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

            def log_message(self, *args: object) -> None:
                pass

            def log_request(self, *args: object) -> None:
                served.append(self.path)

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path}"

    def stop(self) -> None:
        if self.thread.is_alive():
            self.server.shutdown()
            self.server.server_close()
            self.thread.join()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=tool("chromium"), args=FLAGS[1:], headless=True)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """A browser context that records every request and lets none leave the local site."""

    def __init__(self, browser: Browser, site: StaticSite, **options: Any) -> None:
        self.site = site
        self.context = browser.new_context(**options)
        self.requests: list[str] = []
        self.orders: list[str] = []  # wa.me links the page tried to open
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.site.origin + "/"):
            route.continue_()
        elif url.startswith("https://wa.me/"):
            self.orders.append(url)
            route.fulfill(status=200, content_type="text/plain", body="whatsapp")
        else:
            route.abort()

    def outside(self) -> list[str]:
        """Requests to anywhere but the local site (wa.me order links are the buyer's tap)."""
        return [u for u in self.requests
                if not u.startswith((self.site.origin + "/", "data:", "https://wa.me/"))]

    def close(self) -> None:
        self.context.close()
