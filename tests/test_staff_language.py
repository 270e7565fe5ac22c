"""Each staff member uses the admin in Arabic (the default), Kurdish or English, and it is remembered."""

import pytest
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise

from party_site.models import StaffLanguage


def html_tag(client, url="/admin/"):
    content = client.get(url).content.decode()
    return content[content.index("<html") : content.index(">", content.index("<html")) + 1], content


def test_the_admin_is_arabic_by_default(client, superuser):
    client.force_login(superuser)
    tag, content = html_tag(client)
    assert tag == '<html lang="ar" dir="rtl">'
    assert "لغة لوحة الإدارة" in content  # the link to choose


@pytest.mark.parametrize(
    "language,tag,label",
    [
        ("ckb", '<html lang="ckb" dir="rtl">', "بەشەکان"),  # "sections"
        ("en", '<html lang="en" dir="ltr">', "Sections"),
    ],
)
def test_a_staff_member_picks_a_language_and_it_is_remembered(client, superuser, language, tag, label):
    client.force_login(superuser)
    form = client.get("/admin/language/").content.decode()
    assert 'value="ckb"' in form and 'value="en"' in form and 'value="ar"' in form
    response = client.post("/admin/language/", {"language": language})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert html_tag(client)[0] == tag
    client.logout()
    client.force_login(superuser)  # a new session: the choice is the account's
    found_tag, content = html_tag(client, "/admin/content/")
    assert found_tag == tag and label in content
    assert StaffLanguage.of(superuser) == language


def test_the_choice_is_each_staff_member_s_own_and_never_the_public_site_s(client, superuser, staff_user):
    StaffLanguage.objects.create(user=superuser, language="en")
    client.force_login(staff_user)
    assert html_tag(client)[0] == '<html lang="ar" dir="rtl">'
    client.force_login(superuser)
    assert html_tag(client)[0] == '<html lang="en" dir="ltr">'
    assert html_tag(client, "/")[0].startswith('<html lang="ar" dir="rtl"')  # the public site keeps its URL's language


def test_an_unknown_language_is_refused(client, superuser):
    client.force_login(superuser)
    assert client.post("/admin/language/", {"language": "fr"}).status_code == 200
    assert not StaffLanguage.objects.exists()


def test_the_login_page_stays_arabic(client):
    assert html_tag(client, "/admin/login/")[0] == '<html lang="ar" dir="rtl">'


def test_the_javascript_catalogue_follows_the_choice(client, superuser):
    StaffLanguage.objects.create(user=superuser, language="ckb")
    client.force_login(superuser)
    assert "كانون الثاني" not in client.get("/admin/jsi18n/").content.decode()


def test_every_label_the_admin_shows_for_our_models_is_translatable(rf, superuser):
    """Field labels are lazy translations (so the catalogues, tested complete, hold them)."""
    request = rf.get("/admin/")
    request.user = superuser
    untranslatable = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("content", "membership", "feedback", "party_site"):
            continue
        inlines = model_admin.get_inline_instances(request)
        shown = [(model, model_admin)] + [(inline.model, inline) for inline in inlines]
        for shown_model, shown_admin in shown:
            assert isinstance(shown_model._meta.verbose_name_plural, Promise), shown_model
            names = set(shown_admin.get_fields(request))
            if hasattr(shown_admin, "get_list_display"):
                names |= set(shown_admin.get_list_display(request))
            for name in names:
                try:
                    field = shown_model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                if not isinstance(getattr(field, "verbose_name", None), Promise):
                    untranslatable.append(f"{shown_model.__name__}.{name}")
    assert untranslatable == []


def test_the_kurdish_admin_shows_no_arabic_labels_third_party_ones_included(client, superuser):
    """Django fills a message missing in Kurdish from the Arabic catalogue: every label on the index
    (our apps, auth, axes) must have its own Kurdish."""
    import re

    StaffLanguage.objects.create(user=superuser, language="ckb")
    client.force_login(superuser)
    content = client.get("/admin/").content.decode()
    main = content[content.index('id="content-main"') :]
    text = re.sub(r"<[^>]+>", " ", main)
    arabic_words = [word for word in text.split() if set(word) & set("ةىيكأإؤ")]
    assert arabic_words == []
    assert "تۆمارەکانی چوونەژوورەوە" in text  # axes' access logs
