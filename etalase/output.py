"""Writes the site: whole, into a staging folder swapped in at the end, or, when only a
few files changed, just those files, after everything has been rendered.

A failed build removes its staging folder (or discards what it held in memory) and leaves
the previous ``build/`` exactly as it was; a successful one leaves exactly the new site,
so deleted pages leave no trace. An update killed midway leaves a marker that makes the
next build a whole one.
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


class _Claims:
    direct = False  # put() writes straight to disk, so a forked worker may call it

    def __init__(self, folder: Path) -> None:
        self.dir = folder
        self.sources: dict[str, str] = {}  # output path (lower case) -> what wrote it
        self.paths: list[str] = []  # output paths as given
        self.changed: list[str] | None = None  # an update's written and deleted files

    def claim(self, rel: str, source: str) -> PurePosixPath:
        """Refuses to give one path (a "/" path in the site) twice."""
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts:
            raise ValueError(f"output path outside the site: {rel}")
        key = pure.as_posix().lower()  # two names differing in case clash on many hosts
        if key in self.sources:
            raise DuplicateOutput(rel, self.sources[key], source)
        self.sources[key] = source
        self.paths.append(pure.as_posix())
        return pure

    def text(self, rel: str, text: str, source: str) -> None:
        self.write(rel, text.encode("utf-8"), source)

    def write(self, rel: str, data: bytes, source: str) -> None:
        self.put(self.claim(rel, source), data)

    def put(self, pure: PurePosixPath, data: bytes) -> None:
        """Writes a path already claimed."""
        raise NotImplementedError


class StagedOutput(_Claims):
    """A whole new site in a fresh folder."""

    direct = True

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._made: set[Path] = set()  # folders known to exist: a mkdir is slow on some disks

    def _target(self, pure: PurePosixPath) -> Path:
        target = self.dir / pure
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return target

    def exists(self, rel: str) -> bool:
        return False  # a fresh folder

    def keep(self, rel: str, source: str) -> None:
        raise ValueError(f"a new site cannot keep {rel}")

    def put(self, pure: PurePosixPath, data: bytes) -> None:
        self._target(pure).write_bytes(data)

    def link(self, rel: str, src: Path, source: str) -> None:
        """Places an existing file (a cached image) without reading it: a hard link."""
        _place(src, self._target(self.claim(rel, source)))


def _place(src: Path, target: Path) -> None:
    try:
        os.link(src, target)
    except OSError:  # another file system
        shutil.copyfile(src, target)


class UpdatedOutput(_Claims):
    """Changes to the previous site, held until ``commit``: new or changed files, and
    files kept as they are. Whatever is neither is deleted at commit."""

    def __init__(self, build_dir: Path, previous: list[str]) -> None:
        super().__init__(build_dir)
        self.previous = previous  # the files of the previous site
        self._had = set(previous)  # an update is made only to a build/ left as it was
        self.pending: dict[PurePosixPath, bytes | Path] = {}

    def exists(self, rel: str) -> bool:
        """The previous site has this file (content-named files need no rewriting)."""
        return rel in self._had

    def keep(self, rel: str, source: str) -> None:
        self.claim(rel, source)

    def put(self, pure: PurePosixPath, data: bytes) -> None:
        try:
            if (self.dir / pure).read_bytes() == data:
                return
        except OSError:
            pass
        self.pending[pure] = data

    def link(self, rel: str, src: Path, source: str) -> None:
        pure = self.claim(rel, source)
        if pure.as_posix() not in self._had:  # image names carry their content's hash
            self.pending[pure] = src

    def commit(self) -> None:
        marker = _marker(self.dir)
        marker.touch()
        for pure, data in self.pending.items():
            target = self.dir / pure
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.partial")
            partial.unlink(missing_ok=True)
            if isinstance(data, bytes):
                partial.write_bytes(data)
            else:
                _place(data, partial)
            os.replace(partial, target)
        self.changed = [pure.as_posix() for pure in self.pending] + self._delete_the_rest()
        marker.unlink()

    def _delete_the_rest(self) -> list[str]:
        deleted = [rel for rel in self.previous if rel.lower() not in self.sources]
        for rel in deleted:
            path = self.dir / rel
            path.unlink(missing_ok=True)
            for folder in path.parents:
                if folder == self.dir or any(folder.iterdir()):
                    break
                folder.rmdir()
        return deleted


def _marker(build_dir: Path) -> Path:
    return build_dir.parent / f".{build_dir.name}.updating"


def can_update(build_dir: Path) -> bool:
    """The previous site is whole: no update of it was cut short."""
    return build_dir.is_dir() and not _marker(build_dir).exists()


@contextmanager
def updated(build_dir: Path, previous: list[str]) -> Iterator[UpdatedOutput]:
    """Yields a writer of changes to ``build_dir`` (which holds the files ``previous``),
    applied only on success."""
    out = UpdatedOutput(build_dir, previous)
    yield out
    out.commit()


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
        _marker(build_dir).unlink(missing_ok=True)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.old-", dir=build_dir.parent))
    os.replace(build_dir, old / build_dir.name)
    os.replace(staging, build_dir)
    _marker(build_dir).unlink(missing_ok=True)
    shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(parent: Path, name: str) -> None:
    """Folders of a build that was killed midway; a previous site caught mid-swap is restored."""
    for leftover in sorted(parent.glob(f".{name}.old-*")):
        if not (parent / name).exists() and (leftover / name).is_dir():
            os.replace(leftover / name, parent / name)
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
