"""The theme's optional extras: the script, the search index and the service worker.

Pages work without any of them. The script is fingerprinted (its name carries a hash of
its bytes), so hosts may cache it forever. The index and the service worker keep fixed
names and are revalidated: the index changes with every price, and a fingerprinted name
would change the script, and so every page, with it.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from etalase import minify

if TYPE_CHECKING:
    from etalase.catalog import Catalog, Product
    from etalase.output import Output
    from etalase.render import Renderer

ASSET_DIR = "aset"
SCRIPT = "etalase.js"
SERVICE_WORKER = "sw.js"
SEARCH_INDEX = "cari.json"
OFFLINE_PAGE = "offline/"


def fingerprinted(name: str, data: bytes) -> str:
    """``aset/<stem>.<hash>.<suffix>``: a new name whenever the bytes change."""
    pure = PurePosixPath(name)
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{ASSET_DIR}/{pure.stem}.{digest}{pure.suffix}"


def money_parts(rupiah: Callable[[int], str]) -> list[str]:
    """[prefix, thousands separator, suffix] of the site's price format, so that the
    script writes totals exactly as the pages write prices ("Rp1.250.000")."""
    text = rupiah(1234567)
    start, end = text.index("1"), text.rindex("7") + 1
    digits = text[start:end]
    separator = digits[1] if not digits[1].isdigit() else ""
    parts = [text[:start], separator, text[end:]]
    if f"{parts[0]}1{separator}234{separator}567{parts[2]}" != text:
        raise ValueError(f"unexpected price format: {text!r}")
    return parts


def folded(text: str) -> str:
    """Lower case without accents: what the search compares ("Kopi Gayo" ~ "kopí gayo")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_entry(product: Product, site_whatsapp: str) -> dict[str, Any]:
    """One product in the index, with short keys and defaults left out.

    The cart reads prices, variants and availability from here too, so an order always
    carries today's prices, not those of the day the item was added.
    """
    entry: dict[str, Any] = {"i": product.slug, "n": product.name, "p": product.price,
                             "c": product.category}
    words = [product.maker or "", *product.tags, *product.materials]
    if any(words):
        entry["k"] = folded(" ".join(w for w in words if w))
    if product.status != "available":
        entry["s"] = product.status
    if product.stock:
        entry["x"] = product.stock  # the cart never asks for more than are left
    if product.variants:
        entry["v"] = [[v.name, v.price] for v in product.variants]
    if product.whatsapp and product.whatsapp != site_whatsapp:
        entry["w"] = product.whatsapp
        if product.maker:  # the cart names the seller it sends to
            entry["m"] = product.maker
    return entry


def search_index(catalog: Catalog, site_whatsapp: str) -> bytes:
    entries = [search_entry(p, site_whatsapp) for p in catalog.products]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Extras:
    """Renders the script and the index, and tells templates their addresses."""

    def __init__(self, renderer: Renderer, catalog: Catalog) -> None:
        self.renderer = renderer
        config = renderer.config
        self.index = search_index(catalog, config.whatsapp)
        url, abs_url = renderer.url, renderer.abs_url
        site = {
            "wa": config.whatsapp, "home": abs_url(""), "products": abs_url("produk/"),
            "local": url("produk/"), "cart": url("keranjang/"), "index": url(SEARCH_INDEX),
            "sw": url(SERVICE_WORKER), "lang": config.language, "title": config.title,
            "greet": renderer.greeting(), "closing": renderer.order_closing(),
        }
        script = renderer.render_text(SCRIPT, site=site,
                                      money=money_parts(renderer.rupiah))
        self.script = minify.script(script).encode("utf-8")
        self.script_path = fingerprinted(SCRIPT, self.script)
        renderer.env.globals["script_url"] = url(self.script_path)

    def write(self, out: Output, version: str, source: str) -> None:
        """Writes the index, the script and the service worker of build ``version``."""
        out.write(SEARCH_INDEX, self.index, source)
        out.write(self.script_path, self.script, source)
        url = self.renderer.url
        worker = self.renderer.render_text(
            SERVICE_WORKER, version=version, offline=url(OFFLINE_PAGE),
            precache=[url(OFFLINE_PAGE), url(self.script_path)], images=url("img/"),
        )
        out.text(SERVICE_WORKER, minify.script(worker), source)


def version(texts: Iterable[str | bytes]) -> str:
    """A short hash of everything a build wrote: the service worker's cache name."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") if isinstance(text, str) else text)
    return digest.hexdigest()[:12]
