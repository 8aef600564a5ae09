"""The render stage: the Jinja environment and the list of pages a catalog makes."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import traceback
import types
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2
import jinja2.bccache
import jinja2.sandbox
import markupsafe
from babel.numbers import format_currency
from markupsafe import Markup

from etalase import bundled, folding, headers, markup, minify, sealing, whatsapp
from etalase.catalog import Catalog, Photo, Product, Variant
from etalase.config import CONFIG_FILE, SiteConfig
from etalase.digest import bytes_digest
from etalase.errors import Loc, Problem, Report
from etalase.escaping import escaped_text
from etalase.identity import Identity, theme_colour
from etalase.images import ImageFile, ImageSet, placeholder_css
from etalase.imagesettings import ImageSettings, from_theme
from etalase.parallel import in_forked_chunks
from etalase.paths import own_folder
from etalase.yamlio import Scalar, load_mapping

THEMES_DIR = "themes"
FEATURED_FALLBACK = 8
PER_PAGE = 24
# Compiled templates, checked against their source. Sandboxed code differs (every call
# goes through the sandbox), so it is never shared with an unsandboxed compile.
JINJA_CACHE = ".etalase-cache/templates-sandboxed"


def _folder(path: Path) -> str:
    return str(own_folder(path))


class Sandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox: a template reaches only what it is given, never Python's insides
    (``cycler.__init__.__globals__.os.environ``), so a theme cannot run code or read the
    deploy token. Its verdict on an attribute depends only on the object's type and the
    name (``is_internal_attribute``), and pages ask the same few thousands of times, so
    each verdict is worked out once."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """A known safe attribute holding no method is returned at once; anything else
        (unknown, unsafe, missing, a method that may be ``str.format``) takes the
        sandbox's own way."""
        if self._safe.get((type(obj), attribute)):
            value = getattr(obj, attribute, _MISSING)
            if value is not _MISSING and type(value) not in _METHODS:
                return value
        return super().getattr(obj, attribute)


_MISSING = object()
_AVAILABILITY = {"available": "InStock", "sold_out": "SoldOut", "preorder": "PreOrder"}
_METHODS = (types.MethodType, types.BuiltinMethodType)


@dataclass(frozen=True)
class Meta:
    """What search engines and link previews are told about a page."""

    path: str  # the page's address inside the site, e.g. "produk/keset-bulat/"
    type: str = "website"  # og:type
    photo: Photo | None = None  # the link preview comes from this photo (or the site's)
    noindex: bool = False


@dataclass(frozen=True)
class Page:
    path: str  # the output file, e.g. "produk/keset-bulat/index.html"
    template: str
    source: str  # the content file that asked for it, for error messages
    context: Mapping[str, Any] = field(default_factory=dict)
    meta: Meta = field(default_factory=lambda: Meta(""))

    @property
    def in_sitemap(self) -> bool:
        return not self.meta.noindex and self.path.endswith("index.html")


@dataclass(frozen=True)
class Theme:
    root: Path  # the site root, for relative paths in messages
    name: str

    @functools.cached_property
    def dir(self) -> Path:
        """The site's own ``themes/<name>``, else the copy installed with Etalase."""
        own = self.root / THEMES_DIR / self.name
        return own if own.is_dir() else bundled.theme_dir(self.name) or own

    def strings(self, language: str, report: Report) -> dict[str, str]:
        """The interface text in one language (``i18n/<language>.yaml``)."""
        return self._texts(f"i18n/{language}.yaml", report)

    def image_settings(self, report: Report, max_megapixels: int) -> ImageSettings:
        """The photo widths, formats and qualities the theme asks for (``theme.yaml``)."""
        rel = f"{THEMES_DIR}/{self.name}/theme.yaml"
        node = load_mapping(self.dir / "theme.yaml", rel, report, 64 * 1024)
        return from_theme(node, rel, report, max_megapixels)

    def colour(self, report: Report) -> str:
        """The theme colour (``theme.yaml``): the browser bar and the shop's icons."""
        rel = f"{THEMES_DIR}/{self.name}/theme.yaml"
        # Read again, quietly: image_settings reports what is wrong with the file itself.
        node = load_mapping(self.dir / "theme.yaml", rel, Report(), 64 * 1024)
        return theme_colour(node, rel, report)

    def _texts(self, name: str, report: Report) -> dict[str, str]:
        rel = f"{THEMES_DIR}/{self.name}/{name}"
        node = load_mapping(self.dir / name, rel, report, 64 * 1024)
        if node is None:
            return {}
        return {k: v.text for k, (_, v) in node.entries.items() if isinstance(v, Scalar)}


