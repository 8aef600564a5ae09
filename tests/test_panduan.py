"""PANDUAN.md, followed literally on Linux: every ``sh`` block it shows is run, in order,
in a copy of the project as a volunteer unpacks it, as if typed in one terminal.

Markers in the guide (HTML comments, invisible to readers) say what the test does with
the block that follows: ``tulis: PATH`` writes it as that file, ``ubah: PATH`` changes the
file's lines of the same fields, ``keluaran`` is output the last command must print, and
``tidak diuji: ...`` skips a block that cannot run here (Termux, sudo). Windows blocks
(``bat``) are not run.

Two things stand in for the outside world, never for a command: Netlify is the local
server that follows its API (tests/fake_netlify.py), and the GitHub address is mapped to
a local bare repository by git's own ``insteadOf`` setting. ``pip install`` installs as
a volunteer's does: the venv sees this environment's packages (``--system-site-packages``,
as the guide says), so only pip's build tools are fetched from the package index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, jpeg
from tests.fake_netlify import FakeNetlify

GUIDE = REPO / "PANDUAN.md"
BLOCK = re.compile(r"(?:<!-- (?P<marker>[^>]*?) -->\n)?```(?P<lang>\w*)\n(?P<body>.*?)```",
                   re.DOTALL)
NOT_UNPACKED = ("build", ".git", ".venv", ".etalase-cache", "node_modules", "test-artifacts",
                "__pycache__", "*.egg-info", "site.zip", "price-tags.html")  # not in the ZIP


@dataclass
class Block:
    marker: str
    lang: str
    body: str


def blocks() -> list[Block]:
    text = GUIDE.read_text(encoding="utf-8")
    return [Block((m["marker"] or "").strip(), m["lang"], m["body"]) for m in BLOCK.finditer(text)]


class Terminal:
    """One terminal session: its folder, its activated venv and its exported variables
    carry over from one block to the next, as they would for a volunteer."""

    def __init__(self, home: Path, env: dict[str, str]) -> None:
        self.cwd = home
        self.env = env
        self.output = ""

    def run(self, body: str, shown_after: bool = False) -> None:
        """Runs a block; it must succeed unless the guide shows its output next (an
        example of an error, checked line by line)."""
        for line in body.splitlines():
            self._remember(line.strip())
        if re.search(r"^python site\.py serve\b", body, re.MULTILINE):
            self.output = self._serve(body)
            return
        done = subprocess.run(["bash", "-e", "-c", body], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=900)
        self.output = done.stdout + done.stderr
        assert done.returncode == 0 or shown_after, f"{body}\n{self.output}"

    def _remember(self, line: str) -> None:
        if line.startswith("cd "):
            target = line[3:].strip().replace("~", self.env["HOME"], 1)
            self.cwd = (self.cwd / target).resolve()
        elif line in (". .venv/bin/activate", "source .venv/bin/activate"):
            venv = self.cwd / ".venv"
            self.env["VIRTUAL_ENV"] = str(venv)
            self.env["PATH"] = f"{venv / 'bin'}:{self.env['PATH']}"
        elif line.startswith("export "):
            name, _, value = line[7:].partition("=")
            self.env[name] = value

    def _serve(self, body: str) -> str:
        """The preview runs until Ctrl+C: it is stopped once it has built the site. When
        port 8000 is taken (a shared machine), the guide says to follow the hint."""
        shown = self._preview(body.strip())
        busy = re.search(r"sudah dipakai — coba (--port \d+)", shown)
        if busy:
            shown = self._preview(f"{body.strip()} {busy.group(1)}")
        assert "Pratinjau di http://127.0.0.1:" in shown and "dibuat ulang" in shown, shown
        return shown

    def _preview(self, command: str) -> str:
        process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=self.cwd,
                                   env=self.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        seen = []
        try:
            assert process.stdout is not None
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                line = process.stdout.readline()
                seen.append(line)
                if not line or "dibuat ulang" in line:
                    break
        finally:
            process.terminate()
            process.wait(timeout=30)
        return "".join(seen)


def change_lines(path: Path, body: str) -> None:
    """Each ``field: value`` line of ``body`` replaces the file's first line of that field."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for new in body.splitlines():
        field = new.partition(":")[0]
        index = next(i for i, old in enumerate(lines) if old.startswith(f"{field}:"))
        lines[index] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A volunteer's home folder: Etalase unpacked in ~/etalase, a photo in ~/Unduhan."""
    home = tmp_path / "rumah"
    home.mkdir()
    shutil.copytree(REPO, home / "etalase", ignore=shutil.ignore_patterns(*NOT_UNPACKED))
    (home / "Unduhan").mkdir()
    (home / "Unduhan/keset-biru.jpg").write_bytes(jpeg((640, 480), (40, 90, 200)))
    return home


