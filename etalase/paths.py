"""Checks that a path written in content points to a real file inside ``content/``."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from etalase.hints import suggest

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif"})
Found = tuple[Path | None, str | None, dict[str, str]]


def resolve_image(raw: str, content: Path) -> Found:
    """The image file for a path relative to ``content/``: (path, None, {}) or a problem."""
    args = {"value": raw}
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", raw) or raw.startswith("//"):
        return None, "path.url", args
    if "\\" in raw:
        return None, "path.backslash", {**args, "fixed": raw.replace("\\", "/")}
    pure = PurePosixPath(raw)
    if pure.is_absolute():
        return None, "path.absolute", args
    if ".." in pure.parts:
        return None, "path.outside", args
    if pure.suffix.lower() not in IMAGE_SUFFIXES:
        return None, "path.not_image", {**args, "kinds": ", ".join(sorted(IMAGE_SUFFIXES))}
    path = content / pure
    if _leaves(content, pure):
        return None, "path.outside", args
    if not path.is_file():
        return None, *_missing(raw, content)
    return path, None, {}


def _leaves(content: Path, rel: PurePosixPath) -> bool:
    """The path goes through a symbolic link that leads out of ``content/``. Only the
    steps inside ``content/`` are looked at (resolving the whole path costs a system call
    for every folder above it, for every photo)."""
    step = content
    for name in rel.parts:
        step = step / name
        if step.is_symlink():
            return not (content / rel).resolve().is_relative_to(content.resolve())
    return False


def _missing(raw: str, content: Path) -> tuple[str, dict[str, str]]:
    files = [
        p.relative_to(content).as_posix()
        for p in content.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
    ]
    same_case = [f for f in files if f.lower() == raw.lower()]
    by_name = {PurePosixPath(f).name: f for f in files}
    close = same_case[0] if same_case else by_name.get(suggest(PurePosixPath(raw).name, by_name))
    if close:
        return "path.missing_close", {"value": raw, "close": close}
    return "path.missing", {"value": raw}
