"""What a volunteer most likely meant: the words people type for Etalase's field names
and statuses, and the texts the starter files hold until someone replaces them.

Pure data and lookups. The known field names always come from the caller's schema
(``PRODUCT_KEYS``, ``STORY_KEYS``, ``config.KNOWN``...), so a field added there is
recognised at once; a word here only *points* at a field, and only when the schema
being read has it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

# word a volunteer types -> the field names it may mean, most likely first
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "nama": ("name", "member"),
    "nama_produk": ("name",),
    "judul": ("title", "name"),
    "title": ("name",),
    "harga": ("price",),
    "kategori": ("category",),
    "kelompok": ("category",),
    "jenis": ("category",),
    "deskripsi": ("description",),
    "keterangan": ("description",),
    "uraian": ("description",),
    "penjelasan": ("description",),
    "cerita": ("description",),
    "desc": ("description",),
    "foto": ("images", "photo"),
    "gambar": ("images", "photo"),
    "photos": ("images", "photo"),
    "image": ("images", "photo"),
    "img": ("images", "photo"),
    "pembuat": ("maker", "member"),
    "pengrajin": ("maker", "member"),
    "perajin": ("maker", "member"),
    "penjahit": ("maker", "member"),
    "anggota": ("member", "maker"),
    "bahan": ("materials",),
    "material": ("materials",),
    "berat": ("weight",),
    "pilihan": ("variants",),
    "varian": ("variants",),
    "variasi": ("variants",),
    "ukuran": ("variants",),
    "warna": ("variants",),
    "unggulan": ("featured",),
    "andalan": ("featured",),
    "persetujuan": ("consent",),
    "setuju": ("consent",),
    "izin": ("consent",),
    "ijin": ("consent",),
    "tanggal": ("date",),
    "tgl": ("date",),
    "produk": ("products",),
    "label": ("tags",),
    "tag": ("tags",),
    "wa": ("whatsapp",),
    "no_wa": ("whatsapp",),
    "nomor": ("whatsapp",),
    "nomor_wa": ("whatsapp",),
    "telepon": ("whatsapp",),
    "hp": ("whatsapp",),
    "stok": ("stock",),
    "persediaan": ("stock",),
    "bahasa": ("language",),
    "tema": ("theme",),
    "slogan": ("tagline",),
    "semboyan": ("tagline",),
    "tentang": ("about",),
    "alamat_situs": ("base_url",),
    "url": ("base_url",),
    "mata_uang": ("currency",),
    "pesan": ("order_message",),
}

# status word -> the status it means
STATUS_WORDS: dict[str, str] = {
    "habis": "sold_out",
    "kosong": "sold_out",
    "terjual": "sold_out",
    "stok habis": "sold_out",
    "sold out": "sold_out",
    "soldout": "sold_out",
    "tersedia": "available",
    "ada": "available",
    "ready": "available",
    "siap": "available",
    "pesan dulu": "preorder",
    "pre-order": "preorder",
    "pre order": "preorder",
    "po": "preorder",
    "inden": "preorder",
}

# field -> the text the starter files (etalase/starters/) hold until it is replaced
STARTER_TEXTS: dict[str, str] = {
    "description": "Tulis di sini bahan, ukuran dan cara merawatnya.",
    "materials": "tulis bahannya di sini",
    "text": "Tulis ceritanya di sini. Pisahkan paragraf dengan satu baris kosong.",
}


def suggest(word: str, choices: Collection[str]) -> str | None:
    """The closest choice for a typo, case-insensitively."""
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def _normal(word: str) -> str:
    return re.sub(r"[\s_-]+", " ", word.strip().lower())


def field_for(word: str, known: Collection[str]) -> tuple[str, bool] | None:
    """The field a word most likely means: (field, whether it is a translation rather
    than a typo), or None."""
    key = re.sub(r"[\s-]+", "_", word.strip().lower())
    for field in FIELD_WORDS.get(key, ()):
        if field in known:
            return field, True
    close = suggest(word, known)
    return (close, False) if close else None


def status_for(word: str, statuses: Collection[str]) -> str | None:
    """The status a word most likely means, or None."""
    meant = STATUS_WORDS.get(_normal(word))
    if meant in statuses:
        return meant
    for status in statuses:
        if _normal(status) == _normal(word):
            return status
    return suggest(word, statuses)


def is_starter_text(field: str, text: str) -> bool:
    """Whether ``text`` is still the starter file's example for ``field``."""
    starter = STARTER_TEXTS.get(field)
    return starter is not None and " ".join(text.split()) == starter
