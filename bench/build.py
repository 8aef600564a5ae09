"""Build benchmark (not a test): python bench/build.py [--sizes 100 1000 5000] [--runs 3]

For deterministic synthetic catalogs (photos already cached), reports the median wall time
of the whole `python site.py build` command (with the fastest and slowest run), the median
CPU time spent in the kernel (mostly creating files: on a busy disk it, not Python, is
what varies), and the largest peak RSS, for: a cold build
without image work, a second build with nothing changed, one product's price edited, one
theme template edited, and one product added; and, with `python site.py serve` running,
the time from saving a price edit to the product page written with the new price.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.catalog import make_catalog  # noqa: E402


def build(site: Path) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB, system CPU seconds with children) of one build command."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "site.py"), "build", "--root",
                                str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(process.stderr.read().decode() if process.stderr else "build failed")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_stime


def cold(site: Path) -> None:
    """No build/ and nothing remembered from earlier builds; only the photo cache stays."""
    shutil.rmtree(site / "build", ignore_errors=True)
    (site / ".etalase-cache/build-stamp.json").unlink(missing_ok=True)
    (site / ".etalase-cache/memo.pickle").unlink(missing_ok=True)


def serve_loop(site: Path, runs: int) -> list[float]:
    """Median seconds from saving a price edit to the product page written with it, with
    `python site.py serve` running (what a volunteer sees)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "site.py"), "serve", "--root",
                               str(site), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = site / "build/produk/produk-00007/index.html"
    times = []
    try:
        _wait_for(lambda: _answers(port), 120)
        for n in range(runs):
            time.sleep(1)
            price = 30000 + n
            start = time.perf_counter()
            edit_price(site, price - 20000)
            written = re.compile(rf"""data-p=["']?{price}\b""")  # quoted or not
            _wait_for(lambda found=written: found.search(page.read_text("utf-8")), 60)
            times.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait()
    return times


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
            return True
    except OSError:
        return False


def _wait_for(ready: Callable[[], object], limit: float) -> None:
    deadline = time.perf_counter() + limit
    while not ready():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.002)


def edit_price(site: Path, n: int) -> None:
    """A new price for one product, every run."""
    path = site / "content/products/produk-00007.yaml"
    path.write_text(re.sub(r"(?m)^price: \d+", f"price: {20000 + n}", path.read_text()))


Result = tuple[list[float], float, float]  # seconds of each run, peak MB, median system s


def scenario(site: Path, prepare: Callable[[int], None], runs: int) -> Result:
    times, peaks, system = [], [], []
    for n in range(runs):
        prepare(n)
        seconds, peak, kernel = build(site)
        times.append(seconds)
        peaks.append(peak)
        system.append(kernel)
    return times, max(peaks), statistics.median(system)


def measure(site: Path, template: Path, runs: int) -> dict[str, Result]:
    build(site)  # photos into the cache: the scenarios below do no image work

    def touch_template(n: int) -> None:
        template.write_text(template.read_text() + ("\n" if n % 2 == 0 else ""))

    def add_product(n: int) -> None:
        source = site / "content/products/produk-00001.yaml"
        (site / f"content/products/baru-{n}.yaml").write_text(source.read_text())

    return {
        "cold build (photos cached)": scenario(site, lambda n: cold(site), runs),
        "nothing changed": scenario(site, lambda n: None, runs),
        "one price edited": scenario(site, lambda n: edit_price(site, n + 1), runs),
        "one template edited": scenario(site, touch_template, runs),
        "one product added": scenario(site, add_product, runs),
        "price edited, serve loop": (serve_loop(site, runs), float("nan"), float("nan")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        theme_copy = Path(scratch) / "themes"
        shutil.copytree(ROOT / "themes", theme_copy)
        for size in args.sizes:
            site = make_catalog(Path(scratch) / f"site{size}", size)
            (site / "themes").unlink()
            (site / "themes").symlink_to(theme_copy, target_is_directory=True)
            results = measure(site, theme_copy / "default/templates/product.html", args.runs)
            for name, result in results.items():
                rows.append((size, name, *result))
    print(f"\nbuild benchmark: {os.cpu_count()} cores, median of {args.runs} runs, "
          f"`python bench/build.py --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}`")
    print(f"{'products':>8}  {'scenario':28} {'seconds':>8} {'(min-max)':>13} {'system s':>8} "
          f"{'peak RSS MB':>11}")
    for size, name, times, peak, system in rows:
        spread = f"({min(times):.2f}-{max(times):.2f})"
        print(f"{size:>8}  {name:28} {statistics.median(times):8.2f} {spread:>13} {system:8.2f} "
              f"{peak:11.0f}")


if __name__ == "__main__":
    main()
