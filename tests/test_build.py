"""Building sites: the pages a buyer sees, WhatsApp links, and all-or-nothing output."""

from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PIL import Image

from etalase.whatsapp import normalize_phone
from tests.conftest import (
    PRODUCT_YAML,
    REPO,
    copy_sample,
    jpeg,
    phone_photo,
    run,
    snapshot,
    write_site,
)
from tests.pages import parse

P = "content/products/keset.yaml"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample catalog, built in a copy."""
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    return root


def order_text(href: str) -> str:
    parts = urlsplit(href)
    assert parts.scheme == "https" and parts.netloc == "wa.me"
    assert "+" not in parts.query, "spaces must be %20, not +"
    return unquote(parse_qs(parts.query)["text"][0])


def test_every_sample_product_has_a_page_with_price_and_order_link(sample: Path) -> None:
    products = sorted((sample / "content/products").glob("*.yaml"))
    assert len(products) >= 8
    for source in products:
        page = parse(sample / "build/produk" / source.stem / "index.html")
        name = page.one("h1").text
        price = page.one("span", class_="price big").text
        assert price.startswith("Rp") and "." in price
        links = [a for a in page.find("a") if a.attrs.get("href", "").startswith("https://wa.me/")]
        orders = [a for a in links if "text=" in a.attrs["href"]
                  and urlsplit(a.attrs["href"]).path != "/"  # not the share link
                  and "produk/" in unquote(a.attrs["href"])]  # not the footer's greeting
        assert orders, source.name
        number = "/6285726001188" if source.stem.startswith("piring-lidi") else "/6281227004321"
        for link in orders:
            assert link.attrs["rel"] == "noopener noreferrer"
            assert urlsplit(link.attrs["href"]).path == number
            text = order_text(link.attrs["href"])
            assert name in text
            assert f"https://etalase-purwokerto.netlify.app/produk/{source.stem}/" in text


def test_variant_links_name_the_variant_and_its_price(sample: Path) -> None:
    page = parse(sample / "build/produk/keset-persegi-perca/index.html")
    texts = [order_text(a.attrs["href"]) for a in page.find("a", class_="btn")]
    assert texts == [
        "Assalamu'alaikum, saya ingin memesan Keset Persegi Perca – Sedang (40 x 60 cm) seharga "
        "Rp40.000. https://etalase-purwokerto.netlify.app/produk/keset-persegi-perca/",
        "Assalamu'alaikum, saya ingin memesan Keset Persegi Perca – Besar (50 x 80 cm) seharga "
        "Rp55.000. https://etalase-purwokerto.netlify.app/produk/keset-persegi-perca/",
    ]


def test_site_pages_exist(sample: Path) -> None:
    for rel in ["index.html", "produk/index.html", "kategori/teh-herbal/index.html",
                "cerita/index.html", "cerita/bu-ani-kebun-teh/index.html", "tentang/index.html",
                "404.html"]:
        page = parse(sample / "build" / rel)
        assert page.one("html").attrs["lang"] == "id"
        assert page.one("h1").text.strip()


def test_sold_out_is_badged_and_not_orderable(sample: Path) -> None:
    page = parse(sample / "build/produk/keset-bulat-senja/index.html")
    assert page.one("span", class_="badge sold").text == "Habis"
    assert not page.find("a", class_="btn")
    listing = parse(sample / "build/kategori/keset-perca/index.html")
    assert [e.text for e in listing.find("span", class_="badge sold")] == ["Habis"]


def test_sold_out_link_asks_and_pre_orders_say_so(sample: Path) -> None:
    page = parse(sample / "build/produk/keset-bulat-senja/index.html")
    ask = [a for a in page.find("a", class_="btn quiet")]
    assert [order_text(a.attrs["href"]) for a in ask] == [
        "Assalamu'alaikum, apakah Keset Bulat Senja akan ada lagi? Kapan kira-kira bisa dipesan? "
        "https://etalase-purwokerto.netlify.app/produk/keset-bulat-senja/"]
    page = parse(sample / "build/produk/piring-lidi-kecil/index.html")
    order = [a for a in page.find("a") if "Pesan lewat WhatsApp" in a.text]
    assert order_text(order[0].attrs["href"]) == (
        "Assalamu'alaikum, saya ingin memesan Piring Lidi Kecil (pre-order) seharga Rp9.000. "
        "https://etalase-purwokerto.netlify.app/produk/piring-lidi-kecil/")


def test_footer_contact_link_greets_the_shop(sample: Path) -> None:
    page = parse(sample / "build/tentang/index.html")
    contact = [a for a in page.find("a") if a.text == "Tanya lewat WhatsApp"]
    assert urlsplit(contact[0].attrs["href"]).path == "/6281227004321"
    assert order_text(contact[0].attrs["href"]) == (
        "Assalamu'alaikum, saya ingin bertanya tentang produk Etalase Berdaya Purwokerto.")


def test_shop_terms_are_brief_on_product_and_cart_pages_and_full_on_about(sample: Path) -> None:
    brief = [
        "Pengiriman: dari Purwokerto · JNE, J&T, Pos Indonesia",
        "Pembayaran: Transfer bank, QRIS, Bayar di tempat (COD) di Purwokerto",
        "Ambil sendiri di: Kecamatan Purwokerto Utara",
        "Pesan dibalas: Senin–Sabtu, 08.00–17.00 WIB",
        "Cara pesan selengkapnya",
    ]
    for rel in ["produk/teh-rosela/index.html", "keranjang/index.html"]:
        page = parse(sample / "build" / rel)
        terms = page.one("ul", class_="terms")
        items = [e.text for e in page.find("li") if e.text in terms.text]
        assert items == brief, rel
    about = parse(sample / "build/tentang/index.html")
    terms = dict(zip([e.text for e in about.find("dt")], [e.text for e in about.find("dd")],
                     strict=True))
    assert terms["Pengiriman"] == (
        "Dikirim dari Purwokerto lewat JNE, J&T, Pos Indonesia. Ongkos kirim kami hitung dari "
        "berat barang dan kami sampaikan lewat WhatsApp sebelum Anda membayar.")
    assert terms["Ambil sendiri di"] == "Kecamatan Purwokerto Utara"
    assert terms["Pesan dibalas"] == "Senin–Sabtu, 08.00–17.00 WIB"


def test_a_site_without_terms_shows_none(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    assert not parse(root / "build/produk/keset/index.html").find("ul", class_="terms")
    assert not parse(root / "build/tentang/index.html").find("dl")


def test_stock_lead_time_and_new_badges(site) -> None:  # type: ignore[no-untyped-def]
    root = site({
        P: PRODUCT_YAML + "stock: 2\ndate: 2026-11-20\n",
        "content/products/habis.yaml": PRODUCT_YAML.replace("Keset Bulat", "Keset Habis")
        + "stock: 0\ndate: 2026-10-01\n",
        "content/products/pesan.yaml": PRODUCT_YAML.replace("Keset Bulat", "Keset Pesan")
        + "status: preorder\nlead_time: 7\ndate: 2026-10-22\n",
    })
    assert run(root, "build").exit_code == 0
    page = parse(root / "build/produk/keset/index.html")
    buyline = page.one("p", class_="buyline").text
    assert "Baru" in buyline and "Sisa 2" in buyline
    assert page.one("div", class_="buy").attrs["data-max"] == "2"
    sold = parse(root / "build/produk/habis/index.html")  # stock 0: sold out, status unedited
    assert sold.one("span", class_="badge sold").text == "Habis"
    assert not sold.find("div", class_="buy")
    made = parse(root / "build/produk/pesan/index.html")
    assert made.one("p", class_="note").text == "Dibuat setelah dipesan. Siap dalam 7 hari."
    # New is counted from the newest listing (2026-11-20), not from the clock.
    assert made.find("span", class_="badge new")[0].attrs["data-until"] == "2026-11-21"
    listing = parse(root / "build/kategori/keset-perca/index.html")
    assert len(listing.find("span", class_="badge new")) == 2


def test_stock_and_lead_time_are_checked(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + "stock: -1\nlead_time: 7\n"})
    result = run(root, "check")
    assert (f"masalah: {P}:6: 'stock' berisi \"-1\", padahal harus bilangan bulat (0 atau lebih) — "
            "tulis angkanya saja, misalnya  stock: 3") in result.output.splitlines()
    assert (f"peringatan: {P}:7: lead_time hanya ditampilkan untuk produk pre-order — tambahkan"
            "  status: preorder, atau hapus baris lead_time") in result.output.splitlines()


def test_maker_links_to_her_story_and_related_products_follow(sample: Path) -> None:
    page = parse(sample / "build/produk/keset-bulat-pelangi/index.html")
    maker = [a for a in page.find("a") if a.text.startswith("Bu Sari")]
    assert maker[0].attrs["href"] == "/cerita/bu-sari-dan-keset-pelangi/"
    assert maker[0].text == "Bu Sari – baca ceritanya"
    related = [e.text for e in page.find("span", class_="name")]
    assert related == ["Keset Persegi Perca", "Keset Bulat Senja"]  # available first
    nur = parse(sample / "build/produk/celemek-perca/index.html")  # no story: plain text
    assert not [a for a in nur.find("a") if a.text.startswith("Bu Nur")]


def test_a_product_without_photo_shows_its_initials_on_its_category_colour(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML.replace("images:\n  - images/keset.jpg\n", "")})
    assert run(root, "build").exit_code == 0
    for rel in ["produk/keset/index.html", "kategori/keset-perca/index.html"]:
        tile = parse(root / "build" / rel).one("span", class_="noimg c7")
        assert tile.text == "KB" and tile.attrs["aria-hidden"] == "true"


def test_story_without_consent_is_not_published(sample: Path) -> None:
    assert not (sample / "build/cerita/bu-wati-piring-lidi").exists()
    assert "bu-wati" not in (sample / "build/cerita/index.html").read_text()


def test_every_image_has_size_and_alt(sample: Path) -> None:
    for html in (sample / "build").rglob("*.html"):
        for img in parse(html).find("img"):
            assert img.attrs["width"] and img.attrs["height"] and img.attrs["alt"], html
            assert (sample / "build" / img.attrs["src"].lstrip("/")).is_file()


def test_english_site(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": "title: Shop\nbase_url: https://s.example/shop/\n"
                 "language: en\nwhatsapp: '+62 812 3456 7890'\n"})
    assert run(root, "build").exit_code == 0
    page = parse(root / "build/produk/keset/index.html")
    assert page.one("html").attrs["lang"] == "en"
    assert page.one("span", class_="price big").text == "Rp25.000"
    link = page.one("a", class_="btn")
    assert link.text == "Order on WhatsApp"
    assert order_text(link.attrs["href"]) == (
        "Hello, I would like to order Keset Bulat for Rp25.000. "
        "https://s.example/shop/produk/keset/"
    )
    assert page.one("a", class_="brand").attrs["href"] == "/shop/"


@pytest.mark.parametrize("written", [
    "0812-3456-7890", "+62 812 3456 7890", "6281234567890", "081234567890", "+62-812-3456-7890",
])
def test_phone_forms_normalise(written: str) -> None:
    assert normalize_phone(written) == "6281234567890"


def test_landline_normalises() -> None:
    assert normalize_phone("(0274) 512345") == "62274512345"


def test_product_number_overrides_site_number(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + 'whatsapp: "(0274) 512345"\n'})
    assert run(root, "build").exit_code == 0
    link = parse(root / "build/produk/keset/index.html").one("a", class_="btn")
    assert urlsplit(link.attrs["href"]).path == "/62274512345"


def test_yaml_booleans_stay_text(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML.replace("Keset Perca", "no").replace("Keset Bulat", "yes")})
    assert run(root, "build").exit_code == 0
    page = parse(root / "build/kategori/no/index.html")
    assert page.one("h1").text == "no"
    assert page.one("span", class_="name").text == "yes"


def test_long_names_keep_the_message_short(site) -> None:  # type: ignore[no-untyped-def]
    template = "{product} {name} " * 3 + "x" * 150 + " {url}"
    root = site({
        "content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
        f"order_message: '{template}'\n",
        P: PRODUCT_YAML.replace("Keset Bulat", "K" * 80),
    })
    assert run(root, "build").exit_code == 0
    link = parse(root / "build/produk/keset/index.html").one("a", class_="btn")
    text = order_text(link.attrs["href"])
    assert len(text) <= 600
    assert text.endswith("https://t.example/produk/keset/")


def test_deleted_product_leaves_no_trace(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/products/tikar.yaml": PRODUCT_YAML.replace("Keset Bulat", "Tikar")})
    assert run(root, "build").exit_code == 0
    assert (root / "build/produk/tikar/index.html").exists()
    (root / "content/products/tikar.yaml").unlink()
    assert run(root, "build").exit_code == 0
    assert not (root / "build/produk/tikar").exists()
    assert "Tikar" not in (root / "build/produk/index.html").read_text()


def test_build_never_writes_into_content(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    before = snapshot(root / "content")
    assert run(root, "build").exit_code == 0
    assert snapshot(root / "content") == before


def own_theme(root: Path) -> Path:
    """Replaces the site's link to the shared theme with a copy it may break; returns
    the copy's templates folder."""
    (root / "themes").unlink()
    shutil.copytree(REPO / "themes", root / "themes")
    return root / "themes/default/templates"


