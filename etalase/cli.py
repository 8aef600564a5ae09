"""The command line: a thin Click layer over the pipeline."""

from __future__ import annotations

from pathlib import Path

import click

from etalase import messages
from etalase.config import peek_language
from etalase.errors import Report

ROOT = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="The site folder (the one holding content/ and themes/).",
)


@click.group()
@click.version_option(package_name="etalase")
def main() -> None:
    """Etalase: build a small, fast catalog site from YAML products and Markdown stories."""


@main.command()
@ROOT
@click.option("--strict", is_flag=True, help="Treat warnings (unknown keys...) as errors.")
def check(root: Path, strict: bool) -> None:
    """Validate content without writing anything."""
    from etalase import build

    loaded = build.check(root, strict, peek_language(root))
    catalog, lang = loaded.catalog, loaded.config.language
    _show_notes(loaded.report, lang)
    _say("summary.checked", lang, products=len(catalog.products), stories=len(catalog.stories))


@main.command(name="build")
@ROOT
@click.option("--strict", is_flag=True, help="Treat warnings (unknown keys...) as errors.")
def build_command(root: Path, strict: bool) -> None:
    """Check, then write the site into build/ (all or nothing)."""
    from etalase import build

    built = build.build(root, strict, peek_language(root))
    lang = built.loaded.config.language
    _show_notes(built.loaded.report, lang)
    _say("summary.built", lang, pages=built.pages, files=built.files, out=root / build.BUILD_DIR)


@main.command()
@ROOT
@click.argument("kind", type=click.Choice(["product", "story"]))
@click.argument("name")
def new(root: Path, kind: str, name: str) -> None:
    """Write a commented starter file for a new product or story."""
    from etalase import scaffold

    path = scaffold.create(root, kind, name, peek_language(root))
    click.echo(f"{path.relative_to(root)}")


def _show_notes(report: Report, lang: str) -> None:
    for line in report.lines(lang):
        click.echo(line, err=True)


def _say(key: str, lang: str, **args: object) -> None:
    click.secho(messages.text(key, lang, args)[0], fg="green")
