"""``python -m etalase``: the same commands as ``etalase`` and ``python site.py``."""

from etalase.cli import run

run()
