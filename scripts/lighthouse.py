#!/usr/bin/env python3
"""Run Lighthouse (mobile, simulated slow network) against the site and print, per page, first
and largest contentful paint, the bytes transferred and the four category scores.

    .venv/bin/python scripts/lighthouse.py http://127.0.0.1:8080
    .venv/bin/python scripts/lighthouse.py http://127.0.0.1:8080 / /news/ --runs 3
    make lighthouse BASE_URL=http://127.0.0.1:8080 PATHS="/ /news/"

Default pages: the home page, the news section, the first post with a cover image on the home
page (the path "@post" stands for it) and the membership form.

Lighthouse 12 comes from npm into .tools/lighthouse/ (git-ignored) on the first run, installed
with --ignore-scripts; it drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
Throttling is simulated (Lighthouse's "Lantern" model, mobile form factor, 4x slower CPU) over
the network of issue 9's targets: 400 kbps and 400 ms round trips (--network slow). --network
lighthouse uses Lighthouse's own default instead (1.6 Mbps, 150 ms). Targets on the slow network:
first contentful paint within 2.0 s, largest within 2.5 s; --check exits 1 when a page misses one.

Simulated times come from one fast load in the real browser, so they move with the server's
response time: warm the server up first, and use --runs 3 (the median is shown) to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import find_post_with_cover, label  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / ".tools" / "lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
PACKAGE = "lighthouse@12"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
NETWORKS = {
    "slow": {"rttMs": 400, "throughputKbps": 400, "cpuSlowdownMultiplier": 4},
    "lighthouse": {"rttMs": 150, "throughputKbps": 1638.4, "cpuSlowdownMultiplier": 4},
}
TARGET_FCP_MS = 2000
TARGET_LCP_MS = 2500
DEFAULT_PATHS = ["/", "/news/", "@post", "/join/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CODE_TYPES = {"Document", "Stylesheet", "Script"}
ATTEMPTS = 3


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm)")
    print(f"Installing {PACKAGE} into {TOOLS.relative_to(REPO)}/ …", file=sys.stderr)
    TOOLS.mkdir(parents=True, exist_ok=True)
    npm = ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
    subprocess.run([*npm, PACKAGE], check=True)


def run_lighthouse(url: str, network: dict, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--form-factor=mobile",
            "--throttling-method=simulate",
            f"--throttling.rttMs={network['rttMs']}",
            f"--throttling.throughputKbps={network['throughputKbps']}",
            f"--throttling.cpuSlowdownMultiplier={network['cpuSlowdownMultiplier']}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        for attempt in range(1, ATTEMPTS + 1):
            done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True)
            if done.returncode == 0 and out.exists():
                return json.loads(out.read_text(encoding="utf-8"))
            # a busy machine now and then loses the trace (NO_NAVSTART): try again
            print(f"Lighthouse failed on {url} (attempt {attempt}):\n{done.stderr[-2000:]}", file=sys.stderr)
        sys.exit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def summarise(report: dict) -> dict:
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]

    def by_type(types):
        return sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") in types)

    error = report.get("runtimeError", {}).get("message")
    return {
        "fcp_ms": audits["first-contentful-paint"].get("numericValue"),
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
        "total_bytes": audits["total-byte-weight"].get("numericValue"),
        "html_css_js_bytes": by_type(CODE_TYPES),
        "font_bytes": by_type({"Font"}),
        "image_bytes": by_type({"Image"}),
        "requests": len(requests),
        "lcp_element": _lcp_element(audits),
        **{c: _score(report, c) for c in CATEGORIES},
        "error": error,
    }


def _score(report: dict, category: str) -> int | None:
    score = report["categories"].get(category, {}).get("score")
    return None if score is None else round(score * 100)


def _lcp_element(audits: dict) -> str:
    try:
        return audits["largest-contentful-paint-element"]["details"]["items"][0]["items"][0]["node"]["snippet"]
    except (KeyError, IndexError):
        return ""


def median_run(runs: list[dict]) -> dict:
    """The run with the median LCP (so that its numbers belong together), with median FCP and LCP."""
    ordered = sorted(runs, key=lambda r: r["lcp_ms"] or 0)
    result = dict(ordered[len(ordered) // 2])
    result["fcp_ms"] = statistics.median(r["fcp_ms"] or 0 for r in runs)
    result["lcp_ms"] = statistics.median(r["lcp_ms"] or 0 for r in runs)
    return result


def meets_targets(r: dict) -> bool:
    fcp, lcp = r["fcp_ms"], r["lcp_ms"]
    return fcp is not None and lcp is not None and fcp <= TARGET_FCP_MS and lcp <= TARGET_LCP_MS


def seconds(ms: float | None) -> str:
    return "—" if ms is None else f"{ms / 1000:.2f} s"


def kb(n: float | None) -> str:
    return "—" if n is None else f"{n / 1000:.1f} kB"


def print_page(url: str, r: dict, runs: int) -> None:
    fcp_ok = r["fcp_ms"] is not None and r["fcp_ms"] <= TARGET_FCP_MS
    lcp_ok = r["lcp_ms"] is not None and r["lcp_ms"] <= TARGET_LCP_MS
    rows = [
        ("first contentful paint", seconds(r["fcp_ms"]), f"target {seconds(TARGET_FCP_MS)}", fcp_ok),
        ("largest contentful paint", seconds(r["lcp_ms"]), f"target {seconds(TARGET_LCP_MS)}", lcp_ok),
        ("  LCP element", r["lcp_element"][:60], "", None),
        ("total transferred", kb(r["total_bytes"]), f"{r['requests']} requests", None),
        ("  HTML + CSS + JS", kb(r["html_css_js_bytes"]), "", None),
        ("  fonts", kb(r["font_bytes"]), "", None),
        ("  images", kb(r["image_bytes"]), "", None),
    ] + [(f"score: {c}", "—" if r[c] is None else str(r[c]), "", None) for c in CATEGORIES]
    print(f"\n{unquote(url)}" + (f"  (median of {runs} runs)" if runs > 1 else ""))
    if r["error"]:
        print(f"  Lighthouse: {r['error']}")
    for name, value, note, ok in rows:
        mark = "" if ok is None else ("  ok" if ok else "  MISSED")
        print(f"  {name:<26}{value:>12}   {note}{mark}")


def print_summary(results: list[tuple[str, dict]]) -> None:
    headings = ("FCP", "LCP", "total", "code", "fonts", "perf", "a11y", "bp", "seo")
    print("\npage".ljust(35) + "".join(h.rjust(9) for h in headings))
    for url, r in results:
        cells = [
            f"{(r['fcp_ms'] or 0) / 1000:.2f}",
            f"{(r['lcp_ms'] or 0) / 1000:.2f}",
            f"{(r['total_bytes'] or 0) / 1000:.0f}",
            f"{r['html_css_js_bytes'] / 1000:.0f}",
            f"{r['font_bytes'] / 1000:.0f}",
        ] + ["—" if r[c] is None else str(r[c]) for c in CATEGORIES]
        print(label(url).ljust(34) + "".join(cell.rjust(9) for cell in cells))
    print("(seconds; kB; code = HTML+CSS+JS)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base_url", nargs="?", default=os.environ.get("BASE_URL", "http://127.0.0.1:8000"))
    ap.add_argument("paths", nargs="*", help=f"default: {' '.join(DEFAULT_PATHS)} (@post: a post with a cover image)")
    ap.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    ap.add_argument("--network", choices=sorted(NETWORKS), default="slow")
    ap.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    ap.add_argument("--json", type=Path, help="also write the summaries to this JSON file")
    ap.add_argument("--check", action="store_true", help="exit 1 when a page misses the FCP or LCP target")
    opts = ap.parse_args()

    ensure_lighthouse()
    base = opts.base_url.rstrip("/")
    paths = []
    for path in opts.paths or DEFAULT_PATHS:
        if path == "@post":
            path = find_post_with_cover(base)
            if not path:
                print("No post with a cover image on the home page: skipping @post.", file=sys.stderr)
                continue
        paths.append(path)
    network = NETWORKS[opts.network]
    print(
        f"Lighthouse {PACKAGE}, mobile, simulated: {network['throughputKbps']:g} kbps, "
        f"{network['rttMs']} ms RTT, CPU {network['cpuSlowdownMultiplier']}x slower"
    )
    results = []
    for path in paths:
        url = base + path
        result = median_run([summarise(run_lighthouse(url, network, opts.chrome)) for _ in range(opts.runs)])
        print_page(url, result, opts.runs)
        results.append((url, result))
    print_summary(results)
    if opts.json:
        opts.json.write_text(json.dumps(dict(results), indent=2, ensure_ascii=False), encoding="utf-8")
    missed = [url for url, r in results if not meets_targets(r)]
    if opts.check and missed:
        print("missed the paint targets: " + ", ".join(label(u) for u in missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
