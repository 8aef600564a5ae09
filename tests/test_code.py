"""The code base itself: lint-clean, theme strings complete."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from etalase.render import Theme
from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or f"{sys.executable} -m ruff"
    result = subprocess.run([*ruff.split(), "check", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_theme_language_has_the_same_strings() -> None:
    i18n = Theme(REPO, "default").dir / "i18n"
    keys = {p.stem: set(yaml.safe_load(p.read_text())) for p in i18n.glob("*.yaml")}
    assert set(keys) == {"id", "en"}
    assert keys["id"] == keys["en"]


PACKAGE = REPO / "etalase"
INCREMENTAL = "etalase.incremental"
LOADERS = ("catalog.py", "config.py", "markup.py", "reading.py", "yamlio.py", "fields.py")


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at any level (``from a import b`` gives a.b
    when a.b is a module, else a)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / dotted.replace(".", "/")).with_suffix(".py")
                found.add(dotted if is_module.is_file() else node.module)
    return found


def test_only_the_incremental_package_uses_its_insides() -> None:
    """The build's memory stays in one place: other modules use etalase.incremental's
    interface (its __init__), never its modules; loaders do not use it at all."""
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("incremental/"):
            continue
        uses = {name for name in imported_modules(path) if name.startswith(INCREMENTAL)}
        inside = {name for name in uses if name != INCREMENTAL}
        if inside or (rel in LOADERS and uses):
            offenders[rel] = sorted(uses)
    assert offenders == {}


def test_the_check_sees_an_import_of_the_insides(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from etalase.incremental.memo import Memo\n"
                      "    from etalase.incremental import stamp\n")
    assert imported_modules(module) == {"etalase.incremental.memo",
                                        "etalase.incremental.stamp"}


def test_markup_keeps_no_memory_between_calls() -> None:
    """Markdown rendering is a pure function: no module global collects or recalls."""
    from etalase import markup

    assert [name for name, value in vars(markup).items()
            if isinstance(value, (dict, list, set)) and not name.isupper()
            and not name.startswith("__")] == []
