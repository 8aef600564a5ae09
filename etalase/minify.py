"""Minified pages, by minify-html (a real HTML parser, not regular expressions)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import minify_html
from markupsafe import Markup

from etalase.escaping import escaped_text

if TYPE_CHECKING:
    from jinja2 import Environment

# What stands for a template's tag while minify-html reads the template as HTML. The
# spaces keep an attribute value that holds one quoted: a page fills it with any text.
_STANDS_FOR = {"variable_begin": ("variable_end", "{{{{ P{} }}}}", "{{{{{}{}}}}}"),
               "block_begin": ("block_end", "{{% P{} %}}", "{{%+{}{}+%}}")}
_STAND_IN = re.compile(r"\{\{ P(\d+) \}\}|\{% P(\d+) %\}")
ATTRIBUTE = "etalase_attribute"  # the name of ``attribute`` as a template filter
_NEEDS_QUOTES = re.compile(r"[\s\"'=<>`]")
_HELD = "data-etalase-held-"  # stands in for an element's attributes
_TAG = re.compile(r"""(?P<raw>(?is:<(script|style|title|textarea)\b(?:"[^"]*"|'[^']*'|[^'">])*>"""
                  r""".*?</\2\s*>))|<(?P<name>[a-zA-Z][^\s/>]*)"""
                  r"""(?P<attributes>(?:"[^"]*"|'[^']*'|[^'">])*?)(?P<end>/?)>""")
_WHOLE_VALUE = re.compile(r"""=\s*(?:"\{\{ P(\d+) \}\}"|'\{\{ P(\d+) \}\}')""")
_SYNTAX = re.compile(r"\{[{%#]")
_QUOTED = re.compile(r"""=\s*("[^"]*"|'[^']*')""")
_ELEMENT = re.compile(r"</?([a-zA-Z][^\s/>]*)")


def page(html: str) -> str:
    """The page without insignificant whitespace and comments.

    Inline CSS is left as it is: the theme's stylesheet is the same on every page, so it
    is minified once (``css``) rather than on each of thousands of pages. Closing tags and
    the <html>/<head> tags are kept: omitting them is valid HTML5, but saves a few bytes
    after gzip at the price of confusing simpler parsers (Opera Mini's proxy, feed
    readers, tests).
    """
    return minify_html.minify(html, **_PAGE)


def css(text: str) -> str:
    """A minified stylesheet, for a <style> element."""
    return _inside("style", text, minify_css=True)


def script(js: str) -> str:
    """A minified script file."""
    return _inside("script", js, minify_js=True)


def _inside(tag: str, text: str, **options: bool) -> str:
    """minify-html minifies CSS and scripts only inside HTML, so the text is wrapped in
    its element and taken out again."""
    wrapped = minify_html.minify(f"<{tag}>{text}</{tag}>", **options)
    if not (wrapped.startswith(f"<{tag}>") and wrapped.endswith(f"</{tag}>")):
        raise ValueError(f"minify-html changed the {tag} element")
    return wrapped[len(f"<{tag}>"):-len(f"</{tag}>")]


_PAGE = {"minify_css": False, "minify_js": True, "keep_closing_tags": True,
         "keep_html_and_head_opening_tags": True}


def template(source: str, env: Environment, name: str) -> str | None:
    """A page template minified once, so that the pages it makes need no minifying (a
    fifth of a build's time): the same whitespace and attributes out of the template's
    text, the template's tags as they were. None when that cannot be done with certainty
    (a raw block, a syntax error, an element minify-html would change): the caller then
    minifies every page instead.

    The template is cut up by Jinja's own lexer, with this environment's whitespace rules
    already applied to its text; each tag stands in as a placeholder minify-html keeps as
    it is, then comes back written so that no whitespace rule applies to it again (``{%+
    … +%}``); comments are dropped. An element with a tag among its attributes keeps its
    attributes as written."""
    from jinja2.exceptions import TemplateSyntaxError

    try:  # (a mistake the lexer misses, an unclosed block, fails the parse at the end)
        tokens = list(env.lexer.tokeniter(source, name))
    except TemplateSyntaxError:
        return None
    text: list[str] = []
    tags: list[tuple[int, str, str]] = []  # (line, written with {} for line breaks, inside)
    at = 0
    while at < len(tokens):
        kind = tokens[at][1]
        if kind == "data":
            text.append(tokens[at][2])
            at += 1
            continue
        end = "comment_end" if kind == "comment_begin" else _STANDS_FOR.get(kind, ("",))[0]
        closing = next((i for i in range(at + 1, len(tokens)) if tokens[i][1] == end), None)
        if not end or closing is None:  # a raw block, a line statement
            return None
        if kind != "comment_begin":
            _, placeholder, written = _STANDS_FOR[kind]
            tags.append((tokens[at][0], written, "".join(t[2] for t in tokens[at + 1:closing])))
            text.append(placeholder.format(len(tags)))
        at = closing + 1
    flat = "".join(text)
    if _HELD in flat:  # the stand-in's own name, written in the theme
        return None
    html, held, whole = _hold_attributes(flat)
    minified = minify_html.minify(html, preserve_brace_template_syntax=True, **_PAGE)
    if _elements(minified) != _elements(html) or _SYNTAX.search(_STAND_IN.sub("", minified)):
        return None  # an element changed, or text such as &#123;&#123; became a tag
    done = _put_back(_give_back_attributes(minified, held), tags, whole)
    try:
        return done and env.parse(done, name) and done
    except TemplateSyntaxError:
        return None


