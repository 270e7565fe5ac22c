#!/usr/bin/env python3
"""Render the nginx configuration of the party website from deploy/nginx/*.in.

    python3 scripts/render_nginx.py --values deploy/nginx/production.env --out /etc/nginx/party
    python3 scripts/render_nginx.py --values FILE --set UPLOADS=s3 --out DIR --stack   # what make stack-up does

Writes into --out: party-common.conf (http level), party-locations.conf (inside a server),
party-tls.conf, and party.conf (production servers) or, with --stack, nginx.conf (a whole nginx for
the loopback stack); plus errors/413.<lang>.html and errors/50x.<lang>.html, the designed error
pages in Arabic, English and Kurdish, linked to the site's stylesheet (its hashed name from
collectstatic's manifest when STATIC_ROOT has one). Standard library only: runs with any python3.
"""

import argparse
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "deploy" / "nginx"

# Browser features denied everywhere: the same list as PERMISSIONS_POLICY_DENIED in
# party_site/settings/security.py (tests/test_deploy.py compares them).
PERMISSIONS_POLICY_DENIED = [
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "magnetometer", "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
]  # fmt: skip

# Headers nginx adds to what it serves itself (static files, uploads, error pages); Django sends
# its own on the pages it answers.
NGINX_HEADERS = """\
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains; preload" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "same-origin" always;
    add_header X-Frame-Options "DENY" always;
    add_header Cross-Origin-Resource-Policy "same-origin" always;
    add_header Permissions-Policy "{permissions_policy}" always;""".format(
    permissions_policy=", ".join(f"{feature}=()" for feature in PERMISSIONS_POLICY_DENIED)
)

PROXY_HEADERS = """\
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    # The site is only ever served over HTTPS (port 80 only redirects; the stack's 8080 stands for
    # a TLS-terminating proxy), so Django (DJANGO_BEHIND_TLS_PROXY=1) is told so.
    proxy_set_header X-Forwarded-Proto https;
    proxy_set_header X-Forwarded-Port "";
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries 2;"""

UPLOADS_CACHE_PATH = (
    "proxy_cache_path @@CACHE_DIR@@/uploads levels=1:2 keys_zone=party_uploads:10m max_size=2g inactive=1d\n"
    "                 use_temp_path=off;"
)

ERROR_TEXT = {
    "ar": {
        "dir": "rtl",
        "party": "حزب الاستقلال الوطني",
        "home": "/",
        "home_label": "الصفحة الرئيسية",
        "413": (
            "ما أرسلته كبير جدًا",
            "لا يقبل الموقع شيئًا بهذا الحجم. إن كانت رسالة فاختصرها، وإن كان ملفًا فاختر ملفًا أصغر، ثم أعد المحاولة.",
        ),
        "50x": ("حدث خطأ من جهتنا", "تعذّر على الموقع الاستجابة الآن. يُرجى المحاولة مرة أخرى بعد دقائق."),
    },
    "en": {
        "dir": "ltr",
        "party": "National Independence Party",
        "home": "/en/",
        "home_label": "Home page",
        "413": (
            "What you sent is too large",
            "The site cannot accept something this large. Shorten your message or choose a smaller file, "
            "then try again.",
        ),
        "50x": (
            "Something went wrong on our side",
            "The site could not answer just now. Please try again in a few minutes.",
        ),
    },
    "ckb": {
        "dir": "rtl",
        "party": "حزبی سەربەخۆیی نیشتمانی",
        "home": "/ckb/",
        "home_label": "پەڕەی سەرەکی",
        "413": (
            "ئەوەی ناردت زۆر گەورەیە",
            "ماڵپەڕەکە ناتوانێت شتێکی ئەوەندە گەورە وەربگرێت. نامەکەت کورت بکەرەوە یان فایلێکی بچووکتر "
            "هەڵبژێرە، پاشان دووبارە هەوڵ بدەرەوە.",
        ),
        "50x": (
            "هەڵەیەک لای ئێمە ڕوویدا",
            "ماڵپەڕەکە ئێستا نەیتوانی وەڵام بداتەوە. تکایە دوای چەند خولەکێک دووبارە هەوڵ بدەرەوە.",
        ),
    },
}

