"""Templates minified once (``minify.template``) make the same pages as pages minified one
by one, by the DOM an HTML5 parser reads; what cannot be done surely is left to pages."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import jinja2
import pytest
from selectolax.lexbor import LexborHTMLParser

from etalase import minify, render
from tests.conftest import REPO, copy_sample, run

ENV = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, autoescape=True,
                         undefined=jinja2.StrictUndefined)
ENV.filters[minify.ATTRIBUTE] = minify.attribute
CONTEXT = {"x": 'a "quoted" <b> & b', "empty": "", "n": 3, "yes": True, "no": False,
           "items": ["one", "two words"], "attrs": jinja2.utils.markupsafe.Markup(' data-k=v'),
           "d": {"a": "x onmouseover=alert(1) y"}, "e": {"a": "it's \"q\""}}


def dom(html: str) -> list[tuple]:
    """What a browser builds of a page: elements with their attributes (an empty value
    as good as none) and text with runs of whitespace as one space."""
    out: list[tuple] = []
    for node in LexborHTMLParser(html).root.traverse(include_text=True):
        if node.tag == "-text":
            text = " ".join((node.text_content or "").split())
            if text:
                out.append(("text", text))
        else:
            out.append((node.tag, tuple(sorted((k, " ".join((v or "").split()))
                                              for k, v in node.attributes.items() if v))))
    return out


def both_ways(source: str) -> tuple[str, str]:
    """(the page minified on its own, the page from the minified template)."""
    done = minify.template(source, ENV, "t.html")
    assert done is not None, source
    return (minify.page(ENV.from_string(source).render(CONTEXT)),
            ENV.from_string(done).render(CONTEXT))


@pytest.mark.parametrize("source", [
    '<p class="a"  title="{{ x }}">\n  {{ x }}\n</p>\n<p>{{ empty }}</p>',
    '<a href="{{ x }}" id="i-{{ n }}" class="{{ empty }}">{{ n }}</a> <b>{{ n }}</b>',
    '<ul>\n{% for i in items %}\n  <li>{{ i }}</li>\n{% endfor %}\n</ul>',
    '<li class="card"{{ attrs }}>x</li><div class="b" id="c"{{ attrs }}></div>',
    '<img src="s.png" {% if yes %}class="sq"{% endif %}\n {%- if no %} loading="lazy"'
    '{% else %} fetchpriority="high"{% endif %} alt="{{ x }}">',
    '<p>{#- a comment -#}\n  text {{- x -}} more\n</p>{# another #}',
    '<span>{{ n }}</span>\n<span>{{ n }}</span>\n{% if yes %}\n<i>y</i>\n{% endif %}',
    '<script type="application/ld+json">{{ {"a": x} | tojson }}</script>',
    '<meta content="{{ x }}"><meta name="d" content="{{ empty }}">',
    # a whole value that is Markup holding quotes (tojson) keeps the quotes it needs
    "<a data-j='{{ d | tojson }}'>x</a><a data-j='{{ e | tojson }}'>y</a>",
    # what only looks like an attribute value: a script's, a stylesheet's, text
    '<script>var s="{{ x }}";</script><style>a[title="{{ x }}"]{color:red}</style>',
    '<p>a="{{ x }}"</p><textarea>b="{{ x }}"</textarea>',
])
def test_a_minified_template_makes_the_page_minify_html_would(source: str) -> None:
    alone, from_template = both_ways(source)
    assert dom(from_template) == dom(alone)


@pytest.mark.parametrize("source", [
    "{% raw %}<p>{{ x }}</p>{% endraw %}",
    "<p>{% if x %}</p>",  # a syntax error: reported at its line by the template as written
    "<p>{{ x </p>",
    '<a {% if yes %}href="{{ x }}"{% endif %}>x</a>',  # a block inside an element's tag...
    "<p>&#123;&#123; x &#125;&#125;</p>",  # text minify-html would decode into a tag
    "<p>&#123;&#123; P99 &#125;&#125;</p>",
    "<p>data-etalase-held-3</p>",  # the stand-in's own name
    '<p title="a&#10;b">\n{{ x }}</p>',  # a line break decoded: lines would move
])
def test_what_cannot_be_minified_surely_is_left_to_the_pages(source: str) -> None:
    done = minify.template(source, ENV, "t.html")
    if done is not None:  # ...is kept with the element's attributes as written
        assert dom(ENV.from_string(done).render(CONTEXT)) == \
            dom(minify.page(ENV.from_string(source).render(CONTEXT)))
    else:
        assert "{% if yes %}href" not in source


@pytest.mark.parametrize(("source", "line"), [
    ("<p>\n<b>{{ x }}</b>\n\n{% if yes %}\n<i>{{ missing }}</i>\n{% endif %}\n</p>", 5),
    ('<a href="{{ x }}" title="{{\n\n missing }}">x</a>', 3),
])
def test_a_tag_keeps_its_line(source: str, line: int) -> None:
    """Each tag of a minified template is on its line of the template as written, so a
    mistake is reported where the volunteer wrote it."""
    done = minify.template(source, ENV, "t.html")
    assert done is not None and "\n<" not in done  # minified: its line breaks are in tags
    with pytest.raises(jinja2.UndefinedError) as failed:
        ENV.from_string(done).render(CONTEXT)
    lines = [entry.lineno + 1 for entry in failed.traceback if entry.path == "<template>"]
    assert lines[-1] == line  # (pytest counts from 0)


def test_every_template_of_the_default_theme_is_minified_once() -> None:
    """Else its pages would be minified one by one: right, but a fifth of a build slower."""
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    folder = REPO / "themes/default/templates"
    names = sorted(path.name for path in folder.glob("*.html"))
    assert len(names) > 10
    assert [n for n in names if minify.template((folder / n).read_text(), env, n) is None] == []


def test_the_sample_pages_are_the_same_as_pages_minified_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = copy_sample(tmp_path / "templates")
    assert run(one, "build").exit_code == 0
    monkeypatch.setattr(render._MinifiedLoader, "minify", lambda self, env, known: False)
    two = copy_sample(tmp_path / "pages")
    assert run(two, "build").exit_code == 0
    pages = sorted(p.relative_to(two / "build") for p in (two / "build").rglob("*.html"))
    assert len(pages) > 20
    zipped = {"templates": 0, "pages": 0}
    for page in pages:
        html = {name: (root / "build" / page).read_text() for name, root in
                (("templates", one), ("pages", two))}
        assert dom(html["templates"]) == dom(html["pages"]), page
        for name, text in html.items():
            zipped[name] += len(gzip.compress(text.encode()))
    assert zipped["templates"] <= zipped["pages"] * 1.005  # the same bytes, near enough


def test_a_template_is_minified_again_only_when_it_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Minifying the theme's templates takes a tenth of a second: a build after an edit
    of content uses what the last build made, and a template edit redoes that one."""
    root = copy_sample(tmp_path)
    made: list[str] = []
    real = minify.template
    monkeypatch.setattr(minify, "template", lambda source, env, name: (
        made.append(name), real(source, env, name))[1])
    assert run(root, "build").exit_code == 0
    assert "product.html" in made and "footer.html" in made
    first = len(made)
    product = sorted((root / "content/products").glob("*.yaml"))[0]
    product.write_text(product.read_text().replace("price: ", "price: 1", 1))
    assert run(root, "build").exit_code == 0
    assert len(made) == first
    footer = root / "themes/default/templates/footer.html"
    footer.write_text(footer.read_text() + "<p>Terima kasih</p>\n")
    assert run(root, "build").exit_code == 0
    assert made[first:] == ["footer.html"]
    assert "<p>Terima kasih</p>" in (root / "build/index.html").read_text()


def test_a_theme_that_cannot_be_minified_has_its_pages_minified(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    footer = root / "themes/default/templates/footer.html"
    footer.write_text("{% raw %}<!-- as written -->{% endraw %}\n" + footer.read_text())
    assert run(root, "build").exit_code == 0
    home = (root / "build/index.html").read_text()
    assert "<!-- as written -->" not in home and "<footer" in home
    assert not re.search(r">\n<", home)  # still minified, page by page
