"""Arabic typography: Iraqi month names, digits, normalisation."""

import datetime

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from party_site.text import normalize_arabic, search_tokens, to_western_digits

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


def test_search_tokens_strip_clitics_but_keep_short_words():
    assert search_tokens("والديمقراطية") == search_tokens("الديمقراطية") == ["ديمقراطيه"]
    assert search_tokens("بالعراق") == ["عراق"]
    assert search_tokens("ولد") == ["ولد"]  # too short to strip: و + ld would leave two letters