def broken_theme_build(root: Path, name: str, old: str, new: str) -> tuple[str, int]:
    """Builds ``root``, replaces ``old`` with ``new`` in one of its theme's templates and
    builds again, which must fail, with no traceback, leaving build/ as it was. Returns
    the output and the line of the template where ``new`` begins."""
    assert run(root, "build").exit_code == 0
    before = snapshot(root / "build")
    template = own_theme(root) / name
    template.write_text(template.read_text().replace(old, new))
    result = run(root, "build")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert snapshot(root / "build") == before
    first = new.splitlines()[0]
    line = next(i for i, text in enumerate(template.read_text().splitlines(), 1) if first in text)
    return result.output, line


def test_template_mistake_is_reported_and_build_kept(site) -> None:  # type: ignore[no-untyped-def]
    output, line = broken_theme_build(site(), "about.html", "site.about_html", "site.about_text")
    assert f"masalah: themes/default/templates/about.html:{line}: tema gagal membuat halaman" in (
        output)
    assert "about_text" in output


def test_a_mistake_in_a_part_rendered_once_is_reported_at_its_line(site) -> None:  # type: ignore[no-untyped-def]
    output, line = broken_theme_build(site(), "header.html", 't("stories")', 't("no_such_text")')
    assert f"masalah: themes/default/templates/header.html:{line}: tema gagal" in output
    assert output.count("header.html") == 1  # found on every page, shown once
    assert "1 masalah di 1 file" in output


