#!/usr/bin/env python3
"""Benchmarks through nginx on the loopback stack (make stack-up first), with wrk.

    make bench-stack                          # 10 s per run
    .venv/bin/python scripts/bench_stack.py --seconds 5

1. a cached page (the home page, through the micro-cache) and a static file (the hashed
   stylesheet), one after the other with the same connections: their throughput ratio
   (target ≥ 0.5: a cached page costs about what a file does);
2. the home page with 200 concurrent connections: 0 errors (socket errors, timeouts, non-2xx/3xx).

Requests ask for gzip, as browsers do. Prints a table; the numbers also go to bench-results/
(not committed). Exit code 1 when a target is missed.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402

BASE = f"http://127.0.0.1:{stack.HTTP_PORT}"


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, seconds, threads=2):
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency",
        "-H", "Accept-Encoding: gzip", url,
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"url": url.removeprefix(BASE), "connections": connections, "seconds": seconds}
    result["requests_per_s"] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    result["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    for label, key in (("50%", "p50_ms"), ("99%", "p99_ms")):
        match = re.search(rf"^\s+{re.escape(label)}\s+(\S+)", out, re.M)
        result[key] = round(to_ms(match.group(1)), 2) if match else None
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["socket_errors"] = sum(int(n) for n in errors.groups()) if errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx_3xx"] = int(non_2xx.group(1)) if non_2xx else 0
    result["errors"] = result["socket_errors"] + result["non_2xx_3xx"]
    return result


def headers(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        response.read()
        return response.headers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each run")
    parser.add_argument("--connections", type=int, default=50, help="connections for the side-by-side runs")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: make stack-up installs it (apt-get install wrk)")
    if not stack.ours("nginx"):
        sys.exit("the stack is not running: make stack-up first")

    page = urllib.request.urlopen(f"{BASE}/", timeout=10).read().decode()  # noqa: S310 - loopback
    css = re.search(r'data-href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)
    headers(f"{BASE}/")  # warm the caches
    seen = headers(f"{BASE}/")
    cache_state = f"X-Micro-Cache: {seen.get('X-Micro-Cache')}, X-Page-Cache: {seen.get('X-Page-Cache', 'absent')}"

    print(f"wrk through nginx ({BASE}), {args.seconds} s per run; home page: {cache_state}", flush=True)
    runs = [
        ("cached page /", wrk(f"{BASE}/", args.connections, args.seconds)),
        ("static file", wrk(f"{BASE}{css}", args.connections, args.seconds)),
        ("home, 200 connections", wrk(f"{BASE}/", 200, args.seconds)),
    ]
    ratio = runs[0][1]["requests_per_s"] / runs[1][1]["requests_per_s"]
    home_errors = runs[2][1]["errors"]

    print()
    print(f"| {'run':24} | {'conns':>5} | {'req/s':>9} | {'p50 ms':>7} | {'p99 ms':>7} | {'errors':>6} |")
    print(f"|{'-' * 26}|{'-' * 7}|{'-' * 11}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    for name, r in runs:
        print(
            f"| {name:24} | {r['connections']:>5} | {r['requests_per_s']:>9,.0f} | {r['p50_ms']:>7} | "
            f"{r['p99_ms']:>7} | {r['errors']:>6} |"
        )
    print()
    ratio_ok, errors_ok = ratio >= 0.5, home_errors == 0
    print(f"{'PASS' if ratio_ok else 'FAIL'}  cached page / static file = {ratio:.2f} (target ≥ 0.5)")
    print(f"{'PASS' if errors_ok else 'FAIL'}  home page, 200 connections: {home_errors} errors (target 0)")

    report = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cache_state": cache_state,
        "runs": dict(runs),
        "ratio_cached_page_to_static": round(ratio, 3),
    }
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"bench-stack-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=2))
    sys.exit(0 if ratio_ok and errors_ok else 1)


if __name__ == "__main__":
    main()
