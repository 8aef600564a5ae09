"""Printed price tags: every QR code, decoded from the rendered page, opens the right link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import decode_qr, screenshot
from tests.conftest import copy_sample, run
from tests.pages import parse

BASE = "https://etalase-purwokerto.netlify.app"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("print"))
    return root


def decoded(root: Path, *args: str) -> tuple[list[str], Path]:
    out = root / "tags.html"
    result = run(root, "print", "--output", str(out), *args)
    assert result.exit_code == 0, result.output
    shot = screenshot(out.as_uri(), root / "tags.png", (900, 2600), scale=2)
    return decode_qr(shot), out


def test_every_tag_qr_opens_the_whatsapp_order(sample: Path) -> None:
    codes, page = decoded(sample)
    products = sorted(p.stem for p in (sample / "content/products").glob("*.yaml"))
    assert len(codes) == len(products) == 10
    slugs = set()
    for code in codes:
        parts = urlsplit(code)
        text = parse_qs(parts.query)["text"][0]
        slug = text.rsplit("/produk/", 1)[1].rstrip("/")
        slugs.add(slug)
        number = "/6285726001188" if slug.startswith("piring-lidi") else "/6281227004321"
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", number)
        sold_out = slug == "keset-bulat-senja"  # its tag asks when it is back
        assert text.startswith("Assalamu'alaikum, apakah " if sold_out
                               else "Assalamu'alaikum, saya ingin memesan ")
        assert text.endswith(f"{BASE}/produk/{slug}/")
    assert sorted(slugs) == products
    assert "Assalamu'alaikum, saya ingin memesan Teh Rosela seharga Rp22.000. " \
           f"{BASE}/produk/teh-rosela/" in [parse_qs(urlsplit(c).query)["text"][0] for c in codes]
    html = parse(page)
    assert not html.find("script"), "the print page has no JavaScript"
    tags = html.find("section", class_="tag")
    assert [t for t in tags if "Teh Rosela" in t.text and "Rp22.000" in t.text and "Bu Ratna" in t.text]
    assert "@page{size:A4" in page.read_text()


def test_category_tags_can_point_at_product_pages(sample: Path) -> None:
    codes, _ = decoded(sample, "--category", "teh-herbal", "--qr", "page")
    assert sorted(codes) == [f"{BASE}/produk/{s}/" for s in
                             ("teh-daun-kelor", "teh-rosela", "teh-sereh-jahe")]


def test_chosen_products_only(sample: Path) -> None:
    codes, _ = decoded(sample, "--product", "celemek-anak", "--product", "teh-rosela")
    assert len(codes) == 2


def test_unknown_product_or_category_is_explained(sample: Path) -> None:
    result = run(sample, "print", "--product", "teh-rosel")
    assert result.exit_code == 1
    assert 'produk "teh-rosel" tidak ada — pilih dari: teh-rosela' in result.output
    result = run(sample, "print", "--category", "teh")
    assert result.exit_code == 1 and 'kategori "teh" tidak ada' in result.output
