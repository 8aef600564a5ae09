"""Page weight benchmark (not a test): python bench/weight.py [--sizes 1000 5000]

Builds the sample site and synthetic catalogs, then prints, per page type, the raw and
gzip bytes of the HTML (median and largest), the script bytes, and the first view of the
home page: HTML, scripts and the images that show in the first screen of a 412x915 phone
at device pixel ratio 2, measured in headless Chromium (the image the browser picked from
each srcset). The budget test (tests/test_budgets.py) uses the same functions.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE_BUDGET = 14 * 1024  # gzip bytes: one TCP initial window (10 x 1460 bytes, less headers)
FIRST_VIEW_BUDGET = 60 * 1024
# gzip bytes of all the scripts together: the cart (per seller), sort and filter, fuzzy
# search; fingerprinted, so fetched once and cached for good.
SCRIPT_BUDGET = 6 * 1024
PHONE = {"viewport": {"width": 412, "height": 915}, "device_scale_factor": 2}

KINDS = [  # (page type, pattern of its file inside build/)
    ("home", r"index\.html"), ("listing", r"produk/(hal/\d+/)?index\.html"),
    ("category", r"kategori/.+/index\.html"), ("product", r"produk/[^/]+/index\.html"),
    ("stories", r"cerita/index\.html"), ("story", r"cerita/.+/index\.html"),
    ("other", r".+\.html"),
]


def kind_of(rel: str) -> str:
    return next(kind for kind, pattern in KINDS if re.fullmatch(pattern, rel))


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@dataclass(frozen=True)
class Weight:
    path: str
    kind: str
    raw: int
    gzip: int


def page_weights(build: Path) -> list[Weight]:
    """Every HTML page of a built site, with its raw and gzip size."""
    found = []
    for path in sorted(build.rglob("*.html")):
        rel = path.relative_to(build).as_posix()
        data = path.read_bytes()
        found.append(Weight(rel, kind_of(rel), len(data), gzipped(data)))
    return found


def script_weight(build: Path) -> int:
    """Gzip bytes of every script the site ships (the page script and the service worker)."""
    return sum(gzipped(p.read_bytes()) for p in sorted(build.rglob("*.js")))


FIRST_SCREEN = """() => {
  const seen = [...document.images].filter(img => {
    const box = img.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.width > 0 && img.currentSrc;
  }).map(img => img.currentSrc);
  const scripts = [...document.scripts].filter(s => s.src).map(s => s.src);
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href);
  return {images: seen, scripts: scripts, sheets: sheets};
}"""


def first_view(page, url: str, build: Path) -> dict[str, int]:  # page: a Playwright Page
    """Bytes of what the first screen needs: gzip HTML, CSS and scripts, raw images."""
    page.goto(url)
    page.wait_for_load_state("networkidle")  # lazy images in the first screen have loaded
    found = page.evaluate(FIRST_SCREEN)

    def local(address: str) -> Path:
        path = urlsplit(address).path.lstrip("/")
        return build / (path + "index.html" if path == "" or path.endswith("/") else path)

    html = gzipped(local(url).read_bytes())
    text = sum(gzipped(local(a).read_bytes()) for a in found["scripts"] + found["sheets"])
    images = sum(local(a).stat().st_size for a in set(found["images"]))
    return {"html": html, "css_js": text, "images": images, "image_count": len(found["images"]),
            "total": html + text + images}


def built_sample(work: Path) -> Path:
    site = work / "sample"
    shutil.copytree(ROOT / "content", site / "content")
    (site / "themes").symlink_to(ROOT / "themes", target_is_directory=True)
    return site


def build(site: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "site.py"), "build", "--root", str(site)],
                   check=True, stdout=subprocess.DEVNULL)
    return site / "build"


def measure_first_view(build_dir: Path) -> dict[str, int] | None:
    try:
        from tests.browser import StaticSite, chromium
    except ImportError:  # the test extras (Playwright) are not installed
        return None
    served = StaticSite(build_dir)
    try:
        with chromium() as browser:
            context = browser.new_context(**PHONE)
            return first_view(context.new_page(), served.url(""), build_dir)
    finally:
        served.stop()


def report(name: str, build_dir: Path) -> None:
    weights = page_weights(build_dir)
    print(f"\n{name}: {len(weights)} pages")
    print(f"  {'type':<9}{'pages':>6}{'raw median':>12}{'raw max':>9}"
          f"{'gzip median':>13}{'gzip max':>10}")
    for kind, _ in KINDS:
        rows = [w for w in weights if w.kind == kind]
        if rows:
            raw, packed = [w.raw for w in rows], [w.gzip for w in rows]
            print(f"  {kind:<9}{len(rows):>6}{statistics.median(raw):>12.0f}{max(raw):>9}"
                  f"{statistics.median(packed):>13.0f}{max(packed):>10}")
    over = [w.path for w in weights if w.gzip > PAGE_BUDGET]
    print(f"  pages over {PAGE_BUDGET} B gzip: {len(over)} {over[:3] if over else ''}")
    print(f"  scripts (page script + service worker): {script_weight(build_dir)} B gzip"
          f" (budget {SCRIPT_BUDGET})")
    view = measure_first_view(build_dir)
    if view:
        print(f"  home first view (412x915, DPR 2): HTML {view['html']} B gzip + CSS/JS "
              f"{view['css_js']} B gzip + {view['image_count']} images {view['images']} B"
              f" = {view['total']} B (budget {FIRST_VIEW_BUDGET})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    args = parser.parse_args()
    from bench.catalog import make_catalog

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report("sample site", build(built_sample(work)))
        for size in args.sizes:
            report(f"synthetic catalog, {size} products", build(make_catalog(work / str(size),
                                                                             size)))


if __name__ == "__main__":
    main()
