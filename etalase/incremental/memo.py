"""What the last successful build learnt, so the next one redoes only what changed.

Kept in ``.etalase-cache/memo.pickle`` (and in memory, for ``serve``): each content file's
parsed result with the problems it reported and the Markdown it rendered, a name of
each item by its content (page keys use it), and each page's key and the hash of what
was written. An entry is used only while the hash of its file's bytes is the one this
build's scan found (never by its clock), and the whole memo is dropped when Etalase's
own code, Python or a library changes: a stale entry can only cost time, never
correctness.

The memo is the ``read`` that loaders are given (``etalase.reading``): the loaders stay
pure functions, called for the files whose bytes changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etalase import markup, reading, sealing
from etalase.errors import Problem, Report
from etalase.incremental import stamp

MEMO = ".etalase-cache/memo.pickle"


@dataclass
class Parsed:
    """A content file's result (None when it had errors) and the problems it reported,
    valid while the file's bytes are unchanged and the photos it names still exist (a
    photo's bytes are part of page keys, not of the parsed result)."""

    digest: str  # of the file's bytes, as this build's scan found them
    item: Any
    problems: list[Problem]
    photos: list[str]  # the photos it names, as absolute paths
    rendered: dict[bytes, str] = field(default_factory=dict)  # its Markdown: digest -> HTML
    name: str = ""  # the item named by its content: a hash of its repr


class Recalling:
    """A ``markdown`` function for loaders that gives the HTML a file's Markdown was
    rendered to before, and collects what it gives: a file edited for its price keeps its
    description, so the build need not even load Markdown (~35 ms)."""

    def __init__(self, known: dict[bytes, str]) -> None:
        self.known, self.seen = known, {}

    def __call__(self, text: str) -> str:
        key = hashlib.blake2b(text.encode(), digest_size=16).digest()
        html = self.known.get(key)
        if html is None:
            html = markup.render(text)
        self.seen[key] = html
        return html


def parse(root: Path, rel: str, loader: reading.Loader, before: Parsed | None,
          digest: str) -> Parsed:
    """Reads a content file with ``loader``; Markdown ``before`` rendered is recalled."""
    from etalase.catalog import photos_of

    markdown, report = Recalling(before.rendered if before else {}), Report()
    item = loader(root, rel, report, markdown=markdown)
    photos = [str(root / "content" / p.src) for p in photos_of(item)] if item else []
    name = hashlib.sha256(repr(item).encode()).hexdigest() if item is not None else ""
    return Parsed(digest, item, report.problems, photos, markdown.seen, name)


@dataclass
class PageRecord:
    key: str  # a hash of everything the page's HTML depends on
    sha: str  # sha256 of the HTML written
    inline: list[tuple[str, str]]  # CSP hashes of its inline blocks, (kind, hash)


class Remembered(dict[str, Any]):
    """What one build used of something worked out from a text (a theme's minified
    templates by their source's digest): found in the last build's ``known``, or added
    now. Only what this build used is kept for the next one."""

    def __init__(self, known: dict[str, Any]) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, key: str) -> Any:
        value = self[key] = self.known[key]  # KeyError when this is new
        return value


@dataclass
class Memo:
    salt: str
    files: dict[str, Parsed] = field(default_factory=dict)  # content path -> result
    templates: dict[str, Any] = field(default_factory=dict)  # see Remembered
    pages: dict[str, PageRecord] = field(default_factory=dict)  # output path -> record
    outputs: list[str] = field(default_factory=list)  # every file the build wrote
    current: dict[str, str] = field(default_factory=dict)  # this build's input digests
    read_now: set[str] = field(default_factory=set)  # the content files this build read

    def hit(self, rel: str) -> Parsed | None:
        """The remembered result for a content file, if its bytes are unchanged and the
        photos it names are still there."""
        hit = self.files.get(rel)
        if hit is None or hit.problems or hit.digest != self.current.get(rel):
            return None  # files with problems are read again: the fix may be elsewhere
        if not all(map(os.path.isfile, hit.photos)):
            return None
        return hit

    def read(self, root: Path, rels: list[str], loader: reading.Loader) -> list[Parsed]:
        """``reading.read_files`` with a memory: unchanged files are not read again."""
        found = {rel: self.hit(rel) for rel in rels}
        todo = [rel for rel in rels if found[rel] is None]
        for rel, parsed in zip(todo, reading.each(lambda rel: parse(
                root, rel, loader, self.files.get(rel), self.current.get(rel, "")), todo),
                               strict=True):
            found[rel] = self.files[rel] = parsed
        self.read_now.update(rels)
        return [found[rel] for rel in rels]  # type: ignore[misc]

    def names(self) -> dict[str, str]:
        """Content names of the items read without problems, by their file."""
        return {rel: hit.name for rel, hit in self.files.items()
                if hit.name and not hit.problems and rel in self.read_now}


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
        data = sealing.unseal(path.read_bytes())  # only a memo this user's builds wrote
        memo = pickle.loads(data) if data is not None else None
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return Memo(salt)
    return memo if isinstance(memo, Memo) and memo.salt == salt else Memo(salt)


def save(root: Path, memo: Memo) -> None:
    """Saves what this build learnt. Files it did not read are forgotten: a story deleted
    when its teller withdrew consent leaves no copy in the cache."""
    path = root / MEMO
    path.parent.mkdir(parents=True, exist_ok=True)
    memo.files = {rel: hit for rel, hit in memo.files.items() if rel in memo.read_now}
    partial = path.with_suffix(f".{os.getpid()}.partial")
    current, read_now = memo.current, memo.read_now
    memo.current, memo.read_now = {}, set()  # known again from the next scan
    try:
        with partial.open("wb") as file:
            file.write(sealing.seal(pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)))
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        memo.current, memo.read_now = current, read_now
    _IN_MEMORY[root.resolve()] = (stamp.identity(path), memo)
