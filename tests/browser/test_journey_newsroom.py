"""The newsroom in a real browser: a writer submits a post, an editor sends it back with a comment, the
writer fixes it, the editor publishes it; an editor restores an earlier version and the public page follows.
Screenshots of the dashboard, the review steps and the diff go to test-artifacts/screenshots/newsroom-*.png."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from content.models import Post, Section
from party_site.roles import setup_roles
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import admin_url, log_in_to_admin, t, watch_csp
from tests.content_helpers import make_post
from tests.newsroom_helpers import make_editor, make_writer

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(site):
    setup_roles()
    users = get_user_model()
    return make_writer(users), make_editor(users)


def signed_in(new_context, user, size="desktop"):
    """A browser of its own for one staff member, signed in through the admin's login form."""
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    log_in_to_admin(page, user.username, f"pw-{user.username}-1")
    return page


def shot(page, screenshot_dir, name):
    """The page as it is, at desktop and phone widths."""
    page.screenshot(path=screenshot_dir / f"newsroom-{name}-desktop.png", full_page=True)
    page.set_viewport_size(VIEWPORTS["phone"])
    page.screenshot(path=screenshot_dir / f"newsroom-{name}-phone.png", full_page=True)
    page.set_viewport_size(VIEWPORTS["desktop"])


def test_writer_submits_editor_sends_back_writer_fixes_editor_publishes(new_context, staff, screenshot_dir):
    writer, editor = staff
    news = Section.objects.get(key="news")
    title, fixed_title = "زيارة وفد الحزب إلى الموصل وبغداد", "زيارة وفد الحزب إلى الموصل"

    # The writer writes a draft and submits it.
    as_writer = signed_in(new_context, writer)
    breaches = watch_csp(as_writer)
    as_writer.goto(admin_url("content/post/add/"))
    tabs = as_writer.locator(".ui-tabs-nav a")
    expect(tabs.first).to_have_text("العربية")
    assert set(tabs.all_inner_texts()) == {"العربية", "English", "کوردی"}  # named in their own languages
    switch = as_writer.locator("#modeltranslation-main-switch option")
    assert switch.all_inner_texts() == ["العربية", "English", "کوردی"]
    as_writer.locator("#id_title_ar").fill(title)
    as_writer.locator("#id_section").select_option(label=news.title_ar)
    editor_box = as_writer.locator(".ck-editor__editable").first
    editor_box.click()
    editor_box.type("زار وفد من الحزب مدينة الموصل اليوم.")
    words = as_writer.locator(".ck-word-count__words").first
    characters = as_writer.locator(".ck-word-count__characters").first
    expect(words).to_contain_text("7")
    first, second = words.bounding_box(), characters.bounding_box()
    apart = max(first["x"], second["x"]) - min(first["x"] + first["width"], second["x"] + second["width"])
    assert apart >= 8 or second["y"] >= first["y"] + first["height"]  # «الكلمات: 7  الأحرف: 37», never run together
    assert not as_writer.get_by_role("button", name=t("Publish"), exact=True).count()
    as_writer.get_by_role("button", name=t("Save and submit for review")).click()
    expect(as_writer.locator(".messagelist .success").first).to_be_visible()
    post = Post.objects.get(title_ar=title)
    assert post.status == Post.Status.IN_REVIEW and post.created_by == writer
    shot(as_writer, screenshot_dir, "1-writer-submitted")

    # The editor finds it on the dashboard and sends it back with a comment.
    as_editor = signed_in(new_context, editor)
    expect(as_editor.locator("#inbox")).to_contain_text("منشور واحد بانتظار المراجعة")
    shot(as_editor, screenshot_dir, "dashboard-editor")
    as_editor.locator("#inbox").get_by_role("link", name=title).click()
    as_editor.locator("#id_review_comment").fill("اختصر العنوان: الزيارة كانت إلى الموصل وحدها.")
    shot(as_editor, screenshot_dir, "2-editor-reviews")
    as_editor.get_by_role("button", name=t("Send back to the writer")).click()
    expect(as_editor.locator(".messagelist .success").first).to_be_visible()
    post.refresh_from_db()
    assert post.status == Post.Status.SENT_BACK

    # The writer sees it sent back, reads the comment, fixes the title and submits again.
    as_writer.goto(admin_url())
    expect(as_writer.locator("#inbox")).to_contain_text(title)
    shot(as_writer, screenshot_dir, "dashboard-writer")
    as_writer.locator("#inbox").get_by_role("link", name=title).click()
    expect(as_writer.locator(".field-review_history")).to_contain_text("اختصر العنوان")
    as_writer.locator("#id_title_ar").fill(fixed_title)
    as_writer.get_by_role("button", name=t("Save and submit for review")).click()
    expect(as_writer.locator(".messagelist .success").first).to_be_visible()
    shot(as_writer, screenshot_dir, "3-writer-resubmitted")

    # The editor publishes it; visitors see it.
    as_editor.goto(admin_url(f"content/post/{post.pk}/change/"))
    as_editor.get_by_role("button", name=t("Publish"), exact=True).click()
    expect(as_editor.locator(".messagelist .success").first).to_be_visible()
    shot(as_editor, screenshot_dir, "4-editor-published")
    assert Post.objects.published().get().title_ar == fixed_title
    visitor = new_context(viewport=VIEWPORTS["phone"]).new_page()
    visitor.goto(post.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text(fixed_title)
    assert breaches == []


def test_editor_restores_an_earlier_version_and_the_public_page_shows_it(new_context, staff, screenshot_dir):
    _writer, editor = staff
    post = make_post(title="بيان الحزب حول الانتخابات", body_ar="<p>يدعو الحزب إلى المشاركة الواسعة.</p>")
    visitor = new_context(viewport=VIEWPORTS["phone"]).new_page()

    as_editor = signed_in(new_context, editor)
    breaches = watch_csp(as_editor)
    as_editor.goto(admin_url(f"content/post/{post.pk}/change/"))
    as_editor.locator("#id_title_ar").fill("بيان خاطئ")
    as_editor.locator("#id_version_comment").fill("تعديل تجريبي")
    as_editor.get_by_role("button", name=t("Save"), exact=True).click()
    expect(as_editor.locator(".messagelist .success").first).to_be_visible()
    visitor.goto(post.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text("بيان خاطئ")

    as_editor.goto(admin_url(f"content/post/{post.pk}/history/"))
    expect(as_editor.locator("#versions")).to_contain_text("تعديل تجريبي")
    shot(as_editor, screenshot_dir, "versions")
    as_editor.get_by_role("button", name=t("Compare the chosen versions")).click()
    expect(as_editor.locator(".newsroom-diff del").first).to_have_text("الحزب حول الانتخابات")
    expect(as_editor.locator(".newsroom-diff ins").first).to_have_text("خاطئ")
    shot(as_editor, screenshot_dir, "diff")
    as_editor.go_back()
    as_editor.get_by_role("link", name=t("Restore…")).click()
    shot(as_editor, screenshot_dir, "restore-confirm")
    as_editor.get_by_role("button", name=t("Restore this version")).click()
    expect(as_editor.locator(".messagelist .success").first).to_be_visible()
    expect(as_editor.locator("#versions tbody tr")).to_have_count(3)  # the restore is a version too

    visitor.goto(post.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text("بيان الحزب حول الانتخابات")
    assert breaches == []
