"""YAML loading that keeps every value as text, with the line it was written on.

PyYAML decides types on its own: ``price: 25.000`` becomes 25.0, ``category: no``
becomes False and a repeated key silently keeps the last value. Here the YAML is only
*composed* into nodes; each scalar stays the text the volunteer typed, together with
the type YAML would have guessed (so the schema can explain surprises), and types are
decided by the schema in :mod:`etalase.fields`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from etalase.errors import Loc, Report
from etalase.yamlerrors import explain

IMPLICIT = "implicit:"
_YAML_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Scalar:
    text: str
    line: int
    plain: bool
    guessed: str  # what YAML would have made of it: str, int, float, bool, null, ...
    comment: tuple[int, str] | None = None  # (line, text) YAML cut off as a comment: see
    # comment_after


@dataclass(frozen=True)
class Seq:
    items: list[Node]
    line: int


@dataclass(frozen=True)
class Map:
    line: int
    entries: dict[str, tuple[int, Node]] = field(default_factory=dict)  # key -> (line, value)


Node = Scalar | Seq | Map


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: ~10x faster
    """Marks the tags YAML guessed, so explicit tags (``!!python/...``) can be refused.
    A guess depends only on the node's kind, text and quoting, and the same keys and
    many values recur in every file: each guess is worked out once (a sixth of parsing)."""

    _guessed: ClassVar[dict[tuple[type, str | None, tuple[bool, bool] | bool], str]] = {}

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
        key = (kind, value, implicit)
        tag = self._guessed.get(key)
        if tag is None:
            tag = IMPLICIT + super().resolve(kind, value, implicit)
            if len(value or "") <= 80 and len(self._guessed) < 20_000:  # bounded: serve
                self._guessed[key] = tag  # runs for days, and descriptions do not recur
        return tag


def read_text(path: str | Path, rel: str, report: Report, max_bytes: int) -> str | None:
    """The file's text, or None after reporting why it cannot be read."""
    with open(path, "rb") as file:
        data = file.read()
    if len(data) > max_bytes:
        report.error(Loc(rel), "file.too_big", size=len(data) // 1024, limit=max_bytes // 1024)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report.error(Loc(rel, data[: exc.start].count(b"\n") + 1), "file.not_utf8")
        return None
    if not text.strip():
        report.error(Loc(rel, 1), "file.empty")
        return None
    if _hidden_characters(text, rel, report):
        return None
    return text


# Control characters other than tab and line ends, and the bidirectional overrides and
# isolates that make text display in another order than it is read ("Trojan Source").
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_ANY_HIDDEN = re.compile("[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")  # tab, line ends too


def hidden_character(text: str, allowed: str = "\t\n\r") -> tuple[str, str] | None:
    """(message key, "U+XXXX") of the first invisible character in a value, or None. Outside
    ``allowed``, tabs and line breaks count too (a name written on two lines)."""
    for found in _ANY_HIDDEN.finditer(text):  # a scan in C: values are mostly clean
        char = found.group()
        if char in allowed:
            continue
        if char < " " or char == "\x7f":
            return ("text.line_break" if char in "\t\n\r" else "text.control"), f"U+{ord(char):04X}"
        if _HIDDEN.match(char):
            return "text.bidi", f"U+{ord(char):04X}"
    return None


def _hidden_characters(text: str, rel: str, report: Report) -> bool:
    """Reports each line holding an invisible character that could hide or garble text."""
    lines: dict[int, str] = {}
    for found in _HIDDEN.finditer(text):
        lines.setdefault(text.count("\n", 0, found.start()) + 1, found.group())
    for line, char in lines.items():
        key = "text.bidi" if char >= "\u202a" else "text.control"
        report.error(Loc(rel, line), key, code=f"U+{ord(char):04X}")
    return bool(lines)


_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


def parse(text: str, rel: str, report: Report, first_line: int = 1) -> Node | None:
    """Compose one YAML document into nodes; report syntax problems with their line."""
    tab = _TAB_INDENT.search(text)
    if tab:
        report.error(Loc(rel, text.count("\n", 0, tab.start()) + first_line), "yaml.tab")
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (read_text found none)
        line = text.count("\n", 0, exc.position) + first_line
        report.error(Loc(rel, line), "text.control", code=f"U+{exc.character:04X}"
                     if isinstance(exc.character, int) else "?")
        return None
    except yaml.MarkedYAMLError as exc:
        found = explain(exc, text)  # the line to fix and the mistake, in plain words
        report.error(Loc(rel, found.line + first_line), found.key, **found.args)
        return None
    if root is None:
        report.error(Loc(rel, first_line), "file.empty")
        return None
    lines = text.split("\n") if "#" in text else None
    return _convert(root, rel, report, first_line - 1, lines)


def comment_after(node: yaml.ScalarNode, lines: list[str]) -> str | None:
    """The comment on the same line right after a plain value: in ``description: Teh
    jahe #1 di Purwokerto`` YAML keeps "Teh jahe" and drops "#1 di Purwokerto"."""
    if node.style or not node.value:
        return None
    rest = lines[node.end_mark.line][node.end_mark.column:]
    found = re.match(r"[ \t]+(#.*)", rest)
    return found.group(1).rstrip() if found else None


def _convert(node: yaml.Node, rel: str, report: Report, offset: int,
             lines: list[str] | None = None) -> Node | None:
    line = node.start_mark.line + 1 + offset
    if not node.tag.startswith(IMPLICIT):
        report.error(Loc(rel, line), "yaml.tag", tag=node.tag.replace(_YAML_TAG, "!!"))
        return None
    if isinstance(node, yaml.ScalarNode):
        guessed = node.tag.removeprefix(IMPLICIT).removeprefix(_YAML_TAG)
        comment = comment_after(node, lines) if lines else None
        return Scalar(node.value, line, not node.style, guessed,  # plain: no quotes
                      (node.end_mark.line + 1 + offset, comment) if comment else None)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, rel, report, offset, lines) for item in node.value]
        return Seq([item for item in items if item is not None], line)
    result = Map(line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1 + offset
        if not isinstance(key_node, yaml.ScalarNode):
            report.error(Loc(rel, key_line), "yaml.complex_key")
            continue
        key = key_node.value
        if key in result.entries:
            first = result.entries[key][0]
            report.error(Loc(rel, key_line), "yaml.duplicate_key", key=key, first=first)
            continue
        value = _convert(value_node, rel, report, offset, lines)
        if value is not None:
            result.entries[key] = (key_line, value)
    return result


def load_mapping(
    path: str | Path, rel: str, report: Report, max_bytes: int, text: str | None = None,
    first_line: int = 1,
) -> Map | None:
    """A file (or given front-matter text) that must hold ``key: value`` lines."""
    if text is None:
        text = read_text(path, rel, report, max_bytes)
        if text is None:
            return None
    root = parse(text, rel, report, first_line)
    if root is None:
        return None
    if not isinstance(root, Map):
        kind = "list" if isinstance(root, Seq) else "text"
        report.error(Loc(rel, root.line), f"yaml.not_mapping_{kind}")
        return None
    return root
