"""Real tools the tests drive: headless Chromium (Debian's) and zbar's QR decoder.

Both are installed by .ci/run; a missing one fails the test with that hint.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

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
