"""Feeds and discovery: Atom per section and overall, sitemap with hreflang, canonical links,
OpenGraph/Twitter cards and JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings

from tests.content_helpers import image_upload, make_post

pytestmark = pytest.mark.usefixtures("party_content")
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://party.example"


def json_ld(content):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))


@override_settings(SITE_URL=SITE)
def test_atom_feeds_overall_and_per_section(client):
    news = make_post(title="خبر للخلاصة", summary_ar="ملخص الخبر")
    make_post(section="culture", title="منشور ثقافي")
    response = client.get("/feed/")
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    feed = ET.fromstring(response.content)
    entries = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert entries == ["منشور ثقافي", "خبر للخلاصة"] or set(entries) == {"منشور ثقافي", "خبر للخلاصة"}
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert SITE + news.get_absolute_url() in links
    section = ET.fromstring(client.get("/news/feed/").content)
    assert [e.find(f"{ATOM}title").text for e in section.findall(f"{ATOM}entry")] == ["خبر للخلاصة"]
    english = ET.fromstring(client.get("/en/news/feed/").content)
    assert english.find(f"{ATOM}link").get("href") == SITE + "/en/news/"
    assert client.get("/nosuch/feed/").status_code == 404


@override_settings(SITE_URL=SITE)
def test_sitemap_lists_pages_sections_and_posts_with_hreflang_alternates(client):
    post = make_post(title="منشور في الخريطة", title_en="A post on the map")
    content = client.get("/sitemap.xml").content.decode()
    for path in ("/", "/about/", "/news/", "/media/", post.get_absolute_url()):
        assert f"<loc>{SITE}{path}</loc>" in content, path
    assert f"<loc>{SITE}/en{post.get_absolute_url()}</loc>" in content
    assert f"<loc>{SITE}/ckb/news/</loc>" in content
    assert f'hreflang="ar" href="{SITE}/news/"' in content
    assert f'hreflang="en" href="{SITE}/en/news/"' in content
    assert f'hreflang="ckb" href="{SITE}/ckb/news/"' in content
    assert f'hreflang="x-default" href="{SITE}/news/"' in content


def test_robots_points_at_the_sitemap(client):
    content = client.get("/robots.txt").content.decode()
    assert "Sitemap:" in content and content.strip().endswith("/sitemap.xml")


def test_robots_hides_search_in_every_language_and_lets_the_sitemap_pages_be_indexed(client):
    """Search results are endless and thin; joining and feedback are pages people look for."""
    content = client.get("/robots.txt").content.decode()
    disallowed = sorted(line.split(":", 1)[1].strip() for line in content.splitlines() if line.startswith("Disallow"))
    assert disallowed == ["/ckb/search/", "/en/search/", "/search/"]
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/join/", "/feedback/", "/en/join/", "/ckb/feedback/"):
        assert f"{path}</loc>" in sitemap


@override_settings(SITE_URL=SITE)
def test_post_page_has_canonical_social_cards_and_article_json_ld(client):
    post = make_post(title="خبر مهم", summary_ar="ملخص", cover_image=image_upload("c.jpg", size=(1400, 900)))
    content = client.get(post.get_absolute_url() + "?utm_source=x").content.decode()
    assert f'<link rel="canonical" href="{SITE}{post.get_absolute_url()}">' in content
    assert f'<link rel="alternate" hreflang="en" href="{SITE}/en{post.get_absolute_url()}' in content
    assert '<meta property="og:type" content="article">' in content
    assert '<meta property="og:title" content="خبر مهم">' in content
    assert re.search(rf'<meta property="og:image" content="{SITE}/uploads/[^"]+\.webp">', content)
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    data = json_ld(content)
    assert data["@type"] == "NewsArticle" and data["headline"] == "خبر مهم"
    assert data["publisher"]["@type"] == "Organization" and data["image"][0].startswith(SITE)
    article = make_post(section="articles", title="مقال")
    assert json_ld(client.get(article.get_absolute_url()).content.decode())["@type"] == "Article"


def test_json_ld_cannot_break_out_of_its_script(client):
    post = make_post(title="</script><script>alert(1)</script>")
    content = client.get(post.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in content
    assert json_ld(content)["headline"] == "</script><script>alert(1)</script>"


@override_settings(SITE_URL=SITE)
def test_home_and_sections_have_canonical_feeds_and_organization(client):
    home = client.get("/").content.decode()
    assert f'<link rel="canonical" href="{SITE}/">' in home
    assert 'type="application/atom+xml"' in home and 'href="/feed/"' in home
    org = json_ld(home)
    assert org["@type"] == "Organization" and org["url"] == SITE + "/" and org["logo"]["url"].startswith(SITE)
    section = client.get("/news/").content.decode()
    assert f'<link rel="canonical" href="{SITE}/news/">' in section and 'href="/news/feed/"' in section


@pytest.mark.parametrize("prefix,language", [("", "ar"), ("/en", "en"), ("/ckb", "ckb")])
def test_every_feed_declares_the_language_it_is_in(client, prefix, language):
    make_post(title="خبر للخلاصة")
    for url in (f"{prefix}/feed/", f"{prefix}/news/feed/"):
        feed = ET.fromstring(client.get(url).content)
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language, url


def _links(content, rel):
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)">', content)


@override_settings(SITE_URL=SITE)
@pytest.mark.parametrize("path", ["/about/", "/founding-statement/", "/privacy/", "/principles/", "/secretariat/"])
def test_standalone_pages_have_canonical_alternates_and_social_cards(client, path):
    content = client.get(path + "?utm_source=x&page=3&q=%3Cjunk%3E").content.decode()
    assert _links(content, "canonical") == [("", SITE + path)]
    alternates = dict(_links(content, "alternate"))
    assert alternates == {
        "ar": SITE + path,
        "en": SITE + "/en" + path,
        "ckb": SITE + "/ckb" + path,
        "x-default": SITE + path,
    }
    assert f'<meta property="og:url" content="{SITE}{path}">' in content
    assert re.search(r'<meta property="og:title" content="[^"]+">', content)
    assert "utm_source" not in content and "junk" not in content  # not echoed in the language switcher either


@override_settings(SITE_URL=SITE)
def test_section_pages_keep_only_their_page_number_in_canonical_and_alternates(client):
    for index in range(13):
        make_post(title=f"خبر رقم {index:02d}")
    page2 = client.get("/news/?page=2&utm_source=x").content.decode()
    assert _links(page2, "canonical") == [("", SITE + "/news/?page=2")]
    assert dict(_links(page2, "alternate"))["en"] == SITE + "/en/news/?page=2"
    assert 'href="/en/news/?page=2"' in page2 and "utm_source" not in page2
    # The first page is the plain address, in canonical links and in the pagination alike.
    page1 = client.get("/news/?page=1").content.decode()
    assert _links(page1, "canonical") == [("", SITE + "/news/")]
    assert 'href="/news/" rel="prev"' in page2 and "?page=1" not in page2 and "?page=1" not in page1