@dataclass(frozen=True)
class CategoryLink:
    """A category as the pages that link to it see it: not its products, so a page
    listing the categories does not change (nor re-render) when one product does."""

    name: str
    slug: str
    count: int


CATEGORY_COLOURS = 8  # .c0 ... .c7 in the theme: placeholders of products without a photo


def category_colour(slug: str) -> str:
    """A stable colour class for a category ("c3"): the same on every build and page."""
    return f"c{int(hashlib.sha256(slug.encode()).hexdigest(), 16) % CATEGORY_COLOURS}"


def initials(name: str) -> str:
    """"Teh Daun Kelor" -> "TD": the placeholder of a product without a photo."""
    return "".join(word[0] for word in name.split()[:2] if word[0].isalnum()).upper()


def product_path(product: Product) -> str:
    return f"produk/{product.slug}/"


def pages(catalog: Catalog, stories_noindex: bool = False, new_days: int = 30) -> Iterator[Page]:
    """Every page of the site, in a stable order.

    Whatever a page shows is in its context (which products are new, a product's related
    products and its maker's stories), so a page's key changes whenever what it shows does.
    """
    featured = [p for p in catalog.products if p.featured] or list(
        catalog.products[:FEATURED_FALLBACK]
    )
    categories = tuple(CategoryLink(c.name, c.slug, len(c.products))
                       for c in catalog.categories)
    stories = catalog.stories
    new = catalog.new_products(new_days)
    yield _page("", "index.html", CONFIG_FILE,
                {"featured": featured, "categories": categories, "stories": stories,
                 "new": _among(new, featured)})
    yield from _listing("produk/", "products.html", CONFIG_FILE, catalog.products,
                        {"categories": categories}, new)
    for product in catalog.products:
        related = catalog.related(product)
        yield _page(product_path(product), "product.html", product.source,
                    {"product": product, "related": related,
                     "maker_stories": catalog.stories_by(product.maker) if product.maker else (),
                     "new": _among(new, (product, *related))},
                    type="product", photo=next(iter(product.images), None))
    for category, link in zip(catalog.categories, categories, strict=True):
        yield from _listing(f"kategori/{category.slug}/", "category.html",
                            category.products[0].source, category.products,
                            {"category": link}, new)
    yield _page("cerita/", "stories.html", CONFIG_FILE, {"stories": stories})
    by_slug = {product.slug: product for product in catalog.products}
    for story in catalog.stories:
        linked = [by_slug[slug] for slug, _ in story.products if slug in by_slug]
        yield _page(f"cerita/{story.slug}/", "story.html", story.source,
                    {"story": story, "story_products": linked, "new": _among(new, linked)},
                    type="article", photo=story.photo,
                    noindex=stories_noindex if story.noindex is None else story.noindex)
    yield _page("tentang/", "about.html", CONFIG_FILE)
    yield _page("cari/", "search.html", CONFIG_FILE, {"categories": categories}, noindex=True)
    yield _page("keranjang/", "cart.html", CONFIG_FILE, noindex=True)
    yield _page("offline/", "offline.html", CONFIG_FILE, noindex=True)
    yield Page("404.html", "404.html", CONFIG_FILE, meta=Meta("404.html", noindex=True))


