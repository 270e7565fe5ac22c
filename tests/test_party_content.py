"""The party's own text is on the site after loading, and loading twice changes nothing."""

import re
from pathlib import Path

from django.core.management import call_command

from content.management.commands.load_party_content import load_party_content
from content.models import Page, Principle, Section, TextBlock
from content.seed import party_content as seed
from content.seed import party_content_ckb as seed_ckb

SEED_FILE = Path(__file__).resolve().parent.parent / "content" / "seed" / "party-site-text.ar.txt"


def squash(text):
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", text))


def test_every_arabic_seed_text_comes_from_the_party_file():
    source = squash(SEED_FILE.read_text(encoding="utf-8"))
    texts = [ar for ar, _en in seed.TEXT_BLOCKS.values()]
    texts += [item[2] for item in seed.PRINCIPLES] + [item[2] for item in seed.SECTIONS]
    texts += seed.FOUNDING_STATEMENT
    for text in texts:
        # The vision's sentence gets the full stop that the party's file lacks (issue 14).
        assert squash(text).removesuffix(".") in source, text[:40]
    assert "Loading" not in "".join(texts)


def test_fresh_install_shows_the_party_text(client, party_content):
    home = client.get("/").content.decode()
    assert "نحن حزب وطني ديمقراطي ليبرالي" in home  # hero, line 5
    assert "يسعى الحزب إلى تقديم رؤية تنموية شاملة" in home  # vision, line 4
    assert "تقود الأمانة العامة العمل التنظيمي" in home  # secretariat teaser, line 2
    assert "تعرف على الأمين العام والأمانة العامة للحزب" in home  # call to action
    assert "انضموا إلينا في بناء مستقبل" in home and "طلب انضمام" in home  # lines 17, 19
    assert "شاركنا أفكارك وآراءك وملاحظاتك" in home  # line 18
    assert home.count('class="principle-card"') == 5

    about = client.get("/about/").content.decode()
    assert "ثورة تشرين الخالدة" in about and "ينعقد المؤتمر التنظيمي العام كل أربع سنوات" in about
    statement = client.get("/founding-statement/").content.decode()
    assert statement.count("<p>") >= 7 and "الديمقراطية الليبرالية" in statement
    principles = client.get("/principles/").content.decode()
    for _key, title, *_ in seed.PRINCIPLES:
        assert title in principles
    secretariat = client.get("/secretariat/").content.decode()
    assert "كل أربع سنوات" in secretariat
    studies = client.get("/studies/").content.decode()
    assert "يهتم بتطوير الوعي السياسي الداخلي" in studies


def test_loading_twice_changes_nothing_and_keeps_staff_edits(party_content):
    counts = [model.objects.count() for model in (TextBlock, Page, Principle, Section)]
    assert counts == [len(seed.TEXT_BLOCKS), len(seed.PAGES), 5, 6]
    page = Page.objects.get(key="about")
    page.title_ar = "من نحن — نص عدّله فريق الموقع"
    page.save()
    created = load_party_content()
    assert created == {"texts": 0, "pages": 0, "principles": 0, "sections": 0, "translations": 0}
    assert [model.objects.count() for model in (TextBlock, Page, Principle, Section)] == counts
    assert Page.objects.get(key="about").title_ar == "من نحن — نص عدّله فريق الموقع"


def test_dry_run_creates_nothing(db, capsys):
    call_command("load_party_content", "--dry-run")
    assert "Would create" in capsys.readouterr().out
    assert Page.objects.count() == 0


def test_english_falls_back_to_arabic_when_a_translation_is_empty(client, party_content):
    principle = Principle.objects.get(key="national-sovereignty")
    principle.title_en = ""
    principle.save()
    content = client.get("/en/principles/").content.decode()
    assert "السيادة الوطنية" in content


SORANI_ONLY = set("ێۆڕڵڤە")  # letters Sorani has and Arabic lacks


def test_the_kurdish_seed_covers_every_item_and_is_sorani_not_arabic():
    assert set(seed_ckb.TEXT_BLOCKS) == set(seed.TEXT_BLOCKS)
    assert set(seed_ckb.PAGES) == {item[0] for item in seed.PAGES}
    assert set(seed_ckb.PRINCIPLES) == {item[0] for item in seed.PRINCIPLES}
    assert set(seed_ckb.SECTIONS) == {item[0] for item in seed.SECTIONS}
    texts = list(seed_ckb.TEXT_BLOCKS.values())
    texts += [part for parts in (*seed_ckb.PAGES.values(), *seed_ckb.PRINCIPLES.values()) for part in parts]
    texts += [part for parts in seed_ckb.SECTIONS.values() for part in parts]
    for text in texts:
        # Arabic letters Sorani spells otherwise: ي ك ة ى, hamza seats and tashkeel.
        assert not set(text) & set("ةىيكأإؤًٌٍَُِّْ"), text[:40]
    long_texts = [text for text in texts if len(text) > 40]
    assert all(set(text) & SORANI_ONLY for text in long_texts)


def test_fresh_install_shows_the_party_text_in_kurdish(client, party_content):
    home = client.get("/ckb/").content.decode()
    assert "ئێمە پارتێکی نیشتمانیی دیموکراتیی لیبراڵین" in home  # hero
    assert "داواکاریی ئەندامبوون" in home and "طلب انضمام" not in home  # the join button
    assert "نحن حزب وطني" not in home
    statement = client.get("/ckb/founding-statement/").content.decode()
    assert "دیموکراسیی لیبراڵ" in statement
    principles = client.get("/ckb/principles/").content.decode()
    for title, _text in seed_ckb.PRINCIPLES.values():
        assert title in principles
    news = client.get("/ckb/news/").content.decode()
    assert "هەواڵەکان" in news and "الأخبار" not in news
    join = client.get("/ckb/join/").content.decode()
    assert seed_ckb.TEXT_BLOCKS["join_intro"] in join


def test_loading_gives_kurdish_to_an_older_database_without_touching_staff_work(party_content):
    """A database loaded before the Kurdish text existed gets it; a language staff began is kept."""
    TextBlock.objects.update(text_ckb="")
    Page.objects.filter(key="about").update(title_ckb="", summary_ckb="", body_ckb="")
    Page.objects.filter(key="privacy").update(title_ckb="تایبەتێتی", summary_ckb="", body_ckb="")
    Section.objects.filter(key="news").update(title_en="", description_en="Edited by staff")
    created = load_party_content()
    assert created["translations"] == len(seed.TEXT_BLOCKS) + 1
    assert TextBlock.objects.get(key="hero").text_ckb == seed_ckb.HERO
    assert Page.objects.get(key="about").body_ckb == seed_ckb.PAGES["about"][2]
    privacy = Page.objects.get(key="privacy")
    assert (privacy.title_ckb, privacy.body_ckb) == ("تایبەتێتی", "")
    news = Section.objects.get(key="news")
    assert (news.title_en, news.description_en) == ("", "Edited by staff")
    assert load_party_content()["translations"] == 0
