from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from content.models import TextBlock
from party_site.submissions import receipt_pk, thanks_receipt

from .forms import ApplicationForm
from .models import Application, format_reference
from .workflow import submit_application

RECEIPT_SALT = "membership.thanks"


@method_decorator(never_cache, name="dispatch")
class JoinView(FormView):
    """The public application form. The valid application is saved by `submit_application`; the
    visitor is sent to /join/thanks/<receipt>/, a signed, short-lived name of the committed row (the
    session plays no part: party_site/submissions.py). The same page sent twice leads there too."""

    template_name = "membership/join.html"
    form_class = ApplicationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs):
        return super().get_context_data(texts=TextBlock.objects.texts("join_intro", "join_button"), **kwargs)

    def form_valid(self, form):
        application = submit_application(
            form.application_data(), language=get_language(), submission_key=form.submission_key
        )
        return redirect("membership:thanks", receipt=thanks_receipt(application, RECEIPT_SALT))


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    """The confirmation: the reference and what happens next, nothing else about the applicant.

    The URL names no reference and works for SUBMISSION_THANKS_SECONDS only (a reload after a lost
    answer works), so a shared or seized phone does not reveal later what its owner applied with;
    after that, or without a valid receipt, it leads back to the form."""

    template_name = "membership/thanks.html"

    def get(self, request, *args, receipt="", **kwargs):
        pk = receipt_pk(receipt, RECEIPT_SALT)
        reference = Application.objects.filter(pk=pk).values_list("reference", flat=True).first() if pk else None
        if not reference:
            return redirect("membership:join")
        return self.render_to_response(self.get_context_data(reference=format_reference(reference)))
