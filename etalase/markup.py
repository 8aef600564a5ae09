"""Markdown written by volunteers, rendered and then sanitised with nh3.

Sanitising happens after rendering, so raw HTML in Markdown gets the same treatment as
Markdown syntax: no scripts, no event handlers, no ``javascript:``/``data:`` links, no
comments. Images are dropped: photos must go through the image stage (``images:`` or
``photo:``), which strips their location data, and no page may load from other hosts.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from html import unescape

import nh3

from etalase import minify

TAGS = frozenset({
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small",
    "sub", "sup", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "abbr",
})
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
_IMAGE = re.compile(r"!\[|<img\b", re.IGNORECASE)
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_BLOCK = re.compile(r"<(?:/?(?:p|li|[uo]l|h[1-6]|blockquote|pre|table|tr|t[dh]|dl|d[td])|br|hr)\b",
                    re.IGNORECASE)


def render(text: str) -> str:
    """Sanitised HTML, minified as the theme's templates are (``etalase.minify``)."""
    return minify.page(_sanitise(_markdown()(text)))


@functools.cache
def _markdown() -> Callable[[str], str]:
    """CommonMark, by pulldown-cmark (the parser Zola uses, through pyromark): what a
    volunteer types from a phone works as in other apps (a list right under a line of
    text, a sub-list indented by two spaces), plus tables, footnotes, ~~strikethrough~~,
    definition lists and ``{#id}`` after a heading. Thirty times faster than
    Python-Markdown, which took half of the time of a cold build of 5,000 products."""
    import pyromark

    wanted = ("TABLES", "FOOTNOTES", "STRIKETHROUGH", "DEFINITION_LIST", "HEADING_ATTRIBUTES")
    options = functools.reduce(operator.or_, (getattr(pyromark.Options, f"ENABLE_{name}")
                                              for name in wanted))

    def convert(text: str) -> str:
        return pyromark.html(text, options=options).rstrip("\n")

    return convert


def _sanitise(html: str) -> str:
    return _cleaner().clean(html)


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """The sanitiser, made once (nh3.clean builds its sanitiser from the Python sets on
    every call: 60% of its time on a description)."""
    return nh3.Cleaner(
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
    text = _one_line(html)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


@functools.lru_cache(maxsize=64)  # a page cuts its text twice (meta and structured data)
def _one_line(html: str) -> str:
    """The text of sanitised HTML, a space where a block ends (minified HTML has no line
    break there). Its tags are found by a pattern: nh3 writes every `<` of text as
    ``&lt;`` and quotes any attribute value holding a `>`, and minify-html keeps that."""
    return " ".join(unescape(_TAG.sub(_between, html)).split())


def _between(tag: re.Match[str]) -> str:
    return " " if _BLOCK.match(tag.group(0)) else ""
