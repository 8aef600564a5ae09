"""HTTP headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

The Content-Security-Policy allows inline ``<style>``/``<script>`` only by hash. The
hashes change with the theme, so the build computes them from the pages it rendered.
Static security headers live in ``netlify.toml``; this file adds the policy and caching.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


class _Inline(HTMLParser):
    """Collects the text of inline ``<style>`` and ``<script>`` elements, and style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: dict[str, list[str]] = {"style": [], "script": []}
        self.style_attributes = 0
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.style_attributes += sum(1 for name, _ in attrs if name == "style")
        if tag == "script" and not _runs(dict(attrs)):
            return  # a data block such as JSON-LD: never executed, so not in the policy
        if tag in self.blocks:
            self._inside = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[self._inside][-1] += data


def _runs(attrs: dict[str, str | None]) -> bool:
    """An inline script the browser executes (not external, not a data block)."""
    kind = (attrs.get("type") or "").lower()
    return not attrs.get("src") and kind in ("", "module", "text/javascript",
                                              "application/javascript")


class Policy:
    """The hashes of every inline style and script of the site's pages."""

    def __init__(self) -> None:
        self.hashes: dict[str, set[str]] = {"style": set(), "script": set()}

    def add(self, html: str) -> None:
        parser = _Inline()
        parser.feed(html)
        parser.close()
        if parser.style_attributes:
            raise ValueError("style attributes would need 'unsafe-hashes'; use classes")
        for kind, texts in parser.blocks.items():
            self.hashes[kind].update(_sha256(text) for text in texts)

    def header(self) -> str:
        def sources(kind: str) -> str:
            return " ".join(["'self'", *sorted(f"'sha256-{h}'" for h in self.hashes[kind])])

        return "; ".join([
            "default-src 'self'", "img-src 'self' data:", f"style-src {sources('style')}",
            f"script-src {sources('script')}", "connect-src 'self'", "font-src 'none'",
            "object-src 'none'", "base-uri 'none'", "form-action 'none'",
            "frame-ancestors 'none'", "upgrade-insecure-requests",
        ])


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def headers_file(policy: Policy, page_paths: list[str], base_path: str = "") -> str:
    """``_headers``: the policy for every path; immutable images; pages always revalidated.

    Rules never overlap on Cache-Control: a host merges the values of overlapping rules.
    """
    sections = {f"{base_path}/*": [("Content-Security-Policy", policy.header())],
                f"{base_path}/img/*": [("Cache-Control", IMMUTABLE)]}
    page_rules = {"/"} | {
        f"/{p.split('/')[0]}/*" if "/" in p else f"/{p}" for p in page_paths
    }
    for rule in sorted(page_rules):
        sections[base_path + rule] = [("Cache-Control", REVALIDATE)]
    return "".join(
        f"{path}\n" + "".join(f"  {name}: {value}\n" for name, value in values)
        for path, values in sections.items()
    )
