"""Byte budgets and page hygiene of the built sample site (bench/weight.py reports the same
figures for large catalogs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bench.weight import (
    FIRST_VIEW_BUDGET,
    PAGE_BUDGET,
    PHONE,
    SCRIPT_BUDGET,
    first_view,
    page_weights,
    script_weight,
)
from tests.browser import StaticSite
from tests.pages import parse

HEAD_LINKS = {"canonical", "alternate", "icon", "apple-touch-icon", "manifest"}  # not render-blocking


def html_pages(build: Path) -> list[Path]:
    return sorted(build.rglob("*.html"))


def test_every_page_fits_one_round_trip(sample_build: Path) -> None:
    weights = page_weights(sample_build)
    assert len(weights) >= 20
    over = {w.path: w.gzip for w in weights if w.gzip > PAGE_BUDGET}
    assert over == {}, f"pages over {PAGE_BUDGET} bytes gzip"


def test_scripts_stay_small(sample_build: Path) -> None:
    assert 1000 < script_weight(sample_build) <= SCRIPT_BUDGET


def test_home_first_view_fits_the_budget(sample_build: Path, browser: Browser) -> None:
    site = StaticSite(sample_build)
    try:
        context = browser.new_context(**PHONE)
        view = first_view(context.new_page(), site.url(""), sample_build)
        context.close()
    finally:
        site.stop()
    assert view["image_count"] >= 2  # the first row of featured products is in view
    assert view["total"] <= FIRST_VIEW_BUDGET, view


@pytest.fixture(scope="module")
def parsed(sample_build: Path) -> dict[str, object]:
    return {p.relative_to(sample_build).as_posix(): parse(p) for p in html_pages(sample_build)}


def test_nothing_blocks_rendering_and_nothing_is_third_party(parsed) -> None:  # type: ignore[no-untyped-def]
    for name, page in parsed.items():
        assert page.one("html").attrs.get("lang") == "id", name
        for link in page.find("link"):
            assert link.attrs["rel"] in HEAD_LINKS, (name, link.attrs)
        for script in page.find("script"):
            if "src" in script.attrs:
                assert "defer" in script.attrs or "async" in script.attrs, name
                assert re.fullmatch(r"/aset/etalase\.[0-9a-f]{10}\.js", script.attrs["src"])
            else:
                assert script.attrs.get("type") == "application/ld+json", name
        for style in page.find("style"):
            assert not re.search(r"@import|@font-face|url\(", style.text), name
        fetched = [e.attrs.get("src") or e.attrs.get("srcset") or "" for e in page.elements
                   if e.tag in {"img", "source", "script", "iframe", "video", "audio"}]
        for address in fetched:
            for candidate in address.split(", "):
                assert candidate == "" or candidate.startswith("/"), (name, candidate)
        assert not page.find("iframe")


def test_images_have_sizes_and_alt_text(parsed) -> None:  # type: ignore[no-untyped-def]
    count = 0
    for name, page in parsed.items():
        for img in page.find("img"):
            count += 1
            assert img.attrs["width"].isdigit() and img.attrs["height"].isdigit(), name
            assert img.attrs.get("alt", "").strip(), (name, img.attrs["src"])
    assert count > 30
    product = parsed["produk/teh-rosela/index.html"]
    photos = [img for img in product.find("img") if "-logo-" not in img.attrs["src"]]
    assert photos[0].attrs["alt"] == "Teh Rosela"  # no alt in its YAML: the name
    logo = product.one("img", alt="Etalase Berdaya Purwokerto")  # the header's logo
    assert "-logo-" in logo.attrs["src"]
