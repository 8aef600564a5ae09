"""``content/site.yaml`` -> :class:`SiteConfig`, validated, with defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from etalase import markup, paths, whatsapp
from etalase.errors import Loc, Report
from etalase.fields import Fields
from etalase.language import CONFIG_FILE, LANGUAGES, MAX_YAML_BYTES
from etalase.reading import Markdown, ReadFiles, read_files
from etalase.shop import SHOP_KEYS, ShopInfo, greeting_of, read_closing, read_shop
from etalase.yamlio import load_mapping

if TYPE_CHECKING:
    from etalase.catalog import Photo

KNOWN = frozenset({
    "title", "tagline", "base_url", "language", "whatsapp", "currency", "order_message",
    "about", "theme", "max_megapixels", "netlify_site", "stories_noindex", "new_days",
    "logo", "icon", "theme_color", "short_name", *SHOP_KEYS,
})
DEFAULT_MAX_MEGAPIXELS = 120
SHORT_NAME = 12  # characters a phone's home screen shows under an icon
# A theme is a folder directly under themes/: no path, so content cannot point the build
# at templates of its own (templates run at build time, where deploy secrets live).
THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
# A base_url is https://host[:port][/path]: no spaces, line breaks, user name or password
# (urlsplit quietly drops line breaks and tabs, so the text itself is checked).
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?")
_PATH = re.compile(r"(?:/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*")


@dataclass(frozen=True)
class SiteConfig:
    title: str
    tagline: str
    base_url: str  # absolute, https, no trailing slash
    language: str
    whatsapp: str  # international digits without "+"
    currency: str
    order_message: str | None  # None: the theme's default wording
    about_html: str
    theme: str
    max_megapixels: int = DEFAULT_MAX_MEGAPIXELS  # larger photos are refused, not decoded
    netlify_site: str | None = None  # Netlify's Site ID (or NETLIFY_SITE_ID)
    stories_noindex: bool = False  # ask search engines not to index stories by default
    shop: ShopInfo = field(default_factory=ShopInfo)  # shipping, payment, pickup, hours
    greeting: str | None = None  # how messages open; None: the theme's ("Halo")
    order_closing: tuple[str, ...] | None = None  # a cart message's last lines; None: theme's
    new_days: int = 30  # a product listed this recently is badged "new"
    logo: Photo | None = None  # shown in the header in place of the title
    icon: Photo | None = None  # the tab and home-screen icon; None: the title's initials
    theme_color: str | None = None  # "#rrggbb"; None: the theme's
    short_name: str | None = None  # under the home-screen icon; None: the title's first words

    @property
    def pictures(self) -> list[Photo]:
        """The pictures the settings name (the logo, the icon), checked like photos."""
        return [picture for picture in (self.logo, self.icon) if picture is not None]

    @property
    def base_path(self) -> str:
        """The URL path the site lives under ("" at a domain root, "/shop" below one)."""
        return urlsplit(self.base_url).path.rstrip("/")


def load_config(root: Path, report: Report, read: ReadFiles = read_files) -> SiteConfig | None:
    """The site's settings (``read``: see ``load_catalog``)."""
    [result] = read(root, [CONFIG_FILE], read_config)
    report.problems.extend(result.problems)
    return result.item  # type: ignore[no-any-return]


def read_config(root: Path, rel: str, report: Report, text: str | None = None,
                markdown: Markdown = markup.render) -> SiteConfig | None:
    """The settings; ``text``: site.yaml's would-be content, checked before it is written."""
    path = root / rel
    if text is None and not path.is_file():
        report.error(Loc(rel), "config.missing")
        return None
    node = load_mapping(path, rel, report, MAX_YAML_BYTES, text)
    if node is None:
        return None
    fields = Fields(node, rel, report, KNOWN)
    title = fields.text("title", required=True, max_len=80)
    base_url = _base_url(fields)
    language = fields.text("language", word=True) or "id"
    if language not in LANGUAGES:
        report.error(fields.loc("language"), "config.language", value=language)
    number = fields.phone("whatsapp", required=True)
    currency = fields.text("currency", word=True) or "IDR"
    if currency != "IDR":
        report.error(fields.loc("currency"), "config.currency", value=currency)
    template = fields.text("order_message", max_len=whatsapp.MAX_TEMPLATE * 2)
    if template:
        problem = whatsapp.template_problem(template)
        if problem:
            report.error(fields.loc("order_message"), problem[0], **problem[1])
    about = fields.text("about", max_len=20_000, markdown=True) or ""
    terms = read_shop(fields)
    greeting = fields.text("greeting", max_len=40) or greeting_of(template)
    closing = read_closing(fields)
    logo, icon = (_picture(fields, key, root / "content", title) for key in ("logo", "icon"))
    theme_color = fields.colour("theme_color")
    theme = _theme(fields)
    if title is None or base_url is None or number is None or theme is None:
        return None
    return SiteConfig(
        title=title,
        tagline=fields.text("tagline", max_len=160) or "",
        base_url=base_url,
        language=language if language in LANGUAGES else "id",
        whatsapp=number,
        currency=currency,
        order_message=template,
        about_html=markdown(about),
        theme=theme,
        max_megapixels=fields.whole_number("max_megapixels") or DEFAULT_MAX_MEGAPIXELS,
        netlify_site=fields.text("netlify_site", max_len=100, word=True),
        stories_noindex=fields.boolean("stories_noindex"),
        shop=terms, greeting=greeting, order_closing=closing,
        new_days=fields.whole_number("new_days") or 30,
        logo=logo, icon=icon, theme_color=theme_color,
        short_name=fields.text("short_name", max_len=SHORT_NAME),
    )


def _picture(fields: Fields, key: str, content: Path, title: str | None) -> Photo | None:
    """The logo or the icon: a picture under content/, found as a product photo is (its
    pixels are checked with the photos). Its alt text is the shop's name."""
    from etalase.catalog import Photo  # the catalog reads settings: imported when in use

    src = fields.text(key, max_len=200)
    if src is None:
        return None
    path, problem, args = paths.resolve_image(src, content)
    if problem == "path.not_image":
        problem, args = "config.picture_kind", {"value": src, "key": key}
    if problem or path is None:
        fields.report.error(fields.loc(key), problem or "path.missing", **args)
        return None
    return Photo(path.relative_to(content).as_posix(), title or "", fields.loc(key))


def _theme(fields: Fields) -> str | None:
    name = fields.text("theme", max_len=200, word=True) or "default"
    if not THEME_NAME.fullmatch(name):
        fields.report.error(fields.loc("theme"), "config.theme", value=name)
        return None
    return name


def _base_url(fields: Fields) -> str | None:
    url = fields.text("base_url", required=True, max_len=200, word=True)
    if url is None:
        return None
    parts = urlsplit(url)
    if (parts.scheme != "https" or not _HOST.fullmatch(parts.netloc) or parts.query
            or parts.fragment or not _PATH.fullmatch(parts.path)):
        fields.report.error(fields.loc("base_url"), "config.base_url", value=url)
        return None
    return url.rstrip("/")

