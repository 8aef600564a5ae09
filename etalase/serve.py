"""``serve``: a live preview for volunteers.

The site is built into ``build/`` and served by a small WSGI app under livereload, which
watches ``content/`` and ``themes/``, rebuilds on a change and reloads the browser. The
live-reload script is injected into responses by the server only; it is never written to
``build/``. The site is served under its ``base_url``'s path, as it will be published
(``/toko/`` for ``https://user.github.io/toko``), so its links and photos work; other
paths are sent there. A broken edit never stops the server: the last good site stays in ``build/``
(builds are atomic) and every page shows the same ``path:line: message — hint`` lines the
command line prints, in an overlay, until the file is fixed.
"""

from __future__ import annotations

import errno
import html
import logging
import mimetypes
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import click

from etalase import incremental, messages
from etalase.errors import EtalaseError
from etalase.headers import without_meta_policy
from etalase.language import peek_base_path, peek_language

OVERLAY = (
    '<div id="etalase-error" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:9999;'
    "max-height:70vh;overflow:auto;background:#7a1010;color:#fff;padding:1em;"
    'font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap">{title}\n\n{lines}</div>'
)


EMPTY_PAGE = b"<!doctype html><html><head></head><body></body></html>"
ANY_ADDRESS = ("0.0.0.0", "::", "")  # --host values that listen on every network
MAX_PATH = 2048  # characters of a URL path; no page of a site is longer


def local_network_address() -> str | None:
    """This computer's address on the local network, which a phone on the same Wi-Fi can
    open; None without a network. Connecting a UDP socket only picks the route: nothing
    is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def check_port(host: str, port: int, lang: str) -> None:
    """Refuses, in plain words and before any work, a port another program holds."""
    problem = _bind_problem(host, port)
    if problem is None:
        return
    if problem == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + 50, 65536))
                     if _bind_problem(host, p) is None), 8000)
        raise EtalaseError("serve.port_busy", lang, port=port, free=free)
    raise EtalaseError("serve.port_denied", lang, host=host, port=port)


def _bind_problem(host: str, port: int) -> int | None:
    """None when a server could listen on (host, port) now, else the error number (-1 for
    an address that names no network of this computer). Binds the way tornado does."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as failure:
        return failure.errno or -1
    return None


@dataclass(frozen=True)
class Route:
    """The preview's answer to a URL path: a file of ``build/``, or a redirect."""

    file: str | None = None  # a path inside build/ ("/" is the home page)
    redirect: str | None = None  # where to send the browser instead


def route(url_path: str, base: str) -> Route:
    """Where a (decoded) URL path leads when the site lives under ``base`` ("" or
    "/toko"). Paths outside the base are sent to the same path under it: "/" to the
    home page, a link copied without the base to its page."""
    if url_path.startswith(f"{base}/"):
        return Route(file=url_path[len(base):])
    return Route(redirect=quote(base + ("/" if url_path == base else url_path)))


class Preview:
    """The last build's outcome, and a WSGI app that serves ``build/`` with it."""

    def __init__(self, root: Path, lenient: bool = False) -> None:
        self.root = root
        self.lenient = lenient  # unknown fields are warnings
        self.errors: list[str] = []
        self.generation = 0
        self.served: dict[str, int] = {}  # URL path -> generation of the page last sent
        self.base = peek_base_path(root)

    @property
    def folder(self) -> Path:
        return self.root / incremental.BUILD_DIR

    def rebuild(self) -> None:
        lang = peek_language(self.root)
        start = time.perf_counter()
        try:
            incremental.build(self.root, lang=lang, serving=True, lenient=self.lenient,
                              on_wait=lambda: click.echo(
                                  messages.text("build.waiting", lang, {})[0], err=True))
        except click.ClickException as failure:
            report = getattr(failure, "report", None)  # content problems (Abort)
            self.errors = [*(report.lines(lang) if report else []), failure.format_message()]
            click.echo("\n".join(self.errors), err=True)
        else:
            self.errors = []
            took = time.perf_counter() - start
            click.echo(messages.text("serve.rebuilt", lang, {"seconds": f"{took:.2f}"})[0])
        self.generation += 1
        self.base = peek_base_path(self.root)  # base_url may have been edited

    def missed_reload(self, url: str) -> bool:
        """Whether the page at ``url``, now connecting for reloads, was sent before the last
        rebuild: a save that came while it was loading, whose reload it never heard."""
        sent = self.served.pop(unquote(urlsplit(url).path), None)
        return sent is not None and sent < self.generation

    def overlay(self) -> bytes:
        lang = peek_language(self.root)
        title = messages.text("serve.error_title", lang, {})[0]
        lines = "\n".join(html.escape(line) for line in self.errors)
        return OVERLAY.format(title=html.escape(title), lines=lines).encode()

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        url_path = environ.get("PATH_INFO") or "/"
        found = route(url_path, self.base)
        if found.file is None:
            start_response("302 Found", [("Location", found.redirect), ("Cache-Control",
                                                                        "no-store")])
            return [b""]
        status, path = self._resolve(found.file)
        data = path.read_bytes() if path else EMPTY_PAGE
        kind = (mimetypes.guess_type(path.name)[0] if path else None) or "text/html"
        if kind == "text/html":
            self.served[url_path] = self.generation
            # The preview's own live-reload script and error overlay are not in the page's
            # policy (the built page keeps it; serve never sent the _headers one either).
            data = without_meta_policy(data)
            if self.errors:
                data = data.replace(b"</body>", self.overlay() + b"</body>", 1)
        headers = [("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/")
                    else kind), ("Cache-Control", "no-store")]
        start_response(status, headers)
        return [data]

    def _resolve(self, url_path: str) -> tuple[str, Path | None]:
        folder = self.folder.resolve()
        found = _file_in(folder, url_path) if len(url_path) <= MAX_PATH else None
        if found is not None:
            return "200 OK", found
        missing = folder / "404.html"
        return "404 Not Found", missing if missing.is_file() else None


