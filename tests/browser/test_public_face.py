"""The public face (issue 14): the defects a visitor saw, each checked in Chromium at both sizes.

Screenshots go to test-artifacts/screenshots/face-*.png.
"""

import io
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from content.models import Post, TextBlock
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import t
from tests.browser.pages import wait_for_site_js, whole_page_drawn
from tests.content_helpers import image_upload, make_post

pytestmark = pytest.mark.browser

# Each row of a grid, as [left, right] of its items, against the grid's own box.
ROWS = """(grid) => {
  const box = grid.getBoundingClientRect();
  const rows = {};
  for (const item of grid.children) {
    const r = item.getBoundingClientRect();
    const key = Math.round(r.top);
    (rows[key] = rows[key] || []).push([r.left, r.right]);
  }
  return {left: box.left, right: box.right, rows: Object.values(rows)};
}"""


def gaps_in_rows(locator):
    """Rows of a grid that leave room empty: [(row, empty pixels)]."""
    found = locator.evaluate(ROWS)
    problems = []
    for number, row in enumerate(found["rows"]):
        used = max(right for _left, right in row) - min(left for left, _right in row)
        empty = (found["right"] - found["left"]) - used
        if empty > 2:
            problems.append((number, round(empty)))
    return problems


ROW_SIZES = {**VIEWPORTS, "tablet": {"width": 800, "height": 1024}}  # the two-column layout too


@pytest.mark.parametrize("size", ROW_SIZES)
def test_principles_and_sections_fill_their_rows_with_one_two_or_many_posts(site, new_context, size, screenshot_dir):
    for index in range(3):
        make_post(section="news", title=f"خبر {index}", cover_image=image_upload(f"n{index}.jpg", size=(800, 450)))
    for index in range(2):
        make_post(section="culture", title=f"ثقافة {index}", cover_image=image_upload(f"c{index}.jpg", size=(800, 450)))
    make_post(section="articles", title="مقال وحيد", cover_image=image_upload("a.jpg", size=(800, 450)))
    page = new_context(viewport=ROW_SIZES[size]).new_page()
    page.goto("/")
    with whole_page_drawn(page):
        page.screenshot(path=screenshot_dir / f"face-home-rows-{size}.png", full_page=True)
        principles = page.locator(".principle-grid")
        assert principles.locator("> li").count() == 5
        assert gaps_in_rows(principles) == []
        for key, count in (("news", 3), ("culture", 2), ("articles", 1)):
            cards = page.locator(f"section[aria-labelledby=home-{key}] .cards")
            assert cards.locator("> .card").count() == count
            assert gaps_in_rows(cards) == [], f"{key} with {count} posts"


def test_section_page_link_to_its_feed_is_in_plain_words(site, page):
    page.goto("/news/")
    link = page.locator(".feed-link a")
    expect(link).to_have_text(t("Follow this section in a news reader app"))
    assert "Atom" not in link.inner_text() and "خلاصة" not in link.inner_text()


def test_english_home_links_to_all_posts_of_a_section_in_plain_english(site, page):
    make_post(section="news", title="خبر", title_en="A news item")
    page.goto("/en/")
    link = page.locator("section[aria-labelledby=home-news] .link-arrow")
    expect(link).to_have_text("All posts in News")
    assert "All of" not in page.locator("main").inner_text()


def test_the_vision_ends_with_its_full_stop(site, page):
    page.goto("/")
    assert page.locator(".statement").inner_text().strip().endswith(".")
    assert TextBlock.objects.get(key="vision").text.endswith(".")


LONG_TITLE = "الأمانة العامة للحزب تعقد اجتماعها الدوري في بغداد وتناقش خطة العمل للعام المقبل والانتخابات"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_breadcrumb_separators_end_their_line_and_the_title_is_whole_where_there_is_room(
    site, new_context, size, screenshot_dir
):
    post = make_post(title=LONG_TITLE)
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    page.goto(post.get_absolute_url())
    page.locator(".breadcrumbs").screenshot(path=screenshot_dir / f"face-breadcrumbs-{size}.png")
    separators = page.locator(".breadcrumbs li").evaluate_all(
        """(items) => items.map((li) => [
          getComputedStyle(li, '::before').content, getComputedStyle(li, '::after').content])"""
    )
    # No item starts with a separator (that is what wrapped to the start of a phone's second line);
    # each but the last ends with one, kept on its line (the items do not break inside).
    assert [before for before, _after in separators] == ["none"] * 3
    assert all(after not in ("none", "normal") for _before, after in separators[:-1])
    assert separators[-1][1] in ("none", "normal")
    assert page.locator(".breadcrumbs li").first.evaluate("(li) => getComputedStyle(li).whiteSpace") == "nowrap"
    current = page.locator(".breadcrumbs [aria-current=page]")
    expect(current).to_have_text(LONG_TITLE)
    if size == "desktop":  # room enough: nothing cut
        crumb = page.locator(".breadcrumbs__current")
        assert crumb.evaluate("(el) => el.scrollWidth <= el.clientWidth")


