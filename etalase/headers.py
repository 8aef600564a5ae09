"""HTTP headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

The Content-Security-Policy allows inline ``<style>``/``<script>`` only by hash. The
hashes change with the theme, so the build computes them from the pages it rendered.
Static security headers live in ``netlify.toml``; this file adds the policy and caching.
"""

from __future__ import annotations

import base64
import hashlib
import re

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


_BLOCK = re.compile(r"<(style|script)\b([^>]*)>(.*?)</\1>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Start tags, read attribute by attribute, so that text inside a quoted value (a product
# description in <meta content="...">) is never taken for an attribute. Attributes are
# apart by spaces, or follow a quoted value directly (minify-html leaves no space there).
_NAME = r"""[^\s"'>/=]+"""
_VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?"""
_GAP = r"""(?:\s+|(?<=["']))"""
_START_TAG = re.compile(rf"<[a-zA-Z][^\s/>]*((?:{_GAP}{_NAME}{_VALUE})*)\s*/?>")
_ATTRIBUTE = re.compile(rf"{_GAP}({_NAME}){_VALUE}")


def _runs(attrs: str) -> bool:
    """An inline script the browser executes (not external, not a data block like JSON-LD)."""
    kind = _TYPE.search(attrs)
    return "src=" not in attrs and (kind is None or kind.group(1).lower() in
                                     ("module", "text/javascript", "application/javascript"))


class Policy:
    """The hashes of every inline style and script of the site's pages."""

    def __init__(self) -> None:
        self.hashes: dict[str, set[str]] = {"style": set(), "script": set()}

    def add_hashes(self, found: list[tuple[str, str]]) -> None:
        for kind, digest in found:
            self.hashes[kind].add(digest)

    def header(self) -> str:
        def sources(kind: str) -> str:
            return " ".join(["'self'", *sorted(f"'sha256-{h}'" for h in self.hashes[kind])])

        return "; ".join([
            "default-src 'self'", "img-src 'self' data:", f"style-src {sources('style')}",
            f"script-src {sources('script')}", "connect-src 'self'", "font-src 'none'",
            "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors 'none'", "upgrade-insecure-requests",
        ])


def style_attribute(text: str) -> int | None:
    """Where the first style attribute is in a page or a template: the policy does not
    allow them, as they would need 'unsafe-hashes'."""
    for tag in _START_TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(text, tag.start(1), tag.end(1)):
            if attribute.group(1).lower() == "style":
                return attribute.start(1)
    return None


def inline_hashes(html: str) -> list[tuple[str, str]]:
    """(kind, sha256) of a rendered page's inline style and executable script blocks (text
    escaped by the templates, so a regular expression finds exactly the elements)."""
    return sorted({(tag.lower(), _sha256(text)) for tag, attrs, text in _BLOCK.findall(html)
                   if tag.lower() == "style" or _runs(attrs)})


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def headers_file(policy: Policy, page_paths: list[str], base_path: str = "") -> str:
    """``_headers``: the policy for every path; immutable images; pages always revalidated.

    Rules never overlap on Cache-Control: a host merges the values of overlapping rules.
    """
    sections = {f"{base_path}/*": [("Content-Security-Policy", policy.header())],
                f"{base_path}/img/*": [("Cache-Control", IMMUTABLE)],
                f"{base_path}/aset/*": [("Cache-Control", IMMUTABLE)]}
    page_rules = {"/"} | {
        f"/{p.split('/')[0]}/*" if "/" in p else f"/{p}" for p in page_paths
    }
    for rule in sorted(page_rules):
        sections[base_path + rule] = [("Cache-Control", REVALIDATE)]
    return "".join(
        f"{path}\n" + "".join(f"  {name}: {value}\n" for name, value in values)
        for path, values in sections.items()
    )
