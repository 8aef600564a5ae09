"""Tiny sites written from dicts, a CLI runner, and snapshots of folders."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from playwright.sync_api import Browser

from etalase.cli import main

REPO = Path(__file__).resolve().parent.parent

SITE_YAML = """\
title: Toko Uji
tagline: Barang buatan tangan
base_url: https://toko.example.org
whatsapp: "0812-3456-7890"
about: Tentang **kami**.
"""

PRODUCT_YAML = """\
name: Keset Bulat
price: 25000
category: Keset Perca
images:
  - images/keset.jpg
"""


def jpeg(size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = (200, 80, 40),
         **save_args: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", **save_args)
    return buffer.getvalue()


def phone_photo(fmt: str = "JPEG", size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A photo carrying GPS, camera data (make, model, serial), a comment and XMP, and
    EXIF orientation 6 (turn 90°), like a phone's original."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretModel X"  # Model
    exif[0xA431] = "SERIAL123456"  # BodySerialNumber
    exif[0x0112] = 6  # Orientation: rotate 90
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (7.0, 25.0, 30.0), "E", (109.0, 14.0, 5.0)
    image = Image.new("RGB", size, (120, 160, 90))
    image.paste((200, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
    extra = {"comment": b"rumah Bu Sari"} if fmt == "JPEG" else {}
    out = io.BytesIO()
    image.save(out, fmt, exif=exif, xmp=b"<x:xmpmeta>GPSLatitude 7,25.5S</x:xmpmeta>", **extra)
    return out.getvalue()


def write_site(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """A valid minimal site, with ``files`` added, replaced, or removed (value None)."""
    layout: dict[str, str | bytes | None] = {
        "content/site.yaml": SITE_YAML,
        "content/products/keset.yaml": PRODUCT_YAML,
        "content/images/keset.jpg": jpeg(),
        **files,
    }
    for rel, data in layout.items():
        path = root / rel
        if data is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    if not (root / "themes").exists():
        (root / "themes").symlink_to(REPO / "themes", target_is_directory=True)
    return root


def copy_sample(root: Path) -> Path:
    """A copy of the repository's own sample catalog and theme, to build or change."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "themes", root / "themes")
    return root


def run(root: Path, *args: str) -> Result:
    command, *rest = args
    return CliRunner().invoke(main, [command, "--root", str(root), *rest])


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        return write_site(tmp_path / "site", files or {})

    return make


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog, built once for the tests that only read it."""
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    return root / "build"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from tests.browser import chromium

    with chromium() as opened:
        yield opened


def lock_holder(root: Path) -> subprocess.Popen[str]:
    """Another process holding ``root``'s build lock (a build that does not end) until its
    stdin closes or it is killed; returned once it holds the lock."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from etalase import incremental\n"
         "with incremental.locked(Path(sys.argv[1])):\n print('held', flush=True)\n"
         " sys.stdin.read()", str(root)],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"  # type: ignore[union-attr]
    return holder
