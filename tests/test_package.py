"""Installed as a user installs it: a wheel in a fresh virtual environment, used from a
site folder outside the repository, with no theme of its own."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import REPO

NOT_SOURCE = shutil.ignore_patterns(".git", "build", ".build.*", ".etalase-cache", "node_modules",
                                    "test-artifacts", "*.egg-info", "__pycache__", "site.zip",
                                    "price-tags.html")


CLEAN = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from a copy of the source (as `pip install .` would)."""
    work = tmp_path_factory.mktemp("package")
    shutil.copytree(REPO, work / "source", ignore=NOT_SOURCE)
    (work / "source/build").mkdir()
    (work / "source/build/index.html").write_text("the site's own output")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w",
                    str(work / "dist"), str(work / "source")], env=CLEAN, check=True)
    assert os.listdir(work / "source/build") == ["index.html"], "build/ is the site's"
    return next((work / "dist").glob("etalase-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel: Path) -> Path:
    """A fresh environment with the wheel and its dependencies: its bin/ folder."""
    folder = wheel.parent.parent / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(folder / "bin/python"),
                    "install", "--quiet", "--no-compile", str(wheel)], env=CLEAN, check=True)
    return folder / "bin"


def test_the_wheel_holds_every_module_the_theme_and_the_starters(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {"etalase/cli.py", "etalase/deploy/__init__.py", "etalase/deploy/git.py",
              "etalase/deploy/netlify.py", "etalase/deploy/archive.py",
              "etalase/starters/site.yaml", "etalase/starters/product.yaml"}
    theme = {f"etalase/{p.relative_to(REPO).as_posix()}"
             for p in (REPO / "themes/default").rglob("*") if p.is_file()
             and "__pycache__" not in p.parts}
    assert "etalase/themes/default/templates/base.html" in theme
    assert wanted | theme <= names, sorted((wanted | theme) - names)
    assert not [n for n in names if n.startswith(("themes/", "tests/", "content/"))]


def run(bin_dir: Path, cwd: Path, *args: str) -> str:
    done = subprocess.run([str(bin_dir / "etalase"), *args], cwd=cwd, env=CLEAN,
                          capture_output=True, text=True)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stdout + done.stderr


def test_init_check_build_new_print_and_deploy_from_outside_the_repository(
        venv: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(venv / "python"), "-c", "import etalase; print(etalase.__file__)"],
                           cwd=tmp_path, env=CLEAN, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(venv.parent), "the wheel, not the source"

    assert "OK: situs baru di toko" in run(venv, tmp_path, "init", "toko")
    site = tmp_path / "toko"
    assert {".gitignore", "content"} <= set(os.listdir(site)) and not (site / "themes").exists()
    assert "/build/" in (site / ".gitignore").read_text()
    assert "OK: 1 produk" in run(venv, site, "check")
    run(venv, site, "build")
    assert "Keset Perca Contoh" in (site / "build/produk/keset-perca-contoh/index.html").read_text()
    home = (site / "build/index.html").read_text()  # the installed theme's colour and icons
    assert "<meta content=#0b6b3a name=theme-color>" in home and "rel=apple-touch-icon" in home
    assert '"theme_color": "#0b6b3a"' in (site / "build/manifest.webmanifest").read_text()

    run(venv, site, "new", "product", "Teh Jahe")
    starter = site / "content/products/teh-jahe.yaml"
    text = starter.read_text().replace("\nprice:\n", "\nprice: 20000\n")
    text = text.replace("\ncategory:\n", "\ncategory: Teh Herbal\n")
    text = text.replace("Tulis di sini bahan, ukuran dan cara merawatnya.", "Teh jahe merah.")
    starter.write_text(text.replace("tulis bahannya di sini", "jahe merah"))
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 160, 60)).save(photo, "JPEG")
    (site / "content/images/teh-jahe.jpg").write_bytes(photo.getvalue())
    assert "OK: 2 label harga" in run(venv, site, "print")
    assert (site / "price-tags.html").is_file()

    run(venv, site, "deploy", "--to", "zip")
    names = zipfile.ZipFile(site / "site.zip").namelist()
    assert {"index.html", "produk/teh-jahe/index.html", "_headers",
            "manifest.webmanifest"} <= set(names)
    assert sum(n.startswith("img/") and "-app-" in n for n in names) == 2  # 192 and 512 px
    assert any(n.startswith("img/") and n.endswith(".avif") for n in names)


def test_init_never_overwrites_a_site(venv: Path, tmp_path: Path) -> None:
    run(venv, tmp_path, "init", "toko")
    again = subprocess.run([str(venv / "etalase"), "init", "toko"], cwd=tmp_path, env=CLEAN,
                           capture_output=True, text=True)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert "toko/content/site.yaml sudah ada: di sini sudah ada situs" in again.stderr
