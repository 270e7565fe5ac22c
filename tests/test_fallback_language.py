"""Arabic text shown on an English or Kurdish page (no translation yet) is marked as Arabic."""

import json
import re

from django.utils import translation

from content.models import Principle
from tests.content_helpers import make_post


def test_untranslated_fields_are_marked_arabic_and_translated_ones_are_not(client, party_content):
    post = make_post(title="خبر بالعربية فقط", title_en="", summary_ar="ملخص عربي", body_ar="<p>نص عربي</p>")
    with translation.override("en"):
        url = post.get_absolute_url()
    content = client.get(url).content.decode()
    assert re.search(r'<h1 class="post__title" lang="ar" dir="rtl">\s*خبر بالعربية فقط', content)
    assert re.search(r'<div class="prose narrow post__body" lang="ar" dir="rtl">', content)
    assert '<html lang="en" dir="ltr">' in content  # the page itself stays English
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert data["inLanguage"] == "ar"

    principles = client.get("/en/principles/").content.decode()
    assert "<h2>National sovereignty</h2>" in principles  # translated: no mark
    principle = Principle.objects.get(key="national-sovereignty")
    principle.title_en = ""
    principle.save()
    principles = client.get("/en/principles/").content.decode()
    assert '<h2 lang="ar" dir="rtl">السيادة الوطنية</h2>' in principles


def test_arabic_pages_carry_no_extra_marks(client, party_content):
    post = make_post(title="خبر")
    with translation.override("ar"):
        url = post.get_absolute_url()
    content = client.get(url).content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert 'lang="ar" dir="rtl">' not in content.split("<body", 1)[1]


def test_sitemap_lists_a_post_only_in_the_languages_it_is_written_in(client, party_content):
    arabic_only = make_post(title="بالعربية فقط")
    both = make_post(title="بلغتين", title_en="In two languages")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/en/news/{arabic_only.pk}/" not in sitemap and f"/news/{arabic_only.pk}/" in sitemap
    assert f"/en/news/{both.pk}/" in sitemap and f"/news/{both.pk}/" in sitemap


def test_saving_under_another_language_does_not_copy_the_arabic_into_it(party_content):
    post = make_post(title="خبر", body_ar="<p>نص عربي</p><script>x()</script>")
    with translation.override("en"):
        post.title_en = "News"
        post.save()
    post.refresh_from_db()
    assert post.body_en in ("", None) and post.body_ar == "<p>نص عربي</p>"


def test_running_text_names_a_section_in_the_page_language_even_without_its_translated_title(client, party_content):
    from content.models import Section

    make_post(title="خبر", title_ckb="هەواڵ")
    home = client.get("/ckb/").content.decode()
    assert "هەموو هەواڵەکان" in home  # the Kurdish title
    news = Section.objects.get(key="news")
    news.title_ckb = ""
    news.save()
    home = client.get("/ckb/").content.decode()
    assert "هەموو هەواڵەکان" in home and "هەموو الأخبار" not in home  # the interface's name, not the Arabic
    news.title_ckb = "هەواڵ و ڕاپۆرت"
    news.save()
    assert "هەموو هەواڵ و ڕاپۆرت" in client.get("/ckb/").content.decode()
