"""Knowing when nothing changed: a fingerprint of every input and of the last output.

A build whose inputs (content, theme, Etalase's own code, options) and output folder are
exactly as the last successful build left them has nothing to do: its result would be
byte-identical. Files are compared by size and modification time, like make and rsync.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

STAMP = ".etalase-cache/build-stamp.json"
PACKAGE = Path(__file__).resolve().parent


def fingerprint(*folders: Path, extra: str = "") -> str:
    hasher = hashlib.sha256(extra.encode())
    for folder in folders:
        if folder.exists():
            for path, size, mtime in _files(str(folder.resolve())):
                hasher.update(f"{path}\0{size}\0{mtime}\n".encode())
    return hasher.hexdigest()


def _files(top: str) -> list[tuple[str, int, int]]:
    """Every regular file under ``top`` with its size and time, sorted (os.walk: this runs
    on every build, and is several times faster than pathlib's rglob)."""
    found = []
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((path, info.st_size, info.st_mtime_ns))
    return sorted(found)


def inputs(root: Path, options: str) -> str:
    return fingerprint(root / "content", root / "themes", PACKAGE,
                       extra=f"{sys.version}\0{options}")


def load(root: Path) -> dict[str, Any] | None:
    try:
        return json.loads((root / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def save(root: Path, record: dict[str, Any]) -> None:
    path = root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(record), "utf-8")
    partial.replace(path)
