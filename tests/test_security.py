"""What a content editor cannot do: make the policy bless a script, reach outside the theme."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.browser import StaticSite, Visit, headers_for
from tests.conftest import PRODUCT_YAML, SITE_YAML, run, write_site
from tests.pages import parse

# Breaks out of a title, an attribute, a style or a script block, then asks to run.
ATTACK = "</title></style></script>\"'><script>pwned=1</script>"  # fits 60 characters
SHORT = "<script>pwned=1</script>"  # for fields of at most 30 characters
STYLED = "<style>*{color:red}</style>"  # added to the long texts
STORY = "---\ntitle: {title}\nmember: {member}\ndate: 2026-10-02\nconsent: true\n---\n{text}\n"


def injected_site(text: str, short: str) -> dict[str, str]:
    """Every field a content editor writes, holding ``text`` (``short`` where it is short)."""
    quoted, quoted_short, long = (f"'{t.replace(chr(39), chr(39) * 2)}'"
                                  for t in (text, short, text + STYLED))
    site_yaml = (SITE_YAML.replace("title: Toko Uji", f"title: {quoted}")
                 .replace("tagline: Barang buatan tangan", f"tagline: {long}")
                 .replace("about: Tentang **kami**.", f"about: {long}"))
    product = (PRODUCT_YAML.replace("name: Keset Bulat", f"name: {quoted}")
               .replace("category: Keset Perca", f"category: {quoted_short}")
               + f"description: {long}\nmaterials: [{quoted}]\ntags: [{quoted_short}]\n"
               f"maker: {quoted}\nvariants:\n  - name: {quoted_short}\n")
    story = STORY.format(title=quoted, member=quoted, text=f"{text}{STYLED}\n\n*{text}*")
    return {"content/site.yaml": site_yaml, "content/products/keset.yaml": product,
            "content/stories/cerita.md": story}


def test_text_that_looks_like_a_script_never_enters_the_policy(browser: Browser,
                                                                tmp_path: Path) -> None:
    plain = write_site(tmp_path / "plain", injected_site("Keset rapi", "Keset"))
    assert run(plain, "build").exit_code == 0
    expected = headers_for(plain / "build")["Content-Security-Policy"]
    root = write_site(tmp_path / "attacked", injected_site(ATTACK, SHORT))
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    assert headers_for(root / "build")["Content-Security-Policy"] == expected
    pages = sorted((root / "build").rglob("*.html"))
    assert len(pages) > 8
    served = StaticSite(root / "build")
    visit = Visit(browser, served)
    try:
        for page in pages:
            visit.page.goto(served.url(page.relative_to(root / "build").as_posix()))
            assert visit.page.evaluate("typeof pwned") == "undefined", page
    finally:
        visit.close()
        served.stop()


def test_a_style_attribute_in_a_product_name_is_not_blamed_on_the_theme(site) -> None:  # type: ignore[no-untyped-def]
    name = "Keset <b style=color:red> Pelangi"
    root = site({"content/products/keset.yaml": PRODUCT_YAML.replace(
        "name: Keset Bulat", f"name: {name}")})
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    page = parse(root / "build/produk/keset/index.html")
    assert page.one("h1").text == name
