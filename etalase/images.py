"""The image stage: plan -> process (parallel, cached) -> publish -> prune.

Templates never build image URLs; they ask for "the variants of this photo"
(``variants_of(photo)``) and render the :class:`ImageSet`. Work is content-addressed: a
photo's bytes plus the settings name a cache entry under ``.etalase-cache/images/``, so a
second build encodes nothing and a changed photo re-encodes only itself. Output names are
that hash, never the original file name.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from etalase import sealing
from etalase.catalog import Photo
from etalase.digest import bytes_digest as data_digest
from etalase.digest import file_digest
from etalase.errors import Loc, Report
from etalase.imagesettings import Encoded, ImageSettings, TooManyPixels
from etalase.output import Output
from etalase.paths import own_folder

CACHE_DIR = ".etalase-cache/images"
MANIFEST = "manifest.json"
Progress = Callable[[int, int], None]  # (photos done, photos to do): for a progress bar


@dataclass(frozen=True)
class ImageFile:
    url: str  # path inside the site, e.g. "img/3f2a9c0d1e2b4a5f6a7b-480.avif"
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImageSet:
    key: str  # the cache entry (source bytes + settings)
    files: tuple[ImageFile, ...]  # every width in every modern format
    fallback: ImageFile  # one JPEG for old browsers
    preview: ImageFile  # 1200x630 JPEG for link previews
    placeholder: str  # a CSS colour shown while the image loads

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height

    # A photo is shown on several pages: what pages ask of it is worked out once.
    @functools.cached_property
    def placeholder_class(self) -> str:
        """The nearest of the placeholder colour classes to this photo's average colour."""
        channels = (int(self.placeholder[i:i + 2], 16) for i in (1, 3, 5))
        return "ph" + "".join(str(_level(c)) for c in channels)

    def sources(self) -> list[tuple[str, tuple[ImageFile, ...]]]:
        """(mime, files by width) per ``<source>``, best format first."""
        return self._sources

    @functools.cached_property
    def _sources(self) -> list[tuple[str, tuple[ImageFile, ...]]]:
        order = list(dict.fromkeys(f.mime for f in self.files))
        return [(mime, tuple(f for f in self.files if f.mime == mime)) for mime in order]


PLACEHOLDER_LEVELS = (72, 150, 222)  # each channel of a placeholder is one of these


def _level(channel: int) -> int:
    return min(range(3), key=lambda i: abs(PLACEHOLDER_LEVELS[i] - channel))


def placeholder_css() -> str:
    """The 27 placeholder colour classes, so pages need no style attributes (which a strict
    Content-Security-Policy would block) and every page shares one stylesheet hash."""
    return "".join(
        f".ph{r}{g}{b}{{background:#{PLACEHOLDER_LEVELS[r]:02x}{PLACEHOLDER_LEVELS[g]:02x}"
        f"{PLACEHOLDER_LEVELS[b]:02x}}}"
        for r in range(3) for g in range(3) for b in range(3)
    )


class ImageCache:
    """One folder per digest holding the encoded files and a manifest written last.

    Its files are published as they are (hard links into ``build/``), and a site folder
    may come with a cache someone else filled: an entry is used only when its manifest
    is sealed by this user's builds (``etalase.sealing``) and each file still holds the
    bytes recorded there (known by its unchanged stat, else by its hash). Anything else
    is a miss, and the photo is encoded again: a planted picture, or one carrying a
    location, is never published."""

    def __init__(self, folder: Path) -> None:
        self.folder = own_folder(folder)  # entries are deleted: never through a link
        self._read: dict[str, dict] = {}  # entries never change once written: read once

    def manifest(self, digest: str) -> dict | None:
        if digest not in self._read:
            found = _trusted(self.folder / digest)
            if found is None:
                return None
            self._read[digest] = found
        return self._read[digest]

    def store(self, digest: str, files: list[Encoded], warnings: list[str]) -> dict:
        """Writes an entry atomically: a half-written entry is never taken for a hit."""
        from etalase import imageproc  # pixel work: Pillow is imported only for it

        tmp = self.folder / f".{digest}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        entries = []
        for file in files:
            (tmp / file.name).write_bytes(file.data)
            entries.append({"name": file.name, "width": file.width, "height": file.height,
                            "mime": file.mime, "digest": data_digest(file.data),
                            "stat": _identity(os.lstat(tmp / file.name))})
        fallback = next((f for f in files if f.name.endswith(".jpg") and f.name != "preview.jpg"),
                        None)  # icons and logos have none
        manifest = {
            "key": digest,  # sealed with it: an entry cannot be passed off as another's
            "files": entries,
            "placeholder": imageproc.placeholder(fallback.data) if fallback else None,
            "warnings": warnings,
        }
        (tmp / MANIFEST).write_bytes(sealing.seal(json.dumps(manifest).encode()))
        shutil.rmtree(self.folder / digest, ignore_errors=True)
        os.replace(tmp, self.folder / digest)
        return manifest

    def prune(self, keep: Iterable[str]) -> int:
        """Removes entries no photo uses any more; returns how many."""
        keep = set(keep)
        removed = 0
        for entry in self.folder.glob("*") if self.folder.is_dir() else []:
            if entry.name not in keep:
                if entry.is_symlink() or not entry.is_dir():
                    entry.unlink(missing_ok=True)
                else:
                    shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


