from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from .models import Conference, Page, Principle, SecretariatMember, Section, TextBlock


def text_blocks(*keys):
    """The fixed texts by key; a missing one is an empty string, never an error."""
    found = dict(TextBlock.objects.filter(key__in=keys).values_list("key", "text"))
    return {key: found.get(key, "") for key in keys}


class HomeView(TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["texts"] = text_blocks(
            "hero", "vision", "secretariat_teaser", "secretariat_cta", "join_intro", "join_button", "feedback_intro"
        )
        context["principles"] = Principle.objects.all()
        context["sections"] = Section.objects.all()
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
            texts=text_blocks("join_intro", "join_button"),
        )
        return context


class SectionView(TemplateView):
    template_name = "content/section.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["section"] = Section.objects.get(key=kwargs["section"])
        except Section.DoesNotExist:
            raise Http404 from None
        return context
