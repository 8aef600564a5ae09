"""The default theme in a real browser: cart, search, offline, JavaScript off, privacy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from babel.numbers import format_currency
from playwright.sync_api import Browser, expect

from etalase import whatsapp
from tests.browser import StaticSite, Visit
from tests.conftest import REPO, copy_sample, run

ARTIFACTS = REPO / "test-artifacts"
SITE_NUMBER = "6281227004321"
HOME = "https://etalase-purwokerto.netlify.app/"


@pytest.fixture
def site(sample_build: Path) -> Iterator[StaticSite]:
    served = StaticSite(sample_build)
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


def price_of(slug: str) -> int:
    return yaml.safe_load((REPO / f"content/products/{slug}.yaml").read_text())["price"]


def add(visit: Visit, path: str, quantity: int, variant: str | None = None) -> None:
    page = visit.page
    page.goto(visit.site.url(path))
    form = page.locator("form.add").first
    if variant:
        form.get_by_label("Pilihan").select_option(label=variant)
    form.get_by_label("Jumlah").fill(str(quantity))
    form.get_by_role("button", name="Masukkan keranjang").click()
    expect(form.get_by_role("status")).to_contain_text("Sudah masuk keranjang")


WATI_NUMBER = "6285726001188"  # Bu Wati answers the orders of her plates herself
CLOSING = ["", "Nama:", "Alamat:", "Kurir:"]


def test_a_mixed_cart_sends_one_message_per_seller_with_the_exact_text(visit: Visit) -> None:
    add(visit, "produk/keset-persegi-perca/", 2, "Besar (50 x 80 cm) · " + rupiah(55000))
    add(visit, "produk/piring-lidi-besar/", 1, "Isi 10 · " + rupiah(135000))
    add(visit, "produk/piring-lidi-kecil/", 3)  # a pre-order
    # From a listing card too (one at a time), and the same item again adds to its quantity.
    visit.page.goto(visit.site.url("kategori/teh-herbal/"))
    card = visit.page.locator("li.card", has_text="Teh Sereh Jahe")
    for _ in range(4):
        card.get_by_role("button", name="+ Keranjang").click()
    expect(card.get_by_role("status")).to_contain_text("Sudah masuk keranjang")
    expect(visit.page.locator("#cart-link")).to_contain_text("(10)")

    page = visit.page
    page.goto(visit.site.url("keranjang/"))
    expect(page.get_by_role("link", name="Pesan semua lewat WhatsApp")).to_have_count(0)
    shop = page.locator(".seller", has=page.get_by_role("heading", name="Etalase Berdaya"))
    wati = page.locator(".seller", has=page.get_by_role("heading", name="Bu Wati"))
    tea = price_of("teh-sereh-jahe")
    expect(shop.locator(".total")).to_have_text(f"Subtotal: {rupiah(110000 + 4 * tea)}")
    expect(wati.locator(".total")).to_have_text(f"Subtotal: {rupiah(135000 + 3 * 9000)}")
    shop.get_by_role("link", name="Kirim pesanan ke Etalase Berdaya Purwokerto").click()
    page.wait_for_url("https://wa.me/**")
    page.go_back()
    page.locator(".seller").get_by_role("link", name="Kirim pesanan ke Bu Wati").click()
    page.wait_for_url("https://wa.me/**")

    greeting = "Assalamu'alaikum, saya ingin memesan:"
    to_shop = "\n".join([
        greeting,
        f"1. Keset Persegi Perca – Besar (50 x 80 cm) × 2 = {rupiah(110000)}",
        f"{HOME}produk/keset-persegi-perca/",
        f"2. Teh Sereh Jahe × 4 = {rupiah(4 * tea)}",
        f"{HOME}produk/teh-sereh-jahe/",
        f"Total: {rupiah(110000 + 4 * tea)}",
        *CLOSING,
    ])
    to_wati = "\n".join([
        greeting,
        f"1. Piring Lidi Besar – Isi 10 × 1 = {rupiah(135000)}",
        f"{HOME}produk/piring-lidi-besar/",
        f"2. Piring Lidi Kecil × 3 = {rupiah(27000)} (pre-order)",
        f"{HOME}produk/piring-lidi-kecil/",
        f"Total: {rupiah(135000 + 27000)}",
        *CLOSING,
    ])
    assert visit.orders == [whatsapp.order_link(SITE_NUMBER, to_shop),
                            whatsapp.order_link(WATI_NUMBER, to_wati)]


def test_a_cart_for_one_seller_has_one_button(visit: Visit) -> None:
    add(visit, "produk/teh-rosela/", 2)
    visit.page.goto(visit.site.url("keranjang/"))
    expect(visit.page.locator(".seller h2")).to_have_count(0)
    expect(visit.page.locator(".total")).to_have_text(f"Total: {rupiah(2 * price_of('teh-rosela'))}")
    visit.page.get_by_role("link", name="Pesan semua lewat WhatsApp").click()
    visit.page.wait_for_url("https://wa.me/**")
    assert visit.orders[0].startswith(f"https://wa.me/{SITE_NUMBER}?text=")


def test_a_long_cart_keeps_the_message_short_and_the_total_right(visit: Visit) -> None:
    visit.page.goto(visit.site.url(""))
    lines = [{"i": "teh-rosela", "n": f"Teh Rosela {n} " + "x" * 60, "v": f"v{n}", "p": 1000,
              "w": SITE_NUMBER, "q": 99} for n in range(25)]
    visit.page.evaluate("c => localStorage.setItem('etalase-cart', JSON.stringify(c))", lines)
    visit.page.goto(visit.site.url("keranjang/"))
    # teh-rosela has no variant v0..v24: today's index marks every line as gone.
    expect(visit.page.locator("#cart")).to_contain_text("sudah tidak tersedia")
    expect(visit.page.get_by_role("link", name="Pesan semua lewat WhatsApp")).to_have_count(0)

    for line in lines:
        line["v"] = ""
    visit.page.evaluate("c => localStorage.setItem('etalase-cart', JSON.stringify(c))", lines)
    visit.page.goto(visit.site.url("keranjang/"))
    visit.page.get_by_role("link", name="Pesan semua lewat WhatsApp").click()
    visit.page.wait_for_url("https://wa.me/**")
    text = unquote(visit.orders[0].split("?text=", 1)[1])
    assert len(text) <= 2000
    # greeting, 25 items, total, the site link (no pages), a blank line and 3 to fill in
    assert text.count("\n") == 31
    rosela = price_of("teh-rosela")  # today's price, not the 1,000 stored with the item
    assert f"1. Teh Rosela × 99 = {rupiah(99 * rosela)}" in text
    assert text.endswith(f"Total: {rupiah(25 * 99 * rosela)}\n{HOME}\n\nNama:\nAlamat:\nKurir:")


def test_sold_out_products_cannot_be_added(visit: Visit) -> None:
    visit.page.goto(visit.site.url("produk/keset-bulat-senja/"))
    expect(visit.page.locator("h1")).to_have_text("Keset Bulat Senja")
    expect(visit.page.locator("form.add")).to_have_count(0)
    visit.page.goto(visit.site.url("kategori/keset-perca/"))
    sold = visit.page.locator("li.card", has_text="Keset Bulat Senja")
    expect(sold.get_by_role("button")).to_have_count(0)
    expect(visit.page.locator("li.card").get_by_role("button", name="+ Keranjang")).to_have_count(2)


def test_a_card_with_options_sends_the_buyer_to_choose_on_the_product_page(visit: Visit) -> None:
    visit.page.goto(visit.site.url("kategori/keset-perca/"))
    card = visit.page.locator("li.card", has_text="Keset Persegi Perca")
    card.get_by_role("button", name="+ Keranjang").click()
    visit.page.wait_for_url("**/produk/keset-persegi-perca/#beli")
    expect(visit.page.locator("#beli").get_by_label("Pilihan")).to_be_visible()


def test_the_cart_never_asks_for_more_than_are_left(visit: Visit) -> None:
    visit.page.goto(visit.site.url("produk/teh-daun-kelor/"))
    expect(visit.page.locator(".buyline")).to_contain_text("Sisa 3")
    quantity = visit.page.locator("form.add").get_by_label("Jumlah")
    quantity.fill("5")
    visit.page.get_by_role("button", name="Masukkan keranjang").click()
    assert quantity.evaluate("input => input.validity.rangeOverflow")  # the browser says so
    expect(visit.page.locator("#cart-link")).to_be_hidden()
    add(visit, "produk/teh-daun-kelor/", 2)
    add(visit, "produk/teh-daun-kelor/", 2)  # 4 asked in all
    visit.page.goto(visit.site.url("keranjang/"))
    expect(visit.page.locator("#cart").get_by_label("Jumlah")).to_have_value("3")


def test_search_fetches_its_index_only_when_used(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.site.url(""))
    page.wait_for_load_state("networkidle")
    assert not [u for u in visit.site.served if u.startswith("/cari.json")]
    box = page.get_by_role("searchbox", name="Cari produk")
    box.fill("lidi")
    hits = page.locator("#hits")
    expect(hits).to_contain_text("2 produk ditemukan")
    expect(hits.get_by_role("link", name="Piring Lidi Besar")).to_have_attribute(
        "href", "/produk/piring-lidi-besar/")
    box.fill("bu sari")  # makers and materials are searched too, without accents or case
    expect(hits).to_contain_text("Keset Bulat Senja")
    box.fill("zzz")
    expect(hits).to_contain_text("Tidak ada produk yang cocok")
    assert len([u for u in visit.site.served if u.startswith("/cari.json")]) == 1
    page.goto(visit.site.url("cari/?q=rosela"))  # what the form sends, e.g. from another page
    expect(page.locator("#hits")).to_contain_text("Teh Rosela")
    expect(page.locator("#nojs")).to_have_count(0)  # the no-script note is gone


def products() -> dict[str, dict]:  # type: ignore[type-arg]
    return {p.stem: yaml.safe_load(p.read_text())
            for p in sorted((REPO / "content/products").glob("*.yaml"))}


def test_listings_sort_and_show_available_only(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.site.url("produk/"))
    names = page.locator("li.card .name")
    known = products().values()
    shop_order = sorted(p["name"] for p in known)
    expect(names).to_have_text(shop_order)  # the page's own order, as without the script
    page.get_by_label("Urutkan").select_option("Termurah")
    expect(names).to_have_text([p["name"] for p in sorted(known, key=lambda p: p["price"])])
    page.get_by_label("Urutkan").select_option("Termahal")
    expect(names).to_have_text([p["name"] for p in sorted(known, key=lambda p: -p["price"])])
    page.get_by_label("Urutkan").select_option("Terbaru")
    dated = sorted((p for p in known if "date" in p), key=lambda p: p["date"], reverse=True)
    undated = sorted(p["name"] for p in known if "date" not in p)
    expect(names).to_have_text([p["name"] for p in dated] + undated)
    page.get_by_label("Hanya yang tersedia").check()
    expect(page.locator("li.card", has_text="Keset Bulat Senja")).to_be_hidden()
    expect(page.locator("li.card:visible")).to_have_count(len(known) - 1)
    page.get_by_label("Urutkan").select_option("Pilihan toko")
    page.get_by_label("Hanya yang tersedia").uncheck()
    expect(names).to_have_text(shop_order)


def test_a_listing_of_several_pages_sorts_all_of_its_products(browser: Browser,
                                                             tmp_path: Path) -> None:
    """"Termurah" on page 2 of a category means the cheapest of the whole category; with
    no signal the page says the order covers only its own products."""
    root = copy_sample(tmp_path / "site")
    for n in range(30):  # the teas now fill two pages of 24
        sold = "status: sold_out\n" if n % 10 == 3 else ""
        (root / f"content/products/teh-campuran-{n:02d}.yaml").write_text(
            f"name: Teh Campuran {n:02d}\nprice: {40050 - n * 700}\ncategory: Teh Herbal\n"
            f"description: Teh campuran nomor {n}.\n{sold}", encoding="utf-8")
    assert run(root, "build").exit_code == 0
    teas = [yaml.safe_load(p.read_text()) for p in (root / "content/products").glob("*.yaml")]
    teas = sorted((p for p in teas if p["category"] == "Teh Herbal"),
                  key=lambda p: p["name"].lower())  # the shop's order
    served = StaticSite(root / "build")
    visit = Visit(browser, served, viewport={"width": 360, "height": 640})
    try:
        page = visit.page
        page.goto(served.url("kategori/teh-herbal/hal/2/"))
        names = page.locator("li.card .name")
        expect(names).to_have_count(len(teas) - 24)
        page.get_by_label("Urutkan").select_option("Termurah")
        expect(names).to_have_text([p["name"] for p in sorted(teas, key=lambda p: p["price"])])
        expect(page.locator(".sort [role=status]")).to_have_text(
            f"Semua {len(teas)} produk")
        expect(page.locator(".pager")).to_be_hidden()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "360x640-listing-sorted.png")
        fetched = next(p for p in teas[:24] if p.get("status") != "sold_out")  # from page 1
        expect(page.locator("li.card", has_text=fetched["name"]).locator("button")).to_have_count(1)
        page.get_by_label("Hanya yang tersedia").check()
        available = [p for p in teas if p.get("status") != "sold_out"]
        expect(page.locator("li.card:visible .name")).to_have_count(len(available))
        page.get_by_label("Hanya yang tersedia").uncheck()
        page.get_by_label("Urutkan").select_option("Pilihan toko")  # back to this page alone
        expect(names).to_have_text([p["name"] for p in teas[24:]])
        expect(page.locator(".pager")).to_be_visible()
        card = page.locator("li.card", has_text=teas[0]["name"])  # fetched from page 1
        expect(card).to_have_count(0)
        offline = visit.context.new_page()
        offline.goto(served.url("kategori/teh-herbal/"))
        served.stop()  # the signal is lost
        offline.get_by_label("Urutkan").select_option("Termahal")
        expect(offline.locator(".sort [role=status]")).to_have_text(
            "Tidak ada sinyal: hanya halaman ini yang diurutkan.")
        own = sorted(teas[:24], key=lambda p: -p["price"])
        expect(offline.locator("li.card .name")).to_have_text([p["name"] for p in own])
        offline.screenshot(path=ARTIFACTS / "360x640-listing-sorted-offline.png")
    finally:
        served.stop()
        visit.close()


def test_search_forgives_a_missing_letter(visit: Visit) -> None:
    visit.page.goto(visit.site.url(""))
    box = visit.page.get_by_role("searchbox", name="Cari produk")
    box.fill("kset")
    hits = visit.page.locator("#hits")
    expect(hits).to_contain_text("3 produk ditemukan")
    expect(hits.get_by_role("link")).to_have_text(
        ["Keset Bulat Pelangi", "Keset Bulat Senja", "Keset Persegi Perca"])
    box.fill("keset pelangi")  # every word must match
    expect(hits.get_by_role("link")).to_have_text(["Keset Bulat Pelangi"])
    box.fill("teh")  # short words are matched exactly: no tea becomes a plate
    expect(hits).to_contain_text("3 produk ditemukan")


def test_everything_works_without_javascript(browser: Browser, site: StaticSite) -> None:
    visit = Visit(browser, site, java_script_enabled=False)
    page = visit.page
    page.goto(site.url(""))
    expect(page.locator("#cart-link")).to_be_hidden()
    page.get_by_role("link", name="Semua produk").first.click()
    page.get_by_role("link", name="Piring Lidi").first.click()
    expect(page.locator("h1")).to_have_text("Piring Lidi")
    page.get_by_role("link", name="Piring Lidi Kecil").click()
    expect(page.locator("h1")).to_have_text("Piring Lidi Kecil")
    expect(page.locator("form.add")).to_have_count(0)
    page.get_by_role("link", name="Pesan lewat WhatsApp").click()
    page.wait_for_url("https://wa.me/**")
    assert visit.orders[0].startswith(f"https://wa.me/{WATI_NUMBER}?text=")
    assert "Piring Lidi Kecil" in unquote(visit.orders[0])
    page.goto(site.url(""))
    page.get_by_role("searchbox", name="Cari produk").fill("teh")
    page.get_by_role("button", name="Cari").click()
    expect(page.locator("h1")).to_have_text("Cari produk")
    expect(page.get_by_text("Pencarian memakai JavaScript")).to_be_visible()
    page.get_by_role("link", name="Teh Herbal").click()
    expect(page.locator("li.card")).to_have_count(3)
    assert visit.outside() == []
    visit.close()


def test_a_page_seen_once_opens_offline(browser: Browser, site: StaticSite) -> None:
    visit = Visit(browser, site)
    page = visit.page
    page.goto(site.url(""))
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(site.url("produk/teh-rosela/"))  # now fetched through the worker
    page.wait_for_load_state("networkidle")
    site.stop()
    page.goto(site.url("produk/teh-rosela/"))
    expect(page.locator("h1")).to_have_text("Teh Rosela")
    assert page.locator("img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(site.url("produk/celemek-anak/"))  # never seen: the offline page
    expect(page.locator("h1")).to_have_text("Sedang tidak ada sinyal")
    assert visit.outside() == []
    visit.close()


@pytest.mark.parametrize("path", ["", "produk/", "kategori/piring-lidi/", "produk/celemek-anak/",
                                  "produk/keset-bulat-senja/", "cerita/", "tentang/",
                                  "keranjang/", "cari/?q=teh", "offline/", "404.html"])
def test_pages_meet_wcag_aa(visit: Visit, path: str) -> None:
    """axe-core's WCAG 2.1 A and AA rules, on pages as a buyer sees them (cart filled)."""
    add(visit, "produk/celemek-anak/", 2, "Usia 6-8 tahun · " + rupiah(price_of("celemek-anak")))
    visit.page.goto(visit.site.url(path))
    visit.page.wait_for_load_state("networkidle")
    results = Axe().run(visit.page, options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                              "wcag22aa"]},  # 2.2 adds tap target sizes
        "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


