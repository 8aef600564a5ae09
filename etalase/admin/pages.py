"""Rendering admin pages: Jinja templates in the site's language, with the headers that
keep them private and self-contained (a strict CSP: nothing but this server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from etalase.admin import words
from etalase.admin.forms import FieldSpec
from etalase.admin.web import Response

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),  # "no-referrer" would make form posts say Origin: null
    ("Cache-Control", "no-store"),
    ("X-Frame-Options", "DENY"),
]

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)


class Words:
    """``t("key")`` in templates; ``t.label`` and ``t.help`` for a form's fields."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **args: Any) -> str:
        return words.t(key, self.lang, **args)

    def label(self, key: str, owner: str = "") -> str:
        return words.label(key, owner, self.lang)

    def help(self, spec: FieldSpec) -> str:
        return words.help_text(spec.key, spec.owner, spec.help, self.lang)


def render(template: str, lang: str, status: str = "200 OK", **context: Any) -> Response:
    """A page. Admin templates leave out the optional ``</head>`` tag: the preview
    server adds its live-reload script before that tag, and an admin page must not
    reload itself (and lose what a volunteer was typing) when another phone saves."""
    html = _ENV.get_template(template).render(t=Words(lang), lang=lang, **context)
    return Response(html.encode("utf-8"), status,
                    [("Content-Type", "text/html; charset=utf-8"), *HEADERS])


def static(name: str) -> Response | None:
    kinds = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
    path = STATIC / name
    if name not in {p.name for p in STATIC.iterdir()} or path.suffix not in kinds:
        return None
    return Response(path.read_bytes(), "200 OK",
                    [("Content-Type", kinds[path.suffix]), *HEADERS])


def image(data: bytes) -> Response:
    return Response(data, "200 OK", [("Content-Type", "image/jpeg"), *HEADERS])
