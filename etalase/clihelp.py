"""The command line in the site's language (Bahasa Indonesia by default).

Help texts are written in English in :mod:`etalase.cli`. These Click classes show them
through :data:`etalase.messages.HELP_ID` when the site (``--root``, or the current folder)
speaks Indonesian, and translate Click's own words the same way: headings, the usage
line's ``[OPTIONS]``, and, through the gettext calls Click makes for translators,
``Error:``, ``Aborted!`` and its messages about a mistyped command line. The language is
read once, when the command line is parsed.
"""

from __future__ import annotations

import gettext
import inspect
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from etalase.language import peek_language
from etalase.messages import HELP_ID

_language = "id"  # of the command line being run


def local(text: str) -> str:
    """``text`` (English help) in the language of the site the command runs on."""
    return HELP_ID.get(text, text) if _language == "id" else text


def _gettext(message: str) -> str:
    return local(message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return local(singular if count == 1 else plural)


def translate_click() -> None:
    """Routes Click's own words through :func:`local`. Click marks them for translators
    with ``gettext`` (imported into each of its modules as ``_``, and ``ngettext``), so
    each module's names are pointed at ours; English stays English. Idempotent."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is gettext.gettext:
                module._ = _gettext  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = _ngettext  # type: ignore[attr-defined]


_METAVAR = re.compile(r"\b(DIRECTORY|INTEGER|TEXT|FILE|PATH)\b")


def language_of(args: list[str]) -> str:
    """The language of the site that the command-line ``args`` point at."""
    root = "."
    for arg, following in zip(args, [*args[1:], None], strict=False):
        if arg == "--root" and following is not None:
            root = following
        elif arg.startswith("--root="):
            root = arg.partition("=")[2]
    return peek_language(Path(root))


class LocalFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{local('Usage:')} " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(local(name)):
            yield


class LocalContext(click.Context):
    formatter_class = LocalFormatter


class LocalCommand(click.Command):
    context_class = LocalContext

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [local(piece) for piece in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = inspect.cleandoc(self.help).partition("\f")[0] if self.help else ""
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(local(text))

    def get_short_help_str(self, limit: int = 45) -> str:
        """Click's shortening (its helper for it is not public), of the local text."""
        english = self.help
        self.help = local(inspect.cleandoc(english)) if english else english
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help = english

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = local("Show this message and exit.")
        return option


class LocalGroup(LocalCommand, click.Group):
    command_class = LocalCommand

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        global _language
        if parent is None:  # the whole command line: find the site's language first
            _language = language_of(args)
            translate_click()  # now, not at import: help texts Click made then stay English
        return super().make_context(info_name, args, parent, **extra)


class LocalOption(click.Option):
    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        names, text = record
        own = self.help or ""  # Click adds "  [default: ...]" after it
        extra = text[len(own):].replace("default: ", local("default: "))
        return _METAVAR.sub(lambda kind: local(kind.group()), names), local(own) + extra

