"""``new product`` without a name: asks for each field, checking every answer at once,
for volunteers who have never seen YAML. It writes the same file a volunteer would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from etalase import messages, paths, whatsapp
from etalase.catalog import PRODUCTS_DIR, slugify
from etalase.fields import price_problem
from etalase.yamlio import Scalar


def _check(lang: str, problem: Callable[[str], tuple[str, dict] | None],
           adopt: Callable[[str], str]) -> Callable[[str], str]:
    """A click value_proc that turns one of our problems into a re-ask."""
    def convert(text: str) -> str:
        text = text.strip()
        found = problem(text)
        if found:
            message, hint = messages.text(found[0], lang, found[1])
            raise click.BadParameter(f"{message} — {hint}")
        return adopt(text)

    return convert


def _ask(key: str, lang: str, problem: Callable[[str], tuple[str, dict] | None],
         optional: bool = False, adopt: Callable[[str], str] = str) -> str:
    label = messages.text(f"wizard.{key}", lang, {})[0]
    return click.prompt(label, default="" if optional else None, show_default=False,
                        value_proc=_check(lang, problem, adopt))


def same_category(text: str, categories: list[str], lang: str) -> str:
    """An existing category written with other capitals or spaces is that category: a
    second spelling would be an error at the next check."""
    for name in categories:
        if slugify(name) == slugify(text) and name != text:
            click.echo(messages.text("wizard.same_category", lang, {"name": name})[0])
            return name
    return text


def ask_product(root: Path, lang: str, categories: list[str]) -> Path:
    def name_problem(text: str) -> tuple[str, dict] | None:
        if not text or len(text) > 80 or not slugify(text):
            return "wizard.bad_name", {}
        rel = f"{PRODUCTS_DIR}/{slugify(text)}.yaml"
        return ("new.exists", {"path": rel}) if (root / rel).exists() else None

    def price(text: str) -> tuple[str, dict] | None:
        return price_problem(Scalar(text, 1, False, "str")) if text else ("price.zero", {})

    def category(text: str) -> tuple[str, dict] | None:
        return None if text and slugify(text) else ("wizard.bad_category", {})

    def photo(text: str) -> tuple[str, dict] | None:
        owner = slugify(answers["name"])
        found = paths.resolve_image(text, root / "content", owner) if text else (None, None, {})
        return (found[1], found[2]) if found[1] else None

    def phone(text: str) -> tuple[str, dict] | None:
        if text and whatsapp.normalize_phone(text) is None:
            return "phone.invalid", {"value": text}
        return None

    if categories:
        click.echo(messages.text("wizard.categories", lang, {"names": ", ".join(categories)})[0])
    answers: dict[str, str] = {}
    answers["name"] = _ask("name", lang, name_problem)
    answers["price"] = _ask("price", lang, price)
    answers["category"] = _ask("category", lang, category,
                               adopt=lambda text: same_category(text, categories, lang))
    answers["photo"] = _ask("photo", lang, photo, optional=True)
    answers["whatsapp"] = _ask("whatsapp", lang, phone, optional=True)
    path = root / PRODUCTS_DIR / f"{slugify(answers['name'])}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(product_yaml(answers))
    return path


def product_yaml(answers: dict[str, str]) -> str:
    """The YAML text, every text quoted so that YAML reads it exactly as typed."""
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        messages.as_typed("# Dibuat oleh  python site.py new product. Boleh disunting; lalu  "
                          "python site.py check"),
        f"name: {quoted(answers['name'])}",
        f"price: {answers['price']}",
        f"category: {quoted(answers['category'])}",
    ]
    if answers["photo"]:
        lines += ["images:", f"  - src: {quoted(answers['photo'])}",
                  f"    alt: {quoted(answers['name'])}"]
    if answers["whatsapp"]:
        lines.append(f"whatsapp: {quoted(answers['whatsapp'])}")
    return "\n".join(lines) + "\n"
