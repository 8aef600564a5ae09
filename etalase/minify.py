"""Minified pages, by minify-html (a real HTML parser, not regular expressions)."""

from __future__ import annotations

import minify_html


def page(html: str) -> str:
    """The page without insignificant whitespace and comments.

    Inline CSS is left as it is: the theme's stylesheet is the same on every page, so it
    is minified once (``css``) rather than on each of thousands of pages. Closing tags and
    the <html>/<head> tags are kept: omitting them is valid HTML5, but saves a few bytes
    after gzip at the price of confusing simpler parsers (Opera Mini's proxy, feed
    readers, tests).
    """
    return minify_html.minify(
        html, minify_css=False, minify_js=True, keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    )


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
