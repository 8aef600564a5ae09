"""Link previews, search engines and feeds, read the way crawlers read them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from tests.conftest import copy_sample, run
from tests.pages import parse

BASE = "https://etalase-purwokerto.netlify.app"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    # A story that was withdrawn: its file stays, consent is gone.
    story = root / "content/stories/ditarik.md"
    story.write_text("---\ntitle: Ditarik\nmember: Bu X\ndate: 2026-01-01\nconsent: false\n---\nx\n")
    assert run(root, "build").exit_code == 0
    return root


def meta(page, key: str) -> str:  # type: ignore[no-untyped-def]
    found = page.find("meta", property=key) or page.find("meta", name=key)
    assert len(found) == 1, key
    return found[0].attrs["content"]


def json_ld(page) -> list[dict]:  # type: ignore[no-untyped-def]
    return [json.loads(s.text) for s in page.find("script", type="application/ld+json")]


def html_pages(root: Path) -> list[Path]:
    return sorted((root / "build").rglob("*.html"))


def test_every_page_has_open_graph_and_twitter_tags(sample: Path) -> None:
    for path in html_pages(sample):
        page = parse(path)
        for key in ["og:title", "og:description", "og:url", "og:type", "og:image",
                    "og:image:width", "og:image:height", "og:image:alt", "twitter:card"]:
            assert meta(page, key), (path, key)
        assert not meta(page, "og:title").endswith("Etalase Berdaya Purwokerto") or (
            path.name == "index.html" and path.parent == sample / "build")
        image = meta(page, "og:image")
        assert image.startswith(BASE + "/img/")
        file = sample / "build" / image.removeprefix(BASE + "/")
        assert file.stat().st_size <= 300 * 1024
        with Image.open(file) as preview:
            assert preview.format == "JPEG" and preview.size == (1200, 630)
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        assert page.one("html").attrs["lang"] == "id"
        assert meta(page, "description")


def test_product_head_json_ld_offer(sample: Path) -> None:
    page = parse(sample / "build/produk/keset-bulat-senja/index.html")
    assert meta(page, "og:title") == "Keset Bulat Senja"
    assert meta(page, "og:url") == f"{BASE}/produk/keset-bulat-senja/"
    assert page.one("link", rel="canonical").attrs["href"] == f"{BASE}/produk/keset-bulat-senja/"
    product, crumbs = json_ld(page)
    assert product["@type"] == "Product" and product["name"] == "Keset Bulat Senja"
    assert product["offers"] == {
        "@type": "Offer", "price": "35000", "priceCurrency": "IDR",
        "availability": "https://schema.org/SoldOut",
        "url": f"{BASE}/produk/keset-bulat-senja/"}
    assert product["image"][0] == meta(page, "og:image")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Beranda", "Keset Perca", "Keset Bulat Senja"]
    preorder, _ = json_ld(parse(sample / "build/produk/piring-lidi-kecil/index.html"))
    assert preorder["offers"]["availability"] == "https://schema.org/PreOrder"
    variants, _ = json_ld(parse(sample / "build/produk/keset-persegi-perca/index.html"))
    assert variants["offers"]["@type"] == "AggregateOffer"
    assert (variants["offers"]["lowPrice"], variants["offers"]["highPrice"]) == ("40000", "55000")


def test_home_describes_the_organisation(sample: Path) -> None:
    [org] = json_ld(parse(sample / "build/index.html"))
    assert org["@type"] == "Organization" and org["url"] == BASE + "/"
    assert org["contactPoint"]["telephone"] == "+6281227004321"


def test_share_link_forwards_the_product_page(sample: Path) -> None:
    page = parse(sample / "build/produk/teh-rosela/index.html")
    [share] = [a for a in page.find("a") if a.attrs["href"].startswith("https://wa.me/?text=")]
    text = parse_qs(urlsplit(share.attrs["href"]).query)["text"][0]
    assert text == f"Teh Rosela – Rp22.000\n{BASE}/produk/teh-rosela/"
    assert share.attrs["rel"] == "noopener noreferrer"


def test_sitemap_lists_every_public_page_and_no_hidden_story(sample: Path) -> None:
    tree = ET.parse(sample / "build/sitemap.xml")
    locs = {u.find(f"{SM}loc").text for u in tree.getroot()}
    public = set()
    for path in html_pages(sample):
        page = parse(path)
        if not page.find("meta", name="robots") and path.name == "index.html":
            public.add(page.one("link", rel="canonical").attrs["href"])
    assert set(locs) == public
    assert f"{BASE}/cerita/bu-sari-dan-keset-pelangi/" in locs
    assert f"{BASE}/cerita/bu-ani-kebun-teh/" not in locs  # noindex: true
    assert not [u for u in locs if "ditarik" in u or "bu-wati" in u]  # withdrawn, never shown
    hidden = parse(sample / "build/cerita/bu-ani-kebun-teh/index.html")
    assert meta(hidden, "robots") == "noindex"
    robots = (sample / "build/robots.txt").read_text()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert "Disallow: /cerita" not in robots


def test_atom_feed_holds_stories_and_new_products(sample: Path) -> None:
    root = ET.parse(sample / "build/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ["title", "id", "updated"]:
        assert root.find(f"{ATOM}{required}").text
    entries = root.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "Dari perca menjadi keset pelangi" in titles
    assert "Produk baru: Piring Lidi Kecil" in titles
    assert not [t for t in titles if "Ditarik" in t]
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith(BASE + "/")
    link = parse(sample / "build/index.html").one("link", rel="alternate")
    assert link.attrs["href"] == "/feed.xml"
