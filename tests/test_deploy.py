"""deploy/: the nginx configuration renders and parses, the units name real commands and files."""

import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
SYSTEMD = ROOT / "deploy" / "systemd"
sys.path.insert(0, str(ROOT / "scripts"))

from render_nginx import ERROR_TEXT, read_values, render  # noqa: E402


def test_timers_start_real_management_commands():
    commands = get_commands()
    tasks = []
    for timer in SYSTEMD.glob("*.timer"):
        unit = re.search(r"^Unit=(\S+)$", timer.read_text(), re.M).group(1)
        assert (SYSTEMD / re.sub(r"@[^.]+", "@", unit)).exists(), f"{timer.name} starts {unit}, which is not shipped"
        task = re.fullmatch(r"party-task@(\w+)\.service", unit)
        if task:
            tasks.append(task.group(1))
            assert task.group(1) in commands, f"{timer.name}: manage.py {task.group(1)} does not exist"
    assert {"send_pending_emails", "purge_applications", "purge_feedback", "clearsessions"} <= set(tasks)


def test_mail_worker_unit_runs_a_real_command():
    unit = (SYSTEMD / "party-mail-worker.service").read_text()
    assert "manage.py mail_worker" in unit
    assert "mail_worker" in get_commands()


def test_units_name_files_of_the_project():
    for unit in SYSTEMD.glob("*.service"):
        for path in re.findall(r"\b((?:deploy|scripts)/[\w./-]+)", unit.read_text()):
            assert (ROOT / path).exists(), f"{unit.name} names {path}"


def test_gunicorn_configuration_reads_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8199")
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["bind"] == ["127.0.0.1:8199"]
    assert conf["workers"] == 3
    assert conf["accesslog"] is None  # nginx keeps the log, without query strings
    assert conf["worker_class"] == "gthread"


def rendered(tmp_path, **overrides):
    values = read_values(ROOT / "deploy" / "nginx" / "production.env")
    values.update(overrides)
    return render(values, tmp_path / "conf")


@pytest.mark.parametrize("uploads", ["files", "s3"])
def test_production_nginx_configuration_parses(tmp_path, uploads):
    if not (shutil.which("nginx") and shutil.which("openssl")):
        pytest.skip("nginx and openssl are needed (apt-get install nginx openssl)")
    key, cert, dhparam = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "dh.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
         "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=party.example"],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", dhparam],
        check=True,
        capture_output=True,
    )
    (tmp_path / "cache").mkdir()
    conf = rendered(
        tmp_path,
        UPLOADS=uploads,
        S3_ENDPOINT="http://127.0.0.1:9000",
        TLS_CERT=str(cert),
        TLS_KEY=str(key),
        TLS_DHPARAM=str(dhparam),
        CACHE_DIR=str(tmp_path / "cache"),
        LOG_DIR=str(tmp_path),
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {conf}/party.conf; }}\n"
    )
    result = subprocess.run(["nginx", "-t", "-p", f"{tmp_path}/", "-c", str(main)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_nginx_configuration_has_no_placeholder_left(tmp_path):
    conf = rendered(tmp_path, UPLOADS="s3")
    for path in conf.glob("*.conf"):
        assert "@@" not in path.read_text(), path.name
    locations = (conf / "party-locations.conf").read_text()
    assert "location ^~ /admin/ {" in locations
    assert "$request_uri" not in (conf / "party-common.conf").read_text().split("log_format", 1)[1]


def test_error_pages_in_each_language(tmp_path):
    conf = rendered(tmp_path)
    for lang, text in ERROR_TEXT.items():
        for code in ("413", "50x"):
            page = (conf / "errors" / f"{code}.{lang}.html").read_text()
            assert f'<html lang="{lang}" dir="{text["dir"]}">' in page
            assert '<link rel="stylesheet" href="/static/css/site.' in page
            assert f'href="{text["home"]}"' in page


def test_nginx_sizes_public_requests_and_refuses_multipart_outside_the_admin(tmp_path):
    conf = rendered(tmp_path)
    locations = (conf / "party-locations.conf").read_text()
    assert "client_max_body_size 16k;" in locations
    public_forms = locations.split("(?:join|feedback)/ {", 1)[1].split("\n}", 1)[0]
    assert "client_max_body_size 64k;" in public_forms and "if ($party_multipart)" in public_forms
    other_pages = locations.split("\nlocation / {", 1)[1].split("\n}", 1)[0]
    assert "if ($party_multipart)" in other_pages
    admin = locations.split("location ^~ /admin/ {", 1)[1].split("\n}", 1)[0]
    assert "party_multipart" not in admin and "client_max_body_size 320m;" in admin
    assert '"~*^multipart/"    1;' in (conf / "party-common.conf").read_text()


def test_nginx_sends_the_same_security_headers_as_django_on_what_it_serves(tmp_path, settings):
    from render_nginx import PERMISSIONS_POLICY_DENIED

    assert PERMISSIONS_POLICY_DENIED == settings.PERMISSIONS_POLICY_DENIED
    locations = (rendered(tmp_path) / "party-locations.conf").read_text()
    for block in ("location ^~ /static/ {", "location ^~ /uploads/ {", "location ^~ /_errors/ {"):
        served = locations.split(block, 1)[1].split("\n}", 1)[0]
        for header in ("Cross-Origin-Resource-Policy", "Permissions-Policy", "X-Content-Type-Options"):
            assert f"add_header {header} " in served, (block, header)
        assert 'Referrer-Policy "same-origin"' in served
    assert "add_header Content-Disposition $party_upload_disposition always;" in locations
