"""The phone admin: ``python site.py serve --admin`` adds pages at ``/admin/`` to the
preview server, so volunteers and makers add and edit products, stories and the site's
settings from their phones, on the workshop's Wi-Fi, without an account anywhere.

It writes only what the build accepts (the build's own loader checks every save), only
over the version the form showed, atomically; it never writes an uploaded photo's
original bytes; and it never exists without ``--admin``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def start(root: Path, lang: str, address: str, port: int) -> Callable[[Any], Any]:
    """Prints the admin link (with this run's token) and its QR code; returns what wraps
    the preview's WSGI app with the admin."""
    import segno

    from etalase.admin.auth import Sessions
    from etalase.admin.views import Admin
    from etalase.admin.words import t

    sessions = Sessions()
    link = f"http://{address}:{port}{sessions.login_path()}"
    click.secho(t("admin_link", lang, link=link), fg="green")
    segno.make(link, error="l").terminal(compact=True)
    click.echo(t("admin_link_note", lang))
    return lambda preview: Admin(root, preview, sessions)
