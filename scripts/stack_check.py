#!/usr/bin/env python3
"""Prove that the loopback stack (make stack-up) works: one PASS, FAIL or SKIP line per check.

    make stack-check                                   # every check
    .venv/bin/python scripts/stack_check.py --only https,observatory
    .venv/bin/python scripts/stack_check.py --list

Exit code 0 when nothing failed (a SKIP names a piece that has not landed yet, and why), 1 otherwise.

Talks to nginx on 127.0.0.1:8080 (plain HTTP, standing for a TLS-terminating proxy) and
https://localhost:8443 (trusting only the stack's own CA), and to the two gunicorns directly where a
check is about one of them. Cookies are Secure in production: over plain HTTP this client sends
them back itself, as a browser does over HTTPS. Standard library only, plus manage.py for setup.
"""

import argparse
import email.header
import html.parser
import json
import mailbox
import os
import random
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import traceback
import urllib.parse
import warnings
from http.client import HTTPConnection, HTTPSConnection
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402 - the stack's own constants and environment

HTTP = f"http://127.0.0.1:{stack.HTTP_PORT}"
HTTPS = f"https://localhost:{stack.HTTPS_PORT}"
APP_A = f"http://127.0.0.1:{stack.APP_PORTS['gunicorn-a']}"
APP_B = f"http://127.0.0.1:{stack.APP_PORTS['gunicorn-b']}"
CA = stack.TLS / "ca.crt"
MICROCACHE_SECONDS = 3
MIN_SECONDS = 3.2  # ANTISPAM_MIN_SECONDS (3) and a little


class Skip(Exception):
    pass


class Fail(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Fail(message)


# --- HTTP


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name, default=None):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return default

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Client:
    """One visitor: its cookies, sent back whatever their Secure flag (see the module's docstring)."""

    def __init__(self, forwarded_for=None):
        self.cookies = {}
        self.forwarded_for = forwarded_for

    def request(self, method, url, data=None, headers=None, raw_body=None, timeout=30):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=str(CA))
            conn = HTTPSConnection(parts.hostname, parts.port, timeout=timeout, context=context)
        else:
            conn = HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        sent = {"User-Agent": "stack-check", "Accept-Language": "ar"}
        if parts.port in stack.APP_PORTS.values():  # straight to gunicorn: say what nginx says
            sent["X-Forwarded-Proto"] = "https"
            if self.forwarded_for:
                sent["X-Forwarded-For"] = self.forwarded_for
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = raw_body
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{parts.netloc}"  # Django sees HTTPS behind the proxy
        sent.update(headers or {})
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request(method, path or "/", body=body, headers=sent)
            response = conn.getresponse()
            result = Response(response.status, response.getheaders(), response.read())
        finally:
            conn.close()
        for value in result.all("Set-Cookie"):
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return result

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self.request("POST", url, data=data, **kwargs)


