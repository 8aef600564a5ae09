"""What a buyer sees on a phone (360x740) and a laptop (1280x800), in a real browser:
the order button without scrolling, a gallery that swipes, nothing wider than a 320 px
screen, and full-page screenshots of each kind of page kept in test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import StaticSite, Visit
from tests.conftest import REPO, copy_sample, run

ARTIFACTS = REPO / "test-artifacts"
SIZES = {"phone": (360, 740), "laptop": (1280, 800)}
PRODUCTS = sorted(p.stem for p in (REPO / "content/products").glob("*.yaml"))
# The first thing a buyer can tap to order (or, sold out, to ask) on a product page.
ORDER = ".info a.btn"

# Anything outside the screen is a fault, except what is meant to be: the skip link until
# it is focused, text for screen readers only, and whatever lies inside a box that
# scrolls sideways on purpose (the gallery, its thumbnails).
OUTSIDE = """() => {
  const wide = [];
  for (const e of document.body.querySelectorAll("*")) {
    if (e.closest(".skip, .vh")) continue;
    let inside = false;
    for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) { inside = true; break; }
    }
    const box = e.getBoundingClientRect();
    if (!inside && box.width && (box.left < -0.5 || box.right > innerWidth + 0.5))
      wide.push(e.tagName + "." + e.className + " " + Math.round(box.left) + ".." +
                Math.round(box.right));
  }
  return wide;
}"""


@pytest.fixture(scope="module")
def site(sample_build: Path) -> Iterator[StaticSite]:
    served = StaticSite(sample_build)
    yield served
    served.stop()


def opened(browser: Browser, site: StaticSite, size: tuple[int, int], **options: object) -> Visit:
    return Visit(browser, site, viewport={"width": size[0], "height": size[1]}, **options)


def fill_cart(page: Page, site: StaticSite) -> None:
    page.goto(site.url("produk/celemek-anak/"))
    page.locator("#beli").get_by_role("button", name="Masukkan keranjang").click()
    page.goto(site.url("produk/piring-lidi-kecil/"))
    page.locator("#beli").get_by_role("button", name="Masukkan keranjang").click()


def order_in_view(page: Page) -> None:
    button = page.locator(ORDER).first
    expect(button).to_be_visible()
    box = button.bounding_box()
    size = page.viewport_size
    assert box and size
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (page.url, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (page.url, box)


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_the_order_button_is_on_the_first_screen_of_every_product(
        browser: Browser, site: StaticSite, size: tuple[int, int]) -> None:
    visit = opened(browser, site, size)
    for slug in PRODUCTS:
        visit.page.goto(site.url(f"produk/{slug}/"))
        order_in_view(visit.page)
    assert visit.outside() == []
    visit.close()


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_the_order_button_stays_on_the_first_screen_with_many_photos(
        browser: Browser, tmp_path: Path, size: tuple[int, int]) -> None:
    root = copy_sample(tmp_path / "site")
    rosela = root / "content/products/teh-rosela.yaml"
    photos = "".join(f"  - images/{slug}.jpg\n" for slug in PRODUCTS[:7])
    rosela.write_text(rosela.read_text().replace("images:\n", "images:\n" + photos, 1))
    assert run(root, "build").exit_code == 0
    served = StaticSite(root / "build")
    visit = opened(browser, served, size)
    try:
        visit.page.goto(served.url("produk/teh-rosela/"))
        expect(visit.page.locator(".thumbs a")).to_have_count(8)
        order_in_view(visit.page)
    finally:
        visit.close()
        served.stop()


def swipe(page: Page, x: float, y: float, distance: float) -> None:
    """A finger on the screen at (x, y), moved sideways by ``distance`` and lifted."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x + distance * step / 10, "y": y}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_the_gallery_swipes(browser: Browser, site: StaticSite, script: bool) -> None:
    visit = opened(browser, site, SIZES["phone"], has_touch=True, is_mobile=True,
                   java_script_enabled=script)
    page = visit.page
    page.goto(site.url("produk/keset-persegi-perca/"))
    slides = page.locator(".slides")
    box = slides.bounding_box()
    assert box
    assert slides.evaluate("s => s.scrollLeft") == 0
    swipe(page, box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2, -box["width"] * 0.6)
    # Scroll snap settles on the second photo, whole (waited for without the page's
    # script, which may be off).
    second = page.locator(".slide").nth(1)
    expect(second).to_be_in_viewport(ratio=0.99)
    page.wait_for_function(  # the snap's last pixels (it fails by timing out)
        "() => { const s = document.querySelector('.slides');"
        " return Math.abs(s.scrollLeft - s.clientWidth) < 2; }")
    assert page.evaluate("scrollY") == 0, "the page itself must not move"
    if script:
        expect(page.locator(".thumbs a").nth(1)).to_have_attribute("aria-current", "true")
        page.locator(".thumbs a").first.click()
        expect(page.locator(".slide").first).to_be_in_viewport(ratio=0.99)
    # A tap on a photo opens its largest file.
    href = second.get_attribute("href")
    assert href and href.endswith("-400.webp")  # the close-up is 400 px wide
    assert visit.page.request.get(site.url(href.lstrip("/"))).ok
    assert visit.outside() == []
    visit.close()


@pytest.mark.parametrize("path", ["", "produk/", "kategori/keset-perca/",
                                  "produk/keset-persegi-perca/", "produk/celemek-anak/",
                                  "keranjang/", "cerita/bu-sari-dan-keset-pelangi/", "tentang/",
                                  "cari/"])
def test_nothing_is_wider_than_a_320_px_phone(browser: Browser, site: StaticSite,
                                              path: str) -> None:
    visit = opened(browser, site, (320, 640))
    fill_cart(visit.page, site)
    visit.page.goto(site.url(path))
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.evaluate(OUTSIDE) == []
    assert visit.page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    visit.close()


PAGES = {"home": "", "listing": "produk/", "product": "produk/keset-persegi-perca/",
         "cart": "keranjang/", "story": "cerita/bu-sari-dan-keset-pelangi/", "about": "tentang/"}


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_full_page_screenshots(browser: Browser, site: StaticSite, size: tuple[int, int]) -> None:
    """Kept in test-artifacts/ to be looked at as a buyer would."""
    visit = opened(browser, site, size)
    fill_cart(visit.page, site)
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in PAGES.items():
        visit.page.goto(site.url(path))
        visit.page.wait_for_load_state("networkidle")
        shot = ARTIFACTS / f"{size[0]}x{size[1]}-{name}.png"
        visit.page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 5000
        assert visit.page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert visit.outside() == []
    visit.close()
