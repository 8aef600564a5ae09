"""The render stage: the Jinja environment and the list of pages a catalog makes."""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.numbers import format_currency

from etalase import whatsapp
from etalase.catalog import Catalog, Photo, Product, Variant
from etalase.config import CONFIG_FILE, SiteConfig
from etalase.errors import Loc, Report
from etalase.images import ImageSet, placeholder_css
from etalase.yamlio import Scalar, load_mapping

THEMES_DIR = "themes"
FEATURED_FALLBACK = 8


@dataclass(frozen=True)
class Page:
    path: str  # the output file, e.g. "produk/keset-bulat/index.html"
    template: str
    source: str  # the content file that asked for it, for error messages
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Theme:
    root: Path  # the site root, for relative paths in messages
    name: str

    @property
    def dir(self) -> Path:
        return self.root / THEMES_DIR / self.name

    def strings(self, language: str, report: Report) -> dict[str, str]:
        """The interface text in one language (``i18n/<language>.yaml``)."""
        return self._texts(f"i18n/{language}.yaml", report)

    def settings(self, report: Report) -> dict[str, str]:
        """The theme's own settings (``theme.yaml``), e.g. the page background colour."""
        return self._texts("theme.yaml", report)

    def _texts(self, name: str, report: Report) -> dict[str, str]:
        rel = f"{THEMES_DIR}/{self.name}/{name}"
        node = load_mapping(self.root / rel, rel, report, 64 * 1024)
        if node is None:
            return {}
        return {k: v.text for k, (_, v) in node.entries.items() if isinstance(v, Scalar)}


def product_path(product: Product) -> str:
    return f"produk/{product.slug}/"


def pages(catalog: Catalog) -> Iterator[Page]:
    """Every page of the site, in a stable order."""
    featured = [p for p in catalog.products if p.featured] or list(
        catalog.products[:FEATURED_FALLBACK]
    )
    yield Page("index.html", "index.html", CONFIG_FILE, {"featured": featured})
    yield Page("produk/index.html", "products.html", CONFIG_FILE)
    for product in catalog.products:
        yield Page(product_path(product) + "index.html", "product.html", product.source,
                   {"product": product})
    for category in catalog.categories:
        yield Page(f"kategori/{category.slug}/index.html", "category.html",
                   category.products[0].source, {"category": category})
    yield Page("cerita/index.html", "stories.html", CONFIG_FILE)
    by_slug = {product.slug: product for product in catalog.products}
    for story in catalog.stories:
        linked = [by_slug[slug] for slug, _ in story.products if slug in by_slug]
        yield Page(f"cerita/{story.slug}/index.html", "story.html", story.source,
                   {"story": story, "story_products": linked})
    yield Page("tentang/index.html", "about.html", CONFIG_FILE)
    yield Page("404.html", "404.html", CONFIG_FILE)


class Renderer:
    """Renders pages with a theme; template mistakes become reported problems."""

    def __init__(
        self, theme: Theme, config: SiteConfig, catalog: Catalog,
        images: Mapping[str, ImageSet], report: Report,
    ) -> None:
        self.theme, self.config, self.report = theme, config, report
        self.strings = theme.strings(config.language, report)
        self.images = images
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(theme.dir / "templates"),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.globals.update(
            site=config, products=catalog.products, categories=catalog.categories,
            stories=catalog.stories, t=self.t, url=self.url, abs_url=self.abs_url,
            product_url=lambda p: self.url(product_path(p)),
            whatsapp_link=self.whatsapp_link, variants_of=self.variants_of,
            placeholder_css=placeholder_css(),
        )
        self.env.filters.update(rupiah=self.rupiah, longdate=self.longdate)

    def t(self, key: str) -> str:
        if key not in self.strings:
            raise jinja2.UndefinedError(f"the theme has no text for '{key}'")
        return self.strings[key]

    def url(self, path: str) -> str:
        """A link inside the site, working under a sub-path (GitHub project pages)."""
        return f"{self.config.base_path}/{path}"

    def abs_url(self, path: str) -> str:
        return f"{self.config.base_url}/{path}"

    def rupiah(self, amount: int) -> str:
        return format_currency(amount, "IDR", locale=f"{self.config.language}_ID")

    def longdate(self, date: dt.date) -> str:
        return format_date(date, format="long", locale=self.config.language)

    def variants_of(self, photo: Photo) -> ImageSet:
        return self.images[photo.src]

    def whatsapp_link(self, product: Product | None, variant: Variant | None = None) -> str:
        """The order link of a product (or a variant); ``None`` gives a plain chat link."""
        if product is None:
            return f"https://wa.me/{self.config.whatsapp}"
        template = self.config.order_message or self.t("order_message")
        name = f"{product.name} – {variant.name}" if variant else product.name
        text = whatsapp.order_text(
            template, product=name, name=product.name, variant=variant.name if variant else "",
            price=self.rupiah(variant.price if variant else product.price),
            url=self.abs_url(product_path(product)), site=self.config.title,
        )
        return whatsapp.order_link(product.whatsapp or self.config.whatsapp, text)

    def render(self, page: Page) -> str | None:
        try:
            return self.env.get_template(page.template).render(page.context)
        except jinja2.TemplateError as exc:
            self.report.error(self._where(exc, page), "template.error", detail=str(exc))
            return None

    def _where(self, exc: jinja2.TemplateError, page: Page) -> Loc:
        if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
            return Loc(self._rel(exc.filename), exc.lineno)
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if self._in_theme(f.filename)]
        if frames:
            return Loc(self._rel(frames[-1].filename), frames[-1].lineno)
        return Loc(f"{THEMES_DIR}/{self.theme.name}/templates/{page.template}")

    def _in_theme(self, filename: str) -> bool:
        return Path(filename).resolve().is_relative_to(self.theme.dir.resolve())

    def _rel(self, filename: str) -> str:
        return Path(filename).resolve().relative_to(self.theme.root.resolve()).as_posix()

