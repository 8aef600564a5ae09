"""Nothing a volunteer typed is silently dropped: unknown fields, text after " #", a text
line that lost its indentation, and the starter's example text all stop the build."""

from __future__ import annotations

import pytest

from etalase.catalog import PRODUCT_KEYS
from tests.conftest import PRODUCT_YAML, jpeg, run

P = "content/products/keset.yaml"
S = "content/stories/cerita.md"
STORY = "---\ntitle: Cerita\nmember: Bu Sari\ndate: 2026-01-02\nconsent: true\n---\nIsi.\n"

# (file, line added at its end, hint after "— ")
UNKNOWN = [
    (P, "desciption: Lembut", "mungkin maksudnya description? tulis  description:"),
    (P, "prise: 30000", "mungkin maksudnya price? tulis  price:"),
    *[(P, f"{word}: x", f"nama isian ditulis dalam bahasa Inggris: tulis  {key}:  sebagai ganti  {word}:")
      for word, key in [
          ("nama", "name"), ("harga", "price"), ("kategori", "category"),
          ("deskripsi", "description"), ("keterangan", "description"), ("foto", "images"),
          ("gambar", "images"), ("pembuat", "maker"), ("pengrajin", "maker"),
          ("bahan", "materials"), ("berat", "weight"), ("pilihan", "variants"),
          ("varian", "variants"), ("unggulan", "featured"),
      ]],
    (S, "persetujuan: true", "nama isian ditulis dalam bahasa Inggris: tulis  consent:  sebagai "
     "ganti  persetujuan:"),
    (S, "foto: images/keset.jpg", "nama isian ditulis dalam bahasa Inggris: tulis  photo:  "
     "sebagai ganti  foto:"),
    (S, "judul: Cerita", "nama isian ditulis dalam bahasa Inggris: tulis  title:  sebagai ganti  "
     "judul:"),
    ("content/site.yaml", "bahasa: id", "nama isian ditulis dalam bahasa Inggris: tulis  "
     "language:  sebagai ganti  bahasa:"),
    (P, "catatan_saya: kirim hari Senin", f"isian yang dikenal: {', '.join(sorted(PRODUCT_KEYS))}; "
     "bila ini catatan Anda sendiri, jalankan dengan --lenient"),
]


