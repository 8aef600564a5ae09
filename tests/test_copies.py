"""Copies a file manager makes ("x copy.yaml", "x (1).md", "x - Copy.md"): a copied
product is named, a copied story never republishes what its member withdrew."""

from __future__ import annotations

import pytest

from tests.conftest import PRODUCT_YAML, run

STORY = ("---\ntitle: {title}\nmember: Bu Sari\ndate: 2026-09-14\nconsent: {consent}\n---\n"
         "Cerita Bu Sari.\n")
S = "content/stories/bu-sari-dan-keset-pelangi.md"


@pytest.mark.parametrize("name", ["keset copy.yaml", "keset (1).yaml", "keset - Copy.yaml",
                                  "Salinan keset.yaml"])
def test_a_copied_product_is_a_warning_naming_the_original(site, name: str) -> None:  # type: ignore[no-untyped-def]
    root = site({f"content/products/{name}": PRODUCT_YAML})
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert (f"peringatan: content/products/{name}: file ini tampaknya salinan dari "
            "content/products/keset.yaml — hapus salinannya; bila memang barang lain, beri nama "
            "file sesuai namanya") in result.output.splitlines()
    assert run(root, "check", "--strict").exit_code == 1


@pytest.mark.parametrize(("copy", "title", "consent"), [
    ("bu-sari-dan-keset-pelangi (1).md", "Keset pelangi", "true"),  # the same story again
    ("bu-sari-dan-keset-pelangi - Copy.md", "Keset pelangi", "false"),
    ("bu-sari-dan-keset-pelangi copy.md", "Cerita lain", "false"),
])
def test_a_copied_story_is_an_error(site, copy: str, title: str, consent: str) -> None:  # type: ignore[no-untyped-def]
    """The member withdrew the story; its old copy must not bring it back."""
    root = site({S: STORY.format(title="Keset pelangi", consent="false"),
                 f"content/stories/{copy}": STORY.format(title=title, consent=consent)})
    result = run(root, "build")
    assert result.exit_code == 1, result.output
    assert (f"masalah: content/stories/{copy}: cerita ini tampaknya salinan dari {S}, dan salinan "
            "bisa menerbitkan lagi cerita yang sudah ditarik — hapus salinannya; bila memang "
            "cerita lain, beri judul lain dan tulis  consent: true  setelah anggotanya setuju"
            ) in result.output.splitlines()
    assert not (root / "build").exists()


def test_a_copy_with_its_own_consent_and_title_is_only_a_warning(site) -> None:  # type: ignore[no-untyped-def]
    copy = "content/stories/bu-sari-dan-keset-pelangi (1).md"
    root = site({S: STORY.format(title="Keset pelangi", consent="true"),
                 copy: STORY.format(title="Celemek untuk cucu", consent="true")})
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert f"peringatan: {copy}: file ini tampaknya salinan dari {S}" in result.output
