"""The phone admin, driven through its real WSGI app and the real build (no sockets):
who may use it, what a save writes, and what it refuses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from etalase.imageproc import PHOTO_FORMATS
from tests.admin_client import ORIGIN, Client
from tests.conftest import PRODUCT_YAML, jpeg, lock_holder

P = "content/products/keset.yaml"
COMMENTED = """\
# Keset dari Bu Sari — jangan ubah harganya sebelum Lebaran
name: Keset Bulat
price: 25000  # harga lama 23000
category: Keset Perca
images:
  - images/keset.jpg
materials: [kain perca, benang]
weight: 400   # grams, as weighed at the market
"""


@pytest.fixture
def admin(site) -> Client:  # type: ignore[no-untyped-def]
    client = Client(site({P: COMMENTED}))
    assert client.login().status == 303
    return client


def edit(client: Client, **changes: str | list[str]) -> dict[str, str | list[str]]:
    fields = client.form_of("/admin/produk/keset.yaml")
    fields.update(changes)
    return fields


def test_without_the_cookie_every_admin_url_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    client = Client(site())
    for path in ("/admin/", "/admin/produk/keset.yaml", "/admin/sampah", "/admin/nope",
                 "/admin/static/admin.css", "/admin/terbitkan/situs.zip", "/admin/cerita/"):
        answer = client.get(path)
        assert answer.status == 401, path
        assert "tautan admin" in answer.text
    answer = client.post("/admin/produk/keset.yaml", {"name": "X"}, csrf=False)
    assert answer.status == 401
    assert client.get("/admin/masuk?t=wrong").status == 401
    assert (client.root / P).read_text() == PRODUCT_YAML


def test_the_token_link_sets_a_strict_cookie_and_leaves_the_token_behind(site) -> None:  # type: ignore[no-untyped-def]
    client = Client(site())
    answer = client.login()
    assert answer.status == 303 and answer.headers["Location"] == "/admin/"
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/admin/" in cookie
    assert client.sessions.token not in cookie
    page = client.get("/admin/")
    assert page.status == 200 and "Keset Bulat" in page.text
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert len(client.sessions.token) >= 32  # 192 random bits, URL-safe


def test_changes_need_the_csrf_token_and_this_servers_origin(admin: Client) -> None:
    before = (admin.root / P).read_text()
    fields = edit(admin, price="30000")
    fields.pop("csrf")
    assert admin.post("/admin/produk/keset.yaml", fields, csrf=False).status == 403
    assert admin.post("/admin/produk/keset.yaml", {**fields, "csrf": "guess"},
                      csrf=False).status == 403
    assert admin.post("/admin/produk/keset.yaml", fields, origin="http://evil.example").status == 403
    assert admin.post("/admin/produk/keset.yaml", fields, origin=None).status == 403
    assert (admin.root / P).read_text() == before
    assert admin.post("/admin/produk/keset.yaml", fields).status == 303
    assert "price: 30000" in (admin.root / P).read_text()


def test_a_save_keeps_comments_order_and_fields_the_form_does_not_show(admin: Client) -> None:
    answer = admin.post("/admin/produk/keset.yaml", edit(admin, price="27500"))
    assert answer.status == 303
    assert answer.headers["Location"] == "/admin/produk/keset.yaml?tersimpan=1"
    assert (admin.root / P).read_text() == COMMENTED.replace("25000", "27500")
    built = (admin.root / "build/produk/keset/index.html").read_text()
    assert "Rp27.500" in built, "the preview was rebuilt before the answer"
    page = admin.get(answer.headers["Location"])
    assert page.page().find("a", href="/produk/keset/"), "links to the changed page"


def test_saving_the_form_unchanged_changes_nothing(admin: Client) -> None:
    assert admin.post("/admin/produk/keset.yaml", edit(admin)).status == 303
    assert (admin.root / P).read_text() == COMMENTED


def test_a_wrong_price_is_shown_beside_its_field_and_nothing_is_written(admin: Client) -> None:
    answer = admin.post("/admin/produk/keset.yaml", edit(admin, price="25.000", name=""))
    assert answer.status == 422
    assert answer.field_problem("price") == (
        'harga "25.000" memakai titik — tulis angka penuh tanpa titik: 25000')
    assert "'name' wajib diisi" in answer.field_problem("name")
    assert 'value="25.000"' in answer.text, "the volunteer's entry stays in the form"
    assert (admin.root / P).read_text() == COMMENTED


def test_a_save_based_on_an_old_version_is_refused_showing_what_changed(admin: Client) -> None:
    mine = edit(admin, name="Keset Bulat Besar")
    (admin.root / P).write_text(COMMENTED.replace("25000", "26000"))  # a text editor
    answer = admin.post("/admin/produk/keset.yaml", mine)
    assert answer.status == 409
    assert "sudah diubah di tempat lain" in answer.text
    assert "Harga (rupiah): 25000 → 26000" in answer.page().one("div", id="conflict").text
    assert "price: 26000" in (admin.root / P).read_text()
    assert 'value="Keset Bulat Besar"' in answer.text
    again = form_of_answer(answer)  # the change made elsewhere is in the untouched fields
    assert again["price"] == "26000" and again["name"] == "Keset Bulat Besar"
    assert admin.post("/admin/produk/keset.yaml", again).status == 303
    text = (admin.root / P).read_text()
    assert "name: Keset Bulat Besar" in text and "price: 26000" in text


def form_of_answer(answer) -> dict:  # type: ignore[no-untyped-def]
    from tests.admin_client import form_fields

    return form_fields(answer.text)


def test_delete_moves_the_file_to_the_trash_outside_content_and_restore_brings_it_back(
        admin: Client) -> None:
    assert admin.get("/admin/produk/keset.yaml/hapus").status == 200
    answer = admin.post("/admin/produk/keset.yaml/hapus", {})
    assert answer.status == 303
    assert not (admin.root / P).exists()
    assert not (admin.root / "build/produk/keset/index.html").exists()
    trashed = list((admin.root / ".etalase-trash").glob("*/keset.yaml"))
    assert [t.read_text() for t in trashed] == [COMMENTED]
    listing = admin.get("/admin/sampah")
    assert "content/products/keset.yaml" in listing.text
    action = listing.page().find("form")[0].attrs["action"]
    assert admin.post(action, {}).status == 303
    assert (admin.root / P).read_text() == COMMENTED
    assert (admin.root / "build/produk/keset/index.html").exists()
    assert "keset.yaml" not in admin.get("/admin/sampah").text.replace("dipulihkan", "")


def test_new_product_follows_the_starter(admin: Client) -> None:
    fields = admin.form_of("/admin/produk/baru")
    fields.update({"name": "Teh Rosela", "price": "15000", "category": "",
                   "category.new": "Teh Herbal"})
    answer = admin.post("/admin/produk/baru", fields)
    assert answer.status == 303, answer.text
    text = (admin.root / "content/products/teh-rosela.yaml").read_text()
    assert text.startswith("# Produk baru.")
    assert "name: \"Teh Rosela\"\n" in text and "price: 15000\n" in text
    assert "images:\n\n# available = tersedia" in text, "the next key keeps its help"
    assert "Tulis di sini" not in text and "kain perca" not in text, "examples are no values"
    assert "# Harga dalam rupiah" in text
    assert (admin.root / "build/produk/teh-rosela/index.html").exists()


@pytest.mark.parametrize("path", [
    "/admin/produk/../site.yaml", "/admin/produk/..%2Fsite.yaml", "/admin/produk/.keset.yaml",
    "/admin/produk/../../etc/passwd", "/admin/gambar/../site.yaml",
    "/admin/gambar/images/../../content/site.yaml",
])
def test_names_with_dots_and_slashes_name_nothing(admin: Client, path: str) -> None:
    assert admin.get(path).status == 404
    assert admin.post(path, {"name": "x"}).status == 404


def test_a_new_product_slug_with_dots_is_refused(admin: Client) -> None:
    fields = admin.form_of("/admin/produk/baru")
    fields.update({"name": "Teh", "price": "15000", "category.new": "Teh", "category": "",
                   "slug": "../../site"})
    answer = admin.post("/admin/produk/baru", fields)
    assert answer.status == 422
    assert "tidak bisa dipakai" in answer.field_problem("slug")
    assert sorted(p.name for p in (admin.root / "content/products").iterdir()) == ["keset.yaml"]


def gps_photo(size: tuple[int, int] = (1600, 1200), orientation: int = 6) -> bytes:
    """A phone photo: GPS position, camera model, rotated by its EXIF orientation."""
    image = Image.new("RGB", size, (30, 120, 200))
    image.paste((250, 250, 0), (0, 0, size[0] // 4, size[1] // 4))  # a mark top left
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7 Pro"  # Model
    exif[0x010F] = "Google"  # Make
    exif[0x0112] = orientation
    exif[0x8825] = {1: "S", 2: (7.0, 25.0, 17.0), 3: "E", 4: (109.0, 14.0, 2.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def test_a_photo_is_stored_upright_without_any_metadata(admin: Client) -> None:
    original = gps_photo()
    answer = admin.post("/admin/produk/keset.yaml", edit(admin),
                        [("upload", "IMG_2041.jpg", original)])
    assert answer.status == 303, answer.text
    stored = admin.root / "content/images/keset-1.jpg"
    data = stored.read_bytes()
    with Image.open(stored) as image:
        assert image.size == (1200, 1600), "turned upright"
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
        assert image.getpixel((image.width - 10, 10))[2] < 100, "the mark is now top right"
    assert b"Pixel" not in data and b"Google" not in data
    assert "  - src: images/keset-1.jpg\n" in (admin.root / P).read_text()
    assert not any(original[:4096] in p.read_bytes() for p in admin.root.rglob("*") if p.is_file())


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 200, 30)).save(out, "GIF")
    return out.getvalue()


def _photo_as(kind: str) -> bytes:
    """A 64x48 photo in one of the build's formats, with a camera model in its EXIF."""
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7 Pro"
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    out = io.BytesIO()
    if kind == "HEIF":
        import pillow_heif

        pillow_heif.from_pillow(image).save(out, quality=80, exif=exif.tobytes())
    else:
        image.save(out, kind, exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("kind", sorted(set(PHOTO_FORMATS.values())))
def test_every_photo_format_the_build_reads_is_taken_whatever_its_name(admin: Client,
                                                                       kind: str) -> None:
    """One photo truth: the admin takes exactly the build's formats (the name a phone
    gives a file does not matter: the photo is made into a clean JPEG anyway)."""
    answer = admin.post("/admin/produk/keset.yaml", edit(admin),
                        [("upload", "image.jpg", _photo_as(kind))])
    assert answer.status == 303, answer.text
    stored = (admin.root / "content/images/keset-1.jpg").read_bytes()
    assert stored.startswith(b"\xff\xd8") and b"Pixel" not in stored


def test_the_admin_keeps_no_photo_format_list_of_its_own() -> None:
    from etalase import imageproc, paths, photometa
    from etalase.admin import photos

    assert not [name for name in vars(photos) if "FORMAT" in name.upper()]
    assert photometa.SUFFIXES is imageproc.PHOTO_FORMATS is paths.PHOTO_FORMATS
    assert set(paths.PHOTO_FORMATS) == paths.IMAGE_SUFFIXES


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.jpg", b"just some text, not a photo", "bukan foto"),
    ("logo.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n", "bukan foto"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "bukan foto"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "bukan foto"),
    ("IMG_1.jpg", _gif(), "bukan foto (yang diterima: JPEG, PNG, WebP, AVIF, HEIC)"),
    ("cut.jpg", jpeg((800, 600), quality=95)[:3000], "rusak atau terpotong"),
])
def test_a_bad_upload_is_refused_with_a_plain_message_and_nothing_stored(
        admin: Client, name: str, data: bytes, message: str) -> None:
    before = sorted(p.name for p in (admin.root / "content").rglob("*"))
    answer = admin.post("/admin/produk/keset.yaml", edit(admin, price="26000"),
                        [("upload", name, data)])
    assert answer.status == 422
    assert message in answer.field_problem("images")
    assert sorted(p.name for p in (admin.root / "content").rglob("*")) == before
    assert (admin.root / P).read_text() == COMMENTED


