from modeltranslation.translator import TranslationOptions, register

from .models import Conference, Page, Principle, SecretariatMember, Section, TextBlock


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
