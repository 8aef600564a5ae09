"""A small WSGI client for the admin: the real app and the real build, no sockets."""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import IO
from urllib.parse import urlencode

from etalase.admin.auth import Sessions
from etalase.admin.views import Admin
from etalase.serve import Preview
from tests.pages import Page

HOST = "127.0.0.1:8123"
ORIGIN = f"http://{HOST}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def page(self) -> Page:
        page = Page()
        page.feed(self.text)
        return page

    def field_problem(self, key: str) -> str:
        found = self.page().find("p", id=f"e-{key}")
        return " ".join(p.text for p in found)

    def hidden(self, name: str) -> str:
        match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', self.text)
        assert match, f"no hidden field {name}"
        return match.group(1)


def multipart(fields: dict[str, str | list[str]],
              files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "----etalase" + secrets.token_hex(8)
    out = io.BytesIO()
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                      .encode())
            out.write(one.encode() + b"\r\n")
    for name, filename, data in files:
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                  f"filename=\"{filename}\"\r\nContent-Type: image/jpeg\r\n\r\n".encode())
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class Client:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.preview = Preview(root)
        self.preview.rebuild()
        self.sessions = Sessions()
        self.app = Admin(root, self.preview, self.sessions)
        self.cookies: dict[str, str] = {}

    def login(self) -> Answer:
        return self.get(self.sessions.login_path())

    def request(self, method: str, path: str, body: bytes = b"", kind: str = "",
                origin: str | None = ORIGIN) -> Answer:
        return self.raw(method, path, io.BytesIO(body), len(body), kind, origin)

    def raw(self, method: str, path: str, stream: IO[bytes], length: int | None,
            kind: str = "multipart/form-data; boundary=x", origin: str | None = ORIGIN,
            ) -> Answer:
        """A request whose body is ``stream``, announcing ``length`` (None: no length,
        read to the end, as a server passes on a chunked body)."""
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
            "HTTP_HOST": HOST, "wsgi.url_scheme": "http", "wsgi.input": stream,
            "CONTENT_TYPE": kind,
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if length is None:
            environ["wsgi.input_terminated"] = True
        else:
            environ["CONTENT_LENGTH"] = str(length)
        if origin:
            environ["HTTP_ORIGIN"] = origin
        captured: dict[str, object] = {}

        def start_response(status: str, headers: list[tuple[str, str]]) -> None:
            captured.update(status=status, headers=headers)

        body_out = b"".join(self.app(environ, start_response))
        headers = dict(captured["headers"])  # type: ignore[arg-type]
        if "Set-Cookie" in headers:
            jar: SimpleCookie = SimpleCookie(headers["Set-Cookie"])
            self.cookies.update({k: m.value for k, m in jar.items()})
        return Answer(int(str(captured["status"]).split()[0]), headers, body_out)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str | list[str]],
             files: list[tuple[str, str, bytes]] | None = None, csrf: bool = True,
             origin: str | None = ORIGIN) -> Answer:
        fields = dict(fields)
        if csrf and "csrf" not in fields:
            fields["csrf"] = self.csrf()
        if files is None:
            data = urlencode(fields, doseq=True).encode()
            return self.request("POST", path, data, "application/x-www-form-urlencoded", origin)
        data, kind = multipart(fields, files)
        return self.request("POST", path, data, kind, origin)

    def csrf(self) -> str:
        return self.sessions.csrf(self.cookies["etalase_admin"])

    def form_of(self, path: str) -> dict[str, str | list[str]]:
        """The fields a browser would send for the form on ``path``, as shown."""
        answer = self.get(path)
        assert answer.status == 200, answer.text
        return form_fields(answer.text)


def form_fields(html: str) -> dict[str, str | list[str]]:
    """The values of a page's form fields, as a browser would send them unchanged."""
    page = Page()
    page.feed(html)
    fields: dict[str, list[str]] = {}
    select, options = None, []
    for node in [*page.elements, None]:
        if select is not None and (node is None or node.tag != "option"):
            chosen = next((o for o in options if "selected" in o.attrs), options[0])
            fields.setdefault(select.attrs["name"], []).append(
                chosen.attrs.get("value", chosen.text))
            select, options = None, []
        if node is None:
            break
        if node.tag == "select":
            select = node
        elif node.tag == "option" and select is not None:
            options.append(node)
        elif node.tag == "textarea":
            fields.setdefault(node.attrs["name"], []).append(node.text.removeprefix("\n"))
        elif node.tag == "input" and node.attrs.get("name"):
            kind = node.attrs.get("type", "text")
            if kind == "file" or (kind == "checkbox" and "checked" not in node.attrs):
                continue
            fields.setdefault(node.attrs["name"], []).append(node.attrs.get("value") or "")
    return {k: v if len(v) > 1 else v[0] for k, v in fields.items()}
