"""The admin's door on the preview server (tornado): a request too big to be a form with
photos is refused before its body is read, with a page in plain words.

tornado reads a whole request body into memory (up to 100 MB) before any WSGI app
sees it. In front of ``/admin/``, this handler reads the body itself: a request whose
Content-Length is over the admin's limit is answered at once and its body never read;
a body that turns out longer than it said (or is sent in chunks with no length) is
refused as soon as it passes the limit, and the rest is never kept. Everything else goes
on, with its body, to the admin's WSGI app as before.
"""

from __future__ import annotations

from typing import Any

from tornado import httputil, web

from etalase.admin.auth import PREFIX
from etalase.admin.web import MAX_BODY, Response


def declared_length(headers: httputil.HTTPHeaders) -> int | None:
    """The Content-Length a request announces; None when it announces none."""
    value = headers.get("Content-Length")
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:  # tornado refuses a malformed length itself, before this
        return None


@web.stream_request_body
class AdminGate(web.RequestHandler):
    """Streams an admin request's body in, up to :data:`MAX_BODY`; then hands the whole
    request to ``fallback`` (the WSGI container), as tornado's FallbackHandler does."""

    def initialize(self, fallback: Any, too_big: Any) -> None:  # type: ignore[override]
        self.fallback = fallback
        self.too_big = too_big  # () -> Response: the admin's page for it
        self.chunks: list[bytes] = []
        self.size = 0

    def prepare(self) -> None:
        length = declared_length(self.request.headers)
        if length is not None and length > MAX_BODY:
            self.refuse()

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return  # refused already: the rest is dropped, never kept
        self.size += len(chunk)
        if self.size > MAX_BODY:
            self.chunks = []
            self.refuse()
            return
        self.chunks.append(chunk)

    def refuse(self) -> None:
        """Answers with the admin's page and closes the connection (tornado then stops
        reading: the body, or what is left of it, is never read)."""
        response: Response = self.too_big(self.request.path)
        status, _, reason = response.status.partition(" ")
        self.set_status(int(status), reason)
        self.clear_header("Content-Type")
        for name, value in response.headers:
            self.add_header(name, value)
        self.set_header("Connection", "close")
        self.finish(response.body)

    def hand_over(self, *args: str) -> None:
        self.request.body = b"".join(self.chunks)
        self.chunks = []
        self.fallback(self.request)
        self._finished = True
        self.on_finish()

    get = post = put = delete = patch = head = options = hand_over  # type: ignore[assignment]


def routes(fallback: Any, too_big: Any) -> list[tuple[str, type, dict[str, Any]]]:
    """The rule to put before the preview's own: every admin URL goes through the gate."""
    return [(rf"{PREFIX}(?:/.*)?", AdminGate, {"fallback": fallback, "too_big": too_big})]
