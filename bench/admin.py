"""Phone admin benchmark (not a test): python bench/admin.py [--runs 5]

Reports, for a 12-megapixel phone photo (4000x3000, EXIF with GPS; as a JPEG and as a
HEIC): the time to clean it (decode, upright, strip, at most 2048 px, encode), and the
time of a whole save through the admin's own WSGI app with that photo attached, from the
request to the rebuilt product page in build/ (what "Simpan" costs a volunteer once the
bytes have arrived), on a copy of the sample catalog.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from bench.photos import phone_exif, scene  # noqa: E402
from etalase.admin import photos  # noqa: E402
from tests.admin_client import Client  # noqa: E402


def phone_photos() -> dict[str, bytes]:
    """A 12 MP scene with a phone sensor's grain, so the files weigh what a phone's do
    (4-5 MB as JPEG; without the grain they are 0.6 MB and decode unrealistically fast)."""
    image = scene(7, (4000, 3000))
    image = Image.blend(image, Image.effect_noise(image.size, 60).convert("RGB"), 0.15)
    jpeg, heic = io.BytesIO(), io.BytesIO()
    image.save(jpeg, "JPEG", quality=92, exif=phone_exif(7))
    import pillow_heif

    pillow_heif.from_pillow(image).save(heic, quality=85, exif=phone_exif(7).tobytes())
    return {"JPEG": jpeg.getvalue(), "HEIC": heic.getvalue()}


def timed(work, runs: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU seconds of each run (the CPU time is what the work costs on a
    machine that others are not using at the same moment)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def save_with_photo(data: bytes, runs: int) -> tuple[list[float], list[float]]:
    """A whole save with the photo, through the admin, until the page is in build/:
    wall-clock and CPU seconds of each."""
    took, cpu = [], []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(ROOT / "content", root / "content")
        shutil.copytree(ROOT / "themes", root / "themes")
        client = Client(root)
        client.login()
        page = root / "build/produk/teh-rosela/index.html"
        for run in range(runs):
            fields = client.form_of("/admin/produk/teh-rosela.yaml")
            fields["price"] = str(20000 + run)
            before = page.stat().st_mtime_ns
            start, start_cpu = time.perf_counter(), time.process_time()
            answer = client.post("/admin/produk/teh-rosela.yaml", fields,
                                 [("upload", "IMG_0007.jpg", data)])
            took.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            assert answer.status == 303 and page.stat().st_mtime_ns != before, answer.text
    return took, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    made = phone_photos()
    for kind, data in made.items():
        wall, cpu = timed(lambda data=data: photos.clean(data, 120), runs)
        report(f"clean a 12 MP {kind} ({len(data) / 1e6:.1f} MB)", wall, cpu)
    for kind, data in made.items():
        report(f"save with a 12 MP {kind} -> product page rebuilt", *save_with_photo(data, runs))


def report(what: str, wall: list[float], cpu: list[float]) -> None:
    print(f"{what}: median {statistics.median(wall):.2f} s, worst {max(wall):.2f} s "
          f"(CPU median {statistics.median(cpu):.2f} s; load {os.getloadavg()[0]:.1f})",
          flush=True)


if __name__ == "__main__":
    main()
