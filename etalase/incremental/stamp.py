"""Knowing when nothing changed: a fingerprint of every input and of the last output.

A build whose inputs (content, theme, Etalase's own code and the libraries whose output
ends up in pages, options) and output folder are exactly as the last successful build
left them has nothing to do: its result would be byte-identical.

Inputs are known by the hash of their bytes, never by their clocks: a file whose old
modification time was restored (``cp -p``, ``rsync -t``, ``unzip``, two saves within a
FAT disk's two seconds) is still seen to have changed. Text files are small and simply
hashed; photos (and any file over 1 MB) keep their digest from the last scan while
their size, modification time, inode and change time are all as they were — the change
time cannot be set back by any tool, and any write to the file moves it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etalase.digest import file_digest

STAMP = ".etalase-cache/build-stamp.json"
# Their output is part of the site: a new version may make other bytes than the last build.
LIBRARIES = ("jinja2", "pyromark", "nh3", "minify_html", "babel", "yaml", "phonenumbers", "PIL",
             "selectolax")
PACKAGE = Path(__file__).resolve().parent.parent  # etalase/
INPUT_FOLDERS = ("content", "themes")
BIG = 1 << 20  # bytes; bigger files, and photos, may be known by FileId
BIG_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif", ".gif",
                          ".woff", ".woff2", ".ttf", ".otf", ".ico", ".pdf", ".zip"})

# A file of the output: its path inside the folder, size, modification time in ns and
# inode. The inode is what a copy of the folder cannot keep (a ZIP sent back and forth, a
# copy with its times restored): such a build/ is never taken for the one this machine's
# last build made, whatever was changed in it. An update keeps inodes: its unchanged files
# are hard links to the previous site's.
Entry = tuple[str, int, int, int]
Stat = tuple[int, int]  # size, modification time in ns
FileId = tuple[int, int, int, int]  # size, modification and change times in ns, inode
_SAVED: dict[Path, tuple[FileId | None, list[Entry]]] = {}  # root -> the stamp this process
# saved (its file's stat) and the listing of the output it describes


def stat_of(path: str | Path) -> Stat | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def file_id(info: os.stat_result) -> FileId:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def identity(path: str | Path) -> FileId | None:
    try:
        return file_id(os.stat(path))
    except OSError:
        return None


@dataclass
class Inputs:
    """Every input file of a site under content/ and themes/, by the hash of its bytes."""

    files: dict[str, str]  # path relative to the site ("content/site.yaml") -> digest
    known: dict[str, list[Any]]  # big files: path -> [*FileId, digest], for the next scan

    def fingerprint(self, options: str) -> str:
        hasher = hashlib.sha256(f"{environment()}\0{package_digest()}\0{options}\n".encode())
        for rel in sorted(self.files):
            hasher.update(f"{rel}\0{self.files[rel]}\n".encode())
        return hasher.hexdigest()

    def under(self, folder: str) -> dict[str, str]:
        """The digests of the files under ``folder`` ("content"), by path inside it."""
        start = len(folder) + 1
        return {rel[start:]: d for rel, d in self.files.items() if rel.startswith(f"{folder}/")}


def scan(root: Path, known: dict[str, list[Any]] | None = None) -> Inputs:
    """Hashes every input file; ``known``: big files' ids and digests from the last scan."""
    known = known or {}
    inputs = Inputs({}, {})
    for folder in INPUT_FOLDERS:
        top = (root / folder).resolve()
        for place, subfolders, names in os.walk(top):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            inner = os.path.relpath(place, top).replace(os.sep, "/")
            prefix = f"{folder}/" if inner == "." else f"{folder}/{inner}/"
            for name in names:
                _hash_into(inputs, os.path.join(place, name), prefix + name, known)
    return inputs


def _hash_into(inputs: Inputs, path: str, rel: str, known: dict[str, list[Any]]) -> None:
    """Text files are read and hashed without a stat of their own (the scan runs on every
    build); photos and big files are known by their FileId while it is unchanged."""
    try:
        if os.path.splitext(path)[1].lower() in BIG_SUFFIXES:
            digest = _known_or_hashed(path, os.stat(path), rel, inputs, known)
        else:
            with open(path, "rb") as file:
                info = os.fstat(file.fileno())
                if not stat.S_ISREG(info.st_mode):
                    return
                if info.st_size > BIG:
                    digest = _known_or_hashed(path, info, rel, inputs, known)
                else:
                    digest = hashlib.blake2b(file.read(), digest_size=16).hexdigest()
    except OSError:  # gone while looking, or not a file: not an input
        return
    if digest is not None:
        inputs.files[rel] = digest