def test_a_decompression_bomb_is_refused_without_decoding_it(admin: Client) -> None:
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG")  # 400 megapixels in a few kilobytes
    answer = admin.post("/admin/produk/keset.yaml", edit(admin),
                        [("upload", "bomb.png", out.getvalue())])
    assert answer.status == 422 and "terlalu banyak titik" in answer.field_problem("images")


def test_an_upload_over_40_mb_is_refused(admin: Client) -> None:
    answer = admin.post("/admin/produk/keset.yaml", edit(admin),
                        [("upload", "big.jpg", b"\xff" * (40 * 1024 * 1024 + 1))])
    assert answer.status == 413 and "lebih dari 40 MB" in answer.text
    assert not (admin.root / "content/images/keset-1.jpg").exists()


def test_an_upload_named_with_dots_is_refused(admin: Client) -> None:
    answer = admin.post("/admin/produk/keset.yaml", edit(admin),
                        [("upload", "../../site.jpg", gps_photo((64, 48)))])
    assert answer.status == 422 and "tidak bisa dipakai" in answer.field_problem("images")
    assert not (admin.root / "content/images/keset-1.jpg").exists()


def test_a_photo_waits_in_memory_while_the_form_has_a_problem(admin: Client) -> None:
    answer = admin.post("/admin/produk/keset.yaml", edit(admin, price="abc"),
                        [("upload", "a.jpg", gps_photo((640, 480)))])
    assert answer.status == 422
    assert not (admin.root / "content/images/keset-1.jpg").exists()
    fields = form_of_answer(answer)
    assert any(src.startswith("baru:") for src in fields["images.src"])
    fields["price"] = "25000"
    assert admin.post("/admin/produk/keset.yaml", fields).status == 303
    assert (admin.root / "content/images/keset-1.jpg").exists()


