from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from content.models import TextBlock

from .forms import ApplicationForm
from .models import format_reference
from .workflow import submit_application

SESSION_KEY = "membership_reference"


@method_decorator(never_cache, name="dispatch")
class JoinView(FormView):
    """The public application form. The valid application is saved by `submit_application`; the
    visitor is sent to /join/thanks/, which reads the reference from the session (never the URL)."""

    template_name = "membership/join.html"
    form_class = ApplicationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs):
        return super().get_context_data(texts=TextBlock.objects.texts("join_intro", "join_button"), **kwargs)

    def form_valid(self, form):
        application = submit_application(form.application_data(), language=get_language())
        self.request.session[SESSION_KEY] = application.reference
        return redirect("membership:thanks")


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    """The confirmation: the reference and what happens next, nothing else about the applicant.

    The reference is shown once and then removed from the session, so a shared or seized phone
    does not reveal later that its owner applied; a reload goes back to the form."""

    template_name = "membership/thanks.html"

    def get(self, request, *args, **kwargs):
        reference = request.session.pop(SESSION_KEY, None)
        if not reference:
            return redirect("membership:join")
        return self.render_to_response(self.get_context_data(reference=format_reference(reference)))
