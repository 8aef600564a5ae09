"""Secrets and odd inputs: each is refused in plain words, or handled, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etalase.deploy import netlify
from etalase.serve import Preview
from tests.conftest import PRODUCT_YAML, REPO, SITE_YAML, run
from tests.fake_netlify import FakeNetlify, Fault

P, S = "content/products/keset.yaml", "content/site.yaml"


def plain_failure(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    return result.output.splitlines()


def test_a_token_with_a_line_break_is_refused_and_never_shown(site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with FakeNetlify("nfp_secret_TOKEN_123") as api:
        monkeypatch.setenv("NETLIFY_AUTH_TOKEN", "nfp_secret_TOKEN_123\nX-Evil: 1")
        monkeypatch.setenv("NETLIFY_SITE_ID", "site-1")
        monkeypatch.setenv("NETLIFY_API_URL", api.url)
        result = run(site(), "deploy")
        assert not api.state.deploys, "nothing was sent"
    lines = plain_failure(result)
    assert "nfp_secret" not in result.output and "X-Evil" not in result.output
    assert any("NETLIFY_AUTH_TOKEN memuat spasi, baris baru" in line for line in lines)


@pytest.mark.parametrize("template", ["{product:>999999999999999999999}", "{product:>50000000}",
                                      "{price!r}"])
def test_order_message_format_specs_are_refused_by_check(site, template: str) -> None:  # type: ignore[no-untyped-def]
    root = site({S: SITE_YAML + f'order_message: "Pesan {template}"\n'})
    lines = plain_failure(run(root, "check"))
    name = template[1:].split(":")[0].split("!")[0]
    assert (f"masalah: {S}:6: order_message memakai {template}: tanda : atau ! di dalam kurung "
            f"kurawal tidak bisa dipakai — tulis {{{name}}} saja") in lines


@pytest.mark.parametrize(("value", "message"), [
    ('"https://toko.example.org\\nX: 1"', "isian ini memuat tab atau baris baru (U+000A)"),
    ("http://toko.example.org", 'base_url "http://toko.example.org" bukan alamat https lengkap'),
    ("https://volunteer:rahasia@toko.example.org",
     'base_url "https://volunteer:rahasia@toko.example.org" bukan alamat https lengkap'),
    ("https://toko example.org", 'base_url "https://toko example.org" bukan alamat https'),
])
def test_base_url_is_a_plain_https_address(site, value: str, message: str) -> None:  # type: ignore[no-untyped-def]
    yaml = SITE_YAML.replace("base_url: https://toko.example.org", f"base_url: {value}")
    lines = plain_failure(run(site({S: yaml}), "check"))
    assert any(line.startswith(f"masalah: {S}:3: {message}") for line in lines), lines


@pytest.mark.parametrize(("written", "code", "kind"), [
    ('name: "Keset\\u202eBulat"', "U+202E", "pembalik arah"),
    ('name: "Keset\\u2066Bulat"', "U+2066", "pembalik arah"),
    ('name: "Keset\\x00Bulat"', "U+0000", "kendali"),
    ('name: "Keset\\tBulat"', "U+0009", "tab atau baris baru"),
    ("name: Keset\u202bBulat", "U+202B", "pembalik arah"),
    ("name: Keset\x1bBulat", "U+001B", "kendali"),
])
def test_control_and_bidi_characters_in_text_are_errors(site, written: str, code: str,
                                                        kind: str) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML.replace("name: Keset Bulat", written)})
    lines = plain_failure(run(root, "check"))
    assert any(line.startswith(f"masalah: {P}:1: ") and code in line and kind in line
               for line in lines), lines


def test_markdown_keeps_tabs_and_line_breaks(site) -> None:  # type: ignore[no-untyped-def]
    root = site({P: PRODUCT_YAML + 'description: "Baris satu\\n\\n\\tBaris dua"\n'})
    assert run(root, "check").exit_code == 0


@pytest.mark.parametrize("after", ["soon", "-5", "", "Thu, 99 Foo 2026"])
def test_an_unreadable_retry_after_means_the_default_delay(site, monkeypatch, after: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(netlify, "RETRY_DEFAULT", 0.05)
    root = site()
    assert run(root, "build").exit_code == 0
    with FakeNetlify("nfp_x") as api:
        api.state.faults.extend([Fault("POST", 429, {"Retry-After": after}),
                                 Fault("PUT", 503, {"Retry-After": after})])
        made = netlify.Client(netlify.Target("site-1", "nfp_x", api.url), "id", retries=3,
                              backoff=0.01)
        made.poll_seconds = 0.01
        lines = list(netlify.publish(root / "build", made))
        assert lines[-1].startswith("ready") and not api.state.faults


@pytest.mark.parametrize("path", [
    pytest.param("/produk/\x00", id="nul"), pytest.param("/produk/%00", id="percent-nul"),
    pytest.param("/" + "a" * 5000, id="long"), pytest.param("/produk/" + "b" * 300 + "/",
                                                         id="long-name"),
    pytest.param("/" + "c/" * 3000, id="deep")])
def test_serve_answers_odd_paths_with_not_found(site, path: str) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    answered: list[str] = []
    body = Preview(root)({"PATH_INFO": path}, lambda status, headers: answered.append(status))
    assert answered == ["404 Not Found"] and b"".join(body)


WORKERS = """
import os, sys, time
from etalase.parallel import in_forked_chunks

def work(chunk):
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: two workers' lines never mix
    time.sleep(600)  # busy when the build is killed

in_forked_chunks(work, list(range(8)), 1)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not Path("/proc").is_dir(),
                    reason="forked workers need two cores; /proc shows them")
def test_workers_exit_when_the_build_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", WORKERS], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert parent.stdout is not None
    workers = {int(parent.stdout.readline()) for _ in range(2)}
    assert parent.pid not in workers and all(alive(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "orphaned workers kept running"