def test_the_guide_runs_as_written_on_linux(home: Path, tmp_path: Path) -> None:
    bare = tmp_path / "github-toko.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(bare)], check=True)
    env = {
        **{name: value for name, value in os.environ.items() if name.startswith("PIP_")},
        "HOME": str(home), "PATH": os.environ["PATH"], "LANG": "C.UTF-8",
        "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": f"url.{bare}.insteadOf",
        "GIT_CONFIG_VALUE_0": "https://github.com/NAMA-ANDA/toko.git",
    }
    terminal = Terminal(home, env)
    ran = 0
    with FakeNetlify("TOKEN-ANDA", "SITE-ID-ANDA") as netlify:
        env["NETLIFY_API_URL"] = netlify.url
        steps = blocks()
        for block, following in zip(steps, [*steps[1:], None], strict=True):
            if block.marker.startswith("tidak diuji") or block.lang == "bat":
                continue
            if block.marker.startswith("tulis: "):
                (terminal.cwd / block.marker[7:]).write_text(block.body, encoding="utf-8")
            elif block.marker.startswith("ubah: "):
                change_lines(terminal.cwd / block.marker[6:], block.body)
            elif block.marker == "keluaran":
                for line in block.body.splitlines():
                    assert line in terminal.output.splitlines(), terminal.output
            elif block.lang == "sh":
                terminal.run(block.body, following is not None and following.marker == "keluaran")
                ran += 1
        live = {path.lstrip("/") for path in netlify.state.live_files()}
    project = home / "etalase"
    assert ran >= 12, "the guide's commands were found and run"
    assert (project / ".venv/bin/python").is_file()
    assert (project / "site.zip").is_file()
    assert "produk/keset-bulat-biru/index.html" in live
    assert "cerita/bu-sari-dan-keset-pelangi/index.html" not in live, "the story is withdrawn"
    assert len(netlify.state.deploys) == 1, "--delete-old left only the live deploy"
    published = subprocess.run(["git", "--git-dir", str(bare), "ls-tree", "-r", "--name-only",
                                "gh-pages"], capture_output=True, text=True, check=True).stdout
    assert "produk/keset-bulat-biru/index.html" in published.splitlines()


def test_the_guide_s_pictures_exist_and_are_small() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text)
    assert len(pictures) >= 3
    for picture in pictures:
        path = REPO / picture
        assert path.is_file(), picture
        assert path.stat().st_size < 80 * 1024, f"{picture}: run tools/screenshots.py"


def test_the_screenshot_script_makes_the_guide_s_pictures(tmp_path: Path) -> None:
    """tools/screenshots.py makes every picture the guide shows, from the sample site."""
    done = subprocess.run(["python", str(REPO / "tools/screenshots.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = {Path(p).name for p in re.findall(r"\]\((docs/panduan/[^)]+)\)",
                                               GUIDE.read_text(encoding="utf-8"))}
    assert shown == {p.name for p in tmp_path.glob("*.png")}


def test_the_readme_links_the_guide_and_states_python_and_the_venv() -> None:
    head = "\n".join((REPO / "README.md").read_text(encoding="utf-8").splitlines()[:20])
    assert "[PANDUAN.md](PANDUAN.md)" in head
    assert "Python ≥ 3.11" in head
    assert "python3 -m venv .venv && . .venv/bin/activate" in head
