"""What the benchmark scripts share: production-mode settings, manage.py, and gunicorn."""

import http.client
import os
import secrets
import subprocess
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def production_env(database_url, redis_url=None, **extra):
    """The environment of a production-mode server on loopback: DEBUG off, a fresh secret key,
    plain HTTP (no redirect to HTTPS), nothing inherited from the caller's DJANGO_* settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ANTISPAM_", "EMAIL_", "MEMBERSHIP_"))
    }
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DJANGO_LOG_LEVEL="WARNING",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


def manage(env, *command, capture=False):
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else None


def start_gunicorn(env, port, workers=4):
    return subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "party_site.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    parts = urllib.parse.urlsplit(url)
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": f"{parts.hostname}:{parts.port}"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")
