"""Card photo encoder settings (not a test):
python bench/cardtune.py [--set catalog|phone] [--width 320] [--count 12]

The home page's card photos are what a buyer on a 412 px phone (DPR 2) downloads first:
its cards ask for 38vw, so the 320 px file. For each AVIF/WebP setting tried, this prints
the median and largest size of that file over deterministic photos (``catalog``: the
woven textures of bench/catalog.py's synthetic catalogs; ``phone``: bench/photos.py's
4000x3000 scenes) and its fidelity to a LANCZOS resize of the full original: PSNR and
SSIM (luma, 8x8 windows), medians and minimums.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from bench.catalog import texture  # noqa: E402
from bench.images import psnr, upright_full  # noqa: E402
from bench.photos import make_set  # noqa: E402
from etalase import imageproc  # noqa: E402
from etalase.imagesettings import ImageSettings  # noqa: E402

# (label, format, save options); the first is today's default.
TRIALS = [
    ("avif q50 speed8 (old default)", "AVIF", {"quality": 50, "speed": 8}),
    ("avif q46 speed8 (default)", "AVIF", {"quality": 46, "speed": 8}),
    # Better and smaller, but 3-5x slower to encode: every cold build would pay for it.
    ("avif q50 speed6", "AVIF", {"quality": 50, "speed": 6}),
    ("avif q60 speed8 tune=ssim", "AVIF", {"quality": 60, "speed": 8,
                                           "advanced": {"tune": "ssim"}}),
    ("webp q70 m4 (default)", "WEBP", {"quality": 70, "method": 4}),
]


def ssim(a: Image.Image, b: Image.Image, window: int = 8) -> float:
    """Mean SSIM of the luma planes over sliding ``window`` x ``window`` boxes."""
    x = np.asarray(a.convert("L"), dtype=np.float64)
    y = np.asarray(b.convert("L"), dtype=np.float64)

    def box(m: np.ndarray) -> np.ndarray:
        s = np.cumsum(np.cumsum(np.pad(m, ((1, 0), (1, 0))), 0), 1)
        w = window
        return (s[w:, w:] - s[:-w, w:] - s[w:, :-w] + s[:-w, :-w]) / (w * w)

    mx, my = box(x), box(y)
    vx, vy, cxy = box(x * x) - mx**2, box(y * y) - my**2, box(x * y) - mx * my
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    s = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx**2 + my**2 + c1) * (vx + vy + c2))
    return float(s.mean())


def one(job: tuple[Path, int]) -> list[tuple[int, float, float]]:
    path, width = job
    settings = ImageSettings()
    image, _ = imageproc.decode(path, settings)
    sized = imageproc.resize_steps(image, [width])[width]
    reference = upright_full(path).resize(sized.size, Image.Resampling.LANCZOS)
    results = []
    for _, fmt, options in TRIALS:
        buffer = io.BytesIO()
        sized.save(buffer, fmt, **options)
        with Image.open(io.BytesIO(buffer.getvalue())) as decoded:
            decoded.load()
            results.append((len(buffer.getvalue()), psnr(decoded, reference),
                            ssim(decoded, reference)))
    return results


def photos(kind: str, folder: Path, count: int) -> list[Path]:
    """The photos to try, made once and kept in ``folder``."""
    folder = folder / f"{kind}{count}"
    paths = sorted(folder.glob("*.jpg")) + sorted(folder.glob("*.heic")) + sorted(
        folder.glob("*.png"))
    if len(paths) == count:
        return paths
    if kind == "phone":
        return make_set(folder, count)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for i in range(count):  # as bench/catalog.py makes them
        dark, light = (tuple(rng.randint(lo, hi) for _ in range(3)) for lo, hi in
                       ((20, 110), (140, 240)))
        texture(rng, dark, light).save(folder / f"foto-{i:02d}.jpg", "JPEG", quality=85)
    return sorted(folder.glob("*.jpg"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["catalog", "phone"], default="catalog")
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--photos", type=Path,
                        default=Path(tempfile.gettempdir()) / "etalase-bench-photos")
    args = parser.parse_args()
    paths = photos(args.set, args.photos, args.count)
    with ProcessPoolExecutor() as pool:
        per_photo = list(pool.map(one, [(path, args.width) for path in paths]))
    print(f"{args.width} px card file, {len(paths)} {args.set} photos: `python "
          f"bench/cardtune.py --set {args.set} --width {args.width} --count {args.count}`")
    print(f"{'setting':32} {'median KB':>9} {'max KB':>7} {'PSNR med':>8} {'PSNR min':>8} "
          f"{'SSIM med':>8} {'SSIM min':>8}")
    for n, (label, _, _) in enumerate(TRIALS):
        sizes = [photo[n][0] / 1024 for photo in per_photo]
        psnrs = [photo[n][1] for photo in per_photo]
        ssims = [photo[n][2] for photo in per_photo]
        print(f"{label:32} {statistics.median(sizes):9.1f} {max(sizes):7.1f} "
              f"{statistics.median(psnrs):8.2f} {min(psnrs):8.2f} "
              f"{statistics.median(ssims):8.4f} {min(ssims):8.4f}")


if __name__ == "__main__":
    main()
