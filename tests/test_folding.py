"""The theme's texts written into templates when they are compiled (etalase.folding)."""

from __future__ import annotations

import jinja2
import pytest

from etalase import folding

TEXTS = {"home": "Beranda", "order": "Pesan <sekarang> & \"bayar\"", "days": "siap {days} hari"}
TEMPLATES = [
    '{{ t("home") }}|{{ t(\'order\') }}|{{ t("days") | replace("{days}", n | string) }}',
    '{% if t("home") %}<a title="{{ t("order") }}">{{ t("home") ~ "!" }}</a>{% endif %}',
    '{% macro m() %}{{ t("order") }}{% endmacro %}{{ m() }}{{ x.t("home") }}',
]
UNFOLDED = [
    '{% set t = x.t %}{{ t("home") }}',  # the name bound by the template
    '{% macro m(t) %}{{ t("home") }}{% endmacro %}{{ m(x.t) }}',  # a parameter
    '{{ t("home") }}{{ t("nope") }}',  # a key the theme lacks: Jinja's own error
    '{{ t(key) }}',  # a key that is not written out
]


class Texts:
    def t(self, key: str) -> str:
        if key not in TEXTS:
            raise jinja2.UndefinedError(f"no text for {key}")
        return TEXTS[key]


def environment(extensions: list[type]) -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                             extensions=extensions)
    env.globals.update(t=Texts().t, x=Texts(), key="home", n=3)
    if extensions:
        env.theme_texts = TEXTS  # type: ignore[attr-defined]
    return env


def compiled(env: jinja2.Environment, source: str) -> str:
    return str(env.compile(source, raw=True))


@pytest.mark.parametrize("source", TEMPLATES + UNFOLDED[:2] + UNFOLDED[3:])
def test_folded_templates_write_what_calls_would(source: str) -> None:
    plain, folded = environment([]), environment([folding.ThemeTexts])
    assert folded.from_string(source).render() == plain.from_string(source).render()


@pytest.mark.parametrize("source", TEMPLATES)
def test_each_text_is_written_into_the_template(source: str) -> None:
    code = compiled(environment([folding.ThemeTexts]), source)
    assert "resolve('t')" not in code, code


@pytest.mark.parametrize("source", UNFOLDED)
def test_other_uses_of_t_leave_the_template_as_written(source: str) -> None:
    env = environment([folding.ThemeTexts])
    assert compiled(env, source) == compiled(environment([]), source)


def test_a_missing_text_fails_as_before() -> None:
    env = environment([folding.ThemeTexts])
    with pytest.raises(jinja2.UndefinedError, match="no text for nope"):
        env.from_string(UNFOLDED[2]).render()