def test_a_new_deploy_is_never_hidden_by_the_offline_copy(browser: Browser, tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "site")
    assert run(root, "build").exit_code == 0
    site = StaticSite(root / "build")
    visit = Visit(browser, site)
    page = visit.page
    try:
        page.goto(site.url(""))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(site.url("produk/teh-rosela/"))
        expect(page.locator(".price.big")).to_have_text(rupiah(price_of("teh-rosela")))
        old = page.evaluate("caches.keys()")

        product = root / "content/products/teh-rosela.yaml"
        product.write_text(product.read_text().replace("price: ", "price: 1", 1))
        assert run(root, "build").exit_code == 0  # the next deploy, with a new price
        new_price = int(f"1{price_of('teh-rosela')}")
        page.goto(site.url("produk/teh-rosela/"))
        expect(page.locator(".price.big")).to_have_text(rupiah(new_price))
        # The updated worker drops the old build's pages; only images are kept.
        page.wait_for_function("olds => caches.keys().then(keys => !keys.some(k => olds.includes(k)"
                               " && k !== 'images'))", arg=old)
        page.goto(site.url("produk/teh-rosela/"))
        site.stop()
        page.goto(site.url("produk/teh-rosela/"))
        expect(page.locator(".price.big")).to_have_text(rupiah(new_price))
        assert visit.outside() == []
    finally:
        site.stop()
        visit.close()


def test_a_broken_script_or_storage_never_breaks_a_page(browser: Browser, site: StaticSite) -> None:
    visit = Visit(browser, site, service_workers="block")  # so the broken script is served
    page = visit.page
    page.goto(site.url(""))
    page.evaluate("localStorage.setItem('etalase-cart', '{not json')")
    page.goto(site.url("keranjang/"))
    expect(page.locator("#cart")).to_have_text("Keranjang masih kosong.")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/aset/etalase.*.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body="throw new Error('broken')"))
    page.goto(site.url("produk/teh-rosela/"))
    expect(page.locator("h1")).to_have_text("Teh Rosela")
    expect(page.get_by_role("link", name="Pesan lewat WhatsApp")).to_be_visible()
    assert errors == ["broken"]  # the failure happened, and the page is whole
    visit.close()
