"""What the last successful build learnt, so the next one redoes only what changed.

Kept in ``.etalase-cache/memo.pickle`` (and in memory, for ``serve``): each content file's
parsed result with the problems it reported, each photo's digest, and each page's key
and the hash of what was written. Every entry is checked against the hash of the file's
bytes before use (never against its clock), and the whole memo is dropped when Etalase's
own code, Python or a library changes, so a stale entry can only cost time, never
correctness.
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

MEMO = ".etalase-cache/memo.pickle"


@dataclass
class Parsed:
    """A content file's result (None when it had errors) and the problems it reported,
    valid while the file's bytes are unchanged and the photos it names still exist (a
    photo's bytes are part of page keys, not of the parsed result)."""

    digest: str  # of the file's bytes when parsed
    item: Any
    problems: list[Any]
    photos: list[str]  # the photos it names, as absolute paths
    rendered: dict[bytes, str] = field(default_factory=dict)  # its Markdown: digest -> HTML


Loader = Callable[[Path, str, Report], Any]  # (root, content path, report) -> item or None


def parse(root: Path, rel: str, loader: Loader, before: Parsed | None,
          photos: Callable[[Any], Iterable[Any]] = lambda item: (), digest: str = "") -> Parsed:
    """Reads a content file (whose bytes hash to ``digest``): its result, the problems it
    reported, the photos it names (``photos`` of the item, each with a ``src`` under
    content/) and the Markdown it rendered. Markdown that ``before``, its last result,
    rendered is not rendered again."""
    own = Report()
    with markup.recalling(before.rendered if before else {}) as rendered:
        item = loader(root, rel, own)
    paths = [str(root / "content" / p.src) for p in photos(item)] if item is not None else []
    return Parsed(digest, item, own.problems, paths, rendered)


@dataclass
class PageRecord:
    key: str  # a hash of everything the page's HTML depends on
    sha: str  # sha256 of the HTML written
    inline: list[tuple[str, str]]  # CSP hashes of its inline blocks, (kind, hash)


@dataclass
class Memo:
    salt: str
    files: dict[str, Parsed] = field(default_factory=dict)  # content path -> result
    pages: dict[str, PageRecord] = field(default_factory=dict)  # output path -> record
    outputs: list[str] = field(default_factory=list)  # every file the build wrote
    current: dict[str, str] = field(default_factory=dict)  # this build's input digests

    def parsed(self, rel: str) -> Parsed | None:
        """The remembered result for a content file, if its bytes are unchanged and the
        photos it names are still there."""
        hit = self.files.get(rel)
        if hit is None or hit.problems or hit.digest != self.current.get(rel):
            return None  # files with problems are read again: the fix may be elsewhere
        if not all(map(os.path.isfile, hit.photos)):
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
        hit = self.parsed(rel)
        if hit is None:
            hit = self.files[rel] = parse(root, rel, loader, self.files.get(rel),
                                          digest=self.current.get(rel, ""))
        return hit


_IN_MEMORY: dict[Path, tuple[stamp.FileId | None, Memo]] = {}


def _salt() -> str:
    return f"{stamp.package_digest()} {stamp.environment()}"


def load(root: Path) -> Memo:
    """The memo of the last successful build of ``root``, or an empty one."""
    path = root / MEMO
    salt = _salt()
    known = _IN_MEMORY.get(root.resolve())
    if known and known[0] == stamp.identity(path) and known[1].salt == salt:
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
    current, memo.current = memo.current, {}  # known again from the next scan
    try:
        with partial.open("wb") as file:
            pickle.dump(memo, file, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        memo.current = current
    partial.replace(path)
    _IN_MEMORY[root.resolve()] = (stamp.identity(path), memo)
