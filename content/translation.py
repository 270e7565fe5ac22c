from modeltranslation.translator import TranslationOptions, register

from .models import (
    Attachment,
    Chart,
    Conference,
    Page,
    Photo,
    Post,
    Principle,
    SecretariatMember,
    Section,
    TextBlock,
)


@register(TextBlock)
class TextBlockTranslation(TranslationOptions):
    fields = ("text",)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Principle)
class PrincipleTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Conference)
class ConferenceTranslation(TranslationOptions):
    fields = ("name", "place", "notes")


@register(SecretariatMember)
class SecretariatMemberTranslation(TranslationOptions):
    fields = ("name", "portfolio", "bio")


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "cover_alt", "author")
    required_languages = {"ar": ("title",)}


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "alt")


@register(Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}


@register(Chart)
class ChartTranslation(TranslationOptions):
    fields = ("title", "labels", "series_names", "unit", "source")
    required_languages = {"ar": ("title", "labels", "series_names")}
