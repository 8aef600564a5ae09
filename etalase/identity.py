"""The identity stage: the shop's icons, its web app manifest, its logo and theme colour.

``icon:`` and ``logo:`` in ``site.yaml`` name pictures under ``content/``, checked with
the photos (``build.check``). The icon becomes the favicons, the apple-touch-icon and the
app icons of ``manifest.webmanifest``, which lets a buyer add the shop to her home screen;
without one, the shop's initials on its theme colour stand in (never a blank tab). The
logo is shown in the header. Work is cached and named as photos are (an entry of
``.etalase-cache/images/``, files ``img/<key>-<name>``): a second build encodes nothing,
and a new picture or colour gives new names. Pillow is imported only when there is
pixel work to do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from etalase.config import CONFIG_FILE, SHORT_NAME
from etalase.errors import Report
from etalase.fields import Fields
from etalase.images import ImageFile, place
from etalase.imagesettings import Encoded
from etalase.yamlio import Map

if TYPE_CHECKING:
    from PIL.Image import Image

    from etalase.build import Loaded
    from etalase.catalog import Photo
    from etalase.config import SiteConfig
    from etalase.output import Output

MANIFEST_FILE = "manifest.webmanifest"
DEFAULT_COLOUR = "#0b6b3a"  # for a theme that names none
VERSION = "etalase-identity-v1"  # changes whenever the same inputs would give other files


@dataclass(frozen=True)
class Logo:
    sources: tuple[ImageFile, ...]  # WebP at 1x and 2x
    fallback: ImageFile  # PNG at 2x, for browsers without WebP
    width: int  # CSS pixels
    height: int


@dataclass(frozen=True)
class Identity:
    colour: str  # the theme colour: the browser bar, the icons' background
    favicons: tuple[ImageFile, ...]
    touch_icon: ImageFile  # apple-touch-icon
    app_icons: tuple[ImageFile, ...]  # the manifest's, maskable
    logo: Logo | None
    keys: tuple[str, ...]  # the cache entries it uses, kept when the cache is pruned


def theme_colour(node: Map | None, rel: str, report: Report) -> str:
    """The colour a theme names in ``theme.yaml`` (``theme_color``), checked."""
    if node is None:
        return DEFAULT_COLOUR
    fields = Fields(node, rel, report, node.entries)  # its other keys: see imagesettings
    return fields.colour("theme_color") or DEFAULT_COLOUR


def make(loaded: Loaded, theme_color: str, out: Output) -> Identity | None:
    """The icons (of ``icon:``, else the title's initials) and the logo, cached and put
    into ``out``; None, with the problem reported, when a picture cannot be read."""
    config, cache = loaded.config, loaded.cache
    colour = config.theme_color or theme_color
    icon_source = loaded.photo_keys[config.icon.src] if config.icon else _letters(config)
    icon_key = _key("icon", icon_source, colour)
    icon_files = _entry(loaded, icon_key, config.icon, "icon", lambda picture: _icons(
        picture, _letters(config), colour))
    logo_key = logo_files = None
    if config.logo is not None:
        logo_key = _key("logo", loaded.photo_keys[config.logo.src])
        logo_files = _entry(loaded, logo_key, config.logo, "logo", _logo)
    if icon_files is None or (config.logo is not None and logo_files is None):
        return None
    icons = place(icon_key, icon_files, cache, out, CONFIG_FILE)
    logo = None
    if logo_key and logo_files:
        logo = _placed_logo(place(logo_key, logo_files, cache, out, CONFIG_FILE))
    keys = tuple(key for key in (icon_key, logo_key) if key)
    return Identity(
        colour=colour,
        favicons=tuple(f for name, f in icons.items() if name.startswith("favicon-")),
        touch_icon=next(f for name, f in icons.items() if name.startswith("touch-")),
        app_icons=tuple(f for name, f in icons.items() if name.startswith("app-")),
        logo=logo, keys=keys,
    )


def _letters(config: SiteConfig) -> str:
    from etalase.render import initials

    return initials(config.title) or config.title[:1].upper()


def _key(*parts: str) -> str:
    return hashlib.sha256(repr((VERSION, *parts)).encode()).hexdigest()[:20]


Draw = Callable[["Image | None"], list[Encoded]]  # a picture (or none) -> its files


def _entry(loaded: Loaded, key: str, picture: Photo | None, kind: str,
           draw: Draw) -> dict | None:
    """The cache entry ``key``, drawn from ``picture`` (None: from nothing) if missing.
    What the picture's entry remembers of it ("too small to look sharp") is reported
    by every build, as a photo's warnings are."""
    entry = loaded.cache.manifest(key) or _drawn(loaded, key, picture, kind, draw)
    if entry is not None and picture is not None:
        for warning in entry["warnings"]:
            loaded.report.warning(picture.loc, f"image.{warning}", value=picture.src)
    return entry


def _drawn(loaded: Loaded, key: str, picture: Photo | None, kind: str,
           draw: Draw) -> dict | None:
    from etalase import iconproc, imageproc
    from etalase.imagesettings import TooManyPixels

    try:
        pixels = None if picture is None else iconproc.load_picture(
            loaded.root / "content" / picture.src, loaded.config.max_megapixels)
        files = draw(pixels)
    except (TooManyPixels, imageproc.NotAPhoto, *imageproc.BAD_PHOTO):
        assert picture is not None  # the initials need no file
        loaded.report.error(picture.loc, "image.unreadable", value=picture.src)
        return None
    advice = iconproc.advice(kind, pixels) if pixels else []
    return loaded.cache.store(key, files, advice)


def _icons(picture: Image | None, letters: str, colour: str) -> list[Encoded]:
    from etalase import iconproc  # Pillow: imported only when there is pixel work

    return iconproc.icons(picture, letters, colour)


def _logo(picture: Image | None) -> list[Encoded]:
    from etalase import iconproc

    assert picture is not None  # a logo is drawn from its picture only
    return iconproc.logo(picture)


def _placed_logo(files: dict[str, ImageFile]) -> Logo:
    fallback = files["logo-2x.png"]
    one = files["logo-1x.webp"]
    return Logo((one, files["logo-2x.webp"]), fallback, one.width, one.height)


def short_name(title: str) -> str:
    """The name under the home-screen icon: the title's first words that fit."""
    name = ""
    for word in title.split():
        if len(name) + len(word) + bool(name) > SHORT_NAME:
            break
        name = f"{name} {word}".strip()
    return name or title[:SHORT_NAME]


def web_manifest(config: SiteConfig, identity: Identity, background: str) -> str:
    """``manifest.webmanifest``: what "add to home screen" installs. Its addresses honour
    the site's base path, so a shop under ``/toko`` opens there."""
    home = f"{config.base_path}/"
    icons = [{"src": f"{config.base_path}/{icon.url}", "sizes": f"{icon.width}x{icon.height}",
              "type": icon.mime, "purpose": purpose}
             for icon in identity.app_icons for purpose in ("any", "maskable")]
    manifest = {
        "name": config.title, "short_name": config.short_name or short_name(config.title),
        "description": config.tagline, "lang": config.language, "id": home,
        "start_url": home, "scope": home, "display": "standalone",
        "background_color": background, "theme_color": identity.colour, "icons": icons,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
