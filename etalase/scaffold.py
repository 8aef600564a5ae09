"""``new product`` / ``new story``: commented starter files for volunteers."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path

from etalase.catalog import PRODUCTS_DIR, STORIES_DIR, slugify
from etalase.errors import EtalaseError

KINDS = {"product": (PRODUCTS_DIR, ".yaml"), "story": (STORIES_DIR, ".md")}


def starter(kind: str, name: str, today: dt.date) -> str:
    """The starter text, with the name quoted so that any characters are safe in YAML."""
    template = (files("etalase") / "starters" / f"{kind}{KINDS[kind][1]}").read_text("utf-8")
    return (
        template.replace("{name}", json.dumps(name, ensure_ascii=False))
        .replace("{slug}", slugify(name))
        .replace("{today}", today.isoformat())
    )


def create(root: Path, kind: str, name: str, lang: str, today: dt.date | None = None) -> Path:
    """Writes the starter file and returns its path; never overwrites a file."""
    slug = slugify(name)
    if not slug:
        raise EtalaseError("new.bad_name", lang, name=name)
    folder, suffix = KINDS[kind]
    path = root / folder / f"{slug}{suffix}"
    if path.exists():
        raise EtalaseError("new.exists", lang, path=path.relative_to(root).as_posix())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(starter(kind, name.strip(), today or dt.date.today()))
    return path
