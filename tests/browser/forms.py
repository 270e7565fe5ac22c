"""Fill a public form the way a person would, whatever its exact labels: by what each control is for.

The membership and feedback forms are built elsewhere; these helpers rely only on HTML semantics (input
types, `autocomplete`, `required`, labels), so the journeys keep working when the wording changes.
"""

import datetime
import re

from django.conf import settings

TODAY = datetime.date.today()
ADULT_BIRTH_DATE = TODAY.replace(year=TODAY.year - 30, day=min(TODAY.day, 28))

# autocomplete token → a value an Iraqi applicant would type
BY_AUTOCOMPLETE = {
    "given-name": "أحمد",
    "additional-name": "علي",
    "family-name": "الربيعي",
    "name": "أحمد علي حسن",
    "email": "ahmed@example.com",
    "tel": "07701234567",
    "tel-national": "07701234567",
    "bday": ADULT_BIRTH_DATE.isoformat(),
    "address-level2": "الكرادة",
    "address-level1": "بغداد",
    "organization-title": "مهندس",
}
BY_TYPE = {
    "email": "ahmed@example.com",
    "tel": "07701234567",
    "date": ADULT_BIRTH_DATE.isoformat(),
    "number": "1",
    "url": "https://example.com/",
}

CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea"


def control_facts(form):
    """What a person can see of each control: its kind, type, autocomplete, name, whether required."""
    return form.locator(CONTROLS).evaluate_all(
        """els => els.map((el, i) => ({i, tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(),
             name: el.name, autocomplete: (el.getAttribute('autocomplete') || '').split(' ').pop(),
             required: el.required,
             // a honeypot hides from people: invisible, out of the tab order, aria-hidden, or 1 px square
             visible: el.checkVisibility({visibilityProperty: true}) && el.tabIndex !== -1 &&
                      !el.closest('[aria-hidden=true]') && el.getBoundingClientRect().width > 2,
             options: el.tagName === 'SELECT' ? [...el.options].map(o => o.value) : []}))"""
    )


def fill_form(form, required_only=False, skip=()):
    """Give every (required) visible control a sensible value; names in `skip` are left alone."""
    controls = form.locator(CONTROLS)
    done_radio_groups = set()
    for fact in control_facts(form):
        if not fact["visible"] or fact["name"] in skip or (required_only and not fact["required"]):
            continue
        control = controls.nth(fact["i"])
        if fact["tag"] == "select":
            values = [v for v in fact["options"] if v]
            if values:
                control.select_option("baghdad" if "baghdad" in values else values[0])
        elif fact["type"] == "checkbox":
            if fact["required"]:
                control.check()
        elif fact["type"] == "radio":
            if fact["name"] not in done_radio_groups:
                control.check()
                done_radio_groups.add(fact["name"])
        elif fact["type"] == "file":
            continue
        elif fact["tag"] == "textarea":
            control.fill("أؤمن بمبادئ الحزب وأريد أن أعمل من أجل عراق ديمقراطي.")
        else:
            value = BY_AUTOCOMPLETE.get(fact["autocomplete"]) or BY_TYPE.get(fact["type"]) or "نص تجريبي"
            control.fill(value)


def field_for(form, *, input_type=None, label=None):
    """One control, found by type (e.g. "tel") or by a label pattern."""
    if input_type:
        return form.locator(f"input[type={input_type}]").first
    return form.get_by_label(re.compile(label, re.IGNORECASE)).first


def error_for(page, control):
    """The text of the error tied to a control through aria-describedby (what a screen reader announces)."""
    ids = (control.get_attribute("aria-describedby") or "").split()
    texts = [page.locator(f"[id='{i}']").inner_text() for i in ids if page.locator(f"[id='{i}']").count()]
    return " ".join(texts)


def let_forms_accept_quick_humans(settings_fixture):
    """A journey fills a form in under a second; switch off the anti-spam minimum fill time for the test.

    The anti-spam mechanism is built with the membership form (issue 4); whichever setting holds the
    minimum time (a name with MIN and SECONDS or TIME, and SPAM or FORM) is set to 0 here.
    """
    for name in dir(settings):
        upper = name.upper()
        if "MIN" in upper and ("SECOND" in upper or "TIME" in upper) and ("SPAM" in upper or "FORM" in upper):
            setattr(settings_fixture, name, 0)
