"""Output paths: each file of the site claimed once, written plainly, never outside it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from etalase.output import DuplicateOutput, Output, plain_path


@pytest.mark.parametrize("rel", [
    "index.html", "produk/keset/index.html", "img/a-320.webp", "a//b.html", "./a.html",
    "a/./b.html", "produk/", "a/b/", ".well-known/x", "..a/b", "a../b", "a/.b",
])
def test_a_path_is_written_as_posix_writes_it(rel: str) -> None:
    assert plain_path(rel) == PurePosixPath(rel).as_posix()


@pytest.mark.parametrize("rel", ["/etc/passwd", "../x.html", "a/../../x", "a/..", "", "."])
def test_a_path_outside_the_site_is_refused(rel: str) -> None:
    with pytest.raises(ValueError):
        plain_path(rel)


def test_a_path_is_claimed_once_whatever_its_case(tmp_path: Path) -> None:
    out = Output(tmp_path)
    assert out.claim("produk//Keset/index.html", "a.yaml") == "produk/Keset/index.html"
    with pytest.raises(DuplicateOutput) as clash:
        out.claim("produk/keset/index.html", "b.yaml")
    assert (clash.value.first, clash.value.second) == ("a.yaml", "b.yaml")
    assert out.paths == ["produk/Keset/index.html"]
