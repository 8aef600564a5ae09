"""The admin's pages: a WSGI app in front of the preview, answering under ``/admin/`` only.

Every request but the login link and the stylesheet needs this run's session cookie;
every state-changing one also needs the session's CSRF token and this server's Origin
(see :mod:`auth`). A save is checked by the build's own loader before anything is
written (:mod:`editing`), refused when the file changed since the form was opened
(:mod:`store`), then the preview is rebuilt and the page links to what changed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from etalase import catalog, config, imageproc, incremental, paths
from etalase.admin import editing, forms, pages, photos, words, yamledit
from etalase.admin.auth import PREFIX, Sessions
from etalase.admin.publish import ZIP_NAME, Job, Publisher, netlify_client, snapshot
from etalase.admin.store import SLUG, Conflict, Store, Trashed, write_atomic
from etalase.admin.web import LIMIT_MB, BadRequest, Form, Request, Response, redirect, too_big
from etalase.config import DEFAULT_MAX_MEGAPIXELS
from etalase.errors import Report
from etalase.language import peek_language

Handler = Callable[..., Response]
PHOTO_KEY = {"product": "images", "story": "photo", "settings": "-"}
WAITING = "baru:"  # a photo row's src while its photo waits in memory


def is_waiting(row: dict[str, str]) -> bool:
    return row["src"].startswith(WAITING)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Section:
    """Products or stories, as the admin lists and edits them."""

    path: str  # the admin's URL part: "produk", "cerita"
    kind: editing.Kind
    suffix: str  # a new file's
    title: str  # the key naming an item: "name", "title"
    site: str  # where its pages are on the site: "produk", "cerita"
    listing: str  # the admin's list of them
    add: str  # words: the heading of a new one
    confirm: str  # words: the question before deleting one
    searched: Callable[[Any], list[str]]  # the words a search finds an item by


SECTIONS = {
    "produk": Section("produk", editing.PRODUCT, ".yaml", "name", "produk", "/", "add_product",
                      "delete_confirm", lambda p: [p.name, p.category, p.maker or "",
                                                   *p.materials, *p.tags]),
    "cerita": Section("cerita", editing.STORY, ".md", "title", "cerita", "/cerita/",
                      "add_story", "delete_story_confirm", lambda s: [s.title, s.member]),
    "pengaturan": Section("pengaturan", editing.SETTINGS, ".yaml", "title", "", "/",
                          "settings", "", lambda c: []),
}


class Admin:
    """The preview's WSGI app, with the admin in front of it."""

    def __init__(self, root: Path, preview: Any, sessions: Sessions) -> None:
        self.root = root
        self.preview = preview
        self.sessions = sessions
        self.store = Store(root)
        self.pending = photos.Pending()
        self.publisher = Publisher(root)
        self._thumbs: dict[tuple[str, int, int], bytes] = {}
        kinds = "(produk|cerita)"
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = [
            ("GET", re.compile(r"/"), self.product_list),
            ("GET", re.compile(r"/cerita/"), self.story_list),
            ("GET", re.compile(rf"/{kinds}/baru"), self.new_form),
            ("POST", re.compile(rf"/{kinds}/baru"), self.create),
            ("GET", re.compile(r"/(produk|cerita|pengaturan)/([^/]+)"), self.edit),
            ("POST", re.compile(r"/(produk|cerita|pengaturan)/([^/]+)"), self.update),
            ("GET", re.compile(rf"/{kinds}/([^/]+)/hapus"), self.delete_ask),
            ("POST", re.compile(rf"/{kinds}/([^/]+)/hapus"), self.delete),
            ("GET", re.compile(r"/terbitkan"), self.publish_page),
            ("POST", re.compile(r"/terbitkan"), self.publish),
            ("GET", re.compile(r"/terbitkan/situs\.zip"), self.publish_zip),
            ("GET", re.compile(r"/sampah"), self.trash_list),
            ("POST", re.compile(r"/sampah/([^/]+)"), self.trash_restore),
            ("GET", re.compile(r"/gambar/(.+)"), self.thumbnail),
            ("GET", re.compile(r"/baru/([A-Za-z0-9_-]+)\.jpg"), self.pending_thumbnail),
            ("POST", re.compile(r"/keluar"), self.logout),
        ]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            return self.preview(environ, start_response)  # type: ignore[no-any-return]
        request = Request(environ)
        try:
            response = self.handle(request)
        except BadRequest as refused:
            response = self.refused(refused, request.path)
        return response.send(start_response)

    def refused(self, refused: BadRequest, path: str) -> Response:
        """The page for a refused request; after a form that was too big, a way back to it
        (the same address shows the form again)."""
        back = path if refused.key == "request.too_big" else None
        return pages.render("refused.html", self.lang, refused.status, back=back,
                            message=words.t(refused.key, self.lang, **refused.values))

    def too_big(self, path: str) -> Response:
        """The page the server's gate answers with before reading a too-big body."""
        return self.refused(too_big(), path)

    @property
    def lang(self) -> str:
        return peek_language(self.root)

    def handle(self, request: Request) -> Response:
        local = request.path.removeprefix(PREFIX) or "/"
        if local == "/masuk":
            return self.login(request)
        session = self.sessions.session_of(request)
        if local.startswith("/static/"):
            return pages.static(local.removeprefix("/static/")) or self.not_found()
        if request.method == "POST":
            self.sessions.check_change(request, session)
        self.csrf = self.sessions.csrf(session)
        self.session = session
        for method, pattern, handler in self.routes:
            match = pattern.fullmatch(local)
            if match and method == request.method:
                return handler(request, *match.groups())
        return self.not_found()

    def not_found(self) -> Response:
        raise BadRequest("404 Not Found", "request.not_found")

    def page(self, template: str, status: str = "200 OK", **context: Any) -> Response:
        return pages.render(template, self.lang, status, csrf=self.csrf, prefix=PREFIX,
                            preview_errors=self.preview.errors, **context)

    # -- signing in -------------------------------------------------------------------

    def login(self, request: Request) -> Response:
        session = self.sessions.start(request.query.get("t"))
        if session is None:
            raise BadRequest("401 Unauthorized", "auth.bad_token")
        response = redirect(f"{PREFIX}/")
        response.headers += [("Set-Cookie", self.sessions.cookie(session)),
                             ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer")]
        return response

    def logout(self, request: Request) -> Response:
        """Ends this browser's session on the server; the cookie opens nothing after."""
        self.sessions.end(self.session)
        response = pages.render("logged_out.html", self.lang)
        response.headers += [("Set-Cookie", self.sessions.expired_cookie())]
        return response

    # -- products and stories ---------------------------------------------------------

    def summaries(self, kind: str = "product") -> list[dict[str, Any]]:
        """Each file of a kind, loaded by the build's loader, for lists and choices."""
        section = SECTIONS["produk" if kind == "product" else "cerita"]
        found = []
        for name in self.store.names(kind):
            report = Report()
            item = section.kind.loader(self.root, self.store.rel(kind, name), report, None)
            words_of = section.searched(item) if item else []
            found.append({"file": name, "item": item, "product": item,
                          "title": getattr(item, section.title, None) or name,
                          "member": getattr(item, "member", ""),
                          "broken": bool(report.failing()),
                          "text": " ".join([name, *words_of]).lower()})
        return found

    def product_list(self, request: Request) -> Response:
        everything = self.summaries()
        query = request.query.get("q").strip().lower()
        category = request.query.get("kategori")
        status = request.query.get("status")
        shown = [s for s in everything
                 if (not query or all(w in s["text"] for w in query.split()))
                 and (not category or (s["item"] and s["item"].category == category))
                 and (not status or (s["item"] and s["item"].status == status))]
        return self.page("products.html", items=shown, total=len(everything), q=query,
                         category=category, chosen_status=status,
                         categories=self.choices("category", everything),
                         statuses=catalog.STATUSES, deleted=request.query.get("dihapus"))

    def story_list(self, request: Request) -> Response:
        return self.page("stories.html", items=self.summaries("story"),
                         deleted=request.query.get("dihapus"))

    def choices(self, key: str, summaries: list[dict[str, Any]]) -> list[str]:
        """The values products use, for a choice list ("category", "maker")."""
        values = {getattr(s["item"], key, None) for s in summaries}
        return sorted((v for v in values if v), key=str.lower)

    def form_page(self, kind: editing.Kind, filled: forms.Filled, status: str = "200 OK",
                  **context: Any) -> Response:
        section = next(s for s in SECTIONS.values() if s.kind is kind)
        file = context.pop("file", None)
        products = self.summaries()
        choices = {"category": self.choices("category", products),
                   "maker": self.choices("maker", products),
                   "products": [(catalog.slugify(Path(s["file"]).stem), s["title"])
                                for s in products]}
        action = f"{PREFIX}/{section.path}/{file or 'baru'}"
        heading = (words.t(section.add, self.lang) if not section.confirm
                   else filled.values.get(section.title) or words.t(section.add, self.lang))
        return self.page(
            "form.html", status, fields=kind.fields(), filled=filled, choices=choices,
            statuses=catalog.STATUSES, action=action, heading=heading, body=kind.has_body,
            delete_url=f"{action}/hapus" if file and section.confirm else None,
            slug=None if file else context.pop("slug", ""),
            conflict=context.pop("conflict", None), saved=context.pop("saved", False),
            page_url=context.pop("page_url", None), **context)

    def new_form(self, request: Request, path: str) -> Response:
        kind = SECTIONS[path].kind
        return self.form_page(kind, forms.Filled(editing.blank(kind)), version="")

    def create(self, request: Request, path: str) -> Response:
        section = SECTIONS[path]
        form = request.form()
        posted = self.posted(section.kind, form)
        typed = form.get("slug").strip()
        slug = typed or catalog.slugify(str(posted[0].get(section.title, "")))
        blocked = {}
        if typed and (not SLUG.fullmatch(typed) or len(typed) > 80):
            blocked["slug"] = [words.t("slug_bad", self.lang, value=typed)]
        elif slug and self.store.find(section.kind.name, f"{slug}{section.suffix}"):
            blocked["slug"] = [words.t("name_taken", self.lang, slug=slug)]
        name = f"{slug}{section.suffix}" if slug and not blocked else f"baru{section.suffix}"
        starter = section.kind.starter(str(posted[0].get(section.title) or ""))
        return self.save(section.kind, self.store.rel(section.kind.name, name), starter, None,
                         posted, blocked=blocked, slug=typed)

    def edit(self, request: Request, path: str, name: str) -> Response:
        section = SECTIONS[path]
        text, version = self.store.read(self.found(section, name))
        try:
            values = editing.values_of(section.kind, text)
        except yamledit.Unreadable:
            values = {}
        saved = request.query.get("tersimpan") == "1"
        page = f"{section.site}/{catalog.slugify(Path(name).stem)}/" if section.site else ""
        return self.form_page(section.kind, forms.Filled(values), file=name, version=version,
                              saved=saved, page_url=self.page_url(page) if saved else None)

    def update(self, request: Request, path: str, name: str) -> Response:
        section = SECTIONS[path]
        rel = self.found(section, name)
        form = request.form()
        return self.save(section.kind, rel, None, form.get("version"),
                         self.posted(section.kind, form), file=name)

    def found(self, section: Section, name: str) -> str:
        rel = self.store.find(section.kind.name, name)
        if rel is None:
            raise BadRequest("404 Not Found", "request.not_found")
        return rel

    def delete_ask(self, request: Request, path: str, name: str) -> Response:
        section = SECTIONS[path]
        self.found(section, name)
        return self.page("delete.html", file=name, back=f"{PREFIX}/{path}/{name}",
                         confirm=section.confirm, problem=self.linked_stories(section, name))

    def delete(self, request: Request, path: str, name: str) -> Response:
        section = SECTIONS[path]
        rel = self.found(section, name)
        problem = self.linked_stories(section, name)
        if problem:
            return self.page("delete.html", "409 Conflict", file=name, confirm=section.confirm,
                             back=f"{PREFIX}/{path}/{name}", problem=problem)
        text, _ = self.store.read(rel)
        self.store.trash(rel, self.only_here(rel, self.photo_rows(section.kind, text)))
        self.rebuild()
        return redirect(f"{PREFIX}{section.listing}", {"dihapus": name})

    def linked_stories(self, section: Section, name: str) -> str | None:
        """A story that names the product: deleting it would break the build."""
        if section.kind is not editing.PRODUCT:
            return None
        slug = catalog.slugify(Path(name).stem)
        for story in self.summaries("story"):
            if story["item"] and slug in [s for s, _ in story["item"].products]:
                return words.t("delete_linked", self.lang, story=story["file"])
        return None

    # -- saving -----------------------------------------------------------------------

    def posted(self, kind: editing.Kind, form: Form) -> tuple[dict[str, Any], list[str]]:
        """The form's values, with each photo sent cleaned and waiting; and the problems
        of photos that were refused."""
        values = forms.values_posted(form, kind.fields())
        if kind.has_body:
            values[editing.STORY_TEXT] = form.get(editing.STORY_TEXT).replace("\r\n", "\n")
        key = PHOTO_KEY[kind.name]
        refused = []
        for upload in form.files:
            if upload.name != "upload":
                continue
            try:
                if re.search(r"[/\\]|\.\.|[\x00-\x1f]", upload.filename):
                    raise photos.BadPhoto("upload.bad_name")
                data, thumb = photos.clean(upload.data, self.max_megapixels())
            except photos.BadPhoto as bad:
                refused.append(words.t(bad.key, self.lang, name=upload.filename,
                                       limit=LIMIT_MB, kinds=imageproc.shown_formats()))
                continue
            values.setdefault(key, []).append({"src": WAITING + self.pending.add(data, thumb),
                                               "alt": ""})
        if key == "photo":  # a story has one photo: a new one replaces it
            values[key] = values.get(key, [])[-1:]
        return values, refused

    def max_megapixels(self) -> int:
        loaded = config.load_config(self.root, Report())
        return loaded.max_megapixels if loaded else DEFAULT_MAX_MEGAPIXELS

    def save(self, kind: editing.Kind, rel: str, base: str | None, based_on: str | None,
             posted: tuple[dict[str, Any], list[str]], **context: Any) -> Response:
        """Checks the file as it would be, writes it only when the build accepts it and
        it is still the version the form showed, then rebuilds the preview. New photos
        are written (cleaned) just before the file that names them."""
        values, refused = posted
        blocked: dict[str, list[str]] = context.pop("blocked", {})
        if base is None:  # an edit: the file as it is now, if it is the one the form showed
            current, version = self.read_current(rel)
            if current is None or version != based_on:
                return self.conflict(kind, rel, based_on, current, values, **context)
            base = current
        key = PHOTO_KEY[kind.name]
        kept = {**values, key: [r for r in values.get(key, []) if not is_waiting(r)]}
        draft = editing.draft(self.root, kind, rel, base, kept, self.lang)
        draft.filled.values = values
        if refused:
            draft.filled.problems.setdefault(key, []).extend(refused)
        draft.filled.problems.update(blocked)
        if draft.filled.ok:
            self.check_categories(kind, rel, draft)
        if draft.filled.ok and any(is_waiting(r) for r in values.get(key, [])):
            draft = self.with_photos(kind, rel, base, values, key)
        if not draft.filled.ok:
            return self.form_page(kind, draft.filled, "422 Unprocessable Content",
                                  version=based_on or "", **context)
        try:
            self.store.write(rel, draft.text, based_on)
        except Conflict as clash:
            self.forget_photos(draft)
            if based_on is None:  # a new file, and another with its name came meanwhile
                draft.filled.problems["slug"] = [words.t("name_taken", self.lang,
                                                         slug=Path(rel).stem)]
                return self.form_page(kind, draft.filled, "409 Conflict", version="",
                                      **context)
            return self.conflict(kind, rel, based_on, clash.current, values, **context)
        for row in values.get(key, []):
            if is_waiting(row):
                self.pending.take(row["src"].removeprefix(WAITING))
        if based_on is not None:  # an edit (a new file's base is the starter's example)
            self.trash_taken_off(kind, rel, base, draft.text)
        self.rebuild()
        path = next(p for p, s in SECTIONS.items() if s.kind is kind)
        return redirect(f"{PREFIX}/{path}/{Path(rel).name}", {"tersimpan": "1"})

    def with_photos(self, kind: editing.Kind, rel: str, base: str, values: dict[str, Any],
                    key: str) -> editing.Draft:
        """Writes the waiting photos under their names, and drafts the file naming them."""
        rows = values[key]
        waiting = [row for row in rows if is_waiting(row)]
        names = iter(self.store.photo_names(catalog.slugify(Path(rel).stem), len(waiting)))
        final, written = [], []
        for row in rows:
            photo = self.pending.get(row["src"].removeprefix(WAITING)) if is_waiting(row) else None
            if is_waiting(row) and photo is None:
                continue  # forgotten (the server restarted): the form shows it is gone
            if photo is not None:
                row = {**row, "src": next(names)}
                write_atomic(self.root / "content" / row["src"], photo.data)
                written.append(row["src"])
            final.append(row)
        draft = editing.draft(self.root, kind, rel, base, {**values, key: final}, self.lang)
        draft.written = written
        if not draft.filled.ok:
            self.forget_photos(draft)
        return draft

    def photo_rows(self, kind: editing.Kind, text: str) -> list[dict[str, str]]:
        """The photos a file shows (src and alt), as its form lists them."""
        try:
            rows = editing.values_of(kind, text).get(PHOTO_KEY[kind.name], [])
        except yamledit.Unreadable:
            return []
        return [row for row in rows if not is_waiting(row)]

    def only_here(self, rel: str, rows: list[dict[str, str]]) -> list[str]:
        """Of these photos, the files under content/ that no other file shows."""
        found = []
        for row in rows:
            path, problem, _ = paths.resolve_image(row["src"], self.root / "content")
            if path is not None and not problem and row["src"] not in found \
                    and not self.store.shown_elsewhere(row["src"], rel):
                found.append(row["src"])
        return found

    def trash_taken_off(self, kind: editing.Kind, rel: str, before: str, after: str) -> None:
        """Photos the save took off the file go to the trash (restorable, never lost)
        unless something still shows them."""
        kept = {row["src"] for row in self.photo_rows(kind, after)}
        gone = [row for row in self.photo_rows(kind, before) if row["src"] not in kept]
        unused = self.only_here(rel, gone)
        if unused:
            alts = {row["src"]: row["alt"] for row in gone if row["alt"]}
            self.store.trash_photos(unused, rel, alts)

    def forget_photos(self, draft: editing.Draft) -> None:
        for rel in draft.written:
            (self.root / "content" / rel).unlink(missing_ok=True)

    def read_current(self, rel: str) -> tuple[str | None, str | None]:
        if not (self.root / rel).is_file():
            return None, None
        return self.store.read(rel)

    def conflict(self, kind: editing.Kind, rel: str, based_on: str | None,
                 current: str | None, values: dict[str, Any], **context: Any) -> Response:
        """The form again with the volunteer's entries, what changed meanwhile, and the
        current version: saving again is a choice made knowing what it replaces."""
        before = self.store.seen(based_on or "")
        try:
            old, old_body = kind.split(before) if before else (None, "")
            now, new_body = kind.split(current) if current else (None, "")
            changed = forms.changes(old, now, kind.fields())
            values = forms.merged(values, old, now, kind.fields())
        except yamledit.Unreadable:
            changed = []
        else:
            if kind.has_body and old is not None and now is not None and old_body != new_body:
                changed.append((editing.STORY_TEXT, _short(old_body), _short(new_body)))
                if values.get(editing.STORY_TEXT, "").strip() == old_body.strip():
                    values[editing.STORY_TEXT] = new_body.strip("\n")
        version = self.store.remember(current) if current is not None else ""
        info = {"gone": current is None, "known": before is not None, "changes": changed}
        return self.form_page(kind, forms.Filled(values), "409 Conflict", version=version,
                              conflict=info, **context)

    def check_categories(self, kind: editing.Kind, rel: str, draft: editing.Draft) -> None:
        """The build's check across products: one spelling per category."""
        if kind is not editing.PRODUCT or draft.item is None:
            return
        others = [s["product"] for s in self.summaries()
                  if s["product"] and s["product"].source != rel]
        report = Report()
        catalog._categories([*others, draft.item], report)  # the build's own check
        mine = [p for p in report.unique() if p.loc.path == rel]
        forms.place_problems(mine, draft.text, rel, self.lang, draft.filled)

    def rebuild(self) -> None:
        self.preview.rebuild()

    def page_url(self, path: str) -> str:
        return f"{self.preview.base}/{path}"

    # -- publishing -------------------------------------------------------------------

    def publish_page(self, request: Request, status: str = "200 OK") -> Response:
        client = netlify_client(self.root, self.lang)
        return self.page("publish.html", status, job=self.publisher.job,
                         netlify=client.target.site_id if client else None,
                         zip_ready=(self.root / ZIP_NAME).is_file())

    def publish(self, request: Request) -> Response:
        """A fresh build, a copy of it, then Netlify (in the background) or a zip."""
        if self.publisher.running:
            return redirect(f"{PREFIX}/terbitkan")
        try:
            with incremental.locked(self.root, lang=self.lang):  # no other build between
                self.rebuild()  # the build and its copy: what is sent is this build
                if self.preview.errors:
                    return self.publish_page(request, "409 Conflict")
                site = snapshot(self.preview.folder, self.root)
        except click.ClickException as busy:  # another build never finished
            self.publisher.job = Job(state="failed", lines=[busy.format_message()])
            return self.publish_page(request, "409 Conflict")
        client = netlify_client(self.root, self.lang)
        if client is None:
            self.publisher.to_zip(site, self.lang)
        else:
            delete_old = request.form().get("hapus_lama") == "true"
            self.publisher.to_netlify(site, client, self.lang, delete_old)
        return redirect(f"{PREFIX}/terbitkan")

    def publish_zip(self, request: Request) -> Response:
        path = self.root / ZIP_NAME
        if not path.is_file():
            return self.not_found()
        return Response(path.read_bytes(), "200 OK", [
            ("Content-Type", "application/zip"), *pages.HEADERS,
            ("Content-Disposition", f'attachment; filename="{ZIP_NAME}"')])

    # -- trash ------------------------------------------------------------------------

    def trash_list(self, request: Request) -> Response:
        return self.page("trash.html", entries=self.store.trashed(),
                         restored=request.query.get("dipulihkan"))

    def trash_restore(self, request: Request, entry_id: str) -> Response:
        try:
            entry = self.store.restore(entry_id)
        except FileNotFoundError as exc:
            raise BadRequest("404 Not Found", "request.not_found") from exc
        except FileExistsError as exc:
            raise BadRequest("409 Conflict", "restore_taken", path=str(exc)) from exc
        if entry.owner:
            self.put_photos_back(entry)
        self.rebuild()
        return redirect(f"{PREFIX}/sampah", {"dipulihkan": entry.original or entry.owner})

    def put_photos_back(self, entry: Trashed) -> None:
        """Restored photos go back onto the product (or the story, when it has none now)
        they were taken off, with their descriptions, through the build's checks. When that
        cannot be (the file is gone, or is broken now), the photo files are back anyway."""
        section = next((s for s in SECTIONS.values() if s.kind is not editing.SETTINGS
                        and entry.owner.startswith(self.store.rel(s.kind.name, ""))), None)
        if section is None or not (self.root / entry.owner).is_file():
            return
        kind, key = section.kind, PHOTO_KEY[section.kind.name]
        text, version = self.store.read(entry.owner)
        try:
            values = editing.values_of(kind, text)
        except yamledit.Unreadable:
            return
        rows = values.get(key, [])
        if kind is editing.STORY and rows:
            return  # a story shows one photo, and it has another now
        shown = {row["src"] for row in rows}
        rows = rows + [{"src": src, "alt": entry.alts.get(src, "")} for src in entry.photos
                       if src not in shown]
        draft = editing.draft(self.root, kind, entry.owner, text, {**values, key: rows},
                              self.lang)
        if draft.filled.ok:
            with contextlib.suppress(Conflict):  # changed this very moment: the photo
                self.store.write(entry.owner, draft.text, version)  # files are back anyway

    # -- photos -----------------------------------------------------------------------

    def thumbnail(self, request: Request, src: str) -> Response:
        path, problem, _ = paths.resolve_image(src, self.root / "content")
        if problem or path is None:
            return self.not_found()
        stat = path.stat()
        key = (src, stat.st_mtime_ns, stat.st_size)
        if key not in self._thumbs:
            try:
                self._thumbs[key] = photos.thumbnail(path.read_bytes(), DEFAULT_MAX_MEGAPIXELS)
            except photos.BadPhoto:
                return self.not_found()
        return pages.image(self._thumbs[key])

    def pending_thumbnail(self, request: Request, key: str) -> Response:
        waiting = self.pending.get(key)
        return pages.image(waiting.thumb) if waiting else self.not_found()