def test_photos_are_reordered_described_and_removed(admin: Client) -> None:
    admin.post("/admin/produk/keset.yaml", edit(admin), [("upload", "a.jpg", gps_photo((64, 48)))])
    fields = edit(admin, **{"images.order.0": "2", "images.order.1": "1",
                            "images.alt.1": "Keset dari atas"})
    assert admin.post("/admin/produk/keset.yaml", fields).status == 303
    text = (admin.root / P).read_text()
    assert text.index("images/keset-1.jpg") < text.index("images/keset.jpg")
    assert "alt: Keset dari atas" in text
    fields = edit(admin, **{"images.remove.0": "true"})
    assert admin.post("/admin/produk/keset.yaml", fields).status == 303
    assert "keset-1.jpg" not in (admin.root / P).read_text()
    assert not (admin.root / "content/images/keset-1.jpg").exists(), "no orphan left behind"
    assert [p.name for p in (admin.root / ".etalase-trash").rglob("*.jpg")] == ["keset-1.jpg"]


def test_a_photo_taken_off_waits_in_the_trash_and_comes_back_onto_its_product(
        admin: Client) -> None:
    admin.post("/admin/produk/keset.yaml", edit(admin), [("upload", "a.jpg", gps_photo((64, 48)))])
    fields = edit(admin, **{"images.alt.1": "Keset dari atas"})
    assert admin.post("/admin/produk/keset.yaml", fields).status == 303
    photo = (admin.root / "content/images/keset-1.jpg").read_bytes()
    assert admin.post("/admin/produk/keset.yaml",
                      edit(admin, **{"images.remove.1": "true"})).status == 303
    listing = admin.get("/admin/sampah")
    assert "Foto yang dilepas dari content/products/keset.yaml" in listing.text
    assert "images/keset-1.jpg" in listing.text
    assert admin.post(listing.page().find("form")[0].attrs["action"], {}).status == 303
    assert (admin.root / "content/images/keset-1.jpg").read_bytes() == photo
    text = (admin.root / P).read_text()
    assert "  - src: images/keset-1.jpg\n    alt: Keset dari atas\n" in text, "with its words"
    assert "images/keset.jpg" in text and not list((admin.root / ".etalase-trash").iterdir())


