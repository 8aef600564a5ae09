"""The pipeline: load & validate -> process images -> render -> write atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etalase import stamp
from etalase.errors import Abort, Loc, Report
from etalase.language import CONFIG_FILE

if TYPE_CHECKING:  # the pipeline itself is imported when there is work to do
    from etalase import images
    from etalase.catalog import Catalog
    from etalase.config import SiteConfig
    from etalase.imageproc import ImageSettings
    from etalase.render import Theme

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

    @property
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


def check(root: Path, strict: bool = False, lang: str = "id") -> Loaded:
    """Loads and validates everything without writing; raises Abort on problems."""
    from etalase import images
    from etalase.catalog import load_catalog
    from etalase.config import load_config
    from etalase.imageproc import ImageSettings
    from etalase.render import Theme

    report = Report()
    config = load_config(root, report)
    catalog = load_catalog(root, report)
    if config is None:
        raise Abort(report, lang, strict)
    theme = Theme(root, config.theme)
    if not theme.dir.is_dir():
        report.error(Loc(CONFIG_FILE), "theme.missing", name=config.theme)
        raise Abort(report, config.language, strict)
    settings = ImageSettings(
        background=theme.settings(report).get("background", ImageSettings.background),
        max_megapixels=config.max_megapixels,
    )
    loaded = Loaded(root, config, catalog, report, theme, settings, {})
    for photo in catalog.photos():
        if photo.src not in loaded.photo_keys:  # a photo shared by products: checked once
            loaded.photo_keys[photo.src] = images.inspect(
                photo, root / "content", settings, loaded.cache, report)
    if report.failing(strict):
        raise Abort(report, config.language, strict)
    return loaded


def build(root: Path, strict: bool = False, lang: str = "id") -> Built:
    """``check``, then render into a staging folder swapped in only when all went well.

    When no input changed since the last successful build and ``build/`` is as it left
    it, the build is already up to date and nothing is done.
    """
    options = f"strict={strict}"
    last = stamp.load(root)
    now = stamp.inputs(root, options)
    if last and last["inputs"] == now and last["output"] == stamp.fingerprint(root / BUILD_DIR):
        return Built(last["lang"], last["notes"], last["pages"], last["files"], skipped=True)
    built = _build(root, strict, lang)
    stamp.save(root, {"inputs": now, "output": stamp.fingerprint(root / BUILD_DIR),
                      "lang": built.lang, "notes": built.notes, "pages": built.pages,
                      "files": built.files})
    return built


def _build(root: Path, strict: bool, lang: str) -> Built:
    from etalase import feeds, headers, images, scripts
    from etalase.output import DuplicateOutput, staged
    from etalase.render import Renderer, pages, render_all

    loaded = check(root, strict, lang)
    config, catalog, report = loaded.config, loaded.catalog, loaded.report
    count = 0
    with staged(root / BUILD_DIR) as out:
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
        policy, written, texts = headers.Policy(), [], [extras.index, extras.script]
        todo = list(pages(catalog, config.stories_noindex))
        for page, html in zip(todo, render_all(renderer, todo), strict=True):
            if html is None:
                continue
            policy.add(html)
            texts.append(html)
            written.append(page)
            try:
                out.text(page.path, html, page.source)
            except DuplicateOutput as clash:
                report.error(Loc(clash.second), "url.output_clash", path=clash.path,
                             other=clash.first)
            count += 1
        extras.write(out, scripts.version(texts), CONFIG_FILE)
        _stop_on_errors(report, config)
        paths = [page.path for page in written] + [scripts.SERVICE_WORKER, scripts.SEARCH_INDEX]
        out.text("_headers", headers.headers_file(policy, paths, config.base_path), CONFIG_FILE)
        lastmod = feeds.modified(root, catalog)
        out.text("sitemap.xml", feeds.sitemap(config, written, lastmod), CONFIG_FILE)
        out.text("robots.txt", feeds.robots(config), CONFIG_FILE)
        out.text("feed.xml", feeds.atom(config, catalog, renderer.t("product_feed")), CONFIG_FILE)
        files = len(out.sources)
    loaded.cache.prune(image_set.key for image_set in image_sets.values())
    return Built(config.language, report.lines(config.language), count, files)


def _stop_on_errors(report: Report, config: SiteConfig) -> None:
    if report.failing():
        raise Abort(report, config.language)
