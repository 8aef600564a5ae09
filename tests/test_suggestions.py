"""Every suggestion is right: the fix a message offers is what the volunteer meant, and
following it never publishes something wrong."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from etalase.cli import main
from tests.conftest import PRODUCT_YAML, jpeg, run

P = "content/products/keset.yaml"

STATUS = [  # what a volunteer writes -> the hint
    ("habis", "tulis  status: sold_out  (status ditulis dalam bahasa Inggris: available = "
              "tersedia, sold_out = habis, preorder = pesan dulu)"),
    ("kosong", "tulis  status: sold_out"),
    ("Habis", "tulis  status: sold_out"),
    ("tersedia", "tulis  status: available"),
    ("ada", "tulis  status: available"),
    ("pesan dulu", "tulis  status: preorder"),
    ("pre-order", "tulis  status: preorder"),
    ("PO", "tulis  status: preorder"),
    ("sold out", "tulis  status: sold_out"),
    ("soldout", "tulis  status: sold_out"),
    ("availabel", "tulis  status: available"),
    ("rusak", "pakai salah satu: available (tersedia), sold_out (habis), preorder (pesan dulu)"),
]


@pytest.mark.parametrize(("value", "hint"), STATUS, ids=[s[0] for s in STATUS])
def test_status_words_suggest_the_status_they_mean(site, value: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + f"status: {value}\n"})
    result = run(root, "check")
    assert result.exit_code == 1
    line = f'masalah: {P}:6: status "{value}" tidak dikenal — {hint}'
    assert any(out.startswith(line) for out in result.output.splitlines()), result.output


STORY = "---\ntitle: Cerita\nmember: Bu Sari\ndate: 2026-01-02\nconsent: {consent}\n---\nIsi.\n"


@pytest.mark.parametrize("consent", ["true", "True", "TRUE"])
def test_consent_true_in_any_capitals_publishes(site, consent: str) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/stories/cerita.md": STORY.format(consent=consent)})
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    assert "tidak diterbitkan" not in result.output
    assert (root / "build/cerita/cerita/index.html").is_file()


@pytest.mark.parametrize(("consent", "says"), [
    ('"True"', "consent ditulis dengan tanda kutip"),
    ("'true'", "consent ditulis dengan tanda kutip"),
    ("ya", 'consent berisi "ya", bukan true'),
    ("yes", 'consent berisi "yes", bukan true'),
])
def test_consent_that_does_not_publish_is_explained(site, consent: str, says: str) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/stories/cerita.md": STORY.format(consent=consent)})
    result = run(root, "build")
    assert result.exit_code == 0
    assert f"catatan: content/stories/cerita.md:5: cerita ini tidak diterbitkan: {says}" in (
        result.output)
    assert not (root / "build/cerita/cerita").exists()


PHOTOS = {  # files in content/images/ for the photo tests
    "content/images/keset.jpg": jpeg(),
    "content/images/keset-bulat-pelangi.jpg": jpeg(),
    "content/images/keset-bulat-senja.jpg": jpeg(),
    "content/images/Keset_Bulat.JPEG": jpeg(),
    "content/images/teh-rosela.jpg": jpeg(),
}


@pytest.mark.parametrize(("product", "typed", "offered"), [
    ("keset-bulat", "images/keset-bulat.jpg", "images/Keset_Bulat.JPEG"),  # capitals, ending
    ("keset-bulat", "images/keset-bulatt.jpg", "images/Keset_Bulat.JPEG"),  # a typo
    ("keset-bulat", "images/keset-bulat-pelangii.jpg", None),  # another product's photo
    ("keset-bulat-biru", "images/keset-bulat-biru.jpg", None),  # not there at all
    ("teh-jahe", "images/teh-rosela.jpeg", None),  # another product's, whatever its ending
    ("keset-biru", "images/KESET.jpg", "images/keset.jpg"),  # the very name, in capitals
])
def test_a_missing_photo_suggests_only_the_same_products_photo(
        site, product: str, typed: str, offered: str | None) -> None:  # type: ignore[no-untyped-def]
    others = {
        f"content/products/{name}.yaml": PRODUCT_YAML.replace("Keset Bulat", name).replace(
            "images/keset.jpg", f"images/{name}.jpg")
        for name in ("keset-bulat-pelangi", "keset-bulat-senja", "teh-rosela")
    }
    rel = f"content/products/{product}.yaml"
    root = site({**PHOTOS, **others, rel: PRODUCT_YAML.replace("images/keset.jpg", typed)})
    result = run(root, "check")
    assert result.exit_code == 1
    hint = (f'mungkin maksudnya "{offered}"?' if offered else
            "periksa nama file (huruf besar/kecil juga) di folder content/")
    assert f'masalah: {rel}:5: gambar "{typed}" tidak ada — {hint}' in result.output.splitlines(), (
        result.output)


def test_the_minority_spelling_of_a_category_is_reported(site) -> None:  # type: ignore[no-untyped-def]
    """Three products write "Keset Perca", one (alphabetically first) "keset  perca": that
    one is reported, with the spelling of the three as the fix."""
    root = site({
        "content/products/a-keset.yaml": PRODUCT_YAML.replace("Keset Perca", "keset  perca"),
        "content/products/b-keset.yaml": PRODUCT_YAML,
        "content/products/c-keset.yaml": PRODUCT_YAML,
    })
    result = run(root, "check")
    errors = [line for line in result.output.splitlines() if line.startswith("masalah")]
    assert errors == [
        'masalah: content/products/a-keset.yaml:3: kategori "keset  perca" ditulis berbeda dari '
        'produk lain (3 produk menulis "Keset Perca") — tulis  category: Keset Perca  persis '
        "sama, agar semuanya masuk satu kategori"], result.output
    (root / "content/products/a-keset.yaml").write_text(PRODUCT_YAML)
    assert run(root, "check").exit_code == 0, "following the hint fixes it"


def test_new_product_uses_the_existing_category_written_in_other_capitals(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    answers = "\n".join(["Tikar Biru", "30000", "keset perca", "", ""]) + "\n"
    result = CliRunner().invoke(main, ["new", "product", "--root", str(root)], input=answers)
    assert result.exit_code == 0, result.output
    assert "Kategori ini sudah ada, ditulis: Keset Perca" in result.output
    assert 'category: "Keset Perca"' in (root / "content/products/tikar-biru.yaml").read_text()
    assert run(root, "check").exit_code == 0


def test_a_story_naming_a_product_with_errors_gets_no_wrong_suggestion(site) -> None:  # type: ignore[no-untyped-def]
    """A product whose file has a mistake is still there: the story naming it is not
    told that it does not exist, nor offered another product."""
    root = site({
        P: PRODUCT_YAML.replace("25000", "25.000"),
        "content/products/keset-besar.yaml": PRODUCT_YAML.replace("Keset Bulat", "Keset Besar"),
        "content/stories/cerita.md": "---\ntitle: Cerita\nmember: Bu Sari\ndate: 2026-01-02\n"
                                     "consent: true\nproducts:\n  - keset\n---\nIsi.\n",
    })
    errors = [line for line in run(root, "check").output.splitlines()
              if line.startswith("masalah")]
    assert errors == [f'masalah: {P}:2: harga "25.000" terbaca sebagai 25 — tulis angka penuh '
                      "tanpa titik: 25000"]
