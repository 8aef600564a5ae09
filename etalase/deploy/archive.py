"""``deploy --to zip``: one zip for Netlify's drag-and-drop page (app.netlify.com/drop)."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from etalase import messages
from etalase.deploy import site_files

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same build, same zip


def publish(build_dir: Path, target: Path, lang: str, dry_run: bool = False) -> Iterator[str]:
    """Writes the zip beside its final name and renames it, so a failure leaves no half file.
    ``dry_run``: says what the zip would hold, and writes nothing."""
    files = site_files(build_dir, lang)
    if dry_run:
        size = sum(file.path.stat().st_size for file in files)
        yield messages.text("deploy.zip_dry_run", lang, {"path": target, "count": len(files),
                                                          "size": size // 1024})[0]
        return
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            info = zipfile.ZipInfo(file.rel, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.path.read_bytes())
    os.replace(partial, target)
    yield f"{target} ({target.stat().st_size // 1024} KB, {len(files)} files)"
