"""YAML syntax errors, explained: the line a volunteer must fix and the mistake made there.

PyYAML says where it *noticed* a problem ("could not find expected ':'", often a line
later, in English). Volunteers make a handful of mistakes: a quote never closed, a
missing colon, a text line that lost its indentation, a list item without ``- ``, a
line indented wrongly, a colon or a special character inside unquoted text. Each is
recognised from the parser's clue and the lines around it, and named by a message key
of :mod:`etalase.messages`; the parser's own words are never shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)")  # "  price: ..."
_FIELD = re.compile(r"^[a-z_]+$")
_ITEM = re.compile(r"^(\s*)-(\s|$)")
_NO_SPACE = re.compile(r"^\s*[A-Za-z_][\w-]*:[^\s/]")  # "price:25000", not "https://"


@dataclass(frozen=True)
class Explained:
    line: int  # 0-based, in the text that was parsed
    key: str  # a message key
    args: dict[str, Any] = field(default_factory=dict)


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    """The line to fix and what is wrong there, for a syntax error in ``text``."""
    lines = text.split("\n")
    problem = f"{error.context or ''} {error.problem or ''}"
    at = error.problem_mark or error.context_mark
    line = at.line if at else 0
    context = error.context_mark.line if error.context_mark else line
    for clue, reader in _READERS:
        if clue in problem:
            try:
                return reader(lines, line, context, at.column if at else 0)
            except (IndexError, AttributeError):  # an unforeseen shape: the plain message
                break
    return Explained(min(line, len(lines) - 1), "yaml.syntax")


def _unclosed_quote(lines: list[str], line: int, context: int, column: int) -> Explained:
    opened = lines[context]
    quote = '"' if opened.count('"') % 2 else "'"
    return Explained(context, "yaml.unclosed_quote", {"quote": quote})


def _no_colon(lines: list[str], line: int, context: int, column: int) -> Explained:
    """A line without ``key: value``: a missing colon, a text line that lost its
    indentation, or a list item without ``- ``."""
    here = lines[context]
    above = _above(lines, context)
    if _NO_SPACE.match(here):
        key, _, value = here.strip().partition(":")
        return Explained(context, "yaml.no_space", {"key": key, "value": value})
    if above is not None and _ITEM.match(lines[above]) and _indent(lines[above]) == _indent(here):
        return Explained(context, "yaml.list_dash", {"text": here.strip()})
    words = here.split()
    looks_like_field = len(words) <= 2 and bool(_FIELD.match(words[0])) if words else False
    key_above = _KEY.match(lines[above]) if above is not None else None
    if key_above and not looks_like_field and _indent(here) <= len(key_above.group(1)):
        return Explained(context, "yaml.continuation",
                         {"above": above + 1, "key": key_above.group(2)})  # type: ignore[operator]
    name, _, rest = here.strip().partition(" ")
    return Explained(context, "yaml.missing_colon", {"word": name, "rest": rest.strip() or "..."})


def _colon_in_text(lines: list[str], line: int, context: int, column: int) -> Explained:
    """``maker: Bu Sari: penjahit`` (a colon inside text), `` category: X`` (a line
    indented under a value), or ``name:Keset`` on the line above (no space)."""
    here = lines[line]
    before = here[:column]
    above = _above(lines, line)
    if above is not None and _NO_SPACE.match(lines[above]):
        key, _, value = lines[above].strip().partition(":")
        return Explained(above, "yaml.no_space", {"key": key, "value": value})
    if re.fullmatch(r"\s+[A-Za-z_][\w-]*\s*", before):
        return Explained(line, "yaml.indented")
    key = _KEY.match(here)
    if key:
        value = here[key.end():].strip()
        return Explained(line, "yaml.colon_in_text", {"key": key.group(2), "value": value})
    return Explained(line, "yaml.syntax")


def _item_not_aligned(lines: list[str], line: int, context: int, column: int) -> Explained:
    """A line inside a list that does not start with ``- ``: a new item without its dash
    when the item above already has that key, else a line of the item above."""
    here = lines[line]
    key = _KEY.match(here)
    item_keys = set()
    for above in range(line - 1, -1, -1):
        found = _KEY.match(lines[above])
        if found:
            item_keys.add(found.group(2))
        if _ITEM.match(lines[above]):
            break
    if key and key.group(2) not in item_keys:
        return Explained(line, "yaml.item_align", {"key": key.group(2)})
    return Explained(line, "yaml.list_dash", {"text": here.strip()})


def _expected_key(lines: list[str], line: int, context: int, column: int) -> Explained:
    """Text after a closing quote, or a line indented differently from its neighbours."""
    here = lines[line]
    if column > _indent(here):
        key = _KEY.match(here)
        return Explained(line, "yaml.after_quote", {"key": key.group(2) if key else "name"})
    return Explained(line, "yaml.indented")


def _special_start(lines: list[str], line: int, context: int, column: int) -> Explained:
    key = _KEY.match(lines[line])
    char = lines[line][column:column + 1] or lines[line].strip()[:1]
    value = lines[line][key.end():].strip() if key else lines[line].strip()
    return Explained(line, "yaml.special_start",
                     {"char": char, "key": key.group(2) if key else "name", "value": value})


def _unclosed_bracket(lines: list[str], line: int, context: int, column: int) -> Explained:
    opened = lines[context]
    bracket = "[" if "[" in opened else "{"
    return Explained(context, "yaml.unclosed_bracket",
                     {"open": bracket, "close": "]" if bracket == "[" else "}"})


def _block_scalar(lines: list[str], line: int, context: int, column: int) -> Explained:
    key = _KEY.match(lines[context])
    return Explained(context, "yaml.block_scalar", {"key": key.group(2) if key else "description"})


def _dash_same_line(lines: list[str], line: int, context: int, column: int) -> Explained:
    key = _KEY.match(lines[line])
    return Explained(line, "yaml.dash_same_line", {"key": key.group(2) if key else "materials"})


def _above(lines: list[str], line: int) -> int | None:
    """The nearest line above that is not blank or a comment."""
    for index in range(line - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


# (a clue in PyYAML's context or problem, the reader that explains it); the first
# clue found wins. Both libyaml's and pure PyYAML's wordings are covered.
_READERS = [
    ("while scanning a quoted scalar", _unclosed_quote),
    ("could not find expected ':'", _no_colon),
    ("mapping values are not allowed", _colon_in_text),
    ("expected '-' indicator", _item_not_aligned),
    ("block sequence entries are not allowed", _dash_same_line),
    ("while parsing a flow", _unclosed_bracket),
    ("while scanning a block scalar", _block_scalar),
    ("cannot start any token", _special_start),
    ("while scanning an alias", _special_start),
    ("while scanning an anchor", _special_start),
    ("did not find expected key", _expected_key),
]
