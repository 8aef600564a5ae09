"""Reading content files with pure loaders, on all cores when there are many.

A loader turns one content file into an item (a product, a story, the site settings)
and reports its problems: ``loader(root, rel, report, markdown=...)``. It reads that file
(and checks that the photos it names exist), renders Markdown only through the
``markdown`` function it is given, and knows nothing of earlier builds. Remembering
results between builds is the business of ``etalase.incremental``, which hands
``load_catalog``/``load_config`` its own ``read`` in place of :func:`read_files`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from etalase import markup
from etalase.errors import Problem, Report
from etalase.parallel import in_forked_chunks

Markdown = Callable[[str], str]  # Markdown text -> sanitised HTML
Loader = Callable[..., Any]  # (root, path, report, markdown=...) -> item
PARALLEL_FROM = 400  # files; below this, starting processes costs more than it saves
Done = TypeVar("Done")


class Result(Protocol):
    item: Any  # None when the file had errors
    problems: list[Problem]


@dataclass
class Read:
    item: Any
    problems: list[Problem]


ReadFiles = Callable[[Path, list[str], Loader], list[Result]]


def read_files(root: Path, rels: list[str], loader: Loader) -> list[Result]:
    """Every file's item and problems, in order."""
    return each(lambda rel: read_one(root, rel, loader, markup.render), rels)


def read_one(root: Path, rel: str, loader: Loader, markdown: Markdown) -> Read:
    report = Report()
    item = loader(root, rel, report, markdown=markdown)
    return Read(item, report.problems)


def each(work: Callable[[str], Done], rels: list[str]) -> list[Done]:
    """``work`` on every path, in order, on all cores when there are many."""
    chunks = in_forked_chunks(lambda chunk: [work(rel) for rel in chunk], rels, PARALLEL_FROM)
    if chunks is None:
        return [work(rel) for rel in rels]
    return [done for chunk in chunks for done in chunk]
