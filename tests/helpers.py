import re

H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
HTML_OPEN = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def html_lang_dir(content: str) -> tuple[str, str]:
    tag = HTML_OPEN.search(content).group(0)
    lang = re.search(r'lang="([^"]+)"', tag).group(1)
    direction = re.search(r'dir="([^"]+)"', tag).group(1)
    return lang, direction


def count_h1(content: str) -> int:
    return len(H1.findall(content))


def sign_in(client, user):
    """Sign `user` in to the admin as after a password and a verified second factor.

    Use this instead of `client.force_login(user)` for staff: superusers and the roles that see
    applications or feedback cannot open the admin without a verified second factor
    (party_site/two_factor.py). It gives the user a confirmed authenticator-app device and marks the
    session verified with it, as `django_otp.login` does after a right code."""
    import time

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from party_site.two_factor import LAST_SEEN_KEY

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[LAST_SEEN_KEY] = int(time.time())  # active just now (the idle timeout counts from here)
    session.save()
    return device


def totp_code(device) -> str:
    """The code an authenticator app shows now for a django-otp TOTP device."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
