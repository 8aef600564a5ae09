"""Forms that follow the content format: fields from the schema, help from the starters,
problems from the build's own loader.

Which fields a form has comes from the loader's known keys (``PRODUCT_KEYS``...), in the
starter's order, so a key added to the format shows up as a text field with the help
its starter line gives, without touching this module. Only keys that need a special
input (a price, a choice, a list) are named here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from ruamel.yaml.comments import CommentedMap

from etalase import messages
from etalase.admin import yamledit
from etalase.admin.web import Form
from etalase.errors import Problem, Report
from etalase.yamlio import Map, parse

# The inputs keys need, when not a one-line text field.
KINDS = {
    "price": "number", "weight": "number", "description": "textarea", "about": "textarea",
    "status": "status", "featured": "checkbox", "noindex": "checkbox", "consent": "consent",
    "category": "choice", "maker": "choice", "materials": "list", "tags": "list",
    "products": "products", "variants": "variants", "images": "photos", "photo": "photo",
    "whatsapp": "phone", "date": "date", "order_message": "textarea", "payment": "list",
    "shipping": "shipping",
}
SHIPPING_PARTS = ("from", "couriers", "note")  # site.yaml's shipping: a note, or these
HIDDEN = {"noindex"}  # kept in the file, not asked on a phone
DEFAULTS = {"status": "available"}  # a form's value that a file need not spell out
_KEY_LINE = re.compile(r"^#?\s?([a-z_]+):")
_EDITOR_ONLY = ("#", "kutip", "spasi", "python site.py", ".yaml")  # advice for an editor


@dataclass(frozen=True)
class FieldSpec:
    key: str
    kind: str
    help: str  # the starter's comment above the key (Indonesian); "" when it has none
    owner: str = ""  # the kind of file: "product", "story", "settings"


@dataclass
class Filled:
    """A form as the volunteer left it: values by field, problems by field."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)  # problems no field holds
    warnings: list[str] = field(default_factory=list)  # shown, but the save goes on

    @property
    def ok(self) -> bool:
        return not self.problems and not self.general


@functools.cache
def starter_help(kind: str) -> dict[str, str]:
    """Each key's help text: the comment lines just above it in the starter."""
    name = {"product": "product.yaml", "story": "story.md"}[kind]
    helps: dict[str, str] = {}
    pending: list[str] = []
    for line in (files("etalase") / "starters" / name).read_text("utf-8").splitlines():
        key = _KEY_LINE.match(line)
        if key and not line.startswith("#   "):
            if pending and key.group(1) not in helps:
                helps[key.group(1)] = " ".join(pending)
            pending = []
        elif line.startswith("# "):
            text = re.sub(r"\s*\([^)]*\)", _editor_aside, line[2:].strip())
            sentences = re.split(r"(?<=[.)])\s+", text)
            pending += [s for s in sentences if not any(w in s for w in _EDITOR_ONLY)]
        elif not line.strip():
            pending = []
    return helps


def _editor_aside(match: re.Match[str]) -> str:
    """Drops "(..., diawali dua spasi)": advice for a text editor, not for a form."""
    return "" if any(w in match.group(0) for w in _EDITOR_ONLY) else match.group(0)


def specs(kind: str, known: Collection[str]) -> list[FieldSpec]:
    """The form's fields: the starter's keys in its order, then the other known keys."""
    helps = starter_help(kind) if kind in ("product", "story") else {}
    rest = [k for k in known if k not in helps]
    order = [k for k in helps if k in known] + (rest if isinstance(known, list | tuple)
                                                 else sorted(rest))
    return [FieldSpec(k, KINDS.get(k, "text"), helps.get(k, ""), kind) for k in order
            if k not in HIDDEN]


def text_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(text_of(v) for v in value)
    text = yamledit.scalar_text(value)
    return str(value).rstrip("\n") if text is None else text


def values_from(data: CommentedMap, fields: list[FieldSpec]) -> dict[str, Any]:
    """What the form shows for a file."""
    values: dict[str, Any] = {}
    for spec in fields:
        raw = data.get(spec.key)
        if spec.kind == "variants":
            values[spec.key] = [_variant_row(v) for v in raw or []]
        elif spec.kind == "photos":
            values[spec.key] = [_photo_row(v) for v in raw or []]
        elif spec.kind == "photo":
            values[spec.key] = [_photo_row(raw)] if raw else []
        elif spec.kind in ("checkbox", "consent"):
            values[spec.key] = raw is True
        elif spec.kind == "products":
            values[spec.key] = [text_of(v) for v in raw or []]
        elif spec.kind == "shipping":
            values[spec.key] = _shipping_row(raw)
        else:
            values[spec.key] = text_of(raw)
    return values


