"""Every built page is valid HTML5 with valid CSS, by the Nu HTML Checker (vnu.jar, the
W3C validator's engine), installed from npm by .ci/run and run with Java."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.browser import tool
from tests.conftest import REPO

VNU = REPO / "tests/node_modules/vnu-jar/build/dist/vnu.jar"


def validate(folder: Path) -> list[str]:
    if not VNU.is_file():
        pytest.fail("vnu.jar is missing: run `npm install --prefix tests` (bash .ci/run does)")
    done = subprocess.run(
        [tool("java"), "-jar", str(VNU), "--format", "json", "--also-check-css",
         "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['type']}: {m['message']}"
            for m in messages if not _policy_guess(m)]


def _policy_guess(message: dict) -> bool:
    """The checker's notes on what a page's <meta> policy would block: it reads files with
    no origin, so 'self' matches nothing and hashes are not computed. What the policy
    blocks is tested in Chromium (test_headers.py)."""
    return message["type"] == "info" and "Content Security Policy (meta tag)" in message["message"]


def test_the_checker_finds_mistakes(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!doctype html><title>x</title><p><div></span>")
    assert validate(tmp_path)


def test_every_page_is_valid_html5(sample_build: Path) -> None:
    assert len(list(sample_build.rglob("*.html"))) >= 20
    assert validate(sample_build) == []
