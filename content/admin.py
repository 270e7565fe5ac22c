from datetime import timedelta

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, ngettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.widgets import CKEditor5Widget
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from reversion.models import Version

from . import revisions, workflow
from .admin_review import ReviewMarksAdminMixin
from .fields import PrivateImageField, RichTextField
from .models import (
    Attachment,
    Chart,
    Conference,
    HomePhoto,
    Page,
    Photo,
    Post,
    Principle,
    ReviewStep,
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


# --- Images as thumbnails, language tabs by name


def thumbnail_of(instance, image_name):
    """The smallest stored rendition of an image ({"url", "width", "height"}), or None. Read from
    the renditions worked out on save (content/renditions.py): no file or cache lookup."""
    renditions_name, _width, presets = instance.RENDITIONS[image_name]
    stored = getattr(instance, renditions_name) or {}
    for preset in presets:
        if stored.get(preset):
            url, _w, width, height = stored[preset][0]
            scale = min(1, 120 / max(width, height, 1))
            return {"url": url, "width": round(width * scale), "height": round(height * scale)}
    return None


class ThumbnailFileWidget(AdminFileWidget):
    """An image field in a form shows the current image as a thumbnail, not its (random) file name."""

    template_name = "content/admin/thumbnail_file_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        instance = getattr(value, "instance", None)
        field_name = getattr(getattr(value, "field", None), "name", None)
        if instance is not None and field_name in getattr(instance, "RENDITIONS", {}):
            context["thumbnail"] = thumbnail_of(instance, field_name)
        return context


def thumbnail_column(image_name, description):
    """A list column showing an image's thumbnail."""

    @admin.display(description=description)
    def column(self, obj):
        thumb = thumbnail_of(obj, image_name)
        if thumb is None:
            return "—"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="newsroom-thumb newsroom-thumb--list">',
            thumb["url"],
            round(thumb["width"] / 2),
            round(thumb["height"] / 2),
        )

    return column


class NewsroomMedia:
    """What every content admin page loads: thumbnails' and the word count's styles, and the
    language tabs named in their own languages (static files: the admin's CSP allows 'self' only)."""

    class Media:
        css = {"all": ["content/admin/newsroom.css"]}
        js = ["content/admin/newsroom.js"]


IMAGE_WIDGETS = {PrivateImageField: {"widget": ThumbnailFileWidget}}


# --- Versions


class VersionedForm(forms.ModelForm):
    version_comment = forms.CharField(
        label=_("Note on this change"),
        required=False,
        max_length=250,
        help_text=_("Optional: a few words on what you changed, shown in the list of versions."),
    )


