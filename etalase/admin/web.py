"""Requests and responses for the admin, on plain WSGI.

Form bodies are parsed in memory only: an uploaded photo still carries its GPS position,
so its bytes must never reach a temporary file. The preview server (tornado) reads the
whole body into memory and hands it over as ``wsgi.input``; ``multipart``'s push parser
turns it into fields and files without any disk, unlike parsers that spool large parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

import multipart

MAX_UPLOAD = 40 * 1024 * 1024  # one photo; phones write 3-12 MB
MAX_BODY = MAX_UPLOAD + 1024 * 1024  # a whole form: its photos, and room for the fields
MAX_FILES = 8
LIMIT_MB = MAX_UPLOAD // (1024 * 1024)  # as the messages say it


class BadRequest(Exception):
    """A request the admin refuses; ``key`` names the explanation in :mod:`words`."""

    def __init__(self, status: str, key: str, **args: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.values = status, key, args


@dataclass(frozen=True)
class Upload:
    name: str  # the form field
    filename: str
    data: bytes


@dataclass
class Form:
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[Upload] = field(default_factory=list)

    def get(self, key: str, default: str = "") -> str:
        values = self.fields.get(key)
        return values[0] if values else default

    def all(self, key: str) -> list[str]:
        return self.fields.get(key, [])

    def add(self, key: str, value: str) -> None:
        self.fields.setdefault(key, []).append(value)


class Request:
    def __init__(self, environ: dict[str, Any]) -> None:
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET").upper()
        self.path = environ.get("PATH_INFO") or "/"
        self.query = Form()
        for key, value in parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True):
            self.query.add(key, value)
        self._form: Form | None = None

    @property
    def host(self) -> str:
        return str(self.environ.get("HTTP_HOST") or "")

    @property
    def origin(self) -> str:
        """The origin the browser says the request came from ("" when it says none)."""
        return str(self.environ.get("HTTP_ORIGIN") or "")

    @property
    def own_origin(self) -> str:
        scheme = self.environ.get("wsgi.url_scheme", "http")
        return f"{scheme}://{self.host}"

    def _read_body(self) -> bytes:
        """The body, refused unread when it says it is over the limit, and refused when
        it turns out longer than that (a server may pass a chunked body on unannounced)."""
        try:
            length = int(self.environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("400 Bad Request", "request.bad_form") from None
        if length > MAX_BODY:
            raise too_big()
        stream = self.environ["wsgi.input"]
        if not length and not self.environ.get("wsgi.input_terminated"):
            return b""  # no length, and no promise that reading ends: no body
        body = stream.read(length) if length else stream.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            raise too_big()
        return body

    def cookie(self, name: str) -> str | None:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(self.environ.get("HTTP_COOKIE", ""))
        except Exception:  # a malformed header is no session
            return None
        morsel = jar.get(name)
        return morsel.value if morsel else None

    def form(self) -> Form:
        if self._form is None:
            self._form = self._read_form()
        return self._form

    def _read_form(self) -> Form:
        body = self._read_body()
        kind, options = multipart.parse_options_header(self.environ.get("CONTENT_TYPE", ""))
        if kind == "multipart/form-data":
            return parse_multipart(body, options.get("boundary", ""))
        form = Form()
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            form.add(key, value)
        return form


def too_big() -> BadRequest:
    """A request over :data:`MAX_BODY`: nothing of it is read further or kept."""
    return BadRequest("413 Payload Too Large", "request.too_big", limit=LIMIT_MB)


def parse_multipart(body: bytes, boundary: str) -> Form:
    """Fields and files of a multipart body, all in memory. A file part over the upload
    limit is refused as a whole: nothing of a request that broke a rule is kept."""
    form = Form()
    if not boundary:
        raise BadRequest("400 Bad Request", "request.bad_form")
    try:
        with multipart.PushMultipartParser(boundary, len(body), max_segment_count=200) as parser:
            segment, chunks = None, []
            for event in parser.parse(body):
                if isinstance(event, multipart.MultipartSegment):
                    segment, chunks = event, []
                elif event:
                    chunks.append(event)
                    if segment and segment.filename is not None and \
                            segment.bytes_received > MAX_UPLOAD:
                        raise BadRequest("413 Payload Too Large", "upload.too_big",
                                         limit=LIMIT_MB)
                elif segment is not None:
                    _add_part(form, segment, b"".join(chunks))
    except multipart.MultipartError as exc:
        raise BadRequest("400 Bad Request", "request.bad_form") from exc
    if len(form.files) > MAX_FILES:
        raise BadRequest("413 Payload Too Large", "upload.too_many", limit=MAX_FILES)
    return form


def _add_part(form: Form, segment: multipart.MultipartSegment, data: bytes) -> None:
    if segment.filename is None:
        form.add(segment.name, data.decode("utf-8", "replace"))
    elif segment.filename or data:  # an empty file input sends an empty, unnamed part
        form.files.append(Upload(segment.name, segment.filename, data))


@dataclass
class Response:
    body: bytes = b""
    status: str = "200 OK"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def send(self, start_response: Any) -> Iterable[bytes]:
        start_response(self.status, [*self.headers, ("Content-Length", str(len(self.body)))])
        return [self.body]


def redirect(location: str, query: dict[str, str] | None = None) -> Response:
    target = f"{location}?{urlencode(query)}" if query else location
    return Response(b"", "303 See Other", [("Location", target)])
