"""What ships inside the package: the default theme and the starter files.

A site folder may hold its own ``themes/default``; without one, the theme installed with
Etalase is used. In a wheel it lives in the package (``etalase/themes/default``); in a
source checkout it is the repository's ``themes/default``, the one copy of it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_THEME = "default"
PACKAGE = Path(__file__).resolve().parent


def theme_dir(name: str = DEFAULT_THEME) -> Path | None:
    """The installed copy of a theme Etalase ships, or None."""
    if name != DEFAULT_THEME:
        return None
    for folder in (PACKAGE / "themes" / name, PACKAGE.parent / "themes" / name):
        if (folder / "templates").is_dir():
            return folder
    return None


def starter(name: str) -> str:
    """The text of a starter file (``etalase/starters/<name>``), naming the command as
    the volunteer types it."""
    from etalase.messages import as_typed

    return as_typed((files("etalase") / "starters" / name).read_text("utf-8"))
