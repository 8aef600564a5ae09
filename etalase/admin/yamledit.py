"""Changing a content file the way a careful volunteer would in a text editor.

``ruamel.yaml`` round-trips the file: comments, key order, quoting and every key the
form does not show stay as they were; only values the form changed are replaced. The
build never reads files through this module (it has its own strict loader); this one
only writes, and the result is checked by the build's loader before it is kept.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)


class Unreadable(Exception):
    """The file cannot be parsed; the admin then shows the build's own message."""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # the starters' style: "  - src: ..."
    yaml.width = 4096  # never fold a long description line
    return yaml


def load(text: str) -> CommentedMap:
    try:
        data = _yaml().load(text)
    except YAMLError as exc:
        raise Unreadable(str(exc)) from exc
    if not isinstance(data, CommentedMap):
        raise Unreadable("not a mapping")
    return data


def dump(data: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def split_story(text: str) -> tuple[str, str]:
    """(front matter, body) of a story file."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise Unreadable("no front matter")
    return match.group(1), text[match.end():]


def join_story(front: CommentedMap, body: str) -> str:
    return f"---\n{dump(front)}---\n{body}"


def current(data: CommentedMap, key: str) -> Any:
    return data.get(key)


def set_text(data: CommentedMap, key: str, value: str, quoted: bool = False) -> None:
    """A text value; several lines become a ``|`` block, as the starters write them.
    Unchanged values are left alone, so their quoting stays as written."""
    if value == "":
        set_empty(data, key)
        return
    if scalar_text(data.get(key)) == value:
        return
    if "\n" in value:
        data[key] = LiteralScalarString(value.rstrip("\n") + "\n")
    else:
        data[key] = DoubleQuotedScalarString(value) if quoted else value


def set_plain(data: CommentedMap, key: str, value: Any) -> None:
    """A number or true/false, written without quotes."""
    if value is None or value == "":
        set_empty(data, key)
    elif key not in data or scalar_text(data[key]) != scalar_text(value):
        data[key] = value  # an unchanged value keeps its quotes


def set_empty(data: CommentedMap, key: str) -> None:
    """A cleared value: the key stays, empty, keeping the comments around it."""
    if key in data and data[key] is not None:
        replace(data, key, None)


def replace(data: CommentedMap, key: str, value: Any) -> None:
    """Sets a value. The comment lines after a list or mapping belong, for ruamel, to its
    last entry (they are usually the next key's help): they move to the new value."""
    trailing = _trailing_comment(data.get(key))
    data[key] = value
    if trailing is not None and not isinstance(value, CommentedSeq | CommentedMap):
        data.ca.items.setdefault(key, [None, None, None, None])[2] = trailing
    elif trailing is not None and isinstance(value, CommentedSeq | CommentedMap) and value:
        last = len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1]
        target = value[last] if isinstance(value[last], CommentedSeq | CommentedMap) else value
        index = last if target is value else list(target)[-1] if isinstance(
            target, CommentedMap) else len(target) - 1
        slots = target.ca.items.setdefault(index, [None, None, None, None])
        slots[2 if isinstance(target, CommentedMap) else 0] = trailing


def _trailing_comment(value: Any) -> Any:
    """The comment token after a list's or mapping's last entry, taken off it."""
    while isinstance(value, CommentedSeq | CommentedMap) and value:
        last = len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1]
        slot = 0 if isinstance(value, CommentedSeq) else 2
        if isinstance(value[last], CommentedSeq | CommentedMap):
            value = value[last]
            continue
        slots = value.ca.items.get(last)
        if slots and slots[slot] is not None:
            token, slots[slot] = slots[slot], None
            return token
        return None
    return None


def set_list(data: CommentedMap, key: str, values: list[Any]) -> None:
    """A list; an existing one is changed in place, so a ``[a, b]`` list stays one."""
    old = data.get(key)
    if not values:
        set_empty(data, key)
        return
    if isinstance(old, CommentedSeq) and not any(isinstance(v, dict) for v in values):
        if list(old) != values:
            trailing = _trailing_comment(old)
            old.clear()
            old.extend(values)
            if trailing is not None:
                old.ca.items.setdefault(len(old) - 1, [None, None, None, None])[0] = trailing
        return
    if old != values:
        new = CommentedSeq(values)
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            new.fa.set_flow_style()
        replace(data, key, new)


def scalar_text(value: Any) -> str | None:
    """A scalar as the form shows it; None for anything else (a list, a float...)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).rstrip("\n") if isinstance(value, str | int) else None
