"""The content files the admin reads and writes: found by exact name, written atomically,
never overwritten on a stale version, and deleted only into a trash outside ``content/``.

A file is known by its name as listed in its folder, never by joining a name from a URL
to a path: ``../`` cannot name anything. A version is the hash of a file's bytes, so a
change made by a text editor or another phone is noticed however the clocks stand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from etalase.catalog import PRODUCTS_DIR, STORIES_DIR
from etalase.language import CONFIG_FILE

TRASH_DIR = ".etalase-trash"
IMAGES_DIR = "content/images"
FOLDERS = {"product": (PRODUCTS_DIR, (".yaml", ".yml")), "story": (STORIES_DIR, (".md",)),
           "settings": ("content", (".yaml",))}
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class Conflict(Exception):
    """The file changed since the form was opened (or a new file's name is taken)."""

    def __init__(self, current: str | None) -> None:
        super().__init__("conflict")
        self.current = current  # the file's text now; None when it was deleted


def version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Trashed:
    id: str
    original: str  # the path it had, relative to the site
    when: str  # ISO time it was deleted


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._seen: OrderedDict[str, str] = OrderedDict()  # version -> text, for diffs

    def rel(self, kind: str, name: str) -> str:
        return f"{FOLDERS[kind][0]}/{name}"

    def names(self, kind: str) -> list[str]:
        folder, suffixes = FOLDERS[kind]
        directory = self.root / folder
        if not directory.is_dir():
            return []
        return sorted(entry.name for entry in os.scandir(directory)
                      if entry.is_file() and not entry.name.startswith(".")
                      and os.path.splitext(entry.name)[1].lower() in suffixes)

    def find(self, kind: str, name: str) -> str | None:
        """The file's site-relative path, when ``name`` is exactly one listed there."""
        stem = os.path.splitext(name)[0]
        if not SAFE_NAME.fullmatch(stem) or name not in self.names(kind):
            return None
        if kind == "settings" and self.rel(kind, name) != CONFIG_FILE:
            return None
        return self.rel(kind, name)

    def read(self, rel: str) -> tuple[str, str]:
        """(text, version); the text is remembered so that a conflict can show changes."""
        text = (self.root / rel).read_bytes().decode("utf-8-sig", "replace")
        return text, self.remember(text)

    def remember(self, text: str) -> str:
        key = version(text)
        self._seen[key] = text
        self._seen.move_to_end(key)
        while len(self._seen) > 200:
            self._seen.popitem(last=False)
        return key

    def seen(self, key: str) -> str | None:
        return self._seen.get(key)

    def write(self, rel: str, text: str, based_on: str | None) -> str:
        """Replaces the file at once, only if it is still the version the form showed
        (``based_on``; None: the file must not exist yet). Returns the new version."""
        path = self.root / rel
        now = path.read_bytes().decode("utf-8-sig", "replace") if path.exists() else None
        if (now is None) != (based_on is None) or (now is not None and version(now) != based_on):
            raise Conflict(now)
        write_atomic(path, text.encode("utf-8"))
        return self.remember(text)

    def trash(self, rel: str) -> Trashed:
        """Moves a content file into the trash, with a note of where it came from."""
        when = dt.datetime.now().isoformat(timespec="seconds")
        entry = Trashed(f"{when.replace(':', '')}-{secrets.token_hex(3)}", rel, when)
        folder = self.root / TRASH_DIR / entry.id
        folder.mkdir(parents=True)
        (folder / "asal.json").write_text(json.dumps(entry.__dict__), encoding="utf-8")
        os.replace(self.root / rel, folder / Path(rel).name)
        return entry

    def trashed(self) -> list[Trashed]:
        trash = self.root / TRASH_DIR
        found = []
        for note in sorted(trash.glob("*/asal.json"), reverse=True) if trash.is_dir() else []:
            try:
                found.append(Trashed(**json.loads(note.read_text(encoding="utf-8"))))
            except (ValueError, TypeError):
                continue
        return found

    def restore(self, entry_id: str) -> str:
        """Puts a trashed file back; refuses (FileExistsError) when its place is taken."""
        entry = next((e for e in self.trashed() if e.id == entry_id), None)
        if entry is None:
            raise FileNotFoundError(entry_id)
        target = self.root / entry.original
        if target.exists():
            raise FileExistsError(entry.original)
        folder = self.root / TRASH_DIR / entry.id
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(folder / target.name, target)  # fails rather than replace a new file
        (folder / target.name).unlink()
        (folder / "asal.json").unlink()
        folder.rmdir()
        return entry.original

    def photo_names(self, slug: str, count: int) -> list[str]:
        """``count`` free names ``images/<slug>-<n>.jpg`` (relative to content/)."""
        names, number = [], 1
        folder = self.root / IMAGES_DIR
        while len(names) < count:
            name = f"{slug}-{number}.jpg"
            if not (folder / name).exists():
                names.append(f"images/{name}")
            number += 1
        return names


def write_atomic(path: Path, data: bytes) -> None:
    """Writes beside the target under a hidden name, then renames over it: a reader (the
    build, a text editor) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        with open(partial, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