def _shipping_row(value: Any) -> dict[str, str]:
    """Where parcels go from, by which couriers, and a note; a plain line is the note."""
    if isinstance(value, dict):
        return {part: text_of(value.get(part)) for part in SHIPPING_PARTS}
    return {"from": "", "couriers": "", "note": text_of(value)}


def _variant_row(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {"name": text_of(value.get("name")), "price": text_of(value.get("price"))}
    return {"name": text_of(value), "price": ""}


def _photo_row(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {"src": text_of(value.get("src")), "alt": text_of(value.get("alt"))}
    return {"src": text_of(value), "alt": ""}


def values_posted(form: Form, fields: list[FieldSpec]) -> dict[str, Any]:
    """What the volunteer sent, in the same shape as :func:`values_from`."""
    values: dict[str, Any] = {}
    for spec in fields:
        key = spec.key
        if spec.kind == "variants":
            rows = zip(form.all(f"{key}.name"), form.all(f"{key}.price"), strict=False)
            values[key] = [{"name": n.strip(), "price": p.strip()} for n, p in rows
                           if n.strip() or p.strip()]
        elif spec.kind in ("photos", "photo"):
            values[key] = _posted_photos(form, key)
        elif spec.kind in ("checkbox", "consent"):
            values[key] = form.get(key) == "true"
        elif spec.kind == "products":
            values[key] = [v for v in form.all(key) if v]
        elif spec.kind == "shipping":
            values[key] = {part: form.get(f"{key}.{part}").strip() for part in SHIPPING_PARTS}
        elif spec.kind == "choice" and form.get(key) == "":
            values[key] = form.get(f"{key}.new").strip()
        else:
            values[key] = form.get(key).replace("\r\n", "\n").strip()
    return values


def _posted_photos(form: Form, key: str) -> list[dict[str, str]]:
    rows = []
    for index, src in enumerate(form.all(f"{key}.src")):
        if form.get(f"{key}.remove.{index}") == "true":
            continue
        alt = form.get(f"{key}.alt.{index}").strip()
        order = form.get(f"{key}.order.{index}").strip()
        place = int(order) if order.isdigit() else index + 1
        rows.append((place, index, {"src": src, "alt": alt}))
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]


def apply(data: CommentedMap, fields: list[FieldSpec], values: dict[str, Any]) -> None:
    """Writes the form's values into the file's data, changing only what changed."""
    for spec in fields:
        key, value = spec.key, values.get(spec.key)
        if key not in data and value == DEFAULTS.get(key):
            continue
        if spec.kind == "variants":
            yamledit.set_list(data, key, [_variant_entry(row) for row in value or []])
        elif spec.kind == "photos":
            _apply_photos(data, key, value or [])
        elif spec.kind == "photo":
            _apply_photo(data, key, (value or [])[:1])
        elif spec.kind == "list":
            items = [v.strip() for v in str(value or "").split(",") if v.strip()]
            yamledit.set_list(data, key, items)
        elif spec.kind == "products":
            yamledit.set_list(data, key, list(value or []))
        elif spec.kind == "shipping":
            _apply_shipping(data, key, value or {})
        elif spec.kind in ("checkbox", "consent"):
            if value or key in data:
                yamledit.set_plain(data, key, bool(value))
        elif spec.kind in ("number", "date") or spec.kind == "text":
            yamledit.set_plain(data, key, _typed(str(value or "")))
        else:
            yamledit.set_text(data, key, str(value or ""), quoted=spec.kind == "phone")


def _typed(text: str) -> Any:
    """A value as YAML would read it from a careful volunteer's typing: digits are a
    number, a date is a date; anything else stays text (the loader says what is wrong)."""
    if text.isdigit() and not text.startswith("0"):
        return int(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _apply_shipping(data: CommentedMap, key: str, row: dict[str, str]) -> None:
    """A note alone stays one line; otherwise a mapping, changed in place when there is
    one (its comments and order stay)."""
    old = data.get(key)
    if _shipping_row(old) == {part: row.get(part, "") for part in SHIPPING_PARTS}:
        return
    if not any(row.values()):
        yamledit.set_empty(data, key)
    elif not isinstance(old, CommentedMap) and not row.get("from") and not row.get("couriers"):
        yamledit.set_text(data, key, row.get("note", ""))
    else:
        target = old if isinstance(old, CommentedMap) else CommentedMap()
        for part in SHIPPING_PARTS:
            _set_part(target, part, row.get(part, ""))
        if target is not old:
            yamledit.replace(data, key, target)


def _set_part(data: CommentedMap, part: str, text: str) -> None:
    if not text:
        data.pop(part, None)
    elif part == "couriers":
        yamledit.set_list(data, part, [v.strip() for v in text.split(",") if v.strip()])
    else:
        yamledit.set_text(data, part, text)


def _variant_entry(row: dict[str, str]) -> Any:
    entry = CommentedMap(name=row["name"])
    if row["price"]:
        entry["price"] = _typed(row["price"])
    return entry


def _apply_photos(data: CommentedMap, key: str, rows: list[dict[str, str]]) -> None:
    old = {(_photo_row(v)["src"], _photo_row(v)["alt"]): v for v in data.get(key) or []}
    entries = [old.get((row["src"], row["alt"])) or _photo_entry(row) for row in rows]
    if [_photo_row(v) for v in data.get(key) or []] != rows:
        yamledit.set_list(data, key, entries)


def _apply_photo(data: CommentedMap, key: str, rows: list[dict[str, str]]) -> None:
    """A story's one photo: written as a plain path, or with its alt text when it has one."""
    old = data.get(key)
    if old and [_photo_row(old)] == rows:
        return
    if not rows:
        yamledit.set_empty(data, key)
    else:
        data[key] = _photo_entry(rows[0]) if rows[0]["alt"] else rows[0]["src"]


def _photo_entry(row: dict[str, str]) -> CommentedMap:
    entry = CommentedMap(src=row["src"])
    if row["alt"]:
        entry["alt"] = row["alt"]
    return entry


def place_problems(problems: Iterable[Problem], text: str, rel: str, lang: str,
                   filled: Filled, first_line: int = 1) -> None:
    """Puts each problem of ``rel`` next to the field written on its line."""
    lines = _key_lines(text, first_line)
    for problem in problems:
        if problem.severity != "error":
            if problem.severity == "warning":
                filled.warnings.append(shown(problem, lang))
            continue
        key = _key_at(lines, problem.loc.line)
        if key is None or key not in filled.values:
            filled.general.append(shown(problem, lang))
        else:
            filled.problems.setdefault(key, []).append(shown(problem, lang))


def shown(problem: Problem, lang: str) -> str:
    """A problem as the admin shows it beside a field: the build's words, without the
    file and line (the field is the place)."""
    message, hint = messages.text(problem.key, lang, problem.args)
    return f"{message} — {hint}" if hint else message


def _key_lines(text: str, first_line: int) -> list[tuple[int, str]]:
    node = parse(text, "", Report(), first_line)
    if not isinstance(node, Map):
        return []
    return sorted((line, key) for key, (line, _) in node.entries.items())


def _key_at(lines: list[tuple[int, str]], line: int | None) -> str | None:
    found = None
    for start, key in lines:
        if line is not None and start <= line:
            found = key
    return found


def changes(before: CommentedMap | None, now: CommentedMap | None,
            fields: list[FieldSpec]) -> list[tuple[str, str, str]]:
    """(field, value before, value now) for every shown field that differs."""
    if before is None or now is None:
        return []
    old, new = values_from(before, fields), values_from(now, fields)
    return [(spec.key, _shown(old[spec.key]), _shown(new[spec.key])) for spec in fields
            if old[spec.key] != new[spec.key]]


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(v for v in value.values() if v)
    if isinstance(value, list):
        return "; ".join(" ".join(v for v in row.values() if v) for row in value)
    return text_of(value)


def merged(values: dict[str, Any], before: CommentedMap | None, now: CommentedMap | None,
           fields: list[FieldSpec]) -> dict[str, Any]:
    """The volunteer's entries, with the changes made elsewhere taken into the fields she
    did not touch: saving again then replaces only what she changed herself."""
    if before is None or now is None:
        return values
    old, new = values_from(before, fields), values_from(now, fields)
    return {key: new[key] if key in old and _same(value, old[key]) else value
            for key, value in values.items()}


def _same(posted: Any, shown: Any) -> bool:
    if isinstance(shown, list) and isinstance(posted, list):
        return [dict(r) for r in posted] == [dict(r) for r in shown]
    return posted == shown
