"""One save, the way the build sees it: the form's values go into the file's text, and
the build's own loader checks that text before anything is written.

A kind of content is a known set of keys, the loader the build uses for it, and how its
file splits into YAML and (for stories) Markdown text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from etalase import catalog, config, scaffold
from etalase.admin import forms, yamledit
from etalase.errors import Report


@dataclass(frozen=True)
class Kind:
    name: str  # "product", "story", "settings"
    known: Collection[str]  # a list keeps its order in the form
    loader: Callable[[Path, str, Report, str], Any]  # the build's, given the text
    has_body: bool = False  # a story: YAML front matter, then Markdown
    first_line: int = 1  # the line the YAML starts on

    def fields(self) -> list[forms.FieldSpec]:
        return forms.specs(self.name, self.known)

    def split(self, text: str) -> tuple[CommentedMap, str]:
        if not self.has_body:
            return yamledit.load(text), ""
        front, body = yamledit.split_story(text)
        return yamledit.load(front), body

    def join(self, data: CommentedMap, body: str) -> str:
        if not self.has_body:
            return yamledit.dump(data)
        return yamledit.join_story(data, body)

    def starter(self, name: str) -> str:
        return scaffold.starter(self.name, name, dt.date.today())


PRODUCT = Kind("product", catalog.PRODUCT_KEYS,
               lambda root, rel, report, text: catalog.load_product(root, rel, report, text))
STORY = Kind("story", catalog.STORY_KEYS,
             lambda root, rel, report, text: catalog.load_story(root, rel, report, text),
             has_body=True, first_line=2)
SETTINGS = Kind("settings", ("title", "tagline", "whatsapp", "greeting", "order_message",
                            "shipping", "payment", "pickup", "hours", "about"),
                lambda root, rel, report, text: config.read_config(root, rel, report, text))
STORY_TEXT = "text"  # the form field holding a story's Markdown


@dataclass
class Draft:
    """A file as it would be after the save, and what the build says about it."""

    text: str
    item: Any  # the loaded Product / Story / SiteConfig, None when it has errors
    filled: forms.Filled
    report: Report
    written: list[str] = field(default_factory=list)  # photos written for it (content/)


def draft(root: Path, kind: Kind, rel: str, base: str, values: dict[str, Any],
          lang: str) -> Draft:
    """``base`` (the file now, or a starter) with the form's ``values``, checked."""
    data, body = kind.split(base)
    forms.apply(data, kind.fields(), values)
    if kind.has_body:
        body = str(values.get(STORY_TEXT, body)).rstrip() + "\n"
    text = kind.join(data, body)
    report = Report()
    item = kind.loader(root, rel, report, text)
    filled = forms.Filled(values)
    yaml_text = yamledit.split_story(text)[0] if kind.has_body else text
    mine = [p for p in report.unique() if p.loc.path == rel]
    ends = kind.first_line + yaml_text.count("\n")  # problems below: in a story's text
    in_text = [p for p in mine if kind.has_body and p.loc.line and p.loc.line > ends]
    forms.place_problems([p for p in mine if p not in in_text], yaml_text, rel, lang, filled,
                         kind.first_line)
    for problem in in_text:
        filled.problems.setdefault(STORY_TEXT, []).append(forms.shown(problem, lang))
    return Draft(text, item, filled, report)


def values_of(kind: Kind, text: str) -> dict[str, Any]:
    data, body = kind.split(text)
    values = forms.values_from(data, kind.fields())
    if kind.has_body:
        values[STORY_TEXT] = body.strip("\n")
    return values


def blank(kind: Kind) -> dict[str, Any]:
    """A new file's form: empty, but for the defaults (the starter's examples are not
    values: "kain perca" is no material of a new tea)."""
    values = forms.values_from(yamledit.load("{}"), kind.fields())
    values.update({k: v for k, v in forms.DEFAULTS.items() if k in values})
    if "date" in values:
        values["date"] = dt.date.today().isoformat()
    if kind.has_body:
        values[STORY_TEXT] = ""
    return values
