"""Offline reading (issue 14): our service worker keeps what a reader visited; with the network cut, a
visited post reads offline and an unvisited page shows the offline page in the reader's language."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import t
from tests.content_helpers import image_upload, make_post

pytestmark = pytest.mark.browser

WORKER_READY = "() => navigator.serviceWorker.ready.then((r) => !!r.active)"
KEPT = """async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith('party-pages-'));
  if (!names.length) return [];
  const cache = await caches.open(names[0]);
  return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
}"""


def eventually(page, script, arg=None, seconds=10):
    """Evaluate `script` (it may return a promise) until it is true; fail after `seconds`."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {script}")


def start(new_context, size="phone"):
    context = new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    page.goto("/")
    assert page.evaluate(WORKER_READY)
    eventually(page, "() => !!navigator.serviceWorker.controller")  # it has taken over this page
    return context, page


def test_a_visited_post_reads_offline_and_an_unvisited_page_shows_the_offline_page(site, new_context, screenshot_dir):
    post = make_post(
        title="خبر يُقرأ من دون اتصال", body_ar="<p>نص الخبر كاملاً.</p>", cover_image=image_upload("o.jpg", (800, 450))
    )
    context, page = start(new_context)
    page.goto(post.get_absolute_url())
    expect(page.locator("h1")).to_have_text("خبر يُقرأ من دون اتصال")
    cover = page.locator(".post__cover img")
    cover.evaluate("(img) => img.decode()")
    eventually(page, f"async () => ({KEPT})().then((kept) => kept.includes({post.get_absolute_url()!r}))")

    context.set_offline(True)
    page.goto(post.get_absolute_url())
    expect(page.locator("h1")).to_have_text("خبر يُقرأ من دون اتصال")
    expect(page.locator(".post__body")).to_contain_text("نص الخبر كاملاً.")
    assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "18px"  # its stylesheet too
    assert page.locator(".post__cover img").evaluate("(img) => img.decode().then(() => img.naturalWidth > 0)")
    page.screenshot(path=screenshot_dir / "offline-post-ar-phone.png", full_page=True)

    page.goto("/culture/")  # never visited
    expect(page.locator("h1")).to_have_text(t("You are offline"))
    saved = page.locator("[data-saved-pages] a")
    expect(saved.filter(has_text="خبر يُقرأ من دون اتصال")).to_have_attribute("href", post.get_absolute_url())
    page.screenshot(path=screenshot_dir / "offline-page-ar-phone.png", full_page=True)

    page.goto("/en/culture/")
    expect(page.locator("h1")).to_have_text(t("You are offline", "en"))
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.screenshot(path=screenshot_dir / "offline-page-en-phone.png", full_page=True)
    page.goto("/ckb/culture/")
    expect(page.locator("h1")).to_have_text(t("You are offline", "ckb"))


def test_forms_search_and_pages_read_with_a_session_cookie_are_never_kept(site, new_context, live_server):
    context, page = start(new_context)
    page.goto("/join/")
    page.goto("/feedback/")
    page.goto("/search/?q=الحزب")
    page.goto("/principles/")
    eventually(page, f"async () => ({KEPT})().then((kept) => kept.includes('/principles/'))")
    context.add_cookies([{"name": "sessionid", "value": "not-a-session", "url": live_server.url}])
    page.goto("/about/")
    page.goto("/secretariat/")
    page.wait_for_timeout(300)
    kept = page.evaluate(KEPT)
    assert "/principles/" in kept and "/" in kept
    for never in ("/join/", "/feedback/", "/search/?q=الحزب", "/about/", "/secretariat/"):
        assert not any(path.startswith(never.split("?")[0]) for path in kept), (never, kept)


def test_a_new_deployment_replaces_the_old_caches(site, new_context):
    from party_site import offline

    context, page = start(new_context)
    before = page.evaluate("() => caches.keys()")
    assert any(name.startswith("party-assets-") for name in before)
    offline.worker_config.cache_clear()
    # a deployment with another set of static files: the worker gets a new version
    original = offline.ASSETS
    offline.ASSETS = (*original, "img/share.png")
    try:
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        eventually(
            page,
            "(old) => caches.keys().then((names) => names.length > 0 && !names.some((n) => old.includes(n)))",
            before,
        )
    finally:
        offline.ASSETS = original
        offline.worker_config.cache_clear()
    after = page.evaluate("() => caches.keys()")
    assert not set(before) & set(after)
