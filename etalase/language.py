"""The site's language, read before anything else so that every message can use it.

Kept apart from :mod:`etalase.config` so that commands can learn it without importing
the whole pipeline (a build with nothing to do should start fast).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from etalase.errors import Report
from etalase.yamlio import load_mapping

CONFIG_FILE = "content/site.yaml"
LANGUAGES = ("id", "en")
MAX_YAML_BYTES = 64 * 1024


def peek_setting(root: Path, key: str) -> str:
    """One text of site.yaml, read leniently before anything is validated ("" if none)."""
    path = root / CONFIG_FILE
    node = load_mapping(path, CONFIG_FILE, Report(), MAX_YAML_BYTES) if path.is_file() else None
    entry = node.entries.get(key) if node else None
    return str(getattr(entry[1], "text", "")).strip() if entry else ""


def peek_language(root: Path) -> str:
    """The site's language for messages."""
    text = peek_setting(root, "language")
    return text if text in LANGUAGES else LANGUAGES[0]


def peek_base_path(root: Path) -> str:
    """The URL path the site will live under, decoded: "/toko" for
    https://user.github.io/toko, "" at a domain's root."""
    return unquote(urlsplit(peek_setting(root, "base_url")).path.rstrip("/"))
