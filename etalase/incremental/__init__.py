"""The build's memory and its one writer: what changed, what each page read, and how a
new site becomes live. Everything incremental lives in this package, behind this
module; the loaders (catalog, config, markup) are pure and know nothing of it.

For the command line, ``serve`` and the phone admin:

- :func:`build` ``(root, strict=False, lang="id", serving=False, on_wait=..., progress=...)``
  — the one way to build a site: takes the site's build lock (when another build holds
  it, calls ``on_wait`` once and waits), answers "nothing changed" from the stamp when it
  can, or runs the pipeline (``etalase.build``), and returns a :class:`Built`. It raises
  ``click.ClickException`` subclasses only (content problems, a full disk, another build
  that never finished), whose ``format_message()`` is a plain sentence in the site's
  language. ``progress(done, total)`` hears of each photo encoded.
- :func:`locked` ``(root, on_wait=...)`` — the same lock, for commands that write other
  files beside ``build/`` or read ``build/`` while it must not change (deploy, print).
- :func:`complete` ``(root)`` — whether ``build/`` is exactly what a successful build
  left (deploy refuses anything else).

For the pipeline (``etalase.build``): :func:`begin` gives one build's :class:`Memory`
(what to read again, the page keys, the staged output, what to remember), and
:class:`PageRecord` is what it remembers of a page.

Inside: ``lock`` (the flock), ``fastpath`` (nothing changed?), ``stamp`` (inputs by
their bytes' hash, the output's listing), ``memo`` (parsed files, page records),
``keys`` (page keys), ``staging`` (stage, then swap), ``memory`` (one build's use of
them). No module outside this package imports those: ``tests/test_code.py`` checks.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etalase import messages
from etalase.errors import EtalaseError
from etalase.incremental import fastpath, lock
from etalase.incremental.fastpath import Built, Decision

if TYPE_CHECKING:
    from etalase.incremental.keys import PageKeys
    from etalase.incremental.memo import PageRecord
    from etalase.incremental.memory import Memory

__all__ = ["BUILD_DIR", "Built", "Decision", "Memory", "PageKeys", "PageRecord", "begin", "build",
           "complete", "locked"]
BUILD_DIR = "build"
CACHE = ".etalase-cache"  # the build's memory, the lock, encoded photos
Progress = Callable[[int, int], None]


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
          on_wait: Callable[[], None] = _quiet, wait: float | None = None,
          progress: Progress | None = None, lenient: bool = False) -> Built:
    """Builds ``root`` into ``build/`` while holding the build lock (see the module);
    ``lenient``: unknown fields are warnings, not errors."""
    with _plain_system_errors(lang), locked(root, on_wait, lang, wait):
        options = _options(strict, lenient)
        decision = fastpath.decide(root, root / BUILD_DIR, options, serving)
        if decision.unchanged is not None:
            return decision.unchanged
        from etalase import build as pipeline

        return pipeline.build(root, strict, lang, progress, decision, lenient)


def begin(root: Path, strict: bool, serving: bool = False,
          decision: Decision | None = None, lenient: bool = False) -> Memory:
    """One build's memory; ``decision``: what ``build`` found out already."""
    from etalase.incremental.memory import Memory

    options = _options(strict, lenient)
    decision = decision or fastpath.decide(root, root / BUILD_DIR, options, serving)
    return Memory(root, root / BUILD_DIR, options, decision)


def _options(strict: bool, lenient: bool) -> str:
    return f"strict={strict} lenient={lenient}"


def complete(root: Path) -> bool:
    """``build/`` is the complete output of the last successful build, untouched since:
    the stamp saved after it describes exactly the files it holds."""
    from etalase.incremental import stamp

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
        where = str(failure.filename2 or failure.filename or "?")  # (a move: where to)
        parts = Path(where).parts
        if CACHE in parts and failure.errno in IN_THE_WAY:
            inside = "/".join(parts[parts.index(CACHE):])
            raise EtalaseError(IN_THE_WAY[failure.errno], lang, path=inside) from failure
        raise EtalaseError("build.os_error", lang, path=where,
                           reason=messages.system_reason(failure, lang)) from failure


IN_THE_WAY = {errno.EEXIST: "build.cache_not_folder", errno.ENOTDIR: "build.cache_not_folder",
              errno.EISDIR: "build.cache_not_file", errno.ENOTEMPTY: "build.cache_not_file"}


_LAZY = {"Memory": "memory", "PageRecord": "memo", "PageKeys": "keys"}


def __getattr__(name: str) -> Any:
    """The pipeline's names, imported when first used: the fast path needs none."""
    if name not in _LAZY:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"etalase.incremental.{_LAZY[name]}"), name)