def _hold_attributes(html: str) -> tuple[str, list[str], set[int]]:
    """Each element whose attributes have a template tag outside a quoted value (``<li
    class=card{{ cart_data(p) }}>``) with one stand-in attribute instead, which
    minify-html leaves alone; the attributes held, in order; and the placeholders that
    are a whole quoted attribute value of an element (not text that looks like one,
    nor anything inside a script or a stylesheet)."""
    held: list[str] = []
    whole: set[int] = set()

    def hold(tag: re.Match[str]) -> str:
        if tag.group("raw"):  # a script, a stylesheet, a title or a textarea: as it is
            return tag.group(0)
        attributes = tag.group("attributes")
        if not _STAND_IN.search(_QUOTED.sub("", attributes)):
            whole.update(int(a or b) for a, b in _WHOLE_VALUE.findall(attributes))
            return tag.group(0)
        held.append(attributes)
        return f"<{tag.group('name')} {_HELD}{len(held)}{tag.group('end')}>"

    return _TAG.sub(hold, html), held, whole


def _give_back_attributes(html: str, held: list[str]) -> str:
    return re.sub(rf"\s?{_HELD}(\d+)", lambda m: held[int(m.group(1)) - 1], html)


def _elements(html: str) -> list[str]:
    """The start and end tags' names, in order."""
    return [name.lower() for name in _ELEMENT.findall(html)]


def attribute(value: Any) -> Markup:
    """A value that is a whole attribute's, escaped and quoted only when it must be, as
    minify-html writes it (the theme's templates are minified with a placeholder there)."""
    text = escaped_text(value)  # (Markup, such as tojson's, is kept: it may hold quotes)
    if text and not _NEEDS_QUOTES.search(text):
        return Markup(text)
    if '"' in text and "'" not in text:
        return Markup(f"'{text}'")
    return Markup('"{}"'.format(text.replace('"', "&#34;")))


def _put_back(minified: str, tags: list[tuple[int, str, str]], whole: set[int],
              ) -> str | None:
    """The template's tags in place of their placeholders, each on its line of the
    template as written (line breaks inside a tag change nothing it makes, and a
    mistake in it is reported at the volunteer's line); None unless every placeholder
    came through once, and the block tags (``if``, ``for``) in their order: minify-html
    sorts an element's attributes, which moves a value's expression, never a block.
    ``whole``: the placeholders that were a whole quoted value of an element's attribute."""
    parts = _STAND_IN.split(minified)
    numbers = [int(a or b) for a, b in zip(parts[1::3], parts[2::3], strict=True)]
    if sorted(numbers) != list(range(1, len(tags) + 1)):
        return None
    blocks = [n for n in numbers if tags[n - 1][1].startswith("{%")]
    if blocks != sorted(blocks):
        return None
    out = [parts[0]]
    line = 1 + parts[0].count("\n")
    for number, after in zip(numbers, parts[3::3], strict=True):
        wanted, written, inside = tags[number - 1]
        if line > wanted:  # minify-html made a line break of text (&#10;): lines would lie
            return None
        breaks = "\n" * (wanted - line)
        if number in whole and out[-1].endswith('="') and after.startswith('"'):
            out[-1], after = out[-1][:-1], after[1:]  # a whole value: quoted if it must be
            written = "{{{{ ({}{}) | " + ATTRIBUTE + " }}}}"
        out += [written.format(breaks, inside), after]
        line += len(breaks) + inside.count("\n") + after.count("\n")
    return "".join(out)
