"""Deterministic synthetic catalogs for the build benchmark: N products, a few stories."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageOps

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = ["Teh Herbal", "Keset Perca", "Piring Lidi", "Celemek Perca"]
PHOTOS = 40  # distinct photos, shared by the products


def texture(rng: random.Random, dark: tuple[int, ...], light: tuple[int, ...]) -> Image.Image:
    """A 1600x1200 photo-like picture (woven texture, soft light), so that image bytes
    in the benchmarks are near a real phone photo's, not a flat colour's."""
    weave = Image.effect_noise((400, 300), 60).resize((1600, 1200), Image.Resampling.BICUBIC)
    light_falloff = Image.radial_gradient("L").resize((1600, 1200))
    shaded = ImageChops.subtract(weave, light_falloff, scale=1.5, offset=rng.randint(0, 40))
    return ImageOps.colorize(shaded, black=dark, white=light)


def make_catalog(root: Path, count: int) -> Path:
    """A site folder with ``count`` products (photos from a pool of PHOTOS) and 5 stories."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(count)
    (root / "content/products").mkdir(parents=True)
    (root / "content/stories").mkdir()
    (root / "content/images").mkdir()
    shutil.copy(REPO / "content/site.yaml", root / "content/site.yaml")
    shop = yaml.safe_load((REPO / "content/site.yaml").read_text(encoding="utf-8"))
    for key in ("logo", "icon"):  # the sample shop's own pictures, which site.yaml names
        if shop.get(key):
            shutil.copy(REPO / "content" / shop[key], root / "content" / shop[key])
    (root / "themes").symlink_to(REPO / "themes", target_is_directory=True)
    for i in range(PHOTOS):
        buffer = io.BytesIO()
        dark, light = (tuple(rng.randint(lo, hi) for _ in range(3)) for lo, hi in
                       ((20, 110), (140, 240)))
        texture(rng, dark, light).save(buffer, "JPEG", quality=85)
        (root / f"content/images/foto-{i:02d}.jpg").write_bytes(buffer.getvalue())
    for i in range(count):
        category = CATEGORIES[i % len(CATEGORIES)]
        variants = ("variants:\n  - name: Kecil\n  - name: Besar\n    price: 55000\n"
                    if i % 3 == 0 else "")
        (root / f"content/products/produk-{i:05d}.yaml").write_text(
            f"name: Produk {i:05d}\nprice: {10000 + (i % 50) * 1000}\ncategory: {category}\n"
            f"description: |\n  Buatan tangan, nomor {i}. **Bahan** pilihan.\n"
            f"images:\n  - images/foto-{i % PHOTOS:02d}.jpg\nmaker: Bu {i % 20}\n"
            f"materials: [kain perca]\nweight: {100 + i % 400}\nfeatured: {str(i < 8).lower()}\n"
            f"date: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}\n{variants}", encoding="utf-8")
    for i in range(5):
        (root / f"content/stories/cerita-{i}.md").write_text(
            f"---\ntitle: Cerita {i}\nmember: Bu {i}\ndate: 2026-0{i + 1}-01\nconsent: true\n"
            f"products:\n  - produk-{i:05d}\n---\nIsi cerita {i}.\n", encoding="utf-8")
    return root
