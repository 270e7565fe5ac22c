"""Steps that several journeys share: translated labels, logging in to the admin, watching for CSP breaches."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext


def t(msgid, lang="ar"):
    """The text a visitor sees for a msgid, in a language (labels come from the .po files, not the test)."""
    with translation.override(lang):
        return str(gettext(msgid))


def tc(context, msgid, lang="ar"):
    """Like t(), for a msgid with a context (pgettext)."""
    with translation.override(lang):
        return str(pgettext(context, msgid))


def admin_url(path=""):
    return "/" + settings.ADMIN_URL + path


def html_lang_dir(page):
    return page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def log_in_to_admin(page, username, password, second_factor=True):
    """Log in through the admin's own form (django-axes watches it), in Arabic as staff see it; then,
    for a user who needs one, the second step with the code of an authenticator app (the user is
    given one if they have none). `second_factor=False` stops after the password."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from party_site.two_factor import needs_second_factor
    from tests.helpers import totp_code

    user = get_user_model().objects.get(username=username)
    device = None
    if second_factor and needs_second_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    page.goto(admin_url())
    page.get_by_label(t("Username")).fill(username)
    page.get_by_label(t("Password")).fill(password)
    page.get_by_role("button", name=t("Log in")).click()
    if not second_factor:
        return
    if device is not None:
        page.wait_for_url(re.compile(re.escape(admin_url("two-factor/"))))
        page.get_by_label(t("Code")).fill(totp_code(device))
        page.get_by_role("button", name=t("Continue")).click()
    page.wait_for_url(re.compile(re.escape(admin_url()) + r"$"))


def watch_csp(page):
    """Collect Content-Security-Policy breaches the browser reports on this page (a list that fills up)."""
    breaches = []
    page.on(
        "console",
        lambda message: breaches.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return breaches
