"""Production settings refuse to start unsafely, and pass Django's deployment checks."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k7$Qz!e9Vb2#Lm4@Xr8&Tw1^Py6*Hn3%Jd5(Sa0)Gf-Uc_Ro+Ei=Bq",
    "DJANGO_ALLOWED_HOSTS": "party.example",
}


def run_python(code, timeout=120, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    base.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_secret_or_hosts(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_python("import party_site.settings", DJANGO_SETTINGS_MODULE="party_site.settings", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr and "set" in result.stderr


def test_deploy_check_passes_with_production_variables():
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('check', '--deploy', '--fail-level', 'WARNING')"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="party_site.settings", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr[-2000:]


def test_debug_is_off_unless_asked():
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="party_site.settings", **PRODUCTION_ENV)
    assert result.stdout.split() == ["False", "True", "True"]


def test_no_pending_migrations(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_database_url_selects_postgresql():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="party_site.settings",
        DATABASE_URL="postgres://u@127.0.0.1:5432/x",
        **PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"
    result = run_python(code, DJANGO_SETTINGS_MODULE="party_site.settings", DJANGO_DEBUG="1")
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_a_number_that_cannot_be_read_names_its_variable():
    result = run_python("import party_site.settings", DJANGO_DEBUG="1", DJANGO_PROXY_COUNT="one")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DJANGO_PROXY_COUNT" in result.stderr


def test_env_helpers(monkeypatch):
    from party_site.settings.env import env_bool, env_int, env_list, env_rate

    monkeypatch.setenv("X_INT", "")
    assert env_int("X_INT", 7) == 7  # empty counts as unset
    monkeypatch.setenv("X_INT", " 12 ")
    assert env_int("X_INT", 7) == 12
    monkeypatch.setenv("X_BOOL", "Yes")
    assert env_bool("X_BOOL") is True
    monkeypatch.setenv("X_LIST", "a, ,b")
    assert env_list("X_LIST") == ["a", "b"]
    monkeypatch.setenv("X_RATE", "5/60")
    assert env_rate("X_RATE", "60/3600") == (5, 60)


def test_with_redis_sessions_stay_in_the_database_behind_the_cache():
    code = (
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'], settings.SESSION_ENGINE, c['OPTIONS']['socket_timeout'])"
    )
    result = run_python(
        code, DJANGO_SETTINGS_MODULE="party_site.settings", REDIS_URL="redis://127.0.0.1:6379/9", DJANGO_DEBUG="1"
    )
    assert result.stdout.split() == [
        "party_site.redis_cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "1",
    ]


@pytest.mark.django_db
def test_a_session_outlives_the_cache(client, settings):
    """What a Redis restart does to cached_db sessions: nothing is lost."""
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.core.cache import cache

    session = SessionStore()
    session["reference"] = "482-913-057"
    session.create()
    cache.delete(session.cache_key)  # Redis restarted (or evicted the key)
    assert SessionStore(session.session_key).load()["reference"] == "482-913-057"


def test_collectstatic_writes_files_the_web_server_can_read(tmp_path):
    """nginx runs as another user: static files must be world-readable, whereas uploads are not
    (FILE_UPLOAD_PERMISSIONS = 0o640, which Django would otherwise apply to collectstatic too)."""
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('collectstatic', '--noinput', '-v0')"
    )
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "party_site.settings"}
    code = f"from django.conf import settings; settings.STATIC_ROOT = {str(tmp_path)!r}; " + code
    # collectstatic compresses every file (gzip and Brotli): minutes on a busy 2-core machine.
    result = run_python(code, timeout=600, **env)
    assert result.returncode == 0, result.stderr[-2000:]
    fonts = list(tmp_path.glob("fonts/*.woff2"))
    assert fonts
    for path in [*fonts, *tmp_path.glob("css/*.css")]:
        assert path.stat().st_mode & 0o777 == 0o644, path
    assert (tmp_path / "fonts").stat().st_mode & 0o777 == 0o755
