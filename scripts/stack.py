#!/usr/bin/env python3
"""The production shape on loopback: `make stack-up`, `make stack-down`, `make stack-status`.

    nginx 127.0.0.1:8080 (plain, as behind a TLS proxy) and :8443 (TLS, HTTP/2, local CA)
      ├── gunicorn A 127.0.0.1:8101 ─┐
      └── gunicorn B 127.0.0.1:8102 ─┼── PostgreSQL (database party_stack)   Redis (db 4)
    mail worker (outbox → SMTP sink 127.0.0.1:2525) ─┘   S3 (moto server 127.0.0.1:9000)

Production settings (DJANGO_DEBUG unset, a secret key generated at each start-up,
DJANGO_BEHIND_TLS_PROXY=1, DJANGO_PROXY_COUNT=1), the party's content and the demo archive.
Everything runs in the background with its pid file in .stack/pids/; `down` stops exactly those
processes (and PostgreSQL or Redis only if `up` had to start them). What a fresh Debian machine
lacks is installed first (apt: nginx, openssl, wrk, PostgreSQL, Redis, Node; PyPI: moto, aiosmtpd
in .stack/tools/venv; npm: the HTTP Observatory in .stack/tools/observatory).

Logs are in .stack/logs/, the environment every process got in .stack/env (secret: mode 600),
delivered e-mail in .stack/mail/ (a Maildir), the local CA in .stack/tls/ca.crt.
"""

import argparse
import http.client
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / ".stack"
PIDS = STACK / "pids"
LOGS = STACK / "logs"
TOOLS = STACK / "tools"
TLS = STACK / "tls"
ENV_FILE = STACK / "env"
VENV_PY = ROOT / ".venv" / "bin" / "python"
TOOLS_PY = TOOLS / "venv" / "bin" / "python"
OBSERVATORY = TOOLS / "observatory"
OBSERVATORY_VERSION = "1.4.8"

HTTP_PORT, HTTPS_PORT = 8080, 8443
APP_PORTS = {"gunicorn-a": 8101, "gunicorn-b": 8102}
S3_PORT, SMTP_PORT, REDIS_PORT, PG_PORT = 9000, 2525, 6379, 5432
DB_NAME = "party_stack"
PG_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}"
REDIS_DB = 4
S3_BUCKET = "party-stack"
HOSTS = "localhost,127.0.0.1"

# What each pid file must point at before `down` signals it (a recycled pid is left alone).
MARKERS = {
    "nginx": "nginx",
    "gunicorn-a": "gunicorn",
    "gunicorn-b": "gunicorn",
    "mail-worker": "mail_worker",
    "smtp-sink": "aiosmtpd",
    "moto": "moto",
    "redis": "redis-server",
}
STOP_ORDER = ["nginx", "gunicorn-a", "gunicorn-b", "mail-worker", "smtp-sink", "moto", "redis"]

# command → Debian package, for what a fresh machine lacks.
APT_NEEDS = {
    "nginx": "nginx",
    "openssl": "openssl",
    "wrk": "wrk",
    "psql": "postgresql-client",
    "pg_ctlcluster": "postgresql",
    "redis-server": "redis-server",
    "redis-cli": "redis-tools",
    "node": "nodejs",
    "npm": "npm",
    "make": "make",
}


def say(message):
    print(f"stack: {message}", flush=True)


def run(*command, env=None, check=True, quiet=False, **kwargs):
    if quiet:
        kwargs.setdefault("stdout", subprocess.DEVNULL)
    kwargs.setdefault("cwd", ROOT)
    return subprocess.run([str(c) for c in command], env=env, check=check, **kwargs)


# --- environment


def read_env_file():
    values = {}
    if ENV_FILE.exists():
        for line in ENV_FILE.read_text().splitlines():
            key, sep, value = line.partition("=")
            if sep and not key.startswith("#"):
                values[key] = value
    return values