def test_deleting_a_product_takes_its_own_photos_along_and_leaves_shared_ones(
        admin: Client) -> None:
    from tests.conftest import jpeg

    (admin.root / "content/images/dua.jpg").write_bytes(jpeg())
    (admin.root / P).write_text(COMMENTED.replace("  - images/keset.jpg\n",
                                                  "  - images/keset.jpg\n  - images/dua.jpg\n"))
    (admin.root / "content/products/lain.yaml").write_text(
        "name: Keset Lain\nprice: 20000\ncategory: Keset Perca\nimages:\n  - images/dua.jpg\n")
    admin.preview.rebuild()
    assert admin.post("/admin/produk/keset.yaml/hapus", {}).status == 303
    assert not (admin.root / "content/images/keset.jpg").exists()
    assert (admin.root / "content/images/dua.jpg").exists(), "another product shows it"
    listing = admin.get("/admin/sampah")
    assert "beserta fotonya: images/keset.jpg" in listing.text
    assert admin.post(listing.page().find("form")[0].attrs["action"], {}).status == 303
    assert (admin.root / "content/images/keset.jpg").exists() and (admin.root / P).exists()
    assert (admin.root / "build/produk/keset/index.html").exists()


def test_a_restore_whose_photo_place_is_taken_moves_nothing(admin: Client) -> None:
    from tests.conftest import jpeg

    assert admin.post("/admin/produk/keset.yaml/hapus", {}).status == 303
    (admin.root / "content/images/keset.jpg").write_bytes(jpeg(colour=(1, 2, 3)))
    listing = admin.get("/admin/sampah")
    answer = admin.post(listing.page().find("form")[0].attrs["action"], {})
    assert answer.status == 409 and "content/images/keset.jpg" in answer.text
    assert not (admin.root / P).exists(), "nothing was moved back"
    assert len(list((admin.root / ".etalase-trash").rglob("keset.*"))) == 2


