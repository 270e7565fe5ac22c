"""The section index, the post page and the home page make the same number of database queries
whether there is 1 post (photo, attachment) or 30: no query per item.

Each page is requested once first: that first request makes the WebP renditions and fills
sorl-thumbnail's cache, as the admin does when a post is saved (content/renditions.py).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Chart
from tests.content_helpers import add_attachments, add_photos, image_upload, make_post

pytestmark = pytest.mark.usefixtures("party_content")


def build(count):
    """`count` posts in every section with covers; the first analysis post carries `count` photos,
    attachments and charts."""
    posts = []
    for section in ("news", "culture", "analysis", "studies", "articles", "media"):
        for index in range(count):
            posts.append(
                make_post(
                    section=section, title=f"{section} {index}", cover_image=image_upload(f"{section}{index}.jpg")
                )
            )
    target = next(post for post in posts if post.section_id == "analysis")
    add_photos(target, count)
    add_attachments(target, count)
    for index in range(count):
        Chart.objects.create(
            post=target, title_ar=f"رسم {index}", labels_ar="أ\nب", series_names_ar="س", values="1, 2", order=index
        )
    return target


def queries(client, url):
    client.get(url)  # warm the rendition cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/analysis/", "/media/", "POST"])
def test_query_count_does_not_grow_with_posts_photos_and_attachments(client, url):
    target = build(1)
    one = queries(client, target.get_absolute_url() if url == "POST" else url)
    target_many = build(30)
    many = queries(client, target_many.get_absolute_url() if url == "POST" else url)
    print(f"{url}: {one} queries with 1, {many} with 30")
    assert one == many


def test_staff_preview_of_a_post_with_30_photos_is_also_constant(client, content_editor):
    client.force_login(content_editor)
    small = build(1)
    one = queries(client, small.get_absolute_url())
    big = build(30)
    assert queries(client, big.get_absolute_url()) == one
