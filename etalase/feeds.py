"""Files for machines: ``sitemap.xml``, ``robots.txt`` and the Atom feed ``feed.xml``.

Text is escaped with ``html.escape``, which suits XML too (``xml.sax.saxutils`` would
import ``urllib.request`` and ``ssl``: 10 ms of every build command).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from etalase import markup
from etalase.catalog import Catalog
from etalase.config import SiteConfig
from etalase.render import Page, product_path

FEED_ENTRIES = 20


def sitemap(config: SiteConfig, pages: list[Page]) -> str:
    """Every public page: noindex pages (and 404) are left out.

    No ``<lastmod>``: the only dates a build could give are file times, which a fresh
    clone (as on Netlify) sets to the moment of cloning. They would tell crawlers that
    every page changed at every deploy, and make two builds of the same content differ.
    """
    urls = "".join(
        f"<url><loc>{escape(config.base_url)}/{escape(page.meta.path)}</loc></url>\n"
        for page in pages if page.in_sitemap
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")


def robots(config: SiteConfig) -> str:
    """Nothing is blocked: a blocked page could not show crawlers its noindex."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}/sitemap.xml\n"


def atom(config: SiteConfig, catalog: Catalog, product_word: str) -> str:
    """Published stories and dated (new) products, newest first."""
    entries = [
        (story.date, story.title, f"cerita/{story.slug}/", story.body_html)
        for story in catalog.stories
    ] + [
        (p.date, f"{product_word}: {p.name}", product_path(p), p.description_html)
        for p in catalog.products if p.date
    ]
    entries.sort(key=lambda e: (e[0], e[2]), reverse=True)
    entries = entries[:FEED_ENTRIES]  # before the summaries: plain_text is the costly part
    updated = _stamp(entries[0][0]) if entries else "2000-01-01T00:00:00Z"
    base = config.base_url
    items = "".join(
        f"<entry><title>{escape(title)}</title><link href=\"{escape(f'{base}/{path}')}\"/>"
        f"<id>{escape(f'{base}/{path}')}</id><updated>{_stamp(date)}</updated>"
        f"<summary>{escape(markup.plain_text(html, 300))}</summary></entry>\n"
        for date, title, path, html in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{config.language}">\n'
        f"<title>{escape(config.title)}</title><subtitle>{escape(config.tagline)}</subtitle>\n"
        f'<link href="{escape(base)}/"/>'
        f'<link rel="self" href="{escape(base)}/feed.xml"/>\n'
        f"<id>{escape(base)}/</id><updated>{updated}</updated>"
        f"<author><name>{escape(config.title)}</name></author>\n{items}</feed>\n"
    )


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
