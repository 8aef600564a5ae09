"""Image pipeline benchmark (not a test): python bench/images.py [--count 40]

Reports, on a deterministic set of synthetic phone photos (4000x3000 JPEG with EXIF and
GPS, two HEIC, two PNG): cold time per photo for this pipeline and for a naive reference
(full decode, one LANCZOS resize per output from the original, same outputs and encoder
settings), the warm (cached) time and its encoder calls, the peak RSS of one 108 MP photo,
the bytes of the listing-card image a 412 px phone at DPR 2 picks and of the link
previews, and the PSNR of every output against a LANCZOS reference of the same size.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops, ImageOps, ImageStat  # noqa: E402

from bench.photos import make_set, scene  # noqa: E402
from etalase import imageproc, images  # noqa: E402
from etalase.catalog import Photo  # noqa: E402
from etalase.errors import Loc, Report  # noqa: E402
from etalase.imagesettings import ImageSettings  # noqa: E402
from etalase.output import StagedOutput  # noqa: E402

SETTINGS = ImageSettings()
CARD_CSS_PX, DPR = 206, 2  # the card is 50vw on a 412 px wide phone


def upright_full(path: Path) -> Image.Image:
    """The naive decode: every pixel, then orientation, colour and flattening."""
    with Image.open(path) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        return imageproc._flatten(imageproc._to_srgb(upright), SETTINGS.background)


def naive(path: Path) -> int:
    """The reference pipeline: one LANCZOS resize from the original per output."""
    image = upright_full(path)
    widths = imageproc.target_widths(image.width, SETTINGS)
    total = 0
    for width in widths:
        size = (width, round(image.height * width / image.width))
        resized = image.resize(size, Image.Resampling.LANCZOS)
        total += sum(len(imageproc.encode(resized, fmt, SETTINGS)) for fmt in ("avif", "webp"))
    fallback = min(widths, key=lambda w: abs(w - SETTINGS.fallback_width))
    size = (fallback, round(image.height * fallback / image.width))
    total += len(imageproc.encode(image.resize(size, Image.Resampling.LANCZOS), "jpg", SETTINGS))
    fitted = ImageOps.fit(image, SETTINGS.preview_size, Image.Resampling.LANCZOS)
    return total + len(imageproc.encode(fitted, "jpg", SETTINGS, 78))


def psnr(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    mse = sum(ImageStat.Stat(diff).sum2) / (3 * a.width * a.height)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def quality(args: tuple[Path, Path]) -> list[tuple[str, float]]:
    """PSNR of each output of one photo against a LANCZOS resize of the full original."""
    source, entry = args
    original = upright_full(source)
    scores = []
    for output in sorted(entry.iterdir()):
        if output.suffix == ".json":
            continue
        with Image.open(output) as image:
            if output.name == "preview.jpg":
                reference = ImageOps.fit(original, image.size, Image.Resampling.LANCZOS)
            else:
                reference = original.resize(image.size, Image.Resampling.LANCZOS)
            scores.append((output.name, psnr(image, reference)))
    return scores


def run_pipeline(photos: list[Photo], content: Path, cache: images.ImageCache) -> float:
    with tempfile.TemporaryDirectory() as out_dir:
        report = Report()
        start = time.perf_counter()
        images.process(photos, content, SETTINGS, cache, StagedOutput(Path(out_dir)), report)
        elapsed = time.perf_counter() - start
    assert not report.failing(), [p.key for p in report.problems]
    return elapsed


def peak_rss_108mp(folder: Path) -> float:
    """Peak RSS (MB) of a fresh process that renders one 12000x9000 JPEG.

    Read from VmHWM: ru_maxrss survives exec on Linux and would report this process's peak.
    """
    path = folder / "IMG_108MP.jpg"
    if not path.exists():
        scene(108, (12000, 9000)).save(path, quality=85)
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path;"
            "from etalase import imageproc, imagesettings;"
            f"imageproc.render(Path({str(path)!r}), imagesettings.ImageSettings());"
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--photos", type=Path,
                        default=Path(tempfile.gettempdir()) / "etalase-bench-photos")
    args = parser.parse_args()

    folder = args.photos / f"n{args.count}"
    paths = sorted(folder.glob("IMG_0*")) + sorted(folder.glob("Screenshot_*"))
    if len(paths) != args.count:
        print(f"making {args.count} synthetic photos in {folder} ...", flush=True)
        paths = make_set(folder, args.count)
    photos = [Photo(p.name, p.stem, Loc(f"content/products/{p.stem}.yaml", 5)) for p in paths]

    with tempfile.TemporaryDirectory() as cache_dir:
        cache = images.ImageCache(Path(cache_dir))
        cold = run_pipeline(photos, folder, cache)
        calls = 0
        real_encode = imageproc.encode

        def counting(*a: object, **k: object) -> bytes:
            nonlocal calls
            calls += 1
            return real_encode(*a, **k)  # type: ignore[arg-type]

        imageproc.encode = counting  # type: ignore[assignment]
        warm = run_pipeline(photos, folder, cache)
        imageproc.encode = real_encode

        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(naive, paths))
        reference = time.perf_counter() - start

        entries = {p: Path(cache_dir) / images.digest(p, SETTINGS) for p in paths}
        cards, previews = [], []
        for entry in entries.values():
            widths = sorted(int(f.name.split(".")[0]) for f in entry.glob("*.avif"))
            chosen = next((w for w in widths if w >= CARD_CSS_PX * DPR), widths[-1])
            cards.append((entry / f"{chosen}.avif").stat().st_size)
            previews.append((entry / "preview.jpg").stat().st_size)
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            scores = [s for per_photo in pool.map(quality, entries.items()) for s in per_photo]

    rss = peak_rss_108mp(args.photos)
    n = len(paths)
    kb = 1024
    print(f"\nimage pipeline benchmark: {n} photos (4000x3000; 2 HEIC, 2 PNG), "
          f"{os.cpu_count()} cores, `python bench/images.py --count {args.count}`")
    print(f"{'measure':44} {'value':>12}")
    print(f"{'cold, this pipeline (s/photo)':44} {cold / n:12.3f}")
    print(f"{'cold, naive reference (s/photo)':44} {reference / n:12.3f}")
    print(f"{'speed-up (naive / this)':44} {reference / cold:11.2f}x")
    print(f"{'warm, cached build (s total)':44} {warm:12.3f}")
    print(f"{'warm, encoder calls':44} {calls:12d}")
    print(f"{'peak RSS, one 108 MP photo (MB)':44} {rss:12.0f}")
    print(f"{'card image at 412 px DPR 2, median (KB)':44} {statistics.median(cards) / kb:12.1f}")
    print(f"{'card image at 412 px DPR 2, max (KB)':44} {max(cards) / kb:12.1f}")
    print(f"{'preview 1200x630, median (KB)':44} {statistics.median(previews) / kb:12.1f}")
    print(f"{'preview 1200x630, max (KB)':44} {max(previews) / kb:12.1f}")
    print(f"{'PSNR vs LANCZOS reference, min (dB)':44} {min(s for _, s in scores):12.1f}")
    median_psnr = statistics.median(s for _, s in scores)
    print(f"{'PSNR vs LANCZOS reference, median (dB)':44} {median_psnr:12.1f}")
    worst = min(scores, key=lambda s: s[1])
    print(f"{'worst output':44} {worst[0]:>12}")


if __name__ == "__main__":
    main()
