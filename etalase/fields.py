"""Typed reading of YAML mappings: the schema decides types, never YAML.

``Fields`` wraps one mapping and reports every problem with its file and line, then
returns ``None`` (or a default) so that loading goes on and all problems surface in
one run.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from etalase import hints, whatsapp
from etalase.errors import Loc, Report
from etalase.yamlio import Map, Node, Scalar, Seq, hidden_character

MAX_PRICE = 1_000_000_000
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_THOUSANDS_DOT = re.compile(r"\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(,\d{3})+")
_HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def is_missing(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.plain and node.guessed == "null")


class Fields:
    """One YAML mapping read against a set of known keys."""

    def __init__(self, node: Map, path: str, report: Report, known: Collection[str]) -> None:
        self.node = node
        self.path = path
        self.report = report
        above: tuple[str, int, Node] | None = None
        for key, (line, value) in node.entries.items():
            if key not in known:
                self._unknown(key, line, known, above)
            above = (key, line, value)

    def _unknown(self, key: str, line: int, known: Collection[str],
                 above: tuple[str, int, Node] | None) -> None:
        """An unknown field is an error (``--lenient``: a warning): its text would be lost."""
        loc, meant = Loc(self.path, line), hints.field_for(key, known)
        if above and not meant and _continues_text(key, above[2]):
            self.report.lenient_error(loc, "field.continuation", key=key, above=above[0],
                                      above_line=above[1])
        elif meant:
            kind = "field.unknown_word" if meant[1] else "field.unknown_close"
            self.report.lenient_error(loc, kind, key=key, close=meant[0])
        else:
            self.report.lenient_error(loc, "field.unknown", key=key,
                                      known=", ".join(sorted(known)))

    def loc(self, key: str | None = None) -> Loc:
        """The line of a value, or of the mapping itself when the key is absent."""
        entry = self.node.entries.get(key) if key else None
        return Loc(self.path, entry[1].line if entry else self.node.line)

    def raw(self, key: str) -> Node | None:
        entry = self.node.entries.get(key)
        return None if is_missing(entry[1] if entry else None) else entry[1]

    def scalar(self, key: str, required: bool = False) -> Scalar | None:
        node = self.raw(key)
        if node is None:
            if required:
                self.report.error(self.loc(key), "field.required", key=key)
            return None
        if not isinstance(node, Scalar):
            kind = "list" if isinstance(node, Seq) else "mapping"
            self.report.error(self.loc(key), "field.not_scalar", key=key, kind=kind)
            return None
        return node

    def text(self, key: str, required: bool = False, max_len: int = 200,
             word: bool = False, markdown: bool = False) -> str | None:
        """A text value. Unless it is a ``word`` (a status, a language...), a comment YAML
        cut off its end (``Teh jahe #1 di Purwokerto``) is reported: that text is lost.
        Only ``markdown`` may hold tabs and line breaks."""
        node = self.scalar(key, required)
        if node is None:
            return None
        if node.comment and not word:
            self.report.error(Loc(self.path, node.comment[0]), "yaml.comment_value", key=key,
                              lost=node.comment[1])
        text = node.text.strip()
        if not text:
            if required:
                self.report.error(self.loc(key), "field.required", key=key)
            return None
        hidden = hidden_character(text, "\t\n\r" if markdown else "")
        if hidden:
            self.report.error(self.loc(key), hidden[0], code=hidden[1])
            return None
        if len(text) > max_len:
            self.report.error(
                self.loc(key), "field.too_long", key=key, length=len(text), limit=max_len
            )
            return None
        return text

    def boolean(self, key: str, default: bool = False) -> bool:
        node = self.scalar(key)
        if node is None:
            return default
        if node.text in _TRUE:
            return True
        if node.text in _FALSE:
            return False
        self.report.error(self.loc(key), "field.not_bool", key=key, value=node.text)
        return default

    def whole_number(self, key: str, required: bool = False) -> int | None:
        """A positive whole number such as a weight in grams."""
        node = self.scalar(key, required)
        if node is None:
            return None
        text = node.text.strip()
        if not text.isdigit() or int(text) <= 0:
            self.report.error(self.loc(key), "field.not_whole", key=key, value=text)
            return None
        return int(text)

    def count(self, key: str) -> int | None:
        """A whole number that may be 0, such as how many are left in stock."""
        node = self.scalar(key)
        if node is None:
            return None
        text = node.text.strip()
        if not text.isdigit():
            self.report.error(self.loc(key), "field.not_count", key=key, value=text)
            return None
        return int(text)

    def colour(self, key: str) -> str | None:
        """A CSS hex colour (``"#0b6b3a"`` or ``"#fff"``), as ``#rrggbb`` in lower case.
        Unquoted, YAML takes ``#0b6b3a`` for a comment and the value for empty: a key
        written with nothing after it is reported too, so the colour is not lost."""
        entry = self.node.entries.get(key)
        if entry is not None and is_missing(entry[1]):
            self.report.error(self.loc(key), "field.colour_empty", key=key)
            return None
        text = self.text(key, max_len=40, word=True)
        if text is None:
            return None
        if not _HEX_COLOUR.fullmatch(text):
            self.report.error(self.loc(key), "field.not_colour", key=key, value=text)
            return None
        digits = text[1:].lower()
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))

    def price(self, key: str = "price", required: bool = True) -> int | None:
        node = self.scalar(key, required)
        if node is None:
            return None
        problem = price_problem(node)
        if problem:
            message_key, args = problem
            self.report.error(self.loc(key), message_key, **args)
            return None
        return int(node.text.strip())

    def phone(self, key: str, required: bool = False) -> str | None:
        """A WhatsApp number in international digits (6281234567890)."""
        node = self.scalar(key, required)
        if node is None:
            return None
        problem = whatsapp.phone_problem(node)
        if problem:
            self.report.error(self.loc(key), problem[0], **problem[1])
            return None
        return whatsapp.normalize_phone(node.text)

    def items(self, key: str) -> list[Node]:
        """A list value; a single value counts as a list of one."""
        node = self.raw(key)
        if node is None:
            return []
        if isinstance(node, Seq):
            return node.items
        if isinstance(node, Map):
            self.report.error(self.loc(key), "field.not_list", key=key)
            return []
        return [node]

    def text_list(self, key: str, max_len: int = 80) -> list[str]:
        return [text for text, _ in self.located_texts(key, max_len)]

    def located_texts(self, key: str, max_len: int = 80) -> list[tuple[str, Loc]]:
        """Each text of a list with the line it is on."""
        values = []
        for item in self.items(key):
            loc = Loc(self.path, item.line)
            text = item.text.strip() if isinstance(item, Scalar) else ""
            if isinstance(item, Scalar) and item.comment:
                self.report.error(Loc(self.path, item.comment[0]), "yaml.comment_item",
                                  key=key, lost=item.comment[1])
            hidden = hidden_character(text, "")
            if not text:
                self.report.error(loc, "field.list_item_text", key=key)
            elif hidden:
                self.report.error(loc, hidden[0], code=hidden[1])
            elif len(text) > max_len:
                self.report.error(loc, "field.too_long", key=key, length=len(text), limit=max_len)
            else:
                values.append((text, loc))
        return values


def _continues_text(key: str, above: Node) -> bool:
    """Whether an unknown ``key`` line is really the next line of the text above it,
    written without indentation (``Bisa dicuci: pakai tangan.`` under a description):
    field names have no spaces and no capitals."""
    text_above = isinstance(above, Scalar) and above.guessed == "str" and bool(above.text)
    return text_above and (any(c.isspace() for c in key) or key[:1].isupper())


def price_problem(node: Scalar) -> tuple[str, dict[str, object]] | None:
    """Why a price cannot be used as whole rupiah, or None when it can.

    A price is never guessed: "25.000" could be a typo as easily as a thousands
    separator, and a wrong price is worse than a build that asks for a fix.
    """
    text = node.text.strip()
    if text.isdigit():
        if int(text) == 0:
            return "price.zero", {}
        if int(text) > MAX_PRICE:
            return "price.too_big", {"value": text}
        return None
    digits = re.sub(r"\D", "", text)
    if node.plain and node.guessed == "bool":
        return "price.not_number", {"value": text}
    if text.startswith("-"):
        return "price.negative", {"value": text}
    if re.match(r"(?i)rp\.?\s*", text):
        return "price.currency", {"value": text, "fixed": digits or "25000"}
    if _THOUSANDS_DOT.fullmatch(text):
        if node.plain:  # YAML itself reads "25.000" as the number 25
            read = format(float(text), "g")
            return "price.dots_read", {"value": text, "read": read, "fixed": digits}
        return "price.dots", {"value": text, "fixed": digits}
    if _THOUSANDS_COMMA.fullmatch(text):
        return "price.commas", {"value": text, "fixed": digits}
    if re.fullmatch(r"\d+[.,]\d+", text):
        return "price.fraction", {"value": text}
    return "price.not_number", {"value": text}

