"""Packaging glue for setuptools; the project's metadata is in pyproject.toml.

Packages are found automatically, and the default theme, kept once at the repository's
top level (``themes/default``, where a site folder has its themes), is shipped inside the
package as ``etalase/themes/default``: the fallback for a site without a theme of its own.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["etalase", "etalase.*"]), "etalase.themes"],
    package_dir={"etalase.themes": "themes"},
    package_data={"etalase": ["starters/*"], "etalase.themes": ["default/**/*"],
                  "etalase.admin": ["templates/*", "static/*"]},
    exclude_package_data={"etalase.themes": ["**/__pycache__/*"]},
    # build/ is the site's output: setuptools' own work goes elsewhere.
    options={"build": {"build_base": ".etalase-cache/setuptools"}},
)