ERROR_PAGE = """<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} · {party}</title>
  <link rel="stylesheet" href="{css}">
</head>
<body>
  <header class="site-header">
    <div class="container site-header__bar">
      <a class="brand" href="{home}" rel="home"><span class="brand__name">{party}</span></a>
    </div>
  </header>
  <main id="main" class="container narrow error-page">
    <p class="error-page__code" aria-hidden="true">{code}</p>
    <h1>{title}</h1>
    <p class="lead">{lead}</p>
    <p><a class="btn btn--primary" href="{home}">{home_label}</a></p>
  </main>
</body>
</html>
"""


def read_values(path):
    values = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            sys.exit(f"{path}:{number}: expected KEY=VALUE")
        values[key.strip()] = value.strip()
    return values


def stylesheet_url(static_root):
    """The stylesheet's hashed name from collectstatic's manifest, so it is cached like the site's."""
    manifest = Path(static_root) / "staticfiles.json"
    try:
        return "/static/" + json.loads(manifest.read_text())["paths"]["css/site.css"]
    except (OSError, KeyError, ValueError):
        return "/static/css/site.css"


def substitute(text, values):
    def replace(match):
        key = match.group(1)
        if key not in values:
            sys.exit(f"no value for @@{key}@@")
        return values[key]

    # Expansions first (they contain @@NAME@@ themselves), then the plain values.
    for _ in range(3):
        text = re.sub(r"@@([A-Z][A-Z0-9_]*)@@", replace, text)
    return text


def render(values, out, stack=False):
    out = Path(out).resolve()
    (out / "errors").mkdir(parents=True, exist_ok=True)
    uploads = values.get("UPLOADS", "files")
    if uploads not in {"files", "s3"}:
        sys.exit("UPLOADS must be 'files' or 's3'")
    endpoint = values.get("S3_ENDPOINT", "").rstrip("/")
    values = {
        **values,
        "CONF_DIR": str(out),
        "ERRORS_ROOT": str(out / "errors"),
        "ADMIN_PATH": values.get("ADMIN_PATH", "admin").strip("/"),
        "APP_SERVERS": "\n".join(
            f"    server {server} max_fails=2 fail_timeout=10s;" for server in values["APP_SERVERS"].split()
        ),
        "NGINX_HEADERS": NGINX_HEADERS,
        "PROXY_HEADERS": PROXY_HEADERS,
        "UPLOADS_LOCATION": (TEMPLATES / f"uploads-{uploads}.inc").read_text(encoding="utf-8").rstrip("\n"),
        "UPLOADS_CACHE_PATH": UPLOADS_CACHE_PATH if uploads == "s3" else "# (uploads from the local disk: no cache)",
        "S3_HOST": re.sub(r"^[a-z]+://", "", endpoint),
        "S3_PATH_PREFIX": "/" + values.get("S3_BUCKET", "").strip("/"),
        "S3_ENDPOINT": endpoint,
    }
    names = ["party-common.conf", "party-locations.conf", "party-tls.conf"]
    names.append("stack.conf" if stack else "party.conf")
    for name in names:
        text = substitute((TEMPLATES / f"{name}.in").read_text(encoding="utf-8"), values)
        target = out / ("nginx.conf" if name == "stack.conf" else name)
        target.write_text(text, encoding="utf-8")
    css = stylesheet_url(values["STATIC_ROOT"])
    for lang, text in ERROR_TEXT.items():
        for code, shown in (("413", "413"), ("50x", "503")):
            title, lead = text[code]
            page = ERROR_PAGE.format(
                lang=lang,
                dir=text["dir"],
                party=html.escape(text["party"]),
                home=text["home"],
                home_label=html.escape(text["home_label"]),
                title=html.escape(title),
                lead=html.escape(lead),
                code=shown,
                css=css,
            )
            (out / "errors" / f"{code}.{lang}.html").write_text(page, encoding="utf-8")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--values", required=True, help="KEY=VALUE file, e.g. deploy/nginx/production.env")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override one value")
    parser.add_argument("--out", required=True, help="directory to write into (the configuration's own path)")
    parser.add_argument("--stack", action="store_true", help="a whole nginx.conf for the loopback stack")
    args = parser.parse_args()
    values = read_values(args.values)
    for item in args.set:
        key, _, value = item.partition("=")
        values[key] = value
    out = render(values, args.out, stack=args.stack)
    print(f"nginx configuration written to {out}")


if __name__ == "__main__":
    main()
