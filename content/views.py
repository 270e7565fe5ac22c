from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView, View

from .charts import chart_csv
from .models import (
    Attachment,
    Chart,
    Conference,
    HomePhoto,
    Page,
    Photo,
    Post,
    Principle,
    SearchDocument,
    SecretariatMember,
    Section,
    TextBlock,
    texts_from,
)
from .prepared import PreparedQuery
from .search import query_words
from .workflow import sees_only_own

HOME_POSTS_PER_SECTION = 3
POSTS_PER_PAGE = 12
RESULTS_PER_PAGE = 10
RELATED_POSTS = 3


# What a post's card shows (content/includes/post_card.html), in every language: nothing more is read.
CARD_FIELDS = [
    "id",
    "section",
    "slug",
    "status",
    "published_at",
    "featured",
    "cover_image",
    "cover_width",  # an image field reads its width and height when a row is loaded
    "cover_height",
    "cover_renditions",
    "video_poster",
    "poster_width",
    "poster_height",
    "poster_renditions",
    "video_url",
    "video_file",
    *(f"{field}_{code}" for field in ("title", "summary") for code, _name in settings.LANGUAGES),
]


def listing(queryset):
    """Posts as cards need: their card's fields and the photo count (the media section shows it),
    and nothing per row."""
    return queryset.annotate(photo_count=Count("photos")).only(*CARD_FIELDS)


class ElidedPagesMixin:
    """ListView's page, with the page numbers the pagination shows (1 … 4 5 6 7 8 … 20)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            page.elided_range = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
        return context


def _home_choice(at):
    """The posts the home page shows as asked at the moment `at`: the first HOME_POSTS_PER_SECTION + 1
    of each section and the newest featured post (see home_posts()). The ranking reads narrow columns
    of every published post; the cards' rows, with their photo counts, are read for the chosen few."""
    newest = [F("published_at").desc(), F("id").desc()]
    chosen = (
        Post.objects.published(at=at)
        .annotate(
            position=Window(RowNumber(), partition_by=[F("section_id")], order_by=newest),
            featured_position=Window(RowNumber(), partition_by=[F("featured")], order_by=newest),
        )
        .filter(Q(position__lte=HOME_POSTS_PER_SECTION + 1) | Q(featured_position=1))
        .values("pk")
    )
    return listing(Post.objects.filter(pk__in=chosen)).order_by("section_id", "-published_at", "-id")


# Compiled once per process: Django's compiling of this query cost more than running it (content/prepared.py).
HOME_CHOICE = PreparedQuery(_home_choice)


def home_posts():
    """(the featured post or None, {section key: its latest posts}) for the home page, in one query.

    Each post is ranked in its section, and among the featured posts or among the others: the
    newest featured post is first among them (the newest of the others, also read, is first in its
    section anyway). One more post than shown is read per section, for when the featured post is
    among them."""
    posts = HOME_CHOICE()
    featured = max(
        (post for post in posts if post.featured), key=lambda post: (post.published_at, post.pk), default=None
    )
    by_section = {}
    for post in posts:  # in each section, newest first
        latest = by_section.setdefault(post.section_id, [])
        if post is not featured and len(latest) < HOME_POSTS_PER_SECTION:
            latest.append(post)
    return featured, {key: latest for key, latest in by_section.items() if latest}


# What else the home page reads, compiled once per process too (content/prepared.py).
HOME_TEXT_KEYS = (
    "hero",
    "vision",
    "secretariat_teaser",
    "secretariat_cta",
    "join_intro",
    "join_button",
    "feedback_intro",
)
HOME_TEXTS = PreparedQuery(lambda: TextBlock.objects.filter(key__in=HOME_TEXT_KEYS), moment=False)
HOME_PRINCIPLES = PreparedQuery(lambda: Principle.objects.all(), moment=False)
HOME_PHOTO = PreparedQuery(lambda: HomePhoto.objects.current_queryset(), moment=False)
HOME_SECTIONS = PreparedQuery(lambda: Section.objects.all(), moment=False)


