"""Checks that a path written in content points to a real file inside ``content/``."""

from __future__ import annotations

import difflib
import re
from pathlib import Path, PurePosixPath

# The photo formats a suffix promises: the one table of which files are photos, for the
# build (imageproc opens a file only as its suffix's format), the checks and the admin.
PHOTO_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP",
                 ".avif": "AVIF", ".heic": "HEIF", ".heif": "HEIF"}
IMAGE_SUFFIXES = frozenset(PHOTO_FORMATS)
Found = tuple[Path | None, str | None, dict[str, str]]
NEAR = 0.85  # how alike two photo names must be for one to be offered for the other


def own_folder(path: Path) -> Path:
    """``path`` as a real folder: a symbolic link in its place (a site folder unpacked
    from a ZIP may hold one, pointing anywhere) is removed, never followed, as builds
    delete and replace what is in their folders."""
    if path.is_symlink():
        path.unlink()
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_image(raw: str, content: Path, owner: str = "") -> Found:
    """The image file for a path relative to ``content/``: (path, None, {}) or a problem.
    ``owner``: the address (slug) of the product or story naming it, for suggestions."""
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
        return None, *_missing(raw, content, owner)
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


def _missing(raw: str, content: Path, owner: str) -> tuple[str, dict[str, str]]:
    """A missing photo, with the one the volunteer most likely meant: the same name in
    other capitals or with another ending, or a small typo of it, and only a photo named
    after the same product (``owner``). Another product's photo is never offered: it
    would publish the wrong picture."""
    files = [
        p.relative_to(content).as_posix()
        for p in content.rglob("*")
        if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
    ]
    same_case = [f for f in files if f.lower() == raw.lower()]
    typed = _words(PurePosixPath(raw).stem)
    near = [f for f in files if _near(_words(PurePosixPath(f).stem), typed)
            and (not owner or _near(_words(PurePosixPath(f).stem), _words(owner), prefix=True))]
    close = same_case[0] if same_case else _closest(typed, near)
    if close:
        return "path.missing_close", {"value": raw, "close": close}
    return "path.missing", {"value": raw}


def _words(name: str) -> str:
    """ "Keset_Bulat 2" -> "keset bulat 2": capitals and separators do not count."""
    return " ".join(re.split(r"[\s_.-]+", name.lower())).strip()


def _near(name: str, other: str, prefix: bool = False) -> bool:
    if name == other or (prefix and name.startswith(f"{other} ")):
        return True
    return difflib.SequenceMatcher(None, name, other).ratio() >= NEAR


def _closest(typed: str, files: list[str]) -> str | None:
    def likeness(rel: str) -> float:
        return difflib.SequenceMatcher(None, _words(PurePosixPath(rel).stem), typed).ratio()

    return max(sorted(files), key=likeness, default=None)