def _known_or_hashed(path: str, info: os.stat_result, rel: str, inputs: Inputs,
                     known: dict[str, list[Any]]) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return None
    ident = list(file_id(info))
    before = known.get(rel)
    digest = before[4] if before and before[:4] == ident else file_digest(path)
    inputs.known[rel] = [*ident, digest]
    return digest


def package_digest() -> str:
    """Etalase's own code and data, by content, with the theme installed with it when
    that is outside the package (a source checkout's themes/default)."""
    hasher = hashlib.sha256()
    for folder in [PACKAGE, *_installed_theme()]:
        for top, subfolders, names in sorted(os.walk(folder)):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            for name in sorted(names):
                path = os.path.join(top, name)
                rel = os.path.relpath(path, folder)
                hasher.update(f"{folder.name}/{rel}\0{file_digest(path)}\n".encode())
    return hasher.hexdigest()


def _installed_theme() -> list[Path]:
    """The theme used when a site has none, when it is outside the package (a source
    checkout's themes/default; a wheel has it inside PACKAGE)."""
    from etalase import bundled

    found = bundled.theme_dir()
    return [found] if found and not found.is_relative_to(PACKAGE) else []


def digest(entries: list[Entry], extra: str = "") -> str:
    hasher = hashlib.sha256(extra.encode())
    for path, size, mtime, inode in entries:
        hasher.update(f"{path}\0{size}\0{mtime}\0{inode}\n".encode())
    return hasher.hexdigest()


def fingerprint(folder: Path) -> str:
    """The fingerprint of an output folder as it is now."""
    return digest(listing(folder))


def listing(folder: Path) -> list[Entry]:
    """Every regular file under ``folder`` with its size and time, sorted. This runs on
    every build, over a folder per page: read with scandir directly (os.walk would look
    at each of those folders twice more)."""
    found: list[Entry] = []
    top = str(folder.resolve())
    if os.path.isdir(top):
        _list_into(found, top, "")
    return sorted(found)


def _list_into(found: list[Entry], place: str, prefix: str) -> None:
    try:
        entries = list(os.scandir(place))
    except OSError:  # gone while looking
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if not entry.is_symlink():  # as os.walk: a linked folder is not entered
                    _list_into(found, entry.path, f"{prefix}{entry.name}/")
                continue
            info = entry.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((prefix + entry.name, info.st_size, info.st_mtime_ns, info.st_ino))


def _entry(path: str, skip: int) -> Entry | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return path[skip:].replace(os.sep, "/"), info.st_size, info.st_mtime_ns, info.st_ino


def relisted(entries: list[Entry], folder: Path, changed: list[str]) -> list[Entry]:
    """``entries`` (a listing of ``folder``) after the files ``changed`` (relative paths)
    were written or deleted: only those are looked at again."""
    top = str(folder.resolve())
    again = set(changed)
    kept = [entry for entry in entries if entry[0] not in again]
    found = (_entry(os.path.join(top, rel), len(top) + 1) for rel in again)
    return sorted(kept + list(filter(None, found)))


@functools.cache
def environment() -> str:
    """Python's version and the installed files of LIBRARIES, found without importing
    them: installing another version of one rewrites its files, so their ids change."""
    found = [importlib.util.find_spec(name) for name in LIBRARIES]
    origins = [spec.origin if spec and spec.origin else "" for spec in found]
    return repr((sys.version, [(origin, identity(origin)) for origin in origins]))


def output(root: Path, folder: Path, trusted: bool) -> list[Entry]:
    """The listing of the output ``folder``. A ``trusted`` caller is the only writer of
    the folder (``serve``): while the stamp is the one this process saved, the listing
    it saved with it is used, and the folder is not walked."""
    known = _SAVED.get(root.resolve())
    if trusted and known and known[0] == identity(root / STAMP):
        return known[1]
    return listing(folder)


_FIELDS = {"inputs": str, "known": dict, "lang": str, "notes": list, "pages": int,
           "files": int, "output": str}


def load(root: Path) -> dict[str, Any] | None:
    """The last build's stamp; None when there is none, or a file that is not one (hand
    edited, damaged, another version's): the next build is then a whole one."""
    try:
        record = json.loads((root / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(record, dict)
            and all(isinstance(record.get(name), kind) for name, kind in _FIELDS.items())
            and all(isinstance(note, str) for note in record["notes"])
            and all(isinstance(ids, list) and len(ids) == 5 and isinstance(ids[4], str)
                    for ids in record["known"].values())):  # [*FileId, digest]
        return None
    return record


def save(root: Path, record: dict[str, Any], output_listing: list[Entry]) -> None:
    """Saves ``record`` with the fingerprint of the output as ``output_listing`` lists it."""
    path = root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.write_text(json.dumps({**record, "output": digest(output_listing)}), "utf-8")
    partial.replace(path)
    _SAVED[root.resolve()] = (identity(path), output_listing)
