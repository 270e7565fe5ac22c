"""Every public page type, once: the accessibility, keyboard and screenshot tests run over this list.

When a new kind of page lands (a post, search, the real join and feedback forms), add it here with the
data it needs, and it is checked in all three languages, at both sizes, and photographed.
"""

import datetime
import io
from contextlib import contextmanager

from django.core.files.base import ContentFile
from PIL import Image

LANGUAGE_PREFIXES = {"ar": "", "ckb": "/ckb", "en": "/en"}
LANGUAGES = tuple(LANGUAGE_PREFIXES)


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


def with_posts():
    """A section with a featured post and others, with covers."""
    from tests.content_helpers import image_upload, make_post

    make_post(
        title="الأمانة العامة تعقد اجتماعها الدوري",
        title_en="The Secretariat meets",
        title_ckb="سکرتاریەتی گشتی کۆبوونەوەی خولیی خۆی دەکات",
        featured=True,
        cover_image=image_upload("a.jpg", size=(800, 500)),
        cover_alt_ar="قاعة الاجتماع",
    )
    for index in range(4):
        make_post(title=f"خبر رقم {index}", title_en=f"News item {index}", summary_ar="ملخص قصير للخبر.")
    # One post in Arabic only: its card keeps lang="ar" on the English and Kurdish pages.
    make_post(title="خبر بالعربية فقط", summary_ar="لم يُترجم بعد.")


def with_photo_and_featured_post():
    """The home page as staff shape it: their photograph behind the introduction and a featured post."""
    from content.models import HomePhoto
    from tests.content_helpers import image_upload, make_post

    HomePhoto.objects.create(image=image_upload("hero.jpg", size=(1600, 900)))
    make_post(
        title="الحزب يطلق برنامجه الانتخابي",
        title_en="The party launches its programme",
        summary_ar="برنامج من خمس نقاط لعراق مدني.",
        featured=True,
        cover_image=image_upload("f.jpg", size=(1200, 675)),
        cover_alt_ar="منصة المؤتمر",
    )
    for index in range(2):
        make_post(section="culture", title=f"مقالة ثقافية {index}", title_en=f"Culture piece {index}")


def analysis_post():
    """A post of the analysis section with a cover, a chart and a PDF report."""
    from content.models import Attachment, Chart
    from tests.content_helpers import image_upload, make_post, pdf_upload

    post = make_post(
        section="analysis",
        title="البطالة بين الشباب في أرقام",
        title_en="Youth unemployment in figures",
        title_ckb="بێکاریی گەنجان بە ژمارە",
        author="المكتب الإعلامي",
        summary_ar="قراءة في أرقام 2022–2024.",
        cover_image=image_upload("c.jpg", size=(1200, 700)),
        cover_alt_ar="شباب في سوق العمل",
    )
    Chart.objects.create(
        post=post,
        title_ar="نسبة البطالة",
        title_en="Unemployment rate",
        labels_ar="2022\n2023\n2024",
        series_names_ar="الذكور\nالإناث",
        series_names_en="Men\nWomen",
        values="22, 24, 20\n35, 38, 31",
        unit_ar="%",
        source_ar="وزارة التخطيط",
    )
    Attachment.objects.create(post=post, title_ar="التقرير الكامل", title_en="Full report", file=pdf_upload())
    return post.get_absolute_url()


def media_post():
    """A media post: a gallery and a video link shown as a click-to-play preview."""
    from tests.content_helpers import add_photos, make_post

    post = make_post(
        section="media",
        title="صور من المؤتمر العام",
        title_en="Photos from the conference",
        title_ckb="وێنەکانی کۆنگرەی گشتی",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    add_photos(post, 3)
    return post.get_absolute_url()


def arabic_only_post():
    """A post with no translation: English and Kurdish pages say so once and mark the Arabic."""
    from tests.content_helpers import make_post

    post = make_post(title="بيان الأمانة العامة", summary_ar="بيان بالعربية فقط.", body_ar="<p>نص البيان.</p>")
    return post.get_absolute_url()


def search_results():
    from tests.content_helpers import make_post

    make_post(title="الحزب والدِّيمُقراطيّة", title_en="The party and democracy", body_ar="<p>والديمقراطية ممارسة.</p>")
    return "/search/?q=الديمقراطية"


# name → (path without language prefix, what the page needs besides the party's text, expected status);
# a `prepare` that returns a path (a post's, which has its id in it) replaces the given one.
PAGE_TYPES = {
    "home": ("/", nothing, 200),
    "home-with-photo": ("/", with_photo_and_featured_post, 200),
    "about": ("/about/", nothing, 200),
    "founding-statement": ("/founding-statement/", nothing, 200),
    "privacy": ("/privacy/", nothing, 200),
    "principles": ("/principles/", nothing, 200),
    "secretariat-empty": ("/secretariat/", nothing, 200),
    "secretariat": ("/secretariat/", with_secretariat, 200),
    "section": ("/news/", nothing, 200),
    "section-with-posts": ("/news/", with_posts, 200),
    "post": ("", analysis_post, 200),
    "media-post": ("", media_post, 200),
    "search": ("", search_results, 200),
    "search-no-results": ("/search/?q=كلمة-لا-توجد", nothing, 200),
    "untranslated-post": ("", arabic_only_post, 200),
    "not-found": ("/no-such-page/", nothing, 404),
    "bad-request": ("/search/?q=%E9t%E9", nothing, 400),  # the designed 400 (403 and 413 share its layout)
    "join": ("/join/", nothing, 200),
    "feedback": ("/feedback/", nothing, 200),
    "offline": ("/offline/", nothing, 200),
}


def localized(path, lang):
    return LANGUAGE_PREFIXES[lang] + path


@contextmanager
def whole_page_drawn(page):
    """Below the first screen, cards are drawn only as the reader nears them (content-visibility:
    auto, static/css/site.css). For a full-page screenshot or an axe run that must see all of them,
    the viewport is as tall as the page for a moment (the layout has no vh units, and nothing sticky
    or fixed), then back to its size."""
    size = page.viewport_size
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    try:
        yield page
    finally:
        page.set_viewport_size(size)


def wait_for_site_js(page):
    """site.js arrives once the page has loaded and painted (static/js/boot.js): wait until it has run,
    that is until the print stylesheet it links has loaded (the menu button is set up before)."""
    page.wait_for_function("() => !!document.querySelector('link[data-print-css]')?.sheet")


def open_page(page, path, lang, status=200, javascript=True):
    """Go to the page in a language, check the answer, and wait until site.js has run and the page's
    web fonts are in use."""
    response = page.goto(localized(path, lang))
    assert response.status == status, f"{localized(path, lang)} answered {response.status}"
    if javascript:
        wait_for_site_js(page)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return response
