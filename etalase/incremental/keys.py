"""What a page's HTML depends on, as one key: equal keys give byte-identical pages.

A page is rendered from its template with its context (its product, its listing's
products, the categories on the home page...), and with what the renderer gives every
page: the site settings, the theme's text and files, the addresses of the script and
the site preview, and the image files of the photos it shows. The part every page
shares is read off the renderer itself (its data and the environment's globals), not
listed by hand beside them, so whatever is added there is in the keys too. Products
are named by their content (a hash of what was parsed), never by object identity.
Etalase's own code is not part of the key; the memo holding the keys is dropped when
the code changes (see ``memo``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from etalase.catalog import Photo, Product, Story, photos_of
from etalase.render import CategoryLink, Meta, Page, Pager

if TYPE_CHECKING:
    from etalase.images import ImageSet
    from etalase.render import Renderer


def shared_inputs(renderer: Renderer, theme_digest: str, options: str) -> str:
    """A hash of what the renderer gives every page: its data and the data among the
    environment's globals (functions are code, which the memo's salt covers)."""
    data = {name: value for name, value in vars(renderer).items()
            if name not in renderer.NOT_PAGE_INPUTS and not callable(value)}
    data.update((f"env.{name}", value) for name, value in renderer.env.globals.items()
                if not callable(value))
    text = repr((sorted(data.items()), theme_digest, options))
    if " at 0x" in text:  # an object known by identity would make every key new
        raise ValueError(f"a renderer input has no stable repr: {text[:200]}")
    return hashlib.sha256(text.encode()).hexdigest()


def photos_in(value: Any) -> Iterator[Photo]:
    """Every photo inside a page's context, however deep (a story's products' photos)."""
    if isinstance(value, Product):
        yield from value.images
    elif isinstance(value, Photo):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from photos_in(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from photos_in(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from photos_in(getattr(value, item.name))


class PageKeys:
    def __init__(self, shared: str, images: Mapping[str, ImageSet],
                 names: Mapping[str, str] | None = None) -> None:
        """``shared``: see :func:`shared_inputs`. ``names``: products' content names by
        their file (see ``memo.Parsed.name``); others are named by their repr."""
        self.shared = shared
        self.images = images
        self.names = names or {}

    def key(self, page: Page) -> str:
        photos: set[str] = set()  # the photos the page shows, filled in by _text
        context = {name: self._text(value, photos) for name, value in page.context.items()}
        meta = self._text(page.meta, photos)
        image_keys = sorted((src, self.images[src].key) for src in photos if src in self.images)
        text = repr((self.shared, page.path, page.template, context, meta, image_keys))
        return hashlib.sha256(text.encode()).hexdigest()

    def _text(self, value: Any, photos: set[str]) -> str:
        """repr(value), except that a product or a story is named by its content name: its
        repr is the costly part of a key, and a product is on several pages. The photos inside
        ``value`` are added to ``photos``."""
        if isinstance(value, (Product, Story)):  # (photos_of: the photos it names)
            photos.update(photo.src for photo in photos_of(value))
            return self.names.get(value.source) or repr(value)
        if isinstance(value, Meta):  # on every page: its one photo, without a search
            if value.photo is not None:
                photos.add(value.photo.src)
            return repr(value)
        if isinstance(value, (list, tuple)):
            return f"[{', '.join(self._text(item, photos) for item in value)}]"
        if not isinstance(value, (str, int, CategoryLink, Pager)):  # these hold no photo
            photos.update(photo.src for photo in photos_in(value))
        return repr(value)
