"""``print``: an A4 page of price tags whose QR codes open the WhatsApp order (or the page).

For market stalls: a buyer scans the tag with a phone camera and the pre-filled order
opens. QR codes are made with segno as inline SVG, so they print sharp at any size.
"""

from __future__ import annotations

import os
from pathlib import Path

import segno

from etalase.build import Loaded
from etalase.catalog import Product
from etalase.config import CONFIG_FILE
from etalase.errors import EtalaseError
from etalase.hints import suggest
from etalase.render import Meta, Page, Renderer, product_path


def select(loaded: Loaded, slugs: tuple[str, ...], category: str | None) -> list[Product]:
    """The products named, or those of one category, or all of them."""
    catalog, lang = loaded.catalog, loaded.config.language
    by_slug = {p.slug: p for p in catalog.products}
    for slug in slugs:
        if slug not in by_slug:
            close = suggest(slug, by_slug)
            raise EtalaseError("print.unknown_product", lang, slug=slug,
                               choices=close or ", ".join(sorted(by_slug)))
    chosen = [by_slug[s] for s in slugs] if slugs else list(catalog.products)
    if category:
        slugs_of = {c.slug for c in catalog.categories}
        if category not in slugs_of:
            raise EtalaseError("print.unknown_category", lang, value=category,
                               known=", ".join(sorted(slugs_of)))
        chosen = [p for p in chosen if p.category_slug == category]
    return chosen


def qr_svg(link: str) -> str:
    return segno.make(link, error="m").svg_inline(scale=1, border=4, omitsize=True)


def tags_page(loaded: Loaded, products: list[Product], target: str) -> str:
    renderer = Renderer(loaded.theme, loaded.config, {}, loaded.report)
    tags = []
    for product in products:
        link = (renderer.whatsapp_link(product) if target == "order"
                else renderer.abs_url(product_path(product)))
        tags.append({"product": product, "link": link, "qr": qr_svg(link)})
    page = Page("price-tags.html", "print.html", CONFIG_FILE, {"tags": tags, "target": target},
                Meta("price-tags.html", noindex=True))
    html = renderer.render(page)
    if html is None:
        from etalase.errors import Abort

        raise Abort(loaded.report, loaded.config.language)
    return html


def write(path: Path, html: str) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, path)
