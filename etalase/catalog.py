"""Products and stories: content files -> model dataclasses, with every problem reported."""

from __future__ import annotations

import datetime as dt
import functools
import os
import posixpath
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from etalase import hints, markup, paths
from etalase.config import MAX_YAML_BYTES
from etalase.errors import Loc, Problem, Report
from etalase.fields import Fields
from etalase.hints import suggest
from etalase.reading import Markdown, ReadFiles, read_files
from etalase.yamlio import Map, Node, Scalar, load_mapping, read_text

PRODUCTS_DIR = "content/products"
STORIES_DIR = "content/stories"
MAX_STORY_BYTES = 256 * 1024
STATUSES = ("available", "sold_out", "preorder")
PRODUCT_KEYS = frozenset({
    "name", "price", "category", "description", "images", "status", "variants", "maker",
    "materials", "weight", "tags", "featured", "whatsapp", "date", "stock", "lead_time",
})
STORY_KEYS = frozenset({"title", "member", "date", "photo", "consent", "products", "noindex"})
IMAGE_KEYS = frozenset({"src", "alt"})
VARIANT_KEYS = frozenset({"name", "price"})


@dataclass(frozen=True)
class Photo:
    src: str  # relative to content/, with "/"
    alt: str
    loc: Loc  # the line of the image entry, for image errors


@dataclass(frozen=True)
class Variant:
    name: str
    price: int


@dataclass(frozen=True)
class Product:
    slug: str
    source: str
    name: str
    price: int
    category: str
    category_slug: str
    description_html: str
    images: tuple[Photo, ...]
    status: str
    variants: tuple[Variant, ...]
    maker: str | None
    materials: tuple[str, ...]
    weight: int | None
    tags: tuple[str, ...]
    featured: bool
    whatsapp: str | None
    date: dt.date | None = None  # when it was listed: the feed and sitemap use it
    category_line: int | None = None  # where the category is written, for problems
    stock: int | None = None  # how many are left; None: not counted
    lead_time: int | None = None  # days a pre-order takes to make

    @property
    def sold_out(self) -> bool:
        return self.status == "sold_out"


@dataclass(frozen=True)
class Story:
    slug: str
    source: str
    title: str
    member: str
    date: dt.date
    photo: Photo | None
    consent: bool
    products: tuple[tuple[str, Loc], ...]  # product slugs, with where each was written
    body_html: str
    noindex: bool | None = None  # None: the site's default (stories_noindex)


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    products: tuple[Product, ...]


@dataclass(frozen=True)
class Catalog:
    products: tuple[Product, ...]
    stories: tuple[Story, ...]  # published ones only, newest first
    categories: tuple[Category, ...]

    def new_products(self, days: int) -> frozenset[str]:
        """The slugs of products listed within ``days`` of the newest listing.

        Counted from the newest product's date, not from the clock, so a build depends on
        its content only (the script hides a badge whose time has passed on the buyer's
        phone)."""
        dates = [p.date for p in self.products if p.date]
        if not dates:
            return frozenset()
        since = max(dates) - dt.timedelta(days=days)
        return frozenset(p.slug for p in self.products if p.date and p.date > since)

    def stories_by(self, member: str) -> tuple[Story, ...]:
        """A maker's published stories, newest first."""
        return self._stories_by_member.get(member, ())

    @functools.cached_property
    def _stories_by_member(self) -> dict[str, tuple[Story, ...]]:
        found: dict[str, list[Story]] = {}
        for story in self.stories:
            found.setdefault(story.member, []).append(story)
        return {member: tuple(stories) for member, stories in found.items()}

    def related(self, product: Product, limit: int = 4) -> tuple[Product, ...]:
        """Up to ``limit`` other products of the same category: those listed after it
        (going round to the start), available ones first. Its neighbours rather than the
        category's first few, so each product is shown on a few other pages: every
        product gets seen, and a price edit renders a few pages again, not the category."""
        same, at = self._places[product.slug]
        available: list[Product] = []
        sold: list[Product] = []  # the first sold-out ones, should too few be available
        for step in range(1, len(same)):  # (no copy of the category for each product)
            other = same[(at + step) % len(same)]
            if not other.sold_out:
                available.append(other)
                if len(available) == limit:
                    return tuple(available)
            elif len(sold) < limit:
                sold.append(other)
        return tuple(available + sold[:limit - len(available)])

    @functools.cached_property
    def _places(self) -> dict[str, tuple[tuple[Product, ...], int]]:
        """Each product's category list and its place in it."""
        return {product.slug: (category.products, at) for category in self.categories
                for at, product in enumerate(category.products)}

    def photos(self) -> list[Photo]:
        """Every photo the site shows, for the image stage."""
        found = [photo for product in self.products for photo in product.images]
        return found + [story.photo for story in self.stories if story.photo]


