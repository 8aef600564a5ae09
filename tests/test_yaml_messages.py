"""YAML mistakes in plain words: each broken snippet gets the line the volunteer must fix
and a hint that fits the mistake, in both languages; no parser English, no jargon."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from etalase import messages
from etalase.admin.words import WORDS
from tests.conftest import REPO, SITE_YAML, run

P = "content/products/keset.yaml"
EN = SITE_YAML + "language: en\n"

CONTINUATION = (  # a line of the description above, not indented (id, en)
    "baris ini sepertinya lanjutan teks description di atasnya, tetapi tidak diawali spasi — "
    "beri dua spasi di awal baris ini, dan ubah baris 2 menjadi  description: |  dengan "
    "teksnya di baris-baris berikutnya, juga diawali dua spasi",
    "this line looks like more of the description text above, but it is not indented — "
    "indent it by two spaces, and change line 2 to  description: |  with its text on the "
    "lines below, also indented by two spaces")
AFTER_QUOTE = (
    "ada teks setelah tanda kutip penutup di baris ini — masukkan seluruh teks ke dalam tanda "
    "kutip; bila teksnya memuat tanda kutip satu ('), pakai tanda kutip dua (\") di luarnya:  "
    'name: "..."',
    "there is text after the closing quote on this line — put the whole text inside the "
    "quotes; if it contains a single quote ('), use double quotes (\") around it:  "
    'name: "..."')
INDENTED = (
    "baris ini diawali spasi, tidak sejajar dengan baris-baris di atasnya — hapus spasi di "
    "awal baris ini; hanya butir daftar dan lanjutan teks yang diawali spasi",
    "this line starts with spaces, out of line with the lines above — remove the spaces at "
    "its start; only list items and continued text are indented")

# name: (file text, line to fix, Indonesian message, English message)
BROKEN = {
    "unclosed double quote": (
        'name: Keset\nprice: 25000\ncategory: Keset Perca\nmaker: Bu Sari\n'
        'description: "Keset lembut\nweight: 200\nfeatured: true\n', 5,
        'tanda kutip " dibuka di baris ini tetapi tidak ditutup — tambahkan " di akhir teksnya, '
        "di baris yang sama",
        'the quote " opened on this line is never closed — add " at the end of the text, on the '
        "same line"),
    "unclosed single quote": (
        "name: 'Keset Bulat\nprice: 25000\ncategory: Keset Perca\n", 1,
        "tanda kutip ' dibuka di baris ini tetapi tidak ditutup — tambahkan ' di akhir teksnya, "
        "di baris yang sama",
        "the quote ' opened on this line is never closed — add ' at the end of the text, on the "
        "same line"),
    "missing colon": (
        "name: Keset Bulat\nprice 25000\ncategory: Keset Perca\n", 2,
        "baris ini tidak punya titik dua setelah nama isian — tulis titik dua dan spasi setelah "
        "price:  price: 25000",
        "this line has no colon after the field name — write a colon and a space after price:  "
        "price: 25000"),
    "no space after the colon": (
        "name: Keset Bulat\nprice:25000\ncategory: Keset Perca\n", 2,
        "tidak ada spasi setelah titik dua di baris ini — tulis  price: 25000  dengan satu spasi "
        "setelah titik dua",
        "there is no space after the colon on this line — write  price: 25000  with one space "
        "after the colon"),
    "text line without indentation": (
        "name: Keset Bulat\ndescription: Keset lembut.\nBisa dicuci pakai tangan.\nprice: 25000\n",
        3,
        *CONTINUATION),
    "text under | without indentation": (
        "name: Keset Bulat\ndescription: |\nKeset lembut.\nprice: 25000\n", 3,
        *CONTINUATION),
    "list item without a dash": (
        "name: Keset Bulat\nmaterials:\n  - kain perca\n  benang\nprice: 25000\n", 4,
        "baris ini sepertinya butir daftar di atasnya, tetapi tidak diawali tanda - — tulis  - "
        "benang  sejajar dengan butir-butir di atasnya",
        "this line looks like an item of the list above, but it does not start with a - — write "
        " - benang  in line with the items above"),
    "new option without a dash": (
        "name: Keset Bulat\nvariants:\n  - name: Biru\n    price: 30000\n  name: Merah\n", 5,
        "baris ini sepertinya butir daftar di atasnya, tetapi tidak diawali tanda - — tulis  - "
        "name: Merah  sejajar dengan butir-butir di atasnya",
        "this line looks like an item of the list above, but it does not start with a - — write "
        " - name: Merah  in line with the items above"),
    "line of an item not aligned": (
        "name: Keset Bulat\nimages:\n  - src: images/keset.jpg\n  alt: Keset biru\n", 4,
        "baris ini tidak sejajar dengan butir daftar di atasnya — bila alt bagian dari butir di "
        "atasnya, tambah spasi di awal baris agar alt tepat di bawah nama isian di atasnya; bila "
        "butir baru, awali dengan tanda -",
        "this line is not in line with the list item above — if alt belongs to the item above, "
        "indent it so that alt is right under the field name above; if it is a new item, start "
        "it with a -"),
    "colon inside text": (
        "name: Keset Bulat\nmaker: Bu Sari: penjahit\n", 2,
        'teks maker memuat titik dua dan spasi (": "), yang terbaca sebagai isian baru — beri '
        'tanda kutip pada teksnya:  maker: "Bu Sari: penjahit"',
        'the text of maker contains a colon and a space (": "), which is read as a new field — '
        'put the text in quotes:  maker: "Bu Sari: penjahit"'),
    "indented line": (
        "name: Keset Bulat\n  price: 25000\ncategory: Keset Perca\n", 2,
        *INDENTED),
    "indented line after a list": (
        "name: Keset Bulat\nimages:\n  - images/keset.jpg\n price: 25000\n", 4,
        *INDENTED),
    "text after the closing quote": (
        'name: "Keset" Bulat\nprice: 25000\n', 1,
        *AFTER_QUOTE),
    "apostrophe inside single quotes": (
        "name: 'Keset Bu Ani's'\nprice: 25000\n", 1,
        *AFTER_QUOTE),
    "text starting with @": (
        "name: Keset Bulat\nmaker: @bu.sari\n", 2,
        'teks yang diawali @ tidak bisa dibaca tanpa tanda kutip — beri tanda kutip:  maker: '
        '"@bu.sari"',
        'text starting with @ cannot be read without quotes — put it in quotes:  maker: '
        '"@bu.sari"'),
    "text starting with *": (
        "name: *Promo* Keset\n", 1,
        'teks yang diawali * tidak bisa dibaca tanpa tanda kutip — beri tanda kutip:  name: '
        '"*Promo* Keset"',
        'text starting with * cannot be read without quotes — put it in quotes:  name: '
        '"*Promo* Keset"'),
    "unclosed bracket": (
        "name: Keset Bulat\nmaterials: [kain perca, benang\nprice: 25000\n", 2,
        "tanda [ di baris ini tidak ditutup dengan ] — tambahkan ] di akhir daftar; bila [ bagian "
        "dari teks, beri tanda kutip pada teksnya",
        "the [ on this line is never closed with ] — add ] at the end of the list; if [ is part "
        "of the text, put the text in quotes"),
    "text right after |": (
        "name: Keset Bulat\ndescription: |Keset lembut\n", 2,
        "setelah | tidak boleh ada teks di baris yang sama — tulis  description: |  lalu teksnya "
        "di baris berikutnya, diawali dua spasi",
        "nothing may follow | on the same line — write  description: |  and the text on the next "
        "lines, indented by two spaces"),
    "list on the field's line": (
        "name: Keset Bulat\nmaterials: - kain perca\n", 2,
        "butir daftar tidak bisa dimulai di baris yang sama dengan nama isian — tulis  materials: "
        " sendirian, lalu setiap butir di baris berikutnya, diawali dua spasi dan tanda -; bila "
        "tanda - bagian dari teks, beri tanda kutip",
        "a list item cannot start on the same line as the field name — write  materials:  alone, "
        "then each item on its own line, indented by two spaces and starting with a -; if the - "
        "is part of the text, put the text in quotes"),
}


@pytest.mark.parametrize(("text", "line", "indonesian", "english"), list(BROKEN.values()),
                         ids=list(BROKEN))
def test_broken_yaml_gets_the_line_to_fix_and_a_fitting_hint(
        site, text: str, line: int, indonesian: str, english: str) -> None:  # type: ignore[no-untyped-def]
    root = site({P: text})
    result = run(root, "check")
    assert result.exit_code == 1
    assert f"masalah: {P}:{line}: {indonesian}" in result.output.splitlines(), result.output
    (root / "content/site.yaml").write_text(EN, encoding="utf-8")
    result = run(root, "check")
    assert f"error: {P}:{line}: {english}" in result.output.splitlines(), result.output


def test_a_story_s_front_matter_is_counted_from_the_file_s_first_line(site) -> None:  # type: ignore[no-untyped-def]
    story = '---\ntitle: "Cerita Bu Sari\nmember: Bu Sari\ndate: 2026-01-02\n---\nIsi.\n'
    result = run(site({"content/stories/cerita.md": story}), "check")
    assert ("masalah: content/stories/cerita.md:2: tanda kutip \" dibuka di baris ini tetapi "
            "tidak ditutup") in result.output


JARGON = ["kunci", "galat", "berkas", "nilai", "peramban", "sintaks", "parser"]


def test_indonesian_messages_use_plain_words() -> None:
    texts = [" ".join(entry["id"]) for entry in messages.CATALOG.values()]
    texts += list(messages.HELP_ID.values()) + list(messages.LABELS["id"].values())
    texts += [entry["id"] for entry in WORDS.values()]  # the phone admin's own words
    found = {word for word in JARGON for text in texts
             if re.search(rf"\b{word}", text.replace("Kata kunci", ""), re.I)}
    assert not found


ENGLISH = re.compile(r"\b(Error|Usage|Aborted|OPTIONS|COMMAND|ARGS|Missing|Invalid|Try|"
                     r"Choose|Serving|Browser|watching|No such|Got unexpected|is not)\b")


@pytest.mark.parametrize("args", [
    [], ["nwe"], ["new"], ["new", "produk"], ["check", "--strct"], ["serve", "--port", "x"],
    ["check", "extra"], ["check", "--root", "content/site.yaml"], ["deploy", "--to", "ftp"],
])
def test_no_english_from_the_command_line(site, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click's own words (Error:, Usage, [OPTIONS] COMMAND [ARGS]...) in Indonesian."""
    root = site()
    shown = subprocess.run([sys.executable, str(REPO / "site.py"), *args], cwd=root,
                           capture_output=True, text=True)
    output = shown.stdout + shown.stderr
    assert "Traceback" not in output
    assert not ENGLISH.search(output), output
    assert "Cara pakai: site.py" in output


def test_an_interrupted_question_says_so_in_indonesian(site) -> None:  # type: ignore[no-untyped-def]
    shown = subprocess.run([sys.executable, str(REPO / "site.py"), "new", "product"],
                           cwd=site(), input="", capture_output=True, text=True)
    assert shown.returncode == 1
    assert "Dibatalkan." in shown.stderr and "Aborted" not in shown.stderr
