"""Post journeys (issue 3): a visitor goes from the home page to a section and a post and switches language;
a staff member publishes a post with a cover image in the admin (CKEditor 5 body) and sees it on the site."""

import io
import re

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from playwright.sync_api import expect

from content.models import Section
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import admin_url, html_lang_dir, log_in_to_admin, t, watch_csp

pytestmark = pytest.mark.browser


@pytest.fixture
def Post(site):  # noqa: N802 - the model, once the live site is up
    return apps.get_model("content", "Post")


def published_value(model):
    status = model._meta.get_field("status")
    return next(value for value, _label in status.choices if "publish" in str(value))


def make_published_post(model, section, title_ar, title_en):
    """A published post, built from the model's own fields (only what is required is given)."""
    values = {
        "section": section,
        "title_ar": title_ar,
        "title_en": title_en,
        "slug": slugify(title_en),
        "status": published_value(model),
    }
    for field in model._meta.concrete_fields:
        if "publish" in field.name and field.get_internal_type() == "DateTimeField":
            values[field.name] = timezone.now() - timezone.timedelta(hours=1)
        elif field.name in ("summary_ar", "body_ar"):
            values[field.name] = "<p>نص المنشور للاختبار.</p>" if field.name == "body_ar" else "ملخص المنشور"
    return model.objects.create(**values)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_visitor_goes_from_home_to_a_section_and_a_post_and_switches_language(new_context, Post, size):
    news = Section.objects.get(key="news")
    post = make_published_post(Post, news, "الحزب يعقد مؤتمره العام الأول", "The party holds its first conference")
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    breaches = watch_csp(page)

    page.goto("/")
    if size == "phone":
        page.get_by_role("button", name=t("Menu")).click()
    page.get_by_role("navigation", name=t("Main menu")).get_by_role("link", name=t("News")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(news.title_ar)
    page.get_by_role("main").get_by_role("link", name=post.title_ar).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(post.title_ar)
    assert html_lang_dir(page) == ["ar", "rtl"]

    page.get_by_role("navigation", name=t("Language")).get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/\d+/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(post.title_en)
    assert html_lang_dir(page) == ["en", "ltr"]
    assert breaches == []


def cover_png():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (22, 96, 63)).save(buffer, "PNG")
    return {"name": "cover.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_staff_member_publishes_a_post_with_an_image_and_sees_it(desktop, Post, superuser):
    news = Section.objects.get(key="news")
    breaches = watch_csp(desktop)
    log_in_to_admin(desktop, "root", "pw-root-1")
    meta = Post._meta
    desktop.goto(admin_url(f"{meta.app_label}/{meta.model_name}/add/"))

    title = "افتتاح مقر الحزب في البصرة"
    desktop.locator("#id_title_ar").fill(title)
    desktop.locator("#id_section").select_option(label=news.title_ar)
    desktop.locator("#id_cover_image").set_input_files(cover_png())
    desktop.locator("#id_cover_alt_ar").fill("واجهة المقر الجديد في البصرة")
    editor = desktop.locator(".ck-editor__editable").first
    editor.click()
    editor.type("افتتح الحزب اليوم مقره الجديد في البصرة.")
    now = timezone.localtime()
    for suffix, value in (("_0", now.strftime("%Y-%m-%d")), ("_1", now.strftime("%H:%M:%S"))):
        box = desktop.locator(f"input[id*=publish][id$={suffix}]")
        if box.count() and not box.first.input_value():
            box.first.fill(value)
    desktop.get_by_role("button", name=t("Publish"), exact=True).click()  # a step of the review (content/workflow.py)
    expect(desktop.locator(".messagelist .success").first).to_be_visible()

    post = Post.objects.get(title_ar=title)
    desktop.goto("/news/")
    desktop.get_by_role("main").get_by_role("link", name=title).first.click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(title)
    cover = desktop.get_by_role("img", name="واجهة المقر الجديد في البصرة")
    expect(cover).to_be_visible()
    # The image may still be on its way when the <img> becomes visible: wait for it (the cover is served).
    desktop.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=cover.element_handle(), timeout=10_000)
    assert desktop.url.endswith(post.get_absolute_url())
    expect(desktop.locator("main")).to_contain_text("افتتح الحزب اليوم مقره الجديد في البصرة.")
    assert breaches == []
