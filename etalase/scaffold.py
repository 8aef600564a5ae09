"""``init`` / ``new product`` / ``new story``: commented starter files for volunteers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from etalase import bundled
from etalase.catalog import PRODUCTS_DIR, STORIES_DIR, slugify
from etalase.errors import EtalaseError
from etalase.language import CONFIG_FILE

KINDS = {"product": (PRODUCTS_DIR, ".yaml"), "story": (STORIES_DIR, ".md")}
# What ``init`` writes: a starter for each file, and the folders content files go in.
SITE_FILES = {CONFIG_FILE: "site.yaml", f"{PRODUCTS_DIR}/keset-perca-contoh.yaml":
              "example-product.yaml", ".gitignore": "gitignore"}
SITE_FOLDERS = ("content/images", STORIES_DIR)


def init_site(folder: Path, lang: str) -> list[str]:
    """Lays out a new site folder and returns what it wrote; never overwrites a file."""
    taken = [rel for rel in SITE_FILES if (folder / rel).exists()]
    if taken:
        raise EtalaseError("init.exists", lang, path=(folder / taken[0]).as_posix())
    for rel in SITE_FOLDERS:
        (folder / rel).mkdir(parents=True, exist_ok=True)
    for rel, name in SITE_FILES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        with (folder / rel).open("x", encoding="utf-8") as handle:
            handle.write(bundled.starter(name))
    return [*SITE_FILES, *(f"{rel}/" for rel in SITE_FOLDERS)]


def starter(kind: str, name: str, today: dt.date) -> str:
    """The starter text, with the name quoted so that any characters are safe in YAML."""
    template = bundled.starter(f"{kind}{KINDS[kind][1]}")
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