class HomeView(TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["texts"] = texts_from([vars(block) for block in HOME_TEXTS()], HOME_TEXT_KEYS)
        context["principles"] = HOME_PRINCIPLES()
        context["hero_photo"] = next(iter(HOME_PHOTO()), None)
        featured, by_section = home_posts()
        # The latest post staff marked as featured leads the page (and is not repeated below it).
        context["featured"] = featured
        sections = HOME_SECTIONS()
        for section in sections:
            section.latest_posts = by_section.get(section.key, [])
        context["sections"] = sections
        context["has_latest"] = bool(by_section)  # a fresh install has no posts: no empty band
        context["structured_data"] = {
            "@context": "https://schema.org",
            **organization_data(),
            "alternateName": "حزب الاستقلال الوطني",
            "description": context["texts"]["hero"],
            "foundingDate": "2024",
            "foundingLocation": {"@type": "Place", "name": "Baghdad, Iraq"},
        }
        return context


class PageView(TemplateView):
    """A standalone page found by its fixed key (set in the URL configuration)."""

    template_name = "content/page.html"
    key = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = get_object_or_404(Page, key=self.key)
        return context


class PrinciplesView(TemplateView):
    template_name = "content/principles.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["principles"] = Principle.objects.all()
        return context


class SecretariatView(TemplateView):
    template_name = "content/secretariat.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = Conference.objects.current()
        members = []
        if current:
            members = sorted(current.members.all(), key=lambda m: (m.role_rank, m.order, m.id))
        context.update(
            page=Page.objects.filter(key=Page.Key.SECRETARIAT).first(),
            conference=current,
            leaders=[m for m in members if m.role != SecretariatMember.Role.MEMBER],
            members=[m for m in members if m.role == SecretariatMember.Role.MEMBER],
            earlier=(
                Conference.objects.filter(held_on__lt=current.held_on).prefetch_related("members") if current else []
            ),
        )
        return context


def _section_posts(at, start, stop, section):
    posts = listing(Post.objects.published(at=at).filter(section_id=section))
    return posts.order_by("-featured", "-published_at", "-id")[start:stop]


def _section_count(at, section):
    published = Post.objects.published(at=at).filter(section_id=section).order_by()
    return published.values("section_id").annotate(count=Count("pk")).values("count")


# Compiled once per process (content/prepared.py): one SQL per page's bounds.
SECTION_POSTS = PreparedQuery(_section_posts)
SECTION_COUNT = PreparedQuery(_section_count)


class SectionPosts:
    """A section's published posts as the paginator reads them: how many, and a page of them
    (featured first, then newest), both as asked at the same moment."""

    def __init__(self, section):
        self.section = section
        self.at = timezone.now()

    def count(self):
        return SECTION_COUNT.value(at=self.at, section=self.section.key) or 0

    def __getitem__(self, bounds):
        if bounds.stop <= bounds.start:  # an empty section's only page
            return []
        return SECTION_POSTS(at=self.at, shape=(bounds.start, bounds.stop), section=self.section.key)


class SectionView(ElidedPagesMixin, ListView):
    """A section's posts: featured first, then newest, paginated."""

    template_name = "content/section.html"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        self.section = get_object_or_404(Section, key=self.kwargs["section"])
        return SectionPosts(self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


def visible_posts(request):
    """The posts this visitor may see: published ones, or every post for staff who may read posts
    in the admin (a membership officer is staff, but not a reader of drafts); a writer sees the
    published posts and their own."""
    # Only a request with a session can be staff: asking anyone else would read the session and
    # make the page vary on cookies, which keeps it out of the page cache.
    user = request.user if settings.SESSION_COOKIE_NAME in request.COOKIES else None
    may_preview = user is not None and user.is_staff and user.has_perm("content.view_post")
    if not may_preview:
        posts = Post.objects.published()
    elif sees_only_own(user):  # a writer previews their own posts, not other writers' drafts
        posts = Post.objects.published() | Post.objects.filter(created_by=user)
    else:
        posts = Post.objects.all()
    return posts.select_related("section")


class PostView(DetailView):
    """A post at its canonical address; a wrong or missing slug or section redirects there."""

    template_name = "content/post.html"

    def get_queryset(self):
        return visible_posts(self.request)

    def get(self, request, *args, **kwargs):
        self.object = post = self.get_object()
        if kwargs.get("slug") != post.slug or kwargs["section"] != post.section_id:
            return redirect(post.get_absolute_url(), permanent=True)
        response = self.render_to_response(self.get_context_data(object=post))
        if not post.is_published:
            add_never_cache_headers(response)  # a staff preview is never cached or shared
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.object
        related = listing(Post.objects.published().filter(section_id=post.section_id).exclude(pk=post.pk))
        photos = list(Photo.objects.filter(post=post))
        context.update(
            post=post,
            section=post.section,
            photos=photos,
            attachments=list(Attachment.objects.filter(post=post)),
            charts=list(Chart.objects.filter(post=post)),
            related=related[:RELATED_POSTS],
            preview=not post.is_published,
            # The media section, and posts that are only pictures or a video, lead with them.
            media_first=post.section_id == Section.Key.MEDIA or (not post.body and (photos or post.has_video)),
            absolute_url=settings.SITE_URL + post.get_absolute_url(),
            # what a printed page shows: it redirects to the full address (content:post-short)
            short_url=f"{settings.SITE_URL}{post.section_url}{post.pk}/",
            structured_data=post_structured_data(post),
        )
        return context


def post_structured_data(post):
    """schema.org NewsArticle (news) or Article, for search engines."""
    url = settings.SITE_URL + post.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if post.section_id == Section.Key.NEWS else "Article",
        "headline": post.title[:110],
        "description": post.summary,
        "url": url,
        "mainEntityOfPage": url,
        # The language the visitor reads it in: Arabic when this language's title falls back to it.
        "inLanguage": get_language() if getattr(post, f"title_{get_language()}", None) else "ar",
        "datePublished": post.published_at.isoformat(),
        "dateModified": max(post.updated_at, post.published_at).isoformat(),
        "articleSection": post.section.own_title,
        "author": (
            {"@type": "Person", "name": post.author}
            if post.author
            else {"@type": "Organization", "name": str(settings.PARTY_NAME), "url": settings.SITE_URL + "/"}
        ),
        "publisher": organization_data(),
    }
    share = post.cover_renditions.get("share")
    if share:
        data["image"] = [settings.SITE_URL + share[-1][0]]
    return data


def organization_data():
    return {
        "@type": "Organization",
        "name": str(settings.PARTY_NAME),
        "url": settings.SITE_URL + "/",
        "logo": {"@type": "ImageObject", "url": settings.SITE_URL + static("img/emblem.svg")},
    }


class ChartCsvView(View):
    def get(self, request, section, pk, chart):
        post = get_object_or_404(visible_posts(request), pk=pk)
        chart = get_object_or_404(Chart, pk=chart, post=post)
        try:
            text = chart_csv(chart)
        except ValueError:
            raise Http404 from None  # numbers stored before today's checks, which cannot be read
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="chart-{chart.pk}.csv"'
        return response


class SearchView(ElidedPagesMixin, ListView):
    """Results for ?q=, paginated; without a word to look for, no results and no pages."""

    template_name = "content/search.html"

    def get_queryset(self):
        self.query = " ".join(self.request.GET.get("q", "").split())[:200]
        self.searched = bool(query_words(self.query))
        return SearchDocument.objects.search(self.query) if self.searched else []

    def get_paginate_by(self, queryset):
        return RESULTS_PER_PAGE if self.searched else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, searched=self.searched, **kwargs)
        if self.searched:
            context["page_query"] = urlencode({"q": self.query})
        context["sections"] = Section.objects.all()
        return context