def stack_env(extra=None):
    """The process environment of the stack's Django processes (os.environ minus any DJANGO_… of the caller)."""
    keep = ("DJANGO_", "DATABASE_", "REDIS_", "ANTISPAM_", "EMAIL_", "MEMBERSHIP_", "FEEDBACK_", "AWS_", "BACKUP_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(keep)}
    env.update(read_env_file())
    env.update(extra or {})
    return env


def write_env_file():
    values = {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOSTS,
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://localhost:{HTTPS_PORT},https://127.0.0.1:{HTTPS_PORT},"
        f"http://127.0.0.1:{HTTP_PORT},http://localhost:{HTTP_PORT}",
        "DJANGO_BEHIND_TLS_PROXY": "1",
        "DJANGO_PROXY_COUNT": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "SITE_URL": f"https://localhost:{HTTPS_PORT}",
        "DATABASE_URL": f"{PG_URL}/{DB_NAME}",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/{REDIS_DB}",
        "DJANGO_S3_BUCKET": S3_BUCKET,
        "DJANGO_S3_ENDPOINT_URL": f"http://127.0.0.1:{S3_PORT}",
        "AWS_ACCESS_KEY_ID": "stack",
        "AWS_SECRET_ACCESS_KEY": secrets.token_urlsafe(24),
        "AWS_DEFAULT_REGION": "us-east-1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP_PORT),
        "DEFAULT_FROM_EMAIL": "website@stack.invalid",
        "MEMBERSHIP_NOTIFY_EMAILS": "officers@stack.invalid",
        "FEEDBACK_NOTIFY_EMAILS": "feedback-team@stack.invalid",
        # Generous for people on one network, low enough that stack-check can prove it holds.
        "ANTISPAM_RATE_LIMIT": "20/3600",
        "BACKUP_DIR": str(STACK / "backups"),
        "BACKUP_KEY": secrets.token_urlsafe(32),
    }
    STACK.mkdir(exist_ok=True)
    ENV_FILE.touch(mode=0o600)
    ENV_FILE.chmod(0o600)
    ENV_FILE.write_text("".join(f"{k}={v}\n" for k, v in values.items()))


# --- installing what a fresh machine lacks


def apt_install(packages):
    say(f"installing with apt: {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # Debian's packages start their service on installation (nginx on port 80…); the stack starts
    # its own, so keep apt from starting anything, as container images do.
    policy = Path("/usr/sbin/policy-rc.d")
    added_policy = not policy.exists()
    if added_policy:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    try:
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages, env=env, quiet=True)
    finally:
        if added_policy:
            policy.unlink()


def install_missing():
    missing = sorted({pkg for command, pkg in APT_NEEDS.items() if not shutil.which(command)})
    if missing:
        apt_install(missing)
    if not TOOLS_PY.exists():
        say("creating .stack/tools/venv (moto server, aiosmtpd)")
        run(sys.executable, "-m", "venv", TOOLS / "venv")
    requirements = ROOT / "requirements-stack.txt"
    stamp = TOOLS / "venv" / ".installed"
    if not stamp.exists() or stamp.stat().st_mtime < requirements.stat().st_mtime:
        run(TOOLS_PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements)
        stamp.touch()
    package = OBSERVATORY / "node_modules" / "@mdn" / "mdn-http-observatory" / "package.json"
    if not package.exists() and shutil.which("npm"):
        say(f"installing @mdn/mdn-http-observatory@{OBSERVATORY_VERSION} into .stack/tools/observatory")
        OBSERVATORY.mkdir(parents=True, exist_ok=True)
        (OBSERVATORY / "package.json").write_text('{"private": true}\n')
        result = run(
            "npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error",
            f"@mdn/mdn-http-observatory@{OBSERVATORY_VERSION}",
            check=False, cwd=OBSERVATORY,
        )  # fmt: skip
        if result.returncode:
            say("npm install of the HTTP Observatory failed: stack-check will report it")
    # --ignore-scripts skips its postinstall, which downloads Chromium's HSTS preload list from the
    # internet; the scan reads the list only to credit preloaded names (localhost is not one): empty.
    preload = OBSERVATORY / "node_modules" / "@mdn" / "mdn-http-observatory" / "conf" / "hsts-preload.json"
    if preload.parent.exists() and not preload.exists():
        preload.write_text("{}\n")


# --- processes


def pid_file(name):
    return PIDS / f"{name}.pid"


def read_pid(name):
    try:
        return int(pid_file(name).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def ours(name):
    """The live pid recorded for `name`, if that process is still the one we started."""
    pid = read_pid(name)
    if not pid:
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    return pid if MARKERS[name] in cmdline else None


def start(name, command, env, cwd=ROOT):
    LOGS.mkdir(parents=True, exist_ok=True)
    PIDS.mkdir(parents=True, exist_ok=True)
    log = open(LOGS / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
    process = subprocess.Popen(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    pid_file(name).write_text(f"{process.pid}\n")
    return process


def port_open(port, host="127.0.0.1"):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def wait_port(port, what, seconds=30, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if port_open(port):
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.2)
    sys.exit(f"stack: {what} did not start on port {port} (see .stack/logs/)")


def stop(name):
    pid = ours(name)
    if pid is None:
        pid_file(name).unlink(missing_ok=True)
        return False
    sig = signal.SIGQUIT if name == "nginx" else signal.SIGTERM  # nginx: finish requests, then exit
    os.kill(pid, sig)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        try:  # reap it if it is our child; otherwise just wait for it to go
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
        except ChildProcessError:
            pass
        time.sleep(0.2)
    else:
        if Path(f"/proc/{pid}").exists():
            os.kill(pid, signal.SIGKILL)
    pid_file(name).unlink(missing_ok=True)
    say(f"stopped {name} (pid {pid})")
    return True


# --- the services


def postgresql_up():
    if run("pg_isready", "-h", "127.0.0.1", "-p", PG_PORT, "-q", check=False).returncode == 0:
        return
    version = sorted(os.listdir("/etc/postgresql"))[0]
    say(f"PostgreSQL is down: starting cluster {version}/main (stack-down stops it again)")
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    (PIDS / "postgresql.started").write_text(version)
    for _ in range(30):
        if run("pg_isready", "-h", "127.0.0.1", "-p", PG_PORT, "-q", check=False).returncode == 0:
            return
        time.sleep(1)
    sys.exit("stack: PostgreSQL did not start")


def psql(*sql, database="postgres"):
    args = ["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q"]
    for statement in sql:
        args += ["-c", statement]
    run(*args, quiet=True, env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"})


def redis_up():
    if run("redis-cli", "-h", "127.0.0.1", "-p", REDIS_PORT, "ping", check=False, quiet=True).returncode != 0:
        say("Redis is down: starting one for the stack")
        process = start(
            "redis",
            ["redis-server", "--bind", "127.0.0.1", "--port", REDIS_PORT, "--save", "", "--appendonly", "no"],
            os.environ.copy(),
        )
        wait_port(REDIS_PORT, "Redis", process=process)
    run("redis-cli", "-h", "127.0.0.1", "-p", REDIS_PORT, "-n", REDIS_DB, "FLUSHDB", quiet=True)


def create_bucket(name):
    """A bucket whose objects anyone may GET (nginx proxies /uploads/ to it unsigned), but not list:
    the bucket policy the production checklist asks for. moto takes unsigned requests for setup."""
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadObjectsOnly",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
            }
        ],
    }
    for url, body in (
        (f"http://127.0.0.1:{S3_PORT}/{name}", None),
        (f"http://127.0.0.1:{S3_PORT}/{name}?policy", json.dumps(policy).encode()),
    ):
        request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            response.read()


def s3_up(env):
    process = start("moto", [TOOLS / "venv" / "bin" / "moto_server", "-H", "127.0.0.1", "-p", S3_PORT], env)
    wait_port(S3_PORT, "moto (S3)", process=process)
    create_bucket(S3_BUCKET)


def smtp_up(env):
    maildir = STACK / "mail"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    process = start(
        "smtp-sink",
        [TOOLS_PY, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{SMTP_PORT}", "-c", "aiosmtpd.handlers.Mailbox", maildir],
        env,
    )
    wait_port(SMTP_PORT, "the SMTP sink", process=process)


def prepare_django(env):
    say(f"database {DB_NAME}: fresh, migrated, with the party's content")
    psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME}")
    run(VENV_PY, "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(VENV_PY, "manage.py", "compiletranslations", env=env, quiet=True)
    run(VENV_PY, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    run(VENV_PY, "manage.py", "load_party_content", env=env, quiet=True)
    run(VENV_PY, "manage.py", "setup_roles", env=env, quiet=True)
    say("loading the demo archive (load_demo_content --force: a demo database in production mode)")
    run(VENV_PY, "manage.py", "load_demo_content", "--force", env=env, quiet=True)


def app_servers_up(env):
    processes = {}
    for name, port in APP_PORTS.items():
        processes[name] = start(
            name,
            [ROOT / ".venv" / "bin" / "gunicorn", "-c", ROOT / "deploy" / "gunicorn.conf.py"],
            {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4"},
        )
    for name, port in APP_PORTS.items():
        result = run(
            VENV_PY, ROOT / "scripts" / "healthcheck.py", "--wait", "60", f"http://127.0.0.1:{port}/healthz",
            env=env, check=False, quiet=True,
        )  # fmt: skip
        if result.returncode or processes[name].poll() is not None:
            sys.exit(f"stack: {name} is not healthy on port {port} (see .stack/logs/{name}.log)")
    say("gunicorn A :8101 and B :8102 healthy")


def mail_worker_up(env):
    start("mail-worker", [VENV_PY, "manage.py", "mail_worker"], env)
    say("mail worker started (outbox → SMTP sink on 127.0.0.1:2525)")


def certificates():
    """A local CA (trusted by nothing but the stack's own checks) and a certificate for localhost."""
    TLS.mkdir(parents=True, exist_ok=True)
    os.chmod(TLS, 0o700)
    ca_key, ca_crt, key, csr, crt = (TLS / n for n in ("ca.key", "ca.crt", "server.key", "server.csr", "server.crt"))
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", ca_key, "-out", ca_crt, "-days", "30", "-subj", "/CN=Party stack local CA (loopback only)",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        quiet=True, stderr=subprocess.DEVNULL)  # fmt: skip
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", key, "-out", csr, "-subj", "/CN=localhost", quiet=True, stderr=subprocess.DEVNULL)  # fmt: skip
    extensions = TLS / "server.ext"
    extensions.write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
    )
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca_crt, "-CAkey", ca_key, "-CAcreateserial",
        "-out", crt, "-days", "30", "-extfile", extensions, quiet=True, stderr=subprocess.DEVNULL)  # fmt: skip
    dhparam = TLS / "ffdhe2048.pem"
    if not dhparam.exists():
        run("openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", dhparam)
    say("TLS: new local CA and certificate for localhost/127.0.0.1 (.stack/tls/ca.crt)")


def nginx_user():
    for user in ("www-data", "nginx", "nobody"):
        try:
            return pwd.getpwnam(user)
        except KeyError:
            continue
    raise SystemExit("stack: no user for nginx's workers")


def nginx_up():
    sys.path.insert(0, str(ROOT / "scripts"))
    from render_nginx import read_values, render

    user = nginx_user()
    conf = STACK / "nginx"
    cache = STACK / "nginx-cache"
    shutil.rmtree(cache, ignore_errors=True)
    for sub in ("", "pages", "uploads", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (cache / sub).mkdir(parents=True, exist_ok=True)
        os.chown(cache / sub, user.pw_uid, user.pw_gid)
    values = read_values(ROOT / "deploy" / "nginx" / "production.env")
    values.update(
        NGINX_USER=user.pw_name,
        PID_FILE=str(pid_file("nginx")),
        HTTP_PORT=str(HTTP_PORT),
        HTTPS_PORT=str(HTTPS_PORT),
        HTTPS_PORT_SUFFIX=f":{HTTPS_PORT}",
        APP_SERVERS=" ".join(f"127.0.0.1:{port}" for port in APP_PORTS.values()),
        STATIC_ROOT=str(ROOT / "staticfiles"),
        UPLOADS="s3",
        S3_ENDPOINT=f"http://127.0.0.1:{S3_PORT}",
        S3_BUCKET=S3_BUCKET,
        TLS_CERT=str(TLS / "server.crt"),
        TLS_KEY=str(TLS / "server.key"),
        TLS_DHPARAM=str(TLS / "ffdhe2048.pem"),
        CACHE_DIR=str(cache),
        LOG_DIR=str(LOGS),
        ADMIN_PATH=read_env_file().get("DJANGO_ADMIN_URL", "admin").strip("/") or "admin",
    )
    render(values, conf, stack=True)
    command = ["nginx", "-p", f"{conf}/", "-c", conf / "nginx.conf", "-e", LOGS / "party-error.log"]
    run(*command, "-t", "-q")
    run(*command)
    wait_port(HTTP_PORT, "nginx")
    wait_port(HTTPS_PORT, "nginx (TLS)")
    context = ssl.create_default_context(cafile=str(TLS / "ca.crt"))
    for _ in range(50):
        try:
            conn = http.client.HTTPSConnection("localhost", HTTPS_PORT, context=context, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:
        sys.exit("stack: https://localhost:8443/healthz does not answer 200")
    say(f"nginx: http://127.0.0.1:{HTTP_PORT}/ and https://localhost:{HTTPS_PORT}/ (HTTP/2, local CA)")


# --- commands


def up(args):
    if any(ours(name) for name in MARKERS):
        say("a stack is already running: stopping it first")
        down(args)
    busy = [
        p for p in (HTTP_PORT, HTTPS_PORT, *APP_PORTS.values(), S3_PORT, SMTP_PORT) if port_open(p)
    ]  # fmt: skip
    if busy:
        sys.exit(f"stack: ports in use by something else: {busy}")
    started = time.monotonic()
    install_missing()
    if not VENV_PY.exists():
        sys.exit("stack: .venv is missing: run `make setup` first (make stack-up does)")
    for folder in (PIDS, LOGS):
        folder.mkdir(parents=True, exist_ok=True)
    write_env_file()
    env = stack_env()
    postgresql_up()
    redis_up()
    s3_up(env)
    say(f"object storage: moto on 127.0.0.1:{S3_PORT}, bucket {S3_BUCKET}")
    smtp_up(env)
    prepare_django(env)
    app_servers_up(env)
    mail_worker_up(env)
    certificates()
    nginx_up()
    say(f"up in {time.monotonic() - started:.0f} s. `make stack-check` proves it works; `make stack-down` stops it.")


def down(_args=None):
    stopped = [name for name in STOP_ORDER if stop(name)]
    started_pg = PIDS / "postgresql.started"
    if started_pg.exists():
        version = started_pg.read_text().strip()
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", check=False)
        started_pg.unlink()
        stopped.append("postgresql")
        say(f"stopped PostgreSQL {version}/main (stack-up had started it)")
    if not stopped:
        say("nothing of the stack was running")


def status(_args=None):
    for name in STOP_ORDER:
        pid = ours(name)
        print(f"{name:12} {'running, pid ' + str(pid) if pid else 'not running'}")
    sys.exit(0 if all(ours(n) for n in ("nginx", *APP_PORTS)) else 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["up", "down", "status"])
    args = parser.parse_args()
    {"up": up, "down": down, "status": status}[args.command](args)


if __name__ == "__main__":
    main()