@pytest.mark.parametrize("tag", ['<h1\n  STYLE = "color: red">',
                                 # an element whose attributes are kept as written
                                 '<h1 {{ site.title[:0] }}\n  STYLE = "color: red">'])
def test_a_style_attribute_in_a_theme_is_reported_at_its_line(site, tag: str) -> None:  # type: ignore[no-untyped-def]
    output, line = broken_theme_build(site(), "about.html", "<h1>", tag)
    assert f"masalah: themes/default/templates/about.html:{line + 1}: atribut style tidak" in output


def test_text_that_looks_like_a_style_attribute_is_only_text(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML.replace("name: Keset Bulat", "name: Keset style=modern")})
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    page = parse(root / "build/produk/keset/index.html")
    assert page.one("h1").text == "Keset style=modern"
    assert "style=modern" in page.one("meta", name="description").attrs["content"]


def test_markdown_is_sanitised(site) -> None:  # type: ignore[no-untyped-def]
    evil = (
        'description: |\n  Hi <script>alert(1)</script> <b onclick="x()">b</b>\n'
        '  [a](javascript:alert(1)) [d](data:text/html,x) <!-- secret -->\n'
        '  <img src="https://tracker.example/p.gif"> [ok](https://ok.example)\n'
    )
    root = site({P: PRODUCT_YAML + evil})
    result = run(root, "build")
    assert result.exit_code == 0
    assert f"peringatan: {P}:6: gambar di dalam teks 'description' tidak ditampilkan" in result.output
    html = (root / "build/produk/keset/index.html").read_text()
    text = html[html.index("<div class=text>"):html.index("</div>", html.index("class=text"))]
    for bad in ["<script", "alert", "onclick", "javascript:", "data:", "secret", "<img", "tracker"]:
        assert bad not in text, bad
    assert '<a rel="noopener noreferrer" href=https://ok.example>ok</a>' in text


