"""The post editor: CKEditor 5 per language tab, in that language's direction."""

import json
import re
from datetime import timedelta

from django.utils import timezone, translation

from content.models import Page, Post
from tests.content_helpers import make_post
from tests.helpers import sign_in


def editor_configs(content):
    configs = {}
    for field, data in re.findall(r'<script id="id_(\w+)_script" type="application/json">(.*?)</script>', content):
        configs[field] = json.loads(data)
    return configs


def test_each_language_tab_writes_in_its_direction_whatever_the_admin_language(client, superuser, party_content):
    sign_in(client, superuser)
    post = make_post()
    content = client.get(f"/admin/content/post/{post.pk}/change/").content.decode()
    configs = editor_configs(content)
    assert configs["body_ar"]["language"] == {"ui": "ar", "content": "ar"}
    assert configs["body_en"]["language"] == {"ui": "ar", "content": "en"}
    assert configs["body_ckb"]["language"] == {"ui": "ar", "content": "ku"}  # CKEditor's code for Sorani's RTL
    assert "django_ckeditor_5/dist/translations/ar.js" in content
    for src in re.findall(r'<script[^>]+src="([^"]+)"', content):
        assert src.startswith("/") and not src.startswith("//"), src


def test_an_english_admin_keeps_each_tab_in_its_own_direction(rf, superuser):
    from django.contrib import admin

    from content.models import Post

    request = rf.get("/admin/content/post/add/")
    request.user = superuser
    with translation.override("en"):
        form = admin.site._registry[Post].get_form(request)()
    assert form.fields["body_ar"].widget.config["language"] == {"ui": "en", "content": "ar"}
    assert form.fields["body_ckb"].widget.config["language"] == {"ui": "en", "content": "ku"}


def test_pages_use_the_same_editor(client, superuser, party_content):
    sign_in(client, superuser)
    page = Page.objects.get(key="about")
    configs = editor_configs(client.get(f"/admin/content/page/{page.pk}/change/").content.decode())
    assert configs["body_ckb"]["language"]["content"] == "ku"


def test_admin_lists_posts_with_their_state(client, superuser, party_content):
    sign_in(client, superuser)
    make_post(title="خبر ظاهر")
    make_post(title="خبر لم يكتمل", status=Post.Status.DRAFT)
    make_post(title="خبر قادم", when=timezone.now() + timedelta(days=1))
    content = client.get("/admin/content/post/").content.decode()
    rows = [re.sub(r"<[^>]+>", " ", row) for row in re.findall(r"<tr\b.*?</tr>", content, re.DOTALL)[1:]]
    states = {}
    for row in rows:
        cells = row.split()
        for title in ("خبر ظاهر", "خبر لم يكتمل", "خبر قادم"):
            if title in row:
                states[title] = [state for state in ("منشور", "مسودة", "مجدول") if state in cells]
    assert states == {"خبر ظاهر": ["منشور"], "خبر لم يكتمل": ["مسودة"], "خبر قادم": ["مجدول"]}
