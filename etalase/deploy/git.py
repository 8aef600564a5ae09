"""``deploy --to git``: commit ``build/`` to a branch (default ``gh-pages``) of a remote.

The commit is made in a throw-away repository with the build folder as its work tree, so
the volunteer's own repository, branch and files are never touched. A build identical to
what the branch already holds makes no new commit.

Each deploy is one commit without a parent, force-pushed over the branch: the branch never
holds an older build, so a withdrawn story is in none of its objects after the next deploy.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from etalase import messages
from etalase.deploy import PublishError, site_files

IDENTITY = {"GIT_AUTHOR_NAME": "Etalase", "GIT_AUTHOR_EMAIL": "etalase@localhost",
            "GIT_COMMITTER_NAME": "Etalase", "GIT_COMMITTER_EMAIL": "etalase@localhost"}


def remote_url(root: Path, remote: str, lang: str) -> str:
    """A remote name of the site's repository ("origin"), or a URL/path used as it is."""
    if "/" in remote or ":" in remote:
        return remote
    found = subprocess.run(["git", "-C", str(root), "remote", "get-url", remote],
                           capture_output=True, text=True)
    if found.returncode != 0:
        raise PublishError("deploy.git_remote", lang, remote=remote)
    return found.stdout.strip()


def publish(build_dir: Path, url: str, branch: str, message: str, lang: str,
            dry_run: bool = False) -> Iterator[str]:
    """Says which branch of which remote it replaces first; ``dry_run`` reads the remote
    and makes the commit locally, but pushes nothing."""
    files = site_files(build_dir, lang)
    yield messages.text("deploy.git_target", lang, {"branch": branch, "url": shown(url)})[0]
    with tempfile.TemporaryDirectory(prefix="etalase-git-") as scratch:
        git = _runner(Path(scratch), build_dir.resolve(), lang)
        git("init", "-q")
        parent = _fetch(git, url, branch)
        git("add", "--all", "--force", ".")
        tree = git("write-tree")
        if parent and git("rev-parse", f"{parent}^{{tree}}") == tree:
            yield f"{branch}: {parent[:10]} ({len(files)} files, unchanged)"
            return
        commit = git("commit-tree", tree, "-m", message)  # no parent: no history
        if dry_run:
            yield messages.text("deploy.git_dry_run", lang, {"count": len(files)})[0]
            return
        git("push", "--quiet", "--force", url, f"{commit}:refs/heads/{branch}")
        yield f"{branch}: {commit[:10]} ({len(files)} files)"


def shown(text: str) -> str:
    """A URL (or git's message naming one) without the credentials it may carry."""
    return re.sub(r"//[^/@\s]+@", "//***@", text)


def _fetch(git, url: str, branch: str) -> str | None:  # type: ignore[no-untyped-def]
    """The branch's current commit on the remote, or None for a new branch."""
    heads = git("ls-remote", "--heads", url, branch)
    if not heads:
        return None
    git("fetch", "--quiet", "--depth=1", url, branch)
    return git("rev-parse", "FETCH_HEAD")


def _runner(git_dir: Path, work_tree: Path, lang: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, **IDENTITY, "GIT_DIR": str(git_dir / ".git"),
           "GIT_WORK_TREE": str(work_tree), "GIT_TERMINAL_PROMPT": "0"}

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=work_tree, env=env, capture_output=True,
                              text=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            detail = shown(last)
            raise PublishError("deploy.git_failed", lang, command=args[0], detail=detail)
        return done.stdout.strip()

    return git
