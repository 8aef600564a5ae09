"""Publishing: Netlify's API (against a local server that follows it), git, zip."""

from __future__ import annotations

import logging
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from urllib3.util import Timeout

from etalase.deploy import PublishError, netlify
from tests.conftest import PRODUCT_YAML, run, snapshot
from tests.fake_netlify import FakeNetlify, Fault

TOKEN = "nfp_secret_TOKEN_123"


@pytest.fixture
def api():  # type: ignore[no-untyped-def]
    with FakeNetlify(TOKEN) as server:
        yield server


@pytest.fixture
def env(api: FakeNetlify, monkeypatch: pytest.MonkeyPatch) -> FakeNetlify:
    monkeypatch.setenv("NETLIFY_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("NETLIFY_SITE_ID", "site-1")
    monkeypatch.setenv("NETLIFY_API_URL", api.url)
    return api


def client(api: FakeNetlify, token: str = TOKEN) -> netlify.Client:
    made = netlify.Client(netlify.Target("site-1", token, api.url), "id", retries=3,
                          backoff=0.01)
    made.poll_seconds = 0.01
    return made


def built(site) -> Path:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    return root


def served(api: FakeNetlify, build_dir: Path) -> None:
    """The live site is exactly the build."""
    files = {rel.lstrip("/"): data for rel, data in api.state.live_files().items()}
    assert files == {p.relative_to(build_dir).as_posix(): p.read_bytes()
                     for p in build_dir.rglob("*") if p.is_file()}


def test_deploy_uploads_the_build_then_nothing_the_second_time(site, env: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = site()
    first = run(root, "deploy")
    assert first.exit_code == 0, first.output
    assert "ready: https://" in first.output
    served(env, root / "build")
    count = len(env.state.uploads)
    assert count == len({sha for _, sha in env.state.uploads}) > 10
    second = run(root, "deploy")
    assert second.exit_code == 0 and "0 to upload" in second.output
    assert len(env.state.uploads) == count
    served(env, root / "build")
    assert TOKEN not in first.output + second.output


def test_files_sharing_content_are_all_served(api: FakeNetlify, tmp_path: Path) -> None:
    build = tmp_path / "build"
    (build / "a").mkdir(parents=True)
    for rel in ["index.html", "a/one.txt", "a/two.txt"]:
        (build / rel).write_text("same bytes")
    list(netlify.publish(build, client(api)))
    assert len(api.state.uploads) == 1
    served(api, build)


def test_dropped_connection_then_rerun_uploads_only_what_is_missing(site, api: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    old = root / "old"
    old.mkdir()
    (old / "index.html").write_text("previous version")
    list(netlify.publish(old, client(api)))
    previous = api.state.live
    api.state.drop_puts_after = len(api.state.uploads) + 3
    with pytest.raises(PublishError) as failure:
        list(netlify.publish(root / "build", client(api)))
    assert "situs masih menampilkan versi sebelumnya" in failure.value.message
    assert api.state.live == previous
    assert len(api.state.uploads) == 4
    api.state.drop_puts_after = None
    lines = list(netlify.publish(root / "build", client(api)))
    shas = [sha for _, sha in api.state.uploads]
    assert len(shas) == len(set(shas)), "nothing is uploaded twice"
    assert lines[-1].startswith("ready")
    served(api, root / "build")


def test_server_errors_and_rate_limits_are_retried(site, api: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    api.state.faults.extend([Fault("POST", 503), Fault("PUT", 500), Fault("PUT", None),
                             Fault("PUT", 429, {"Retry-After": "1"})])
    start = time.monotonic()
    list(netlify.publish(root / "build", client(api)))
    assert time.monotonic() - start >= 1.0, "Retry-After must be honoured"
    assert not api.state.faults
    served(api, root / "build")


def test_a_stalled_answer_times_out_and_is_retried(site, api: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    api.state.faults.append(Fault("PUT", delay=1.5))
    slow = netlify.Client(netlify.Target("site-1", TOKEN, api.url), "id", retries=3,
                          backoff=0.01, timeout=Timeout(connect=1, read=0.3))
    slow.poll_seconds = 0.01
    start = time.monotonic()
    list(netlify.publish(root / "build", slow))
    assert time.monotonic() - start < 1.4, "the client must not wait for the stalled answer"
    served(api, root / "build")


def test_rate_limit_reset_header_is_honoured(site, api: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    reset = str(int(time.time()) + 2)
    api.state.faults.append(Fault("POST", 429, {"X-RateLimit-Reset": reset}))
    start = time.monotonic()
    list(netlify.publish(root / "build", client(api)))
    assert time.monotonic() - start >= 0.9
    served(api, root / "build")


@pytest.mark.parametrize("status, words", [(401, "token"), (422, "422"), (400, "400")])
def test_client_errors_are_not_retried(site, api: FakeNetlify, status: int, words: str,
                                       caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    api.state.faults.append(Fault("POST", status))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(PublishError) as failure:
        list(netlify.publish(root / "build", client(api)))
    assert [r for r in api.state.requests if r.startswith("POST")] == [
        "POST /api/v1/sites/site-1/deploys"]
    assert words in failure.value.message
    assert "versi sebelumnya" in failure.value.message
    assert TOKEN not in failure.value.message + caplog.text


def test_wrong_token_ends_with_a_plain_message_and_no_token(site, env: FakeNetlify, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = built(site)
    monkeypatch.setenv("NETLIFY_AUTH_TOKEN", "nfp_WRONG_secret")
    result = run(root, "deploy", "--no-build")
    assert result.exit_code == 1
    assert "Netlify menolak token (401)" in result.output
    assert "nfp_WRONG_secret" not in result.output and "Traceback" not in result.output
    assert len(env.state.requests) == 1


def test_deploy_that_ends_in_error_keeps_the_previous_site(site, env: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "deploy").exit_code == 0
    previous = env.state.live
    (root / "content/products/tikar.yaml").write_text(PRODUCT_YAML.replace("Keset Bulat", "Tikar"))
    env.state.final_state = "error"
    result = run(root, "deploy")
    assert result.exit_code == 1
    assert "(status: error); situs masih menampilkan versi sebelumnya" in result.output
    assert env.state.live == previous


def test_names_with_hash_or_question_mark_are_refused_before_any_request(api: FakeNetlify, tmp_path: Path) -> None:
    build = tmp_path / "build"
    build.mkdir()
    (build / "index.html").write_text("x")
    (build / "harga#1.html").write_text("x")
    with pytest.raises(PublishError) as failure:
        list(netlify.publish(build, client(api)))
    assert "harga#1.html" in failure.value.message
    assert api.state.requests == []


def test_dry_run_lists_files_and_bytes_and_deploys_nothing(site, env: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = site()
    result = run(root, "deploy", "--dry-run")
    assert result.exit_code == 0, result.output
    files = [p for p in (root / "build").rglob("*") if p.is_file()]
    total = sum({p.read_bytes(): p.stat().st_size for p in files}.values())
    assert f"{len(files)} of {len(files)} files, {total} B would be uploaded" in result.output
    assert "/index.html (" in result.output
    assert env.state.deploys == {}


def test_deploy_refuses_when_check_finds_problems(site, env: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/products/keset.yaml": PRODUCT_YAML.replace("25000", "25.000")})
    result = run(root, "deploy")
    assert result.exit_code == 1 and "terbaca sebagai 25" in result.output
    assert env.state.requests == []


def test_missing_token_is_explained(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NETLIFY_AUTH_TOKEN", raising=False)
    result = run(site(), "deploy")
    assert result.exit_code == 1 and "NETLIFY_AUTH_TOKEN belum diisi" in result.output


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(site, tmp_path: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A site that is a git repository with a bare remote called origin."""
    root = site()
    bare = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=root)
    (root / ".gitignore").write_text("build/\n.etalase-cache/\n")
    git("add", "-A", cwd=root)
    git("-c", "user.name=V", "-c", "user.email=v@example.org", "commit", "-qm", "content",
        cwd=root)
    git("remote", "add", "origin", str(bare), cwd=root)
    return root, bare


def test_git_deploy_publishes_exactly_the_build_without_touching_the_work_tree(repo) -> None:  # type: ignore[no-untyped-def]
    root, bare = repo
    (root / "notes.txt").write_text("uncommitted work")  # a volunteer's unsaved change
    head, status = git("rev-parse", "HEAD", cwd=root), git("status", "--porcelain", cwd=root)
    result = run(root, "deploy", "--to", "git")
    assert result.exit_code == 0, result.output
    listed = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).splitlines())
    build = {p.relative_to(root / "build").as_posix() for p in (root / "build").rglob("*")
             if p.is_file()}
    assert listed == build
    blob = git("show", "gh-pages:index.html", cwd=bare)
    assert blob == (root / "build/index.html").read_text().rstrip("\n")
    assert git("rev-parse", "HEAD", cwd=root) == head
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=root) == "main"
    assert git("status", "--porcelain", cwd=root) == status
    assert git("branch", "--list", cwd=root) == "* main"
    again = run(root, "deploy", "--to", "git")
    assert again.exit_code == 0 and "unchanged" in again.output
    assert git("rev-list", "--count", "gh-pages", cwd=bare) == "1"


def test_git_deploy_replaces_the_branch_with_one_parentless_commit(repo) -> None:  # type: ignore[no-untyped-def]
    root, bare = repo
    assert run(root, "deploy", "--to", "git", "--branch", "pages").exit_code == 0
    (root / "content/products/tikar.yaml").write_text(PRODUCT_YAML.replace("Keset Bulat", "Tikar"))
    assert run(root, "deploy", "--to", "git", "--branch", "pages").exit_code == 0
    assert git("rev-list", "--count", "pages", cwd=bare) == "1"
    assert git("rev-list", "--parents", "-n1", "pages", cwd=bare).split() == [
        git("rev-parse", "pages", cwd=bare)], "no parent"
    assert "produk/tikar/index.html" in git("ls-tree", "-r", "--name-only", "pages", cwd=bare)


def test_a_withdrawn_story_is_in_no_object_of_the_branch_after_the_next_deploy(repo) -> None:  # type: ignore[no-untyped-def]
    """A public gh-pages branch with history would keep a withdrawn story readable."""
    root, bare = repo
    secret = "Kisah pribadi Bu Nur yang ia tarik kembali"
    story = root / "content/stories/cerita.md"
    story.parent.mkdir(exist_ok=True)
    story.write_text(STORY.format(consent="true").replace("Isi.", secret))
    assert run(root, "deploy", "--to", "git").exit_code == 0
    assert secret in reachable_text(bare, "gh-pages")
    story.write_text(STORY.format(consent="false").replace("Isi.", secret))
    result = run(root, "deploy", "--to", "git")
    assert result.exit_code == 0, result.output
    assert "Bu Nur" not in reachable_text(bare, "gh-pages")
    assert "index.html" in git("ls-tree", "--name-only", "gh-pages", cwd=bare)


def reachable_text(bare: Path, branch: str) -> str:
    """Every object reachable from the branch (all commits, trees and blobs), as text."""
    objects = [line.split()[0] for line in
               git("rev-list", "--objects", branch, cwd=bare).splitlines()]
    return "\n".join(subprocess.run(["git", "cat-file", "-p", sha], cwd=bare,
                                    capture_output=True, check=True).stdout.decode(errors="replace")
                     for sha in objects)


def test_git_dry_run_pushes_nothing_and_says_what_it_would_replace(repo) -> None:  # type: ignore[no-untyped-def]
    root, bare = repo
    result = run(root, "deploy", "--to", "git", "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"isi cabang gh-pages di {bare} akan diganti dengan build/ ini" in result.output
    assert "uji coba:" in result.output and "tidak ada yang dikirim" in result.output
    assert git("branch", "--list", cwd=bare) == "", "nothing was pushed"
    assert run(root, "deploy", "--to", "git").exit_code == 0
    live = git("rev-parse", "gh-pages", cwd=bare)
    (root / "content/products/tikar.yaml").write_text(PRODUCT_YAML.replace("Keset Bulat", "Tikar"))
    assert run(root, "deploy", "--to", "git", "--dry-run").exit_code == 0
    assert git("rev-parse", "gh-pages", cwd=bare) == live


def test_git_deploy_never_shows_a_password_in_the_remote_url(repo) -> None:  # type: ignore[no-untyped-def]
    root, _ = repo
    url = "https://volunteer:ghp_secret123@127.0.0.1:9/toko.git"  # nothing listens there
    result = run(root, "deploy", "--to", "git", "--remote", url, "--dry-run")
    assert "ghp_secret123" not in result.output
    assert "https://***@127.0.0.1:9/toko.git" in result.output


def test_zip_dry_run_writes_nothing(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    result = run(root, "deploy", "--to", "zip", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "uji coba:" in result.output and "tidak ada yang ditulis" in result.output
    assert not (root / "site.zip").exists()


def test_git_deploy_to_unknown_remote(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    result = run(root, "deploy", "--to", "git", "--remote", "upstream")
    assert result.exit_code == 1 and 'remote git "upstream" tidak ada' in result.output


def test_zip_holds_exactly_the_build(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    result = run(root, "deploy", "--to", "zip")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(root / "site.zip") as archive:
        assert archive.testzip() is None
        names = sorted(archive.namelist())
        assert "index.html" in names and not any(n.startswith("build/") for n in names)
        contents = {n: archive.read(n) for n in names}
    assert contents == {p.relative_to(root / "build").as_posix(): p.read_bytes()
                        for p in sorted((root / "build").rglob("*")) if p.is_file()}
    before = snapshot(root / "build")
    assert run(root, "deploy", "--to", "zip", "--no-build").exit_code == 0
    assert snapshot(root / "build") == before


STORY = "---\ntitle: Cerita\nmember: Bu Nur\ndate: 2026-01-02\nconsent: {consent}\n---\nIsi.\n"


def test_withdrawn_story_leaves_the_next_deploy_and_old_deploys_can_be_deleted(site, env: FakeNetlify) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/stories/cerita.md": STORY.format(consent="true")})
    assert run(root, "deploy").exit_code == 0
    assert "/cerita/cerita/index.html" in env.state.live_files()
    (root / "content/stories/cerita.md").write_text(STORY.format(consent="false"))
    assert run(root, "deploy").exit_code == 0
    live = env.state.live
    assert not [p for p in env.state.live_files() if p.startswith("/cerita/cerita/")]
    assert len(env.state.deploys) == 2
    dry = run(root, "deploy", "--delete-old", "--dry-run")
    assert dry.exit_code == 0 and "would delete d1" in dry.output
    assert len(env.state.deploys) == 2
    result = run(root, "deploy", "--delete-old")
    assert result.exit_code == 0, result.output
    assert "deleted d1" in result.output
    assert list(env.state.deploys) == [live]
    assert env.state.live == live
