"""Minified pages, by minify-html (a real HTML parser, not regular expressions)."""

from __future__ import annotations

import minify_html


def page(html: str) -> str:
    """The page without insignificant whitespace and comments; inline CSS minified too.

    Closing tags and the <html>/<head> tags are kept: omitting them is valid HTML5, but
    saves a few bytes after gzip at the price of confusing simpler parsers (Opera Mini's
    proxy, feed readers, tests).
    """
    return minify_html.minify(
        html, minify_css=True, minify_js=True, keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    )


def script(js: str) -> str:
    """A minified script file. minify-html minifies scripts only inside HTML, so the
    file is wrapped in a <script> element and taken out again."""
    wrapped = minify_html.minify(f"<script>{js}</script>", minify_js=True)
    if not (wrapped.startswith("<script>") and wrapped.endswith("</script>")):
        raise ValueError("minify-html changed the script element")
    return wrapped[len("<script>"):-len("</script>")]
