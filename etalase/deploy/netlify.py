"""``deploy`` to Netlify through its file-digest API.

1. ``POST /api/v1/sites/{site_id}/deploys`` with ``{"files": {"/path": sha1}}``; Netlify
   answers with the deploy and the digests it does not have yet (``required``).
2. ``PUT /api/v1/deploys/{deploy_id}/files/{path}`` once for each required digest.
3. ``GET /api/v1/deploys/{deploy_id}`` until its state is ``ready`` or ``error``.

Netlify keeps what was uploaded, so running again after a dropped connection uploads only
what is still missing, and the live site keeps the previous deploy until the new one is
ready. Network errors, 5xx and 429 are retried with capped, jittered backoff (honouring
``Retry-After`` and ``X-RateLimit-Reset``); other 4xx are final. The token only ever goes
into the ``Authorization`` header: no message, log or traceback includes it.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote

import urllib3
from urllib3.exceptions import HTTPError
from urllib3.util import Retry, Timeout

from etalase.deploy import PublishError, SiteFile, site_files

API_URL = "https://api.netlify.com"
TIMEOUT = Timeout(connect=10, read=60)
POLL_SECONDS = 2.0
RETRY_DEFAULT = 2.0  # seconds to wait when a Retry-After cannot be read
POLL_LIMIT = 600.0  # seconds to wait for Netlify to process a deploy
FINAL = {400: "deploy.netlify_400", 401: "deploy.netlify_401", 403: "deploy.netlify_401",
         404: "deploy.netlify_404", 422: "deploy.netlify_422"}


class _Retry(Retry):
    """urllib3's retry, also reading Netlify's ``X-RateLimit-Reset`` (epoch seconds)."""

    def get_retry_after(self, response):  # type: ignore[no-untyped-def]
        after = super().get_retry_after(response)
        reset = response.headers.get("X-RateLimit-Reset")
        if after is None and reset and reset.isdigit():
            after = max(0.0, int(reset) - time.time())
        return None if after is None else min(after, self.DEFAULT_BACKOFF_MAX)

    def parse_retry_after(self, retry_after: str) -> float:
        """Seconds or an HTTP date; anything else ("soon", "-5") means the default delay."""
        text = retry_after.strip()
        if text.isascii() and text.isdigit():
            return float(text)
        try:
            return max(0.0, parsedate_to_datetime(text).timestamp() - time.time())
        except (TypeError, ValueError, OverflowError):
            return RETRY_DEFAULT


def token_is_plain(token: str) -> bool:
    """Netlify's tokens are letters, digits, ``_`` and ``-``; anything else (a line break or
    space from pasting) would break, or add to, the request's headers."""
    return re.fullmatch(r"[A-Za-z0-9_.~+/=-]+", token) is not None


@dataclass(frozen=True)
class Target:
    site_id: str
    token: str
    api_url: str = API_URL

    def __repr__(self) -> str:  # never show the token, even in a debugger or traceback
        return f"Target(site_id={self.site_id!r}, api_url={self.api_url!r})"


class Client:
    def __init__(self, target: Target, lang: str, retries: int = 6, backoff: float = 0.5,
                 timeout: Timeout = TIMEOUT) -> None:
        self.target, self.lang = target, lang
        retry = _Retry(
            total=retries, connect=retries, read=retries, status=retries,
            backoff_factor=backoff, backoff_max=30, backoff_jitter=backoff,
            status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None,
            respect_retry_after_header=True, raise_on_status=False,
        )
        self.http = urllib3.PoolManager(retries=retry, timeout=timeout)
        self.poll_seconds = POLL_SECONDS

    def call(self, method: str, path: str, body: bytes | None = None,
             content_type: str = "application/json") -> dict:
        headers = {"Authorization": f"Bearer {self.target.token}", "Content-Type": content_type,
                   "User-Agent": "etalase"}
        try:
            response = self.http.request(method, self.target.api_url.rstrip("/") + path,
                                         body=body, headers=headers)
        except HTTPError as exc:
            raise PublishError("deploy.network", self.lang, reason=type(exc).__name__) from None
        if response.status >= 400:
            key = FINAL.get(response.status, "deploy.netlify_status")
            raise PublishError(key, self.lang, status=response.status)
        return json.loads(response.data or b"{}")


def digests(files: list[SiteFile]) -> dict[str, str]:
    return {"/" + f.rel: hashlib.sha1(f.path.read_bytes()).hexdigest() for f in files}