class FormParser(html.parser.HTMLParser):
    """The fields of the first form whose action matches, with their current values."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind not in {"submit", "file", "button"}:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.fields.setdefault(self._select, "")
        elif tag == "option" and self._select and ("selected" in a):
            self.fields[self._select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(page):
    parser = FormParser()
    parser.feed(page)
    return parser.fields


def csrf_and_token(page):
    fields = form_fields(page)
    expect("csrfmiddlewaretoken" in fields, "no CSRF token in the form")
    return fields


# --- the stack's own tools


def env():
    return stack.stack_env()


def manage_json(code, extra_env=None):
    """Run Python in `manage.py shell` with the stack's settings; it prints one JSON line last."""
    out = subprocess.run(
        [str(stack.VENV_PY), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=stack.stack_env(extra_env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode:
        raise Fail(f"manage.py shell failed: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- checks


def check_health():
    client = Client()
    for base in (HTTP, APP_A, APP_B):
        response = client.get(f"{base}/healthz")
        expect(response.status == 200, f"{base}/healthz answered {response.status}")
    return "/healthz 200 through nginx and on both gunicorns"


def check_page():
    client = Client()
    home = client.get(f"{HTTP}/")
    expect(home.status == 200, f"/ answered {home.status}")
    expect('lang="ar" dir="rtl"' in home.text, "the home page is not Arabic, right-to-left")
    expect(home.header("Content-Security-Policy"), "no Content-Security-Policy")
    english = client.get(f"{HTTP}/en/")
    expect(english.status == 200 and 'lang="en" dir="ltr"' in english.text, "/en/ is not English")
    return f"home page 200 through nginx ({len(home.body) // 1024} KB, Arabic RTL), /en/ in English"


def stylesheet_path():
    page = Client().get(f"{HTTP}/").text
    match = re.search(r'<style data-href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
    expect(match, "the home page names no hashed stylesheet")
    return match.group(1)


def check_static():
    path = stylesheet_path()
    client = Client()
    response = client.get(f"{HTTP}{path}", headers={"Accept-Encoding": "gzip"})
    expect(response.status == 200, f"{path} answered {response.status}")
    expect(response.header("Content-Type", "").startswith("text/css"), "not served as text/css")
    expect("immutable" in response.header("Cache-Control", ""), "hashed file not cached as immutable")
    expect(response.header("Content-Encoding") == "gzip", "the precompressed .gz was not served")
    expect(response.header("X-Content-Type-Options") == "nosniff", "no nosniff on static files")
    expect(not response.header("X-Micro-Cache"), "static file went to the app servers")
    plain = client.get(f"{HTTP}/static/css/site.css")
    expect(plain.status == 200, f"/static/css/site.css answered {plain.status}")
    expect("max-age=3600" in plain.header("Cache-Control", ""), "unhashed name cached for long")
    # Everything the stylesheet and the home page load, without gzip (fonts have no .gz): nginx must
    # be able to read every file collectstatic wrote.
    page = client.get(f"{HTTP}/").text
    css = client.get(f"{HTTP}{path}").text
    wanted = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page))
    wanted |= {urljoin(path, url) for url in re.findall(r"url\(['\"]?([^'\")]+)", css) if not url.startswith("data:")}
    fonts = [url for url in wanted if url.endswith(".woff2")]
    expect(fonts, "the stylesheet names no font")
    for url in sorted(wanted):
        answer = client.get(f"{HTTP}{url}")
        expect(answer.status == 200, f"{url} answered {answer.status} through nginx")
    cache_control = response.header("Cache-Control")
    return f"{path}: nginx, gzip, Cache-Control: {cache_control}; all {len(wanted)} files it loads, fonts included"


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5d3c8a80000000049454e44ae426082"
)


def check_uploads():
    stamp = secrets.token_hex(6)
    saved = manage_json(
        "import json\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage as s\n"
        f"png = s.save('stack-check/{stamp}.png', ContentFile(bytes.fromhex('{PNG.hex()}')))\n"
        f"page = s.save('stack-check/{stamp}.html', ContentFile(b'<script>alert(1)</script>'))\n"
        "print(json.dumps({'png': s.url(png), 'html': s.url(page), 'storage': type(s._wrapped).__name__}))"
    )
    client = Client()
    try:
        image = client.get(f"{HTTP}{urllib.parse.urlsplit(saved['png']).path}")
        expect(image.status == 200, f"{saved['png']} answered {image.status}")
        expect(image.body == PNG, "the image came back different")
        expect(image.header("Content-Type") == "image/png", f"image served as {image.header('Content-Type')}")
        expect(image.header("X-Content-Type-Options") == "nosniff", "no nosniff on uploads")
        expect(not image.header("Content-Disposition"), "an image is served as an attachment")
        leaked = [k for k, _ in image.headers if k.lower().startswith(("x-amz", "access-control-"))]
        expect(not leaked, f"the storage's headers came through: {leaked}")
        page = client.get(f"{HTTP}{urllib.parse.urlsplit(saved['html']).path}")
        expect(page.status == 200, f"{saved['html']} answered {page.status}")
        expect(page.header("Content-Disposition") == "attachment", "a non-image upload is not an attachment")
        expect(page.header("X-Content-Type-Options") == "nosniff", "no nosniff on a non-image upload")
        refused = client.request("POST", f"{HTTP}/uploads/x", raw_body=b"x").status
        expect(refused in {403, 404, 405}, f"POST to /uploads/ answered {refused}")
        content = ""
        home = client.get(f"{HTTP}/").text
        demo = re.search(r'src="(/uploads/[^"]+)"', home)
        if demo:
            cover = client.get(f"{HTTP}{demo.group(1)}")
            expect(cover.status == 200 and cover.header("Content-Type", "").startswith("image/"), "home image")
            content = f"; the home page's {demo.group(1)} too"
    finally:
        manage_json(
            "import json\nfrom django.core.files.storage import default_storage as s\n"
            f"s.delete('stack-check/{stamp}.png'); s.delete('stack-check/{stamp}.html'); print('{{}}')"
        )
    return f"{saved['storage']}: image inline with nosniff, HTML upload as attachment{content}"


def check_micro_cache():
    client = Client()
    first = client.get(f"{HTTP}/principles/")
    second = client.get(f"{HTTP}/principles/")
    expect(first.header("X-Page-Cache") in {"hit", "miss"}, "Django's page cache did not mark /principles/")
    cookie = client.get(f"{HTTP}/principles/", headers={"Cookie": "old_sessionid_x=invalid"})
    expect(cookie.header("X-Micro-Cache") == "BYPASS", f"a sessionid cookie gave {cookie.header('X-Micro-Cache')}")
    auth = client.get(f"{HTTP}/principles/", headers={"Authorization": "Basic eDp4"})
    expect(auth.header("X-Micro-Cache") == "BYPASS", f"Authorization gave {auth.header('X-Micro-Cache')}")
    for _ in range(2):
        form = Client().get(f"{HTTP}/join/")
        expect(form.header("X-Micro-Cache") in (None, "MISS", "BYPASS"), "the join form came from the cache")
        expect("no-store" in form.header("Cache-Control", ""), "the join form is not no-store")
    served = {"HIT", "UPDATING", "STALE"}  # from nginx's copy (the last two: while refreshing it)
    expect(second.header("X-Micro-Cache") in served, f"second request: {second.header('X-Micro-Cache')}")
    return "anonymous page stored (HIT), bypassed with a sessionid cookie or Authorization, forms never stored"


def check_body_limits():
    client = Client()
    big = b"message=" + b"x" * 100_000
    seen = []
    for path, lang in (("/feedback/", "ar"), ("/en/join/", "en"), ("/ckb/feedback/", "ckb")):
        response = client.request(
            "POST", f"{HTTP}{path}", raw_body=big, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        expect(response.status == 413, f"100 KB to {path} answered {response.status}")
        expect(f'<html lang="{lang}"' in response.text, f"the 413 page of {path} is not in {lang}")
        expect("/static/css/site." in response.text, "the 413 page does not use the site's stylesheet")
        seen.append(lang)
    search = client.request("POST", f"{HTTP}/search/", raw_body=b"q=" + b"x" * 40_000)
    expect(search.status == 413, f"40 KB to /search/ answered {search.status}")
    small = client.request("POST", f"{HTTP}/feedback/", raw_body=b"message=" + b"x" * 30_000)
    expect(small.status != 413, "30 KB of feedback refused as too large")
    admin = client.request("POST", f"{HTTP}/admin/login/", raw_body=b"x" * 2_000_000)
    expect(admin.status != 413, "2 MB to the admin refused as too large")
    return f"100 KB to the forms: designed 413 in {', '.join(seen)}; 30 KB form accepted; 2 MB to the admin passes"


def check_admin_log():
    secret = f"0770{random.randint(1000000, 9999999)}"
    Client().get(f"{HTTP}/admin/?q={secret}")
    Client().get(f"{HTTP}/search/?q={secret}")
    time.sleep(0.3)
    logs = "".join(p.read_text(errors="replace") for p in stack.LOGS.glob("party-*.log"))
    expect(secret not in logs, "a query string reached nginx's logs")
    expect('"GET /admin/ ' in logs, "the admin request was not logged at all")
    return "GET /admin/?q=<phone> logged as /admin/ only (query strings never logged)"


def create_staff(username, password):
    """A superuser with an authenticator app (a superuser's sign-in takes a second step,
    party_site/two_factor.py): returns the app's secret key, hex, for admin_login's code."""
    return manage_json(
        "import json\nfrom django.contrib.auth import get_user_model\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        f"u, _ = get_user_model().objects.get_or_create(username='{username}')\n"
        f"u.is_staff = u.is_superuser = True; u.set_password('{password}'); u.save()\n"
        "TOTPDevice.objects.filter(user=u).delete()\n"
        "d = TOTPDevice.objects.create(user=u, name='stack check', confirmed=True)\n"
        "print(json.dumps({'key': d.key, 'step': d.step, 'digits': d.digits}))"
    )["key"]


def delete_staff(username):
    manage_json(
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.filter(username='{username}').delete()\nprint('{{}}')"
    )


def admin_login(client, base, username, password, key):
    """The admin's two steps, as staff take them: the password, then the authenticator app's code.
    Returns the password step's response (it sets the session cookie)."""
    from django_otp.oath import TOTP

    page = client.get(f"{base}/admin/login/")
    fields = csrf_and_token(page.text)
    response = client.post(
        f"{base}/admin/login/",
        {**fields, "username": username, "password": password, "next": "/admin/"},
    )
    expect(response.status == 302, f"admin login on {base} answered {response.status}")
    second = client.get(f"{base}/admin/two-factor/")
    expect(second.status == 200, f"the second step on {base} answered {second.status}")
    code = f"{TOTP(bytes.fromhex(key)).token():06d}"
    verified = client.post(f"{base}/admin/two-factor/", {**csrf_and_token(second.text), "code": code})
    expect(verified.status == 302, f"the code was refused on {base} ({verified.status})")
    return response


def check_publish():
    stamp = secrets.token_hex(4)
    title = f"منشور فحص المنظومة {stamp}"
    post = manage_json(
        "import json, datetime\nfrom django.utils import timezone\nfrom content.models import Post\n"
        f"p = Post.objects.create(section_id='news', title_ar='{title}', slug='stack-check-{stamp}', "
        "summary_ar='فحص', body_ar='<p>فحص</p>', status='draft', "
        "published_at=timezone.now() - datetime.timedelta(minutes=1))\n"
        "print(json.dumps({'pk': p.pk, 'url': p.get_absolute_url()}))"
    )
    username, password = f"stack-check-{stamp}", secrets.token_urlsafe(16)
    key = create_staff(username, password)
    try:
        reader = Client()
        before = reader.get(f"{APP_B}/news/")
        expect(before.status == 200 and title not in before.text, "the draft shows on B before publishing")
        reader.get(f"{APP_B}/news/")  # twice: B's page cache now holds the section page
        editor = Client()
        admin_login(editor, APP_A, username, password, key)
        changelist = editor.get(f"{APP_A}/admin/content/post/")
        fields = csrf_and_token(changelist.text)
        published = editor.post(
            f"{APP_A}/admin/content/post/",
            {
                "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
                "action": "publish",
                "_selected_action": str(post["pk"]),
                "index": "0",
            },
        )
        expect(published.status == 302, f"the admin's publish action on A answered {published.status}")
        after = reader.get(f"{APP_B}/news/")
        expect(title in after.text, "the post published on A does not show on B's section page on the next request")
        page = reader.get(f"{APP_B}{urllib.parse.quote(post['url'])}")
        expect(page.status == 200 and title in page.text, f"the post's page on B answered {page.status}")
        deadline = time.monotonic() + MICROCACHE_SECONDS + 3
        while title not in Client().get(f"{HTTP}/news/").text:
            expect(time.monotonic() < deadline, f"not shown through nginx within {MICROCACHE_SECONDS + 3} s")
            time.sleep(0.5)
    finally:
        manage_json(f"from content.models import Post\nPost.objects.filter(pk={post['pk']}).delete()\nprint('{{}}')")
        delete_staff(username)
    return "published in the admin on A (:8101); on B (:8102) the next request shows it; through nginx within seconds"


def feedback_data(fields, n):
    return {
        **fields,
        "topic": "suggestion",
        "message": f"ملاحظة فحص رقم {n}: اقتراح لتحسين الموقع.",
        "name": "",
        "contact": "",
        "website": "",
    }


def check_rate_limit():
    limit = int(env().get("ANTISPAM_RATE_LIMIT", "20/3600").split("/")[0])
    expect(limit <= 40, f"ANTISPAM_RATE_LIMIT is {limit}: too high to prove here")
    # A client of its own for each run (documentation prefix, counted by /64), as the proxy would report it.
    address = f"2001:db8:{random.randint(0, 0xFFFF):x}:{random.randint(0, 0xFFFF):x}::1"
    client = Client(forwarded_for=address)
    servers = [APP_A, APP_B]
    forms = []
    for n in range(limit + 1):
        page = client.get(f"{servers[n % 2]}/en/feedback/")
        expect(page.status == 200, f"GET /en/feedback/ answered {page.status}")
        forms.append(csrf_and_token(page.text))
    time.sleep(MIN_SECONDS)
    accepted, refused = 0, []
    for n, fields in enumerate(forms):
        response = client.post(f"{servers[n % 2]}/en/feedback/", feedback_data(fields, n))
        if response.status == 302:
            accepted += 1
        else:
            refused.append(response)
    expect(accepted == limit, f"{accepted} of {limit + 1} accepted from one client across A and B (limit {limit})")
    expect(len(refused) == 1 and "Too many submissions" in refused[0].text, "the last one was not refused for rate")
    return f"{limit + 1} feedback posts from {address}, alternating A and B: {limit} accepted, the next refused"


def maildir():
    return mailbox.Maildir(stack.STACK / "mail", create=False)


def officer_notifications(before):
    box = maildir()
    fresh = [box.get_message(key) for key in set(box.keys()) - before]
    return [m for m in fresh if "officers@stack.invalid" in str(m.get("To", ""))]


def check_mail():
    """An application through nginx reaches the SMTP sink. With the mail worker: nothing arrives while
    the worker is paused (no request sends e-mail itself), and it arrives once the worker resumes."""
    from bench_join import application

    worker = stack.ours("mail-worker")
    expect(worker, "the stack's mail worker is not running")
    before = set(maildir().keys())
    stamp = secrets.token_hex(4)
    client = Client()
    page = client.get(f"{HTTP}/join/")
    expect(page.status == 200, f"GET /join/ answered {page.status}")
    fields = csrf_and_token(page.text)
    time.sleep(MIN_SECONDS)
    data = application(random.randint(10_000_000, 99_999_999), random.Random(stamp))
    data.update(
        phone=f"0770{random.randint(1000000, 9999999)}",
        email=f"stack-check-{stamp}@stack.invalid",
        csrfmiddlewaretoken=fields["csrfmiddlewaretoken"],
        form_token=fields.get("form_token", ""),
        website="",
    )
    os.kill(worker, signal.SIGSTOP)  # our own process: paused, not stopped
    try:
        response = client.post(f"{HTTP}/join/", data)
        expect(
            response.status == 302 and "/join/thanks/" in response.header("Location", ""),
            f"the application through nginx answered {response.status}",
        )
        time.sleep(3)
        expect(not officer_notifications(before), "an e-mail went out while the mail worker was paused")
    finally:
        os.kill(worker, signal.SIGCONT)
    deadline = time.monotonic() + 60
    while not (arrived := officer_notifications(before)):
        expect(time.monotonic() < deadline, "no notification reached the SMTP sink within 60 s")
        time.sleep(0.3)
    subject = email.header.make_header(email.header.decode_header(arrived[-1]["Subject"]))
    return (
        f"application via nginx → 302 /join/thanks/<receipt>/ → «{subject}» in .stack/mail/; "
        "nothing while the mail worker was paused, then sent by it"
    )


def tls_handshake(alpn=None, maximum=None, context=None):
    context = context or ssl.create_default_context(cafile=str(CA))
    if alpn:
        context.set_alpn_protocols(alpn)
    if maximum:
        context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        context.maximum_version = maximum
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with (
        socket.create_connection(("127.0.0.1", stack.HTTPS_PORT), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        return tls.version(), tls.selected_alpn_protocol(), tls.cipher()[0]


def check_https():
    version, alpn, cipher = tls_handshake(alpn=["h2", "http/1.1"])
    expect(alpn == "h2", f"ALPN chose {alpn}, not HTTP/2")
    expect(version == "TLSv1.3", f"negotiated {version}")
    v12, _, cipher12 = tls_handshake(maximum=ssl.TLSVersion.TLSv1_2)
    expect(v12 == "TLSv1.2" and cipher12.startswith(("ECDHE", "DHE")), f"TLS 1.2 gave {cipher12}")
    try:
        with warnings.catch_warnings():  # TLS 1.1 is deprecated: that is the point
            warnings.simplefilter("ignore", DeprecationWarning)
            tls_handshake(maximum=ssl.TLSVersion.TLSv1_1)
        raise Fail("TLS 1.1 was accepted")
    except (ssl.SSLError, ConnectionError):
        pass
    try:
        tls_handshake(context=ssl.create_default_context())
        raise Fail("the certificate is trusted without the stack's CA")
    except ssl.SSLCertVerificationError:
        pass
    client = Client()
    page = client.get(f"{HTTPS}/")
    hsts = page.header("Strict-Transport-Security", "")
    expect(page.status == 200, f"https home page answered {page.status}")
    seconds = int(re.search(r"max-age=(\d+)", hsts).group(1)) if "max-age" in hsts else 0
    expect(seconds >= 15768000, f"HSTS: {hsts!r}")
    redirect = Client().get(f"http://localhost:{stack.HTTPS_PORT}/about/")
    expect(
        redirect.status == 301 and redirect.header("Location") == f"{HTTPS}/about/",
        f"plain HTTP on the TLS port: {redirect.status} {redirect.header('Location')}",
    )
    return f"{version} + HTTP/2 (ALPN h2), TLS 1.2 {cipher12}, TLS 1.1 refused, local CA only, HSTS {seconds} s"


def check_secure_cookies():
    stamp = secrets.token_hex(4)
    username, password = f"stack-check-tls-{stamp}", secrets.token_urlsafe(16)
    key = create_staff(username, password)
    try:
        client = Client()
        join = client.get(f"{HTTPS}/join/")
        csrf_cookie = next((c for c in join.all("Set-Cookie") if c.startswith("csrftoken=")), "")
        expect("Secure" in csrf_cookie, f"csrftoken cookie: {csrf_cookie[:80]!r}")
        login = admin_login(client, HTTPS, username, password, key)
        session = next((c for c in login.all("Set-Cookie") if c.startswith("sessionid=")), "")
        expect(all(flag in session for flag in ("Secure", "HttpOnly")), f"sessionid cookie: {session[:80]!r}")
        index = client.get(f"{HTTPS}/admin/")
        expect(index.status == 200, f"the admin with that session answered {index.status}")
        cached = client.get(f"{HTTPS}/principles/")
        expect(cached.header("X-Micro-Cache") == "BYPASS", "a logged-in page was not bypassed")
    finally:
        delete_staff(username)
    return "csrftoken and sessionid Secure (+HttpOnly) over HTTPS; admin login works through the proxy headers"


def check_observatory():
    package = stack.OBSERVATORY / "node_modules" / "@mdn" / "mdn-http-observatory"
    node = shutil.which("node")
    expect(node and package.exists(), "the HTTP Observatory is not installed (make stack-up installs it)")
    # The package's own wrapper overrides NODE_EXTRA_CA_CERTS with Mozilla's bundle: run its scan
    # directly. It takes a host name only; with a port it scans https://localhost:8443/ and
    # http://localhost:8443/ (which nginx redirects to HTTPS, as port 80 does in production).
    out = subprocess.run(
        [node, str(package / "src" / "scan.js"), f"localhost:{stack.HTTPS_PORT}"],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(CA)},
        capture_output=True,
        text=True,
        timeout=180,
    )
    try:
        result = json.loads(out.stdout)
    except ValueError as error:
        raise Fail(f"the scan printed no result: {out.stderr.strip()[-300:]}") from error
    expect("error" not in result, f"scan error: {result.get('error')}")
    scan = result["scan"]
    failed = [name for name, test in result["tests"].items() if not test.get("pass")]
    expect(scan["grade"] == "A+", f"grade {scan['grade']} ({scan['score']}), failed: {failed}")
    passed = f"{scan['testsPassed']}/{scan['testsQuantity']} tests passed"
    return f"Mozilla HTTP Observatory grades https://localhost:8443/ {scan['grade']} ({scan['score']}/100, {passed})"


def table_counts(database):
    query = (
        "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename), ' UNION ALL ') "
        "FROM pg_tables WHERE schemaname = 'public'"
    )
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-v", "ON_ERROR_STOP=1"]
    union = subprocess.run([*psql, "-c", query], capture_output=True, text=True, check=True).stdout.strip()
    if not union:
        return {}
    rows = subprocess.run([*psql, "-F", "\t", "-c", union], capture_output=True, text=True, check=True).stdout
    return {name: int(count) for name, count in (line.split("\t") for line in rows.splitlines() if line)}


LIST_FILES = (
    "import json\nfrom django.core.files.storage import default_storage as s\n"
    "def walk(path):\n"
    "    dirs, files = s.listdir(path)\n"
    "    for f in files:\n"
    "        name = f'{path}/{f}' if path else f\n"
    "        yield name, s.size(name)\n"
    "    for d in dirs:\n"
    "        yield from walk(f'{path}/{d}' if path else d)\n"
    "print(json.dumps(sorted(walk(''))))"
)


def check_backup():
    # DJANGO_DEBUG set but empty: the Makefile's MANAGE line turns debug on only when it is unset.
    live_env = {**env(), "DJANGO_DEBUG": ""}
    backup_dir = Path(live_env["BACKUP_DIR"])
    backup_dir.mkdir(parents=True, exist_ok=True)
    before = set(backup_dir.iterdir())
    subprocess.run(["make", "-o", ".venv/.installed", "--no-print-directory", "backup"], cwd=ROOT, env=live_env,
                   check=True, capture_output=True)  # fmt: skip
    archives = sorted(set(backup_dir.iterdir()) - before, key=lambda p: p.stat().st_mtime)
    expect(archives, f"make backup wrote nothing into {backup_dir}")
    archive = archives[-1]
    restore_db = f"{stack.DB_NAME}_restore"
    stack.psql(f"DROP DATABASE IF EXISTS {restore_db} WITH (FORCE)", f"CREATE DATABASE {restore_db}")
    restore = {"DATABASE_URL": f"{stack.PG_URL}/{restore_db}"}
    bucket = f"{stack.S3_BUCKET}-restore-{secrets.token_hex(3)}"
    stack.create_bucket(bucket)
    restore["DJANGO_S3_BUCKET"] = bucket
    try:
        restore_env = stack.stack_env({**restore, "DJANGO_DEBUG": ""})
        result = subprocess.run(
            ["make", "-o", ".venv/.installed", "--no-print-directory", "restore", f"ARCHIVE={archive}"],
            cwd=ROOT, env=restore_env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        expect(result.returncode == 0, f"make restore failed: {(result.stderr or result.stdout).strip()[-300:]}")
        # What the backup leaves out by design (party_site/backup.py EXCLUDED: sessions and rate-limit
        # counters are short-lived, content types and permissions are rebuilt by migrate).
        excluded = manage_json(
            "import json\nfrom django.apps import apps\nfrom party_site.backup import EXCLUDED\n"
            "print(json.dumps(sorted(apps.get_model(label)._meta.db_table for label in EXCLUDED)))"
        )
        live_counts, restored_counts = table_counts(stack.DB_NAME), table_counts(restore_db)
        compared = {t: n for t, n in live_counts.items() if t not in excluded}
        differ = {t: (n, restored_counts.get(t)) for t, n in compared.items() if restored_counts.get(t) != n}
        expect(not differ, f"row counts differ after restore: {dict(list(differ.items())[:5])}")
        live_files, restored_files = manage_json(LIST_FILES), manage_json(LIST_FILES, restore)
        expect(live_files == restored_files, f"files differ: {len(live_files)} live, {len(restored_files)} restored")
        rows = sum(compared.values())
        return (
            f"{archive.name} into an empty database and storage: {len(compared)} tables, {rows} rows and "
            f"{len(live_files)} files alike (not backed up by design: {', '.join(excluded)})"
        )
    finally:  # the restored copy has done its job
        stack.psql(f"DROP DATABASE IF EXISTS {restore_db} WITH (FORCE)")  # the bucket goes with moto


CHECKS = {
    "health": check_health,
    "page": check_page,
    "static": check_static,
    "uploads": check_uploads,
    "micro-cache": check_micro_cache,
    "body-limits": check_body_limits,
    "admin-log": check_admin_log,
    "publish": check_publish,
    "rate-limit": check_rate_limit,
    "mail": check_mail,
    "https": check_https,
    "secure-cookies": check_secure_cookies,
    "observatory": check_observatory,
    "backup": check_backup,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated checks to run")
    parser.add_argument("--list", action="store_true", help="list the checks")
    args = parser.parse_args()
    if args.list:
        print("\n".join(CHECKS))
        return
    names = args.only.split(",") if args.only else list(CHECKS)
    unknown = set(names) - set(CHECKS)
    if unknown:
        sys.exit(f"unknown checks: {', '.join(sorted(unknown))}")
    if not stack.ours("nginx"):
        print("FAIL  stack: not running (make stack-up first)")
        sys.exit(1)
    results = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    started = time.monotonic()
    for name in names:
        t0 = time.monotonic()
        try:
            outcome, detail = "PASS", CHECKS[name]()
        except Skip as skip:
            outcome, detail = "SKIP", str(skip)
        except Fail as failure:
            outcome, detail = "FAIL", str(failure)
        except Exception as error:  # a check that crashed is a failure, with its reason
            outcome, detail = "FAIL", f"{type(error).__name__}: {error}"
            traceback.print_exc(limit=3)
        results[outcome] += 1
        print(f"{outcome}  {name:15} {detail}  ({time.monotonic() - t0:.1f} s)", flush=True)
    print(f"stack-check took {time.monotonic() - started:.0f} s")
    print(f"stack-check: {results['PASS']} passed, {results['FAIL']} failed, {results['SKIP']} skipped")
    sys.exit(1 if results["FAIL"] else 0)


if __name__ == "__main__":
    main()
