"""Markdown written by volunteers, rendered and then sanitised with nh3.

Sanitising happens after rendering, so raw HTML in Markdown gets the same treatment as
Markdown syntax: no scripts, no event handlers, no ``javascript:``/``data:`` links, no
comments. Images are dropped: photos must go through the image stage (``images:`` or
``photo:``), which strips their location data, and no page may load from other hosts.
"""

from __future__ import annotations

import re
from html import unescape

import markdown
import nh3
from markdown.extensions import (
    abbr,
    attr_list,
    def_list,
    fenced_code,
    footnotes,
    md_in_html,
    sane_lists,
    tables,
)

TAGS = frozenset({
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small",
    "sub", "sup", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "abbr",
})
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
_IMAGE = re.compile(r"!\[|<img\b", re.IGNORECASE)


# "extra" and "sane_lists", given as extension objects: by name, Markdown looks them up
# among every installed package's entry points, 8 ms of every build.
_EXTRA = (fenced_code, footnotes, attr_list, def_list, tables, abbr, md_in_html)
_MARKDOWN = markdown.Markdown(
    extensions=[module.makeExtension() for module in (*_EXTRA, sane_lists)],
    output_format="html",
)


def render(text: str) -> str:
    html = _MARKDOWN.reset().convert(text)  # one converter: building one costs ~1 ms
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(attrs) for tag, attrs in ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def image_line(text: str) -> int | None:
    """The 1-based line of the first image in Markdown text, which will not be shown."""
    match = _IMAGE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def plain_text(html: str, limit: int = 160) -> str:
    """Sanitised HTML as one line of plain text, cut at a word: for meta descriptions."""
    text = " ".join(unescape(nh3.clean(html, tags=set())).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
