"""A site folder from someone else (a ZIP, a shared drive) brings its cache along: the
build's memo is a pickle and compiled templates are code, so only what this user's own
builds wrote is loaded, and nothing planted there ever runs."""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import pickle
import shutil
import stat
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic

from etalase import imageproc, minify, sealing
from etalase.incremental import memo
from tests.conftest import copy_sample, phone_photo, run, snapshot

CACHE = ".etalase-cache"
TEMPLATES = f"{CACHE}/templates-sandboxed"
IMAGES = f"{CACHE}/images"


class Planted:
    """Unpickling it writes ``marker``: what a planted cache file could do instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return Path.write_text, (self.marker, "ran")


def sealed_by_someone_else(data: bytes) -> bytes:
    seal = hmac.new(b"another volunteer's secret......", data, hashlib.sha256).digest()
    return b"etalase sealed 1\n" + seal + data


@pytest.fixture
def shared(tmp_path: Path) -> tuple[Path, Path]:
    """A built copy of the sample (its cache filled), and where a planted file would write."""
    root = copy_sample(tmp_path / "site")
    assert run(root, "build").exit_code == 0
    memo._IN_MEMORY.clear()  # as a new process finds it: only what is on disk
    return root, tmp_path / "ran.txt"


def edit_price(root: Path) -> None:
    product = sorted((root / "content/products").glob("*.yaml"))[0]
    product.write_text(product.read_text().replace("price: ", "price: 1", 1))


@pytest.mark.parametrize("how", ["plain pickle", "sealed by someone else"])
def test_a_planted_memo_never_runs(shared, how: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, marker = shared
    planted = pickle.dumps(Planted(marker))
    (root / memo.MEMO).write_bytes(
        planted if how == "plain pickle" else sealed_by_someone_else(planted))
    edit_price(root)
    assert run(root, "build").exit_code == 0
    assert not marker.exists()
    clean = copy_sample(tmp_path / "clean")
    edit_price(clean)
    assert run(clean, "build").exit_code == 0
    assert snapshot(root / "build") == snapshot(clean / "build")


@pytest.mark.parametrize("how", ["plain", "sealed by someone else"])
def test_planted_compiled_templates_never_run(shared, how: str) -> None:  # type: ignore[no-untyped-def]
    root, marker = shared
    planted = bc_magic + pickle.dumps(Planted(marker))  # what Jinja's own cache reads
    files = sorted((root / TEMPLATES).iterdir())
    assert files
    for cached in files:
        cached.write_bytes(planted if how == "plain" else sealed_by_someone_else(planted))
    edit_price(root)
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    assert not marker.exists()


def test_this_users_own_caches_are_used(shared, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Sealing costs no reuse: the next build (a new process) compiles and minifies
    nothing again."""
    root, _ = shared
    compiled: list[str] = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, name=None, *a, **k: (
        compiled.append(name), real(self, source, name, *a, **k))[1])
    monkeypatch.setattr(minify, "template", lambda *args: pytest.fail("minified again"))
    edit_price(root)
    assert run(root, "build").exit_code == 0
    assert compiled == []


def test_the_secret_is_the_users_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    sealing.secret.cache_clear()
    try:
        sealed = sealing.seal(b"memo")
        path = tmp_path / "cache/etalase/secret"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(path.read_bytes()) == 32
        assert sealing.unseal(sealed) == b"memo"
        assert sealing.unseal(sealed[:-1] + b"x") is None
        assert sealing.unseal(sealed_by_someone_else(b"memo")) is None
        sealing.secret.cache_clear()  # a later run reads the same secret
        assert sealing.unseal(sealed) == b"memo"
        path.write_bytes(b"short")  # damaged: a new one, and old seals fail
        sealing.secret.cache_clear()
        assert sealing.unseal(sealed) is None and len(path.read_bytes()) == 32
        assert not [p for p in path.parent.iterdir() if p.name != "secret"]
    finally:
        sealing.secret.cache_clear()


