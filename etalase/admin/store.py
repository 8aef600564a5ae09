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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from etalase.catalog import PRODUCTS_DIR, STORIES_DIR
from etalase.language import CONFIG_FILE

TRASH_DIR = ".etalase-trash"
NOTE = "asal.json"  # in each trash entry: where its files came from
PHOTOS = "foto"  # in each trash entry: its photos, by their path under content/
TEXT_SUFFIXES = (".yaml", ".yml", ".md")  # content files that may name a photo
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
    """One deletion: a product or story file with the photos only it showed, or photos
    taken off a product or story (``owner``) that nothing else shows."""

    id: str
    original: str  # the path it had, relative to the site ("" for photos alone)
    when: str  # ISO time it was deleted
    photos: tuple[str, ...] = ()  # as written in content: "images/keset-1.jpg"
    owner: str = ""  # photos alone: the file they were taken off
    alts: dict[str, str] = field(default_factory=dict)  # photos alone: their descriptions


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

    def trash(self, rel: str, photos: Sequence[str] = ()) -> Trashed:
        """Moves a content file into the trash, with the photos given (only it shows
        them) and a note of where each came from."""
        entry = self._entry(rel, photos, "")
        os.replace(self.root / rel, self.root / TRASH_DIR / entry.id / Path(rel).name)
        return entry

    def trash_photos(self, photos: Sequence[str], owner: str,
                     alts: dict[str, str] | None = None) -> Trashed:
        """Moves photos taken off ``owner`` (and shown nowhere else) into the trash, with
        their descriptions, so that restoring them puts them back as they were."""
        return self._entry("", photos, owner, alts or {})

    def _entry(self, rel: str, photos: Sequence[str], owner: str,
               alts: dict[str, str] | None = None) -> Trashed:
        when = dt.datetime.now().isoformat(timespec="seconds")
        entry = Trashed(f"{when.replace(':', '')}-{secrets.token_hex(3)}", rel, when,
                        tuple(photos), owner, alts or {})
        folder = self.root / TRASH_DIR / entry.id
        folder.mkdir(parents=True)
        for src in photos:
            kept = folder / PHOTOS / src
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.root / "content" / src, kept)
        note = {**entry.__dict__, "photos": list(entry.photos)}
        (folder / NOTE).write_text(json.dumps(note), encoding="utf-8")
        return entry

    def trashed(self) -> list[Trashed]:
        trash = self.root / TRASH_DIR
        found = []
        for note in sorted(trash.glob(f"*/{NOTE}"), reverse=True) if trash.is_dir() else []:
            try:
                data = json.loads(note.read_text(encoding="utf-8"))
                found.append(Trashed(**{**data, "photos": tuple(data.get("photos", ()))}))
            except (ValueError, TypeError):
                continue
        return found

    def restore(self, entry_id: str) -> Trashed:
        """Puts a trashed file and its photos back; refuses (FileExistsError) when the
        place of any of them is taken, before moving anything."""
        entry = next((e for e in self.trashed() if e.id == entry_id), None)
        if entry is None:
            raise FileNotFoundError(entry_id)
        folder = self.root / TRASH_DIR / entry.id
        moves = [(folder / PHOTOS / src, self.root / "content" / src) for src in entry.photos]
        if entry.original:
            moves.append((folder / Path(entry.original).name, self.root / entry.original))
        for _, target in moves:
            if target.exists():
                raise FileExistsError(target.relative_to(self.root).as_posix())
        for kept, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(kept, target)  # fails rather than replace a new file
            kept.unlink()
        (folder / NOTE).unlink()
        for emptied in sorted(folder.rglob("*"), reverse=True):
            emptied.rmdir()  # only empty folders are left: anything else stays, and says so
        folder.rmdir()
        return entry

    def shown_elsewhere(self, src: str, besides: str) -> bool:
        """Whether a content file other than ``besides`` names the photo. Matched by the
        photo's file name in the files' text: in doubt, a photo stays where it is."""
        name = PurePosixPath(src).name
        content = self.root / "content"
        for path in content.rglob("*"):
            if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
                continue
            if path.relative_to(self.root).as_posix() == besides:
                continue
            if name in path.read_text(encoding="utf-8", errors="replace"):
                return True
        return False

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
