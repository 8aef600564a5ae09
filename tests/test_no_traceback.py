"""Nothing a volunteer can do shows a traceback: problems are `path[:line]: …` lines."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from tests.conftest import PRODUCT_YAML, run, snapshot

P = "content/products/keset.yaml"


def test_files_differing_only_in_case_are_one_clear_collision(site) -> None:  # type: ignore[no-untyped-def]
    """A whole-file problem (the collision) and a line problem in one file used to crash
    the sorting of problems with a TypeError."""
    upper, lower = "content/products/Keset-Bulat-Uji.yaml", "content/products/keset-bulat-uji.yaml"
    root = site({upper: PRODUCT_YAML, lower: PRODUCT_YAML + "weight: abc\n"})
    result = run(root, "check")
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.output.splitlines()
    assert (f"masalah: {lower}: nama file ini hanya beda huruf besar/kecil dengan {upper}, jadi "
            "alamat halamannya sama (/keset-bulat-uji/) — hapus salah satu, atau beri nama lain; "
            "di Windows dan Mac keduanya bahkan dianggap file yang sama") in lines
    whole, line = (lines.index(x) for x in lines if x.startswith(f"masalah: {lower}"))
    assert whole < line, "a file's whole-file problem comes before its line problems"


def test_serve_on_a_busy_port_names_a_free_one(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = run(root, "serve", "--port", str(port))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    match = re.search(rf"port {port} sudah dipakai — coba --port (\d+)", result.output)
    assert match, result.output
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", int(match.group(1))))  # the suggested port is free
    assert not (Path(root) / "build").exists(), "nothing was built before refusing"


def test_serve_on_an_impossible_port_or_host_is_plain(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    result = run(root, "serve", "--port", "99999")
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = run(root, "serve", "--host", "192.0.2.1")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "tidak bisa membuka pratinjau di 192.0.2.1" in result.output
    assert snapshot(root / "content")


# --- Random bad edits: whatever a volunteer breaks, the answer is plain lines -------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import write_site  # noqa: E402

S, STORY = "content/site.yaml", "content/stories/bu-sari.md"
STORY_MD = """\
---
title: Menjahit bersama
member: Bu Sari
date: 2026-09-14
consent: true
products:
  - keset
---
Cerita **pendek**.
"""
GOOD = {S: "title: Toko Uji\nbase_url: https://toko.example.org\nwhatsapp: \"0812-3456-7890\"\n"
        "order_message: \"Saya mau {product}\"\n", P: PRODUCT_YAML, STORY: STORY_MD}
# Each of these alone makes the site fail: a wrong value for a key, or a broken file.
BAD_VALUES = {
    P: {"price": ["25.000", "Rp 5000", "-1", "yes", '""', "[1, 2]"], "name": ['""', "[a, b]"],
        "category": ["{a: b}", '""'], "images": ["images/tidak-ada.jpg", "../luar.jpg"]},
    STORY: {"date": ["kemarin", "2026-13-45"], "title": ["[x]", '""'],
            "products": ["[tidak-ada]"]},
    S: {"base_url": ["http://toko.example", "toko.example"], "whatsapp": ['"123"', "12345"],
        "language": ["jv"], "order_message": ['"{harga}"', '"{product:>99}"', '"{"']},
}
WHOLE_FILE = [b"", b"- a\n- b\n", b"\xff\xfe\x00", b"---\n", b"key: [unclosed\n"]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NEW_FILES = ["content/products/Keset.yaml", "content/products/keset copy.yaml",
             "content/products/baru.yml", "content/products/catatan.txt",
             "content/stories/bu-sari (1).md", "content/products/-.yaml"]


@st.composite
def bad_edit(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file made wrong for sure: a bad value for a key, or a broken whole file."""
    rel = draw(st.sampled_from(sorted(GOOD)))
    if draw(st.booleans()):
        return rel, draw(st.sampled_from(WHOLE_FILE))
    key = draw(st.sampled_from(sorted(BAD_VALUES[rel])))
    value = draw(st.sampled_from(BAD_VALUES[rel][key]))
    lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line
             for line in GOOD[rel].splitlines()]
    return rel, ("\n".join(lines) + "\n").encode()


