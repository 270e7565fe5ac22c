"""Atom feeds: everything published, and one per section, in the visitor's language."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Post, Section

FEED_ITEMS = 20


class LatestPostsFeed(Feed):
    feed_type = Atom1Feed
    # `language` is read as an attribute, never called: left unset, Django uses the active language.

    def title(self):
        return str(settings.PARTY_NAME)

    def subtitle(self):
        return _("The latest from the National Independence Party")

    def link(self):
        return settings.SITE_URL + reverse("content:home")

    def feed_url(self):
        return settings.SITE_URL + reverse("content:feed")

    def get_queryset(self):
        return Post.objects.published().select_related("section")

    def items(self):
        return self.get_queryset()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return item.author or str(settings.PARTY_NAME)

    def item_categories(self, item):
        return [item.section.title]


class SectionFeed(LatestPostsFeed):
    def get_object(self, request, section):
        return get_object_or_404(Section, key=section)

    def title(self, section):
        return f"{section.title} · {settings.PARTY_NAME}"

    def subtitle(self, section):
        return section.description

    def link(self, section):
        return settings.SITE_URL + section.get_absolute_url()

    def feed_url(self, section):
        return settings.SITE_URL + reverse("content:section-feed", kwargs={"section": section.key})

    def items(self, section):
        return self.get_queryset().filter(section=section)[:FEED_ITEMS]