def test_open_menu_button_shows_a_close_icon_and_label(site, new_context, screenshot_dir):
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    page.goto("/")
    wait_for_site_js(page)
    toggle = page.locator("[data-menu-toggle]")
    expect(toggle).to_have_accessible_name(t("Menu"))
    assert toggle.inner_text().strip() == t("Menu")
    expect(toggle.locator("svg.menu-toggle__closed")).to_be_visible()
    expect(toggle.locator("svg.menu-toggle__open")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_accessible_name(t("Close menu"))
    assert toggle.inner_text().strip() == t("Close menu")
    expect(toggle.locator("svg.menu-toggle__open")).to_be_visible()
    expect(toggle.locator("svg.menu-toggle__closed")).to_be_hidden()
    page.screenshot(path=screenshot_dir / "face-menu-open-phone.png")
    toggle.click()
    expect(toggle).to_have_accessible_name(t("Menu"))


def pdf_pages_text(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [(page.mediabox.width, page.mediabox.height, page.extract_text()) for page in reader.pages]


def test_an_analysis_prints_on_a4_with_the_address_on_every_page_and_no_site_chrome(site, page, screenshot_dir):
    from tests.browser.pages import analysis_post

    path = analysis_post()
    post = Post.objects.get(section_id="analysis")
    long_text = "".join(f"<p>فقرة {n}: نص طويل يملأ صفحات التحليل المطبوع ويختبر تكرار العنوان.</p>" for n in range(60))
    post.body_ar = (
        '<p>انظر <a href="https://example.org/report">التقرير الأصلي</a> و<a href="/about/">من نحن</a>.</p>' + long_text
    )
    post.body_en = '<p>See <a href="https://example.org/report">the original report</a>.</p>' + long_text
    post.save()
    page.goto(path)
    wait_for_site_js(page)  # it links the print stylesheet
    page.emulate_media(media="print")
    page.screenshot(path=screenshot_dir / "face-print-post.png", full_page=True)
    for hidden in (".site-header", ".site-footer", ".share", ".breadcrumbs", ".related"):
        assert page.locator(hidden).evaluate_all("(els) => els.every((el) => getComputedStyle(el).display === 'none')")
    for whole in (".chart", ".chart__table", ".attachments li"):
        assert page.locator(whole).first.evaluate("(el) => getComputedStyle(el).breakInside") == "avoid", whole
    pages = pdf_pages_text(page.pdf(prefer_css_page_size=True))
    assert len(pages) >= 2
    for width, height, text in pages:
        assert (round(float(width)), round(float(height))) == (595, 842), "A4"
        assert f"/analysis/{post.pk}/" in text, "the page's (short) address on every page"
        words = unicodedata.normalize("NFKC", text)  # the PDF's Arabic comes out in presentation forms
        assert all(word in words for word in ("حزب", "الاستقلال", "الوطني")), "the party's name on every page"
    everything = "".join(text for _w, _h, text in pages)
    assert "WhatsApp" not in everything and "Telegram" not in everything
    # Addresses after the links of the text: as written, and a link within the site made whole.
    assert "https://example.org/report" in everything.replace("\n", "")
    assert f"{site}/about/" in everything.replace("\n", "")


def test_copy_link_copies_the_posts_address_with_no_other_site_asked(site, new_context, screenshot_dir):
    post = make_post(title="خبر للمشاركة")
    context = new_context(viewport=VIEWPORTS["phone"])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(post.get_absolute_url())
    button = page.get_by_role("button", name=t("Copy link"))
    button.click()
    expect(page.locator("[data-copy-status]")).to_have_text(t("Link copied"))
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.endswith(post.get_absolute_url()) and copied.startswith("http")
    page.locator(".share").screenshot(path=screenshot_dir / "face-copy-link-phone.png")
    assert set(hosts) == {site.split("/")[2]}


def test_without_the_clipboard_the_address_is_offered_in_a_box_to_copy(site, new_context):
    post = make_post(title="خبر للمشاركة")
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(post.get_absolute_url())
    page.get_by_role("button", name=t("Copy link")).click()
    box = page.get_by_role("textbox", name=t("The address of this page"))
    expect(box).to_be_focused()
    assert box.input_value().endswith(post.get_absolute_url())
    expect(page.locator("[data-copy-status]")).to_have_text(
        t("Copying did not work here: copy the address from this box.")
    )


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_hero_keeps_white_text_at_aa_contrast_over_a_white_photograph(site, new_context, size, screenshot_dir):
    from PIL import Image

    from content.models import HomePhoto

    HomePhoto.objects.create(image=image_upload("white.jpg", size=(1800, 1000), color=(255, 255, 255)))
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    page.goto("/")
    photo = page.locator(".hero__photo")
    photo.evaluate("(img) => img.decode()")
    assert photo.evaluate("(img) => img.currentSrc.endsWith('.webp')")
    hero = page.locator(".hero")
    shot = Image.open(io.BytesIO(hero.screenshot())).convert("RGB")
    shot.save(screenshot_dir / f"face-hero-white-photo-{size}.png")
    # The brightest pixel of the background, away from the text (the hero's first row of pixels).
    brightest = max(luminance(shot.getpixel((x, 2))) for x in range(0, shot.width, 5))
    assert 1.05 / (brightest + 0.05) >= 4.5
