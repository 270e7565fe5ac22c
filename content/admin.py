from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import Conference, Page, Principle, SecretariatMember, Section, TextBlock


@admin.register(TextBlock)
class TextBlockAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "text")
    readonly_fields = ("key",)

    def has_add_permission(self, request):
        return False  # the places are fixed in code; the loader creates them

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ("title", "key", "updated_at")
    readonly_fields = ("key", "updated_at")
    fields = ("key", "title", "summary", "body", "updated_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Principle)
class PrincipleAdmin(TabbedTranslationAdmin):
    list_display = ("title", "order")
    list_editable = ("order",)
    fields = ("title", "body", "order", "key")


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
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
