"""Every update is staged: whatever stops a build (Ctrl-C, SIGKILL, a full disk, an
exception) at any point, build/ is entirely the previous site or entirely the new one,
the next build recovers, and deploy refuses a build/ that is not a completed build."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from etalase import output
from etalase.deploy import site_files
from etalase.incremental import memo, staging, stamp
from tests.conftest import REPO, copy_sample, run, snapshot
from tests.test_incremental import EDITS, build, full_build_of

PAGE = "produk/teh-rosela/index.html"


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A built sample site, then a template edit (every product page changes) and a price
    edit: (site, the old site's files, a clean build of the new content)."""
    root = copy_sample(tmp_path / "site")
    build(root)
    old = snapshot(root / "build")
    EDITS["template"](root)
    EDITS["price"](root)
    return root, old, full_build_of(root, tmp_path / "clean")


def assert_recovers(root: Path, old: dict[str, str], new: dict[str, str]) -> None:
    """build/ is the old or the new site, never a mix, and nothing staged is left; the
    next build makes the new site, complete and stamped."""
    now = snapshot(root / "build")
    assert now in (old, new), sorted(set(now.items()) ^ set(old.items()))[:6]
    build(root)
    assert snapshot(root / "build") == new
    assert stamp.load(root)["output"] == stamp.fingerprint(root / "build")
    assert not [p.name for p in root.iterdir() if p.name.startswith(".build.")]


def failing_on_call(number: int, real):  # type: ignore[no-untyped-def]
    calls = [0]

    def call(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == number:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]))
        return real(*args, **kwargs)

    return call


def build_on_a_full_disk(root: Path, owner: object, name: str, number: int,
                         monkeypatch: pytest.MonkeyPatch) -> str:
    """A build whose ``number``-th call of ``owner.name`` finds the disk full: its output."""
    real = getattr(owner, name, open)
    monkeypatch.setattr(owner, name, failing_on_call(number, real), raising=False)
    result = run(root, "build")
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    return result.output


DISK_FULL_AT = {  # where a full disk strikes: (object, name, on which call)
    "first page written": (staging, "open", 1),
    "a later page written": (staging, "open", 5),
    "first unchanged file linked": (staging.os, "link", 1),
    "a later unchanged file linked": (staging.os, "link", 40),
    "the swap": (staging, "exchange", 1),
    "the memo after the swap": (memo, "save", 1),
    "the stamp after the swap": (stamp, "save", 1),
}


