import pytest

from content.management.commands.load_party_content import load_party_content
from party_site.pagecache import content_changed


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Pages cached by an earlier test showed rows that its rollback removed without a signal:
    start every test on a new content version (the page cache is on in tests, as in production)."""
    content_changed()


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


def pytest_collection_modifyitems(config, items):
    """Browser tests run last, after every other test (as Django's runner puts TransactionTestCases last).

    They use the live server, whose transactional database is emptied after each test, and Playwright's
    session-wide event loop, which Django's async-safety guard would otherwise see in later tests.
    The quick tests also report first.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
