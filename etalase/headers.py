"""HTTP headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages), and
the same policy in each page's ``<meta http-equiv>`` for hosts that do not (GitHub Pages).

The Content-Security-Policy allows inline ``<style>``/``<script>`` only by hash. The
hashes change with the theme, so the build computes them from the pages it rendered,
read by a real HTML5 parser: only elements the theme wrote are hashed, never content
text that merely looks like a ``<script>`` (which would bless an injection).
Static security headers live in ``netlify.toml``; this file adds the policy and caching.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


# Start tags of a template's source, read attribute by attribute, so that text inside a
# quoted value is never taken for an attribute: where a theme writes a style attribute.
_NAME = r"""[^\s"'>/=]+"""
_VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?"""
_GAP = r"""(?:\s+|(?<=["']))"""
_START_TAG = re.compile(rf"<[a-zA-Z][^\s/>]*((?:{_GAP}{_NAME}{_VALUE})*)\s*/?>")
_ATTRIBUTE = re.compile(rf"{_GAP}({_NAME}){_VALUE}")
_RUNNING_TYPES = ("", "module", "text/javascript", "application/javascript")
NOT_IN_META = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox",
                         "upgrade-insecure-requests"})
META_NAME = "Content-Security-Policy"
_CHARSET = re.compile(rb"<meta charset[^>]*>", re.I)
_META_POLICY = re.compile(rf"<meta http-equiv={META_NAME} [^>]*>")


def _runs(script: LexborNode) -> bool:
    """An inline script the browser executes (not external, not a data block like JSON-LD)."""
    attrs = script.attributes
    return "src" not in attrs and (attrs.get("type") or "").strip().lower() in _RUNNING_TYPES


class Policy:
    """The hashes of every inline style and script of the site's pages."""

    def __init__(self) -> None:
        self.hashes: dict[str, set[str]] = {"style": set(), "script": set()}

    def add_hashes(self, found: list[tuple[str, str]]) -> None:
        for kind, digest in found:
            self.hashes[kind].add(digest)

    def directives(self) -> list[str]:
        """Each directive as ``name value``, in order (a ``<meta>`` policy takes a subset)."""
        def sources(kind: str) -> str:
            return " ".join(["'self'", *sorted(f"'sha256-{h}'" for h in self.hashes[kind])])

        return [
            "default-src 'self'", "img-src 'self' data:", f"style-src {sources('style')}",
            f"script-src {sources('script')}", "connect-src 'self'", "font-src 'none'",
            "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors 'none'", "upgrade-insecure-requests",
        ]

    def header(self) -> str:
        return "; ".join(self.directives())

    def meta(self) -> str:
        """The policy as a ``<meta http-equiv>`` may carry it, for hosts that ignore
        ``_headers`` (GitHub Pages, Codeberg Pages). A meta policy cannot set
        frame-ancestors, report-uri or sandbox; upgrade-insecure-requests is left out
        too, as those hosts serve only HTTPS and a copy opened over plain HTTP (a phone
        on the Wi-Fi) would break."""
        return "; ".join(d for d in self.directives() if d.split()[0] not in NOT_IN_META)


def has_style_attribute(html: str) -> bool:
    """Whether an element of a rendered page has a style attribute: the policy does not
    allow them, as they would need 'unsafe-hashes'. Found by an HTML5 parser, so text
    that only looks like one (a product named ``Keset <b style=x>``) is not taken for it."""
    return LexborHTMLParser(html).css_first("[style]") is not None


def style_attribute(text: str) -> int | None:
    """Where the first style attribute is in a template's source (an offset)."""
    for tag in _START_TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(text, tag.start(1), tag.end(1)):
            if attribute.group(1).lower() == "style":
                return attribute.start(1)
    return None


def inline_hashes(html: bytes) -> list[tuple[str, str]]:
    """(kind, sha256) of a rendered page's inline style and executable script elements
    (the page as it is written: UTF-8, encoded once for both).

    The page is read by an HTML5 parser (Lexbor, as a browser reads it), so only real
    elements count: ``<script>`` inside a title, an attribute value or any other text is
    text, and its hash never enters the policy that would let it run.
    """
    tree = LexborHTMLParser(html)  # (tags() is twice as fast as a CSS selector here)
    found = [*tree.tags("style"), *filter(_runs, tree.tags("script"))]
    return sorted({(node.tag, _sha256(node.text(deep=True))) for node in found})


def with_meta_policy(html: bytes, found: list[tuple[str, str]]) -> bytes:
    """The page with its own policy (its inline hashes ``found``) in a ``<meta>`` right
    after its charset, before any style or script it governs."""
    tag = _meta_tag(tuple(found))
    charset = _CHARSET.search(html)
    at = charset.end() if charset else html.find(b"<head>") + len(b"<head>")
    return html[:at] + tag + html[at:]


@functools.lru_cache(maxsize=16)  # pages of one theme share their inline elements
def _meta_tag(found: tuple[tuple[str, str], ...]) -> bytes:
    policy = Policy()
    policy.add_hashes(list(found))
    return f'<meta http-equiv={META_NAME} content="{policy.meta()}">'.encode()


def without_meta_policy(html: bytes) -> bytes:
    """A page without its ``<meta>`` policy (the preview shows an error overlay, and is
    opened over plain HTTP)."""
    return _META_POLICY.sub("", html.decode("utf-8"), count=1).encode("utf-8")


@functools.lru_cache(maxsize=64)  # the stylesheet is the same on every page
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
