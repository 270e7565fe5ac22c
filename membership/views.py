from django.views.generic import TemplateView

from content.views import text_blocks


class JoinView(TemplateView):
    """Placeholder until the membership application form lands (issue 4)."""

    template_name = "membership/join.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(texts=text_blocks("join_intro", "join_button"), **kwargs)
