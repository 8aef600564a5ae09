"""netlify.toml and the generated _headers: every security and caching header."""

from __future__ import annotations

import base64
import functools
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


def meta_policy(html: str) -> dict[str, str]:
    from tests.pages import Page

    page = Page()
    page.feed(html)
    [meta] = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    return dict(d.split(" ", 1) for d in meta.attrs["content"].split("; "))


def test_every_page_carries_the_policy_a_meta_tag_allows(sample_build: Path) -> None:
    """GitHub and Codeberg Pages ignore _headers: each page carries the policy itself, the
    header's directives but those a <meta> cannot set, with the hashes of its own blocks."""
    header = dict(d.split(" ", 1) for d in parse_headers(
        (sample_build / "_headers").read_text())["/*"]["Content-Security-Policy"].split("; ")
        if " " in d)
    for path in sample_build.rglob("*.html"):
        html = path.read_text()
        meta = meta_policy(html)
        assert not {"frame-ancestors", "report-uri", "sandbox"} & set(meta), path
        assert set(meta) == set(header) - {"frame-ancestors"}, path
        for name in ("style-src", "script-src"):
            assert set(meta[name].split()) <= set(header[name].split()), (path, name)
        for block in re.findall(r"<style>(.*?)</style>", html, re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in meta["style-src"], path
        assert html.index("Content-Security-Policy") < html.index("<style"), "before it governs"


def test_without_headers_the_meta_policy_holds_in_chromium(sample_build: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """Served as GitHub Pages serves it (no _headers): the theme's style and script work,
    and a script slipped into a page does not run."""
    from tests.browser import StaticSite

    host = StaticSite(sample_build, host_headers=False)
    context = browser.new_context(service_workers="block")  # page.route sees every load
    page = context.new_page()
    page.add_init_script("addEventListener('securitypolicyviolation', e => (window.blocked ="
                         " window.blocked || []).push(e.violatedDirective))")
    try:
        for path in ("", "produk/teh-rosela/"):
            page.goto(host.url(path))
            page.wait_for_load_state("load")
            assert page.evaluate("window.blocked || []") == [], path
            assert page.evaluate("[...document.styleSheets].length") >= 1
        html = (sample_build / "produk/teh-rosela/index.html").read_text()
        injected = html + "<script>window.ran = true</script>"  # minified: no </body>
        without = re.sub(r"<meta http-equiv=Content-Security-Policy [^>]*>", "", injected)
        for body, runs in ((without, True), (injected, None)):  # the control, then the test
            page.route("**/produk/teh-rosela/", functools.partial(
                lambda body, route: route.fulfill(body=body, content_type="text/html"), body))
            page.goto(host.url("produk/teh-rosela/"))
            page.wait_for_load_state("load")
            assert page.evaluate("window.ran") is runs
            page.unroute("**/produk/teh-rosela/")
    finally:
        context.close()
        host.stop()
