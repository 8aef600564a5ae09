"""What a page's HTML depends on, as one key: equal keys give byte-identical pages.

A page is rendered from its template with its context (its product, its listing's
products, the categories on the home page...), the site settings, the theme's files, the
addresses of the script and the site preview, and the image files of the photos it
shows. Templates see nothing else: catalog-wide lists are passed in the context, not as
globals, so a price edit changes the keys of exactly the pages that show that price.
Etalase's own code is not part of the key; the memo holding the keys is dropped when the
code changes (see ``memo``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from etalase.catalog import Photo, Product
from etalase.images import ImageSet
from etalase.memo import Parsed
from etalase.render import CategoryLink, Meta, Page, Pager


def folder_digest(folder: Path) -> str:
    """A hash of every file's name and bytes under ``folder`` (a theme is small)."""
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


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
    def __init__(self, shared: Any, images: Mapping[str, ImageSet],
                 parsed: Mapping[str, Parsed] | None = None) -> None:
        """``shared``: whatever every page depends on (settings, theme digest, addresses).
        ``parsed``: the memo's parsed content files; a product parsed without problems is
        then named by its file's path and content digest instead of by its repr (the
        photos it shows are in the key by their own content, see ``key``)."""
        self.shared = hashlib.sha256(repr(shared).encode()).hexdigest()
        self.images = images
        self.parsed = parsed or {}
        self._named: dict[str, str] = {}  # content file -> its name in keys, made once

    def key(self, page: Page) -> str:
        photos: set[str] = set()  # the photos the page shows, filled in by _text
        context = {name: self._text(value, photos) for name, value in page.context.items()}
        meta = self._text(page.meta, photos)
        image_keys = sorted((src, self.images[src].key) for src in photos if src in self.images)
        text = repr((self.shared, page.path, page.template, context, meta, image_keys))
        return hashlib.sha256(text.encode()).hexdigest()

    def _name(self, product: Product) -> str:
        if product.source not in self._named:
            hit = self.parsed.get(product.source)
            known = hit is not None and hit.digest and not hit.problems and hit.item is product
            self._named[product.source] = (f"<{product.source} {hit.digest}>" if known
                                           else repr(product))
        return self._named[product.source]

    def _text(self, value: Any, photos: set[str]) -> str:
        """repr(value), except that a product parsed from unchanged inputs is named by them:
        its repr is the costly part of a key, and a product is on several pages. The
        photos inside ``value`` are added to ``photos``."""
        if isinstance(value, Product):
            photos.update(photo.src for photo in value.images)
            return self._name(value)
        if isinstance(value, Meta):  # on every page: its one photo, without a search
            if value.photo is not None:
                photos.add(value.photo.src)
            return repr(value)
        if isinstance(value, (list, tuple)):
            return f"[{', '.join(self._text(item, photos) for item in value)}]"
        if not isinstance(value, (str, int, CategoryLink, Pager)):  # these hold no photo
            photos.update(photo.src for photo in photos_in(value))
        return repr(value)
