"""Publishing ``build/`` somewhere: Netlify's API, a git branch, or a zip file.

Each target is a function that takes the built folder and yields progress lines; a
failure raises :class:`PublishError`, which the CLI prints as a plain message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from etalase import messages


class PublishError(click.ClickException):
    """A deploy that failed; its message never contains credentials."""

    def __init__(self, key: str, lang: str, **args: Any) -> None:
        message, hint = messages.text(key, lang, args)
        super().__init__(f"{message} — {hint}" if hint else message)


@dataclass(frozen=True)
class SiteFile:
    rel: str  # "/"-separated path inside the site, e.g. "produk/keset/index.html"
    path: Path


def site_files(build_dir: Path, lang: str) -> list[SiteFile]:
    """Every file of a built site, sorted; names a host would misread are refused. Hidden
    files (a name starting with ".", but ``.well-known/``) are never part of a site."""
    if not (build_dir / "index.html").is_file():
        raise PublishError("deploy.no_build", lang, path=build_dir)
    files = [
        SiteFile(p.relative_to(build_dir).as_posix(), p)
        for p in sorted(build_dir.rglob("*"))
        if p.is_file() and not _hidden(p.relative_to(build_dir).parts)
    ]
    bad = [f.rel for f in files if "#" in f.rel or "?" in f.rel]
    if bad:
        raise PublishError("deploy.bad_name", lang, names=", ".join(bad))
    return files


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(part.startswith(".") and part != ".well-known" for part in parts)
