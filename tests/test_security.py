"""What a content editor cannot do: make the policy bless a script, run code at build time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import StaticSite, Visit, headers_for
from tests.conftest import PRODUCT_YAML, REPO, SITE_YAML, run, write_site
from tests.pages import parse

# Breaks out of a title, an attribute, a style or a script block, then asks to run.
ATTACK = "</title></style></script>\"'><script>pwned=1</script>"  # fits 60 characters
SHORT = "<script>pwned=1</script>"  # for fields of at most 30 characters
STYLED = "<style>*{color:red}</style>"  # added to the long texts
STORY = "---\ntitle: {title}\nmember: {member}\ndate: 2026-10-02\nconsent: true\n---\n{text}\n"


def injected_site(text: str, short: str) -> dict[str, str]:
    """Every field a content editor writes, holding ``text`` (``short`` where it is short):
    the site's texts and shop terms, a product's, a story's."""
    quoted, quoted_short, long = (f"'{t.replace(chr(39), chr(39) * 2)}'"
                                  for t in (text, short, text + STYLED))
    site_yaml = (SITE_YAML.replace("title: Toko Uji", f"title: {quoted}")
                 .replace("tagline: Barang buatan tangan", f"tagline: {long}")
                 .replace("about: Tentang **kami**.", f"about: {long}")
                 + f"shipping:\n  from: {quoted}\n  couriers: [{quoted_short}]\n  note: {long}\n"
                 f"payment: [{quoted}]\npickup: {quoted}\nhours: {long}\n"
                 f"greeting: {quoted_short}\norder_closing: {quoted}\n")
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


ENV_LEAK = "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.environ }}"


def own_themes(root: Path) -> Path:
    """The site's themes/ as a real folder (tests share the repository's by a link)."""
    (root / "themes").unlink()
    shutil.copytree(REPO / "themes", root / "themes")
    return root / "themes"


def leaking(template: Path) -> None:
    """A template that prints the build's environment."""
    text = template.read_text()
    assert "{{ site.about_html | safe }}" in text
    template.write_text(text.replace("{{ site.about_html | safe }}", ENV_LEAK))


def test_a_theme_outside_themes_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    root = site({"content/site.yaml": SITE_YAML + "theme: ../content/tema\n"})
    shutil.copytree(own_themes(root) / "default", root / "content/tema")
    result = run(root, "check")
    assert result.exit_code == 1
    assert ('masalah: content/site.yaml:6: tema "../content/tema" bukan nama folder di dalam '
            "themes/ — tulis nama foldernya saja, misalnya  theme: default") in result.output


def test_a_template_cannot_read_the_environment(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NETLIFY_AUTH_TOKEN", "nfp_rahasia_sekali")
    root = site()
    leaking(own_themes(root) / "default/templates/about.html")
    result = run(root, "build")
    assert result.exit_code == 1
    assert "nfp_rahasia_sekali" not in result.output
    assert "masalah: themes/default/templates/about.html:" in result.output
    assert not (root / "build").exists()


@pytest.mark.parametrize("template", [
    ENV_LEAK,
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ '{0.__init__.__globals__}'.format(cycler) }}",
    "{{ t.__func__.__globals__ }}",
    "{{ site.__class__.__mro__ }}",
])
def test_the_sandbox_refuses_python_internals(template: str) -> None:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SecurityError

    from etalase.render import Sandbox

    env = Sandbox(undefined=StrictUndefined)
    for _ in range(2):  # the second time, the verdicts come from the sandbox's memory
        with pytest.raises(SecurityError):
            env.from_string(template).render(t=env.from_string, site=env)


def test_page_output_is_escaped_exactly_as_markupsafe_escapes() -> None:
    """Templates write output as plain text (a speed-up): the text must be what Jinja's
    own autoescaping writes, for text, numbers, Markup and a macro's output."""
    import jinja2
    from markupsafe import Markup

    from etalase.render import _Environment

    source = ("{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}{{ a }}|{{ n }}|{{ safe }}|"
              "{{ m(a) }}|{% set s %}{{ a }}{% endset %}{{ s }}|{% filter upper %}{{ a }}"
              "{% endfilter %}|{{ a ~ safe }}")
    values = {"a": "<script>&'\"x", "n": 3.5, "safe": Markup("<b>&amp;</b>")}
    ours = _Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    expected = plain.from_string(source).render(values)
    assert ours.from_string(source).render(values) == expected
    assert "&lt;script&gt;&amp;&#39;&#34;x" in expected
