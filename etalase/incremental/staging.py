"""Staging: a new site is made beside ``build/`` and made live in one step.

A whole build writes every file into the staging folder. An update (few inputs changed)
holds its changed files until everything has rendered, then stages the new site: the
changed files written, every unchanged one a hard link to the previous site's (free:
no bytes are copied). Either way, ``build/`` is at every instant entirely the previous
site or entirely the new one, whatever stops the build (Ctrl-C, SIGKILL, a full disk,
an exception): what was staged is removed on failure, or, if the process was killed,
by the next build (which holds the build lock, so no one else's staging is touched).

Making it live: on Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the staging folder and
``build/`` in one system call (macOS: ``renamex_np(RENAME_SWAP)``). ``build/`` stays a
real folder, so hosts that publish it (Netlify's own build), ``serve``, deploys and
people's file managers see nothing new. Where no such call exists, the two-rename dance
is used (``build/`` -> ``.build.old-*``, staging -> ``build/``): between the two renames
``build/`` is absent for an instant, and a build killed right there is undone by the
next one, which moves the previous site back. A symlink swapped with rename(2) was the
other atomic choice; it was not taken because ``build`` would then be a link:
``shutil.rmtree`` refuses it, hosts and zip tools may publish the link instead of the
site, and Windows needs privileges for it.

The previous site, once swapped out, is kept as the spare
(``.etalase-cache/spare-build``): the next update takes it as its staging folder and
replaces only the files that differ, checked one by one against ``build/`` by inode (so
a spare left half done by a killed build is still put right), instead of making every
folder and link again and deleting the old tree: at 5,000 products that was most of an
update's time. A file of the spare is never written in place: it may be a hard link to
the live site's.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from etalase.output import Output, StagedOutput, place

SPARE = ".etalase-cache/spare-build"  # the site before the live one, for the next update


class UpdatedOutput(Output):
    """Changes to the previous site, held until ``commit``: new or changed files, and
    files kept as they are. Whatever is neither is not in the new site."""

    def __init__(self, build_dir: Path, previous: list[str]) -> None:
        super().__init__(build_dir)
        self.previous = previous  # the files of the previous site
        self._had = set(previous)  # an update is made only to a build/ left as it was
        self.pending: dict[str, bytes | Path] = {}  # claimed path -> bytes or a file

    def exists(self, rel: str) -> bool:
        """The previous site has this file (content-named files need no rewriting)."""
        return rel in self._had

    def keep(self, rel: str, source: str) -> None:
        self.claim(rel, source)

    def put(self, rel: str, data: bytes) -> None:
        try:
            if (self.dir / rel).read_bytes() == data:
                return
        except OSError:
            pass
        self.pending[rel] = data

    def link(self, rel: str, src: Path, source: str) -> None:
        posix = self.claim(rel, source)
        if posix not in self._had:  # image names carry their content's hash
            self.pending[posix] = src

    def commit(self, staging: Path, reused: bool = False) -> None:
        """Writes the new site into ``staging``: changed files, and hard links to the
        previous site's unchanged ones (plain strings: thousands of paths per update).
        ``reused``: staging is the site before the previous one (see ``_staging``), whose
        files are brought up to date: only what differs is unlinked and replaced, never
        written in place (its files are hard links shared with ``build/``)."""
        pending = self.pending
        old, new = str(self.dir), str(staging)
        if reused:
            _prune(new, set(self.paths))
        made: set[str] = {new}
        for rel in self.paths:
            target = f"{new}/{rel}"
            data = pending.get(rel)
            if reused:
                if data is None and _same_file(f"{old}/{rel}", target):
                    continue  # unchanged since the site before the previous one
                _unlink(target)
            folder = target.rpartition("/")[0]
            if folder not in made:
                _folder(folder)
                made.add(folder)
            if data is None:
                place(f"{old}/{rel}", target)
            elif isinstance(data, bytes):
                with open(target, "xb") as file:  # x: never through another file's inode
                    file.write(data)
            else:
                place(data, target)
        deleted = [rel for rel in self.previous if rel.lower() not in self.sources]
        self.changed = list(pending) + deleted


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samestat(os.lstat(first), os.lstat(second))
    except FileNotFoundError:
        return False


def _unlink(path: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(path)


def _prune(top: str, wanted: set[str]) -> None:
    """Removes from a reused staging folder every file the new site does not have, and
    the folders that leaves empty (and any link to a folder: a site has none)."""
    start = len(top) + 1
    for folder, folders, files in os.walk(top, topdown=False):
        for name in files:
            path = f"{folder}/{name}"
            if path[start:] not in wanted:
                os.unlink(path)
        for name in folders:
            path = f"{folder}/{name}"
            if os.path.islink(path):
                os.unlink(path)
                continue
            with suppress(OSError):
                os.rmdir(path)  # only when empty


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
    with _staging(build_dir, reuse=True) as (staging, reused):
        out.commit(staging, reused)


@contextmanager
def staged(build_dir: Path) -> Iterator[StagedOutput]:
    """Yields a writer into a fresh folder; swaps it into ``build_dir`` only on success."""
    with _staging(build_dir) as (staging, _):
        yield StagedOutput(staging)


@contextmanager
def _staging(build_dir: Path, reuse: bool = False) -> Iterator[tuple[Path, bool]]:
    """A fresh folder beside ``build/``, made live on success, removed on failure; with
    ``reuse``, the spare (the site before the previous one) when there is one, which an
    update brings up to date with a few changes instead of making thousands of folders
    and links (the caller is told which it got). The caller holds the build lock: no
    other process is using any leftover."""
    parent = build_dir.parent
    recover(build_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.new-", dir=parent))
    reused = reuse and _take_spare(build_dir, staging)
    try:
        yield staging, reused
        staging.chmod(0o755)  # mkdtemp makes it private; hosts need to read it
        _swap(staging, build_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        try:
            recover(build_dir)  # a swap cut short between its two renames
        finally:
            raise


def spare_of(build_dir: Path) -> Path:
    """Where the previous site is kept after a swap, for the next update to rework."""
    return build_dir.parent / SPARE


def _take_spare(build_dir: Path, staging: Path) -> bool:
    """Moves the spare into the (empty) staging folder's place; False if there is none."""
    spare = spare_of(build_dir)
    if not spare.is_dir() or spare.is_symlink():
        return False
    try:
        os.rmdir(staging)
        os.rename(spare, staging)
    except OSError:
        staging.mkdir(exist_ok=True)
        return False
    return True


def _keep_as_spare(old: Path, build_dir: Path) -> None:
    """The site just replaced becomes the spare (or is deleted if it cannot be)."""
    spare = spare_of(build_dir)
    try:
        if spare.is_symlink():  # (rmtree refuses a link; the rename would fail)
            spare.unlink()
        shutil.rmtree(spare, ignore_errors=True)
        spare.parent.mkdir(exist_ok=True)
        os.rename(old, spare)
    except OSError:
        shutil.rmtree(old, ignore_errors=True)


def _swap(staging: Path, build_dir: Path) -> None:
    if not os.path.lexists(build_dir):
        os.rename(staging, build_dir)
        return
    if exchange(staging, build_dir):
        _keep_as_spare(staging, build_dir)  # now the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}.old-", dir=build_dir.parent))
    os.replace(build_dir, old / build_dir.name)
    os.replace(staging, build_dir)
    _keep_as_spare(old / build_dir.name, build_dir)
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
