"""The pipeline: load & validate -> process images -> render -> write atomically."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from etalase import stamp
from etalase.errors import Abort, Loc, Report
from etalase.language import CONFIG_FILE

if TYPE_CHECKING:  # the pipeline itself is imported when there is work to do
    from etalase import images
    from etalase.catalog import Catalog
    from etalase.config import SiteConfig
    from etalase.dependencies import PageKeys
    from etalase.imagesettings import ImageSettings
    from etalase.memo import Memo, PageRecord
    from etalase.output import StagedOutput, UpdatedOutput
    from etalase.render import Page, Renderer, Theme
    from etalase.scripts import Extras

BUILD_DIR = "build"


@dataclass(frozen=True)
class Loaded:
    root: Path
    config: SiteConfig
    catalog: Catalog
    report: Report
    theme: Theme
    image_settings: ImageSettings
    photo_keys: dict[str, str]  # photo source -> cache digest, computed once by check

    @functools.cached_property
    def cache(self) -> images.ImageCache:
        from etalase import images

        return images.ImageCache(self.root / images.CACHE_DIR)


@dataclass(frozen=True)
class Built:
    lang: str
    notes: list[str]  # warnings and notes, as printed
    pages: int
    files: int
    skipped: bool = False  # nothing had changed since the last build
    changed: list[str] | None = None  # an update's written and deleted files (None: whole)


def check(root: Path, strict: bool = False, lang: str = "id", memo: Memo | None = None,
          lenient: bool = False) -> Loaded:
    """Loads and validates everything without writing; raises Abort on problems.
    With a ``memo``, unchanged content files and photos are not read again. ``lenient``:
    unknown fields are warnings, not errors."""
    from etalase import images
    from etalase.catalog import load_catalog
    from etalase.config import load_config
    from etalase.render import Theme

    report = Report(lenient)
    config = load_config(root, report, memo)
    catalog = load_catalog(root, report, memo)
    if config is None:
        raise Abort(report, lang, strict)
    theme = Theme(root, config.theme)
    if not theme.dir.is_dir():
        report.error(Loc(CONFIG_FILE), "theme.missing", name=config.theme)
        raise Abort(report, config.language, strict)
    settings = theme.image_settings(report, config.max_megapixels)
    loaded = Loaded(root, config, catalog, report, theme, settings, {})
    known = memo.digests if memo else None
    images.check_metadata(root, report, known)
    for photo in catalog.photos():
        if photo.src not in loaded.photo_keys:  # a photo shared by products: checked once
            loaded.photo_keys[photo.src] = images.inspect(
                photo, root / "content", settings, loaded.cache, report, known)
    if report.failing(strict):
        raise Abort(report, config.language, strict)
    return loaded


def build(root: Path, strict: bool = False, lang: str = "id", serving: bool = False,
          lenient: bool = False) -> Built:
    """``check``, then write the site; ``build/`` changes only when all went well.

    When no input changed since the last successful build and ``build/`` is as it left
    it, the build is already up to date and nothing is done. When some inputs changed,
    only the pages whose inputs changed are rendered, and only changed files written.
    ``serving``: the caller (``serve``) is the only writer of ``build/``, so the state
    of ``build/`` its last build left is taken as it is (see ``stamp.output``).
    """
    from etalase import memo as memos
    from etalase.output import can_update

    options = f"strict={strict} lenient={lenient}"
    target = root / BUILD_DIR
    last = stamp.load(root)
    now = stamp.inputs(root, options)
    before = stamp.output(root, target, trusted=serving)
    intact = bool(last) and last["output"] == stamp.digest(before) and can_update(target)
    if intact and last["inputs"] == now:
        return Built(last["lang"], last["notes"], last["pages"], last["files"], skipped=True)
    memo = memos.load(root)
    built = _build(root, strict, lang, memo, update=intact and bool(memo.outputs),
                   lenient=lenient)
    after = (stamp.listing(target) if built.changed is None
             else stamp.relisted(before, target, built.changed))
    memos.save(root, memo)
    stamp.save(root, {"inputs": now, "lang": built.lang, "notes": built.notes,
                      "pages": built.pages, "files": built.files}, after)
    return built


def _build(root: Path, strict: bool, lang: str, memo: Memo, update: bool,
           lenient: bool = False) -> Built:
    """Renders (or keeps, when ``update`` and their key is unchanged) every page."""
    from etalase import images, scripts
    from etalase.dependencies import PageKeys, folder_digest
    from etalase.output import staged, updated
    from etalase.render import Renderer, pages

    loaded = check(root, strict, lang, memo, lenient)
    config, catalog, report = loaded.config, loaded.catalog, loaded.report
    target = root / BUILD_DIR
    with updated(target, memo.outputs) if update else staged(target) as out:
        image_sets = images.process(catalog.photos(), root / "content", loaded.image_settings,
                                    loaded.cache, out, report, config.language,
                                    loaded.photo_keys)
        _stop_on_errors(report, config)
        shown = [p.images[0] for p in catalog.products if p.images and p.featured]
        shown = shown or [p.images[0] for p in catalog.products if p.images]
        preview = images.site_preview([image_sets[p.src] for p in shown if p.src in image_sets],
                                      loaded.cache, loaded.image_settings, out, CONFIG_FILE)
        renderer = Renderer(loaded.theme, config, image_sets, report, preview)
        extras = scripts.Extras(renderer, catalog)
        _stop_on_errors(report, config)
        keys = PageKeys((config, folder_digest(loaded.theme.dir), extras.script_path,
                         preview, strict), image_sets, memo.files)
        todo = list(pages(catalog, config.stories_noindex, config.new_days))
        records = _write_pages(renderer, todo, keys, memo.pages if update else {}, out)
        _stop_on_errors(report, config)
        _write_files(loaded, renderer, extras, todo, records, out)
        files = len(out.sources)
    memo.pages, memo.outputs = records, out.paths
    loaded.cache.prune(image_set.key for image_set in image_sets.values())
    return Built(config.language, report.lines(config.language), len(todo), files,
                 changed=out.changed)


def _write_pages(renderer: Renderer, todo: list[Page], keys: PageKeys,
                 previous: dict[str, PageRecord], out: StagedOutput | UpdatedOutput,
                 ) -> dict[str, PageRecord]:
    """Writes (or keeps) every page; returns what was written, for the next build."""
    from etalase.output import DuplicateOutput
    from etalase.render import render_all

    records: dict[str, PageRecord] = {}
    fresh: dict[str, str | None] = {}  # path -> key, of the pages to render
    for page in todo:
        try:
            out.claim(page.path, page.source)
        except DuplicateOutput as clash:
            renderer.report.error(Loc(clash.second), "url.output_clash", path=clash.path,
                                  other=clash.first)
            continue
        if not previous:  # nothing to compare with: the key is made where the page is
            fresh[page.path] = None
            continue
        key = keys.key(page)
        known = previous.get(page.path)
        if known is not None and known.key == key:
            records[page.path] = known  # kept as it is
        else:
            fresh[page.path] = key
    chosen = [page for page in todo if page.path in fresh]
    finish = functools.partial(_finish, keys, fresh, out)
    for page, done in zip(chosen, render_all(renderer, chosen, finish), strict=True):
        if done is None:  # its template failed, and that is reported
            continue
        records[page.path], data = done
        known = previous.get(page.path)
        # Rendered again but the same bytes (a template change that did not reach this
        # page): the previous record says so without reading the file back.
        if data is not None and (known is None or known.sha != records[page.path].sha):
            out.put(PurePosixPath(page.path), data)
    return records


def _finish(keys: PageKeys, known: dict[str, str | None], out: StagedOutput | UpdatedOutput,
            page: Page, html: str) -> tuple[PageRecord, bytes | None]:
    """A rendered page's record, and its bytes unless they are written already (a new
    site's pages are written, and their keys made, by whichever process rendered them)."""
    from etalase import headers
    from etalase.memo import PageRecord

    found = headers.inline_hashes(html)
    data = headers.with_meta_policy(html, found).encode("utf-8")
    record = PageRecord(known[page.path] or keys.key(page), hashlib.sha256(data).hexdigest(),
                        found)
    if out.direct:
        out.put(PurePosixPath(page.path), data)
        return record, None
    return record, data


