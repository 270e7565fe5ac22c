"""Arabic typography: Iraqi month names, digits, normalisation."""

import datetime
import json

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from party_site.text import normalize_arabic, normalized_words, search_text, to_western_digits, word_forms

IRAQI_MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]


def test_arabic_dates_use_iraqi_month_names():
    with translation.override("ar"):
        for month, name in enumerate(IRAQI_MONTHS, start=1):
            assert date_format(datetime.date(2026, month, 3)) == f"3 {name} 2026"
        rendered = Template('{{ d|date:"j F Y" }}').render(Context({"d": datetime.date(2026, 11, 29)}))
    assert rendered == "29 تشرين الثاني 2026"


KURDISH_MONTHS = [
    "کانوونی دووەم",
    "شوبات",
    "ئازار",
    "نیسان",
    "ئایار",
    "حوزەیران",
    "تەمموز",
    "ئاب",
    "ئەیلوول",
    "تشرینی یەکەم",
    "تشرینی دووەم",
    "کانوونی یەکەم",
]


def test_kurdish_dates_use_the_gregorian_month_names_of_iraqi_kurdistan():
    """Django's Sorani catalog names the solar months of Iran's calendar (سەرماوەرز for November)."""
    with translation.override("ckb"):
        for month, name in enumerate(KURDISH_MONTHS, start=1):
            day = datetime.date(2026, month, 3)
            assert date_format(day) == f"3 {name} 2026"
            for code in ("E", "N", "b", "M"):  # the alternative and abbreviated forms too
                assert date_format(day, code).lower() == name
        rendered = Template('{{ d|date:"j F Y" }}').render(Context({"d": datetime.date(2026, 11, 29)}))
    assert rendered == "29 تشرینی دووەم 2026"


def test_english_dates_keep_english_month_names():
    with translation.override("en"):
        assert date_format(datetime.date(2026, 11, 29)) == "29 November 2026"


def test_local_digits_follow_the_setting(settings):
    template = Template("{% load party %}{{ n|local_digits }}")
    settings.PARTY_DIGITS = "eastern"
    with translation.override("ar"):
        assert template.render(Context({"n": 2024})) == "٢٠٢٤"
    with translation.override("en"):
        assert template.render(Context({"n": 2024})) == "2024"
    settings.PARTY_DIGITS = "western"
    with translation.override("ar"):
        assert template.render(Context({"n": 2024})) == "2024"


def test_normalisation_folds_spelling_variants():
    assert normalize_arabic("الدِّيمُقراطيّة") == normalize_arabic("الديمقراطيه")
    assert normalize_arabic("أإآٱ") == "اااا"
    assert normalize_arabic("مستشفى") == "مستشفي"
    assert normalize_arabic("العـــراق") == "العراق"
    assert to_western_digits("٠٧٧٠١٢٣٤٥٦٧") == "07701234567"


def test_word_forms_cut_one_clitic_and_keep_the_whole_word():
    assert word_forms("والديمقراطيه") == ["والديمقراطيه", "ديمقراطيه", "الديمقراطيه"]
    assert word_forms("برلمان") == ["برلمان", "رلمان"]  # the whole word stays: it may not be a prefix
    assert word_forms("ولد") == ["ولد"]  # too short to cut: two letters would remain
    assert search_text("البرلمان") == " البرلمان برلمان "


def test_word_forms_add_light_arabic_stems_and_english_stems():
    assert word_forms("مؤتمرات") == ["مؤتمرات", "مؤتمر", "مؤتمره"]
    assert word_forms("الناخبين") == ["الناخبين", "ناخبين", "الناخب", "ناخب"]
    assert word_forms("حكومتها") == ["حكومتها", "حكومت", "حكومه"]
    assert word_forms("مدرسه") == ["مدرسه"]
    assert word_forms("elections") == ["elections", "elect"]
    assert word_forms("2024") == ["2024"]
    assert word_forms("ههولێرين") == ["ههولێرين"]  # Kurdish letters: no Arabic stemming (ين)


def test_names_are_normalised_but_never_cut():
    assert normalized_words("كريم وليد فاطمة") == ["كريم", "وليد", "فاطمه"]


def test_kurdish_letter_forms_fold_to_one():
    assert normalize_arabic("کوردی") == normalize_arabic("كوردي")
    assert normalize_arabic("ھەولێر") == normalize_arabic("هەولێر")


def test_admin_date_picker_uses_iraqi_month_names(client, superuser):
    client.force_login(superuser)
    catalog = client.get("/admin/jsi18n/").content.decode()  # JavaScript, with \\u escapes
    for name in ("كانون الثاني", "شباط", "تشرين الأول", "كانون الأول"):
        assert json.dumps(name) in catalog
    assert json.dumps("يناير") not in catalog