def _add(root, rel: str, line: str) -> int:  # type: ignore[no-untyped-def]
    """Adds ``line`` to the end of a file's YAML; returns its line number."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if rel.endswith(".md"):
        head, _, body = text.partition("---\n")[2].partition("---\n")
        path.write_text(f"---\n{head}{line}\n---\n{body}", encoding="utf-8")
        return head.count("\n") + 2
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(("rel", "line", "hint"), UNKNOWN, ids=[u[1] for u in UNKNOWN])
def test_an_unknown_field_stops_the_build_and_names_the_right_one(site, rel, line, hint) -> None:  # type: ignore[no-untyped-def]
    root = site({S: STORY})
    number = _add(root, rel, line)
    key = line.partition(":")[0]
    expected = (f'masalah: {rel}:{number}: isian "{key}" tidak dikenal, jadi isinya tidak '
                f"dipakai — {hint}")
    result = run(root, "build")
    assert result.exit_code == 1, result.output
    assert expected in result.output.splitlines(), result.output
    assert not (root / "build").exists()


def test_lenient_makes_unknown_fields_warnings(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + "catatan: stok di rumah Bu Ani\n"})
    warning = f'peringatan: {P}:6: isian "catatan" tidak dikenal, jadi isinya tidak dipakai'
    lenient = run(root, "build", "--lenient")
    assert lenient.exit_code == 0, lenient.output
    assert any(line.startswith(warning) for line in lenient.output.splitlines())
    checked = run(root, "check", "--lenient")
    assert checked.exit_code == 0
    assert "OK: 1 produk, 0 cerita terbit; 1 peringatan di atas" in checked.output
    assert run(root, "build").exit_code == 1, "without --lenient it stops again"
    both = run(root, "check", "--strict", "--lenient")
    assert both.exit_code == 2
    assert "--strict dan --lenient tidak bisa dipakai bersamaan — pilih salah satu" in both.output


def test_strict_still_stops_on_warnings(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/products/catatan.txt": "nanti\n"})
    assert run(root, "check").exit_code == 0
    strict = run(root, "check", "--strict")
    assert strict.exit_code == 1
    assert ("peringatan: content/products/catatan.txt: file ini dilewati karena akhirannya "
            "bukan .yaml .yml") in strict.output


COMMENTED = [  # (line added, what is lost, or None when nothing is)
    ("description: Teh jahe merah #1 di Purwokerto, hangat", "#1 di Purwokerto, hangat"),
    ("maker: Bu Sari  # penjahit", "# penjahit"),
    ('description: "Teh jahe merah #1 di Purwokerto"', None),
    ("description: Teh#1", None),
    ("status: available  # tersedia", None),
    ("weight: 250 # gram", None),
]


@pytest.mark.parametrize(("line", "lost"), COMMENTED, ids=[c[0] for c in COMMENTED])
def test_text_after_a_hash_is_reported(site, line: str, lost: str | None) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + line + "\n"})
    result = run(root, "check")
    if lost is None:
        assert result.exit_code == 0, result.output
        return
    key = line.partition(":")[0]
    assert result.exit_code == 1
    assert (f'masalah: {P}:6: teks setelah # terbuang: "{lost}" tidak ikut tampil di {key} — beri '
            f"tanda kutip di awal dan akhir teksnya, atau pakai  {key}: |  dan tulis teksnya di "
            "baris berikutnya, diawali dua spasi") in result.output.splitlines(), result.output


def test_text_after_a_hash_in_a_list_is_reported(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + "materials:\n  - kain perca #3 warna\n"})
    result = run(root, "check")
    assert (f'masalah: {P}:7: teks setelah # terbuang: "#3 warna" tidak ikut tampil di materials '
            '— beri tanda kutip di awal dan akhir teksnya:  - "..."') in result.output.splitlines()


def test_an_unindented_text_line_is_reported_as_part_of_the_text(site) -> None:  # type: ignore[no-untyped-def]
    broken = PRODUCT_YAML + "description: Keset lembut dari kain perca.\nBisa dicuci: pakai tangan.\n"
    root = site({P: broken})
    result = run(root, "check")
    assert result.exit_code == 1
    assert (f'masalah: {P}:7: baris ini sepertinya bagian dari description di atasnya, tetapi '
            'terbaca sebagai isian baru "Bisa dicuci" — beri dua spasi di awal baris ini, dan '
            "ubah baris 6 menjadi  description: |  dengan teksnya di baris-baris berikutnya, juga "
            "diawali dua spasi") in result.output.splitlines(), result.output
    fixed = PRODUCT_YAML + ("description: |\n  Keset lembut dari kain perca.\n"
                            "  Bisa dicuci: pakai tangan.\n")
    (root / P).write_text(fixed, encoding="utf-8")
    assert run(root, "build").exit_code == 0, "the hint's fix works"
    page = (root / "build/produk/keset/index.html").read_text(encoding="utf-8")
    assert "Bisa dicuci: pakai tangan." in page


def test_the_starter_text_left_in_place_stops_the_build(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: None})
    assert run(root, "new", "product", "Keset Bulat").exit_code == 0
    assert run(root, "new", "story", "Cerita Bu Sari").exit_code == 0
    product = root / "content/products/keset-bulat.yaml"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("price:\n", "price: 25000\n").replace(
        "category:\n", "category: Keset Perca\n"), encoding="utf-8")
    (root / "content/images/keset-bulat.jpg").write_bytes(jpeg())
    story = root / "content/stories/cerita-bu-sari.md"
    story.write_text(story.read_text(encoding="utf-8").replace("member:\n", "member: Bu Sari\n")
                     .replace("  - contoh-produk\n", "  - keset-bulat\n"), encoding="utf-8")
    lines = product.read_text(encoding="utf-8").splitlines()
    result = run(root, "check")
    assert result.exit_code == 1
    rel = "content/products/keset-bulat.yaml"
    description = lines.index("description: |") + 1
    material = lines.index("  - tulis bahannya di sini") + 1
    body = story.read_text(encoding="utf-8").splitlines().index(
        "Tulis ceritanya di sini. Pisahkan paragraf dengan satu baris kosong.") + 1
    assert [line for line in result.output.splitlines() if line.startswith("masalah")] == [
        f'masalah: {rel}:{description}: description masih berisi teks contoh dari new product: '
        '"Tulis di sini bahan, ukuran dan cara merawatnya." — ganti dengan keterangan yang '
        "sebenarnya, atau hapus barisnya",
        f'masalah: {rel}:{material}: materials masih berisi teks contoh dari new product: '
        '"tulis bahannya di sini" — ganti dengan keterangan yang sebenarnya, atau hapus barisnya',
        f"masalah: content/stories/cerita-bu-sari.md:{body}: teks cerita masih berisi contoh dari "
        "new story — ganti dengan cerita yang sebenarnya",
    ], result.output


def test_english_messages(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": "title: T\nbase_url: https://t.example\nlanguage: en\n"
                 "whatsapp: '081234567890'\n",
                 P: PRODUCT_YAML + "harga: 30000\ndescription: Teh #1 di kota\n"})
    lines = run(root, "check").output.splitlines()
    assert (f'error: {P}:6: unknown field "harga", so its value is not used — field names are '
            "English words: write  price:  instead of  harga:") in lines
    assert (f'error: {P}:7: the text after # is dropped: "#1 di kota" would not appear in '
            "description — put the text in quotes, or write  description: |  with the text on "
            "the next line, indented by two spaces") in lines