def _write_files(loaded: Loaded, renderer: Renderer, extras: Extras, todo: list[Page],
                 records: dict[str, PageRecord], out: StagedOutput | UpdatedOutput) -> None:
    """Everything but pages and photos: the CSP, the sitemap, the feed, the scripts."""
    from etalase import feeds, headers, scripts

    config, catalog = loaded.config, loaded.catalog
    written = [page for page in todo if page.path in records]
    policy = headers.Policy()
    for page in written:
        policy.add_hashes(records[page.path].inline)
    version = scripts.version([extras.index, extras.script,
                               *(records[page.path].sha for page in written)])
    extras.write(out, version, CONFIG_FILE)
    paths = [page.path for page in written] + [scripts.SERVICE_WORKER, scripts.SEARCH_INDEX]
    out.text("_headers", headers.headers_file(policy, paths, config.base_path), CONFIG_FILE)
    out.text("sitemap.xml", feeds.sitemap(config, written), CONFIG_FILE)
    out.text("robots.txt", feeds.robots(config), CONFIG_FILE)
    out.text("feed.xml", feeds.atom(config, catalog, renderer.t("product_feed")), CONFIG_FILE)


def _stop_on_errors(report: Report, config: SiteConfig) -> None:
    if report.failing():
        raise Abort(report, config.language)
