"""manage.py load_demo_content: a believable, clearly marked demo archive, loaded once and removable."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.html import strip_tags
from sorl.thumbnail.models import KVStore

from content.charts import chart_errors
from content.management.commands.load_demo_content import demo_posts, pdf_report
from content.models import Attachment, Chart, Photo, Post, Section
from content.seed.demo_content import DEMO_AUTHOR
from content.validators import validate_pdf

from .content_helpers import add_photos, make_post

pytestmark = pytest.mark.django_db

SECTIONS = ["news", "culture", "analysis", "studies", "articles", "media"]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True  # pytest-django runs tests with DEBUG off; the command wants DJANGO_DEBUG on


@pytest.fixture
def no_renditions(monkeypatch):
    """Renditions take most of the command's time; the first test checks they are made."""
    monkeypatch.setattr("content.models.refresh_renditions", lambda instance, force=False: [])


def load(*args):
    call_command("load_demo_content", *args)


def counts():
    return [model.objects.count() for model in (Post, Photo, Chart, Attachment)]


def test_a_small_archive_has_everything_in_every_section(debug):
    load("--posts-per-section", "1")  # the sections come with it: no load_party_content needed first
    assert Section.objects.count() == 6
    posts = {post.section_id: post for post in Post.objects.all()}
    assert sorted(posts) == sorted(SECTIONS)
    for post in posts.values():
        assert post.slug.startswith("demo-") and post.author_ar == DEMO_AUTHOR
        assert "محتوى تجريبي" in post.summary_ar and "محتوى تجريبي" in post.body_ar
        assert post.is_published and post.published_at < timezone.now()
        # a real upload: stored under a random name, its size recorded, about the weight of a photograph
        assert re.fullmatch(r"posts/covers/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", post.cover_image.name)
        assert post.cover_width >= 1500 and post.cover_height >= 900
        assert 60_000 < post.cover_image.size < 300_000
        assert 600 <= len(strip_tags(post.body_ar).split()) <= 1200
    assert posts["media"].photos.count() >= 6
    assert all(photo.width and photo.caption_ar for photo in posts["media"].photos.all())
    chart = posts["analysis"].charts.get()
    assert chart_errors(chart) == {}
    attachment = posts["studies"].attachments.get()
    assert attachment.size > 0 and attachment.file.name.endswith(".pdf")
    validate_pdf(attachment.file)
    assert posts["news"].featured and posts["analysis"].featured
    assert posts["news"].title_en and posts["news"].title_ckb
    assert KVStore.objects.exists()  # the renditions were made when each image was saved
    assert all(post.cover_renditions["card"] for post in posts.values())


def test_the_default_archive_has_twelve_posts_with_covers_per_section(debug, no_renditions):
    load()
    for section in SECTIONS:
        posts = Post.objects.published().filter(section_id=section)
        assert posts.count() == 12
        assert not posts.filter(cover_image="").exists()
    assert Post.objects.filter(section_id="media", photos__isnull=False).distinct().count() >= 2
    assert Chart.objects.filter(post__section_id="analysis").count() == 12
    assert Attachment.objects.filter(post__section_id="studies").count() == 12
    assert len(set(Post.objects.values_list("title_ar", flat=True))) == 72
    assert len(set(Post.objects.values_list("body_ar", flat=True))) == 72


def test_a_second_run_creates_nothing(debug, no_renditions):
    load("--posts-per-section", "2")
    before, files = counts(), default_storage.listdir("posts/covers/" + timezone.now().strftime("%Y/%m/"))[1]
    load("--posts-per-section", "2")
    assert counts() == before
    assert default_storage.listdir("posts/covers/" + timezone.now().strftime("%Y/%m/"))[1] == files
    load("--posts-per-section", "3")  # a larger archive adds only what is missing
    assert Post.objects.count() == 18


def test_dry_run_changes_nothing(debug):
    load("--posts-per-section", "1", "--dry-run")
    assert counts() == [0, 0, 0, 0]


def test_it_refuses_without_debug_unless_forced(settings, no_renditions):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        load("--posts-per-section", "1")
    assert Post.objects.count() == 0
    load("--posts-per-section", "1", "--force")
    assert Post.objects.count() == 6


def test_remove_deletes_the_demo_content_and_nothing_else(debug, party_content):
    mine = make_post(title="خبر كتبه المحررون")
    add_photos(mine, 1)
    lookalike = make_post(title="منشور باسم يشبه التجريبي", slug="demo-mine")  # staff's, despite the slug
    load("--posts-per-section", "1")
    demo_files = [post.cover_image.name for post in demo_posts()]
    demo_files += [photo.image.name for photo in Photo.objects.filter(post__in=demo_posts())]
    demo_files += [attachment.file.name for attachment in Attachment.objects.filter(post__in=demo_posts())]
    load("--remove")
    assert set(Post.objects.all()) == {mine, lookalike}
    assert Photo.objects.count() == 1 and Chart.objects.count() == 0 and Attachment.objects.count() == 0
    assert not any(default_storage.exists(name) for name in demo_files)
    assert default_storage.exists(mine.photos.get().image.name)
    assert Section.objects.count() == 6  # the party's own content stays


def test_the_pdf_is_well_formed():
    data = pdf_report("Demo study 1: water")
    validate_pdf(SimpleUploadedFile("r.pdf", data))
    # every cross-reference offset points at its object
    xref = int(data.rsplit(b"startxref\n", 1)[1].split()[0])
    entries = data[xref:].split(b"\n")[3:]
    offsets = [int(line[:10]) for line in entries if line.endswith(b" n ")]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