def _trusted(entry: Path) -> dict | None:
    """A cache entry's manifest, if this user's builds wrote it and its files are intact."""
    if entry.is_symlink():
        return None
    try:
        data = sealing.unseal((entry / MANIFEST).read_bytes())
        manifest = json.loads(data) if data is not None else None
        intact = manifest is not None and manifest["key"] == entry.name and all(
            _intact(entry / file["name"], file) for file in manifest["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest if intact else None


def _intact(path: Path, recorded: dict) -> bool:
    """The file holds the bytes written: untouched since (the same stat), or a copy of
    the cache elsewhere (another folder, unzipped) whose bytes hash the same."""
    found = os.lstat(path)
    if not stat.S_ISREG(found.st_mode):
        return False
    return _identity(found) == recorded["stat"] or file_digest(path) == recorded["digest"]


def _identity(found: os.stat_result) -> list[int]:
    return [found.st_size, found.st_ino, found.st_mtime_ns]


def digest(path: Path, settings: ImageSettings, bytes_digest: str | None = None) -> str:
    """The photo's cache key: the hash of its bytes (``bytes_digest``, when the caller has
    hashed them already: see ``digest.file_digest``) and the settings."""
    hasher = hashlib.sha256(settings.fingerprint)
    hasher.update((bytes_digest or file_digest(path)).encode())
    return hasher.hexdigest()[:20]


def inspect(photo: Photo, content: Path, settings: ImageSettings, cache: ImageCache,
            report: Report, known: Mapping[str, str] | None = None) -> str:
    """Checks a photo can be used, cheaply: cached ones are known good; others are decoded
    at reduced scale, which catches truncated files, bombs and non-images. Returns the
    photo's digest, so that the build does not hash it again. ``known``: the hashes of
    photos' bytes, by source, that the caller has already."""
    path = content / photo.src
    key = digest(path, settings, known.get(photo.src) if known else None)
    if cache.manifest(key) is not None:
        return key
    from etalase import imageproc

    try:
        with imageproc.open_checked(path, settings) as image:
            image.draft("RGB", (320, 320))
            image.load()
    except (TooManyPixels, imageproc.NotAPhoto, *imageproc.BAD_PHOTO) as exc:
        message, args = _problem(exc, path, settings)
        report.error(photo.loc, message, value=photo.src, **args)
    return key


Why = tuple[str, dict]  # why a photo cannot be used: a message key and its values


def _problem(exc: Exception, path: Path, settings: ImageSettings) -> Why:
    from etalase import imageproc

    if isinstance(exc, TooManyPixels):
        return "image.too_big", {"limit": settings.max_megapixels}
    if isinstance(exc, imageproc.NotAPhoto) and exc.actual:
        claimed = imageproc.PHOTO_FORMATS[path.suffix.lower()]
        return "image.wrong_suffix", {
            "actual": imageproc.SHOWN_NAMES[exc.actual],
            "claimed": imageproc.SHOWN_NAMES[claimed],
            "suffix": imageproc.SUFFIXES[exc.actual]}
    if isinstance(exc, imageproc.NotAPhoto):
        return "image.not_photo", {}
    return "image.unreadable", {}


def photos_in(content: Path, files: Iterable[str] | None = None) -> list[Path]:
    """Every photo file under ``content/``, used or not: all of them are committed.
    ``files``: every file under it (paths inside it), when a scan has listed them."""
    from etalase.paths import IMAGE_SUFFIXES

    if files is None:
        files = (os.path.relpath(os.path.join(top, name), content)
                 for top, _, names in os.walk(content) for name in names)
    return sorted(content / rel for rel in files
                  if os.path.splitext(rel)[1].lower() in IMAGE_SUFFIXES)


def check_metadata(root: Path, report: Report, files: Iterable[str] | None = None) -> None:
    """Reports every photo under ``content/`` that carries its location or camera data,
    with the command that cleans it (only the photos' headers are read). ``files``: as
    for ``photos_in``."""
    photos = photos_in(root / "content", files)
    if photos:
        from etalase import photometa
    for path in photos:
        try:
            found = photometa.metadata_of(path)
        except (OSError, photometa.NotCleanable):
            continue  # not readable as a photo: a product using it is told so
        if found:
            key = "photo.location" if "location" in found else "photo.metadata"
            report.error(Loc(path.relative_to(root).as_posix()), key)


def _work(path: Path, key: str, settings: ImageSettings, folder: Path) -> tuple[str, dict | Why]:
    """Runs in a worker process: one photo -> a cache entry (or why not)."""
    from etalase import imageproc

    try:
        files, warnings = imageproc.render(path, settings)
    except (TooManyPixels, imageproc.NotAPhoto, *imageproc.BAD_PHOTO) as exc:
        return key, _problem(exc, path, settings)
    return key, ImageCache(folder).store(key, files, warnings)


def process(photos: list[Photo], content: Path, settings: ImageSettings, cache: ImageCache,
            out: Output, report: Report, known: dict[str, str] | None = None,
            progress: Progress | None = None) -> dict[str, ImageSet]:
    """Every photo's set, encoding only what the cache lacks; files go into ``out``.
    ``known`` maps photo sources to digests already computed (by ``inspect``);
    ``progress`` is told of each photo encoded."""
    known = known or {}
    keys = {p.src: known.get(p.src) or digest(content / p.src, settings) for p in photos}
    manifests = {key: cache.manifest(key) for key in set(keys.values())}
    todo = {key: src for src, key in keys.items() if manifests[key] is None}
    manifests.update(_run(todo, content, settings, cache, progress or _silent))
    sets: dict[str, ImageSet] = {}
    for photo in photos:
        key = keys[photo.src]
        manifest = manifests[key]
        if isinstance(manifest, tuple):
            report.error(photo.loc, manifest[0], value=photo.src, **manifest[1])
            continue
        for warning in manifest["warnings"]:
            report.warning(photo.loc, f"image.{warning}", value=photo.src)
        if photo.src not in sets:
            sets[photo.src] = _publish(key, manifest, cache, out, photo.loc.path)
    return sets


def _silent(done: int, total: int) -> None:
    pass


def _run(todo: dict[str, str], content: Path, settings: ImageSettings, cache: ImageCache,
         progress: Progress) -> dict[str, dict | Why]:
    if len(todo) <= 1:  # not worth starting processes
        return dict(_work(content / src, key, settings, cache.folder) for key, src in todo.items())
    from concurrent.futures import as_completed

    from etalase.parallel import fresh_pool

    results = {}
    with fresh_pool() as pool:
        futures = [pool.submit(_work, content / src, key, settings, cache.folder)
                   for key, src in todo.items()]
        for future in as_completed(futures):
            key, result = future.result()
            results[key] = result
            progress(len(results), len(futures))
    return results


def place(key: str, manifest: dict, cache: ImageCache, out: Output,
          source: str) -> dict[str, ImageFile]:
    """Puts a cache entry's files into the site as ``img/<key>-<name>``; by name."""
    files = {}
    for entry in manifest["files"]:
        url = f"img/{key}-{entry['name']}"
        if url.lower() not in out.sources:  # two photos with the same bytes
            out.link(url, cache.folder / key / entry["name"], source)
        files[entry["name"]] = ImageFile(url, entry["width"], entry["height"], entry["mime"])
    return files


def _publish(key: str, manifest: dict, cache: ImageCache, out: Output,
             source: str) -> ImageSet:
    files = place(key, manifest, cache, out, source)
    modern = tuple(f for name, f in files.items() if not name.endswith(".jpg"))
    preview = files.pop("preview.jpg")
    fallback = next(f for name, f in files.items() if name.endswith(".jpg"))
    return ImageSet(key, modern, fallback, preview, manifest["placeholder"])


def site_preview(sets: list[ImageSet], cache: ImageCache, settings: ImageSettings,
                 out: Output, source: str) -> ImageFile | None:
    """A 1200x630 link preview for the home and other pages: slices of up to three
    product previews side by side. Named by the photos it shows, so it is stable."""
    chosen = list(dict.fromkeys(sets))[:3]
    if not chosen:
        return None
    width, height = settings.preview_size
    key = hashlib.sha256("+".join(s.key for s in chosen).encode()).hexdigest()[:20]
    url = f"img/site-{key}.jpg"
    if out.exists(url):  # named by what it shows: the previous site's is the same
        out.keep(url, source)
        return ImageFile(url, width, height, "image/jpeg")
    from PIL import Image

    from etalase import imageproc

    canvas = Image.new("RGB", (width, height), settings.background)
    slice_width = width // len(chosen)
    for index, image_set in enumerate(chosen):
        name = image_set.preview.url.rsplit("-", 1)[1]
        with Image.open(cache.folder / image_set.key / name, formats=["JPEG"]) as preview:
            left = (width - slice_width) // 2
            part = preview.convert("RGB").crop((left, 0, left + slice_width, height))
        canvas.paste(part, (index * slice_width, 0))
    out.write(url, imageproc.preview(canvas, settings), source)
    return ImageFile(url, width, height, "image/jpeg")
