"""The default theme in a real browser: cart, search, offline, JavaScript off, privacy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.numbers import format_currency
from playwright.sync_api import Browser, expect

from etalase import whatsapp
from tests.browser import StaticSite, Visit, chromium
from tests.conftest import REPO, copy_sample, run

ARTIFACTS = REPO / "test-artifacts"
SITE_NUMBER = "6281227004321"
HOME = "https://etalase-purwokerto.netlify.app/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    return root / "build"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def site(built: Path) -> Iterator[StaticSite]:
    served = StaticSite(built)
    yield served
    served.stop()


@pytest.fixture
def visit(browser: Browser, site: StaticSite) -> Iterator[Visit]:
    opened = Visit(browser, site, viewport={"width": 360, "height": 640})
    yield opened
    assert opened.outside() == [], "a request left the local site"
    opened.close()


def rupiah(amount: int) -> str:
    return format_currency(amount, "IDR", locale="id_ID")


def add(visit: Visit, path: str, quantity: int, variant: str | None = None) -> None:
    page = visit.page
    page.goto(visit.site.url(path))
    form = page.locator("form.add").first
    if variant:
        form.get_by_label("Pilihan").select_option(label=variant)
    form.get_by_label("Jumlah").fill(str(quantity))
    form.get_by_role("button", name="Masukkan keranjang").click()
    expect(form.get_by_role("status")).to_contain_text("Sudah masuk keranjang")


def test_cart_sends_one_whatsapp_message_with_every_item_and_the_total(visit: Visit) -> None:
    add(visit, "produk/keset-persegi-perca/", 2, "Besar (50 x 80 cm) · " + rupiah(55000))
    add(visit, "produk/piring-lidi-besar/", 1, "Isi 10 · " + rupiah(135000))
    # From a listing card too, and the same item again adds to its quantity.
    visit.page.goto(visit.site.url("kategori/teh-herbal/"))
    card = visit.page.locator("li.card", has_text="Teh Sereh Jahe")
    card.get_by_label("Jumlah").fill("3")
    card.get_by_role("button", name="Masukkan keranjang").click()
    card.get_by_label("Jumlah").fill("1")
    card.get_by_role("button", name="Masukkan keranjang").click()
    expect(visit.page.locator("#cart-link")).to_contain_text("(7)")

    visit.page.goto(visit.site.url("keranjang/"))
    visit.page.get_by_role("link", name="Pesan semua lewat WhatsApp").click()
    visit.page.wait_for_url("https://wa.me/**")

    tea = 20000  # Teh Sereh Jahe's price in content/products
    text = "\n".join([
        "Halo, saya ingin memesan:",
        f"1. Keset Persegi Perca – Besar (50 x 80 cm) × 2 = {rupiah(110000)}",
        f"{HOME}produk/keset-persegi-perca/",
        f"2. Piring Lidi Besar – Isi 10 × 1 = {rupiah(135000)}",
        f"{HOME}produk/piring-lidi-besar/",
        f"3. Teh Sereh Jahe × 4 = {rupiah(4 * tea)}",
        f"{HOME}produk/teh-sereh-jahe/",
        f"Total: {rupiah(110000 + 135000 + 4 * tea)}",
    ])
    assert visit.orders == [whatsapp.order_link(SITE_NUMBER, text)]