@st.composite
def random_edit(draw: st.DrawFn, text: bytes) -> bytes:
    """Any change at all to a file: it may or may not still be right."""
    at = draw(st.integers(0, len(text)))
    kind = draw(st.sampled_from(["insert", "cut", "bytes", "value", "line"]))
    if kind == "insert":
        return text[:at] + draw(TEXT).encode() + text[at:]
    if kind == "cut":
        return text[:at]
    if kind == "bytes":
        return text[:at] + draw(st.binary(max_size=8)) + text[at:]
    lines = text.decode(errors="replace").splitlines(keepends=True)
    row = draw(st.integers(0, max(len(lines) - 1, 0)))
    if lines and kind == "value" and ":" in lines[row]:
        lines[row] = lines[row].split(":", 1)[0] + ": " + draw(TEXT) + "\n"
    elif lines:
        lines.insert(row, lines[row])  # a line twice: often a duplicate key
    return "".join(lines).encode()


@st.composite
def broken_site(draw: st.DrawFn) -> dict[str, bytes]:
    """The good site with one sure break and random edits to other files."""
    rel, broken = draw(bad_edit())
    files = {name: text.encode() for name, text in GOOD.items()}
    files[rel] = broken
    for name in draw(st.lists(st.sampled_from(sorted(set(GOOD) - {rel})), unique=True)):
        files[name] = draw(random_edit(files[name]))
    for name in draw(st.lists(st.sampled_from(NEW_FILES), max_size=2, unique=True)):
        files[name] = draw(random_edit(GOOD[P].encode()))
    return files


LINE = re.compile(r"^(masalah|peringatan|catatan|error|warning|note): "
                  r"(content|themes)/[^\n:]+(:\d+)?: \S")
SUMMARY = re.compile(r"^\d+ (masalah di \d+ file|problem\(s\) in \d+ file\(s\)) — ")


@given(files=broken_site())
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_bad_edits_give_plain_lines_and_keep_build(tmp_path_factory, files) -> None:  # type: ignore[no-untyped-def]
    root = _built_site(tmp_path_factory)
    for extra in NEW_FILES:
        (root / extra).unlink(missing_ok=True)
    write_site(root, {**{k: v.encode() for k, v in GOOD.items()}, **files})
    before, content = snapshot(root / "build"), snapshot(root / "content")
    for command in ("check", "build"):
        result = run(root, command)
        assert isinstance(result.exception, SystemExit), (command, files, result.output)
        assert result.exit_code == 1, (command, files, result.output)
        *lines, summary = result.output.splitlines()
        assert SUMMARY.match(summary), result.output
        assert all(LINE.match(line) for line in lines), result.output
    assert snapshot(root / "build") == before
    assert snapshot(root / "content") == content


_BUILT: dict[str, Path] = {}


def _built_site(factory) -> Path:  # type: ignore[no-untyped-def]
    """One good site with a build, shared by every example (each rewrites its files)."""
    if "root" not in _BUILT:
        root = write_site(factory.mktemp("fuzz") / "site", dict(GOOD))
        result = run(root, "build")
        assert result.exit_code == 0, result.output
        _BUILT["root"] = root
    return _BUILT["root"]


def test_the_command_ends_with_the_builds_outcome(site) -> None:  # type: ignore[no-untyped-def]
    """A build ends its process at once (without freeing its memory object by object):
    its last words still reach the volunteer, and the exit status tells the outcome."""
    import subprocess
    import sys

    from tests.conftest import REPO

    root = site()
    command = [sys.executable, str(REPO / "site.py"), "build", "--root", str(root)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: "), done.stdout
    (root / P).write_text(PRODUCT_YAML.replace("price: ", "price: [", 1), "utf-8")
    failed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    assert f"masalah: {P}:" in failed.stderr + failed.stdout
    assert "Traceback" not in failed.stderr
