"""Every public page type, once: the accessibility, keyboard and screenshot tests run over this list.

When a new kind of page lands (a post, search, the real join and feedback forms), add it here with the
data it needs, and it is checked in both languages, at both sizes, and photographed.
"""

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image

LANGUAGE_PREFIXES = {"ar": "", "en": "/en"}


def with_secretariat():
    """A current secretariat (with a photo) and an earlier one on record."""
    from content.models import Conference, SecretariatMember

    today = datetime.date.today()
    earlier = Conference.objects.create(
        name="المؤتمر التأسيسي", name_en="The founding conference", held_on=today.replace(year=today.year - 5)
    )
    current = Conference.objects.create(
        name="المؤتمر العام الأول", name_en="The first general conference", held_on=today.replace(year=today.year - 1)
    )
    SecretariatMember.objects.create(conference=earlier, name="سالم عبد الكريم", role="secretary_general")
    photo = io.BytesIO()
    Image.new("RGB", (400, 400), (90, 110, 130)).save(photo, "PNG")
    leader = SecretariatMember(
        conference=current,
        name="أحمد علي حسن",
        name_en="Ahmed Ali Hasan",
        role="secretary_general",
        bio="محامٍ من بغداد، عمل في الدفاع عن الحريات العامة.",
        bio_en="A lawyer from Baghdad who has worked for civil liberties.",
    )
    leader.photo.save("leader.png", ContentFile(photo.getvalue()), save=True)
    SecretariatMember.objects.create(conference=current, name="زينب كاظم", name_en="Zainab Kadhim", role="deputy")
    for order, (name, portfolio) in enumerate([("مصطفى جبار", "التنظيم"), ("نور الهدى صالح", "الإعلام")]):
        SecretariatMember.objects.create(conference=current, name=name, role="member", portfolio=portfolio, order=order)


def nothing():
    pass


# name → (path without language prefix, what the page needs besides the party's text, expected status)
PAGE_TYPES = {
    "home": ("/", nothing, 200),
    "about": ("/about/", nothing, 200),
    "founding-statement": ("/founding-statement/", nothing, 200),
    "privacy": ("/privacy/", nothing, 200),
    "principles": ("/principles/", nothing, 200),
    "secretariat-empty": ("/secretariat/", nothing, 200),
    "secretariat": ("/secretariat/", with_secretariat, 200),
    "section": ("/news/", nothing, 200),
    "not-found": ("/no-such-page/", nothing, 404),
    "join": ("/join/", nothing, 200),
    "feedback": ("/feedback/", nothing, 200),
}


def localized(path, lang):
    return LANGUAGE_PREFIXES[lang] + path


def open_page(page, path, lang, status=200):
    """Go to the page in a language, check the answer, and wait until its web fonts are in use."""
    response = page.goto(localized(path, lang))
    assert response.status == status, f"{localized(path, lang)} answered {response.status}"
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return response
