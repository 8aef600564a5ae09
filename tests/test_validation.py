"""Each bad input a volunteer may write: the exact message, and nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PRODUCT_YAML, jpeg, run, snapshot, write_site

P = "content/products/keset.yaml"


def product(price: str = "25000", extra: str = "", **replace: str) -> str:
    text = PRODUCT_YAML.replace("price: 25000", f"price: {price}") + extra
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


CASES = {
    "price with thousands dots": (
        {P: product("25.000")},
        f'{P}:2: harga "25.000" terbaca sebagai 25 — tulis angka penuh tanpa titik: 25000',
    ),
    "quoted price with dots": (
        {P: product('"25.000"')},
        f'{P}:2: harga "25.000" memakai titik — tulis angka penuh tanpa titik: 25000',
    ),
    "price with Rp": (
        {P: product("Rp 25.000")},
        f'{P}:2: harga "Rp 25.000" memuat Rp atau tanda baca — tulis angkanya saja: 25000',
    ),
    "price with commas": (
        {P: product("25,000")},
        f'{P}:2: harga "25,000" memakai koma — tulis angka penuh tanpa koma: 25000',
    ),
    "price yes": (
        {P: product("yes")},
        f'{P}:2: harga "yes" bukan angka — tulis harga penuh dalam rupiah, misalnya  price: 25000',
    ),
    "negative price": (
        {P: product("-5000")},
        f'{P}:2: harga "-5000" negatif — tulis harga tanpa tanda minus, misalnya  price: 25000',
    ),
    "zero price": (
        {P: product("0")},
        f"{P}:2: harga tidak boleh 0 — tulis harga penuh dalam rupiah, misalnya  price: 25000",
    ),
    "fractional price": (
        {P: product("25.5")},
        f'{P}:2: harga "25.5" bukan rupiah bulat — tulis harga penuh dalam rupiah tanpa titik '
        "atau koma, misalnya  price: 25000",
    ),
    "missing price": (
        {P: PRODUCT_YAML.replace("price: 25000\n", "")},
        f"{P}:1: 'price' wajib diisi — tambahkan baris  price: ...  dengan isinya",
    ),
    "empty price": (
        {P: product("")},
        f"{P}:2: 'price' wajib diisi — tambahkan baris  price: ...  dengan isinya",
    ),
    "octal phone": (
        {P: product(extra="whatsapp: 0274512345\n")},
        f"{P}:6: nomor 0274512345 tanpa tanda kutip dibaca YAML sebagai angka (0 atau + di depan "
        'bisa hilang) — beri tanda kutip:  "0274512345"',
    ),
    "phone that lost its plus": (
        {P: product(extra="whatsapp: +6281234567890\n")},
        f"{P}:6: nomor +6281234567890 tanpa tanda kutip dibaca YAML sebagai angka (0 atau + di "
        'depan bisa hilang) — beri tanda kutip:  "+6281234567890"',
    ),
    "invalid phone": (
        {P: product(extra='whatsapp: "12345"\n')},
        f'{P}:6: "12345" bukan nomor telepon yang sah — tulis nomor WhatsApp lengkap, misalnya  '
        '"0812-3456-7890"  atau  "+62 812 3456 7890"',
    ),
    "duplicate key": (
        {P: product(extra="price: 30000\n")},
        f"{P}:6: 'price' ditulis dua kali (juga di baris 2) — hapus salah satunya; YAML "
        "diam-diam hanya memakai yang terakhir",
    ),
    "tab indentation": (
        {P: product().replace("  - images", "\t- images")},
        f"{P}:5: baris ini diawali tombol Tab — YAML hanya menerima spasi di awal baris: ganti "
        "Tab dengan dua spasi",
    ),
    "empty file": (
        {P: "\n  \n"},
        f"{P}:1: file ini kosong — isi dengan baris seperti  name: Keset Bulat  atau hapus "
        "file-nya",
    ),
    "comments only": (
        {P: "# nanti diisi\n"},
        f"{P}:1: file ini kosong — isi dengan baris seperti  name: Keset Bulat  atau hapus "
        "file-nya",
    ),
    "not utf-8": (
        {P: "name: Keset\nprice: 25000\ncategory: Caf\xe9\n".encode("latin-1")},
        f"{P}:3: file ini bukan teks UTF-8 (ada huruf yang tidak terbaca di baris ini) — "
        "simpan ulang file sebagai UTF-8, atau ketik ulang huruf yang aneh",
    ),
    "list at the top": (
        {P: "- name: Keset\n- price: 25000\n"},
        f"{P}:1: isi file harus baris-baris  nama: isi, tetapi di sini tertulis daftar — mulai "
        "setiap baris dengan nama isian, misalnya  name: Keset Bulat",
    ),
    "scalar at the top": (
        {P: "Keset Bulat harga 25000\n"},
        f"{P}:1: isi file harus baris-baris  nama: isi, tetapi di sini tertulis teks saja — mulai "
        "setiap baris dengan nama isian, misalnya  name: Keset Bulat",
    ),
    "file too big": (
        {P: product(extra="description: |\n" + "  kata kata kata kata\n" * 4000)},
        f"{P}: file ini 86 KB, batasnya 64 KB — pecah isinya atau hapus teks yang tidak perlu",
    ),
    "python tag": (
        {P: product(extra="maker: !!python/object/apply:os.system [ls]\n")},
        f"{P}:6: tanda !!python/object/apply:os.system tidak diizinkan di sini — hapus "
        "!!python/object/apply:os.system; tulis isinya saja",
    ),
    "syntax error": (
        {P: product(extra="maker: Bu Sari: penjahit\n")},
        f'{P}:6: teks maker memuat titik dua dan spasi (": "), yang terbaca sebagai isian baru — '
        'beri tanda kutip pada teksnya:  maker: "Bu Sari: penjahit"',
    ),
    "image with other case": (
        {P: product().replace("images/keset.jpg", "images/Keset.JPG")},
        f'{P}:5: gambar "images/Keset.JPG" tidak ada — mungkin maksudnya "images/keset.jpg"?',
    ),
    "image missing": (
        {P: product().replace("images/keset.jpg", "images/zzz-qqq.jpg")},
        f'{P}:5: gambar "images/zzz-qqq.jpg" tidak ada — periksa nama file (huruf besar/kecil '
        "juga) di folder content/",
    ),
    "image outside content": (
        {P: product().replace("images/keset.jpg", "../rahasia.jpg")},
        f'{P}:5: gambar "../rahasia.jpg" ada di luar folder content/ — salin fotonya ke '
        "content/images/ dan tulis  images/nama-foto.jpg",
    ),
    "absolute image path": (
        {P: product().replace("images/keset.jpg", "/home/relawan/keset.jpg")},
        f'{P}:5: alamat gambar "/home/relawan/keset.jpg" dimulai dari akar disk — tulis alamat '
        "dari folder content/, misalnya  images/keset.jpg",
    ),
    "backslashes": (
        {P: product().replace("images/keset.jpg", "images\\keset.jpg")},
        f'{P}:5: alamat gambar "images\\keset.jpg" memakai garis miring terbalik — pakai / '
        "seperti ini: images/keset.jpg",
    ),
    "image url": (
        {P: product().replace("images/keset.jpg", "https://cdn.example.com/keset.jpg")},
        f'{P}:5: gambar "https://cdn.example.com/keset.jpg" adalah tautan, bukan file — simpan '
        "fotonya di content/images/ lalu tulis  images/nama-foto.jpg",
    ),
    "svg image": (
        {P: product().replace("images/keset.jpg", "images/keset.svg"),
         "content/images/keset.svg": "<svg/>"},
        f'{P}:5: "images/keset.svg" bukan jenis foto yang didukung — pakai foto berakhiran '
        ".avif, .heic, .heif, .jpeg, .jpg, .png, .webp",
    ),
    "not an image": (
        {"content/images/keset.jpg": b"this is a text file renamed .jpg\n"},
        f'{P}:5: file "images/keset.jpg" bukan foto JPEG/PNG/WebP/AVIF/HEIC — buka '
        "file-nya; bila itu gambar, simpan ulang sebagai foto JPEG (misalnya dengan aplikasi "
        "galeri di ponsel), lalu pakai file baru itu",
    ),
    "zero-byte image": (
        {"content/images/keset.jpg": b""},
        f'{P}:5: file "images/keset.jpg" bukan foto JPEG/PNG/WebP/AVIF/HEIC — buka '
        "file-nya; bila itu gambar, simpan ulang sebagai foto JPEG (misalnya dengan aplikasi "
        "galeri di ponsel), lalu pakai file baru itu",
    ),
    "truncated image": (
        {"content/images/keset.jpg": jpeg((400, 300))[:600]},
        f'{P}:5: foto "images/keset.jpg" rusak atau bukan foto — buka fotonya di ponsel untuk '
        "memeriksa, lalu salin ulang atau pakai foto lain",
    ),
    "colliding urls": (
        {"content/products/Keset.yml": PRODUCT_YAML},
        "content/products/keset.yaml: alamat halaman /keset/ sudah dipakai "
        "content/products/Keset.yml — ganti nama salah satu file",
    ),
    "story with unknown product": (
        {"content/stories/cerita.md": "---\ntitle: Cerita\nmember: Bu Sari\ndate: 2026-01-02\n"
         "consent: true\nproducts:\n  - keset\n  - kset\n---\nIsi.\n"},
        'content/stories/cerita.md:8: produk "kset" tidak ada — mungkin maksudnya "keset"?',
    ),
    "story without front matter": (
        {"content/stories/cerita.md": "Isi cerita saja.\n"},
        "content/stories/cerita.md:1: cerita harus diawali bagian data di antara dua baris --- — "
        "mulai file dengan  ---, lalu title:, member:, date:, consent:, lalu  --- lagi",
    ),
    "story with bad date": (
        {"content/stories/cerita.md": "---\ntitle: Cerita\nmember: Bu Sari\ndate: 17 Mei 2026\n"
         "consent: true\n---\nIsi.\n"},
        'content/stories/cerita.md:4: tanggal "17 Mei 2026" tidak bisa dibaca — tulis '
        "tahun-bulan-hari, misalnya  date: 2024-05-17",
    ),
    "unknown status": (
        {P: product(extra="status: habis\n")},
        f'{P}:6: status "habis" tidak dikenal — tulis  status: sold_out  (status ditulis dalam '
        "bahasa Inggris: available = tersedia, sold_out = habis, preorder = pesan dulu)",
    ),
    "category spelled two ways": (
        {"content/products/zz.yaml": PRODUCT_YAML.replace("Keset Perca", "keset perca"),
         "content/products/zy.yaml": PRODUCT_YAML},
        'content/products/zz.yaml:3: kategori "keset perca" ditulis berbeda dari produk lain '
        '(2 produk menulis "Keset Perca") — tulis  category: Keset Perca  persis sama, agar '
        "semuanya masuk satu kategori",
    ),
    "bad order message": (
        {"content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
         "order_message: Halo {produk}\n"},
        "content/site.yaml:4: order_message memakai {produk} yang tidak dikenal — yang bisa "
        "dipakai: {greeting}, {name}, {price}, {product}, {site}, {url}, {variant}",
    ),
    "pickup at a home address": (
        {"content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
         "pickup: Jl. Melati 12, Purwokerto\n"},
        'content/site.yaml:4: pickup "Jl. Melati 12, Purwokerto" tampak seperti alamat rumah '
        '("Jl.") — tulis wilayahnya saja, jangan alamat rumah, misalnya  pickup: Kecamatan '
        "Purwokerto Timur",
    ),
    "pickup with RT/RW": (
        {"content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
         "pickup: Sokaraja 03/05\n"},
        'content/site.yaml:4: pickup "Sokaraja 03/05" tampak seperti alamat rumah ("03/05") — '
        "tulis wilayahnya saja, jangan alamat rumah, misalnya  pickup: Kecamatan Purwokerto Timur",
    ),
    "too many closing lines": (
        {"content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
         "order_closing: [a, b, c, d, e, f, g]\n"},
        "content/site.yaml:4: order_closing berisi 7 baris, batasnya 6 — sisakan baris yang "
        "penting saja, misalnya  Nama:  Alamat:  Kurir:",
    ),
    "shipping couriers as a mapping": (
        {"content/site.yaml": "title: T\nbase_url: https://t.example\nwhatsapp: '081234567890'\n"
         "shipping:\n  from: Purwokerto\n  couriers:\n    jne: ya\n"},
        "content/site.yaml:7: 'couriers' harus berupa daftar — tulis setiap isi di baris sendiri, "
        "diawali  - ",
    ),
    "http base url": (
        {"content/site.yaml": "title: T\nbase_url: http://t.example\nwhatsapp: '081234567890'\n"},
        'content/site.yaml:2: base_url "http://t.example" bukan alamat https lengkap — tulis '
        "alamat situs lengkap, misalnya  https://etalase-purwokerto.netlify.app",
    ),
}


@pytest.fixture
def built(site):  # type: ignore[no-untyped-def]
    """A site with a good build in build/, to prove a failed build leaves it alone."""
    root = site()
    assert run(root, "build").exit_code == 0
    return root


@pytest.mark.parametrize("files, message", list(CASES.values()), ids=list(CASES))
def test_bad_input_is_reported_and_nothing_is_written(built: Path, files, message) -> None:
    before = snapshot(built / "build")
    write_site(built, files)
    content_before = snapshot(built / "content")
    result = run(built, "build")
    assert result.exit_code == 1, result.output
    assert f"masalah: {message}" in result.output.splitlines(), result.output
    assert "Traceback" not in result.output
    assert "tidak ada yang ditulis" in result.output
    assert snapshot(built / "build") == before
    assert snapshot(built / "content") == content_before
    assert not [p for p in built.iterdir() if p.name.startswith(".build")]


def test_check_reports_the_same_problem(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: product("25.000")})
    result = run(root, "check")
    assert result.exit_code == 1
    assert not (root / "build").exists()


def test_all_problems_are_reported_in_one_run(site) -> None:  # type: ignore[no-untyped-def]
    root = site({
        P: product("25.000", extra="status: habis\n"),
        "content/products/b.yaml": "name: B\nprice: yes\ncategory: X\n",
    })
    result = run(root, "check")
    errors = [line for line in result.output.splitlines() if line.startswith("masalah:")]
    assert len(errors) == 3, result.output
    assert "3 masalah di 2 file — tidak ada yang ditulis" in result.output


def test_unknown_key_fails_with_suggestion_and_lenient_warns(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: product(extra="prise: 30000\n")})
    expected = (f'{P}:6: isian "prise" tidak dikenal, jadi isinya tidak dipakai — mungkin '
                "maksudnya price? tulis  price:")
    stopped = run(root, "build")
    assert stopped.exit_code == 1 and f"masalah: {expected}" in stopped.output.splitlines()
    lenient = run(root, "build", "--lenient")
    assert lenient.exit_code == 0 and f"peringatan: {expected}" in lenient.output.splitlines()


def test_symlink_out_of_content_is_refused(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "rumah.jpg"
    secret.write_bytes(jpeg())
    root = site({"content/images/keset.jpg": None})
    (root / "content/images").mkdir(exist_ok=True)
    os.symlink(secret, root / "content/images/keset.jpg")
    result = run(root, "check")
    assert result.exit_code == 1
    assert f'masalah: {P}:5: gambar "images/keset.jpg" ada di luar folder content/' in result.output


def test_symlinked_folder_out_of_content_is_refused(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "pribadi"
    elsewhere.mkdir()
    (elsewhere / "keset.jpg").write_bytes(jpeg())
    root = site({"content/images/keset.jpg": None})
    shutil.rmtree(root / "content/images", ignore_errors=True)
    os.symlink(elsewhere, root / "content/images")
    result = run(root, "check")
    assert result.exit_code == 1
    assert f'masalah: {P}:5: gambar "images/keset.jpg" ada di luar folder content/' in result.output


def test_symlink_inside_content_is_followed(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/images/keset.jpg": None})
    (root / "content/foto").mkdir()
    (root / "content/foto/keset-asli.jpg").write_bytes(jpeg())
    (root / "content/images").mkdir(exist_ok=True)
    os.symlink(root / "content/foto/keset-asli.jpg", root / "content/images/keset.jpg")
    result = run(root, "check")
    assert result.exit_code == 0, result.output


def test_decompression_bomb_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    # A real PNG header that claims 20000x20000 pixels (400 MP) with almost no data.
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    root = site({"content/images/bom.png": png,
                 P: product().replace("images/keset.jpg", "images/bom.png")})
    result = run(root, "check")
    assert result.exit_code == 1
    assert (f'masalah: {P}:5: foto "images/bom.png" terlalu besar (lebih dari 120 megapiksel) — '
            "perkecil fotonya dulu, atau pakai foto lain") in result.output


def test_messages_follow_the_site_language(site) -> None:  # type: ignore[no-untyped-def]
    root = site({
        "content/site.yaml": "title: T\nbase_url: https://t.example\nlanguage: en\n"
        "whatsapp: '081234567890'\n",
        P: product("25.000"),
    })
    result = run(root, "check")
    assert (f'error: {P}:2: the price "25.000" is read as 25 — write the full number without '
            "dots: 25000") in result.output.splitlines()