def slugify(text: str) -> str:
    """"Keset Bulat (Biru)" -> "keset-bulat-biru"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_catalog(root: Path, report: Report, read: ReadFiles = read_files) -> Catalog:
    """Every product and story. ``read`` runs the loaders on the files (see ``reading``:
    a build with a memory passes one that does not read unchanged files again)."""
    products = _load_all(root, PRODUCTS_DIR, (".yaml", ".yml"), load_product, report, read)
    products = _unique_urls(products, report)
    for copy, original in copies(products):
        _warn_copy(copy, original, report)
    stories = _load_all(root, STORIES_DIR, (".md",), load_story, report, read)
    stories = _unique_urls(stories, report)
    for copy, original in copies(stories):
        _check_story_copy(copy, original, report)
    by_slug = {product.slug: product for product in products}
    broken = {slugify(Path(p.loc.path).stem) for p in report.problems
              if p.severity == "error" and p.loc.path.startswith(f"{PRODUCTS_DIR}/")}
    for story in stories:
        _check_story_links(story, by_slug, broken, report)
    _no_borrowed_photos(report, [*products, *stories])
    published = sorted((s for s in stories if s.consent), key=lambda s: (s.date, s.slug))
    return Catalog(
        products=tuple(sorted(products, key=lambda p: (p.name.lower(), p.slug))),
        stories=tuple(reversed(published)),
        categories=_categories(products, report),
    )


def _load_all(root, folder, suffixes, loader, report, read):  # type: ignore[no-untyped-def]
    directory = root / folder
    rels, found = [], []
    if directory.is_dir():
        with os.scandir(directory) as entries:  # names and kinds without a stat each
            found = sorted((entry.name, entry.is_dir()) for entry in entries)
    for name, is_dir in found:
        rel = f"{folder}/{name}"
        if name.startswith(".") or is_dir:
            continue
        if os.path.splitext(name)[1].lower() not in suffixes:
            report.warning(Loc(rel), "file.ignored", kinds=" ".join(suffixes))
            continue
        rels.append(rel)
    items = []
    for result in read(root, rels, loader):
        report.problems.extend(result.problems)
        if result.item is not None:
            items.append(result.item)
    return items


def photos_of(item: object) -> list[Photo]:
    """The photos a product or a story names, or the pictures the settings name."""
    if isinstance(item, Product):
        return list(item.images)
    if isinstance(item, Story):
        return [item.photo] if item.photo else []
    return list(getattr(item, "pictures", ()))


def _no_borrowed_photos(report: Report, items: list[Product | Story]) -> None:
    """A missing photo's suggestion is taken back when another product or story shows
    that photo (following it would publish the wrong picture), unless it is the very
    name typed, in other capitals."""
    shown_by: dict[str, set[str]] = {}
    for item in items:
        for photo in photos_of(item):
            shown_by.setdefault(photo.src, set()).add(item.source)
    for index, problem in enumerate(report.problems):
        close, typed = problem.args.get("close", ""), problem.args.get("value", "")
        if (problem.key == "path.missing_close" and close.lower() != typed.lower()
                and shown_by.get(close, set()) - {problem.loc.path}):
            report.problems[index] = Problem(problem.loc, "path.missing",
                                             {"value": problem.args["value"]})


def _slug(rel: str, report: Report) -> str | None:
    slug = slugify(posixpath.splitext(posixpath.basename(rel))[0])  # (a Path each: slow)
    if not slug:
        report.error(Loc(rel), "file.bad_name")
    return slug or None


# Names a file manager gives a copy: "x copy.yaml", "x copy 2", "x - Copy", "x - Copy (2)",
# "x (1).md", "Copy of x", "Salinan x", "x - Salinan", "x (salinan)".
_COPY_NAME = re.compile(
    r"(?:copy of|salinan(?: dari)?)\s+(?P<after>.+)"
    r"|(?P<before>.+?)(?:\s*-\s*(?:copy|salinan)(?:\s*\(\d+\))?|\s+(?:copy|salinan)(?:\s*\d+)?"
    r"|\s*\((?:\d+|copy|salinan)\))",
    re.IGNORECASE)


def copy_of(stem: str) -> str | None:
    """The name a file manager's copy was copied from ("teh-rosela copy" -> "teh-rosela")."""
    found = _COPY_NAME.fullmatch(stem.strip())
    return (found.group("after") or found.group("before")).strip() if found else None


