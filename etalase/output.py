"""Writes the site into a staging folder beside ``build/`` and swaps it in at the end.

A failed build removes its staging folder and leaves the previous ``build/`` exactly as
it was; a successful one replaces it whole, so deleted pages leave no trace.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath


class DuplicateOutput(Exception):
    """Two sources asked to write the same file."""

    def __init__(self, path: str, first: str, second: str) -> None:
        super().__init__(path)
        self.path, self.first, self.second = path, first, second


class StagedOutput:
    def __init__(self, staging: Path) -> None:
        self.dir = staging
        self.sources: dict[str, str] = {}  # output path -> what wrote it

    def _claim(self, rel: str, source: str) -> Path:
        """The target of ``rel`` (a "/" path in the site); refuses to give one path twice."""
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts:
            raise ValueError(f"output path outside the site: {rel}")
        key = pure.as_posix().lower()  # two names differing in case clash on many hosts
        if key in self.sources:
            raise DuplicateOutput(rel, self.sources[key], source)
        self.sources[key] = source
        target = self.dir / pure
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, rel: str, data: bytes, source: str) -> None:
        self._claim(rel, source).write_bytes(data)

    def text(self, rel: str, text: str, source: str) -> None:
        self.write(rel, text.encode("utf-8"), source)

    def link(self, rel: str, src: Path, source: str) -> None:
        """Places an existing file (a cached image) without reading it: a hard link."""
        target = self._claim(rel, source)
        try:
            os.link(src, target)
        except OSError:  # another file system
            shutil.copyfile(src, target)


@contextmanager
def staged(build_dir: Path) -> Iterator[StagedOutput]:
    """Yields a writer into a fresh folder; swaps it into ``build_dir`` only on success."""
    parent = build_dir.parent
    _remove_leftovers(parent, build_dir.name)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.new-", dir=parent))
    try:
        yield StagedOutput(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, build_dir)


def _swap(staging: Path, build_dir: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it private; hosts need to read it
    if not build_dir.exists():
        os.replace(staging, build_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.old-", dir=build_dir.parent))
    os.replace(build_dir, old / build_dir.name)
    os.replace(staging, build_dir)
    shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(parent: Path, name: str) -> None:
    """Folders of a build that was killed midway; a previous site caught mid-swap is restored."""
    for leftover in sorted(parent.glob(f".{name}.old-*")):
        if not (parent / name).exists() and (leftover / name).is_dir():
            os.replace(leftover / name, parent / name)
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
