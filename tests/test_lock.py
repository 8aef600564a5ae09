"""One writer at a time: builds, serve's rebuilds, deploy and print take the site's build
lock, wait for each other with one line, and leave build/ equal to a clean build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from etalase import incremental
from etalase.incremental import stamp
from etalase.serve import Preview
from tests.conftest import REPO, copy_sample, lock_holder, run, snapshot
from tests.test_incremental import EDITS, build, full_build_of

WAITING = "menunggu build lain selesai…"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "site")
    build(root)
    return root


def start(root: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "site.py", *args, "--root", str(root)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO), **env})


def finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return out


def assert_complete_and_clean(root: Path, tmp_path: Path) -> None:
    """build/ is a clean build of the content, the stamp says so, and no staging is left."""
    assert snapshot(root / "build") == full_build_of(root, tmp_path / "clean")
    assert stamp.load(root)["output"] == stamp.fingerprint(root / "build")
    assert not list(root.glob(".build.new-*")) and not list(root.glob(".build.old-*"))
    assert "OK: tidak ada yang berubah" in run(root, "build").output


def test_a_build_waits_for_the_one_running(sample: Path, tmp_path: Path) -> None:
    EDITS["price"](sample)
    before = snapshot(sample / "build")
    with incremental.locked(sample):  # another build is running
        waiting = start(sample, "build")
        assert waiting.stderr.readline().strip() == WAITING  # type: ignore[union-attr]
        assert snapshot(sample / "build") == before  # it has not started
        assert not list(sample.glob(".build.*-*"))
    assert "OK: " in finish(waiting)
    assert_complete_and_clean(sample, tmp_path)


def test_two_builds_started_together_leave_one_clean_complete_site(
        sample: Path, tmp_path: Path) -> None:
    EDITS["template"](sample)
    first, second = start(sample, "build"), start(sample, "build")
    finish(first), finish(second)
    assert_complete_and_clean(sample, tmp_path)


def test_a_build_during_a_serve_rebuild(sample: Path, tmp_path: Path) -> None:
    preview = Preview(sample)
    EDITS["price"](sample)
    with incremental.locked(sample):  # the command line's build holds the lock...
        command = start(sample, "build")
        assert command.stderr.readline().strip() == WAITING  # type: ignore[union-attr]
        rebuild = threading.Thread(target=preview.rebuild)  # ...and serve saves an edit
        rebuild.start()
        EDITS["template"](sample)
    rebuild.join()
    finish(command)
    assert preview.errors == []
    assert_complete_and_clean(sample, tmp_path)


def test_a_build_gives_up_after_the_timeout_in_plain_words(sample: Path) -> None:
    EDITS["price"](sample)
    before = snapshot(sample / "build")
    with incremental.locked(sample):
        stuck = start(sample, "build", ETALASE_LOCK_TIMEOUT="0.2")
        _, err = stuck.communicate(timeout=600)
    assert stuck.returncode == 1
    assert err.splitlines() == [
        WAITING,
        "Masalah: build lain di folder ini masih berjalan setelah 0.2 detik menunggu — tunggu "
        "sampai build itu selesai (atau hentikan), lalu jalankan perintah ini lagi"]
    assert snapshot(sample / "build") == before


def test_a_killed_holder_leaves_no_lock_behind(sample: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    holder = lock_holder(sample)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    monkeypatch.setenv("ETALASE_LOCK_TIMEOUT", "60")
    EDITS["price"](sample)
    result = run(sample, "build")
    assert result.exit_code == 0 and WAITING not in result.output
    assert_complete_and_clean(sample, tmp_path)


@pytest.mark.parametrize("command", [("deploy", "--to", "zip"), ("print",)])
def test_deploy_and_print_wait_too(sample: Path, command: tuple[str, ...]) -> None:
    with incremental.locked(sample):
        waiting = start(sample, *command)
        assert waiting.stderr.readline().strip() == WAITING  # type: ignore[union-attr]
    finish(waiting)