def copies(items):  # type: ignore[no-untyped-def]
    """(copy, original or None) for each item whose file name is a file manager's copy."""
    stems = [posixpath.splitext(posixpath.basename(item.source))[0] for item in items]
    by_stem = {stem.lower(): item for stem, item in zip(stems, items, strict=True)}
    for stem, item in zip(stems, items, strict=True):  # (no Path: thousands of files)
        original = copy_of(stem)
        if original is not None:
            yield item, by_stem.get(original.lower())


def _warn_copy(copy: Product, original: Product | None, report: Report) -> None:
    if original is None:
        report.warning(Loc(copy.source), "file.copy_name")
    else:
        report.warning(Loc(copy.source), "file.copy", original=original.source)


def _check_story_copy(copy: Story, original: Story | None, report: Report) -> None:
    """A copy of a story may publish a story its member withdrew: an error, unless the copy
    is a story of its own (its own consent and another title)."""
    if copy.consent and (original is None or original.title != copy.title):
        _warn_copy(copy, original, report)  # type: ignore[arg-type]
    else:
        report.error(Loc(copy.source), "story.copy",
                     original=original.source if original else "?")


def _unique_urls(items, report):  # type: ignore[no-untyped-def]
    """Drops (and reports) any item whose URL another file already has."""
    seen: dict[str, str] = {}
    kept = []
    for item in items:
        if item.slug in seen:
            other = seen[item.slug]
            key = "url.collision_case" if other.lower() == item.source.lower() else "url.collision"
            report.error(Loc(item.source), key, other=other, slug=item.slug)
        else:
            seen[item.slug] = item.source
            kept.append(item)
    return kept


