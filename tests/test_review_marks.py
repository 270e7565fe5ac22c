"""The "needs review" marks: the English and Kurdish the site ships with come marked, staff see,
filter and clear them per language in the admin, and visitors never see them."""

import importlib
import re

from django.apps import apps

from content.management.commands.load_party_content import load_party_content
from content.models import Page, Principle, SearchDocument, Section, TextBlock
from party_site.text import search_text
from tests.helpers import sign_in

MODELS = (TextBlock, Page, Principle, Section)


def test_the_shipped_english_and_kurdish_come_marked(party_content):
    for model in MODELS:
        assert model.objects.filter(review_en=False).count() == 0, model
        assert model.objects.filter(review_ckb=False).count() == 0, model


def test_a_translation_filled_into_an_older_database_comes_marked(party_content):
    TextBlock.objects.update(text_ckb="", review_ckb=False, review_en=False)
    load_party_content()
    assert not TextBlock.objects.filter(review_ckb=False).exists()
    assert not TextBlock.objects.filter(review_en=True).exists()  # English was not written again


def test_staff_filter_by_language_and_see_the_marks_in_the_list(client, superuser, party_content):
    Page.objects.exclude(key="about").update(review_ckb=False)
    Page.objects.update(review_en=False)
    sign_in(client, superuser)

    def change_url(key):
        return f"/admin/content/page/{Page.objects.get(key=key).pk}/change/"

    kurdish = client.get("/admin/content/page/", {"review": "ckb"}).content.decode()
    assert change_url("about") in kurdish
    assert change_url("privacy") not in kurdish
    assert "الكردية" in kurdish  # the list's column names the language to review
    english = client.get("/admin/content/page/", {"review": "en"}).content.decode()
    assert change_url("about") not in english
    done = client.get("/admin/content/page/", {"review": "none"}).content.decode()
    assert change_url("privacy") in done


def test_staff_clear_a_mark_with_the_action_or_in_the_form(client, superuser, party_content):
    sign_in(client, superuser)
    principles = list(Principle.objects.values_list("pk", flat=True)[:2])
    response = client.post(
        "/admin/content/principle/",
        {"action": "mark_ckb_reviewed", "_selected_action": principles},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Principle.objects.filter(review_ckb=False).values_list("pk", flat=True)) == set(principles)
    assert not Principle.objects.filter(review_en=False).exists()

    block = TextBlock.objects.get(key="hero")
    form = client.get(f"/admin/content/textblock/{block.pk}/change/").content.decode()
    assert 'name="review_ckb"' in form and 'name="review_en"' in form
    data = {"text_ar": block.text_ar, "text_en": block.text_en, "text_ckb": block.text_ckb, "review_en": "on"}
    assert client.post(f"/admin/content/textblock/{block.pk}/change/", data).status_code == 302
    block.refresh_from_db()
    assert (block.review_en, block.review_ckb) == (True, False)


def test_an_editor_without_change_permission_gets_no_review_action(client, django_user_model, party_content):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_principle"))
    sign_in(client, viewer)
    content = client.get("/admin/content/principle/").content.decode()
    assert "mark_ckb_reviewed" not in content


def test_visitors_never_see_the_marks(client, party_content):
    for url in ("/", "/ckb/", "/en/", "/ckb/about/", "/en/principles/", "/ckb/news/"):
        content = client.get(url).content.decode()
        # What the visitor reads: the page less its inline stylesheet (whose ".preview-banner" is no mark).
        content = re.sub(r"<style[^>]*>.*?</style>", "", content, flags=re.S)
        for word in ("review", "پێداچوونەوە", "مراجعة"):
            assert word not in content, (url, word)


def test_the_migration_marks_english_that_is_still_as_shipped(party_content):
    migration = importlib.import_module("content.migrations.0007_review_marks")
    Page.objects.update(review_en=False)
    Page.objects.filter(key="privacy").update(title_en="Privacy, as staff wrote it")
    migration.mark_shipped_english(apps, None)
    assert set(Page.objects.filter(review_en=True).values_list("key", flat=True)) == {
        "about",
        "founding-statement",
        "secretariat",
    }


def test_the_search_migration_writes_every_document_s_word_forms_again(party_content):
    migration = importlib.import_module("content.migrations.0008_search_word_forms")
    SearchDocument.objects.update(search_title=" stale ", search_body=" stale ")

    class Editor:
        class connection:
            vendor = "sqlite"

    from django.db import connection

    Editor.connection.vendor = connection.vendor
    migration.reindex(apps, Editor)
    document = SearchDocument.objects.filter(page__key="about", language="ar").get()
    assert document.search_title == search_text(document.title)
    assert document.search_body == search_text(document.text)
    assert SearchDocument.objects.search("مؤتمرات", "ar").filter(page__key="about").exists()
