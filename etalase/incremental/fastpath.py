"""Nothing changed? The first question of every build, answered before the pipeline is
even imported: the hash of every input (see ``stamp``) against the last build's stamp,
and ``build/`` against the listing that stamp describes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etalase.incremental import stamp


@dataclass(frozen=True)
class Built:
    lang: str
    notes: list[str]  # warnings and notes, as printed
    pages: int
    files: int
    skipped: bool = False  # nothing had changed since the last build


@dataclass
class Decision:
    """What the last build left, and how this build's inputs compare with it."""

    inputs: stamp.Inputs
    fingerprint: str  # of the inputs and options
    last: dict[str, Any] | None  # the last successful build's stamp
    before: list[stamp.Entry]  # build/ as it is now
    intact: bool  # build/ is exactly what the last build left

    @property
    def unchanged(self) -> Built | None:
        """The last build's result, when it is this build's result too."""
        last = self.last
        if not self.intact or last is None or last["inputs"] != self.fingerprint:
            return None
        return Built(last["lang"], last["notes"], last["pages"], last["files"], skipped=True)


def decide(root: Path, build_dir: Path, options: str, serving: bool) -> Decision:
    """``serving``: the caller (``serve``) is the only writer of ``build/`` between its
    builds, so the listing it saved is taken as it is (see ``stamp.output``)."""
    last = stamp.load(root)
    inputs = stamp.scan(root, last.get("known") if last else None)
    before = stamp.output(root, build_dir, trusted=serving)
    intact = bool(last) and last["output"] == stamp.digest(before) and build_dir.is_dir()
    return Decision(inputs, inputs.fingerprint(options), last, before, intact)