def load_product(root: Path, rel: str, report: Report, text: str | None = None,
                 markdown: Markdown = markup.render) -> Product | None:
    """One product file; ``text``: its would-be content, checked before it is written."""
    node = load_mapping(os.path.join(root, rel), rel, report, MAX_YAML_BYTES, text)
    slug = _slug(rel, report)
    if node is None or slug is None:
        return None
    fields = Fields(node, rel, report, PRODUCT_KEYS)
    name = fields.text("name", required=True, max_len=80)
    price = fields.price()
    category = fields.text("category", required=True, max_len=40)
    status = fields.text("status", word=True) or "available"
    if status not in STATUSES:
        close = hints.status_for(status, STATUSES)
        key = "product.status_close" if close else "product.status"
        report.error(fields.loc("status"), key, value=status, close=close or "")
    category_slug = slugify(category or "")
    if category and not category_slug:
        report.error(fields.loc("category"), "product.category_slug", value=category)
    description = fields.text("description", max_len=5000, markdown=True) or ""
    _warn_markdown_images(description, fields, "description")
    _starter_left(fields, "description", description, fields.loc("description"))
    materials = fields.located_texts("materials")
    for text, loc in materials:
        _starter_left(fields, "materials", text, loc)
    images = tuple(_photos(fields, root, name or ""))
    variants = tuple(_variants(fields, price))
    stock, lead_time = fields.count("stock"), fields.whole_number("lead_time")
    if lead_time is not None and status != "preorder":
        report.warning(fields.loc("lead_time"), "product.lead_time_not_preorder")
    if stock == 0 and status == "available":  # the last one sold: no need to edit status
        status = "sold_out"
    values = (name, price, category, category_slug or None)
    if any(v is None for v in values) or status not in STATUSES:
        return None
    return Product(
        slug=slug, source=rel, name=name, price=price, category=category,  # type: ignore[arg-type]
        category_slug=category_slug, description_html=markdown(description),
        images=images, status=status, variants=variants, stock=stock, lead_time=lead_time,
        maker=fields.text("maker", max_len=60), materials=tuple(text for text, _ in materials),
        weight=fields.whole_number("weight"), tags=tuple(fields.text_list("tags", max_len=30)),
        featured=fields.boolean("featured"), whatsapp=fields.phone("whatsapp"),
        date=_date(fields, required=False), category_line=fields.loc("category").line,
    )


def _starter_left(fields: Fields, key: str, text: str, loc: Loc) -> None:
    if hints.is_starter_text(key, text):
        fields.report.error(loc, "starter.left", key=key, value=text)


def _warn_markdown_images(text: str, fields: Fields, key: str) -> None:
    line = markup.image_line(text)
    if line is not None:
        fields.report.warning(fields.loc(key), "markdown.image", key=key)


def _photo(node: Node, fields: Fields, root: Path, default_alt: str) -> Photo | None:
    loc = Loc(fields.path, node.line)
    if isinstance(node, Map):
        entry = Fields(node, fields.path, fields.report, IMAGE_KEYS)
        src = entry.text("src", required=True, max_len=200)
        alt = entry.text("alt", max_len=200) or default_alt
    elif isinstance(node, Scalar):
        src, alt = node.text.strip(), default_alt
    else:
        fields.report.error(loc, "image.bad_entry")
        return None
    if not src:
        return None
    owner = slugify(Path(fields.path).stem)
    path, problem, args = paths.resolve_image(src, root / "content", owner)
    if problem:
        fields.report.error(loc, problem, **args)
        return None
    return Photo(path.relative_to(root / "content").as_posix(), alt, loc)  # type: ignore[union-attr]


def _photos(fields: Fields, root: Path, default_alt: str) -> list[Photo]:
    photos = (_photo(node, fields, root, default_alt) for node in fields.items("images"))
    return [photo for photo in photos if photo]


def _variants(fields: Fields, price: int | None) -> list[Variant]:
    variants = []
    names: set[str] = set()
    for node in fields.items("variants"):
        loc = Loc(fields.path, node.line)
        if isinstance(node, Scalar):
            name, own_price = node.text.strip(), None
        elif isinstance(node, Map):
            entry = Fields(node, fields.path, fields.report, VARIANT_KEYS)
            name = entry.text("name", required=True, max_len=40)
            own_price = entry.price(required=False)
        else:
            fields.report.error(loc, "variant.bad_entry")
            continue
        if name and name.lower() in names:
            fields.report.error(loc, "variant.duplicate", name=name)
        elif name and (own_price or price):
            names.add(name.lower())
            variants.append(Variant(name, own_price or price))  # type: ignore[arg-type]
    return variants