def plan(build_dir: Path, lang: str) -> tuple[list[SiteFile], dict[str, str]]:
    files = site_files(build_dir, lang)
    return files, digests(files)


def publish(build_dir: Path, client: Client, dry_run: bool = False) -> Iterator[str]:
    files, shas = plan(build_dir, client.lang)
    site = quote(client.target.site_id, safe="")
    if dry_run:
        yield from _dry_run(client, site, files, shas)
        return
    deploy = client.call("POST", f"/api/v1/sites/{site}/deploys",
                         json.dumps({"files": shas}).encode())
    deploy_id = quote(str(deploy["id"]), safe="")
    required = set(deploy.get("required") or [])
    by_sha = {sha: path for path, sha in shas.items()}  # one upload per distinct content
    todo = [(path, sha) for sha, path in sorted(by_sha.items(), key=lambda i: i[1])
            if sha in required]
    yield f"deploy {deploy['id']}: {len(files)} files, {len(todo)} to upload"
    sizes = {"/" + f.rel: f.path for f in files}
    for done, (path, _) in enumerate(todo, 1):
        data = sizes[path].read_bytes()
        client.call("PUT", f"/api/v1/deploys/{deploy_id}/files{quote(path)}", data,
                    "application/octet-stream")
        yield f"[{done}/{len(todo)}] {path} ({len(data)} B)"
    state = _wait(client, deploy_id)
    if state != "ready":
        raise PublishError("deploy.netlify_failed", client.lang, state=state)
    yield f"ready: {deploy.get('ssl_url') or deploy.get('url') or deploy['id']}"


def _dry_run(client: Client, site: str, files: list[SiteFile],
             shas: dict[str, str]) -> Iterator[str]:
    """What would be uploaded, asking Netlify which digests it already has (no deploy)."""
    known = {f.get("sha") for f in _current_files(client, site)}
    paths = {"/" + f.rel: f.path for f in files}
    missing = sorted(path for path, sha in shas.items() if sha not in known)
    sizes = {shas[path]: paths[path].stat().st_size for path in missing}  # once per content
    for path in missing:
        yield f"{path} ({sizes[shas[path]]} B)"
    yield f"{len(missing)} of {len(files)} files, {sum(sizes.values())} B would be uploaded"


def _current_files(client: Client, site: str) -> list[dict]:
    try:
        return client.call("GET", f"/api/v1/sites/{site}/files")  # type: ignore[return-value]
    except PublishError:
        return []  # a new site: everything would be uploaded


def delete_old(client: Client, dry_run: bool = False) -> Iterator[str]:
    """Deletes every deploy of the site except the live one.

    Netlify keeps each old deploy reachable at its own address
    (``https://<deploy-id>--<site>.netlify.app``), so a withdrawn story stays online there
    until those deploys are gone. The API does not list an old deploy's files, so all of
    them go; the live site is untouched, only the rollback history is lost.
    """
    site = quote(client.target.site_id, safe="")
    live = (client.call("GET", f"/api/v1/sites/{site}").get("published_deploy") or {}).get("id")
    if not live:
        raise PublishError("deploy.no_live", client.lang)
    old = [d["id"] for d in _all_deploys(client, site) if d["id"] != live]
    for deploy_id in old:
        if not dry_run:
            client.call("DELETE", f"/api/v1/sites/{site}/deploys/{quote(deploy_id, safe='')}")
        yield f"{'would delete' if dry_run else 'deleted'} {deploy_id}"
    yield f"{len(old)} old deploys {'would be ' if dry_run else ''}deleted; live: {live}"


def _all_deploys(client: Client, site: str, per_page: int = 100) -> list[dict]:
    deploys: list[dict] = []
    for page in range(1, 1000):
        batch = client.call("GET", f"/api/v1/sites/{site}/deploys?page={page}&per_page={per_page}")
        deploys += batch  # type: ignore[arg-type]
        if len(batch) < per_page:
            break
    return deploys


def _wait(client: Client, deploy_id: str) -> str:
    deadline = time.monotonic() + POLL_LIMIT
    while True:
        state = client.call("GET", f"/api/v1/deploys/{deploy_id}").get("state", "")
        if state in ("ready", "error") or time.monotonic() > deadline:
            return state or "unknown"
        time.sleep(client.poll_seconds)
