import pytest
from django.conf import settings
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from content.management.commands.load_party_content import load_party_content
from party_site.pagecache import content_changed

# Fuzzing (tests/test_fuzz.py): a bounded run by default, so the suite stays fast; a long one on
# demand with `pytest tests/test_fuzz.py --hypothesis-profile=long`. No example database is kept.
hypothesis_settings.register_profile(
    "default",
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile("long", parent=hypothesis_settings.get_profile("default"), max_examples=2000)
hypothesis_settings.load_profile("default")


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Pages cached by an earlier test showed rows that its rollback removed without a signal:
    start every test on a new content version (the page cache is on in tests, as in production)."""
    content_changed()


@pytest.fixture(autouse=True)
def arabic_to_begin_with():
    """A request through the test client leaves the language it chose active in this thread
    (LocaleMiddleware does not reset it), and the next test's reverse() and get_absolute_url()
    then gave /ckb/ or /en/ addresses: the reason some browser tests failed after some others.
    Every test starts in the site's default language, as a visitor's first request does."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def party_content(db):
    """The party's own text, as `make run` loads it."""
    load_party_content()


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", password="pw-root-1")


@pytest.fixture
def roles(db):
    """The staff groups as `make run` creates them."""
    from party_site.roles import setup_roles

    setup_roles()


@pytest.fixture
def content_editor(roles, django_user_model):
    from django.contrib.auth.models import Group

    from content.roles import CONTENT_EDITORS

    user = django_user_model.objects.create_user("content-editor", password="pw-content-1", is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    return user


@pytest.fixture
def writer(roles, django_user_model):
    """A member of the writers' group (content/roles.py), with an e-mail address."""
    from tests.newsroom_helpers import make_writer

    return make_writer(django_user_model)


@pytest.fixture
def editor(roles, django_user_model):
    """A content editor, who may publish (content.publish_post), with an e-mail address."""
    from tests.newsroom_helpers import make_editor

    return make_editor(django_user_model)


def pytest_collection_modifyitems(config, items):
    """Browser tests run last, after every other test (as Django's runner puts TransactionTestCases last).

    They use the live server, whose transactional database is emptied after each test, and Playwright's
    session-wide event loop, which Django's async-safety guard would otherwise see in later tests.
    The quick tests also report first.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3-compatible server (moto in server mode, a dev requirement) on 127.0.0.1:9100-9109."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    for port in range(9100, 9110):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
    else:
        pytest.fail("no free port in 9100-9109 for the S3 test server")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("the S3 test server did not start")
            time.sleep(0.2)
    yield endpoint
    server.terminate()
    server.wait(10)


@pytest.fixture
def s3_storage(s3_endpoint, settings, monkeypatch):
    """Uploads (and sorl-thumbnail's renditions) on a fresh bucket of the local S3 server, configured
    as production would be: the same settings module, read with DJANGO_S3_* in the environment."""
    import importlib
    import uuid

    import boto3
    from django.utils.functional import empty
    from sorl.thumbnail import default as thumbnail_default

    from party_site.settings import storage as storage_settings

    bucket = f"party-test-{uuid.uuid4().hex[:12]}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "DJANGO_S3_BUCKET": bucket,
        "DJANGO_S3_ENDPOINT_URL": s3_endpoint,
        "DJANGO_S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").create_bucket(Bucket=bucket)
    configured = importlib.reload(storage_settings).STORAGES["default"]
    monkeypatch.setattr(thumbnail_default.storage, "_wrapped", empty)  # sorl keeps its own
    settings.STORAGES = {**settings.STORAGES, "default": configured}
    return bucket


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in with a verified second factor as the admin requires
    of superusers (party_site/two_factor.py; tests.helpers.sign_in)."""
    from tests.helpers import sign_in

    sign_in(client, admin_user)
    return client
