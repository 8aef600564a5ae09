"""One build's use of the memory: what to read again, which pages to render again,
where the new site is staged, and what to remember for the next build."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from etalase.incremental import memo as memos
from etalase.incremental import stamp
from etalase.incremental.fastpath import Built, Decision
from etalase.incremental.keys import PageKeys, shared_inputs
from etalase.incremental.memo import PageRecord, Parsed
from etalase.incremental.staging import staged, updated
from etalase.output import Output

if TYPE_CHECKING:
    from etalase.reading import Loader
    from etalase.render import Renderer


class Memory:
    def __init__(self, root: Path, build_dir: Path, options: str, decision: Decision) -> None:
        self.root, self.build_dir, self.options = root, build_dir, options
        self.decision = decision
        self.memo = memos.load(root)
        self.memo.current, self.memo.read_now = decision.inputs.files, set()
        self.update = decision.intact and bool(self.memo.outputs)  # else a whole build
        self.photo_digests = decision.inputs.under("content")  # photo source -> digest
        self.templates = memos.Remembered(self.memo.templates)  # minified, by source

    @property
    def previous_pages(self) -> dict[str, PageRecord]:
        """The pages of the site ``build/`` holds, when this build updates it."""
        return self.memo.pages if self.update else {}

    def read(self, root: Path, rels: list[str], loader: Loader) -> list[Parsed]:
        """What loaders are given to read content files (``reading.read_files``)."""
        return self.memo.read(root, rels, loader)

    @contextmanager
    def output(self) -> Iterator[Output]:
        """A writer of the new site, made live in one step when the block ends well."""
        with (updated(self.build_dir, self.memo.outputs) if self.update
              else staged(self.build_dir)) as out:
            yield out

    def keys(self, renderer: Renderer, theme_dir: Path) -> PageKeys:
        """Page keys for pages rendered by ``renderer`` with the theme in ``theme_dir``."""
        theme = self._theme_digest(theme_dir)
        return PageKeys(shared_inputs(renderer, theme, self.options), renderer.images,
                        self.memo.names())

    def _theme_digest(self, theme_dir: Path) -> str:
        """The site's own theme by its files' hashes; the theme installed with Etalase
        by its place (its files are in the memo's salt: see ``stamp.package_digest``)."""
        try:
            prefix = f"{theme_dir.relative_to(self.root).as_posix()}/"
        except ValueError:
            return f"installed {theme_dir}"
        files = self.decision.inputs.files
        found = sorted((rel, digest) for rel, digest in files.items() if rel.startswith(prefix))
        return hashlib.sha256(repr(found).encode()).hexdigest()

    def remember(self, built: Built, records: dict[str, PageRecord], out: Output) -> None:
        """Saves what this build learnt, and the stamp that describes ``build/`` now."""
        self.memo.pages, self.memo.outputs = records, out.paths
        self.memo.templates = dict(self.templates)
        before = self.decision.before
        after = (stamp.relisted(before, self.build_dir, out.changed) if out.changed is not None
                 else stamp.listing(self.build_dir))
        memos.save(self.root, self.memo)
        stamp.save(self.root, {"inputs": self.decision.fingerprint,
                               "known": self.decision.inputs.known, "lang": built.lang,
                               "notes": built.notes, "pages": built.pages,
                               "files": built.files}, after)
