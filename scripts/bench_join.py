#!/usr/bin/env python3
"""Benchmark of the membership form: N valid applications from C concurrent clients to gunicorn.

    make bench-join                                   # 1,000 applications, 20 clients, PostgreSQL
    .venv/bin/python scripts/bench_join.py --requests 200 --clients 10
    .venv/bin/python scripts/bench_join.py --url http://127.0.0.1:8202   # a server already running

Without --url the script prepares the database named by --database-url (migrate, load the party's
text, collectstatic into staticfiles/) and starts gunicorn with production settings
(DJANGO_DEBUG off, whitenoise's manifest storage, Redis for sessions and rate limits) plus a small
local SMTP sink and `manage.py mail_worker`, so each application's e-mails really go out, as in production.

Each client is one visitor's browser: its own cookies, CSRF token and form tokens. It GETs /join/
once for each of its applications (a form token is accepted once), waits ANTISPAM_MIN_SECONDS as a
person would (the anti-spam timing check stays on), then posts its share of applications.
All clients come from 127.0.0.1, so the server's rate limit is raised (ANTISPAM_RATE_LIMIT).
Latency is measured per POST (answer: 302 to /join/thanks/<receipt>/).

Reported: rows added to membership_application, errors, p50/p95/p99 latency, throughput.
The numbers are also written to bench-results/ (not committed).
"""

import argparse
import http.client
import json
import os
import random
import re
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

from benchlib import ROOT, VENV_BIN, manage, production_env, start_gunicorn, wait_for

FIRST = ["أحمد", "محمد", "علي", "حسين", "زينب", "فاطمة", "مريم", "عمر", "يوسف", "نور", "سارة", "كرار", "هه‌ڤال", "ئاراس"]
FAMILY = ["الربيعي", "الجبوري", "التميمي", "العبيدي", "الدليمي", "البياتي", "الخزرجي", "", "زه‌نگنه"]
GOVERNORATES = [  # party_site.governorates.Governorate values
    "baghdad",
    "nineveh",
    "basra",
    "dhi_qar",
    "maysan",
    "wasit",
    "babil",
    "karbala",
    "najaf",
    "qadisiyyah",
    "muthanna",
    "anbar",
    "saladin",
    "diyala",
    "kirkuk",
    "erbil",
    "sulaymaniyah",
    "duhok",
    "halabja",
]
EDUCATION = ["primary", "intermediate", "preparatory", "diploma", "bachelor", "master", "doctorate"]


# --- a local SMTP sink: accepts every message and counts it


class SMTPSink(socketserver.StreamRequestHandler):
    count = 0
    lock = threading.Lock()

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 bench-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("latin-1").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 bench-sink")
            elif command == "DATA":
                self.reply("354 end with .")
                while self.rfile.readline() not in (b".\r\n", b".\n", b""):
                    pass
                with SMTPSink.lock:
                    SMTPSink.count += 1
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class ThreadingSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


# --- one visitor's browser


class Client:
    def __init__(self, base_url):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None):
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "bench-join"}
        if self.cookies:
            # Session and CSRF cookies are Secure in production; a benchmark over plain HTTP on
            # loopback sends them back all the same, as a browser would over HTTPS.
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, response.getheader("Location"), content.decode("utf-8", "replace")


def application(n, rng):
    born_year = rng.randint(1950, 2004)
    data = {
        "first_name": rng.choice(FIRST),
        "father_name": rng.choice(FIRST),
        "grandfather_name": rng.choice(FIRST),
        "family_name": rng.choice(FAMILY),
        "birth_date_day": str(rng.randint(1, 28)),
        "birth_date_month": str(rng.randint(1, 12)),
        "birth_date_year": str(born_year),
        "gender": rng.choice(["male", "female"]),
        "governorate": rng.choice(GOVERNORATES),
        "district": "المركز",
        "phone": f"07{rng.choice('5789')}{n:08d}",
        "email": f"applicant{n}@bench.invalid" if n % 2 else "",
        "education": rng.choice(EDUCATION),
        "occupation": "موظف",
        "motivation": "أؤمن بدولة المواطنة." if n % 3 == 0 else "",
        "heard_from": rng.choice(["", "friend", "social-media", "event"]),
    }
    for declaration in (
        "declares_iraqi",
        "declares_no_other_party",
        "declares_not_barred",
        "declares_principles",
        "consents_privacy",
    ):
        data[declaration] = "on"
    return data


