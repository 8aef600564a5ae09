"""The command line's help speaks the site's language: Bahasa Indonesia unless the site
says ``language: en``."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from etalase.cli import main
from etalase.messages import HELP_ID
from tests.conftest import REPO, SITE_YAML, write_site


def help_of(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def every_help_text() -> list[str]:
    commands: list[click.Command] = [main, *main.commands.values()]
    texts = [inspect.cleandoc(command.help or "") for command in commands]
    texts += [param.help for command in commands for param in command.params
              if isinstance(param, click.Option) and param.help]
    return texts


def test_every_help_text_has_an_indonesian_one() -> None:
    missing = [text for text in every_help_text() if text not in HELP_ID]
    assert not missing
    assert len(every_help_text()) > 20


def test_an_indonesian_site_gets_indonesian_help(tmp_path: Path) -> None:
    root = write_site(tmp_path / "situs", {})
    text = help_of("deploy", "--root", str(root), "--help")
    assert text.startswith("Cara pakai: ")
    assert "Menerbitkan situs: ke Netlify (bawaan)" in text
    assert "Pilihan:" in text and "Options" not in text
    assert "git: cabang tujuan.  [bawaan: gh-pages]" in text
    assert "Tampilkan pesan ini lalu keluar." in text
    assert "Publish" not in text and "default" not in text


def test_an_english_site_gets_english_help(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/site.yaml": SITE_YAML + "language: en\n"})
    text = help_of("deploy", f"--root={root}", "--help")
    assert text.startswith("Usage: ")
    assert "git: branch to publish.  [default: gh-pages]" in text
    assert "Show this message and exit." in text and "Cara pakai" not in text


@pytest.mark.parametrize(("language", "heading", "line"), [
    ("id", "Perintah:", "check Memeriksa isi tanpa menulis apa pun."),
    ("en", "Commands:", "check Validate content without writing anything."),
])
def test_the_command_list_in_the_current_folder_s_language(
        tmp_path: Path, language: str, heading: str, line: str) -> None:
    """`python site.py --help` in a site folder, as a volunteer types it."""
    write_site(tmp_path, {"content/site.yaml": SITE_YAML + f"language: {language}\n"})
    shown = subprocess.run([sys.executable, str(REPO / "site.py"), "--help"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert heading in shown and line in " ".join(shown.split())  # columns as wide as names


def test_a_usage_mistake_is_explained_in_the_site_s_language(tmp_path: Path) -> None:
    root = write_site(tmp_path / "situs", {})
    result = CliRunner().invoke(main, ["new", "story", "--root", str(root)])
    assert result.exit_code == 2
    assert "Cara pakai: " in result.output
    assert 'new story perlu judul — tulis misalnya  new story "Judul cerita"' in result.output


@pytest.mark.parametrize(("typed", "program"), [
    (["site.py"], "python site.py"), (["-m", "etalase"], "python -m etalase")])
def test_a_hint_names_the_command_as_it_was_typed(site, typed: list[str], program: str) -> None:  # type: ignore[no-untyped-def]
    """A volunteer who installed Etalase with pip types ``etalase``, one with a copy of the
    project ``python site.py``: the fix a message offers is the command they use."""
    root = site()
    command = [sys.executable, *typed]
    assert subprocess.run([*command, "build", "--root", str(root)], cwd=REPO,
                          capture_output=True).returncode == 0
    page = root / "build/index.html"
    page.write_text(page.read_text() + "\n")  # a hand edit: not the build's any more
    refused = subprocess.run([*command, "deploy", "--to", "zip", "--no-build", "--root",
                              str(root)], cwd=REPO, capture_output=True, text=True)
    assert refused.returncode == 1
    assert f"jalankan  {program} build --root {root}  dulu" in refused.stderr + refused.stdout


def test_a_hint_names_the_site_folder_that_was_named(tmp_path: Path) -> None:
    """A volunteer who names her site folder (``--root "Toko Ibu"``) is told to run
    commands that name it too, quoted when it holds a space."""
    from etalase import messages

    try:
        messages.use_root("Toko Ibu")
        assert messages.text("deploy.incomplete", "id", {"path": "build"})[1] == (
            'jalankan  python site.py build --root "Toko Ibu"  dulu, lalu deploy lagi')
        messages.use_root(".")
        assert messages.text("deploy.incomplete", "en", {"path": "build"})[1] == (
            "run  python site.py build  first, then deploy again")
    finally:
        messages.use_root(".")


@pytest.mark.parametrize(("argv0", "typed"), [
    ("/home/relawan/.local/bin/etalase", "etalase"), (r"C:\Python\Scripts\etalase.exe", "etalase"),
    ("site.py", "python site.py"), ("/usr/lib/python3/site-packages/etalase/__main__.py",
                                    "python -m etalase")])
def test_the_command_typed_is_read_from_the_program_name(argv0: str, typed: str) -> None:
    from etalase.cli import _typed

    assert _typed(argv0) == typed


def test_a_new_file_names_the_command_as_it_was_typed(site) -> None:  # type: ignore[no-untyped-def]
    """The first line of a new product says how to check it, as the volunteer types it."""
    root = site()
    done = subprocess.run([sys.executable, "-m", "etalase", "new", "product", "Teh Jahe",
                           "--root", str(root)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    written = (root / "content/products/teh-jahe.yaml").read_text("utf-8")
    assert "python -m etalase check" in written and "site.py" not in written
