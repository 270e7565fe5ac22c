"""Backups: an encrypted archive of the database and the uploads restores into an empty database and
storage with the same rows and files; a wrong key or a damaged archive fails clearly, changing
nothing; the archive holds no plaintext applicant data."""

import io
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from content.models import Photo
from feedback.models import FeedbackMessage
from membership.models import Application
from party_site.backup import row_counts, storage_names
from party_site.models import OutgoingEmail
from tests.content_helpers import image_upload, make_post
from tests.membership_data import make_application

pytestmark = pytest.mark.django_db(transaction=True)
KEY = "correct horse battery staple 2026"
NAME = "زينب"
FAMILY = "الكاظمي"


@pytest.fixture
def keyed(settings, tmp_path):
    settings.BACKUP_KEY = KEY
    settings.BACKUP_DIR = str(tmp_path / "backups")
    settings.MEMBERSHIP_NOTIFY_EMAILS = ["officers@party.example"]
    settings.EMAIL_SEND_IMMEDIATELY = False


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "uploads-before")


def make_site_data():
    call_command("load_party_content", verbosity=0)
    get_user_model().objects.create_user("officer", password="pw-officer-1", is_staff=True)
    make_application(first_name=NAME, family_name=FAMILY, email="zainab.k@example.org", phone="+9647712345678")
    make_application()
    FeedbackMessage.objects.create(topic="other", message="رسالة من زينب الكاظمي", name=f"{NAME} {FAMILY}")
    post = make_post(cover_image=image_upload(size=(900, 500)))
    Photo.objects.create(post=post, image=image_upload("p.jpg", size=(500, 400)))
    assert OutgoingEmail.objects.exists()


def files():
    contents = {}
    for name in storage_names():
        with default_storage.open(name, "rb") as file:
            contents[name] = file.read()
    return contents


def backup():
    out = io.StringIO()
    call_command("backup", stdout=out)
    return Path(out.getvalue().strip())


def empty_database():
    call_command("flush", interactive=False, verbosity=0)
    assert not Application.objects.exists()


def test_a_backup_restores_into_an_empty_database_and_storage(keyed, uploads, settings, tmp_path):
    make_site_data()
    counts, before = row_counts(), files()
    assert counts["membership.application"] == 2 and any(name.endswith(".webp") for name in before)
    archive = backup()
    assert archive.parent == Path(settings.BACKUP_DIR) and archive.stat().st_mode & 0o077 == 0

    empty_database()
    settings.MEDIA_ROOT = str(tmp_path / "uploads-after")
    assert files() == {}
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "restored" in out.getvalue()
    assert row_counts() == counts
    assert files() == before
    assert Application.objects.get(first_name=NAME).family_name == FAMILY
    assert Path(settings.MEDIA_ROOT, next(iter(before))).exists()


def test_the_archive_holds_no_plaintext(keyed, uploads):
    make_site_data()
    data = backup().read_bytes()
    for secret in (NAME, FAMILY, "zainab.k@example.org", "+9647712345678", "officer", "JFIF", "WEBP", "manifest"):
        assert secret.encode() not in data, secret


def test_a_wrong_key_fails_clearly_and_changes_nothing(keyed, uploads, settings):
    make_site_data()
    archive = backup()
    empty_database()
    settings.BACKUP_KEY = "not the key that made it, 2026"
    with pytest.raises(CommandError, match="wrong BACKUP_KEY"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError, match="wrong BACKUP_KEY"):
        call_command("restore", str(archive), "--check")
    assert not Application.objects.exists()


@pytest.mark.parametrize("damage", ["flip", "cut"])
def test_a_damaged_archive_fails_before_anything_is_restored(keyed, uploads, damage):
    make_site_data()
    archive = backup()
    data = bytearray(archive.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 1
    else:
        del data[-100:]
    archive.write_bytes(bytes(data))
    empty_database()
    with pytest.raises(CommandError, match="damaged|cut short|wrong BACKUP_KEY"):
        call_command("restore", str(archive))
    assert not Application.objects.exists()


def test_without_a_key_nothing_runs(settings, uploads, tmp_path):
    settings.BACKUP_KEY = ""
    settings.BACKUP_DIR = str(tmp_path / "backups")
    with pytest.raises(CommandError, match="BACKUP_KEY"):
        call_command("backup")
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_restore_refuses_a_database_or_storage_with_data_unless_forced(keyed, uploads, settings, tmp_path):
    make_site_data()
    counts = row_counts()
    archive = backup()
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(archive))
    make_application()  # a change after the backup, which --force replaces
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert row_counts() == counts

    empty_database()
    with pytest.raises(CommandError, match="storage is not empty"):
        call_command("restore", str(archive))


def test_backup_and_restore_with_uploads_on_s3(keyed, s3_storage, settings):
    make_site_data()
    counts, before = row_counts(), files()
    assert before
    archive = backup()

    empty_database()
    options = settings.STORAGES["default"]["OPTIONS"]
    fresh = f"{s3_storage}-restore"
    boto3.client("s3", endpoint_url=options["endpoint_url"], region_name="us-east-1").create_bucket(Bucket=fresh)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {**options, "bucket_name": fresh}},
    }
    assert files() == {}
    call_command("restore", str(archive), stdout=io.StringIO())
    assert row_counts() == counts and files() == before
    assert django_settings.STORAGES["default"]["OPTIONS"]["bucket_name"] == fresh
