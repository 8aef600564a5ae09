"""The code base itself: lint-clean, theme strings complete."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml

from etalase.render import Theme
from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or f"{sys.executable} -m ruff"
    result = subprocess.run([*ruff.split(), "check", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_theme_language_has_the_same_strings() -> None:
    i18n = Theme(REPO, "default").dir / "i18n"
    keys = {p.stem: set(yaml.safe_load(p.read_text())) for p in i18n.glob("*.yaml")}
    assert set(keys) == {"id", "en"}
    assert keys["id"] == keys["en"]
