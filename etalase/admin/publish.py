""""Terbitkan": the site goes live the way it is set up to, with progress in plain words.

With a Netlify token in the server's environment the built site is sent to Netlify in a
background thread, and the page follows it (a refresh every two seconds, no JavaScript
needed). Without one, the site is packed into a zip for Netlify Drop. The site sent is
a copy of ``build/`` taken right after a fresh build, so a save made while it uploads
changes nothing of what is sent. The token is never shown: Netlify's client hides it,
and only the deploy's own messages are.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from etalase.admin.words import t
from etalase.deploy import PublishError

SNAPSHOT = ".etalase-cache/publish"
ZIP_NAME = "site.zip"


@dataclass
class Job:
    """One publish: its plain-word progress lines and how it ended."""

    lines: list[str] = field(default_factory=list)
    state: str = "idle"  # idle, running, done, failed
    url: str | None = None
    counting: int | None = None  # the line that counts uploaded files


def netlify_client(root: Path, lang: str):  # type: ignore[no-untyped-def]
    """A Netlify client when the server's environment has a token and a site, else None."""
    from etalase.cli import _netlify_client
    from etalase.config import load_config
    from etalase.errors import Report

    config = load_config(root, Report())
    if config is None or not os.environ.get("NETLIFY_AUTH_TOKEN", "").strip():
        return None
    try:
        return _netlify_client(config, lang)
    except PublishError:
        return None


def snapshot(build_dir: Path, root: Path) -> Path:
    """A copy of the built site (hard links: the build replaces files, never rewrites
    them), which the upload reads while the preview goes on rebuilding."""
    target = root / SNAPSHOT
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(build_dir, target, copy_function=link)
    return target


class Publisher:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.job = Job()
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self.job.state == "running"

    def to_netlify(self, site: Path, client, lang: str, delete_old: bool) -> None:  # type: ignore[no-untyped-def]
        with self._lock:
            if self.running:
                return
            self.job = Job(state="running", lines=[t("publish.started", lang)])
        thread = threading.Thread(target=self._run, args=(self.job, site, client, lang,
                                                          delete_old), daemon=True)
        thread.start()

    def _run(self, job: Job, site: Path, client, lang: str, delete_old: bool) -> None:  # type: ignore[no-untyped-def]
        from etalase.deploy import netlify

        try:
            for line in netlify.publish(site, client):
                _follow(job, line, lang)
            if delete_old:
                for line in netlify.delete_old(client):
                    _follow(job, line, lang)
        except PublishError as failure:
            job.lines.append(failure.format_message())
            job.state = "failed"
        except Exception:  # a network that fails in a way the client does not name
            job.lines.append(t("publish.network", lang))
            job.state = "failed"
        else:
            job.state = "done"

    def to_zip(self, site: Path, lang: str) -> Path:
        from etalase.deploy import archive

        target = self.root / ZIP_NAME
        for _ in archive.publish(site, target, lang):
            pass
        self.job = Job(state="done", lines=[t("publish.zip_ready", lang)])
        return target


_PLAN = re.compile(r"deploy \S+: (\d+) files, (\d+) to upload")
_SENT = re.compile(r"\[(\d+)/(\d+)\] ")
_READY = re.compile(r"ready: (\S+)")
_DELETED = re.compile(r"(\d+) old deploys deleted")


def _follow(job: Job, line: str, lang: str) -> None:
    """A deploy's progress line, told in plain words (an upload's count replaces the last)."""
    if match := _PLAN.match(line):
        job.lines.append(t("publish.plan", lang, files=match[1], todo=match[2]))
    elif match := _SENT.match(line):
        said = t("publish.sent", lang, done=match[1], total=match[2])
        if job.counting is None:
            job.counting = len(job.lines)
            job.lines.append(said)
        job.lines[job.counting] = said
    elif match := _READY.match(line):
        job.url = match[1]
        job.lines.append(t("publish.ready", lang, url=match[1]))
    elif match := _DELETED.match(line):
        job.lines.append(t("publish.deleted_old", lang, count=match[1]))
