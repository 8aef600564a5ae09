"""The site's language, read before anything else so that every message can use it.

Kept apart from :mod:`etalase.config` so that commands can learn it without importing
the whole pipeline (a build with nothing to do should start fast).
"""

from __future__ import annotations

from pathlib import Path

from etalase.errors import Report
from etalase.yamlio import load_mapping

CONFIG_FILE = "content/site.yaml"
LANGUAGES = ("id", "en")
MAX_YAML_BYTES = 64 * 1024


def peek_language(root: Path) -> str:
    """The site's language for messages, read leniently before anything is validated."""
    report = Report()
    path = root / CONFIG_FILE
    node = load_mapping(path, CONFIG_FILE, report, MAX_YAML_BYTES) if path.is_file() else None
    entry = node.entries.get("language") if node else None
    text = getattr(entry[1], "text", "") if entry else ""
    return text if text in LANGUAGES else LANGUAGES[0]
