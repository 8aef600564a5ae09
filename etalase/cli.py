"""The command line: a thin Click layer over the pipeline."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from etalase import messages
from etalase.clihelp import LocalGroup, LocalOption
from etalase.errors import Report
from etalase.language import peek_language

option = functools.partial(click.option, cls=LocalOption)  # help in the site's language
ROOT = option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="The site folder (the one holding content/ and themes/).",
    callback=lambda _context, _option, root: messages.use_root(str(root)) or root,
)
STRICT = option("--strict", is_flag=True,
                help="Treat warnings (skipped files, photos inside text...) as problems that stop.")
_LARGE_HEAP = False  # a command that leaves many objects sets it (see run)
LENIENT = option("--lenient", is_flag=True,
                 help="Report unknown fields as warnings (for notes of your own in content files).")


@click.group(cls=LocalGroup)
@click.version_option(package_name="etalase", cls=LocalOption)
def main() -> None:
    """Etalase: build a small, fast catalog site from YAML products and Markdown stories."""


def _typed(program: str) -> str:
    """The command as the volunteer typed it, for the commands hints tell them to run."""
    name = os.path.basename(program)
    if name == "site.py":
        return "python site.py"
    return "python -m etalase" if name == "__main__.py" else "etalase"


def run() -> None:
    """The ``etalase`` command (and ``python -m etalase``, ``python site.py``).

    After a build, Python would free the catalog, the templates and the memo object by
    object before exiting (70 ms for 5,000 products); everything is written and closed by
    then, so the process ends at once and the kernel takes its memory back whole."""
    messages.use_command(_typed(sys.argv[0]))
    try:
        main()
    except SystemExit as done:
        if not _LARGE_HEAP:
            raise
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code or 0 if isinstance(done.code, int | None) else 1)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
def init(folder: Path) -> None:
    """Lay out a new site in FOLDER: site.yaml, the content folders, an example product."""
    from etalase import scaffold

    lang = peek_language(folder)
    for rel in scaffold.init_site(folder, lang):
        click.echo(folder / rel)
    _say("init.done", lang, folder=folder)


@main.command()
@ROOT
@STRICT
@LENIENT
def check(root: Path, strict: bool, lenient: bool) -> None:
    """Validate content without writing anything."""
    from etalase import build

    loaded = build.check(root, strict, _lang(root, strict, lenient), lenient=lenient)
    catalog, lang, report = loaded.catalog, loaded.config.language, loaded.report
    _show_notes(report, lang)
    warnings = sum(report.severity(p) == "warning" for p in report.unique())
    _say("summary.checked_warnings" if warnings else "summary.checked", lang,
         products=len(catalog.products), stories=len(catalog.stories), warnings=warnings)


@main.command(name="clean-photos")
@ROOT
def clean_photos(root: Path) -> None:
    """Remove location and camera data from every photo in content/, in place.

    JPEGs keep their exact pixels; other photos are saved again at high quality.
    """
    from etalase import images, photometa

    lang, cleaned, clean, failed = peek_language(root), 0, 0, 0
    for path in images.photos_in(root / "content"):
        shown = {"path": path.relative_to(root).as_posix()}
        try:
            if not photometa.metadata_of(path):
                clean += 1
                continue
        except photometa.NotCleanable:
            continue  # not a photo: check says so when a product uses it
        try:
            photometa.clean(path)
        except photometa.NotCleanable:  # its header reads, the rest is broken
            failed += 1
            click.echo(" — ".join(messages.text("clean.failed", lang, shown)), err=True)
            continue
        cleaned += 1
        click.echo(messages.text("clean.cleaned", lang, shown)[0])
    _say("summary.cleaned", lang, count=cleaned, clean=clean)
    if failed:
        raise SystemExit(1)


@main.command(name="build")
@ROOT
@STRICT
@LENIENT
def build_command(root: Path, strict: bool, lenient: bool) -> None:
    """Check, then write the site into build/ (all or nothing)."""
    from etalase import incremental

    lang = _lang(root, strict, lenient)
    built = incremental.build(root, strict, lang, on_wait=_waiting(lang),
                              progress=_progress_bar(lang), lenient=lenient)
    for line in built.notes:
        click.echo(line, err=True)
    key = "summary.unchanged" if built.skipped else "summary.built"
    _say(key, built.lang, pages=built.pages, files=built.files,
         out=root / incremental.BUILD_DIR)
    global _LARGE_HEAP
    _LARGE_HEAP = not built.skipped


@main.command()
@ROOT
@click.argument("kind", type=click.Choice(["product", "story"]))
@click.argument("name", required=False)
def new(root: Path, kind: str, name: str | None) -> None:
    """Write a starter file for a new product or story.

    Without a name, `new product` asks for each field and checks every answer.
    """
    from etalase import scaffold

    lang = peek_language(root)
    if name:
        path = scaffold.create(root, kind, name, lang)
    elif kind == "product":
        from etalase import wizard
        from etalase.catalog import load_catalog
        from etalase.errors import Report

        known = [c.name for c in load_catalog(root, Report()).categories]
        path = wizard.ask_product(root, lang, known)
    else:
        raise click.UsageError(" — ".join(messages.text("new.story_title", lang, {})))
    click.echo(f"{path.relative_to(root)}")


@main.command()
@ROOT
@option("--to", "target", type=click.Choice(["netlify", "git", "zip"]), default="netlify",
              show_default=True, help="Where to publish.")
@option("--no-build", is_flag=True, help="Publish build/ as it is (still checked).")
@option("--dry-run", is_flag=True, help="Show what would be published; publish nothing.")
@option("--remote", default="origin", show_default=True, help="git: remote name or URL.")
@option("--branch", default="gh-pages", show_default=True, help="git: branch to publish.")
@option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="zip: the file to write (default: site.zip beside build/).")
@option("--delete-old", is_flag=True,
              help="Netlify: delete every deploy except the live one (after withdrawing a story).")
@LENIENT
def deploy(root: Path, target: str, no_build: bool, dry_run: bool, remote: str, branch: str,
           output: Path | None, delete_old: bool, lenient: bool) -> None:
    """Publish the site: to Netlify (default), a git branch, or a zip for Netlify Drop."""
    from etalase import build, incremental
    from etalase.deploy import PublishError

    lang = peek_language(root)
    if delete_old:
        from etalase.deploy import netlify

        config = build.check(root, lang=lang, lenient=lenient).config
        for line in netlify.delete_old(_netlify_client(config, config.language), dry_run):
            click.echo(line)
        return
    with incremental.locked(root, _waiting(lang), lang):  # build/ stays as published
        if not no_build:
            incremental.build(root, lang=lang, progress=_progress_bar(lang), lenient=lenient)
        loaded = build.check(root, lang=lang, lenient=lenient)
        build_dir, lang = root / build.BUILD_DIR, loaded.config.language
        if build_dir.is_dir() and not incremental.complete(root):
            raise PublishError("deploy.incomplete", lang, path=build_dir)
        for line in _publisher(target, root, build_dir, loaded.config, lang, dry_run, remote,
                               branch, output):
            click.echo(line)


@main.command()
@ROOT
@option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 lets a phone on the same Wi-Fi look.")
@option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@option("--admin", is_flag=True,
        help="Also serve an admin at /admin/ to edit the shop from a phone (prints its link).")
@LENIENT
def serve(root: Path, host: str, port: int, admin: bool, lenient: bool) -> None:
    """Preview the site, rebuilding and reloading the browser on every change."""
    from urllib.parse import quote

    from etalase import serve as preview
    from etalase.language import peek_base_path

    lang, everywhere = peek_language(root), host in preview.ANY_ADDRESS
    preview.check_port(host, port, lang)
    path = quote(peek_base_path(root))
    _say("serve.listening", lang, host="127.0.0.1" if everywhere else host, port=port,
         path=path)
    address = preview.local_network_address() if everywhere else None
    if address:
        _say("serve.phone", lang, address=address, port=port, path=path)
    wrap = None
    if admin:
        from etalase.admin import start

        wrap = start(root, lang, address or ("127.0.0.1" if everywhere else host), port)
    preview.serve(root, host, port, wrap, lenient)


@main.command(name="print")
@ROOT
@option("--product", "products", multiple=True,
              help="A product (file name without .yaml); repeat for more.")
@option("--category", help="Only this category (its address, e.g. keset-perca).")
@option("--qr", type=click.Choice(["order", "page"]), default="order", show_default=True,
              help="What the QR code opens: the WhatsApp order, or the product page.")
@option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The page to write (default: price-tags.html in the site folder).")
def print_command(root: Path, products: tuple[str, ...], category: str | None, qr: str,
                  output: Path | None) -> None:
    """Write an A4 page of price tags with QR codes, for market stalls."""
    from etalase import build, incremental, printing

    lang = peek_language(root)
    with incremental.locked(root, _waiting(lang), lang):  # it writes the template cache
        loaded = build.check(root, lang=lang)
        chosen = printing.select(loaded, products, category)
        path = output or root / "price-tags.html"
        printing.write(path, printing.tags_page(loaded, chosen, qr))
    _say("summary.printed", loaded.config.language, count=len(chosen), path=path)


def _publisher(target, root, build_dir, config, lang, dry_run, remote, branch, output):  # type: ignore[no-untyped-def]
    if target == "zip":
        from etalase.deploy import archive

        return archive.publish(build_dir, output or root / "site.zip", lang, dry_run)
    if target == "git":
        from etalase.deploy import git

        url = git.remote_url(root, remote, lang)
        return git.publish(build_dir, url, branch, f"Publish {config.title}", lang, dry_run)
    from etalase.deploy import netlify

    return netlify.publish(build_dir, _netlify_client(config, lang), dry_run)


def _netlify_client(config, lang: str):  # type: ignore[no-untyped-def]
    """A client from NETLIFY_AUTH_TOKEN, NETLIFY_SITE_ID (or netlify_site) and NETLIFY_API_URL."""
    import os

    from etalase.deploy import PublishError, netlify

    token = os.environ.get("NETLIFY_AUTH_TOKEN", "").strip()
    site = os.environ.get("NETLIFY_SITE_ID", "").strip() or config.netlify_site
    if not token:
        raise PublishError("deploy.no_token", lang)
    if not netlify.token_is_plain(token):  # a line break would go into the HTTP header
        raise PublishError("deploy.bad_token", lang)
    if not site:
        raise PublishError("deploy.no_site", lang)
    api = os.environ.get("NETLIFY_API_URL", "").strip() or netlify.API_URL
    return netlify.Client(netlify.Target(site, token, api), lang)


def _lang(root: Path, strict: bool, lenient: bool) -> str:
    """The site's language, once the options are known to agree."""
    lang = peek_language(root)
    if strict and lenient:
        raise click.UsageError(" — ".join(messages.text("cli.strict_lenient", lang, {})))
    return lang


def _waiting(lang: str) -> Callable[[], None]:
    """Says, once, that another build of the site is being waited for."""
    return lambda: click.echo(messages.text("build.waiting", lang, {})[0], err=True)


PROGRESS_FROM = 4  # photos to encode; fewer are done before a bar would be read


def _progress_bar(lang: str) -> Callable[[int, int], None]:
    """A progress bar on stderr for the photos a build encodes, opened on the first one."""
    import sys

    bars: list = []

    def step(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if not bars:
            label = messages.text("images.progress", lang, {"count": total})[0]
            bars.append(click.progressbar(length=total, label=label, file=sys.stderr))
            bars[0].__enter__()
        bars[0].update(1)
        if done == total:
            bars[0].__exit__(None, None, None)

    return step


def _show_notes(report: Report, lang: str) -> None:
    for line in report.lines(lang):
        click.echo(line, err=True)


def _say(key: str, lang: str, **args: object) -> None:
    click.secho(messages.text(key, lang, args)[0], fg="green")
