"""Incremental builds: only what changed is rendered and written, and the result is
byte-identical to a clean full build of the same content."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from etalase import markup, reading, render, whatsapp
from etalase.incremental import build as build_site
from etalase.incremental import memo, staging, stamp
from tests.conftest import PRODUCT_YAML, REPO, copy_sample, jpeg, run, snapshot

ROSELA = "content/products/teh-rosela.yaml"


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "price": lambda root: replace(root, ROSELA, "price: ", "price: 1"),
    "template": lambda root: replace(root, "themes/default/templates/product.html",
                                     "<h1>", '<h1 class="name">'),
    "interface text": lambda root: replace(root, "themes/default/i18n/id.yaml",
                                           "cart: Keranjang", "cart: Keranjang belanja"),
    "product added": lambda root: (root / "content/products/keset-baru.yaml").write_text(
        PRODUCT_YAML.replace("images/keset.jpg", "images/keset-bulat-senja.jpg"),
        encoding="utf-8"),
    "product removed": lambda root: (root / ROSELA).unlink(),
    "photo replaced": lambda root: (root / "content/images/teh-rosela.jpg").write_bytes(
        jpeg((900, 700), (150, 30, 60))),
    "story withdrawn": lambda root: replace(root, "content/stories/bu-ani-kebun-teh.md",
                                            "consent: true", "consent: false"),
    "interface text on pages": lambda root: replace(
        root, "themes/default/i18n/id.yaml", "order_whatsapp: Pesan lewat WhatsApp",
        "order_whatsapp: Pesan sekarang"),
    "site language": lambda root: replace(root, "content/site.yaml", "language: id",
                                          "language: en"),
    "site settings": lambda root: replace(root, "content/site.yaml", "tagline: Teh herbal",
                                          "tagline: Teh"),
    "description": lambda root: replace(root, ROSELA, "asam segar", "asam *segar*"),
    "about text": lambda root: replace(root, "content/site.yaml", "about: |\n",
                                       "about: |\n  **Selamat datang.**\n"),
    "shop number": lambda root: replace(root, "content/site.yaml", '"0812-2700-4321"',
                                        '"0812-2700-4322"'),
    "icon replaced": lambda root: (root / "content/images/ikon.png").write_bytes(
        png_picture((256, 256), (160, 40, 60))),
    "icon removed": lambda root: replace(root, "content/site.yaml", "icon: images/ikon.png\n",
                                         ""),
    "logo replaced": lambda root: (root / "content/images/logo.png").write_bytes(
        png_picture((400, 80), (31, 26, 23))),
    "theme colour": lambda root: replace(root, "content/site.yaml", 'theme_color: "#0b6b3a"',
                                         'theme_color: "#7b3f61"'),
}


def png_picture(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def build(root: Path) -> None:
    result = run(root, "build")
    assert result.exit_code == 0, result.output


def full_build_of(root: Path, fresh: Path) -> dict[str, str]:
    """A clean build of the same content and theme, in another folder, with no cache."""
    shutil.copytree(root / "content", fresh / "content")
    shutil.copytree(root / "themes", fresh / "themes")
    build(fresh)
    return snapshot(fresh / "build")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "site")
    build(root)
    return root


@pytest.mark.parametrize("edit", EDITS)
def test_an_incremental_build_equals_a_full_one(sample: Path, tmp_path: Path, edit: str) -> None:
    EDITS[edit](sample)
    build(sample)
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")
    # The stamp describes build/ as it now is (updated from the files written, not walked
    # again), so the next build knows that nothing changed.
    assert stamp.load(sample)["output"] == stamp.fingerprint(sample / "build")
    assert build_site(sample).skipped


def test_edits_one_after_another_each_equal_a_full_build(sample: Path, tmp_path: Path) -> None:
    """From the second update on, the previous site (the spare) is reworked into the new
    one: files added, removed, rewritten and kept must all come out right."""
    spare = staging.spare_of(sample / "build")
    for number, edit in enumerate(["price", "product added", "template", "product removed",
                                   "story withdrawn", "interface text"]):
        assert spare.is_dir() == (number > 0)  # a site replaced by the last build
        EDITS[edit](sample)
        build(sample)
        assert snapshot(sample / "build") == full_build_of(sample, tmp_path / f"full{number}"), edit
        assert stamp.load(sample)["output"] == stamp.fingerprint(sample / "build")
        # The spare is the site before: no file of it is the live one's but unchanged ones.
        assert not [p for p in sample.iterdir() if p.name.startswith(".build.")]


def test_a_price_edit_renders_no_markdown_and_reads_no_number_again(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edited file's description, and the unchanged site.yaml's about text and number,
    are taken from the last build: Markdown and phonenumbers need not even be imported."""
    def refuse(*args: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(markup, "_markdown", refuse)
    monkeypatch.setattr(whatsapp, "normalize_phone", refuse)
    EDITS["price"](sample)
    build(sample)
    monkeypatch.undo()
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")


def test_pages_keyed_in_forked_workers_get_the_keys_the_parent_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new site's pages are keyed by the workers that render them; an update keys them
    in the main process. The keys must agree, or the first edit after a cold build renders
    every page again (it did, while workers got copies of the pages)."""
    def rekeyed_by_a_price_edit(root: Path) -> set[str]:
        build(root)
        before = memo.load(root).pages
        EDITS["price"](root)
        build(root)
        return {path for path, record in memo.load(root).pages.items()
                if record.key != before[path].key}

    serial = rekeyed_by_a_price_edit(copy_sample(tmp_path / "serial"))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 1)
    assert rekeyed_by_a_price_edit(copy_sample(tmp_path / "forked")) == serial
    assert "produk/teh-rosela/index.html" in serial and len(serial) < 10


def test_a_deleted_story_leaves_no_copy_in_the_cache(sample: Path) -> None:
    """A story removed when its teller withdrew consent is not kept in the memo."""
    words = b"halaman sempit di belakang rumahnya"
    assert words in (sample / memo.MEMO).read_bytes()
    (sample / "content/stories/bu-ani-kebun-teh.md").unlink()
    build(sample)
    assert words not in (sample / memo.MEMO).read_bytes()
    stories = [rel for rel in memo.load(sample).files if rel.startswith("content/stories/")]
    assert stories == ["content/stories/bu-sari-dan-keset-pelangi.md",
                       "content/stories/bu-wati-piring-lidi.md"]
    shutil.rmtree(sample / "content/stories")
    build(sample)
    assert not any(rel.startswith("content/stories/") for rel in memo.load(sample).files)


def test_another_version_of_a_library_means_a_whole_build(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library whose output is in the pages (Markdown, minify-html...) may make other
    bytes in another version: what was stamped and remembered before it is not used."""
    library = tmp_path / "lib/pustaka/__init__.py"
    library.parent.mkdir(parents=True)
    library.write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.setattr(stamp, "LIBRARIES", (*stamp.LIBRARIES, "pustaka"))
    stamp.environment.cache_clear()
    try:
        build(sample)
        assert build_site(sample).skipped
        assert memo.load(sample).files
        library.write_text("VERSION = 22\n")  # pip rewrites a package it upgrades
        stamp.environment.cache_clear()
        assert not memo.load(sample).files
        assert not build_site(sample).skipped
    finally:
        stamp.environment.cache_clear()


def test_serve_trusts_the_output_it_left_until_another_build_writes(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_site(sample, serving=True)
    EDITS["price"](sample)
    walked = []
    monkeypatch.setattr(stamp, "listing", lambda folder: walked.append(folder) or [])
    stamp.output(sample, sample / "build", trusted=True)
    assert walked == []
    stamp.output(sample, sample / "build", trusted=False)  # the command always looks
    assert walked == [sample / "build"]
    monkeypatch.undo()
    subprocess.run([sys.executable, "site.py", "build", "--root", str(sample)], check=True,
                   cwd=REPO, capture_output=True)  # another process rewrites the stamp
    monkeypatch.setattr(stamp, "listing", lambda folder: walked.append(folder) or [])
    stamp.output(sample, sample / "build", trusted=True)
    assert len(walked) == 2


def test_only_changed_files_are_written(sample: Path) -> None:
    site = sample / "build"
    before = {p: p.stat().st_ino for p in site.rglob("*.html")}
    EDITS["price"](sample)
    build(sample)
    rewritten = {p.relative_to(site).as_posix() for p, ino in before.items()
                 if p.stat().st_ino != ino}
    # The product, the listings that show it, the home page (a featured product), the
    # teas that show it as a related product, and nothing else; the about page, other
    # products and stories are untouched.
    assert "produk/teh-rosela/index.html" in rewritten
    assert "kategori/teh-herbal/index.html" in rewritten
    assert "produk/index.html" in rewritten
    assert "produk/teh-sereh-jahe/index.html" in rewritten
    assert rewritten <= {"produk/teh-rosela/index.html", "kategori/teh-herbal/index.html",
                         "produk/index.html", "index.html", "produk/teh-daun-kelor/index.html",
                         "produk/teh-sereh-jahe/index.html"}


def test_a_failed_build_after_an_incremental_one_changes_nothing(sample: Path,
                                                                tmp_path: Path) -> None:
    EDITS["price"](sample)
    build(sample)
    before = snapshot(sample / "build")
    replace(sample, ROSELA, "price: 1", "price: murah ")
    assert run(sample, "build").exit_code == 1
    assert snapshot(sample / "build") == before
    replace(sample, ROSELA, "price: murah ", "price: 2")
    build(sample)
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")


def test_an_update_cut_short_makes_the_next_build_whole(sample: Path, tmp_path: Path) -> None:
    (sample / ".build.updating").touch()  # what a build killed while writing leaves
    (sample / "build/produk/teh-rosela/index.html").write_text("half")
    EDITS["price"](sample)
    build(sample)
    assert not (sample / ".build.updating").exists()
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")


def test_a_hand_edited_build_folder_is_rebuilt_whole(sample: Path, tmp_path: Path) -> None:
    (sample / "build/tentang/index.html").write_text("edited by hand")
    (sample / "build/stray.txt").write_text("left behind")
    EDITS["price"](sample)
    build(sample)
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")


def restore_times(path: Path, edit: Callable[[], None]) -> None:
    """Runs ``edit`` on ``path``, then gives it back its modification time (cp -p, unzip)."""
    before = path.stat()
    edit()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_an_edit_with_its_time_restored_is_rebuilt(sample: Path, tmp_path: Path) -> None:
    path = sample / ROSELA
    restore_times(path, lambda: replace(sample, ROSELA, "price: 22000", "price: 28000"))
    build(sample)
    assert "Rp28.000" in (sample / "build/produk/teh-rosela/index.html").read_text()
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")
    restore_times(path, lambda: replace(sample, ROSELA, "price: 28000", "price: 38000"))
    (sample / stamp.STAMP).unlink()  # the memo alone must not trust the clock either
    build(sample)
    assert "Rp38.000" in (sample / "build/produk/teh-rosela/index.html").read_text()


def test_two_same_size_files_swapped_with_their_times(sample: Path, tmp_path: Path) -> None:
    photos = [sample / "content/images/teh-rosela.jpg", sample / "content/images/keset-bulat-senja.jpg"]
    datas = [jpeg((900, 700), (150, 30, 60)), jpeg((900, 700), (30, 150, 60))]
    size = max(map(len, datas))
    for photo, data in zip(photos, datas, strict=True):  # a JPEG may end with padding
        photo.write_bytes(data + b"\0" * (size - len(data)))
    build(sample)
    swapped = [photo.read_bytes() for photo in reversed(photos)]
    for photo, data in zip(photos, swapped, strict=True):
        restore_times(photo, lambda photo=photo, data=data: photo.write_bytes(data))
    build(sample)
    assert snapshot(sample / "build") == full_build_of(sample, tmp_path / "full")
