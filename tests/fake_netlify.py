"""A local HTTP server that follows Netlify's file-digest deploy API, with fault injection.

Endpoints as documented: ``POST /api/v1/sites/{site_id}/deploys`` (answers ``required``
with the digests the site does not have), ``PUT /api/v1/deploys/{id}/files/{path}``,
``GET /api/v1/deploys/{id}`` and ``GET /api/v1/sites/{site_id}/files``. Uploaded content
is kept per site across deploys, as Netlify does, and a deploy goes live only when all of
its required files have arrived.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Fault:
    method: str  # "POST", "PUT", "GET"
    status: int | None = None  # None: drop the connection without answering
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to stall before answering normally (a slow network)


@dataclass
class State:
    token: str
    site_id: str
    blobs: dict[str, bytes] = field(default_factory=dict)
    deploys: dict[str, dict] = field(default_factory=dict)
    live: str | None = None
    uploads: list[tuple[str, str]] = field(default_factory=list)  # (path, sha)
    requests: list[str] = field(default_factory=list)
    faults: deque[Fault] = field(default_factory=deque)
    drop_puts_after: int | None = None  # the connection breaks for good after N uploads
    final_state: str = "ready"

    def live_files(self) -> dict[str, bytes]:
        if self.live is None:
            return {}
        return {path: self.blobs[sha] for path, sha in self.deploys[self.live]["files"].items()}


class Handler(BaseHTTPRequestHandler):
    state: State

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_GET(self) -> None:
        self._handle("GET")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        state = self.state
        state.requests.append(f"{method} {self.path}")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if method == "PUT" and state.drop_puts_after is not None and (
                len(state.uploads) >= state.drop_puts_after):
            return self._drop()
        if state.faults and state.faults[0].method == method:
            fault = state.faults.popleft()
            if fault.delay:
                time.sleep(fault.delay)
                return self._send(503, {"message": "too late"})
            if fault.status is None:
                return self._drop()
            return self._send(fault.status, {"message": "injected"}, fault.headers)
        if self.headers.get("Authorization") != f"Bearer {state.token}":
            return self._send(401, {"code": 401, "message": "Access Denied"})
        url = urlsplit(self.path)
        parts = [*url.path.split("/", 5), ""]  # "", api, v1, sites|deploys, id, rest
        if parts[3] == "sites" and parts[4] != state.site_id:
            return self._send(404, {"code": 404, "message": "Not Found"})
        if method == "GET" and parts[3] == "sites" and parts[5] == "":
            live = {"id": state.live} if state.live else None
            return self._send(200, {"id": state.site_id, "published_deploy": live})
        if method == "GET" and parts[3] == "sites" and parts[5] == "deploys":
            query = parse_qs(url.query)
            page, per_page = int(query["page"][0]), int(query["per_page"][0])
            ids = sorted(state.deploys, key=lambda d: int(d[1:]), reverse=True)
            chosen = ids[(page - 1) * per_page: page * per_page]
            return self._send(200, [{"id": d, "state": state.deploys[d]["state"]} for d in chosen])
        if method == "DELETE" and parts[3] == "sites" and parts[5].startswith("deploys/"):
            deploy_id = parts[5].removeprefix("deploys/")
            if deploy_id == state.live:
                return self._send(422, {"code": 422, "message": "cannot delete the live deploy"})
            del state.deploys[deploy_id]
            return self._send(204, None)
        if method == "POST" and parts[3] == "sites" and parts[5] == "deploys":
            return self._create(json.loads(body))
        if method == "PUT" and parts[3] == "deploys":
            return self._upload(parts[4], "/" + unquote(parts[5].removeprefix("files/")), body)
        if method == "GET" and parts[3] == "deploys":
            deploy = state.deploys[parts[4]]
            return self._send(200, {"id": parts[4], "state": deploy["state"]})
        if method == "GET" and parts[3] == "sites" and parts[5] == "files":
            files = state.deploys[state.live]["files"] if state.live else {}
            return self._send(200, [{"path": p, "sha": s} for p, s in files.items()])
        return self._send(404, {"code": 404, "message": "Not Found"})

    def _create(self, payload: dict) -> None:
        files = payload.get("files")
        if not isinstance(files, dict) or any("#" in p or "?" in p for p in files):
            return self._send(422, {"code": 422, "message": "Invalid files"})
        deploy_id = f"d{len(self.state.deploys) + 1}"
        required = sorted({sha for sha in files.values() if sha not in self.state.blobs})
        self.state.deploys[deploy_id] = {"files": files, "required": required,
                                         "state": "uploading"}
        self._maybe_finish(deploy_id)
        self._send(200, {"id": deploy_id, "required": required, "state": "uploading",
                         "ssl_url": f"https://{deploy_id}--site.example"})

    def _upload(self, deploy_id: str, path: str, body: bytes) -> None:
        deploy = self.state.deploys[deploy_id]
        sha = hashlib.sha1(body).hexdigest()
        if deploy["files"].get(path) != sha:
            return self._send(422, {"code": 422, "message": "sha mismatch"})
        self.state.blobs[sha] = body
        self.state.uploads.append((path, sha))
        self._maybe_finish(deploy_id)
        self._send(200, {"id": sha, "path": path})

    def _maybe_finish(self, deploy_id: str) -> None:
        deploy = self.state.deploys[deploy_id]
        if all(sha in self.state.blobs for sha in deploy["required"]):
            deploy["state"] = self.state.final_state
            if deploy["state"] == "ready":
                self.state.live = deploy_id

    def _send(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)


class FakeNetlify:
    def __init__(self, token: str = "nfp_secret_TOKEN_123", site_id: str = "site-1") -> None:
        self.state = State(token, site_id)
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeNetlify:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