def _among(new: frozenset[str], shown: Iterable[Product]) -> tuple[str, ...]:
    """The new products among those a page shows: only they belong in its key."""
    return tuple(sorted(p.slug for p in shown if p.slug in new))


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    first: str  # the address of page 1; page n lives at first + "hal/n/"

    def path(self, number: int) -> str:
        return self.first if number == 1 else f"{self.first}hal/{number}/"

    @property
    def previous(self) -> str | None:
        return self.path(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.path(self.number + 1) if self.number < self.count else None


def _listing(first: str, template: str, source: str, products: tuple[Product, ...],
             context: Mapping[str, Any], new: frozenset[str]) -> Iterator[Page]:
    """A list of products split into pages of PER_PAGE, so a page stays small at any size."""
    count = max(1, -(-len(products) // PER_PAGE))
    for number in range(1, count + 1):
        pager = Pager(number, count, first)
        chunk = products[(number - 1) * PER_PAGE: number * PER_PAGE]
        photo = next((p.images[0] for p in chunk if p.images), None)
        yield _page(pager.path(number), template, source,
                    {**context, "page_products": chunk, "pager": pager,
                     "new": _among(new, chunk)}, photo=photo)


def _page(path: str, template: str, source: str, context: Mapping[str, Any] | None = None,
          **meta: Any) -> Page:
    """A page at ``path`` (an address ending in "/"), written as ``path/index.html``."""
    return Page(path + "index.html", template, source, context or {}, Meta(path, **meta))


class _Template(jinja2.Template):
    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: types.CodeType,
                  globals: MutableMapping[str, Any],
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        """A compiled template whose output is escaped as plain text (see
        ``etalase.escaping``): ``escape`` is the name its code writes output through.
        Output only ever goes into the page's text (Jinja joins it, and makes Markup of
        a macro's or a block's itself), so nothing needs it to be Markup."""
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__
        if namespace.get("escape") is markupsafe.escape:  # else a Jinja that writes otherwise
            namespace["escape"] = escaped_text
        return template


class _Environment(Sandbox):
    direct: frozenset[int] = frozenset()  # ids of the globals called without a context
    template_class = _Template

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one plain dict, not a view onto the environment's:
        every page asks which of its globals the macros module it imports lacks, and
        that question costs 30 look-ups in a ChainMap (the site's globals are all set
        before the first template is loaded)."""
        return {**self.globals, **(d or {})}

    def call_directly(self) -> None:
        """Marks the callables among the globals that take no context (as they are now:
        the globals are held by the environment, so their ids stay theirs)."""
        def plain(value: Any) -> bool:
            return callable(value) and not any(
                hasattr(part, "jinja_pass_arg") for part in (value, value.__call__))

        self.direct = frozenset(id(value) for value in self.globals.values() if plain(value))

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        """The site's own helpers (``direct``: they take no context) are known safe and
        called straight away: the sandbox's question about them (two failed attribute
        look-ups) and Jinja's, on every call, whether they want the context (a fifth of
        the time of a product page) are skipped."""
        if type(__obj) in _THEME_PARTS:
            done = _theme_part(__context, __obj, args, kwargs)
            if done is not _NOT_PLAIN:
                return done
        if id(__obj) not in __self.direct:
            return super().call(__context, __obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)  # what a context-taking callable would be given
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as Jinja does
            return __context.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


_THEME_PARTS = (jinja2.runtime.Macro, jinja2.runtime.BlockReference)
_NOT_PLAIN = object()


def _theme_part(context: jinja2.runtime.Context, part: Any, args: tuple[Any, ...],
                kwargs: dict[str, Any]) -> Any:
    """A macro or a block of the theme called with positional arguments only, as
    ``Macro.__call__`` and ``BlockReference.__call__`` would (their answers to the
    sandbox's and Jinja's questions about any callable never change: safe, no context
    wanted), at a third of the cost; a product page makes about ten such calls.
    ``_NOT_PLAIN`` for any other call (keywords, a caller, more arguments than the
    macro takes), which then takes Jinja's own way."""
    if any(name not in ("_block_vars", "_loop_vars") for name in kwargs):
        return _NOT_PLAIN
    if type(part) is jinja2.runtime.BlockReference:
        return _NOT_PLAIN if args else part()
    if (part.caller or part.catch_kwargs or part.catch_varargs or part.explicit_caller
            or len(args) > part._argument_count):
        return _NOT_PLAIN
    missing = (jinja2.runtime.missing,) * (part._argument_count - len(args))
    done = part._func(*args, *missing)  # a default fills in what is missing, in the macro
    return Markup(done) if context.eval_ctx.autoescape else done


class _TextsBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates known by their source and by the theme's texts, which are
    written into them (``etalase.folding``)."""

    def __init__(self, directory: str, texts: str) -> None:
        super().__init__(directory)
        self.texts = texts

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.texts}\n{source}")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Only code this user's builds compiled (see ``etalase.sealing``): a cache
        that came with the site folder is compiled again, never run."""
        try:
            with open(self._get_cache_filename(bucket), "rb") as file:
                data = sealing.unseal(file.read())
        except OSError:
            return
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        sealed = sealing.seal(bucket.bytecode_to_string())
        super().dump_bytecode(types.SimpleNamespace(  # type: ignore[arg-type]
            key=bucket.key, write_bytecode=lambda file: file.write(sealed)))


class _MinifiedLoader(jinja2.FileSystemLoader):
    """A theme's page templates (``*.html``) minified once per build (``minify.template``)
    instead of every page they make: all of them, or none."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.minified: dict[str, str] = {}
        self.mentions_style = False

    def minify(self, env: jinja2.Environment, known: MutableMapping[str, str | None]) -> bool:
        """Minifies every page template; False (and none) when one cannot be. ``known``:
        templates minified before, by their source's digest (a build's memory), and
        where those minified now are added."""
        done = {}
        self.mentions_style = False  # a template writes "style=" (any case, any spaces)
        for name in self.list_templates():
            if name.endswith(".html"):
                source = super().get_source(env, name)[0]
                key = bytes_digest(source.encode())
                try:
                    done[name] = known[key]
                except KeyError:
                    done[name] = known[key] = minify.template(source, env, name)
                self.mentions_style |= bool(_STYLE_ATTRIBUTE.search(source))
        self.minified = {} if None in done.values() else done
        return bool(self.minified)

    def get_source(self, environment: jinja2.Environment, template: str,
                   ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        return self.minified.get(template, source), filename, uptodate


class Renderer:
    """Renders pages with a theme; template mistakes become reported problems."""

    # Attributes that are not what pages are made from: page keys (etalase.incremental)
    # hash every other data attribute and the environment's data globals. The theme is
    # in the keys by its files' hashes, the photos by each page's own.
    NOT_PAGE_INPUTS = frozenset({"report", "env", "theme", "images", "_srcsets", "_cards"})

    def __init__(
        self, theme: Theme, config: SiteConfig, images: Mapping[str, ImageSet], report: Report,
        site_preview: ImageFile | None = None, identity: Identity | None = None,
        minified: MutableMapping[str, str | None] | None = None,
    ) -> None:
        """``minified``: page templates minified by earlier builds (see ``_MinifiedLoader``),
        a tenth of a second saved on every build after the first."""
        self.site_preview = site_preview
        self.theme, self.config, self.report = theme, config, report
        self.base_path = config.base_path  # read on every link
        self.strings = theme.strings(config.language, report)
        self.images = images
        self._srcsets: dict[int, tuple[tuple[ImageFile, ...], str]] = {}
        self._cards: dict[tuple[str, bool], Markup] = {}
        loader = _MinifiedLoader(theme.dir / "templates")
        self.env = _Environment(
            loader=loader,
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # one build, one environment: no stat of templates per page
            bytecode_cache=_TextsBytecodeCache(_folder(theme.root / JINJA_CACHE),
                                               folding.digest(self.strings)),
            extensions=[folding.ThemeTexts],
        )
        self.env.theme_texts = self.strings  # type: ignore[attr-defined]
        self.env.globals.update(
            site=config, identity=identity, t=self.t, url=self.url, abs_url=self.abs_url,
            product_url=lambda p: self.url(product_path(p)),
            whatsapp_link=self.whatsapp_link, variants_of=self.variants_of,
            placeholder_css=placeholder_css(), preview_of=self.preview_of,
            product_url_path=product_path, share_link=self.share_link, trail_items=self.trail,
            srcset=self.srcset, full_size=self.full_size, initials=initials,
            category_colour=category_colour, new_until=self.new_until,
            page_css=functools.lru_cache(maxsize=1)(self.page_css),
            once=functools.lru_cache(maxsize=64)(self.once), card_once=self.card_once,
            product_data=self.product_data,
        )
        self.env.call_directly()
        self.minify_pages = not loader.minify(self.env, {} if minified is None else minified)
        # A theme whose templates write a style attribute minify-html may not have
        # rewritten (kept as written, or in a macro's text) gets the slower quick look.
        self._loose_style = not self.minify_pages and loader.mentions_style
        self.env.filters.update({"plain": markup.plain_text, "preview_url": self.preview_url,
                                 "pair": lambda v: [v.name, v.price],
                                 minify.ATTRIBUTE: minify.attribute})
        self.rupiah = functools.lru_cache(maxsize=4096)(self.rupiah)  # Babel is slow; prices repeat
        self.env.filters.update(rupiah=self.rupiah, longdate=self.longdate)

    def t(self, key: str) -> str:
        if key not in self.strings:
            raise jinja2.UndefinedError(f"the theme has no text for '{key}'")
        return self.strings[key]

    def url(self, path: str) -> str:
        """A link inside the site, working under a sub-path (GitHub project pages)."""
        return f"{self.base_path}/{path}"

    def srcset(self, files: tuple[ImageFile, ...]) -> str:
        """``/img/a-320.avif 320w, /img/a-480.avif 480w``: one per photo and format,
        shared by every page that shows the photo, so it is made once. The files are the
        same tuple every time (``ImageSet.sources``), so they are known by identity:
        hashing them costs more than joining them again."""
        known = self._srcsets.get(id(files))
        if known is None or known[0] is not files:
            known = files, ", ".join(f"{self.url(f.url)} {f.width}w" for f in files)
            self._srcsets[id(files)] = known
        return known[1]

    def new_until(self, product: Product) -> str:
        """The day a product's "new" badge ends: the script hides it on a phone from then."""
        return (product.date + dt.timedelta(days=self.config.new_days)).isoformat()  # type: ignore[operator]

    def full_size(self, photo: Photo) -> str:
        """The largest file of a photo, for tap-to-view: WebP, which every browser that
        shows a picture on its own opens, else the JPEG."""
        files = [f for f in self.images[photo.src].files if f.mime == "image/webp"]
        largest = max(files, key=lambda f: f.width) if files else self.images[photo.src].fallback
        return self.url(largest.url)

    def once(self, template: str) -> Markup:
        """A part of the theme that is the same on every page (the header, the footer),
        rendered with the site's globals only, once per build."""
        return Markup(self.env.get_template(template).render())

    def card_once(self, product: Product, new: Container[str] = ()) -> Markup:
        """A product's card (the ``card`` macro of the theme's macros.html), made once per
        build: a product's card is on about seven pages (its category, the listing, the
        home page, other products' related ones), and cards are most of a page's work."""
        key = product.slug, product.slug in new
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = self.env.get_template("macros.html").module.card(
                product, new)
        return card

    def page_css(self) -> Markup:
        """The theme's stylesheet (``style.css``, rendered with the site's globals) and the
        photo placeholder colours, minified: the same on every page, so made once."""
        text = self.env.get_template("style.css").render() + placeholder_css()
        return Markup(minify.css(text))

    def abs_url(self, path: str) -> str:
        return f"{self.config.base_url}/{path}"

    def rupiah(self, amount: int) -> str:
        return format_currency(amount, "IDR", locale=f"{self.config.language}_ID")

    def longdate(self, date: dt.date) -> str:
        from babel.dates import format_date  # only stories show dates: 9 ms to import

        return format_date(date, format="long", locale=self.config.language)

    def variants_of(self, photo: Photo) -> ImageSet:
        return self.images[photo.src]

    def greeting(self) -> str:
        """How every message to the shop opens: the site's greeting or the theme's."""
        return self.config.greeting or self.t("greeting")

    def order_closing(self) -> list[str]:
        """The lines a cart message ends with, for the buyer to fill in (name, address...)."""
        return list(self.config.order_closing or self.t("order_closing").strip().splitlines())

    def whatsapp_link(self, product: Product | None, variant: Variant | None = None) -> str:
        """The order link of a product (or a variant); a sold-out product's asks when it
        is back instead of ordering it; ``None`` gives the shop's greeting chat link."""
        greeting, site = self.greeting(), self.config.title
        if product is None:
            text = self.t("contact_message").format(greeting=greeting, site=site)
            return whatsapp.order_link(self.config.whatsapp, text)
        if product.sold_out:
            template = self.t("ask_message")
        else:
            template = self.config.order_message or self.t("order_message")
        name = f"{product.name} – {variant.name}" if variant else product.name
        if product.status == "preorder":
            name = f"{name} {self.t('preorder_mark')}"
        text = whatsapp.order_text(
            template, product=name, name=product.name, variant=variant.name if variant else "",
            price=self.rupiah(variant.price if variant else product.price),
            url=self.abs_url(product_path(product)), site=site, greeting=greeting,
        )
        return whatsapp.order_link(product.whatsapp or self.config.whatsapp, text)

    def product_data(self, product: Product) -> dict[str, Any]:
        """A product as schema.org structured data (search engines show the price and
        whether it is in stock); made here rather than in the template, where building
        it was a tenth of a product page's work."""
        url = self.abs_url(product_path(product))
        availability = "https://schema.org/" + _AVAILABILITY[product.status]
        prices = [variant.price for variant in product.variants] or [product.price]
        offer: dict[str, Any] = {"@type": "Offer", "price": str(product.price),
                                 "priceCurrency": "IDR", "availability": availability,
                                 "url": url}
        if min(prices) != max(prices):
            offer = {"@type": "AggregateOffer", "lowPrice": str(min(prices)),
                     "highPrice": str(max(prices)), "offerCount": len(prices),
                     "priceCurrency": "IDR", "availability": availability, "url": url}
        description = markup.plain_text(product.description_html, 500)
        data = {"@context": "https://schema.org", "@type": "Product", "name": product.name,
                "sku": product.slug, "description": description, "category": product.category,
                "image": [self.preview_url(photo) for photo in product.images], "offers": offer}
        if product.maker:
            data["brand"] = {"@type": "Brand", "name": product.maker}
        return data

    def preview_url(self, photo: Photo) -> str:
        return self.abs_url(self.images[photo.src].preview.url)

    def share_link(self, product: Product) -> str:
        """A WhatsApp link that forwards the product page to anyone (no number)."""
        url = self.abs_url(product_path(product))
        text = f"{product.name} – {self.rupiah(product.price)}\n{url}"
        return f"https://wa.me/?text={quote(text, safe='')}"

    def trail(self, steps: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """schema.org ListItems for a breadcrumb trail of (name, path) steps."""
        return [{"@type": "ListItem", "position": i, "name": name, "item": self.abs_url(path)}
                for i, (name, path) in enumerate(steps, 1)]

    def preview_of(self, photo: Photo | None) -> ImageFile | None:
        """The link preview image of a photo, or the site's own when there is none."""
        if photo is not None:
            return self.images[photo.src].preview
        return self.site_preview

    def render(self, page: Page) -> str | None:
        """The page's minified HTML, or None (and a reported problem) when a template fails."""
        try:
            html = self.env.get_template(page.template).render(page.context, meta=page.meta)
        except jinja2.TemplateError as exc:
            self.report.error(self._where(exc, page), "template.error", detail=str(exc))
            return None
        if self.minify_pages:
            html = minify.page(html)
        look = _may_have_style_attribute if self._loose_style else _minified_style_attribute
        if look(html) and headers.has_style_attribute(html):
            self.report.error(self._style_attribute_at(page), "template.style_attribute")
            return None
        return html

    def render_text(self, template: str, **context: Any) -> str:
        """A theme file that is not a page (the script, the service worker)."""
        page = Page(template, template, CONFIG_FILE, context)
        try:
            return self.env.get_template(template).render(context)
        except jinja2.TemplateError as exc:
            self.report.error(self._where(exc, page), "template.error", detail=str(exc))
            return ""

    def _style_attribute_at(self, page: Page) -> Loc:
        """Where the theme writes a style attribute (in the page's template, or any)."""
        folder = self.theme.dir / "templates"
        for path in [folder / page.template, *sorted(folder.rglob("*.html"))]:
            text = path.read_text("utf-8")
            found = headers.style_attribute(text)
            if found is not None:
                return Loc(self._rel(str(path)), text.count("\n", 0, found) + 1)
        return Loc(f"{THEMES_DIR}/{self.theme.name}/templates/{page.template}")

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
        """A theme file as a volunteer would name it, wherever the theme is installed."""
        inside = Path(filename).resolve().relative_to(self.theme.dir.resolve()).as_posix()
        return f"{THEMES_DIR}/{self.theme.name}/{inside}"



_STYLE_ATTRIBUTE = re.compile(r"style\s*=", re.IGNORECASE)


def _minified_style_attribute(html: str) -> bool:
    """minify-html writes attribute names in lower case, with no spaces around "="."""
    return "style=" in html


def _may_have_style_attribute(html: str) -> bool:
    """A quick look before an HTML parser's: the word "style" anywhere but in the page's
    stylesheet (an element whose attributes the theme's minifying kept as written, or a
    macro's text, may spell one ``STYLE = "…"``)."""
    start, end = html.find("<style>"), html.find("</style>")
    if not 0 <= start < end:
        return "style" in html.lower()
    return "style" in html[:start].lower() or "style" in html[end + len("</style>"):].lower()


PARALLEL_FROM = 300  # pages; below this, starting processes costs more than it saves
Done = TypeVar("Done")


def _render_chunk(renderer: Renderer, finish: Callable[[Page, str], Any],
                  chunk: list[Page]) -> tuple[list[Any], list[Problem]]:
    before = len(renderer.report.problems)
    done = []
    for page in chunk:
        html = renderer.render(page)
        done.append(None if html is None else finish(page, html))
    return done, renderer.report.problems[before:]


def render_all(renderer: Renderer, pages: list[Page],
               finish: Callable[[Page, str], Done]) -> list[Done | None]:
    """Renders every page and hands its HTML to ``finish``, on all cores for large sites;
    returns what ``finish`` returned (None where a template failed, which is reported).

    Forked workers share the renderer (images, templates) and run ``finish`` themselves,
    so hashing and writing pages is spread too, and only its results cross back. Template
    problems they find are handed back to the main report.
    """
    work = functools.partial(_render_chunk, renderer, finish)
    results = in_forked_chunks(work, pages, PARALLEL_FROM)
    if results is None:
        return work(pages)[0]
    done: list[Done | None] = []
    for chunk_done, problems in results:
        done += chunk_done
        renderer.report.problems.extend(problems)
    return done
