import pytest

from content.management.commands.load_party_content import load_party_content


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
