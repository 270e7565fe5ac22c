#!/usr/bin/env python3
"""Benchmark of the public pages: what one machine serves on election night.

    make bench-pages                                  # PostgreSQL + Redis, the demo archive, 4 workers
    .venv/bin/python scripts/bench_pages.py --seconds 5 --rounds 3

It prepares its own database (migrate, the party's text, `load_demo_content --force`), collects the
static files, and starts gunicorn in production mode (DJANGO_DEBUG off, Redis for the page cache and
sessions). Then `wrk` (Debian's package) measures, side by side in one run on this shared and noisy
machine, so the ratios mean more than the absolute numbers:

- the home page, a section and a post, each **cached** (an anonymous visitor) and **uncached**
  (a request carrying a session cookie, which the page cache never serves: every one is drawn);
- a static file (the stylesheet) from the same gunicorn, through whitenoise.

Each measurement is taken --rounds times, interleaved, and the best round kept (noise from other
work on the machine only ever slows a round down). Every request asks for gzip, as browsers do.
It prints a table, the targets of issue 9, and the first-visit weight of the home page and a post
(scripts/page_weight.py, in Debian's Chromium), and writes the numbers to bench-results/ (not committed).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchlib import ROOT, manage, production_env, start_gunicorn, wait_for

TARGETS = {
    "cached home ÷ static file": ">= 1.0",
    "uncached home, requests/s": ">= 100",
    "uncached section, requests/s": ">= 100",
    "p90 of cached pages, ms": "< 50",
    "errors": "0",
}


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8", "replace"), dict(response.headers)


def wrk(url, seconds, connections, headers):
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {}
    for percent, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        latency[percent] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {"rps": rate, "p50": latency.get("50"), "p90": latency.get("90"), "p99": latency.get("99"), "errors": errors}


def prepare(args):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench-pages installs it)")
    database = args.database_url.rsplit("/", 1)
    admin_url = database[0] + "/postgres"
    for sql in (f"DROP DATABASE IF EXISTS {database[1]}", f"CREATE DATABASE {database[1]}"):
        subprocess.run(["psql", admin_url, "-qc", sql], check=True)
    env = production_env(args.database_url, args.redis_url)
    redis_db = args.redis_url.rsplit("/", 1)[1]
    subprocess.run(["redis-cli", "-n", redis_db, "flushdb"], check=True, capture_output=True)
    print("Preparing the database, the demo archive and static files…", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "compiletranslations")
    manage(env, "load_party_content")
    manage(env, "load_demo_content", "--force")
    manage(env, "collectstatic", "--noinput", "-v0")
    return env


def pick_urls(base):
    home, _headers = fetch(base + "/", {"Accept-Encoding": "identity"})
    stylesheet = re.search(r'<style data-href="([^"]+)"', home).group(1)
    section, _headers = fetch(base + "/news/")
    post = re.search(r'<a href="(/news/\d+/[^"]+/)"', section).group(1)
    return {"home": "/", "section": "/news/", "post": post, "static": stylesheet}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="length of each measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8203)
    parser.add_argument("--url", help="measure a server already running")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/party_pages_bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"))
    args = parser.parse_args()

    server = None
    base = args.url
    try:
        if not base:
            env = prepare(args)
            base = f"http://127.0.0.1:{args.port}"
            server = start_gunicorn(env, args.port, args.workers)
            wait_for(base)
        urls = pick_urls(base)
        gzip = {"Accept-Encoding": "gzip, deflate, br"}
        session = {**gzip, "Cookie": "sessionid=benchmark-not-a-session"}
        runs = {
            "static file": (urls["static"], gzip),
            "home, cached": (urls["home"], gzip),
            "home, uncached": (urls["home"], session),
            "section, cached": (urls["section"], gzip),
            "section, uncached": (urls["section"], session),
            "post, cached": (urls["post"], gzip),
            "post, uncached": (urls["post"], session),
        }
        for path, headers in runs.values():  # warm every worker's connections and the page cache
            for _ in range(args.workers * 2):
                fetch(base + path, headers)
        results = {name: [] for name in runs}
        print(f"Measuring {len(runs)} URLs × {args.rounds} rounds × {args.seconds} s, {args.connections} connections…")
        for _round in range(args.rounds):
            for name, (path, headers) in runs.items():
                results[name].append(wrk(base + path, args.seconds, args.connections, headers))
        best = {name: max(rounds, key=lambda r: r["rps"]) for name, rounds in results.items()}
        errors = sum(r["errors"] for rounds in results.values() for r in rounds)
        # The first visit's weight, as a phone fetches it (headless Chromium; scripts/page_weight.py).
        weight = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "page_weight.py"), base, "/", urls["post"]],
            capture_output=True,
            text=True,
        )
    finally:
        if server:
            server.terminate()
            server.wait(10)

    static = best["static file"]["rps"]
    print()
    print(f"{'':20} {'requests/s':>11} {'÷ static':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}")
    for name, r in best.items():
        print(
            f"{name:20} {r['rps']:11.0f} {r['rps'] / static:9.2f} {r['p50'] or 0:8.1f} {r['p90'] or 0:8.1f}"
            f" {r['p99'] or 0:8.1f}"
        )
    cached_p90 = max(best[name]["p90"] or 0 for name in best if name.endswith("cached") and "uncached" not in name)
    measured = {
        "cached home ÷ static file": round(best["home, cached"]["rps"] / static, 2),
        "uncached home, requests/s": round(best["home, uncached"]["rps"]),
        "uncached section, requests/s": round(best["section, uncached"]["rps"]),
        "p90 of cached pages, ms": round(cached_p90, 1),
        "errors": errors,
    }
    print()
    for name, target in TARGETS.items():
        print(f"{name:32} {measured[name]!s:>8}   target {target}")

    print()
    print(weight.stdout.strip() or f"page_weight.py failed: {weight.stderr.strip()[-500:]}")
    report = {"best": best, "rounds": results, "targets": measured, "urls": urls, "weight": weight.stdout}
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"bench-pages-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=2))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
