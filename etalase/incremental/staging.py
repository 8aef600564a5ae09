"""Staging: a new site is made beside ``build/`` and made live in one step.

A whole build writes every file into the staging folder. An update (few inputs changed)
holds its changed files until everything has rendered, then stages the new site: the
changed files written, every unchanged one a hard link to the previous site's (free:
no bytes are copied). Either way, ``build/`` is at every instant entirely the previous
site or entirely the new one, whatever stops the build (Ctrl-C, SIGKILL, a full disk,
an exception): what was staged is removed on failure, or, if the process was killed,
by the next build (which holds the build lock, so no one else's staging is touched).

Making it live: on Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the staging folder and
``build/`` in one system call (macOS: ``renamex_np(RENAME_SWAP)``), and the previous site,
now under the staging name, is deleted. ``build/`` stays a real folder, so hosts that
publish it (Netlify's own build), ``serve``, deploys and people's file managers see
nothing new. Where no such call exists, the two-rename dance is used (``build/`` ->
``.build.old-*``, staging -> ``build/``): between the two renames ``build/`` is absent for
an instant, and a build killed right there is undone by the next one, which moves the
previous site back. A symlink swapped with rename(2) was the other atomic choice; it was
not taken because ``build`` would then be a link: ``shutil.rmtree`` refuses it, hosts and
zip tools may publish the link instead of the site, and Windows needs privileges for it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from etalase.output import Output, StagedOutput, place


class UpdatedOutput(Output):
    """Changes to the previous site, held until ``commit``: new or changed files, and
    files kept as they are. Whatever is neither is not in the new site."""

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

    def commit(self, staging: Path) -> None:
        """Writes the new site into ``staging``: changed files, and hard links to the
        previous site's unchanged ones (plain strings: thousands of paths per update)."""
        pending = {pure.as_posix(): data for pure, data in self.pending.items()}
        old, new = str(self.dir), str(staging)
        made: set[str] = {new}
        for rel in self.paths:
            target = f"{new}/{rel}"
            folder = target.rpartition("/")[0]
            if folder not in made:
                _folder(folder)
                made.add(folder)
            data = pending.get(rel)
            if data is None:
                place(f"{old}/{rel}", target)
            elif isinstance(data, bytes):
                with open(target, "xb") as file:
                    file.write(data)
            else:
                place(data, target)
        deleted = [rel for rel in self.previous if rel.lower() not in self.sources]
        self.changed = list(pending) + deleted


def _folder(path: str) -> None:
    """Makes a folder whose parent usually exists already (one system call, then)."""
    try:
        os.mkdir(path)
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)
    except FileExistsError:
        pass


@contextmanager
def updated(build_dir: Path, previous: list[str]) -> Iterator[UpdatedOutput]:
    """Yields a writer of changes to ``build_dir`` (which holds the files ``previous``);
    on success, the new site is staged and swapped in."""
    out = UpdatedOutput(build_dir, previous)
    yield out
    with _staging(build_dir) as staging:
        out.commit(staging)


@contextmanager
def staged(build_dir: Path) -> Iterator[StagedOutput]:
    """Yields a writer into a fresh folder; swaps it into ``build_dir`` only on success."""
    with _staging(build_dir) as staging:
        yield StagedOutput(staging)


@contextmanager
def _staging(build_dir: Path) -> Iterator[Path]:
    """A fresh folder beside ``build_dir``, made live on success, removed on failure.
    The caller holds the build lock: no other process is using any leftover."""
    parent = build_dir.parent
    recover(build_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.new-", dir=parent))
    try:
        yield staging
        staging.chmod(0o755)  # mkdtemp makes it private; hosts need to read it
        _swap(staging, build_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        try:
            recover(build_dir)  # a swap cut short between its two renames
        finally:
            raise


def _swap(staging: Path, build_dir: Path) -> None:
    if not os.path.lexists(build_dir):
        os.rename(staging, build_dir)
        return
    if exchange(staging, build_dir):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.old-", dir=build_dir.parent))
    os.replace(build_dir, old / build_dir.name)
    os.replace(staging, build_dir)
    shutil.rmtree(old, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swaps two paths in one system call; False where the system has no such call."""
    call = _exchange_call()
    if call is None:
        return False
    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False  # e.g. a file system without the call: the caller renames twice
    raise OSError(code, os.strerror(code), str(second))


_EXCHANGE_CALLS: list = []


def _exchange_call():  # type: ignore[no-untyped-def]
    """renameat2(RENAME_EXCHANGE) (Linux 3.15, glibc 2.28) or renamex_np(RENAME_SWAP)."""
    if not _EXCHANGE_CALLS:
        _EXCHANGE_CALLS.append(_find_exchange_call())
    return _EXCHANGE_CALLS[0]


def _find_exchange_call():  # type: ignore[no-untyped-def]
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2
        return lambda a, b: libc.renameat2(at_fdcwd, a, at_fdcwd, b, rename_exchange)
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        rename_swap = 2
        return lambda a, b: libc.renamex_np(a, b, rename_swap)
    return None


def recover(build_dir: Path) -> None:
    """Undoes what a build killed midway left: a previous site caught between the two
    renames is put back; staging folders and old sites are removed. Run under the lock."""
    parent, name = build_dir.parent, build_dir.name
    for leftover in sorted(parent.glob(f".{name}.old-*")):
        if not os.path.lexists(build_dir) and (leftover / name).is_dir():
            os.replace(leftover / name, build_dir)
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    (parent / f".{name}.updating").unlink(missing_ok=True)  # left by earlier versions
