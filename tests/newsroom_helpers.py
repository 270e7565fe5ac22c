"""The newsroom's tests: writers and editors as the roles make them, and one way of signing them in.

`sign_in` is the only place these tests log a user in, so a change to how staff sign in (two-factor)
is made here once."""

from django.contrib.auth.models import Group

from content.roles import CONTENT_EDITORS, WRITERS

ADMIN = "/admin/"
POSTS = f"{ADMIN}content/post/"


def staff_in(django_user_model, username, group, email=""):
    user = django_user_model.objects.create_user(username, email=email, password=f"pw-{username}-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_writer(django_user_model, username="writer"):
    return staff_in(django_user_model, username, WRITERS, email=f"{username}@example.org")


def make_editor(django_user_model, username="desk-editor"):
    return staff_in(django_user_model, username, CONTENT_EDITORS, email=f"{username}@example.org")


def sign_in(client, user):
    """Sign a staff user in to the admin (the test client's session)."""
    client.force_login(user)
    return client


def post_form(**extra):
    """What the post form sends: the fields staff fill in and the inlines' empty management forms."""
    data = {
        "section": "news",
        "title_ar": "خبر من كاتب",
        "title_en": "",
        "title_ckb": "",
        "slug": "",
        "summary_ar": "",
        "body_ar": "<p>نص الخبر الأول.</p>",
        "author_ar": "",
        "published_at_0": "2026-01-01",
        "published_at_1": "10:00:00",
        "video_url": "",
        "cover_alt_ar": "",
    }
    for prefix in ("photos", "attachments", "charts"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(extra)
    return data
