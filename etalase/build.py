"""The pipeline: decide -> load & validate -> process images -> render -> write.

``build`` reads top to bottom as those stages. What to read and render again, and how
the new site is staged and made live, is decided by ``etalase.incremental``; callers go
through ``incremental.build``, which takes the build lock and answers "nothing changed"
before this module is even imported. Stages report problems into the Report and progress
through callbacks: nothing here prints.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etalase import incremental
from etalase.errors import Abort, Loc, Report
from etalase.incremental import BUILD_DIR, Built
from etalase.language import CONFIG_FILE
from etalase.parallel import collector_paused
from etalase.reading import ReadFiles, read_files

if TYPE_CHECKING:  # the pipeline itself is imported when there is work to do
    from etalase import images
    from etalase.catalog import Catalog
    from etalase.config import SiteConfig
    from etalase.identity import Identity
    from etalase.imagesettings import ImageSettings
    from etalase.incremental import Decision, Memory, PageRecord
    from etalase.output import Output
    from etalase.render import Page, Renderer, Theme
    from etalase.scripts import Extras

__all__ = ["BUILD_DIR", "Built", "Loaded", "build", "check"]


@dataclass(frozen=True)
class Loaded:
    root: Path
    config: SiteConfig
    catalog: Catalog
    report: Report
    theme: Theme
    image_settings: ImageSettings
    photo_keys: dict[str, str]  # photo source -> cache digest, computed once by check
    theme_color: str  # the theme's, which site.yaml may override

    @functools.cached_property
    def cache(self) -> images.ImageCache:
        from etalase import images

        return images.ImageCache(self.root / images.CACHE_DIR)


def check(root: Path, strict: bool = False, lang: str = "id", read: ReadFiles = read_files,
          photo_digests: dict[str, str] | None = None, lenient: bool = False) -> Loaded:
    """Loads and validates everything without writing; raises Abort on problems.
    ``read`` runs the loaders (a build's memory does not read unchanged files again);
    ``photo_digests``: the hashes of photos' bytes by source, when known already.
    ``lenient``: unknown fields are warnings, not errors."""
    from etalase import images
    from etalase.catalog import load_catalog
    from etalase.config import load_config
    from etalase.render import Theme

    report = Report(lenient)
    config = load_config(root, report, read)
    catalog = load_catalog(root, report, read)
    if config is None:
        raise Abort(report, lang, strict)
    theme = Theme(root, config.theme)
    if not theme.dir.is_dir():
        report.error(Loc(CONFIG_FILE), "theme.missing", name=config.theme)
        raise Abort(report, config.language, strict)
    settings = theme.image_settings(report, config.max_megapixels)
    loaded = Loaded(root, config, catalog, report, theme, settings, {}, theme.colour(report))
    images.check_metadata(root, report, photo_digests)  # (a scan's files, when given)
    for photo in [*catalog.photos(), *config.pictures]:
        if photo.src not in loaded.photo_keys:  # a photo shared by products: checked once
            loaded.photo_keys[photo.src] = images.inspect(
                photo, root / "content", settings, loaded.cache, report, photo_digests)
    if report.failing(strict):
        raise Abort(report, config.language, strict)
    return loaded


def build(root: Path, strict: bool = False, lang: str = "id",
          progress: images.Progress | None = None, decision: Decision | None = None,
          lenient: bool = False) -> Built:
    """Writes the site; ``build/`` changes, in one step, only when all went well. Only
    pages whose inputs changed are rendered again. The caller holds the build lock
    (``incremental.build``, which may have made the ``decision`` already)."""
    with collector_paused():
        return _build(root, strict, lang, progress, decision, lenient)


def _build(root: Path, strict: bool, lang: str, progress: images.Progress | None,
           decision: Decision | None, lenient: bool) -> Built:
    memory = incremental.begin(root, strict, lenient=lenient, decision=decision)  # decide
    loaded = check(root, strict, lang, memory.read, memory.photo_digests, lenient)  # load
    with memory.output() as out:
        image_sets, preview = _images(loaded, out, progress)  # images
        identity = _identity(loaded, out)
        renderer, extras = _renderer(loaded, image_sets, preview, identity, memory)
        todo = list(_pages(loaded))
        records = _write_pages(renderer, todo, memory, out)  # render
        _stop_on_errors(loaded.report, loaded.config)
        _write_files(loaded, renderer, extras, todo, records, out, identity)  # write
    config = loaded.config
    built = Built(config.language, loaded.report.lines(config.language), len(todo),
                  len(out.sources))
    memory.remember(built, records, out)
    loaded.cache.prune([*(image_set.key for image_set in image_sets.values()),
                        *identity.keys])
    return built


def _images(loaded: Loaded, out: Output, progress: images.Progress | None,
            ) -> tuple[dict[str, images.ImageSet], images.ImageFile | None]:
    """Every photo's image set, and the site's link preview made of the featured ones."""
    from etalase import images

    catalog, config = loaded.catalog, loaded.config
    image_sets = images.process(catalog.photos(), loaded.root / "content",
                                loaded.image_settings, loaded.cache, out, loaded.report,
                                loaded.photo_keys, progress)
    _stop_on_errors(loaded.report, config)
    shown = [p.images[0] for p in catalog.products if p.images and p.featured]
    shown = shown or [p.images[0] for p in catalog.products if p.images]
    preview = images.site_preview([image_sets[p.src] for p in shown if p.src in image_sets],
                                  loaded.cache, loaded.image_settings, out, CONFIG_FILE)
    return image_sets, preview


def _identity(loaded: Loaded, out: Output) -> Identity:
    """The shop's icons and logo (see ``etalase.identity``)."""
    from etalase import identity

    made = identity.make(loaded, loaded.theme_color, out)
    _stop_on_errors(loaded.report, loaded.config)
    assert made is not None  # a picture that cannot be read is reported
    return made


def _renderer(loaded: Loaded, image_sets: dict[str, images.ImageSet],
              preview: images.ImageFile | None, identity: Identity, memory: Memory,
              ) -> tuple[Renderer, Extras]:
    from etalase import scripts
    from etalase.render import Renderer

    renderer = Renderer(loaded.theme, loaded.config, image_sets, loaded.report, preview,
                        identity, memory.templates)
    extras = scripts.Extras(renderer, loaded.catalog)
    _stop_on_errors(loaded.report, loaded.config)
    return renderer, extras


def _pages(loaded: Loaded) -> list[Page]:
    from etalase.render import pages

    return list(pages(loaded.catalog, loaded.config.stories_noindex, loaded.config.new_days))


def _write_pages(renderer: Renderer, todo: list[Page], memory: Memory, out: Output,
                 ) -> dict[str, PageRecord]:
    """Renders and writes every page whose key changed (all of them in a whole build);
    returns the pages' records, for the next build."""
    from etalase.output import DuplicateOutput
    from etalase.render import render_all

    previous = memory.previous_pages
    keys = memory.keys(renderer, renderer.theme.dir)

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
            out.put(page.path, data)
    return records


def _finish(keys: incremental.PageKeys, known: dict[str, str | None], out: Output,
            page: Page, html: str) -> tuple[PageRecord, bytes | None]:
    """A rendered page's record, and its bytes unless they are written already (a new
    site's pages are written, and their keys made, by whichever process rendered them)."""
    from etalase import headers
    from etalase.incremental import PageRecord

    data = html.encode("utf-8")
    found = headers.inline_hashes(data)
    data = headers.with_meta_policy(data, found)
    record = PageRecord(known[page.path] or keys.key(page), hashlib.sha256(data).hexdigest(),
                        found)
    if out.direct:
        out.put(page.path, data)
        return record, None
    return record, data


def _write_files(loaded: Loaded, renderer: Renderer, extras: Extras, todo: list[Page],
                 records: dict[str, PageRecord], out: Output, identity: Identity) -> None:
    """Everything but pages and photos: the CSP, the sitemap, the feed, the scripts,
    the web app manifest."""
    from etalase import feeds, headers, scripts
    from etalase.identity import MANIFEST_FILE, web_manifest

    config, catalog = loaded.config, loaded.catalog
    written = [page for page in todo if page.path in records]
    policy = headers.Policy()
    for page in written:
        policy.add_hashes(records[page.path].inline)
    version = scripts.version([extras.index, extras.script,
                               *(records[page.path].sha for page in written)])
    extras.write(out, version, CONFIG_FILE)
    out.text(MANIFEST_FILE, web_manifest(config, identity, loaded.image_settings.background),
             CONFIG_FILE)
    paths = [page.path for page in written] + [scripts.SERVICE_WORKER, scripts.SEARCH_INDEX,
                                               MANIFEST_FILE]
    out.text("_headers", headers.headers_file(policy, paths, config.base_path), CONFIG_FILE)
    out.text("sitemap.xml", feeds.sitemap(config, written), CONFIG_FILE)
    out.text("robots.txt", feeds.robots(config), CONFIG_FILE)
    out.text("feed.xml", feeds.atom(config, catalog, renderer.t("product_feed")), CONFIG_FILE)


def _stop_on_errors(report: Report, config: SiteConfig) -> None:
    if report.failing():
        raise Abort(report, config.language)
