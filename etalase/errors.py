"""Problems found in a site, collected so that a volunteer sees all of them at once.

Every problem is shown as ``path:line: what is wrong — how to fix it`` in the site's
language. Code reports problems by message key (see :mod:`etalase.messages`); the
wording lives in one catalog.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import click

from etalase import messages

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Loc:
    """Where something was written: a path relative to the site root, and a 1-based line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __lt__(self, other: Loc) -> bool:
        """By path, then line; a problem with the whole file comes before its lines."""
        return (self.path, self.line or 0) < (other.path, other.line or 0)


@dataclass(frozen=True)
class Problem:
    loc: Loc
    key: str
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity = "error"
    lenient: bool = False  # an error that --lenient shows as a warning (unknown fields)

    def render(self, lang: str) -> str:
        message, hint = messages.text(self.key, lang, self.args)
        return f"{self.loc}: {message} — {hint}" if hint else f"{self.loc}: {message}"


class Report:
    """Collects problems; nothing is raised until the caller decides to stop."""

    def __init__(self, lenient: bool = False) -> None:
        self.problems: list[Problem] = []
        self.lenient = lenient  # lenient errors are warnings

    def error(self, loc: Loc, key: str, /, **args: Any) -> None:
        self.problems.append(Problem(loc, key, args, "error"))

    def lenient_error(self, loc: Loc, key: str, /, **args: Any) -> None:
        """An error that ``--lenient`` turns into a warning."""
        self.problems.append(Problem(loc, key, args, "error", lenient=True))

    def severity(self, problem: Problem) -> Severity:
        return "warning" if problem.lenient and self.lenient else problem.severity

    def warning(self, loc: Loc, key: str, /, **args: Any) -> None:
        self.problems.append(Problem(loc, key, args, "warning"))

    def note(self, loc: Loc, key: str, /, **args: Any) -> None:
        self.problems.append(Problem(loc, key, args, "note"))

    def failing(self, strict: bool = False) -> list[Problem]:
        stops = {"error", "warning"} if strict else {"error"}
        return [p for p in self.unique() if self.severity(p) in stops]

    def unique(self) -> list[Problem]:
        """The problems, each once: a mistake in a template every page uses is found on
        every page, and shown once."""
        found: dict[tuple[Any, ...], Problem] = {}
        for p in self.problems:
            found.setdefault((p.loc, p.key, repr(sorted(p.args.items())), p.severity), p)
        return list(found.values())

    def sorted(self) -> Iterator[Problem]:
        order = {"error": 0, "warning": 1, "note": 2}
        yield from sorted(self.unique(), key=lambda p: (order[self.severity(p)], p.loc))

    def lines(self, lang: str) -> list[str]:
        """Every problem, errors first, each prefixed with its severity."""
        return [
            f"{messages.label(self.severity(p), lang)}: {p.render(lang)}" for p in self.sorted()
        ]


class Abort(click.ClickException):
    """Stops a command after content problems; the CLI prints them without a traceback."""

    def __init__(self, report: Report, lang: str, strict: bool = False) -> None:
        self.report = report
        self.lang = lang
        failing = report.failing(strict)
        files = {p.loc.path for p in failing}
        summary, _ = messages.text(
            "summary.failed", lang, {"count": len(failing), "files": len(files)}
        )
        super().__init__(summary)

    def show(self, file: Any = None) -> None:
        for line in self.report.lines(self.lang):
            click.echo(line, err=True)
        click.secho(self.format_message(), err=True, fg="red", bold=True)


class EtalaseError(click.ClickException):
    """A problem that is not about one content file (a missing theme, a deploy refusal)."""

    def __init__(self, key: str, lang: str = messages.DEFAULT_LANG, **args: Any) -> None:
        message, hint = messages.text(key, lang, args)
        super().__init__(f"{message} — {hint}" if hint else message)
