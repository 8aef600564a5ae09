"""The admin speaks the site's language, all of it: every label, help text, button and
message in Bahasa Indonesia by default and in English with ``language: en``, with no
word of the other language left in either."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from etalase.admin import editing, words
from etalase.admin.pages import Words
from tests.admin_client import Client
from tests.conftest import SITE_YAML, jpeg

ENGLISH_SITE = {
    "content/site.yaml": SITE_YAML.replace("Toko Uji", "Test Shop").replace(
        "Barang buatan tangan", "Handmade goods").replace("Tentang **kami**", "About **us**")
    + "language: en\n",
    "content/products/keset.yaml": None,
    "content/products/round-mat.yaml": "name: Round Mat\nprice: 25000\ncategory: Doormats\n"
                                       "images:\n  - images/mat.jpg\n",
    "content/products/old-mat.yaml": "name: Old Mat\nprice: 20000\ncategory: Doormats\n",
    "content/images/mat.jpg": jpeg(),
    "content/stories/garden.md": "---\ntitle: The Garden\nmember: Sari\ndate: 2026-01-02\n"
                                 "consent: true\nproducts:\n  - round-mat\n---\nShe grows tea.\n",
}
INDONESIAN_SITE = {
    "content/products/lama.yaml": "name: Keset Lama\nprice: 20000\ncategory: Keset Perca\n",
    "content/stories/kebun.md": "---\ntitle: Kebun Bu Sari\nmember: Bu Sari\n"
                                "date: 2026-01-02\nconsent: true\nproducts:\n  - keset\n---\n"
                                "Ia menanam sereh.\n",
}
# Words of one language that must not show in the other's admin. Names of things
# (WhatsApp, Netlify, JPEG, the trash folder) are the same in both and are left out.
INDONESIAN = re.compile(
    r"\b(dan|yang|tidak|untuk|dengan|dari|ini|itu|foto|harga|produk|cerita|simpan|hapus|"
    r"pilih|tulis|misalnya|bila|atau|sudah|belum|baru|kami|anda|tersedia|habis|pesan|"
    r"keluar|sampah|terbitkan|pengaturan|kembali|ditolak|tanggal|nama|pembuat|bahan|berat)\b",
    re.IGNORECASE)
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|not|with|your|you|save|delete|photos?|price|available|sold_out|"
    r"preorder|true|false|products?|stories|story|settings|trash|publish|search|shop|order|"
    r"name|e\.g|tick|sign|empty|leave|digits|only)\b", re.IGNORECASE)
NAMES = re.compile(r"\{\w+\}|content/\S+|\.etalase-trash|site\.yaml|site\.zip|"
                   r"app\.netlify\.com/drop")  # placeholders, paths and names


class Shown(HTMLParser):
    """What a person sees or hears of a page: its text and its labelling attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts += [v for k, v in attrs if k in ("aria-label", "title", "alt",
                                                    "placeholder") and v]

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(data.strip())


def shown(html: str) -> str:
    parser = Shown()
    parser.feed(html)
    return NAMES.sub(" ", " | ".join(parser.parts))


def every_page(client: Client, product: str, other: str, story: str) -> dict[str, str]:
    """Each admin page as a volunteer meets it, including refusals and problems."""
    pages = {path: client.get(path).text for path in (
        "/admin/", f"/admin/produk/{product}", "/admin/produk/baru", "/admin/cerita/",
        f"/admin/cerita/{story}", "/admin/cerita/baru", "/admin/pengaturan/site.yaml",
        "/admin/terbitkan", f"/admin/produk/{product}/hapus")}
    fields = client.form_of(f"/admin/produk/{product}")
    pages["wrong price"] = client.post(f"/admin/produk/{product}",
                                       {**fields, "price": "25.000"}).text
    pages["bad upload"] = client.post(f"/admin/produk/{product}", fields,
                                      [("upload", "a.jpg", b"not a photo")]).text
    (client.root / "content/products" / product).write_text(
        (client.root / "content/products" / product).read_text().replace("25000", "26000"))
    pages["conflict"] = client.post(f"/admin/produk/{product}", fields).text
    client.post(f"/admin/produk/{other}/hapus", {})
    pages["trash"] = client.get("/admin/sampah").text
    pages["too big"] = client.raw("POST", f"/admin/produk/{product}", io.BytesIO(), 10**9).text
    pages["logged out"] = client.post("/admin/keluar", {}).text
    pages["no session"] = client.get("/admin/").text
    return pages


def test_the_english_admin_has_no_indonesian_left(site) -> None:  # type: ignore[no-untyped-def]
    client = Client(site(ENGLISH_SITE))
    client.login()
    pages = every_page(client, "round-mat.yaml", "old-mat.yaml", "garden.md")
    assert "25.000" in shown(pages["wrong price"])
    assert "Save" in shown(pages["/admin/produk/baru"]) and "Sign out" in shown(pages["/admin/"])
    found = {name: INDONESIAN.findall(shown(html)) for name, html in pages.items()}
    assert not {name: words for name, words in found.items() if words}
    assert "content/products/old-mat.yaml" in pages["trash"], "the trash has an entry"


def test_the_indonesian_admin_has_no_english(site) -> None:  # type: ignore[no-untyped-def]
    client = Client(site(INDONESIAN_SITE))
    client.login()
    pages = every_page(client, "keset.yaml", "lama.yaml", "kebun.md")
    assert "Simpan" in shown(pages["/admin/produk/baru"]) and "Keluar" in shown(pages["/admin/"])
    found = {name: ENGLISH.findall(shown(html)) for name, html in pages.items()}
    assert not {name: words for name, words in found.items() if words}


@pytest.mark.parametrize("kind", [editing.PRODUCT, editing.STORY, editing.SETTINGS],
                         ids=lambda kind: kind.name)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_field_has_a_label_and_help_in_both_languages(kind: editing.Kind,
                                                            lang: str) -> None:
    t = Words(lang)
    for spec in kind.fields():
        assert t.label(spec.key, spec.owner) != spec.key, f"{spec.key}: no label"
        if spec.kind != "consent" and spec.key != "tags":  # these have their own help
            assert t.help(spec), f"{spec.key}: no help in {lang}"


def test_every_admin_word_exists_in_both_languages() -> None:
    assert all(set(entry) == {"id", "en"} for entry in words.WORDS.values())
    assert all(entry["en"] for entry in words.WORDS.values()), "English is never left empty"
