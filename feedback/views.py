from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from content.models import TextBlock

from .forms import FeedbackForm
from .workflow import receive_feedback


@method_decorator(never_cache, name="dispatch")  # what someone typed must not stay in a shared cache
class FeedbackView(FormView):
    """The public form: anyone may send an idea, opinion, question or complaint, anonymously if they like."""

    template_name = "feedback/feedback.html"
    form_class = FeedbackForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs):
        return super().get_context_data(texts=TextBlock.objects.texts("feedback_intro"), **kwargs)

    def form_valid(self, form):
        # Committed before the redirect; the thanks page needs no session. The same page sent twice
        # (a double click) is stored once and thanked again.
        receive_feedback(form.feedback_data(), language=get_language() or "", submission_key=form.submission_key)
        return redirect("feedback:thanks")


class ThanksView(TemplateView):
    template_name = "feedback/thanks.html"
