"""Cache files only this user's Etalase wrote, sealed with a secret kept outside the site.

A site folder travels (a ZIP from another volunteer, a shared drive, a USB stick) and its
``.etalase-cache`` with it. The build's memo is a pickle and compiled templates are
Python code: loading either as found would run whatever code someone put there. Both
are written with an HMAC under a secret of this user's (in their own cache folder,
never in the site), and a file whose seal does not match is treated as absent: the
build redoes that work, and never runs the file.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
from pathlib import Path

_MARK = b"etalase sealed 1\n"
_SIZE = 32  # of the secret and of the seal (HMAC-SHA256)


def seal(data: bytes) -> bytes:
    """``data`` as a sealed file holds it."""
    return _MARK + hmac.new(secret(), data, hashlib.sha256).digest() + data


def unseal(sealed: bytes) -> bytes | None:
    """The data of a file ``seal`` made with this user's secret, else None."""
    start = len(_MARK) + _SIZE
    if not sealed.startswith(_MARK) or len(sealed) < start:
        return None
    data = sealed[start:]
    expected = hmac.new(secret(), data, hashlib.sha256).digest()
    return data if hmac.compare_digest(expected, sealed[len(_MARK):start]) else None


_RUN_SECRET = "ETALASE_RUN_SECRET"  # the per-run secret, for this run's worker processes


@functools.cache
def secret() -> bytes:
    """This user's secret, made on first use. Where none can be kept (no writable home),
    one for this run only, handed to the processes it starts (photo workers): caches
    then last one run, which costs time, never safety."""
    try:
        return _kept(_cache_home() / "etalase" / "secret")
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        handed = _handed()
        if len(handed) == _SIZE:
            return handed
        made = os.urandom(_SIZE)
        os.environ[_RUN_SECRET] = made.hex()
        return made


def _handed() -> bytes:
    try:
        return bytes.fromhex(os.environ.get(_RUN_SECRET, ""))
    except ValueError:
        return b""


def _cache_home() -> Path:
    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA"):  # Linux and others; Windows
        if os.environ.get(name):
            return Path(os.environ[name])
    return Path.home() / ".cache"


def _kept(path: Path) -> bytes:
    """The secret in ``path``; a new one when there is none (the first of two processes
    making it at once wins, and both use its)."""
    try:
        known = path.read_bytes()
        if len(known) == _SIZE:
            return known
    except FileNotFoundError:
        known = None
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f"{path.name}.{os.getpid()}")
    descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(os.urandom(_SIZE))
    try:
        if known is None:
            try:
                os.link(fresh, path)
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                os.replace(fresh, path)
        else:  # a damaged secret: nothing sealed with it can be checked anyway
            os.replace(fresh, path)
    finally:
        fresh.unlink(missing_ok=True)
    kept = path.read_bytes()
    if len(kept) != _SIZE:
        raise OSError(f"unreadable secret in {path}")
    return kept
