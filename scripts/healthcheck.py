#!/usr/bin/env python3
"""Ask an app server's /healthz: exit 0 when it answers 200 (the database answers), 1 otherwise.

    python3 scripts/healthcheck.py http://127.0.0.1:8101/healthz
    python3 scripts/healthcheck.py --wait 30 http://127.0.0.1:8101/healthz   # retry for up to 30 s

It speaks to gunicorn as nginx does: the Host is the first of DJANGO_ALLOWED_HOSTS and
X-Forwarded-Proto is https (otherwise production settings redirect to HTTPS). Standard library only.
"""

import argparse
import http.client
import os
import sys
import time
import urllib.parse


def healthy(url, timeout=3.0):
    parts = urllib.parse.urlsplit(url)
    hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = next((h for h in hosts if not h.startswith(".") and h != "*"), "127.0.0.1")
    try:
        conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
        conn.request("GET", parts.path or "/healthz", headers={"Host": host, "X-Forwarded-Proto": "https"})
        status = conn.getresponse().status
        conn.close()
    except OSError as error:
        return False, str(error)
    return status == 200, f"HTTP {status}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--wait", type=float, default=0, help="seconds to keep trying")
    args = parser.parse_args()
    deadline = time.monotonic() + args.wait
    while True:
        ok, detail = healthy(args.url)
        if ok or time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    print(f"{args.url}: {'healthy' if ok else 'not healthy'} ({detail})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
