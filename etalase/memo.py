"""What the last successful build learnt, so the next one redoes only what changed.

Kept in ``.etalase-cache/memo.pickle`` (and in memory, for ``serve``): each content file's
parsed result with the problems it reported, each photo's digest, and each page's key
and the hash of what was written. Every entry is checked against the file's size and
modification time before use, and the whole memo is dropped when Etalase's own code or
Python changes, so a stale entry can only cost time, never correctness.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etalase import markup, stamp
from etalase.errors import Report
from etalase.stamp import Stat, stat_of

MEMO = ".etalase-cache/memo.pickle"


@dataclass
class Parsed:
    """A content file's result (None when it had errors) and the problems it reported,
    valid while the file and the photos it names are unchanged."""

    stat: Stat
    item: Any
    problems: list[Any]
    photos: dict[str, Stat | None]  # absolute photo path -> its stat when parsed
    rendered: dict[bytes, str] = field(default_factory=dict)  # its Markdown: digest -> HTML


Loader = Callable[[Path, str, Report], Any]  # (root, content path, report) -> item or None


def parse(root: Path, rel: str, loader: Loader, before: Parsed | None,
          photos: Callable[[Any], Iterable[Any]] = lambda item: ()) -> Parsed:
    """Reads a content file: its result, the problems it reported, the photos it names
    (``photos`` of the item, each with a ``src`` under content/) and the Markdown it
    rendered. Markdown that ``before``, its last result, rendered is not rendered again."""
    stat, own = stat_of(root / rel), Report()
    with markup.recalling(before.rendered if before else {}) as rendered:
        item = loader(root, rel, own)
    paths = [str(root / "content" / p.src) for p in photos(item)] if item is not None else []
    return Parsed(stat, item, own.problems, {path: stat_of(path) for path in paths}, rendered)


@dataclass
class PageRecord:
    key: str  # a hash of everything the page's HTML depends on
    sha: str  # sha256 of the HTML written
    inline: list[tuple[str, str]]  # CSP hashes of its inline blocks, (kind, hash)


@dataclass
class Memo:
    salt: str
    files: dict[str, Parsed] = field(default_factory=dict)  # content path -> result
    digests: dict[str, tuple[Stat, str]] = field(default_factory=dict)  # photo -> digest
    pages: dict[str, PageRecord] = field(default_factory=dict)  # output path -> record
    outputs: list[str] = field(default_factory=list)  # every file the build wrote

    def parsed(self, rel: str, path: Path) -> Parsed | None:
        """The remembered result for a content file, if it and its photos are unchanged."""
        hit = self.files.get(rel)
        if hit is None or hit.problems or hit.stat != stat_of(path):
            return None  # files with problems are read again: the fix may be elsewhere
        if any(stat_of(p) != s for p, s in hit.photos.items()):
            return None
        return hit

    def forget_gone(self, folder: str, present: Iterable[str]) -> None:
        """Drops what was remembered of files in ``folder`` that are no longer there: a
        story deleted when its teller withdrew consent leaves no copy in the cache."""
        kept = set(present)
        for rel in [rel for rel in self.files if rel.startswith(f"{folder}/")]:
            if rel not in kept:
                del self.files[rel]

    def recall(self, root: Path, rel: str, loader: Loader) -> Parsed:
        """A content file's result: the remembered one while it is unchanged, or read."""
        hit = self.parsed(rel, root / rel)
        if hit is None:
            hit = self.files[rel] = parse(root, rel, loader, self.files.get(rel))
        return hit


_IN_MEMORY: dict[Path, tuple[Stat | None, Memo]] = {}


def _salt() -> str:
    return stamp.fingerprint(stamp.PACKAGE, extra=stamp.environment())


def load(root: Path) -> Memo:
    """The memo of the last successful build of ``root``, or an empty one."""
    path = root / MEMO
    salt = _salt()
    known = _IN_MEMORY.get(root.resolve())
    if known and known[0] == stat_of(path) and known[1].salt == salt:
        return known[1]
    try:
        with path.open("rb") as file:
            memo = pickle.load(file)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return Memo(salt)
    return memo if isinstance(memo, Memo) and memo.salt == salt else Memo(salt)


def save(root: Path, memo: Memo) -> None:
    path = root / MEMO
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    with partial.open("wb") as file:
        pickle.dump(memo, file, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    _IN_MEMORY[root.resolve()] = (stat_of(path), memo)
