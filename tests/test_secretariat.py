"""The secretariat page shows the current secretariat, and earlier ones stay on record."""

import datetime

import pytest
from django.db import IntegrityError

from content.models import Conference, SecretariatMember


@pytest.fixture
def conferences(party_content):
    first = Conference.objects.create(name_ar="المؤتمر العام الأول", held_on=datetime.date(2020, 3, 1))
    second = Conference.objects.create(name_ar="المؤتمر العام الثاني", held_on=datetime.date(2024, 6, 15))
    future = Conference.objects.create(name_ar="المؤتمر العام الثالث", held_on=datetime.date(2099, 1, 1))
    SecretariatMember.objects.create(conference=first, name_ar="سلمان القديم", role="secretary_general")
    SecretariatMember.objects.create(conference=second, name_ar="عضو الأمانة", role="member", order=1)
    SecretariatMember.objects.create(conference=second, name_ar="ليلى الأمينة", role="secretary_general", order=5)
    SecretariatMember.objects.create(conference=second, name_ar="كريم النائب", role="deputy", portfolio_ar="التنظيم")
    return first, second, future


def test_current_conference_is_the_latest_already_held(conferences):
    first, second, _future = conferences
    assert Conference.objects.current() == second
    assert second.term_ends == datetime.date(2028, 6, 15)


def test_page_lists_leaders_first_then_members_and_keeps_earlier_secretariats(client, conferences):
    content = client.get("/secretariat/").content.decode()
    assert content.index("ليلى الأمينة") < content.index("كريم النائب") < content.index("عضو الأمانة")
    assert "الأمين العام" in content and "نائب الأمين العام" in content and "التنظيم" in content
    assert "15 حزيران 2024" in content and "2024–2028" in content
    assert "الأمانات العامة السابقة" in content and "سلمان القديم" in content
    assert "المؤتمر العام الثالث" not in content  # not held yet


def test_only_one_secretary_general_per_conference(conferences):
    _first, second, _future = conferences
    with pytest.raises(IntegrityError):
        SecretariatMember.objects.create(conference=second, name_ar="آخر", role="secretary_general")
