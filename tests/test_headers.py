"""netlify.toml and the generated _headers: every security and caching header."""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
from pathlib import Path

from tests.conftest import REPO, run


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            assert current is not None and name not in current
            current[name] = value
    return rules


def test_netlify_toml_builds_the_site_and_sets_security_headers() -> None:
    config = tomllib.loads((REPO / "netlify.toml").read_text())
    assert config["build"]["publish"] == "build"
    assert "pip install ." in config["build"]["command"]
    assert "python site.py build" in config["build"]["command"]
    assert re.fullmatch(r"3\.1[1-9]", config["build"]["environment"]["PYTHON_VERSION"])
    [everything] = [h for h in config["headers"] if h["for"] == "/*"]
    values = everything["values"]
    assert values["X-Content-Type-Options"] == "nosniff"
    assert values["Referrer-Policy"] == "no-referrer"
    assert values["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in values["Permissions-Policy"]
    assert "camera=()" in values["Permissions-Policy"]
    assert "Cache-Control" not in values, "would merge with the _headers caching rules"


def test_generated_headers_allow_inline_css_only_by_hash(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    rules = parse_headers((root / "build/_headers").read_text())
    csp = dict(d.split(" ", 1) for d in rules["/*"]["Content-Security-Policy"].split("; ")
               if " " in d)
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert "unsafe-inline" not in rules["/*"]["Content-Security-Policy"]
    assert "unsafe-hashes" not in rules["/*"]["Content-Security-Policy"]
    assert not re.search(r"https?:", rules["/*"]["Content-Security-Policy"]), "no third party"
    allowed = set(re.findall(r"'sha256-([^']+)'", csp["style-src"]))
    pages = list((root / "build").rglob("*.html"))
    for page in pages:
        html = page.read_text()
        assert " style=" not in html, page
        for block in re.findall(r"<style>(.*?)</style>", html, re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            assert digest in allowed, page
    assert csp["script-src"] == "'self'"  # no inline scripts yet


def test_generated_headers_cache_images_forever_and_revalidate_pages(site) -> None:  # type: ignore[no-untyped-def]
    root = site()
    assert run(root, "build").exit_code == 0
    rules = parse_headers((root / "build/_headers").read_text())
    assert rules["/img/*"]["Cache-Control"] == "public, max-age=31536000, immutable"
    revalidated = {rule for rule, values in rules.items()
                   if values.get("Cache-Control") == "public, max-age=0, must-revalidate"}
    assert {"/", "/index.html", "/404.html", "/produk/*", "/kategori/*"} <= revalidated
    for page in (root / "build").rglob("*.html"):
        rel = "/" + page.relative_to(root / "build").as_posix()
        matching = [r for r in revalidated if r == rel or (r.endswith("/*")
                    and rel.startswith(r[:-1]))]
        assert matching, rel
    for image in (root / "build/img").iterdir():
        assert not any(Path("/img/" + image.name).is_relative_to(r[:-1]) for r in revalidated
                       if r.endswith("/*"))
