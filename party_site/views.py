import logging

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import Resolver404, resolve
from django.views.decorators.cache import never_cache

from .antispam import AntiSpamFormMixin
from .context_processors import site

logger = logging.getLogger(__name__)

# The designed error pages, in the visitor's language (the URL's), like the 404. None of them needs
# the database or the Host header: a forged Host is one of the errors they answer.


def server_error(request):
    """The designed 500 page. It needs no database: only the language, from the URL."""
    try:
        html = render_to_string("500.html", {"request": request, **site(request)})
    except Exception:  # the template itself failed: still answer, plainly
        logger.exception("The 500 page could not be rendered")
        html = "<!doctype html><title>500</title><h1>خطأ في الخادم · Server error</h1>"
    return HttpResponseServerError(html)


@never_cache
def bad_request(request, exception=None):
    """400 for a forged Host, a broken multipart body, too many fields or a body that is not UTF-8;
    413 for a body over the limit (Django raises RequestDataTooBig, a kind of bad request)."""
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


@never_cache
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@never_cache
def csrf_failure(request, reason=""):
    """The CSRF check failed: most often a form left open too long, or cookies blocked.

    A public form (join, feedback) is shown again with what was typed, and a notice at its top; its
    anti-spam checks run only when it is sent again. Any other form (the admin's) is not re-filled:
    a page that offered to resend a cross-site request's data would undo the protection itself."""
    form_page = _public_form_view(request)
    if form_page is not None:
        form = form_page.get_form_class()(initial=_typed_values(request, form_page), request=request)
        context = form_page.get_context_data(form=form, form_expired=True)
        return render(request, form_page.template_name, context, status=403)
    form_url = "/" if request.path.startswith("//") else request.path
    return render(request, "403_csrf.html", {"form_url": form_url}, status=403)


def _public_form_view(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    form_class = getattr(view_class, "form_class", None)
    if form_class is None or not issubclass(form_class, AntiSpamFormMixin):
        return None
    view = view_class()
    view.setup(request, *match.args, **match.kwargs)
    return view


def _typed_values(request, view) -> dict:
    """What the visitor typed, read by each field's widget as a bound form would read it."""
    form = view.get_form_class()(request=request)
    return {
        name: field.widget.value_from_datadict(request.POST, {}, form.add_prefix(name))
        for name, field in form.fields.items()
    }


def favicon(request):
    """Browsers ask for /favicon.ico even when a page names its icon (the admin names none)."""
    return HttpResponsePermanentRedirect(static("img/emblem.svg"))