def _file_in(folder: Path, url_path: str) -> Path | None:
    """The file of ``folder`` a URL path names (a folder's index.html), or None. A path the
    system refuses (a NUL byte, a name too long) names no file."""
    try:
        target = (folder / url_path.lstrip("/")).resolve()
        if target.is_relative_to(folder) and target.is_dir():
            target = target / "index.html"
        return target if target.is_relative_to(folder) and target.is_file() else None
    except (OSError, ValueError):
        return None


def serve(root: Path, host: str, port: int,
          admin: Callable[[Preview], Any] | None = None, lenient: bool = False) -> None:
    """``admin``: wraps the preview's app with the admin pages (``serve --admin``);
    ``lenient``: unknown fields are warnings."""
    from livereload import Server

    class QuietServer(Server):  # type: ignore[misc]
        def _setup_logging(self) -> None:
            """livereload's log lines ("Serving on...", "Browser Connected") are English
            chatter: the volunteer is told in their language what to open. Only
            failures (tornado's, with their traceback) are still printed."""
            super()._setup_logging()
            logging.getLogger("livereload").setLevel(logging.CRITICAL)
            logging.getLogger("tornado.access").setLevel(logging.ERROR)

        def get_web_handlers(self, script: bytes) -> list[Any]:
            """With the admin, its URLs go through its gate first (see admin.gate)."""
            handlers = super().get_web_handlers(script)
            if not admin:
                return handlers
            from etalase.admin import gate

            return [*gate.routes(handlers[0][2]["fallback"], app.too_big), *handlers]

    preview = Preview(root, lenient)
    preview.rebuild()
    app = admin(preview) if admin else preview
    server = QuietServer(app=app, watcher=_instant_watcher(_reload_latecomers(preview)))
    for watched in ("content", "themes"):
        if (root / watched).exists():
            server.watch(str(root / watched), preview.rebuild, delay=0.2)
    server.serve(host=host, port=port, debug=False, restart_delay=0)


def _reload_latecomers(preview: Preview) -> Any:
    """Makes a page that connects after a rebuild it missed reload at once. livereload only
    tells the pages already connected; a volunteer who saves twice in quick succession
    would otherwise keep the page of the first save, and never see the second one's
    error. livereload's server looks its socket handler up by name when it starts, so the
    handler is swapped for one that asks ``preview``, and returned."""
    from livereload import server
    from livereload.handlers import LiveReloadHandler
    from tornado.escape import json_decode

    class PreviewSocket(LiveReloadHandler):  # type: ignore[misc]
        def on_message(self, message: str | bytes) -> None:
            super().on_message(message)
            sent = json_decode(message)
            if sent.get("command") == "info" and preview.missed_reload(sent.get("url", "")):
                self.send_message({"command": "reload", "path": "*", "liveCSS": None,
                                   "liveImg": True})

    server.LiveReloadHandler = PreviewSocket
    return PreviewSocket


def _instant_watcher(socket: Any) -> Any:
    """livereload's watcher, woken by the system's file events (watchdog: inotify, FSEvents,
    ReadDirectoryChangesW) instead of polling every 0.8 s, so an edit is rebuilt at once."""
    from livereload.watcher import Watcher
    from tornado import ioloop
    from watchdog import events
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    # What a save, a new file, a rename or a deletion makes: not a read.
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
               events.FileMovedEvent, events.FileClosedEvent, events.DirCreatedEvent,
               events.DirModifiedEvent, events.DirDeletedEvent, events.DirMovedEvent]

    class Wake(FileSystemEventHandler):
        def __init__(self, wake: Callable[[], None]) -> None:
            self.wake = wake

        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in ("opened", "closed_no_write"):
                self.wake()

    class InstantWatcher(Watcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.observer = Observer()
            self.pending: object | None = None

        def watch(self, path: str, func: Any = None, delay: Any = 0, ignore: Any = None) -> None:
            """Watches ``path`` for changes only: a build reads every content file, and
            each read would otherwise wake the watcher's thread twice (open, close), which
            then competes with the build for the interpreter (a third of a rebuild)."""
            super().watch(path, func, delay, ignore)
            self.observer.schedule(Wake(self.wake), path, recursive=True,
                                   event_filter=changes)

        def start(self, callback: Callable[[], None]) -> bool:
            """Starts watching, and checks once: a save made while the first build ran,
            before anything was watched, is built now (if nothing changed, the check is
            the build's quick "nothing changed")."""
            self.loop = ioloop.IOLoop.current()
            self.observer.daemon = True
            self.observer.start()
            self.wake()
            return True  # livereload does not poll

        def check(self) -> None:
            """Runs the tasks (the rebuild) once, then reloads every open page. The events
            already say that something changed, so no folder is walked to find out; and
            livereload's own poller skips reloads within 3 s of the last one, so a typo
            fixed right after saving it would stay on screen."""
            self.pending = None
            for func in dict.fromkeys(task["func"] for task in self._tasks.values()):
                if func:
                    func()
            socket.reload_waiters()

        def wake(self) -> None:  # in watchdog's thread
            self.loop.add_callback(self.soon)

        def soon(self) -> None:
            """Runs the check 20 ms after the last event: one save is often several."""
            if self.pending is not None:
                self.loop.remove_timeout(self.pending)
            self.pending = self.loop.call_later(0.02, self.check)

    return InstantWatcher()