class SavesInRevisions(NewsroomMedia):
    """Every save through this admin (the form, its inlines, list_editable, actions) is one
    revision (django-reversion), with the user. Items saved before versions were kept first get
    their current state recorded (content/revisions.py ensure_first_version)."""

    def first_versioned(self, obj):
        """The versioned items an edit of `obj` may change."""
        return [obj]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            obj = self.get_object(request, admin.utils.unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                for item in self.first_versioned(obj):
                    revisions.ensure_first_version(item)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and self.list_editable and self.has_change_permission(request):
            for obj in self.get_queryset(request):
                for item in self.first_versioned(obj):
                    revisions.ensure_first_version(item)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changelist_view(request, extra_context)


class VersionedAdmin(SavesInRevisions):
    """Every save through this admin keeps a version (django-reversion; content/revisions.py), with
    who saved it and the optional note. The history page lists the versions; any two can be
    compared; an earlier one can be restored."""

    form = VersionedForm
    change_form_template = "content/admin/versioned_change_form.html"
    object_history_template = "content/admin/versions.html"
    version_fieldset = (_("Versions"), {"fields": ("version_comment",)})

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), self.version_fieldset]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        comment = form.cleaned_data.get("version_comment")
        if comment:
            reversion.set_comment(comment)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/versions/compare/", wrap(self.compare_view), name="{}_{}_compare".format(*info)),
            path(
                "<path:object_id>/versions/<int:version_id>/restore/",
                wrap(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def may_restore(self, request, obj):
        return self.has_change_permission(request, obj)

    def _versioned_object(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied  # before the lookup, as PermissionBeforeLookupMixin does
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request, obj, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "original": obj,
            "may_restore": self.may_restore(request, obj),
            "history_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]),
            "compare_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_compare", args=[obj.pk]),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self._versioned_object(request, object_id)
        versions = list(revisions.versions_of(obj))
        for version in versions:
            version.restore_url = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_restore", args=[obj.pk, version.pk]
            )
        context = self._context(
            request,
            obj,
            title=_("Versions of “%(object)s”") % {"object": obj},
            versions=versions,
            **(extra_context or {}),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request, object_id):
        obj = self._versioned_object(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        chosen = [request.GET.get(name, "") for name in ("from", "to")]
        if not all(value.isdigit() for value in chosen):
            raise Http404
        older, newer = (get_object_or_404(versions, pk=value) for value in chosen)
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        changes = revisions.compare_versions(older, newer)
        context = self._context(
            request,
            obj,
            title=_("Changes in “%(object)s”") % {"object": obj},
            older=older,
            newer=newer,
            changes=changes,
        )
        return TemplateResponse(request, "content/admin/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        obj = self._versioned_object(request, object_id)
        if not self.may_restore(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        if request.method == "POST":
            revisions.restore(version, request.user, request.POST.get("comment", "").strip()[:200])
            self.message_user(
                request, _("The earlier version was restored; it is now the current version."), messages.SUCCESS
            )
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]))
        current = revisions.versions_of(obj).first()
        changes = revisions.compare_versions(current, version) if current else []
        context = self._context(
            request,
            obj,
            title=_("Restore an earlier version of “%(object)s”") % {"object": obj},
            version=version,
            current=current,
            changes=changes,
        )
        return TemplateResponse(request, "content/admin/restore.html", context)


@admin.register(TextBlock)
class TextBlockAdmin(ReviewMarksAdminMixin, VersionedAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "text")
    readonly_fields = ("key",)

    def has_add_permission(self, request):
        return False  # the places are fixed in code; the loader creates them

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(ReviewMarksAdminMixin, VersionedAdmin, RichTextDirectionMixin, TabbedTranslationAdmin):
    list_display = ("title", "key", "updated_at")
    readonly_fields = ("key", "updated_at")
    fields = ("key", "title", "summary", "body", "updated_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Principle)
class PrincipleAdmin(ReviewMarksAdminMixin, VersionedAdmin, TabbedTranslationAdmin):
    list_display = ("title", "order")
    list_editable = ("order",)
    fields = ("title", "body", "order", "key")


@admin.register(Section)
class SectionAdmin(ReviewMarksAdminMixin, VersionedAdmin, TabbedTranslationAdmin):
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
    formfield_overrides = IMAGE_WIDGETS


@admin.register(SecretariatMember)
class SecretariatMemberAdmin(VersionedAdmin, TabbedTranslationAdmin):
    """The secretariat's members in their own list, as well as inside their conference."""

    list_display = ("name", "photo_thumbnail", "role", "portfolio", "conference", "order")
    list_display_links = ("name", "photo_thumbnail")
    list_filter = ("conference", "role")
    list_select_related = ("conference",)
    search_fields = ("name_ar", "name_en", "name_ckb", "portfolio_ar")
    fields = ("conference", "name", "role", "portfolio", "photo", "bio", "order")
    formfield_overrides = IMAGE_WIDGETS
    photo_thumbnail = thumbnail_column("photo", _("photo"))


@admin.register(Conference)
class ConferenceAdmin(SavesInRevisions, TabbedTranslationAdmin):
    """A conference is not versioned itself; its members, edited inline here, are."""

    list_display = ("name", "held_on", "term", "member_count")
    date_hierarchy = "held_on"
    inlines = [SecretariatMemberInline]

    def first_versioned(self, obj):
        return list(obj.members.all())

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


class PostAdminForm(VersionedForm):
    review_comment = forms.CharField(
        label=_("Comment for the review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when sending a post back: tell the writer what to change."),
    )
    # Set by PostAdmin.get_form: the review step asked for by the button pressed, and who asked.
    review_step = None
    review_user = None

    new_photos = MultipleImageField(
        label=_("Add photos to the gallery"),
        required=False,
        help_text=_("Choose several photos at once; add captions below after saving. Up to 10 MB each."),
    )

    class Meta:
        model = Post
        fields = "__all__"  # noqa: DJ007 - PostAdmin.fieldsets choose the fields shown
        formfield_callback = _formfield

    def clean(self):
        cleaned = super().clean()
        step = self.review_step
        if step is None:
            return cleaned
        post = self.instance
        if step not in workflow.allowed_steps(post, self.review_user):
            raise forms.ValidationError(_("This step cannot be taken on this post now."), code="step_not_allowed")
        if step == workflow.SEND_BACK and not cleaned.get("review_comment", "").strip():
            self.add_error(
                "review_comment", forms.ValidationError(_("Tell the writer what to change."), code="required")
            )
        return cleaned


class PhotoInline(TranslationTabularInline):
    model = Photo
    verbose_name = pgettext_lazy("one more", "photo")  # «إضافة صورة» (party_site/admin_site.py)
    verbose_name_plural = Photo._meta.verbose_name_plural  # else Django makes it from the name above
    extra = 0
    fields = ("image", "caption", "alt", "order")
    formfield_overrides = IMAGE_WIDGETS


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


class StateFilter(admin.SimpleListFilter):
    """Where a post stands: the review's statuses, with "scheduled" told apart from "published"."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Post.Status.DRAFT, _("Draft")),
            (Post.Status.IN_REVIEW, _("Awaiting review")),
            (Post.Status.SENT_BACK, _("Sent back to the writer")),
            ("scheduled", _("Scheduled")),
            (Post.Status.PUBLISHED, _("Published")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())
        if value == Post.Status.PUBLISHED:
            return queryset & Post.objects.published()
        if value in (Post.Status.DRAFT, Post.Status.IN_REVIEW, Post.Status.SENT_BACK):
            return queryset.filter(status=value)
        return queryset


RECENT_DAYS = 7  # "recently published" on the admin index

STEP_LABELS = {
    workflow.SUBMIT: _("Save and submit for review"),
    workflow.SEND_BACK: _("Send back to the writer"),
    workflow.PUBLISH: _("Publish"),
    workflow.UNPUBLISH: _("Return to draft"),
}
STEP_DONE = {
    workflow.SUBMIT: _("The post was submitted for review."),
    workflow.SEND_BACK: _("The post was sent back to its writer."),
    workflow.PUBLISH: _("The post was published."),
    workflow.UNPUBLISH: _("The post was returned to draft."),
}


@admin.register(Post)
class PostAdmin(VersionedAdmin, RichTextDirectionMixin, TabbedTranslationAdmin):
    """Posts and their review (content/workflow.py). Writers see and edit their own posts while
    they are drafts or sent back, and submit them; editors (content.publish_post) see every post,
    send back, publish, schedule and return to draft. The buttons under the form take the steps."""

    form = PostAdminForm
    change_form_template = "content/admin/post_change_form.html"
    list_display = ("title", "cover_thumbnail", "section", "state", "published_at", "featured", "preview")
    list_filter = (StateFilter, "section", "featured")
    list_select_related = ("section",)
    search_fields = ("title_ar", "title_en", "title_ckb", "summary_ar")
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    inlines = [PhotoInline, AttachmentInline, ChartInline]
    readonly_fields = ("status", "review_history")
    formfield_overrides = {**RichTextDirectionMixin.formfield_overrides, **IMAGE_WIDGETS}
    fieldsets = (
        (None, {"fields": ("section", "title", "slug", "summary", "body", "author")}),
        (_("Publication"), {"fields": ("status", "published_at", "featured")}),
        (_("Cover image"), {"fields": ("cover_image", "cover_alt")}),
        (_("Video"), {"fields": ("video_url", "video_file", "video_poster")}),
        (_("Add photos"), {"fields": ("new_photos",)}),
        (_("Review"), {"fields": ("review_history", "review_comment")}),
    )
    cover_thumbnail = thumbnail_column("cover_image", _("cover image"))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return super().formfield_for_dbfield(db_field, request, **https_by_default(db_field, kwargs))

    # Who sees and changes what

    def get_queryset(self, request):
        posts = super().get_queryset(request)
        if workflow.sees_only_own(request.user):
            return posts.filter(created_by=request.user)  # a writer works on their own posts only
        return posts

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or workflow.may_edit(obj, request.user))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or workflow.may_edit(obj, request.user))

    def has_publish_permission(self, request):
        return workflow.may_publish(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.may_publish(request.user):
            actions.pop("delete_selected", None)  # a writer deletes a draft from its own page only
        return actions

    def may_restore(self, request, obj):
        return workflow.may_publish(request.user) and super().may_restore(request, obj)

    # The review steps

    @admin.display(description=_("review history"))
    def review_history(self, obj):
        """Each step so far: when, what, who, and the comment (a record, read-only)."""
        steps = obj.review_steps.select_related("by").order_by("at", "id") if obj and obj.pk else []
        if not steps:
            return "—"
        return format_html(
            '<ol class="newsroom-steps">{}</ol>',
            format_html_join(
                "",
                '<li><bdi dir="ltr">{}</bdi> · <strong>{}</strong> · {}{}</li>',
                (
                    (
                        timezone.localtime(step.at).strftime("%Y-%m-%d %H:%M"),
                        step.get_action_display(),
                        workflow.display_name(step.by),
                        format_html("<blockquote>{}</blockquote>", step.comment) if step.comment else "",
                    )
                    for step in steps
                ),
            ),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        step = request.POST.get("_step") if request.method == "POST" else None
        return type(form.__name__, (form,), {"review_step": step or None, "review_user": request.user})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        post = obj or Post(created_by=request.user)
        context["review_steps"] = [
            {"name": step, "label": STEP_LABELS[step]} for step in workflow.allowed_steps(post, request.user)
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        else:  # what the publication time was before this save (see save_related)
            form.stored_published_at = Post.objects.filter(pk=obj.pk).values_list("published_at", flat=True).first()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        new_photos = form.cleaned_data.get("new_photos") or []
        if new_photos:
            start = (post.photos.order_by("-order").values_list("order", flat=True).first() or 0) + 1
            for offset, upload in enumerate(new_photos):
                Photo.objects.create(post=post, image=upload, order=start + offset)
        step = form.review_step
        if step:
            # The publication time the form gives counts when it was changed or lies ahead;
            # otherwise publishing means now.
            publish_at = None
            if post.published_at != getattr(form, "stored_published_at", None) or post.published_at > timezone.now():
                publish_at = post.published_at
            comment = form.cleaned_data.get("review_comment", "")
            record = workflow.take_step(post, step, request.user, comment, publish_at)
            done = STEP_DONE[step]
            if record.action == ReviewStep.Action.SCHEDULED:
                done = _("The post was scheduled for %(when)s.") % {
                    "when": timezone.localtime(record.publish_at).strftime("%Y-%m-%d %H:%M")
                }
            self.message_user(request, done, messages.SUCCESS)

    def _take_step_on_each(self, request, queryset, step):
        done = 0
        for post in queryset:
            try:
                workflow.take_step(post, step, request.user)
                done += 1
            except workflow.StepNotAllowed:
                continue
        return done

    @admin.action(description=_("Publish the selected posts"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self._take_step_on_each(request, queryset, workflow.PUBLISH)
        self.message_user(
            request, ngettext("%(count)d post published.", "%(count)d posts published.", count) % {"count": count}
        )

    @admin.action(description=_("Return the selected posts to draft"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self._take_step_on_each(request, queryset, workflow.UNPUBLISH)
        self.message_user(
            request,
            ngettext("%(count)d post returned to draft.", "%(count)d posts returned to draft.", count)
            % {"count": count},
            messages.WARNING,
        )

    # The list

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return format_html(
                '{} <bdi dir="ltr">{}</bdi>',
                _("Scheduled for"),
                timezone.localtime(obj.published_at).strftime("%Y-%m-%d %H:%M"),
            )
        return obj.get_status_display()

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View on site"))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("published_at", timezone.now())
        return initial

    # The admin index (party_site/admin_site.py)

    def inbox(self, request):
        """Posts that wait: for editors, those submitted for review, the scheduled ones with their
        times and the recently published; for a writer, their own posts sent back or waiting."""
        changelist = reverse("admin:content_post_changelist")
        now = timezone.now()
        posts = self.get_queryset(request).select_related("section")

        def item(post, when=None):
            return {
                "label": str(post),
                "url": reverse("admin:content_post_change", args=[post.pk]),
                "when": when,
            }

        def panel(label, query, url_query, when=None, attention=False, limit=5):
            count = query.count()
            return {
                "label": label % {"count": count},
                "count": count,
                "url": f"{changelist}?{url_query}",
                "items": [item(post, when and getattr(post, when)) for post in query[:limit]],
                "attention": attention and count > 0,
            }

        panels = []
        waiting = posts.filter(status=Post.Status.IN_REVIEW).order_by("updated_at")
        if not workflow.sees_only_own(request.user):
            label = ngettext_lazy("%(count)d post awaiting review", "%(count)d posts awaiting review", "count")
            panels.append(panel(label, waiting, "state=review", attention=True))
        else:
            sent_back = posts.filter(status=Post.Status.SENT_BACK).order_by("-updated_at")
            label = ngettext_lazy(
                "%(count)d of your posts sent back to you", "%(count)d of your posts sent back to you", "count"
            )
            panels.append(panel(label, sent_back, "state=sent_back", attention=True))
            label = ngettext_lazy(
                "%(count)d of your posts awaiting review", "%(count)d of your posts awaiting review", "count"
            )
            panels.append(panel(label, waiting, "state=review"))
        scheduled = posts.filter(status=Post.Status.PUBLISHED, published_at__gt=now).order_by("published_at")
        label = ngettext_lazy("%(count)d scheduled post", "%(count)d scheduled posts", "count")
        panels.append(panel(label, scheduled, "state=scheduled", "published_at"))
        recent = (posts & Post.objects.published()).filter(published_at__gte=now - timedelta(days=RECENT_DAYS))
        label = ngettext_lazy(
            "%(count)d post published in the last 7 days", "%(count)d posts published in the last 7 days", "count"
        )
        panels.append(panel(label, recent.order_by("-published_at"), "state=published", "published_at"))
        return panels


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
