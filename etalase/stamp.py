"""Knowing when nothing changed: a fingerprint of every input and of the last output.

A build whose inputs (content, theme, Etalase's own code and the libraries whose output
ends up in pages, options) and output folder are
exactly as the last successful build left them has nothing to do: its result would be
byte-identical. Files are compared by size and modification time, like make and rsync.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

STAMP = ".etalase-cache/build-stamp.json"
# Their output is part of the site: a new version may make other bytes than the last build.
LIBRARIES = ("jinja2", "pyromark", "nh3", "minify_html", "babel", "yaml", "phonenumbers", "PIL",
             "selectolax")
PACKAGE = Path(__file__).resolve().parent


Entry = tuple[str, int, int]  # path, size, modification time in ns
Stat = tuple[int, int]  # size, modification time in ns
_SAVED: dict[Path, tuple[Stat | None, list[Entry]]] = {}  # root -> the stamp this process
# saved (its file's stat) and the listing of the output it describes


def stat_of(path: str | Path) -> Stat | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def fingerprint(*folders: Path, extra: str = "") -> str:
    return digest([entry for folder in folders for entry in listing(folder)], extra)


def digest(entries: list[Entry], extra: str = "") -> str:
    hasher = hashlib.sha256(extra.encode())
    for path, size, mtime in entries:
        hasher.update(f"{path}\0{size}\0{mtime}\n".encode())
    return hasher.hexdigest()


def listing(folder: Path) -> list[Entry]:
    """Every regular file under ``folder`` with its size and time, sorted (os.walk: this
    runs on every build, and is several times faster than pathlib's rglob)."""
    found = []
    for top, subfolders, names in os.walk(folder.resolve()):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += filter(None, (_entry(os.path.join(top, name)) for name in names))
    return sorted(found)


def _entry(path: str) -> Entry | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (path, info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None


def relisted(entries: list[Entry], folder: Path, changed: list[str]) -> list[Entry]:
    """``entries`` (a listing of ``folder``) after the files ``changed`` (relative paths)
    were written or deleted: only those are looked at again."""
    top = folder.resolve()
    paths = {os.path.join(top, rel) for rel in changed}
    kept = [entry for entry in entries if entry[0] not in paths]
    return sorted(kept + list(filter(None, map(_entry, paths))))


def inputs(root: Path, options: str) -> str:
    return fingerprint(root / "content", root / "themes", PACKAGE, *_installed_theme(),
                       extra=f"{environment()}\0{options}")


def _installed_theme() -> list[Path]:
    """The theme used when a site has none, when it is outside the package (a source
    checkout's themes/default; a wheel has it inside PACKAGE)."""
    from etalase import bundled

    found = bundled.theme_dir()
    return [found] if found and not found.is_relative_to(PACKAGE) else []


@functools.cache
def environment() -> str:
    """Python's version and the installed files of LIBRARIES, found without importing
    them: installing another version of one rewrites its files, so their stats change."""
    found = [importlib.util.find_spec(name) for name in LIBRARIES]
    origins = [spec.origin if spec and spec.origin else "" for spec in found]
    return repr((sys.version, [(origin, stat_of(origin)) for origin in origins]))


def output(root: Path, folder: Path, trusted: bool) -> list[Entry]:
    """The listing of the output ``folder``. A ``trusted`` caller is the only writer of
    the folder (``serve``): while the stamp is the one this process saved, the listing
    it saved with it is used, and the folder is not walked."""
    known = _SAVED.get(root.resolve())
    if trusted and known and known[0] == stat_of(root / STAMP):
        return known[1]
    return listing(folder)


def load(root: Path) -> dict[str, Any] | None:
    try:
        return json.loads((root / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def save(root: Path, record: dict[str, Any], output_listing: list[Entry]) -> None:
    """Saves ``record`` with the fingerprint of the output as ``output_listing`` lists it."""
    path = root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps({**record, "output": digest(output_listing)}), "utf-8")
    partial.replace(path)
    _SAVED[root.resolve()] = (stat_of(path), output_listing)
