"""The theme's macros and blocks, called by the quick way, do what Jinja's own does."""

import jinja2
import jinja2.sandbox
import pytest

from etalase import render

TEMPLATES = {
    "macros.html": (
        "{% macro badge(text, kind='plain', loud=false) %}<b class={{ kind }}>{{ text }}"
        "{{ '!' if loud }}</b>{% endmacro %}"
        "{% macro box() %}<div>{{ caller() }}|{{ varargs | join(',') }}|"
        "{{ kwargs | dictsort | join(',') }}</div>{% endmacro %}"
        "{% macro wrap(caller=none) %}[{{ caller() }}]{% endmacro %}"
    ),
    "base.html": "<title>{{ self.heading() }}</title>{% block heading %}base{% endblock %}"
                 "{% block main %}{% endblock %}",
    "page.html": (
        '{% extends "base.html" %}{% from "macros.html" import badge, box, wrap %}'
        "{% block heading %}{{ name }}{% endblock %}"
        "{% block main %}{{ badge(name) }}{{ badge(name, 'new') }}{{ badge(name, loud=true) }}"
        "{% for x in [1, 2] %}{{ badge(x, 'n' ~ loop.index) }}{% endfor %}"
        "{% call box(1, 2, k='v') %}inside {{ name }}{% endcall %}"
        "{% call wrap() %}wrapped{% endcall %}{{ badge }}{% endblock %}"
    ),
}


def environments() -> tuple[jinja2.Environment, jinja2.Environment]:
    options = {"loader": jinja2.DictLoader(TEMPLATES), "autoescape": True}
    return render._Environment(**options), jinja2.sandbox.SandboxedEnvironment(**options)


def test_macros_and_blocks_make_what_jinja_makes() -> None:
    ours, jinjas = environments()
    context = {"name": "Keset <Biru> & 'Hijau'"}
    made = ours.get_template("page.html").render(context)
    assert made == jinjas.get_template("page.html").render(context)
    assert "<title>Keset &lt;Biru&gt;" in made and "<b class=new>" in made
    assert "[wrapped]" in made and "inside Keset" in made and "|1,2|" in made


@pytest.mark.parametrize("call, error", [
    ("{{ badge(1, 2, 3, 4) }}", "takes not more than 3 argument"),
    ("{{ badge(1, colour='x') }}", "no keyword argument 'colour'"),
    ("{{ self.heading(1) }}", ""),
])
def test_a_wrong_call_fails_as_in_jinja(call: str, error: str) -> None:
    template = '{% from "macros.html" import badge %}{% block heading %}h{% endblock %}' + call
    failures = []
    for env in environments():
        env.loader.mapping["wrong.html"] = template  # type: ignore[union-attr]
        with pytest.raises(TypeError) as failed:
            env.get_template("wrong.html").render()
        failures.append(str(failed.value))
    assert failures[0] == failures[1] and error in failures[0]