def run_client(base_url, numbers, min_seconds, results, errors, seed):
    rng = random.Random(seed)
    client = Client(base_url)
    try:
        forms = []  # each form token is accepted once: one page per application
        for _n in numbers:
            status, _location, page = client.request("GET", "/join/")
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            token = re.search(r'name="form_token" value="([^"]+)"', page)
            if status != 200 or not csrf or not token:
                errors.append(f"GET /join/ answered {status}")
                return
            forms.append((csrf.group(1), token.group(1)))
        time.sleep(min_seconds + 0.2)  # as long as a person needs at least
        for n, (csrf, token) in zip(numbers, forms, strict=True):
            data = application(n, rng)
            data.update(csrfmiddlewaretoken=csrf, form_token=token, website="")
            started = time.perf_counter()
            status, location, _body = client.request("POST", "/join/", data)
            elapsed = time.perf_counter() - started
            if status == 302 and location and "/join/thanks/" in location:
                results.append(elapsed)
            else:
                errors.append(f"POST answered {status} {location or ''}".strip())
    except Exception as error:  # a benchmark reports what went wrong instead of stopping
        errors.append(f"{type(error).__name__}: {error}")


# --- the server


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(args, smtp_port):
    env = production_env(
        args.database_url,
        args.redis_url,
        ANTISPAM_RATE_LIMIT=f"{args.requests * 10}/3600",
        MEMBERSHIP_NOTIFY_EMAILS="officers@bench.invalid",
    )
    if smtp_port:
        env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_port))
    else:
        env["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    return env


def count_rows(env):
    code = "from membership.models import Application; print(Application.objects.count())"
    return int(manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1])


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--url", help="benchmark a server already running (rows are then not counted)")
    parser.add_argument("--port", type=int, default=8202)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/party_membership_bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--no-smtp", action="store_true", help="discard e-mail instead of sending it to a local sink")
    parser.add_argument("--min-seconds", type=float, default=3.0, help="the server's ANTISPAM_MIN_SECONDS")
    args = parser.parse_args()

    server = sink = worker = None
    env = None
    base_url = args.url
    try:
        if not base_url:
            smtp_port = None
            if not args.no_smtp:
                smtp_port = free_port()
                sink = ThreadingSMTPServer(("127.0.0.1", smtp_port), SMTPSink)
                threading.Thread(target=sink.serve_forever, daemon=True).start()
            env = server_env(args, smtp_port)
            env["ANTISPAM_MIN_SECONDS"] = str(args.min_seconds)
            print("Preparing the database and static files…", flush=True)
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "compiletranslations")
            manage(env, "load_party_content")
            manage(env, "collectstatic", "--noinput", "-v0")
            base_url = f"http://127.0.0.1:{args.port}"
            server = start_gunicorn(env, args.port, args.workers)
            wait_for(base_url)
            if sink:  # production sends e-mail from the outbox through the mail worker, not from requests
                worker = subprocess.Popen([str(VENV_BIN / "python"), "manage.py", "mail_worker"], cwd=ROOT, env=env)
        rows_before = count_rows(env) if env else None

        numbers = list(range(args.requests))
        shares = [numbers[i :: args.clients] for i in range(args.clients)]
        results, errors = [], []
        threads = [
            threading.Thread(target=run_client, args=(base_url, share, args.min_seconds, results, errors, i))
            for i, share in enumerate(shares)
        ]
        print(f"Posting {args.requests} applications from {args.clients} clients to {base_url}…", flush=True)
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started - args.min_seconds - 0.2
        time.sleep(0.5)
        rows_added = count_rows(env) - rows_before if env else None
        if worker:  # let the worker empty the outbox (it sends within a second or two of each commit)
            deadline, last = time.time() + 60, -1
            while time.time() < deadline and SMTPSink.count != last:
                last = SMTPSink.count
                time.sleep(2)
    finally:
        if worker:
            worker.terminate()
            worker.wait(30)
        if server:
            server.terminate()
            server.wait(10)
        if sink:
            sink.shutdown()

    latencies = sorted(results)
    report = {
        "requests": args.requests,
        "clients": args.clients,
        "workers": args.workers,
        "ok": len(results),
        "errors": len(errors),
        "rows_added": rows_added,
        "emails_received_by_sink": SMTPSink.count if sink else None,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "throughput_per_s": round(len(results) / wall, 1) if wall > 0 else None,
    }
    print(json.dumps(report, indent=2))
    if errors:
        print("First errors:", *sorted(set(errors))[:10], sep="\n  ")
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"bench-join-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=2))
    failed = errors or (rows_added is not None and rows_added != args.requests)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
