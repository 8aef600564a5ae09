"""The theme's texts written into its templates when they are compiled.

A page calls ``t("order_whatsapp")`` a dozen times; each call goes through the
sandbox and the output escaping, on every page, for text that is the same on all of
them. Where a template uses ``t`` only that way, each ``t("key")`` is replaced by the
text itself as a string literal, which Jinja escapes once and joins with the markup
around it. A template that uses the name ``t`` in any other way (binds it, passes it,
reads an attribute of it) or asks for a key the theme lacks is left as written, so its
behaviour and its error messages stay exactly Jinja's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import jinja2
import jinja2.ext
from jinja2.lexer import Token, TokenStream

NAME = "t"  # the helper the theme's templates call for a text


class ThemeTexts(jinja2.ext.Extension):
    """Set ``environment.theme_texts`` (key -> text) before the first template loads."""

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.extend(theme_texts={})

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        tokens = list(stream)
        folded = fold(tokens, self.environment.theme_texts)  # type: ignore[attr-defined]
        return tokens if folded is None else folded


def fold(tokens: list[Token], texts: Mapping[str, str]) -> list[Token] | None:
    """``tokens`` with every ``t("key")`` as a string of its text; None where the name
    ``t`` is used any other way, or a key is not among ``texts``."""
    out: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token.type == "name" and token.value == NAME and _name_of_own(tokens, at):
            call = tokens[at + 1:at + 4]
            if [part.type for part in call] != ["lparen", "string", "rparen"]:
                return None
            if call[1].value not in texts:
                return None
            out.append(Token(token.lineno, "string", texts[call[1].value]))
            at += 4
            continue
        out.append(token)
        at += 1
    return out


def _name_of_own(tokens: list[Token], at: int) -> bool:
    """Whether the name at ``at`` is a variable, not an attribute (``loop.t``)."""
    return at == 0 or tokens[at - 1].type != "dot"


def digest(texts: Mapping[str, str]) -> str:
    """The texts' fingerprint, for caches of compiled templates."""
    return hashlib.sha256(repr(sorted(texts.items())).encode()).hexdigest()