@pytest.mark.parametrize("point", DISK_FULL_AT)
def test_a_full_disk_anywhere_leaves_the_old_or_the_new_site(
        edited, point: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root, old, new = edited
    output = build_on_a_full_disk(root, *DISK_FULL_AT[point], monkeypatch)
    assert output.splitlines()[-1] == (
        "Masalah: disk penuh: build tidak selesai (build/ tetap berisi situs yang utuh) — "
        "kosongkan ruang disk (hapus file yang tidak perlu), lalu jalankan build lagi")
    assert_recovers(root, old, new)


DRIVER = """
import os, shutil, signal, sys
from etalase.cli import main
from etalase.incremental import staging, stamp

root, point, signal_name, number = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
owner, name = {"write": (staging, "open"), "link": (os, "link"), "swap": (staging, "exchange"),
               "old site removed": (shutil, "rmtree"), "stamp": (stamp, "save")}[point]
real = getattr(owner, name, open)
calls = [0]

def strike(*args, **kwargs):
    calls[0] += 1
    if calls[0] == number:
        os.kill(os.getpid(), getattr(signal, signal_name))
    return real(*args, **kwargs)

setattr(owner, name, strike)
main(["build", "--root", root])
"""

def stop_a_build(root: Path, point: str, signal_name: str, number: int) -> None:
    """A build command stopped by ``signal_name`` at the ``number``-th call of ``point``."""
    stopped = subprocess.run([sys.executable, "-c", DRIVER, str(root), point, signal_name,
                              str(number)], cwd=REPO, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    assert stopped.returncode != 0, stopped.stdout  # it was stopped, not finished
    assert "Traceback" not in stopped.stderr


STOPS = [("write", 1), ("write", 6), ("link", 1), ("link", 30), ("swap", 1),
         ("old site removed", 1), ("stamp", 1)]


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGKILL"])
@pytest.mark.parametrize(("point", "number"), STOPS)
def test_a_build_stopped_anywhere_leaves_the_old_or_the_new_site(
        edited, signal_name: str, point: str, number: int) -> None:  # type: ignore[no-untyped-def]
    root, old, new = edited
    stop_a_build(root, point, signal_name, number)
    assert_recovers(root, old, new)


@pytest.fixture
def spared(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A site whose last build replaced another that differs on every page (so the next
    update reworks that spare: most files linked again, a few written), then a price
    edit: (site, the old site's files, a clean build of the new content)."""
    root = copy_sample(tmp_path / "site")
    build(root)
    EDITS["interface text"](root)  # in the header of every page
    build(root)
    assert staging.spare_of(root / "build").is_dir()
    old = snapshot(root / "build")
    EDITS["price"](root)
    return root, old, full_build_of(root, tmp_path / "clean")


SPARE_DISK_FULL_AT = {
    "first page written": (staging, "open", 1),
    "a later page written": (staging, "open", 4),
    "first file linked again": (staging.os, "link", 1),
    "a later file linked again": (staging.os, "link", 10),
    "an old file removed": (staging.os, "unlink", 3),
    "the swap": (staging, "exchange", 1),
}


@pytest.mark.parametrize("point", SPARE_DISK_FULL_AT)
def test_a_full_disk_while_the_spare_is_reworked(
        spared, point: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root, old, new = spared
    output = build_on_a_full_disk(root, *SPARE_DISK_FULL_AT[point], monkeypatch)
    assert "disk penuh" in output.splitlines()[-1]
    assert_recovers(root, old, new)


@pytest.mark.parametrize(("point", "number"), [("write", 3), ("link", 5), ("swap", 1),
                                               ("old site removed", 1)])
def test_a_build_killed_while_the_spare_is_reworked(spared, point: str, number: int) -> None:  # type: ignore[no-untyped-def]
    root, old, new = spared
    stop_a_build(root, point, "SIGKILL", number)
    assert_recovers(root, old, new)


@pytest.mark.parametrize("number", [1, 7])
def test_a_full_disk_in_a_first_build_leaves_no_site(
        tmp_path: Path, number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build writes the whole site with plain file writes (no update): a full
    disk there leaves no build/ and nothing staged, and the next build makes the site."""
    root = copy_sample(tmp_path / "site")
    out = build_on_a_full_disk(root, output, "open", number, monkeypatch)
    assert "disk penuh" in out.splitlines()[-1] and "Traceback" not in out
    assert not (root / "build").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".build.")]
    build(root)
    assert snapshot(root / "build") == full_build_of(root, tmp_path / "clean")


def test_deploy_refuses_a_build_that_is_not_complete(edited) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = edited
    build(root)
    refusal = ("Masalah: {} bukan hasil build yang lengkap (build terputus, atau ada file yang "
               "diubah tangan) — jalankan  python site.py build --root {}  dulu, lalu "
               "deploy lagi")
    page = root / "build" / PAGE
    page.write_text(page.read_text().replace("Rp", "IDR"))  # a hand edit
    result = run(root, "deploy", "--to", "zip", "--no-build")
    assert result.exit_code == 1 and not (root / "site.zip").exists()
    assert result.output.splitlines()[-1] == refusal.format(root / "build", root)
    build(root)  # a hand-edited build/ is rebuilt whole
    (root / "build/.produk.html.partial").write_text("half")  # what an old version left
    assert run(root, "deploy", "--to", "zip", "--no-build").exit_code == 1
    (root / "build/.produk.html.partial").unlink()
    result = run(root, "deploy", "--to", "zip", "--no-build")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(root / "site.zip") as archive:
        assert sorted(archive.namelist()) == sorted(snapshot(root / "build"))


def test_deploy_refuses_a_build_whose_stamp_was_not_saved(edited, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = edited
    monkeypatch.setattr(stamp, "save", failing_on_call(1, stamp.save))
    assert run(root, "build").exit_code == 1  # the new site is live, but never stamped
    monkeypatch.undo()
    assert run(root, "deploy", "--to", "zip", "--no-build").exit_code == 1
    assert run(root, "deploy", "--to", "zip").exit_code == 0  # builds, then publishes


def test_no_hidden_file_is_published(tmp_path: Path) -> None:
    site = tmp_path / "build"
    (site / ".well-known").mkdir(parents=True)
    for rel in ("index.html", ".well-known/security.txt", ".index.html.partial", ".DS_Store"):
        (site / rel).write_text("x")
    assert [f.rel for f in site_files(site, "id")] == [".well-known/security.txt", "index.html"]