def test_serve_without_admin_has_no_admin(site) -> None:  # type: ignore[no-untyped-def]
    from etalase.serve import Preview

    root = site()
    preview = Preview(root)
    preview.rebuild()
    statuses = []
    preview({"PATH_INFO": "/admin/", "REQUEST_METHOD": "GET"},
            lambda status, headers: statuses.append(status))
    assert statuses == ["404 Not Found"]


def test_origin_header_is_checked_against_the_host(admin: Client) -> None:
    assert ORIGIN == "http://127.0.0.1:8123"
    fields = edit(admin, price="30000")
    assert admin.post("/admin/produk/keset.yaml", fields,
                      origin="http://127.0.0.1:9999").status == 403


def test_every_admin_page_is_small(admin: Client) -> None:
    import gzip

    static = Path(__file__).parent.parent / "etalase/admin/static"
    assets = sum(len(gzip.compress(p.read_bytes())) for p in static.iterdir())
    for path in ("/admin/", "/admin/produk/keset.yaml", "/admin/produk/baru", "/admin/sampah",
                 "/admin/cerita/", "/admin/cerita/baru", "/admin/pengaturan/site.yaml",
                 "/admin/terbitkan"):
        page = admin.get(path).body
        assert len(gzip.compress(page)) + assets <= 30 * 1024, path
        assert b"</head>" not in page, "the preview would inject live reload into it"


def test_a_story_publishes_only_with_consent_and_unticking_withdraws_it(admin: Client) -> None:
    form = admin.get("/admin/cerita/baru")
    assert "Nama samaran anggota (jangan nama asli)" in form.text
    assert "Centang HANYA bila anggota sudah membaca" in form.text
    fields = form_of_answer(form)
    assert "consent" not in fields, "the consent box starts unticked"
    fields.update({"title": "Kebun Bu Ani", "member": "Bu Ani", "products": "keset",
                   "text": "Bu Ani menanam sereh.\n\nIa menjual tehnya."})
    assert admin.post("/admin/cerita/baru", fields).status == 303
    story = admin.root / "content/stories/kebun-bu-ani.md"
    page = admin.root / "build/cerita/kebun-bu-ani/index.html"
    assert "consent: false" in story.read_text() and not page.exists()
    fields = admin.form_of("/admin/cerita/kebun-bu-ani.md")
    assert admin.post("/admin/cerita/kebun-bu-ani.md", {**fields, "consent": "true"}).status == 303
    assert "consent: true" in story.read_text() and page.exists()
    assert "Bu Ani menanam sereh." in page.read_text()
    fields = admin.form_of("/admin/cerita/kebun-bu-ani.md")
    del fields["consent"]  # unticked
    assert admin.post("/admin/cerita/kebun-bu-ani.md", fields).status == 303
    assert "consent: false" in story.read_text() and not page.exists(), "withdrawn"


def test_a_product_a_story_names_cannot_be_deleted(admin: Client) -> None:
    fields = form_of_answer(admin.get("/admin/cerita/baru"))
    fields.update({"title": "Kebun", "member": "Bu Ani", "products": "keset", "text": "Teks."})
    assert admin.post("/admin/cerita/baru", fields).status == 303
    answer = admin.post("/admin/produk/keset.yaml/hapus", {})
    assert answer.status == 409 and "kebun.md" in answer.text
    assert (admin.root / P).exists()


def test_site_settings_are_checked_like_the_build_and_keep_the_rest(admin: Client) -> None:
    site_yaml = admin.root / "content/site.yaml"
    site_yaml.write_text("# Pengaturan\n" + site_yaml.read_text())
    fields = admin.form_of("/admin/pengaturan/site.yaml")
    answer = admin.post("/admin/pengaturan/site.yaml", {**fields, "whatsapp": "12"})
    assert answer.status == 422 and "bukan nomor telepon yang sah" in answer.field_problem(
        "whatsapp")
    assert admin.post("/admin/pengaturan/site.yaml",
                      {**fields, "tagline": "Teh dan keset perca"}).status == 303
    text = site_yaml.read_text()
    assert text.startswith("# Pengaturan\n") and "base_url: https://toko.example.org" in text
    assert "tagline: Teh dan keset perca" in text
    assert "Teh dan keset perca" in (admin.root / "build/index.html").read_text()
    assert admin.get("/admin/pengaturan/../products/keset.yaml").status == 404


