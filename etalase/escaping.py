"""HTML escaping as plain text: markupsafe's escaping, without a Markup object per value.

A page writes about a hundred values; Jinja's autoescaping makes a Markup object of each
(a Python-level constructor) only to join them into the page at once.
"""

from __future__ import annotations

from typing import Any

import markupsafe

try:  # the C escaping behind markupsafe.escape
    from markupsafe import _escape_inner
except ImportError:  # a later markupsafe may keep it elsewhere
    def _escape_inner(text: str, /) -> str:
        return str(markupsafe.escape(text))


def escaped_text(value: Any) -> str:
    """``str(markupsafe.escape(value))``: markup (anything with ``__html__``) as it is,
    anything else as text with ``& < > ' "`` escaped."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return _escape_inner(str(value))
