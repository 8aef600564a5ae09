"""One writer at a time: an OS file lock beside ``build/``.

Every command that writes ``build/`` or the cache (build, deploy, serve's rebuilds,
print) holds ``.etalase-cache/build.lock`` (``fcntl.flock``) while it works. The kernel
releases the lock when its holder exits, however it exits (Ctrl-C, SIGKILL), so there
is never a stale lock file to delete by hand: the file itself stays and means nothing
while nobody holds it. It lives in the cache folder, which sites already keep out of
git; deleting that folder while a build runs is the one way around the lock.

Within one process the lock is re-entrant (``deploy`` builds, then publishes, under one
hold) and serialises threads (a phone admin and ``serve`` in one process).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from etalase.paths import own_folder

LOCK_FILE = ".etalase-cache/build.lock"
TIMEOUT_VARIABLE = "ETALASE_LOCK_TIMEOUT"  # seconds to wait for another build
DEFAULT_TIMEOUT = 15 * 60.0  # a cold build of a large catalog with photos takes minutes


class Busy(Exception):
    """Another process held the lock for longer than the caller would wait."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


@dataclass
class _Hold:
    threads: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0
    fd: int | None = None


_HOLDS: dict[Path, _Hold] = {}
_HOLDS_GUARD = threading.Lock()


def timeout() -> float:
    """How long a command waits for another build: ETALASE_LOCK_TIMEOUT, or 15 minutes."""
    try:
        return float(os.environ.get(TIMEOUT_VARIABLE, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def locked(root: Path, on_wait: Callable[[], None] = lambda: None,
           wait: float | None = None) -> Iterator[None]:
    """Holds the site's build lock. When another process holds it, calls ``on_wait``
    once and waits up to ``wait`` seconds (default: :func:`timeout`), then raises Busy."""
    with _HOLDS_GUARD:
        hold = _HOLDS.setdefault(Path(os.path.abspath(root)), _Hold())
    limit = timeout() if wait is None else wait
    deadline = time.monotonic() + limit
    told = [False]

    def tell() -> None:  # the wait is announced once, whoever holds the lock
        if not told[0]:
            told[0] = True
            on_wait()

    if not hold.threads.acquire(blocking=False):  # another thread of this process
        tell()
        if not hold.threads.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise Busy(limit)
    try:
        if hold.depth == 0 and os.path.isdir(root):  # no site, nothing to guard (nor create)
            hold.fd = _acquire(root / LOCK_FILE, tell, deadline, limit)
        hold.depth += 1
        try:
            yield
        finally:
            hold.depth -= 1
            if hold.depth == 0 and hold.fd is not None:
                os.close(hold.fd)  # closing the file releases the lock
                hold.fd = None
    finally:
        hold.threads.release()


def _acquire(path: Path, on_wait: Callable[[], None], deadline: float, limit: float) -> int:
    import fcntl

    own_folder(path.parent)  # the first thing a build does in the cache folder
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    delay = 0.01
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            pass
        except BaseException:
            os.close(fd)
            raise
        on_wait()
        left = deadline - time.monotonic()
        if left <= 0:
            os.close(fd)
            raise Busy(limit)
        time.sleep(min(delay, left))
        delay = min(delay * 2, 0.2)
