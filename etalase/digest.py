"""The hash of a file's bytes: how the build recognises its inputs (never by their clocks)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def bytes_digest(data: bytes) -> str:
    """What ``file_digest`` gives for a file holding ``data``."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: str | Path) -> str:
    """blake2b of the file's bytes: fast enough that reading, not hashing, is the cost."""
    hasher = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            hasher.update(chunk)
    return hasher.hexdigest()
