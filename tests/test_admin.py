"""The admin is in Arabic, RTL, carries the party's name and loads nothing from a CDN."""

import re

from content.models import Page
from tests.helpers import sign_in


def test_admin_index_is_arabic_with_the_party_name(client, superuser):
    sign_in(client, superuser)
    content = client.get("/admin/").content.decode()
    assert 'lang="ar"' in content and 'dir="rtl"' in content
    assert "حزب الاستقلال الوطني" in content


def test_translation_tabs_use_a_local_jquery_ui(client, superuser, party_content):
    sign_in(client, superuser)
    page = Page.objects.get(key="about")
    response = client.get(f"/admin/content/page/{page.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in content
    for src in re.findall(r'<script[^>]+src="([^"]+)"', content):
        assert src.startswith("/") and not src.startswith("//"), src
    assert "title_ar" in content and "title_en" in content and "title_ckb" in content


def test_staff_can_edit_a_page_and_visitors_see_it(client, superuser, party_content):
    sign_in(client, superuser)
    page = Page.objects.get(key="about")
    data = {
        "title_ar": "من نحن",
        "title_en": "Who we are",
        "title_ckb": "",
        "summary_ar": "ملخص جديد للصفحة",
        "summary_en": "",
        "summary_ckb": "",
        "body_ar": "<p>نص جديد</p><script>alert(1)</script>",
        "body_en": "",
        "body_ckb": "",
    }
    response = client.post(f"/admin/content/page/{page.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    content = client.get("/about/").content.decode()
    assert "ملخص جديد للصفحة" in content and "<p>نص جديد</p>" in content
    assert "alert(1)" not in content


def test_admin_has_its_own_csp(client, superuser):
    sign_in(client, superuser)
    policy = client.get("/admin/").headers["Content-Security-Policy"]
    assert "style-src-attr 'unsafe-inline'" in policy
    assert "script-src 'self'" in policy
