"""Phone numbers and wa.me order links: pure functions, no I/O."""

from __future__ import annotations

import string
from urllib.parse import quote

from etalase.yamlio import Scalar

PLACEHOLDERS = frozenset({"product", "name", "variant", "price", "url", "site", "greeting"})
MAX_TEMPLATE = 300
MAX_MESSAGE = 600


def phone_problem(node: Scalar, region: str = "ID") -> tuple[str, dict[str, str]] | None:
    """Why a written phone number cannot be used, or None."""
    if node.plain and node.guessed in {"int", "float"}:
        # YAML would read 0274512345 as an octal number and +62812... as an int.
        return "phone.unquoted", {"value": node.text}
    if normalize_phone(node.text, region) is None:
        return "phone.invalid", {"value": node.text}
    return None


def normalize_phone(text: str, region: str = "ID") -> str | None:
    """International digits without "+" (6281234567890), or None when invalid."""
    import phonenumbers  # 20 ms: only once a number is read again (see memo.py)

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]


def template_problem(template: str) -> tuple[str, dict[str, str]] | None:
    """Why an order message template cannot be used, or None."""
    if len(template) > MAX_TEMPLATE:
        return "order_message.too_long", {"length": str(len(template)), "limit": str(MAX_TEMPLATE)}
    try:
        fields = [(f, spec, conversion) for _, f, spec, conversion
                  in string.Formatter().parse(template) if f is not None]
    except ValueError:
        return "order_message.braces", {}
    known = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS))
    for name, spec, conversion in fields:
        if name not in PLACEHOLDERS:
            return "order_message.placeholder", {"name": name, "known": known}
        if spec or conversion:  # {product:>999999999} would pad the link to gigabytes
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return "order_message.format", {"written": written, "name": name}
    return None


def order_text(template: str, **values: str) -> str:
    """The pre-filled message, capped so that a long name can never make a huge link."""
    text = template.format(**values)
    if len(text) <= MAX_MESSAGE:
        return text
    url = values.get("url", "")
    keep = MAX_MESSAGE - len(url) - 2
    return f"{text[:keep].rstrip()}… {url}".rstrip()


def order_link(number: str, text: str) -> str:
    """``https://wa.me/<digits>?text=<percent-encoded UTF-8, %20 for spaces>``."""
    return f"https://wa.me/{number}?text={quote(text, safe='')}"