def _categories(products: list[Product], report: Report) -> tuple[Category, ...]:
    """Products grouped by category address. Spellings that differ only in capitals or
    spaces share an address; the spelling most products use is the category's name, and
    each product written another way is reported with that spelling as the fix."""
    members: dict[str, list[Product]] = {}
    for product in sorted(products, key=lambda p: p.source):
        members.setdefault(product.category_slug, []).append(product)
    names = {slug: _majority(items) for slug, items in members.items()}
    for slug, items in members.items():
        count = sum(p.category == names[slug] for p in items)
        for product in items:
            if product.category != names[slug]:
                report.error(Loc(product.source, product.category_line), "category.spelling",
                             value=product.category, other=names[slug], count=count)
    return tuple(
        Category(slug, names[slug], tuple(sorted(items, key=lambda p: p.name.lower())))
        for slug, items in sorted(members.items())
    )


def _majority(products: list[Product]) -> str:
    """The spelling most products use; on a tie, the one of the first file."""
    counts = Counter(p.category for p in products)
    return max(counts, key=lambda name: counts[name])  # Counter keeps first-seen order


def load_story(root: Path, rel: str, report: Report, text: str | None = None,
               markdown: Markdown = markup.render) -> Story | None:
    """One story file; ``text``: its would-be content, checked before it is written."""
    if text is None:
        text = read_text(root / rel, rel, report, MAX_STORY_BYTES)
    slug = _slug(rel, report)
    if text is None or slug is None:
        return None
    match = re.match(r"---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", text, re.DOTALL | re.MULTILINE)
    if not match:
        report.error(Loc(rel, 1), "story.front_matter")
        return None
    node = load_mapping(root / rel, rel, report, MAX_STORY_BYTES, match.group(1), first_line=2)
    if node is None:
        return None
    fields = Fields(node, rel, report, STORY_KEYS)
    title = fields.text("title", required=True, max_len=120)
    member = fields.text("member", required=True, max_len=60)
    date = _date(fields)
    photo_node = fields.raw("photo")
    photo = _photo(photo_node, fields, root, member or "") if photo_node else None
    consent = _consent(fields)
    products = tuple(fields.located_texts("products"))
    body = text[match.end():]
    if body.lstrip().startswith(hints.STARTER_TEXTS["text"]):
        blank = body[: len(body) - len(body.lstrip())].count("\n")
        report.error(Loc(rel, text.count("\n", 0, match.end()) + blank + 1), "starter.left_story")
    if markup.image_line(body) is not None:
        body_line = text.count("\n", 0, match.end()) + markup.image_line(body)  # type: ignore[operator]
        report.warning(Loc(rel, body_line), "markdown.image", key="text")
    if title is None or member is None or date is None:
        return None
    return Story(
        slug=slug, source=rel, title=title, member=member, date=date, photo=photo,
        consent=consent, products=products, body_html=markdown(body),
        noindex=fields.boolean("noindex") if fields.raw("noindex") else None,
    )


def _date(fields: Fields, required: bool = True) -> dt.date | None:
    text = fields.text("date", required=required, max_len=40, word=True)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fields.report.error(fields.loc("date"), "story.date", value=text)
        return None


def _consent(fields: Fields) -> bool:
    """Only an unquoted ``consent: true`` (or True, TRUE: YAML's own spellings of it)
    publishes a story; anything else is a "no"."""
    node = fields.raw("consent")
    if isinstance(node, Scalar) and node.plain and node.text in ("true", "True", "TRUE"):
        return True
    value = node.text if isinstance(node, Scalar) else ""
    key = "story.consent_quoted" if value.strip().lower() == "true" else "story.no_consent"
    fields.report.note(fields.loc("consent"), key, value=value or "-")
    return False


def _check_story_links(story: Story, products: dict[str, Product], broken: set[str],
                       report: Report) -> None:
    """Each product a story names must exist. One whose file has its own errors exists:
    naming it again, or offering another product instead, would mislead."""
    for slug, loc in story.products:
        if slug not in products and slug not in broken:
            close = suggest(slug, products)
            key = "story.unknown_product_close" if close else "story.unknown_product"
            report.error(loc, key, slug=slug, close=close or "")
