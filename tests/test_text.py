"""Arabic text helpers: the folding that search, duplicate checks and phone numbers rely on."""

import pytest
from django.utils import translation

from party_site.text import (
    local_digits,
    normalize_arabic,
    normalized_words,
    search_text,
    to_eastern_digits,
    to_western_digits,
    word_forms,
)


def test_digits_are_converted_both_ways():
    assert to_western_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42") == "0123456789 0123456789 42"
    assert to_eastern_digits("0770 123 4567") == "٠٧٧٠ ١٢٣ ٤٥٦٧"


@pytest.mark.parametrize(
    "written,folded",
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمال", "امال"),
        ("ٱلقانون", "القانون"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("العــــراق", "العراق"),  # tatweel
        ("الدِّيمُقراطيّة", "الديمقراطيه"),  # tashkeel
        ("کوردستان", "كوردستان"),  # Kurdish keyboard kaf
        ("کوردی", "كوردي"),  # Kurdish/Persian yeh
        ("سلێمانیە", "سلێمانيه"),  # Kurdish ae
        ("ھەولێر", "ههولێر"),  # heh doachashmee
        ("عام ٢٠٢٤", "عام 2024"),
        ("Elections", "elections"),
    ],
)
def test_normalize_arabic_folds_what_people_type_interchangeably(written, folded):
    assert normalize_arabic(written) == folded


@pytest.mark.parametrize("empty", ["", None])
def test_normalize_arabic_of_nothing_is_empty(empty):
    assert normalize_arabic(empty) == ""


def test_normalized_words_splits_on_anything_but_letters_and_digits():
    assert normalized_words("الحرية، والعدالة! (٢٠٢٤)") == ["الحريه", "والعداله", "2024"]
    assert normalized_words("") == []


@pytest.mark.parametrize(
    "word,forms",
    [
        ("البرلمان", ["البرلمان", "برلمان"]),
        ("والديمقراطيه", ["والديمقراطيه", "ديمقراطيه", "الديمقراطيه"]),  # longest prefix first
        ("وبالعراق", ["وبالعراق", "عراق", "بالعراق"]),
        ("للشعب", ["للشعب", "شعب", "لشعب"]),
        ("برلمان", ["برلمان", "رلمان"]),  # a word that merely starts with ب keeps its whole form first
        ("الحق", ["الحق"]),  # cut, only two letters would remain: not cut
        ("الشعب", ["الشعب", "شعب"]),  # cut, exactly three letters remain: cut
        ("وطن", ["وطن"]),  # two letters after و: not cut
        ("وطني", ["وطني", "طني"]),  # three letters after و: cut
        ("ككتب", ["ككتب", "كتب"]),
    ],
)
def test_word_forms_cut_one_clitic_prefix_leaving_three_letters_or_more(word, forms):
    assert word_forms(word) == forms


def test_search_text_pads_every_form_of_every_word_with_spaces():
    assert search_text("البرلمان العراقي") == " البرلمان برلمان العراقي عراقي "
    assert search_text("") == ""
    assert search_text("، !") == ""


@pytest.mark.parametrize(
    "setting,language,shown",
    [
        ("eastern", "ar", "٢٠٢٤"),
        ("eastern", "ckb", "٢٠٢٤"),
        ("eastern", "en", "2024"),
        ("western", "ar", "2024"),
        ("western", "ckb", "2024"),
        ("arabic", "ar", "2024"),  # a value the site does not know: the party's own western digits
    ],
)
def test_local_digits_follow_the_setting_on_arabic_and_kurdish_pages(settings, setting, language, shown):
    settings.PARTY_DIGITS = "".join(setting)  # a new string, as read from the environment
    with translation.override(language):
        assert local_digits(2024) == shown
