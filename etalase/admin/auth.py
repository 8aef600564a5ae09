"""Who may use the admin: whoever opened this run's link, in this browser.

At start a fresh random token (192 bits) makes the admin link. Opening it starts a
session: an HttpOnly, SameSite=Strict cookie holding a separate random id, and a
redirect to a URL without the token, so it does not stay in the address bar. Every
state-changing request must also carry the session's CSRF token in the form and an
Origin header naming this very server. Nothing is kept on disk: a restart makes a new
link and forgets every session.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from etalase.admin.web import BadRequest, Request

COOKIE = "etalase_admin"
PREFIX = "/admin"


@dataclass
class Sessions:
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    _csrf: dict[str, str] = field(default_factory=dict)  # session id -> its CSRF token

    def login_path(self) -> str:
        return f"{PREFIX}/masuk?t={self.token}"

    def start(self, given: str) -> str | None:
        """A new session id when ``given`` is this run's token, else None."""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return None
        session = secrets.token_urlsafe(32)
        self._csrf[session] = secrets.token_urlsafe(32)
        return session

    def end(self, session: str) -> None:
        """Forgets the session: its cookie opens nothing any more (the link still
        starts a new one, so a volunteer who signed out can come back)."""
        self._csrf.pop(session, None)

    @staticmethod
    def cookie(session: str) -> str:
        return f"{COOKIE}={session}; Path={PREFIX}/; HttpOnly; SameSite=Strict"

    @staticmethod
    def expired_cookie() -> str:
        """Tells the browser to drop the cookie (the server has forgotten it anyway)."""
        return f"{COOKIE}=; Path={PREFIX}/; HttpOnly; SameSite=Strict; Max-Age=0"

    def session_of(self, request: Request) -> str:
        """The request's session id; refuses a request without a live one."""
        session = request.cookie(COOKIE) or ""
        if session not in self._csrf:
            raise BadRequest("401 Unauthorized", "auth.no_session")
        return session

    def csrf(self, session: str) -> str:
        return self._csrf[session]

    def check_change(self, request: Request, session: str) -> None:
        """A form that changes something must come from an admin page of this server."""
        if not request.origin or request.origin != request.own_origin:
            raise BadRequest("403 Forbidden", "auth.origin")
        sent = request.form().get("csrf")
        if not hmac.compare_digest(sent.encode(), self._csrf[session].encode()):
            raise BadRequest("403 Forbidden", "auth.csrf")
