"""The admin's two-factor pages: enter the factor, set one up (authenticator app, passkey), recovery
codes. Mounted in the admin (party_site/admin_site.py); the rules are in party_site/two_factor.py."""

import base64

import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import has_second_factor, safe_next

RECOVERY_CODES = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "dir": "ltr", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).replace("-", "")


def _context(request, admin_site, title, **extra):
    return {**admin_site.each_context(request), "title": title, "next": safe_next(request, ""), **extra}


@never_cache
def two_factor_verify(request, admin_site):
    """After the password: a code from the authenticator app, a recovery code, or a passkey."""
    user = request.user
    target = safe_next(request, reverse("admin:index"))
    if not has_second_factor(user):
        return redirect(f"{reverse('admin:two-factor-setup')}?next={target}")
    if user.is_verified():
        return redirect(target)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request, _("You used a recovery code; %(left)s are left. Make new ones soon.") % {"left": left}
                )
            return redirect(target)
        form.add_error("code", _("This code is not right. Check the time on your phone, or use a recovery code."))
    from django_otp_webauthn.models import WebAuthnCredential

    has_passkey = WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    context = _context(request, admin_site, _("Second step of signing in"), form=form, has_passkey=has_passkey)
    return TemplateResponse(request, "admin/two_factor/verify.html", context)


@never_cache
def two_factor_setup(request, admin_site):
    """Add an authenticator app (then recovery codes are made), add a passkey, or make new recovery
    codes. Someone with a factor must have entered it first: a password alone never adds one."""
    user = request.user
    if has_second_factor(user) and not user.is_verified():
        return redirect(f"{reverse('admin:two-factor')}?next={safe_next(request, reverse('admin:index'))}")
    if request.method == "POST" and request.POST.get("action") == "recovery-codes" and user.is_verified():
        return _show_recovery_codes(request, admin_site, new_recovery_codes(user))
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    form = None
    if app is None:
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        pending = pending or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        form = CodeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if pending.verify_token(form.cleaned_data["code"]):
                with transaction.atomic():
                    pending.confirmed = True
                    pending.save(update_fields=["confirmed"])
                    codes = new_recovery_codes(user)
                otp_login(request, pending)
                return _show_recovery_codes(request, admin_site, codes)
            form.add_error("code", _("This code is not right. Check the time on your phone and try the next code."))
        secret = base64.b32encode(pending.bin_key).decode()
        qr = segno.make(pending.config_url, error="m")
        app_setup = {
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": qr.svg_data_uri(scale=4, border=2),
        }
    else:
        app_setup = None
    context = _context(
        request, admin_site, _("Two-step sign-in"), form=form, app_setup=app_setup, app=app, verified=user.is_verified()
    )
    return TemplateResponse(request, "admin/two_factor/setup.html", context)


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODES new single-use ones; return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _show_recovery_codes(request, admin_site, codes):
    context = _context(request, admin_site, _("Your recovery codes"), codes=codes)
    return TemplateResponse(request, "admin/two_factor/recovery_codes.html", context)