def test_publish_without_a_token_offers_the_zip_for_netlify_drop(admin: Client,
                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    monkeypatch.delenv("NETLIFY_AUTH_TOKEN", raising=False)
    page = admin.get("/admin/terbitkan")
    assert "app.netlify.com/drop" in page.text and "Buat file zip" in page.text
    assert admin.post("/admin/terbitkan", {}).status == 303
    page = admin.get("/admin/terbitkan")
    assert "File zip siap" in page.text
    download = admin.get("/admin/terbitkan/situs.zip")
    assert download.status == 200 and download.headers["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(download.body)).namelist()
    assert "produk/keset/index.html" in names and "index.html" in names


def test_publish_waits_for_another_build_and_says_so_when_it_never_ends(
        admin: Client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NETLIFY_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("ETALASE_LOCK_TIMEOUT", "0.5")
    holder = lock_holder(admin.root)  # a build from the command line that never ends
    try:
        refused = admin.post("/admin/terbitkan", {})
        assert refused.status == 409
        assert "build lain di folder ini masih berjalan" in refused.text
        assert not (admin.root / "site.zip").exists()
    finally:
        holder.communicate("")
    assert admin.post("/admin/terbitkan", {}).status == 303
    assert "File zip siap" in admin.get("/admin/terbitkan").text


def test_publish_to_netlify_shows_progress_in_plain_words_and_never_the_token(
        admin: Client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    from tests.fake_netlify import FakeNetlify

    token = "nfp_very_SECRET_token_42"
    with FakeNetlify(token) as api:
        monkeypatch.setenv("NETLIFY_AUTH_TOKEN", token)
        monkeypatch.setenv("NETLIFY_SITE_ID", "site-1")
        monkeypatch.setenv("NETLIFY_API_URL", api.url)
        seen = [admin.get("/admin/terbitkan").text]
        assert "situs site-1" in seen[0]
        assert admin.post("/admin/terbitkan", {}).status == 303
        deadline = time.monotonic() + 60
        while admin.app.publisher.running and time.monotonic() < deadline:
            seen.append(admin.get("/admin/terbitkan").text)
            time.sleep(0.1)
        seen.append(admin.get("/admin/terbitkan").text)
        assert "Sudah terbit:" in seen[-1], seen[-1]
        assert "file baru atau berubah perlu dikirim" in seen[-1]
        live = {rel.lstrip("/") for rel in api.state.live_files()}
        assert "produk/keset/index.html" in live
    assert not any(token in text for text in seen)


def test_an_iphone_heic_photo_is_taken_cleaned(admin: Client) -> None:
    import pillow_heif

    exif = Image.Exif()
    exif[0x0110] = "iPhone 15"
    exif[0x8825] = {1: "S", 2: (7.0, 25.0, 17.0), 3: "E", 4: (109.0, 14.0, 2.0)}
    out = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (640, 480), (90, 140, 60))).save(
        out, quality=80, exif=exif.tobytes())
    answer = admin.post("/admin/produk/keset.yaml", edit(admin), [("upload", "IMG_1.HEIC",
                                                                   out.getvalue())])
    assert answer.status == 303, answer.text
    stored = (admin.root / "content/images/keset-1.jpg").read_bytes()
    assert stored.startswith(b"\xff\xd8") and b"iPhone" not in stored


@pytest.mark.parametrize(("before", "change", "after"), [
    ("a: 1  # note\nb: 2\n", {"a": "3"}, "a: 3  # note\nb: 2\n"),
    ('a: "1"\nb: 2\n', {"a": "1"}, 'a: "1"\nb: 2\n'),
    ("tags: [x, y]\nb: 2\n", {"tags": "x, z"}, "tags: [x, z]\nb: 2\n"),
    ("images:\n  - src: a.jpg\n\n# help for b\nb: 2\n", {"images": []},
     "images:\n\n# help for b\nb: 2\n"),
    ("materials:\n  - a\n# help for b\nb: 2\n", {"materials": "a, c"},
     "materials:\n  - a\n  - c\n# help for b\nb: 2\n"),
])
def test_yaml_edits_keep_comments_and_styles(before: str, change: dict, after: str) -> None:
    from etalase.admin import forms, yamledit

    data = yamledit.load(before)
    kinds = {"a": "number", "tags": "list", "images": "photos", "materials": "list"}
    fields = [forms.FieldSpec(key, kinds[key], "") for key in change]
    forms.apply(data, fields, change)
    assert yamledit.dump(data) == after


def test_help_texts_come_from_the_starter_without_editor_advice() -> None:
    from etalase.admin.forms import starter_help

    helps = starter_help("product")
    assert helps["price"].startswith("Harga dalam rupiah, angka saja")
    assert helps["description"] == "Cerita singkat tentang produk."  # "(...dua spasi)" gone
    assert not any("#" in text for text in helps.values())


def test_a_story_photo_is_cleaned_and_a_new_one_replaces_it(admin: Client) -> None:
    fields = form_of_answer(admin.get("/admin/cerita/baru"))
    fields.update({"title": "Kebun", "member": "Bu Ani", "text": "Teks.", "consent": "true"})
    answer = admin.post("/admin/cerita/baru", fields, [("upload", "a.jpg", gps_photo((800, 600)))])
    assert answer.status == 303
    assert "photo: images/kebun-1.jpg" in (admin.root / "content/stories/kebun.md").read_text()
    fields = admin.form_of("/admin/cerita/kebun.md")
    fields["photo.alt.0"] = "Tangan memetik sereh"
    answer = admin.post("/admin/cerita/kebun.md", fields, [("upload", "b.jpg", gps_photo())])
    assert answer.status == 303
    text = (admin.root / "content/stories/kebun.md").read_text()
    assert "images/kebun-2.jpg" in text and "kebun-1.jpg" not in text
    assert b"Pixel" not in (admin.root / "content/images/kebun-2.jpg").read_bytes()
    assert [p.name for p in (admin.root / ".etalase-trash").rglob("*.jpg")] == ["kebun-1.jpg"]


def test_a_story_text_changed_elsewhere_is_shown_and_kept(admin: Client) -> None:
    fields = form_of_answer(admin.get("/admin/cerita/baru"))
    fields.update({"title": "Kebun", "member": "Bu Ani", "text": "Teks lama."})
    assert admin.post("/admin/cerita/baru", fields).status == 303
    story = admin.root / "content/stories/kebun.md"
    mine = admin.form_of("/admin/cerita/kebun.md")
    mine["title"] = "Kebun sereh"
    story.write_text(story.read_text().replace("Teks lama.", "Teks baru dari laptop."))
    answer = admin.post("/admin/cerita/kebun.md", mine)
    assert answer.status == 409
    assert "Ceritanya: Teks lama. → Teks baru dari laptop." in answer.text
    again = form_of_answer(answer)
    assert admin.post("/admin/cerita/kebun.md", again).status == 303
    text = story.read_text()
    assert "title: \"Kebun sereh\"" in text and "Teks baru dari laptop." in text


def test_keluar_ends_the_session_on_the_server(admin: Client) -> None:
    page = admin.get("/admin/")
    logout = page.page().find("form", action="/admin/keluar")
    assert logout, "every page has the Keluar button"
    cookie = admin.cookies["etalase_admin"]
    assert admin.post("/admin/keluar", {}, csrf=False).status == 403
    assert admin.post("/admin/keluar", {}, origin="http://evil.example").status == 403
    answer = admin.post("/admin/keluar", {})
    assert answer.status == 200 and "Anda sudah keluar" in answer.text
    assert "Max-Age=0" in answer.headers["Set-Cookie"]
    admin.cookies["etalase_admin"] = cookie  # a copy of the cookie kept somewhere
    assert admin.get("/admin/").status == 401
    assert admin.post("/admin/produk/keset.yaml", {"name": "Dibajak", "csrf": "x"}).status == 401
    assert (admin.root / P).read_text() == COMMENTED
    assert admin.login().status == 303 and admin.get("/admin/").status == 200, "the link works"


class Unreadable(io.RawIOBase):
    """A request body that must not be read."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the body was read")


def test_a_form_announced_over_the_limit_is_refused_unread(admin: Client) -> None:
    from etalase.admin.web import MAX_BODY

    answer = admin.raw("POST", "/admin/produk/keset.yaml", Unreadable(), MAX_BODY + 1)
    assert answer.status == 413
    assert "lebih dari 40 MB" in answer.text and "tidak ada yang disimpan" in answer.text
    assert answer.page().find("a", href="/admin/produk/keset.yaml"), "a way back to the form"
    assert (admin.root / P).read_text() == COMMENTED
    assert not (admin.root / "content/images/keset-1.jpg").exists()


def test_a_form_without_a_length_is_cut_off_at_the_limit(admin: Client) -> None:
    from etalase.admin.web import MAX_BODY

    body = io.BytesIO(b"x" * (MAX_BODY + 10))
    answer = admin.raw("POST", "/admin/produk/keset.yaml", body, None)
    assert answer.status == 413 and "lebih dari 40 MB" in answer.text
    assert body.tell() == MAX_BODY + 1, "reading stopped just past the limit"
    assert (admin.root / P).read_text() == COMMENTED


SHOP_YAML = """\
title: Toko Uji
base_url: https://toko.example.org
whatsapp: "0812-3456-7890"

# Cara barang sampai dan cara membayar.
shipping:
  # kota asal kiriman
  from: Purwokerto
  couriers: [JNE, J&T]
payment: [Transfer bank, QRIS]
# Tempat ambil sendiri: wilayahnya saja.
pickup: Kecamatan Purwokerto Utara
hours: Senin–Sabtu
about: Tentang kami.
"""


def test_settings_edit_the_shop_information_keeping_the_file_as_written(admin: Client) -> None:
    site_yaml = admin.root / "content/site.yaml"
    site_yaml.write_text(SHOP_YAML)
    fields = admin.form_of("/admin/pengaturan/site.yaml")
    assert fields["shipping.from"] == "Purwokerto" and fields["shipping.couriers"] == "JNE, J&T"
    assert fields["payment"] == "Transfer bank, QRIS" and fields["hours"] == "Senin–Sabtu"
    help_text = admin.get("/admin/pengaturan/site.yaml").page().one("p", id="h-pickup").text
    assert "wilayah saja" in help_text and "jangan pernah alamat rumah" in help_text
    fields.update({"shipping.couriers": "JNE, J&T, Pos Indonesia",
                   "shipping.note": "Ongkos kirim disampaikan lewat WhatsApp.",
                   "payment": "Transfer bank, QRIS, COD", "hours": "Setiap hari, 08.00–20.00"})
    assert admin.post("/admin/pengaturan/site.yaml", fields).status == 303
    assert site_yaml.read_text() == SHOP_YAML.replace(
        "couriers: [JNE, J&T]", "couriers: [JNE, J&T, Pos Indonesia]\n"
        "  note: Ongkos kirim disampaikan lewat WhatsApp.").replace(
        "[Transfer bank, QRIS]", "[Transfer bank, QRIS, COD]").replace(
        "Senin–Sabtu", "Setiap hari, 08.00–20.00")
    about = (admin.root / "build/tentang/index.html").read_text()
    assert "Pos Indonesia" in about and "Setiap hari, 08.00–20.00" in about


def test_a_home_address_as_pickup_is_refused_beside_its_field(admin: Client) -> None:
    site_yaml = admin.root / "content/site.yaml"
    site_yaml.write_text(SHOP_YAML)
    fields = admin.form_of("/admin/pengaturan/site.yaml")
    answer = admin.post("/admin/pengaturan/site.yaml",
                        {**fields, "pickup": "Jl. Mawar No. 5, Purwokerto",
                         "shipping.couriers": "JNE, " + "x" * 50})
    assert answer.status == 422
    assert "alamat rumah" in answer.field_problem("pickup")
    assert answer.field_problem("shipping"), "the courier that is too long, beside shipping"
    assert site_yaml.read_text() == SHOP_YAML


def test_shipping_as_a_note_alone_is_one_line(admin: Client) -> None:
    site_yaml = admin.root / "content/site.yaml"
    fields = admin.form_of("/admin/pengaturan/site.yaml")
    assert admin.post("/admin/pengaturan/site.yaml",
                      {**fields, "shipping.note": "Dikirim dari Purwokerto."}).status == 303
    assert "\nshipping: Dikirim dari Purwokerto.\n" in site_yaml.read_text()
    fields = admin.form_of("/admin/pengaturan/site.yaml")
    assert fields["shipping.note"] == "Dikirim dari Purwokerto."
    fields.update({"shipping.from": "Purwokerto", "shipping.note": ""})
    assert admin.post("/admin/pengaturan/site.yaml", fields).status == 303
    assert "\nshipping:\n  from: Purwokerto\n" in site_yaml.read_text()


@pytest.mark.parametrize(("size", "stored"), [
    ((4000, 3000), (2000, 1500)),  # a 12 MP phone photo: 2x2 averages, no resampling
    ((3000, 4000), (1500, 2000)),
    ((4100, 3075), (2048, 1536)),  # averaged to 2050 px, then made 2048 px
    ((8000, 6000), (2000, 1500)),
    ((2048, 1536), (2048, 1536)),  # small enough already: untouched
    ((1600, 1200), (1600, 1200)),
])
def test_a_big_photo_is_stored_at_most_2048_px_and_not_much_less(
        size: tuple[int, int], stored: tuple[int, int]) -> None:
    from etalase.admin import photos

    image = Image.new("RGB", size, (90, 140, 60))
    for kind in ("PNG", "JPEG"):
        out = io.BytesIO()
        image.save(out, kind)
        kept, _ = photos.clean(out.getvalue(), 120)
        with Image.open(io.BytesIO(kept)) as result:
            assert result.size == stored, kind
