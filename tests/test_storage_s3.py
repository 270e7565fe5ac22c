"""Uploads on S3-compatible object storage (a local moto server): stored private-named and without
metadata, read back, renditions made there too, and every URL on the site's own /uploads/."""

import io
import re

import boto3
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image

from content.models import Photo
from party_site.storage import UploadsStorage
from tests.content_helpers import image_upload, make_post
from tests.test_content_uploads_privacy import jpeg_with_gps

pytestmark = pytest.mark.usefixtures("party_content")
RANDOM_NAME = re.compile(r"^posts/covers/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")


def bucket_objects(bucket):
    client = boto3.client("s3", endpoint_url=settings.STORAGES["default"]["OPTIONS"]["endpoint_url"])
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return client, {item["Key"] for item in listing}


def test_an_image_uploaded_through_the_model_lands_in_the_bucket(s3_storage):
    post = make_post(cover_image=jpeg_with_gps(size=(1000, 600)))
    assert isinstance(post.cover_image.storage._wrapped, UploadsStorage)
    assert RANDOM_NAME.match(post.cover_image.name), post.cover_image.name
    client, keys = bucket_objects(s3_storage)
    assert post.cover_image.name in keys

    stored = client.get_object(Bucket=s3_storage, Key=post.cover_image.name)["Body"].read()
    with post.cover_image.open("rb") as file:
        assert file.read() == stored  # read back through the storage
    image = Image.open(io.BytesIO(stored))
    assert image.size == (1000, 600) and len(image.getexif()) == 0 and b"PhoneMaker" not in stored
    assert post.cover_image.url == f"/uploads/{post.cover_image.name}"


def test_renditions_are_made_in_the_bucket_and_served_from_uploads(s3_storage):
    post = make_post(cover_image=image_upload(size=(1300, 700)))
    Photo.objects.create(post=post, image=image_upload("p.jpg", size=(900, 600)))
    made = post.cover_renditions["cover"]  # worked out when the post was saved
    assert [width for _url, width, _w, _h in made] == [480, 800, 1200]
    _client, keys = bucket_objects(s3_storage)
    for url, _width, _w, _h in made:
        assert url.startswith("/uploads/") and url.removeprefix("/uploads/") in keys
    assert sum(1 for key in keys if key.endswith(".webp")) >= 3 + 2 + 1 + 2 + 1  # cover, card, share; gallery, full


def test_editor_uploads_and_any_name_get_a_same_origin_url(s3_storage):
    name = default_storage.save("editor/2026/12/a b.webp", io.BytesIO(b"RIFF0000WEBP"))
    assert default_storage.exists(name)
    assert default_storage.url(name) == "/uploads/editor/2026/12/a%20b.webp"
    assert not default_storage.url(name).startswith(("http:", "https:", "//"))
