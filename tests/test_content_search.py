"""Arabic-aware search across posts, pages and principles (SQLite and PostgreSQL alike)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.utils import timezone, translation

from content.models import Page, Post, Principle, SearchDocument
from tests.content_helpers import make_post

pytestmark = pytest.mark.usefixtures("party_content")


def titles(query, language="ar"):
    return [doc.title for doc in SearchDocument.objects.search(query, language)]


def finds_only_the_post_with(stored, query):
    """A post with `stored` in its text and one without: `query` finds the first and not the other."""
    make_post(title="منشور", body_ar=f"<p>نص عن {stored} هنا</p>")
    make_post(title="آخر", body_ar="<p>نص لا علاقة له</p>")
    found = titles(query)
    return "منشور" in found and "آخر" not in found


def test_democracy_finds_the_word_with_tashkeel_and_with_a_clitic_prefix():
    make_post(title="مقال أول", body_ar="<p>عن الدِّيمُقراطيّة في العراق</p>")
    make_post(title="مقال ثان", body_ar="<p>الحرية والديمقراطية والعدالة</p>")
    make_post(title="مقال ثالث", body_ar="<p>عن الاقتصاد</p>")
    found = titles("الديمقراطية")
    assert "مقال أول" in found and "مقال ثان" in found and "مقال ثالث" not in found


@pytest.mark.parametrize(
    "stored,query",
    [
        ("أحمد", "احمد"),
        ("إصلاح", "اصلاح"),
        ("آمال", "امال"),
        ("ٱلقانون", "القانون"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("العــراق", "العراق"),
        ("عام ٢٠٢٤", "2024"),
        ("عام 2024", "٢٠٢٤"),
    ],
)
def test_spelling_variants_are_folded_in_text_and_query(stored, query):
    make_post(title="منشور", body_ar=f"<p>{stored}</p>")
    assert "منشور" in titles(query)


def test_normalisation_does_not_merge_different_words():
    make_post(title="عن المدرسة", body_ar="<p>المدرسة</p>")
    assert titles("المدرس") == []  # the arabic stemmer would have merged them


@pytest.mark.parametrize(
    "stored,query",
    [
        ("البرلمان", "برلمان"),
        ("برلمان", "البرلمان"),
        ("الفساد", "فساد"),
        ("الوطني", "وطني"),
        ("وطني", "الوطني"),
        ("اللجنة", "لجنة"),
        ("وكردستان", "كردستان"),
        ("ببغداد", "بغداد"),
        ("بغداد", "ببغداد"),
        ("والديمقراطية", "الديمقراطية"),
        ("کوردستان", "كوردستان"),  # Kurdish keyboard letters
    ],
)
def test_a_word_is_found_with_and_without_its_clitic_prefix(stored, query):
    assert finds_only_the_post_with(stored, query)


# --- Word forms: each language's plurals and inflections meet their base word.


@pytest.mark.parametrize(
    "stored,query",
    [
        ("مؤتمرات", "مؤتمر"),
        ("مؤتمر", "مؤتمرات"),
        ("المؤتمرات", "مؤتمر"),
        ("ناخبون", "ناخب"),
        ("الناخبين", "ناخب"),
        ("ناخب", "الناخبون"),
        ("ناخبين", "ناخبون"),
        ("حكومات", "حكومة"),
        ("الحكومة", "حكومات"),
        ("حكومتها", "الحكومة"),
        ("والمواطنين", "المواطن"),
        ("مؤتمراتهم", "مؤتمر"),
    ],
)
def test_arabic_light_stemming_finds_sound_plurals_and_suffixes(stored, query):
    assert finds_only_the_post_with(stored, query)


@pytest.mark.parametrize(
    "stored,query",
    [
        ("المدرسة", "المدرس"),  # ة alone is not cut: school is not teacher
        ("لبنان", "لبن"),  # the dual ان is not cut
        ("وطني", "وطن"),  # nor the nisba ي
    ],
)
def test_arabic_light_stemming_keeps_different_words_apart(stored, query):
    make_post(title="منشور", body_ar=f"<p>{stored}</p>")
    assert "منشور" not in titles(query)


@pytest.mark.parametrize(
    "stored,query",
    [("elections", "election"), ("election", "elections"), ("announced", "announce"), ("policies", "policy")],
)
def test_english_words_are_stemmed(stored, query):
    make_post(title="منشور", title_en="A post", body_en=f"<p>The party {stored} today.</p>")
    make_post(title="آخر", title_en="Another", body_en="<p>Nothing of the kind.</p>")
    found = titles(query, "en")
    assert "A post" in found and "Another" not in found


@pytest.mark.parametrize(
    "stored,query",
    [
        ("کۆنگرەی گشتی", "كۆنگرهی"),  # ک/ك and ە/ه, as an Arabic keyboard types them
        ("هەڵبژاردنی ئازاد", "هەڵبژاردني"),  # ی/ي
        ("ھەولێر", "هەولێر"),  # ھ/ه
        ("بە\u200cکارهێنان", "بەکارهێنان"),  # the zero-width non-joiner
    ],
)
def test_kurdish_letter_variants_are_folded(stored, query):
    make_post(title="منشور", title_ckb="بابەت", body_ckb=f"<p>{stored}</p>")
    make_post(title="آخر", title_ckb="تر", body_ckb="<p>هیچ پەیوەندییەکی نییە</p>")
    found = titles(query, "ckb")
    assert "بابەت" in found and "تر" not in found


def test_highlight_marks_the_stemmed_words_as_written(client):
    make_post(title="منشور", body_ar="<p>انعقدت المؤتمرات المحلية قبل المؤتمر العام</p>")
    content = client.get("/search/", {"q": "مؤتمر"}).content.decode()
    assert "<mark>المؤتمرات</mark>" in content and "<mark>المؤتمر</mark>" in content


def test_single_letters_in_the_query_are_ignored():
    make_post(title="منشور", body_ar="<p>الحرية والعدالة</p>")
    assert "منشور" in titles("الحرية و العدالة")


def test_every_word_must_match_and_title_matches_rank_first():
    make_post(title="الإصلاح الاقتصادي", body_ar="<p>نص</p>")
    make_post(title="بيان", body_ar="<p>عن الإصلاح الاقتصادي في البلاد</p>")
    make_post(title="الإصلاح السياسي", body_ar="<p>نص</p>")
    assert titles("الاصلاح الاقتصادي") == ["الإصلاح الاقتصادي", "بيان"]


def test_pages_and_principles_are_found(client):
    principle = Principle.objects.first()
    word = principle.body.split()[3]
    assert principle.title in titles(word)  # by a word of its text
    assert principle.title in titles(principle.title)
    page = Page.objects.get(key="about")
    assert page.title in titles(page.title)


def test_drafts_and_scheduled_posts_are_not_found():
    make_post(title="مسودة المؤتمر", status=Post.Status.DRAFT)
    make_post(title="مؤتمر قادم", when=timezone.now() + timedelta(days=1))
    found = titles("المؤتمر") + titles("مؤتمر")
    assert "مسودة المؤتمر" not in found and "مؤتمر قادم" not in found


def test_search_follows_edits_including_queryset_update():
    post = make_post(title="عنوان قديم")
    assert titles("قديم") == ["عنوان قديم"]
    Post.objects.filter(pk=post.pk).update(title_ar="عنوان جديد")
    assert titles("قديم") == [] and titles("جديد") == ["عنوان جديد"]
    post.delete()
    assert not SearchDocument.objects.filter(title="عنوان جديد").exists()


def test_search_follows_queryset_updates_of_pages_and_principles():
    Page.objects.filter(key="about").update(title_ar="صفحة عن الزعفران")
    Principle.objects.filter(pk=Principle.objects.first().pk).update(body_ar="مبدأ يذكر القرنفل")
    assert "صفحة عن الزعفران" in titles("الزعفران")
    assert titles("القرنفل") == [Principle.objects.first().title]


def test_search_in_english_uses_english_text_with_arabic_fallback():
    make_post(title="الانتخابات", title_en="Elections")
    make_post(title="بيان عربي فقط")
    assert "Elections" in titles("elections", "en") and "الانتخابات" not in titles("elections", "en")
    assert "بيان عربي فقط" in titles("بيان", "en")


def test_search_page_states_snippets_and_pagination(client):
    empty = client.get("/search/").content.decode()
    assert "<h1>" in empty and 'name="q"' in empty and 'class="results"' not in empty
    none = client.get("/search/", {"q": "كلمةغيرموجودة"}).content.decode()
    assert "كلمةغيرموجودة" in none and 'role="status"' in none
    for index in range(12):
        make_post(title=f"الديمقراطية رقم {index}", body_ar="<p>نص عن الدِّيمُقراطيّة والحرية</p>")
    first = client.get("/search/", {"q": "الديمقراطية"})
    content = first.content.decode()
    assert content.count('class="result"') == 10
    assert "<mark>الدِّيمُقراطيّة</mark>" in content  # highlighted as written
    assert "?q=%D8%A7%D9%84%D8%AF%D9%8A%D9%85%D9%82%D8%B1%D8%A7%D8%B7%D9%8A%D8%A9&amp;page=2" in content
    second = client.get("/search/", {"q": "الديمقراطية", "page": 2}).content.decode()
    found = titles("الديمقراطية")  # the 12 posts, and the party texts that speak of democracy
    assert len([title for title in found if title.startswith("الديمقراطية رقم")]) == 12
    assert second.count('class="result"') == len(found) - 10  # 10 a page
    assert client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode().count("<script>alert") == 0


# --- rebuild_search_index: the index written again from what is stored.


def _bypass_index(model, pk, **fields):
    """Change stored text the way a raw import would: past save() and SearchableQuerySet.update()."""
    models.QuerySet.update(model.objects.filter(pk=pk), **fields)


def test_rebuild_search_index_indexes_every_post_page_and_principle_again():
    post = make_post(title="عنوان قديم")
    page = Page.objects.get(key="about")
    principle = Principle.objects.first()
    _bypass_index(Post, post.pk, title_ar="منشور الزعفران")
    _bypass_index(Page, page.pk, title_ar="صفحة القرنفل")
    _bypass_index(Principle, principle.pk, body_ar="مبدأ عن الهيل")
    SearchDocument.objects.filter(page__key="privacy").delete()  # an item with no documents at all
    assert titles("الزعفران") == [] and titles("القرنفل") == [] and titles("الهيل") == []
    assert "إشعار الخصوصية" not in titles("الخصوصية")

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)

    items = Post.objects.count() + Page.objects.count() + Principle.objects.count()
    assert out.getvalue().strip() == f"Indexed {items} items."
    assert titles("الزعفران") == ["منشور الزعفران"] and titles("قديم") == []
    assert titles("القرنفل") == ["صفحة القرنفل"]
    assert titles("الهيل") == [principle.title]
    assert "إشعار الخصوصية" in titles("الخصوصية")
    # one document per item and language, none left over from before
    assert SearchDocument.objects.count() == items * len(settings.MODELTRANSLATION_LANGUAGES)
    assert set(SearchDocument.objects.filter(post=post).values_list("language", flat=True)) == set(
        settings.MODELTRANSLATION_LANGUAGES
    )


def test_rebuild_search_index_dry_run_counts_and_writes_nothing():
    post = make_post(title="عنوان قديم")
    _bypass_index(Post, post.pk, title_ar="منشور الزعفران")
    before = set(SearchDocument.objects.values_list("pk", flat=True))

    out = StringIO()
    call_command("rebuild_search_index", "--dry-run", stdout=out)

    items = Post.objects.count() + Page.objects.count() + Principle.objects.count()
    assert out.getvalue().strip() == f"Would index {items} items."
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == before
    assert titles("الزعفران") == [] and titles("قديم") == ["عنوان قديم"]


# --- Which language is searched, how words are ranked and counted.


def test_each_language_searches_its_own_documents(client):
    make_post(
        title="بيان الزعفران",
        title_en="Saffron statement",
        title_ckb="ڕاگەیەندراوی زەعفەران",
        body_ar="<p>نص عربي</p>",
        body_en="<p>English text</p>",
        body_ckb="<p>دەقی کوردی</p>",
    )
    with translation.override("ar"):  # each request activates its language; leave none behind
        for prefix, query, title in (
            ("", "الزعفران", "بيان <mark>الزعفران</mark>"),
            ("/en", "saffron", "<mark>Saffron</mark> statement"),
            ("/ckb", "زەعفەران", "ڕاگەیەندراوی <mark>زەعفەران</mark>"),
        ):
            page = client.get(f"{prefix}/search/", {"q": query}).content.decode()
            assert page.count('class="result"') == 1 and title in page
        # the Arabic words are not in the English or Kurdish documents
        for prefix in ("/en", "/ckb"):
            assert client.get(f"{prefix}/search/", {"q": "الزعفران"}).content.decode().count('class="result"') == 0
    assert titles("الزعفران", "en") == [] and titles("الزعفران", "ckb") == []
    assert titles("saffron", "fr") == []  # a language without documents searches the Arabic ones
    assert titles("الزعفران", "fr") == ["بيان الزعفران"]


def test_search_language_is_the_given_or_active_one_and_arabic_otherwise():
    from content.search import search_language

    assert search_language("en") == "en" and search_language("ckb") == "ckb" and search_language("ar") == "ar"
    assert search_language("fr") == "ar"
    with translation.override("ckb"):
        assert search_language() == "ckb"
    with translation.override("fr"):
        assert search_language() == "ar"


def test_every_query_word_found_in_the_title_counts_towards_rank():
    both = make_post(title="الإصلاح الاقتصادي", body_ar="<p>نص</p>").title
    first = make_post(title="الإصلاح", body_ar="<p>عن الاقتصادي</p>").title
    second = make_post(title="الاقتصادي", body_ar="<p>عن الإصلاح</p>").title
    neither = make_post(title="بيان", body_ar="<p>عن الإصلاح الاقتصادي</p>").title
    # two title words, then one (equal ranks: the newer first), then none
    assert titles("الاصلاح الاقتصادي") == [both, second, first, neither]


def test_two_letter_query_words_are_searched():
    make_post(title="منشور", body_ar="<p>عن حق التعليم</p>")
    make_post(title="آخر", body_ar="<p>عن التعليم</p>")
    assert titles("حق") == ["منشور"]
    assert titles("حق التعليم") == ["منشور"]


WORDS = ["سلام", "عدل", "حرية", "وطن", "شعب", "دستور", "قانون", "نزاهة", "شفافية"]


def test_only_the_first_eight_distinct_query_words_are_searched():
    make_post(title="الثمانية", body_ar=f"<p>{' '.join(WORDS[:8])}</p>")
    make_post(title="بلا الثامنة", body_ar=f"<p>{' '.join(WORDS[:7] + WORDS[8:])}</p>")
    assert titles(" ".join(WORDS)) == ["الثمانية"]  # the ninth word is not required
    # a repeated word is counted once, so the eighth distinct word is still searched
    assert titles(" ".join(WORDS[:1] * 3 + WORDS)) == ["الثمانية"]


def test_query_words_keep_each_distinct_word_with_its_forms():
    from content.search import MAX_QUERY_TOKENS, query_words

    assert query_words("البرلمان و برلمان البرلمان") == [["البرلمان", "برلمان"], ["برلمان", "رلمان"]]
    assert query_words(" ".join(WORDS)) == [query_words(word)[0] for word in WORDS[:MAX_QUERY_TOKENS]]
    assert MAX_QUERY_TOKENS == 8
    assert query_words("") == [] and query_words(None) == [] and query_words("و ب") == []


# --- Snippets: cut around the first match, highlighted, as written.


def test_plain_text_of_rich_text_keeps_words_apart():
    from content.search import plain_text

    assert plain_text("<p>الحرية</p><p>والعدالة &amp; <b>المساواة</b></p>") == "الحرية والعدالة & المساواة"
    assert plain_text("") == "" and plain_text(None) == ""


def test_snippet_keeps_the_text_between_words_and_marks_each_match():
    from content.search import highlight

    snippet = highlight("«الحرية»، والعدالة: <الحرية> للجميع.", "الحرية")
    assert snippet == "«<mark>الحرية</mark>»، والعدالة: &lt;<mark>الحرية</mark>&gt; للجميع"


def test_snippet_starts_eight_words_before_the_first_match_and_is_cut_to_length():
    from content.search import highlight

    text = " ".join(f"w{n}" for n in range(30))
    assert highlight(text, "w12", words=10) == "…w4 w5 w6 w7 w8 w9 w10 w11 <mark>w12</mark> w13…"
    assert highlight(text, "w8", words=10) == "w0 w1 w2 w3 w4 w5 w6 w7 <mark>w8</mark> w9…"  # from the start
    assert highlight(text, "w9", words=10) == "…w1 w2 w3 w4 w5 w6 w7 w8 <mark>w9</mark> w10…"
    assert highlight(text, "w29", words=10) == "…w21 w22 w23 w24 w25 w26 w27 w28 <mark>w29</mark>"  # to the end
    assert highlight(text, "absent", words=10) == "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9…"  # no match: the start


def test_snippet_is_forty_words_by_default_and_the_whole_of_a_short_text():
    from content.search import highlight

    long_text = " ".join(f"w{n}" for n in range(60))
    assert highlight(long_text, "nothing") == " ".join(f"w{n}" for n in range(40)) + "…"
    assert highlight("- نص قصير -", "قصير") == "- نص <mark>قصير</mark>"


@pytest.mark.parametrize("text", ["", None, " … ، !"])
def test_snippet_of_a_text_without_words_is_empty(text):
    from content.search import highlight

    assert highlight(text, "الحرية") == ""


# --- What each model puts in its documents (SEARCHED_FIELDS: the title, then the body's fields).


def _document(language="ar", **source):
    return SearchDocument.objects.values_list("title", "text").get(language=language, **source)


def test_a_post_is_searched_by_title_summary_body_as_plain_text_and_author():
    post = make_post(
        title="عنوان", summary="خلاصة", body_ar="<p>فقرة <b>أولى</b></p><p>ثانية &amp; أخيرة</p>", author="كاتب"
    )
    assert _document(post=post) == ("عنوان", "خلاصة فقرة أولى ثانية & أخيرة كاتب")
    without = make_post(title="بلا خلاصة", body_ar="<p>نص</p>")
    assert _document(post=without) == ("بلا خلاصة", "نص")  # empty parts leave no stray spaces


def test_pages_and_principles_are_searched_by_their_own_fields():
    page = Page.objects.get(key="about")
    Page.objects.filter(pk=page.pk).update(summary_ar="خلاصة الصفحة", body_ar="<p>نص <i>الصفحة</i></p>")
    assert _document(page=page) == (page.title, "خلاصة الصفحة نص الصفحة")
    principle = Principle.objects.first()
    principle.body_ar = "نص المبدأ <كما كتب>"  # plain text: kept as written
    principle.save()
    assert _document(principle=principle) == (principle.title, "نص المبدأ <كما كتب>")


def test_every_language_gets_a_document_with_the_arabic_fallback():
    post = make_post(title="عنوان عربي", title_en="English title", body_ar="<p>نص عربي</p>")
    assert _document("en", post=post) == ("English title", "نص عربي")
    assert _document("ckb", post=post) == ("عنوان عربي", "نص عربي")
