"""Staff sign-in: a second factor for the roles that see personal data, idle timeout, sign-out, recovery."""

import time
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.roles import CONTENT_EDITORS
from feedback.roles import FEEDBACK_TEAM
from membership.roles import MEMBERSHIP_OFFICERS
from party_site.two_factor import LAST_SEEN_KEY
from tests.helpers import sign_in, totp_code

APPLICATIONS = "/admin/membership/application/"
FEEDBACK = "/admin/feedback/feedbackmessage/"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/"


def staff(django_user_model, name, group=None, **extra):
    user = django_user_model.objects.create_user(name, password=f"pw-{name}-1", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sign_in_with_password(client, user):
    """Through the admin's own login form, as a person does (django-axes watches it)."""
    response = client.post("/admin/login/", {"username": user.username, "password": f"pw-{user.username}-1"})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def officer(roles, django_user_model):
    return staff(django_user_model, "officer", MEMBERSHIP_OFFICERS)


@pytest.mark.parametrize(
    "group,superuser,url",
    [(MEMBERSHIP_OFFICERS, False, APPLICATIONS), (FEEDBACK_TEAM, False, FEEDBACK), (None, True, APPLICATIONS)],
    ids=["membership-officer", "feedback-team", "superuser"],
)
def test_a_password_alone_opens_nothing_but_the_setup(client, roles, django_user_model, group, superuser, url):
    user = staff(django_user_model, "someone", group, is_superuser=superuser)
    sign_in_with_password(client, user)
    for page in (url, "/admin/"):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"] == f"{SETUP}?next={page}"
    assert client.get(SETUP).status_code == 200


def test_with_a_factor_the_password_leads_to_the_code_page_then_to_applications(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    sign_in_with_password(client, officer)
    assert client.get(APPLICATIONS)["Location"] == f"{VERIFY}?next={APPLICATIONS}"
    wrong = client.post(VERIFY, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and client.get(APPLICATIONS).status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code made the next try wait: no waiting in a test
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(VERIFY, {"code": totp_code(device), "next": APPLICATIONS})
    assert right.status_code == 302 and right["Location"] == APPLICATIONS
    assert client.get(APPLICATIONS).status_code == 200


def test_setting_up_the_app_gives_recovery_codes_that_work_once(client, officer, django_user_model):
    sign_in_with_password(client, officer)
    page = client.get(SETUP).content.decode()
    assert "data:image/svg+xml" in page
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    shown = client.post(SETUP, {"code": totp_code(device)})
    codes = shown.context["codes"]
    assert len(codes) == 10 and all(code in shown.content.decode() for code in codes)
    assert client.get(APPLICATIONS).status_code == 200  # verified by the set-up code
    client.logout()
    sign_in_with_password(client, officer)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
    assert client.get(APPLICATIONS).status_code == 200
    client.logout()
    sign_in_with_password(client, officer)
    client.post(VERIFY, {"code": codes[0]})  # used up
    assert client.get(APPLICATIONS).status_code == 302
    assert StaticDevice.objects.get(user=officer).token_set.count() == 9


def test_a_password_alone_cannot_add_a_factor_to_an_account_that_has_one(client, officer):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    sign_in_with_password(client, officer)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    client.post(SETUP, {"code": "123456"})
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_content_editors_may_work_without_a_factor_but_are_asked_once_they_have_one(client, roles, django_user_model):
    editor = staff(django_user_model, "writer", CONTENT_EDITORS)
    sign_in_with_password(client, editor)
    assert client.get("/admin/content/post/").status_code == 200
    assert client.get(SETUP).status_code == 200  # optional: offered
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert client.get("/admin/content/post/")["Location"].startswith(VERIFY)


def test_sign_in_helper_gives_a_verified_session(client, officer):
    sign_in(client, officer)
    assert client.get(APPLICATIONS).status_code == 200


def test_an_idle_staff_session_is_signed_out(client, officer, settings):
    settings.STAFF_IDLE_TIMEOUT_MINUTES = 30
    sign_in(client, officer)
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 29 * 60
    session.save()
    assert client.get(APPLICATIONS).status_code == 200  # 29 minutes: still signed in, and now active again
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(APPLICATIONS)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_sign_out_is_visible_on_every_admin_page(client, officer):
    sign_in(client, officer)
    for url in ("/admin/", APPLICATIONS, SETUP):
        page = client.get(url).content.decode()
        assert 'id="logout-form"' in page and 'action="/admin/logout/"' in page
        assert f'href="{SETUP}"' in page


def test_the_technician_resets_a_lost_factor(officer):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    StaticDevice.objects.create(user=officer, name="codes", confirmed=True)
    out = StringIO()
    call_command("reset_two_factor", "officer", "--dry-run", stdout=out)
    assert "2 second factor(s) would be removed" in out.getvalue()
    assert TOTPDevice.objects.filter(user=officer).exists()
    call_command("reset_two_factor", "officer", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")


def test_the_admin_client_fixture_is_signed_in_with_a_second_factor(admin_client):
    assert admin_client.get(APPLICATIONS).status_code == 200


def test_a_verified_officer_may_add_a_passkey_and_an_unverified_one_may_not(client, officer):
    sign_in(client, officer)
    page = client.get(SETUP).content.decode()
    assert 'id="passkey-register-button"' in page and 'id="otp_webauthn_config"' in page
    assert "django_otp_webauthn/otp_webauthn_register.js" in page
    assert client.post("/admin/two-factor/webauthn/registration/begin/").status_code == 200
    client.logout()
    sign_in_with_password(client, officer)  # has the app from sign_in, has not entered its code
    response = client.post("/admin/two-factor/webauthn/registration/begin/")
    assert response.status_code in (401, 403)


def test_passkeys_are_never_a_way_round_the_password(client, officer, settings):
    assert settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is False
    response = client.post("/admin/two-factor/webauthn/authentication/begin/")
    assert response.status_code in (401, 403)


def test_axes_still_locks_the_password_step(client, officer, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post("/admin/login/", {"username": "officer", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "officer", "password": "pw-officer-1"})
    assert locked.status_code in (403, 429) and "_auth_user_id" not in client.session
    assert client.get(VERIFY).status_code == 302  # not signed in: to the login page
