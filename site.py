"""Etalase command line: ``python site.py build|check|new``.

This file only hands over to :mod:`etalase.cli`. Its name shadows the standard
``site`` module, so nothing imports it.
"""

from etalase.cli import run

if __name__ == "__main__":
    run()
