"""sitemap.xml: every public page in the three languages, each with its hreflang alternates
(Arabic, the default, without a prefix; x-default points at it)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Post, Section

STATIC_PAGES = ["content:home", "content:about", "content:founding-statement", "content:principles",
                "content:secretariat", "content:privacy", "membership:join", "feedback:form"]  # fmt: skip


class PartySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticSitemap(PartySitemap):
    changefreq = "monthly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)


class SectionSitemap(PartySitemap):
    changefreq = "daily"

    def items(self):
        return list(Section.objects.all())


class PostSitemap(PartySitemap):
    def items(self):
        titles = [f"title_{code}" for code, _name in settings.LANGUAGES]
        return Post.objects.published().only("id", "section_id", "slug", "updated_at", "published_at", *titles)

    def get_languages_for_item(self, post):
        """Only the languages the post is written in: an untranslated post shown in Arabic under /en/
        is not another language version of it."""
        return [code for code in self._languages() if code == "ar" or getattr(post, f"title_{code}", None)]

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


SITEMAPS = {"pages": StaticSitemap, "sections": SectionSitemap, "posts": PostSitemap}
