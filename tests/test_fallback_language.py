"""Arabic text shown on an English or Kurdish page (no translation yet) is marked as Arabic."""

import json
import re

from django.utils import translation

from content.models import Page, Principle
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
    assert "هەموو بابەتەکانی هەواڵەکان" in home  # the Kurdish title
    news = Section.objects.get(key="news")
    news.title_ckb = ""
    news.save()
    home = client.get("/ckb/").content.decode()
    assert (
        "هەموو بابەتەکانی هەواڵەکان" in home and "هەموو بابەتەکانی الأخبار" not in home
    )  # the interface's name, not the Arabic
    news.title_ckb = "هەواڵ و ڕاپۆرت"
    news.save()
    assert "هەموو بابەتەکانی هەواڵ و ڕاپۆرت" in client.get("/ckb/").content.decode()


# --- A page whose content is not translated says so, once, in the visitor's language.

NOTICE_ALL = {
    "en": "This page has not been translated yet, so it is shown in the original Arabic.",
    "ckb": "ئەم پەڕەیە هێشتا وەرنەگێڕدراوە، بۆیە بە دەقە عەرەبییە ڕەسەنەکەی پیشانی دەدەین.",
}
NOTICE_PART = {
    "en": "Part of this page has not been translated yet and is shown in the original Arabic.",
    "ckb": "بەشێک لەم پەڕەیە هێشتا وەرنەگێڕدراوە، بۆیە بە دەقە عەرەبییە ڕەسەنەکەی پیشانی دەدەین.",
}


def test_an_untranslated_post_says_so_once_in_the_visitors_language(client, party_content):
    post = make_post(title="خبر بالعربية فقط", summary_ar="ملخص", body_ar="<p>نص عربي</p>")
    for language in ("en", "ckb"):
        with translation.override(language):
            url = post.get_absolute_url()
        content = client.get(url).content.decode()
        assert content.count('class="notice untranslated-notice"') == 1
        assert NOTICE_ALL[language] in content
        assert re.search(r'<h1 class="post__title" lang="ar" dir="rtl">\s*خبر بالعربية فقط', content)
    with translation.override("ar"):
        assert 'class="notice untranslated-notice"' not in client.get(post.get_absolute_url()).content.decode()


def test_a_partly_translated_page_says_part_and_a_translated_one_says_nothing(client, party_content):
    about = client.get("/ckb/about/").content.decode()
    assert 'class="notice untranslated-notice"' not in about  # the shipped Kurdish
    page = Page.objects.get(key="about")
    page.body_ckb = ""
    page.save()
    about = client.get("/ckb/about/").content.decode()
    assert about.count('class="notice untranslated-notice"') == 1 and NOTICE_PART["ckb"] in about
    assert '<div class="prose" lang="ar" dir="rtl">' in about


def test_principles_list_says_so_once_however_many_are_untranslated(client, party_content):
    Principle.objects.update(body_en="")
    content = client.get("/en/principles/").content.decode()
    assert content.count('class="notice untranslated-notice"') == 1 and NOTICE_PART["en"] in content


def test_fixed_texts_fall_back_marked_and_labels_take_the_interface_s_words(client, party_content):
    from content.models import TextBlock

    for key in ("hero", "join_button", "join_intro"):
        block = TextBlock.objects.get(key=key)
        block.text_ckb = ""
        block.save()
    home = client.get("/ckb/").content.decode()
    assert '<p class="hero__lead" lang="ar" dir="rtl">نحن حزب وطني' in home
    assert "طلب انضمام" not in home and "داواکاریی ئەندامبوون" in home  # the catalogue's label
    assert home.count('class="notice untranslated-notice"') == 1 and NOTICE_PART["ckb"] in home
    join = client.get("/ckb/join/").content.decode()
    assert '<p class="lead" lang="ar" dir="rtl">انضموا إلينا' in join
    assert "طلب انضمام" not in join and NOTICE_PART["ckb"] in join
    assert 'class="notice untranslated-notice"' not in client.get("/").content.decode()


def test_labels_naming_a_section_never_fall_back_to_arabic(client, party_content):
    from content.models import Section

    news = Section.objects.get(key="news")
    news.title_ckb = ""
    news.save()
    post = make_post(title="خبر", title_ckb="هەواڵێک")
    with translation.override("ckb"):
        url = post.get_absolute_url()
    content = client.get(url).content.decode()
    assert "الأخبار" not in content and "هەواڵەکان" in content  # breadcrumbs, eyebrow, "more from"
    search = client.get("/ckb/search/", {"q": "هەواڵێک"}).content.decode()
    assert "الأخبار" not in search
