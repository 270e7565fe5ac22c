"""Rich text is cleaned when saved: what is stored is safe to render."""

import pytest

from content.models import Page, Post
from content.sanitize import clean_html
from tests.content_helpers import make_post


@pytest.mark.parametrize(
    "dirty,forbidden",
    [
        ("<p>a</p><script>alert(1)</script>", ["<script", "alert(1)"]),
        ('<p onclick="steal()">a</p>', ["onclick", "steal"]),
        ('<img src="/x.png" onerror="steal()">', ["onerror", "steal"]),
        ('<a href="javascript:steal()">link</a>', ["javascript:", "steal"]),
        ('<a href="JaVaScRiPt:steal()">link</a>', ["steal"]),
        ('<a href="data:text/html,<script>x</script>">link</a>', ["data:", "<script"]),
        ('<p style="position:fixed;inset:0;z-index:999">overlay</p>', ["style=", "position", "z-index"]),
        ('<p style="display:none">hidden</p>', ["style=", "display"]),
        ("<style>body{display:none}</style><p>a</p>", ["<style", "display"]),
        ('<iframe src="https://evil.example/phish"></iframe>', ["<iframe", "evil.example"]),
        ('<iframe src="https://www.youtube.com/embed/abc"></iframe>', ["<iframe"]),
        ('<iframe src="javascript:alert(1)"></iframe>', ["<iframe", "alert"]),
        ('<iframe srcdoc="<script>x</script>"></iframe>', ["srcdoc", "<script", "<iframe"]),
        ('<form action="https://evil.example"><input name="password"></form>', ["<form", "<input"]),
        ('<object data="x.swf"></object><embed src="x.swf">', ["<object", "<embed"]),
    ],
)
def test_dangerous_constructs_are_removed(dirty, forbidden):
    cleaned = clean_html(dirty)
    for piece in forbidden:
        assert piece.lower() not in cleaned.lower(), (dirty, cleaned)


def test_allowed_video_players_survive():
    for src in ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://player.vimeo.com/video/76979871"):
        cleaned = clean_html(f'<iframe src="{src}" title="v" allowfullscreen onload="x()"></iframe>')
        assert f'src="{src}"' in cleaned and "onload" not in cleaned


def test_editor_output_is_kept():
    html = (
        '<h2>عنوان</h2><p><strong>غامق</strong> <em>مائل</em> <a href="https://example.org">رابط</a></p>'
        "<blockquote><p>اقتباس</p></blockquote><ul><li>بند</li></ul><ol><li>أول</li></ol>"
        '<table><tbody><tr><th>أ</th><td colspan="2">ب</td></tr></tbody></table>'
        '<figure class="image"><img src="/uploads/editor/x.png" alt="وصف"><figcaption>تعليق</figcaption></figure>'
    )
    cleaned = clean_html(html)
    image = '<img src="/uploads/editor/x.png" alt="وصف" loading="lazy">'
    for piece in ("<h2>", "<strong>", "<em>", 'href="https://example.org"', "<blockquote>", "<ul>", "<ol>",
                  "<table>", 'colspan="2"', image, "<figcaption>"):  # fmt: skip
        assert piece in cleaned, piece


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/x.gif",
        "http://tracker.example/uploads/x.gif",
        "//tracker.example/uploads/x.gif",
        "https://party.example.tracker.example/uploads/x.gif",
        "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
        "/static/../uploads-elsewhere/x.gif",
    ],
)
def test_images_from_other_hosts_are_dropped(settings, src):
    """A picture from another host would tell it who reads the post, and when."""
    settings.SITE_URL = "https://party.example"
    cleaned = clean_html(f'<p>قبل<img src="{src}" alt="x">بعد</p>')
    assert cleaned == "<p>قبلبعد</p>", cleaned


def test_images_from_our_uploads_are_kept_and_load_lazily(settings):
    settings.SITE_URL = "https://party.example"
    for src in ("/uploads/editor/2026/11/a.jpg", "https://party.example/uploads/editor/a.jpg"):
        cleaned = clean_html(f'<img src="{src}" alt="وصف" loading="eager">')
        assert cleaned == f'<img src="{src}" alt="وصف" loading="lazy">'


def test_the_stored_body_of_posts_and_pages_is_clean(party_content):
    post = make_post(
        body_ar='<p onclick="x()">نص</p><script>alert(1)</script>', body_en="<p style='display:none'>x</p>"
    )
    post.refresh_from_db()
    assert post.body_ar == "<p>نص</p>" and post.body_en == "<p>x</p>"
    page = Page.objects.get(key="about")
    page.body_ckb = '<a href="javascript:alert(1)">x</a>'
    page.save()
    page.refresh_from_db()
    assert "javascript" not in page.body_ckb


def test_bulk_updates_clean_rich_text_too(party_content):
    """QuerySet.update() skips save(): the queryset cleans the HTML itself."""
    post = make_post()
    Post.objects.filter(pk=post.pk).update(body_ar='<p onclick="x()">نص</p><script>alert(1)</script>')
    assert Post.objects.get(pk=post.pk).body_ar == "<p>نص</p>"
    Page.objects.filter(key="about").update(
        body_en='<a href="javascript:alert(1)">x</a><img src="https://t.example/x">'
    )
    assert "javascript" not in Page.objects.get(key="about").body_en
    assert "t.example" not in Page.objects.get(key="about").body_en
