"""Writers of a site's files into a folder: each path claimed once, then written.

``StagedOutput`` writes a whole new site into a fresh folder; the incremental package's
update writer (``etalase.incremental``) holds changed files until it stages them. Where
those folders live, and how one becomes ``build/`` in a single step, is the
incremental package's business (``etalase/incremental/staging.py``).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path, PurePosixPath


class DuplicateOutput(Exception):
    """Two sources asked to write the same file."""

    def __init__(self, path: str, first: str, second: str) -> None:
        super().__init__(path)
        self.path, self.first, self.second = path, first, second


class Output:
    """Where a build puts the site's files; each path is claimed once."""

    direct = False  # put() writes straight to disk, so a forked worker may call it

    def __init__(self, folder: Path) -> None:
        self.dir = folder
        self.sources: dict[str, str] = {}  # output path (lower case) -> what wrote it
        self.paths: list[str] = []  # output paths as given
        self.changed: list[str] | None = None  # an update's written and deleted files

    def claim(self, rel: str, source: str) -> str:
        """Refuses to give one path (a "/" path in the site) twice; returns it written
        plainly (``a/b.html``)."""
        posix = plain_path(rel)
        key = posix.lower()  # two names differing in case clash on many hosts
        if key in self.sources:
            raise DuplicateOutput(rel, self.sources[key], source)
        self.sources[key] = source
        self.paths.append(posix)
        return posix

    def text(self, rel: str, text: str, source: str) -> None:
        self.write(rel, text.encode("utf-8"), source)

    def write(self, rel: str, data: bytes, source: str) -> None:
        self.put(self.claim(rel, source), data)

    def put(self, rel: str, data: bytes) -> None:
        """Writes a path already claimed (as ``claim`` returned it)."""
        raise NotImplementedError

    def exists(self, rel: str) -> bool:
        """The previous site has this file, with the same bytes (content-named files)."""
        raise NotImplementedError

    def keep(self, rel: str, source: str) -> None:
        """Claims a file the previous site has (``exists``), as it is."""
        raise NotImplementedError

    def link(self, rel: str, src: Path, source: str) -> None:
        """Places an existing file (a cached image) without reading it."""
        raise NotImplementedError


class StagedOutput(Output):
    """A whole new site in a fresh folder."""

    direct = True

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._made: set[str] = set()  # folders known to exist: a mkdir is slow on some disks

    def _target(self, rel: str) -> str:
        """Where a file goes (plain strings, not Paths: a site has thousands of files)."""
        target = os.path.join(self.dir, rel)
        parent = os.path.dirname(target)
        if parent not in self._made:
            os.makedirs(parent, exist_ok=True)
            self._made.add(parent)
        return target

    def exists(self, rel: str) -> bool:
        return False  # a fresh folder

    def keep(self, rel: str, source: str) -> None:
        raise ValueError(f"a new site cannot keep {rel}")

    def put(self, rel: str, data: bytes) -> None:
        with open(self._target(rel), "wb") as file:
            file.write(data)

    def link(self, rel: str, src: Path, source: str) -> None:
        """Places an existing file (a cached image) without reading it: a hard link."""
        place(src, self._target(self.claim(rel, source)))


def plain_path(rel: str) -> str:
    """A file's path in the site as written plainly, or ValueError when it would leave
    the site. Paths the build makes are plain already, and are checked without a
    PurePosixPath each (a site has thousands of files)."""
    parts = rel.split("/")
    if rel and "" not in parts and "." not in parts and ".." not in parts:
        return rel
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"output path outside the site: {rel}")
    return pure.as_posix()


NO_HARD_LINK = (errno.EXDEV, errno.EMLINK, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP)


def place(src: str | Path, target: str | Path) -> None:
    try:
        os.link(src, target)
    except OSError as failure:  # another file system, or one without hard links
        if failure.errno not in NO_HARD_LINK:
            raise
        shutil.copyfile(src, target)