def test_without_a_place_for_the_secret_caches_last_one_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    sealing.secret.cache_clear()
    monkeypatch.delenv("ETALASE_RUN_SECRET", raising=False)
    try:
        sealed = sealing.seal(b"memo")
        assert sealing.unseal(sealed) == b"memo"
        assert not (blocked / "etalase").exists()
        sealing.secret.cache_clear()  # as a photo worker of the same run finds it
        assert sealing.unseal(sealed) == b"memo"
    finally:
        sealing.secret.cache_clear()
        os.environ.pop("ETALASE_RUN_SECRET", None)
        assert os.environ.get("XDG_CACHE_HOME") == str(blocked)


def clean_build_of(root: Path, folder: Path) -> dict[str, str]:
    shutil.copytree(root / "content", folder / "content")
    shutil.copytree(root / "themes", folder / "themes")
    assert run(folder, "build").exit_code == 0
    return snapshot(folder / "build")


@pytest.mark.parametrize("how", ["a foreign manifest", "our manifest, a file swapped"])
def test_a_planted_picture_in_the_image_cache_is_never_published(
        shared, how: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Cached pictures are published as they are: one put in a shared cache (a phone
    photo with its location, another picture) is encoded again from the photo."""
    root, _ = shared
    planted = phone_photo()
    for entry in (root / IMAGES).iterdir():
        for file in entry.iterdir():
            if file.name == "manifest.json" and how == "a foreign manifest":
                manifest = json.loads(sealing.unseal(file.read_bytes()) or b"")
                file.write_text(json.dumps(manifest))  # as another user's Etalase wrote it
            elif file.name != "manifest.json":
                file.unlink()  # (its hard link in build/ keeps the real bytes)
                file.write_bytes(planted)
    shutil.rmtree(root / "build")  # a folder received without its site
    assert run(root, "build").exit_code == 0
    built = snapshot(root / "build")
    assert built == clean_build_of(root, tmp_path / "clean")
    assert hashlib.sha256(planted).hexdigest() not in built.values()


def test_a_copy_of_this_users_cache_is_still_used(shared, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A site folder copied elsewhere (new inodes) keeps its encoded photos: their bytes
    are checked by their hash, and nothing is encoded again."""
    root, _ = shared
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    shutil.rmtree(copy / "build")
    monkeypatch.setattr(imageproc, "render", lambda *args: pytest.fail("encoded again"))
    assert run(copy, "build").exit_code == 0


def outside_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder of the volunteer's own, outside the site, and what it holds."""
    folder = tmp_path / "Documents"
    (folder / "Surat").mkdir(parents=True)
    (folder / "Surat/penting.txt").write_text("jangan dihapus")
    (folder / "catatan.txt").write_text("catatan")
    return folder, snapshot(folder)


@pytest.mark.parametrize("link", [CACHE, IMAGES, f"{CACHE}/spare-build", TEMPLATES])
def test_a_link_in_the_cache_never_leads_the_build_elsewhere(
        tmp_path: Path, link: str) -> None:
    """A ZIP may hold a link where the cache's folders go, pointing anywhere (the
    volunteer's documents): the build removes the link, never what it points at."""
    root = copy_sample(tmp_path / "site")
    folder, before = outside_folder(tmp_path)
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(folder, target_is_directory=True)
    for _ in range(2):  # a whole build, then an update (which reworks the spare)
        edit_price(root)
        result = run(root, "build")
        assert result.exit_code == 0, result.output
        assert snapshot(folder) == before
    assert not (root / link).is_symlink()
    assert snapshot(root / "build") == clean_build_of(root, tmp_path / "clean")


def test_an_encoded_photo_cannot_pass_for_another(shared, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A sealed entry copied under another photo's name is not that photo's."""
    root, _ = shared
    entries = sorted(p for p in (root / IMAGES).iterdir()
                     if json.loads(sealing.unseal((p / "manifest.json").read_bytes()) or b"")
                     ["placeholder"])
    assert len(entries) >= 2
    shutil.rmtree(entries[1])
    shutil.copytree(entries[0], entries[1])
    shutil.rmtree(root / "build")
    assert run(root, "build").exit_code == 0
    assert snapshot(root / "build") == clean_build_of(root, tmp_path / "clean")


@pytest.mark.parametrize("stamp", ['{"a": 1}', '"x"', '[1, 2]', '{"known": [1, 2, 3]}', "{",
                                   '{"inputs": "", "known": {"content/x.jpg": 5}, "lang": "id",'
                                   ' "notes": [], "pages": 1, "files": 1, "output": ""}'])
def test_a_damaged_stamp_means_a_whole_build(shared, stamp: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _ = shared
    (root / CACHE / "build-stamp.json").write_text(stamp)
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    assert snapshot(root / "build") == clean_build_of(root, tmp_path / "clean")


def test_a_file_where_the_cache_goes_is_a_plain_message(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "site")
    (root / CACHE).write_text("")
    result = run(root, "build")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Masalah: ") and ".etalase-cache" in result.output
    assert result.output.strip() == (
        "Masalah: .etalase-cache seharusnya folder cache Etalase, tetapi berupa file — hapus "
        ".etalase-cache (isinya hanya cache, dibuat ulang sendiri), lalu jalankan build lagi")
    assert (root / CACHE).is_file() and not (root / "build").exists()


@pytest.mark.parametrize("name", ["memo.pickle", "build-stamp.json"])
def test_a_folder_where_a_cache_file_goes_is_a_plain_message(tmp_path: Path, name: str) -> None:
    root = copy_sample(tmp_path / "site")
    assert run(root, "build").exit_code == 0
    before = snapshot(root / "build")
    shutil.rmtree(root / CACHE)
    (root / CACHE / name / "x").mkdir(parents=True)
    result = run(root, "build")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines()[-1] == (
        f"Masalah: .etalase-cache/{name} seharusnya file cache Etalase, tetapi berupa folder "
        "— hapus folder .etalase-cache (isinya hanya cache, dibuat ulang sendiri), lalu "
        "jalankan build lagi")
    assert snapshot(root / "build") == before  # the site built before, whole
    shutil.rmtree(root / CACHE)  # the fix the message gives
    assert run(root, "build").exit_code == 0


@pytest.mark.parametrize(("code", "lang", "said"), [
    (errno.EACCES, "id", "tidak ada izin menulis di sana"),
    (errno.EROFS, "en", "that disk can only be read"),
    (errno.EIO, "id", f"kesalahan sistem nomor {errno.EIO}"),
])
def test_why_a_file_could_not_be_written_is_said_in_the_site_s_language(
        code: int, lang: str, said: str) -> None:
    from etalase import messages

    failure = OSError(code, os.strerror(code), "build/index.html")
    assert messages.system_reason(failure, lang) == said


def test_a_site_folder_sent_back_is_built_again_not_trusted(tmp_path: Path) -> None:
    """A volunteer sends her built site folder for help and gets it back: a copy, times
    kept, with a picture in build/ swapped for another of the same size. That build/ is
    not the one her last build made: deploy without a build refuses it, and the next
    build makes the site again, without the picture."""
    root = copy_sample(tmp_path / "site")
    assert run(root, "build").exit_code == 0
    back = tmp_path / "back"
    shutil.copytree(root, back, symlinks=True)  # (copy2: modification times kept)
    picture = next(p for p in sorted((back / "build/img").iterdir()) if p.suffix == ".jpg")
    times = picture.stat()
    picture.write_bytes(bytes(reversed(picture.read_bytes())))  # same size, other bytes
    os.utime(picture, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert run(back, "deploy", "--to", "zip", "--no-build").exit_code == 1
    result = run(back, "build")
    assert result.exit_code == 0 and "tidak ada yang berubah" not in result.output
    assert snapshot(back / "build") == snapshot(root / "build")
