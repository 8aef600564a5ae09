"""The build's memory and its one writer: what changed, what each page read, and how a
new site becomes live.

The interface, for the command line, ``serve`` and the phone admin:

- :func:`build` ``(root, strict=False, lang="id", serving=False, on_wait=...)`` — the one
  way to build a site: it takes the site's build lock (waiting, after calling
  ``on_wait`` once, for another build to finish), then builds ``root`` into ``build/``
  and returns :class:`etalase.build.Built`. It raises ``click.ClickException`` subclasses
  only (content problems, a full disk, another build that never finished), whose
  ``format_message()`` is a plain sentence in the site's language.
- :func:`locked` ``(root, on_wait=...)`` — the same lock, for commands that write other
  files beside ``build/`` or read ``build/`` while it must not change (deploy, print).
- :func:`complete` ``(root)`` — whether ``build/`` is exactly what a successful build
  left (deploy refuses anything else).
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from etalase.errors import EtalaseError
from etalase.incremental import lock

if TYPE_CHECKING:
    from etalase.build import Built

__all__ = ["build", "complete", "locked"]


def _quiet() -> None:
    pass


@contextmanager
def locked(root: Path, on_wait: Callable[[], None] = _quiet, lang: str = "id",
           wait: float | None = None) -> Iterator[None]:
    """Holds the site's build lock; another process's build is waited for (``on_wait``
    is called once when that happens), up to ``wait`` seconds (default: 15 minutes, or
    ETALASE_LOCK_TIMEOUT)."""
    try:
        with lock.locked(root, on_wait, wait):
            yield
    except lock.Busy as busy:
        raise EtalaseError("build.busy", lang, seconds=f"{busy.seconds:g}") from None


def build(root: Path, strict: bool = False, lang: str = "id", serving: bool = False,
          on_wait: Callable[[], None] = _quiet, wait: float | None = None) -> Built:
    """Builds ``root`` into ``build/`` while holding the build lock (see the module)."""
    with locked(root, on_wait, lang, wait), _plain_system_errors(lang):
        from etalase import build as pipeline

        return pipeline.build(root, strict, lang, serving)


def complete(root: Path) -> bool:
    """``build/`` is the complete output of the last successful build, untouched since:
    the stamp saved after it describes exactly the files it holds."""
    from etalase import stamp
    from etalase.build import BUILD_DIR

    last = stamp.load(root)
    folder = root / BUILD_DIR
    return bool(last) and folder.is_dir() and last["output"] == stamp.fingerprint(folder)


FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


@contextmanager
def _plain_system_errors(lang: str) -> Iterator[None]:
    """A full disk or a folder that cannot be written, said in plain words (``build/``
    still holds a complete site: the previous one, or the new one if only the
    bookkeeping after the swap failed)."""
    try:
        yield
    except OSError as failure:
        if failure.errno in FULL:
            raise EtalaseError("build.disk_full", lang) from failure
        where = failure.filename or "?"
        raise EtalaseError("build.os_error", lang, path=where,
                           reason=failure.strerror or str(failure)) from failure
