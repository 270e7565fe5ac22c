from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from .admin_review import ReviewMarksAdminMixin
from .fields import RichTextField
from .models import (
    Attachment,
    Chart,
    Conference,
    HomePhoto,
    Page,
    Photo,
    Post,
    Principle,
    SecretariatMember,
    Section,
    TextBlock,
)
from .validators import validate_image

# CKEditor 5 decides the writing direction from its content language; it knows Sorani's
# right-to-left direction only under the code "ku".
EDITOR_CONTENT_LANGUAGE = {"ar": "ar", "en": "en", "ckb": "ku"}


class RichTextDirectionMixin:
    """Each language tab's editor writes in that language's direction, whatever the admin's language.

    The translation admin calls patch_translation_field for every per-language field; widgets
    share their config dict, so each gets its own copy with {"ui": …, "content": …}.
    """

    formfield_overrides = {RichTextField: {"widget": CKEditor5Widget}}

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if language and isinstance(field.widget, CKEditor5Widget):
            field.widget.config = {
                **field.widget.config,
                "language": {
                    "ui": "en" if get_language() == "en" else "ar",
                    "content": EDITOR_CONTENT_LANGUAGE.get(language, language),
                },
            }


@admin.register(TextBlock)
class TextBlockAdmin(ReviewMarksAdminMixin, TabbedTranslationAdmin):
    list_display = ("__str__", "text")
    readonly_fields = ("key",)

    def has_add_permission(self, request):
        return False  # the places are fixed in code; the loader creates them

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(ReviewMarksAdminMixin, RichTextDirectionMixin, TabbedTranslationAdmin):
    list_display = ("title", "key", "updated_at")
    readonly_fields = ("key", "updated_at")
    fields = ("key", "title", "summary", "body", "updated_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Principle)
class PrincipleAdmin(ReviewMarksAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "order")
    list_editable = ("order",)
    fields = ("title", "body", "order", "key")


@admin.register(Section)
class SectionAdmin(ReviewMarksAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "key", "order")
    list_editable = ("order",)
    readonly_fields = ("key",)
    fields = ("key", "title", "description", "order")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SecretariatMemberInline(TranslationTabularInline):
    model = SecretariatMember
    extra = 1
    fields = ("name", "role", "portfolio", "photo", "bio", "order")


@admin.register(Conference)
class ConferenceAdmin(TabbedTranslationAdmin):
    list_display = ("name", "held_on", "term", "member_count")
    date_hierarchy = "held_on"
    inlines = [SecretariatMemberInline]

    @admin.display(description=_("term"))
    def term(self, obj):
        return obj.term_years

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_member_count=Count("members"))

    @admin.display(description=_("members"), ordering="_member_count")
    def member_count(self, obj):
        return obj._member_count


# --- Posts


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.ImageField):
    """Several photos chosen at once; each is checked like any other upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = []
        errors = []
        for upload in files:
            try:
                image = super().clean(upload, initial)
                validate_image(image)
                cleaned.append(image)
            except forms.ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def https_by_default(db_field, kwargs):
    """A link typed without a scheme (www.youtube.com/…) is https, as Django 6 will assume."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return kwargs


def _formfield(db_field, **kwargs):
    # Django builds PostAdminForm's fields with this when the class is made, and again each time
    # the admin subclasses it in get_form(); the admin's own fields then come from
    # PostAdmin.formfield_for_dbfield. Both go through https_by_default.
    return db_field.formfield(**https_by_default(db_field, kwargs))


class PostAdminForm(forms.ModelForm):
    new_photos = MultipleImageField(
        label=_("Add photos to the gallery"),
        required=False,
        help_text=_("Choose several photos at once; add captions below after saving. Up to 10 MB each."),
    )

    class Meta:
        model = Post
        fields = "__all__"  # noqa: DJ007 - PostAdmin.fieldsets choose the fields shown
        formfield_callback = _formfield


class PhotoInline(TranslationTabularInline):
    model = Photo
    extra = 0
    fields = ("image", "caption", "alt", "order")


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ("title", "file", "size_display", "order")
    readonly_fields = ("size_display",)

    @admin.display(description=_("size"))
    def size_display(self, obj):
        from django.template.defaultfilters import filesizeformat

        return filesizeformat(obj.size) if obj.pk else "—"


class ChartInline(TranslationStackedInline):
    model = Chart
    extra = 0
    fields = ("title", "kind", "labels", "series_names", "values", "unit", "source", "order")


@admin.register(Post)
class PostAdmin(RichTextDirectionMixin, TabbedTranslationAdmin):
    form = PostAdminForm
    list_display = ("title", "section", "state", "published_at", "featured", "preview")
    list_filter = ("section", "status", "featured")
    list_select_related = ("section",)
    search_fields = ("title_ar", "title_en", "title_ckb", "summary_ar")
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    inlines = [PhotoInline, AttachmentInline, ChartInline]
    fieldsets = (
        (None, {"fields": ("section", "title", "slug", "summary", "body", "author")}),
        (_("Publication"), {"fields": ("status", "published_at", "featured")}),
        (_("Cover image"), {"fields": ("cover_image", "cover_alt")}),
        (_("Video"), {"fields": ("video_url", "video_file", "video_poster")}),
        (_("Photo gallery"), {"fields": ("new_photos",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return super().formfield_for_dbfield(db_field, request, **https_by_default(db_field, kwargs))

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_published:
            return _("Published")
        if obj.is_scheduled:
            return _("Scheduled")
        return _("Draft")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View on site"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        new_photos = form.cleaned_data.get("new_photos") or []
        if new_photos:
            start = (post.photos.order_by("-order").values_list("order", flat=True).first() or 0) + 1
            for offset, upload in enumerate(new_photos):
                Photo.objects.create(post=post, image=upload, order=start + offset)

    @admin.action(description=_("Publish the selected posts"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(status=Post.Status.PUBLISHED)
        self.message_user(
            request, ngettext("%(count)d post published.", "%(count)d posts published.", count) % {"count": count}
        )

    @admin.action(description=_("Return the selected posts to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Post.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d post returned to draft.", "%(count)d posts returned to draft.", count)
            % {"count": count},
            messages.WARNING,
        )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("published_at", timezone.now())
        return initial


@admin.register(HomePhoto)
class HomePhotoAdmin(admin.ModelAdmin):
    """The home page's photograph: upload one and it is shown (the newest wins); delete it to go back
    to the plain background."""

    list_display = ("preview", "__str__", "created_at")
    fields = ("image", "note", "preview")
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        items = (obj.renditions or {}).get("hero") if obj and obj.pk else None
        if not items:
            return "—"
        return format_html('<img src="{}" alt="" width="240" style="height:auto">', items[0][0])