def test_markdown_is_commonmark_as_phone_apps_read_it(site) -> None:  # type: ignore[no-untyped-def]
    """A list right under a line of text and a sub-list indented by two spaces are lists;
    tables, strikethrough and definition lists work."""
    description = (
        "description: |\n  Ukuran:\n  - kecil\n    - 20 cm\n  - besar\n\n"
        "  | warna | stok |\n  |---|---|\n  | biru | 3 |\n\n"
        "  ~~Rp30.000~~ sekarang lebih murah\n\n  Perca\n  : sisa kain penjahit\n"
    )
    root = site({P: PRODUCT_YAML + description})
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    page = parse(root / "build/produk/keset/index.html")
    assert [li.text.split()[0] for li in page.find("li")] == ["kecil", "20", "besar"]
    assert len(page.find("ul")) == 2  # the sub-list is inside the list
    assert [td.text for td in page.find("td")] == ["biru", "3"]
    assert page.one("del").text == "Rp30.000"
    assert (page.one("dt").text, page.one("dd").text) == ("Perca", "sisa kain penjahit")


def test_no_photo_metadata_reaches_the_site(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from etalase import imageproc
    from etalase.imagesettings import ImageSettings

    source = tmp_path / "IMG_20260101_rumah.jpg"
    source.write_bytes(phone_photo())
    assert b"SecretModel" in source.read_bytes() and b"rumah Bu Sari" in source.read_bytes()
    files, _ = imageproc.render(source, ImageSettings())  # check refuses such a photo;
    assert len(files) > 2  # the pipeline would still publish none of it
    for file in files:
        for secret in [b"Exif", b"SecretModel", b"SERIAL", b"PhoneMaker", b"rumah", b"xmpmeta",
                       b"GPS", b"IMG_2026", b"ICC_PROFILE"]:
            assert secret not in file.data, (file.name, secret)
        if file.name.endswith(".jpg"):
            assert b"\xff\xfe" not in file.data[: file.data.index(b"\xff\xda")], "comment"
        with Image.open(io.BytesIO(file.data)) as image:
            assert not image.getexif()
            if "preview" not in file.name:
                assert image.height > image.width, "EXIF orientation 6 must be applied"
    root = site({"content/images/IMG_20260101_rumah.jpg": jpeg(),
                 P: PRODUCT_YAML.replace("images/keset.jpg", "images/IMG_20260101_rumah.jpg")})
    assert run(root, "build").exit_code == 0
    assert "IMG_2026" not in (root / "build/produk/keset/index.html").read_text()


def test_same_photo_twice_is_written_once(site) -> None:  # type: ignore[no-untyped-def]
    root = site({
        "content/images/copy.jpg": jpeg(),
        "content/products/b.yaml": PRODUCT_YAML.replace("Keset Bulat", "B").replace(
            "images/keset.jpg", "images/copy.jpg"),
    })
    assert run(root, "build").exit_code == 0
    photos = [p for p in (root / "build/img").glob("[!s]*") if p.suffix != ".png"]  # not icons
    assert len({p.name.split("-")[0] for p in photos}) == 1


def test_new_product_starter_passes_check_once_filled_in(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    result = run(root, "new", "product", "Keset Bulat: Biru #2")
    assert result.exit_code == 0, result.output
    path = root / "content/products/keset-bulat-biru-2.yaml"
    text = path.read_text()
    assert "# Harga dalam rupiah" in text
    assert run(root, "check").exit_code == 1  # price and category still empty
    filled = text.replace("price:\n", "price: 30000\n").replace("category:\n", "category: Keset Perca\n")
    filled = filled.replace("Tulis di sini bahan, ukuran dan cara merawatnya.", "Keset biru.").replace(
        "tulis bahannya di sini", "kain perca")
    path.write_text(filled)
    write_site(root, {"content/images/keset-bulat-biru-2.jpg": jpeg()})
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    again = run(root, "new", "product", "Keset Bulat: Biru #2")
    assert again.exit_code == 1 and "sudah ada" in again.output
    assert path.read_text() == filled


def test_new_story_starter_is_unpublished_until_consent(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "new", "story", "Menjahit bersama").exit_code == 0
    path = root / "content/stories/menjahit-bersama.md"
    filled = path.read_text().replace("member:\n", "member: Bu Nur\n").replace(
        "contoh-produk", "keset").replace("Tulis ceritanya di sini.", "Bu Nur menjahit.")
    path.write_text(filled)
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert "cerita ini tidak diterbitkan" in result.output
    path.write_text(filled.replace("consent: false", "consent: true"))
    assert run(root, "build").exit_code == 0
    assert (root / "build/cerita/menjahit-bersama/index.html").exists()


@pytest.mark.parametrize("consent", ['"no"', "tidak", '"false"', '"true"', "yes", None])
def test_story_needs_exactly_true_consent(site, consent: str | None) -> None:  # type: ignore[no-untyped-def]
    line = f"consent: {consent}\n" if consent else ""
    root = site({"content/stories/s.md": f"---\ntitle: S\nmember: Bu Nur\ndate: 2026-01-01\n"
                 f"{line}---\nIsi.\n"})
    result = run(root, "build")
    assert result.exit_code == 0
    assert "catatan: content/stories/s.md" in result.output
    assert "cerita ini tidak diterbitkan" in result.output
    assert not (root / "build/cerita/s").exists()


def test_new_product_asks_each_field_and_checks_each_answer(site) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from etalase.cli import main

    root = site()
    answers = "\n".join(["Keset", "Tikar: Biru", "Rp 30.000", "30000", "", "Keset Perca",
                         "images/KESET.jpg", "images/keset.jpg", "0274", "0812 3456 7890", ""])
    result = CliRunner().invoke(main, ["new", "product", "--root", str(root)], input=answers)
    assert result.exit_code == 0, result.output
    assert "content/products/keset.yaml sudah ada" in result.output
    assert 'harga "Rp 30.000" memuat Rp atau tanda baca — tulis angkanya saja: 30000' in result.output
    assert 'gambar "images/KESET.jpg" tidak ada — mungkin maksudnya "images/keset.jpg"?' in result.output
    assert '"0274" bukan nomor telepon yang sah' in result.output
    assert "Kategori yang sudah ada: Keset Perca" in result.output
    path = root / "content/products/tikar-biru.yaml"
    assert 'name: "Tikar: Biru"' in path.read_text()
    check = run(root, "check")
    assert check.exit_code == 0, check.output
    assert run(root, "build").exit_code == 0
    page = parse(root / "build/produk/tikar-biru/index.html")
    assert page.one("h1").text == "Tikar: Biru"
    assert urlsplit(page.one("a", class_="btn").attrs["href"]).path == "/6281234567890"


def test_listings_are_paginated(site) -> None:  # type: ignore[no-untyped-def]
    many = {f"content/products/p{i:02d}.yaml": PRODUCT_YAML.replace("Keset Bulat", f"Produk {i:02d}")
            for i in range(30)}
    root = site(many)
    assert run(root, "build").exit_code == 0
    first = parse(root / "build/produk/index.html")
    second = parse(root / "build/produk/hal/2/index.html")
    assert len(first.find("li", class_="card")) == 24
    assert len(second.find("li", class_="card")) == 7  # 31 products in all
    assert first.one("a", rel="next").attrs["href"] == "/produk/hal/2/"
    assert second.one("a", rel="prev").attrs["href"] == "/produk/"
    assert not first.find("a", rel="prev") and not second.find("a", rel="next")
    assert second.one("link", rel="canonical").attrs["href"] == "https://toko.example.org/produk/hal/2/"
    category = parse(root / "build/kategori/keset-perca/hal/2/index.html")
    assert len(category.find("li", class_="card")) == 7
    assert "https://toko.example.org/kategori/keset-perca/hal/2/" in (
        root / "build/sitemap.xml").read_text()


def test_nothing_changed_means_nothing_to_do(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    before = snapshot(root / "build")
    again = run(root, "build")
    assert again.exit_code == 0 and "tidak ada yang berubah" in again.output
    assert snapshot(root / "build") == before
    (root / "build/index.html").write_text("tampered")  # build/ no longer as it was left
    redo = run(root, "build")
    assert "tidak ada yang berubah" not in redo.output
    assert snapshot(root / "build") == before
    (root / P).write_text(PRODUCT_YAML.replace("25000", "26000"))
    edited = run(root, "build")
    assert "tidak ada yang berubah" not in edited.output
    assert "Rp26.000" in (root / "build/produk/keset/index.html").read_text()
    assert run(root, "build", "--strict").output.count("tidak ada yang berubah") == 0


def test_builds_are_reproducible(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/stories/s.md": "---\ntitle: S\nmember: Bu Nur\ndate: 2026-01-01\n"
                 "consent: true\n---\nIsi.\n"})
    assert run(root, "build").exit_code == 0
    first = snapshot(root / "build")
    shutil.rmtree(root / "build")
    shutil.rmtree(root / ".etalase-cache")  # cold: every photo encoded again
    assert run(root, "build").exit_code == 0
    assert snapshot(root / "build") == first
    # A copy of the same content, every file with new times (a fresh clone), builds the
    # same site.
    copy = root.parent / "copy"
    shutil.copytree(root / "content", copy / "content", copy_function=shutil.copyfile)
    shutil.copytree(root / "themes", copy / "themes", symlinks=True)
    future = time.time() + 86400 * 400
    for path in (copy / "content").rglob("*"):
        os.utime(path, (future, future))
    assert run(copy, "build").exit_code == 0
    assert snapshot(copy / "build") == first


def test_parallel_rendering_gives_the_same_site(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from etalase import render

    root = site({f"content/products/p{i}.yaml": PRODUCT_YAML.replace("Keset Bulat", f"P {i}")
                 for i in range(12)})
    assert run(root, "build").exit_code == 0
    serial = snapshot(root / "build")
    shutil.rmtree(root / "build")
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    assert run(root, "build").exit_code == 0
    assert snapshot(root / "build") == serial
    template = own_theme(root) / "product.html"
    template.write_text(template.read_text().replace("product.maker", "product.makr"))
    result = run(root, "build")
    assert result.exit_code == 1
    assert "masalah: themes/default/templates/product.html:" in result.output
    assert snapshot(root / "build") == serial


def test_parallel_parsing_gives_the_same_site_and_problems(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from etalase import reading

    files = {f"content/products/p{i}.yaml": PRODUCT_YAML.replace("Keset Bulat", f"P {i}")
             for i in range(12)}
    root = site({**files, "content/products/rusak.yaml": PRODUCT_YAML + "harga: 5\n"})
    serial_run = run(root, "build", "--strict")
    (root / "content/products/rusak.yaml").unlink()
    assert run(root, "build").exit_code == 0
    serial = snapshot(root / "build")
    shutil.rmtree(root / "build")
    shutil.rmtree(root / ".etalase-cache")  # nothing remembered: every file is parsed
    monkeypatch.setattr(reading, "PARALLEL_FROM", 1)
    (root / "content/products/rusak.yaml").write_text(PRODUCT_YAML + "harga: 5\n")
    parallel_run = run(root, "build", "--strict")
    assert parallel_run.exit_code == serial_run.exit_code == 1
    assert parallel_run.output == serial_run.output
    assert "content/products/rusak.yaml:6:" in parallel_run.output
    (root / "content/products/rusak.yaml").unlink()
    shutil.rmtree(root / ".etalase-cache", ignore_errors=True)
    assert run(root, "build").exit_code == 0
    assert snapshot(root / "build") == serial


def test_script_template_mistake_is_reported_and_build_kept(site) -> None:  # type: ignore[no-untyped-def]
    output, line = broken_theme_build(site(), "etalase.js", 't("remove")', 't("hapus")')
    # Jinja places a mistake inside a multi-line expression at the expression's last line.
    found = re.search(r"masalah: themes/default/templates/etalase\.js:(\d+): tema gagal membuat "
                      r"halaman: the theme has no text for 'hapus' — ", output)
    assert found, output
    assert line <= int(found.group(1)) <= line + 6
