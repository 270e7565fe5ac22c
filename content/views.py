from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, View

from .charts import chart_csv
from .fields import RandomName, without_metadata
from .models import (
    Attachment,
    Chart,
    Conference,
    Page,
    Photo,
    Post,
    Principle,
    SearchDocument,
    SecretariatMember,
    Section,
    TextBlock,
)
from .renditions import renditions
from .search import query_words
from .validators import validate_image

HOME_POSTS_PER_SECTION = 3
POSTS_PER_PAGE = 12
RESULTS_PER_PAGE = 10
RELATED_POSTS = 3
# Whoever writes rich text in the admin: posts and the standalone pages.
EDITOR_UPLOAD_PERMISSIONS = ("content.add_post", "content.change_post", "content.change_page")
EDITOR_IMAGE_SIDE = 2000  # wider than the text column on any screen; a 24-megapixel photo is 6000


def text_blocks(*keys):
    """The fixed texts by key; a missing one is an empty string, never an error."""
    found = dict(TextBlock.objects.filter(key__in=keys).values_list("key", "text"))
    return {key: found.get(key, "") for key in keys}


def listing(queryset):
    """Posts as cards need: the photo count (the media section shows it) and nothing per row."""
    return queryset.annotate(photo_count=Count("photos")).defer("body", "body_ar", "body_en", "body_ckb")


def paginate(request, items, per_page):
    """A page of items; a page number that is not a number or out of range is a 404."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


class HomeView(TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["texts"] = text_blocks(
            "hero", "vision", "secretariat_teaser", "secretariat_cta", "join_intro", "join_button", "feedback_intro"
        )
        context["principles"] = Principle.objects.all()
        sections = list(Section.objects.all())
        # The latest posts of every section in one query (a window over each section).
        latest = listing(
            Post.objects.published().annotate(
                position=Window(
                    RowNumber(), partition_by=[F("section_id")], order_by=[F("published_at").desc(), F("id").desc()]
                )
            )
        ).filter(position__lte=HOME_POSTS_PER_SECTION)
        by_section = {}
        for post in latest.order_by("section_id", "position"):
            by_section.setdefault(post.section_id, []).append(post)
        for section in sections:
            section.latest_posts = by_section.get(section.key, [])
        context["sections"] = sections
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


class SectionView(TemplateView):
    """A section's posts: featured first, then newest, paginated."""

    template_name = "content/section.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = get_object_or_404(Section, key=kwargs["section"])
        posts = listing(Post.objects.published().filter(section=section)).order_by("-featured", "-published_at", "-id")
        context.update(section=section, page_obj=paginate(self.request, posts, POSTS_PER_PAGE))
        return context


def visible_post(request, pk):
    """The post at this address, if this visitor may see it: published, or any post for staff
    who may read posts in the admin (a membership officer is staff, but not a reader of drafts)."""
    user = request.user
    may_preview = user.is_staff and user.has_perm("content.view_post")
    posts = Post.objects.all() if may_preview else Post.objects.published()
    post = get_object_or_404(posts.select_related("section"), pk=pk)
    return post


class PostView(TemplateView):
    template_name = "content/post.html"

    def get(self, request, section, pk, slug=None):
        post = visible_post(request, pk)
        if slug != post.slug or section != post.section_id:
            return redirect(post.get_absolute_url(), permanent=True)
        self.post_object = post
        response = super().get(request, section=section, pk=pk, slug=slug)
        if not post.is_published:
            add_never_cache_headers(response)  # a staff preview is never cached or shared
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.post_object
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
        "articleSection": post.section.title,
        "author": (
            {"@type": "Person", "name": post.author}
            if post.author
            else {"@type": "Organization", "name": str(settings.PARTY_NAME), "url": settings.SITE_URL + "/"}
        ),
        "publisher": organization_data(),
    }
    share = renditions(post.cover_image, post.cover_width, "share") if post.cover_image else []
    if share:
        data["image"] = [settings.SITE_URL + share[-1][0].url]
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
        post = visible_post(request, pk)
        chart = get_object_or_404(Chart, pk=chart, post=post)
        try:
            text = chart_csv(chart)
        except ValueError:
            raise Http404 from None  # numbers stored before today's checks, which cannot be read
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="chart-{chart.pk}.csv"'
        return response


class SearchView(TemplateView):
    template_name = "content/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())[:200]
        context["query"] = query
        context["searched"] = bool(query_words(query))
        if context["searched"]:
            context["page_obj"] = paginate(self.request, SearchDocument.objects.search(query), RESULTS_PER_PAGE)
            context["page_query"] = urlencode({"q": query})
        context["sections"] = Section.objects.all()
        return context


@staff_member_required
@require_POST
def editor_upload(request):
    """Images pasted or dropped into the editor: checked like any other upload, re-encoded
    without their metadata (EXIF may hold where a photo was taken) and at most EDITOR_IMAGE_SIDE
    pixels a side, then stored under a random name (the original name may carry personal data)."""
    if not any(request.user.has_perm(perm) for perm in EDITOR_UPLOAD_PERMISSIONS):
        return JsonResponse({"error": {"message": _("You may not upload images.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("No file was sent.")}}, status=400)
    try:
        validate_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    cleaned, kind = without_metadata(upload, max_side=EDITOR_IMAGE_SIDE)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}.get(kind, "jpg")
    name = default_storage.save(RandomName("editor/%Y/%m/")(None, f"image.{extension}"), cleaned)
    return JsonResponse({"url": default_storage.url(name)})
