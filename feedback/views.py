from django.views.generic import TemplateView

from content.views import text_blocks


class FeedbackView(TemplateView):
    """Placeholder until the feedback form lands (issue 5)."""

    template_name = "feedback/feedback.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(texts=text_blocks("feedback_intro"), **kwargs)
