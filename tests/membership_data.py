"""Valid application data for the membership tests."""

import datetime
import time

from django.utils import timezone

from membership.models import Application
from membership.workflow import submit_application
from party_site import antispam
from party_site.dates import add_years


def aged_token(seconds_ago=10):
    return antispam.new_token("membership", issued=time.time() - seconds_ago)


def post_data(**overrides):
    """What a person's browser sends from /join/ after filling every field."""
    data = {
        "first_name": "أحمد",
        "father_name": "علي",
        "grandfather_name": "حسين",
        "family_name": "الربيعي",
        "birth_date_day": "15",
        "birth_date_month": "3",
        "birth_date_year": "1990",
        "gender": "male",
        "governorate": "basra",
        "district": "الزبير",
        "phone": "0770 123 4567",
        "email": "ahmed@example.org",
        "education": "bachelor",
        "occupation": "مهندس",
        "motivation": "أريد أن أشارك في بناء دولة المواطنة.",
        "heard_from": "friend",
        "declares_iraqi": "on",
        "declares_no_other_party": "on",
        "declares_not_barred": "on",
        "declares_principles": "on",
        "consents_privacy": "on",
        antispam.TOKEN_FIELD: aged_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def model_data(**overrides):
    """The cleaned data `submit_application` stores."""
    data = {
        "first_name": "أحمد",
        "father_name": "علي",
        "grandfather_name": "حسين",
        "family_name": "الربيعي",
        "birth_date": datetime.date(1990, 3, 15),
        "gender": "male",
        "governorate": "basra",
        "district": "الزبير",
        "phone": "+9647701234567",
        "email": "ahmed@example.org",
        "education": "bachelor",
        "occupation": "مهندس",
        "motivation": "",
        "heard_from": "",
        "declares_iraqi": True,
        "declares_no_other_party": True,
        "declares_not_barred": True,
        "declares_principles": True,
        "consents_privacy": True,
    }
    data.update(overrides)
    return data


_phone_counter = [1000000]


def make_application(**overrides) -> Application:
    """A submitted application with a distinct phone unless one is given."""
    if "phone" not in overrides:
        _phone_counter[0] += 1
        overrides["phone"] = f"+964780{_phone_counter[0]:07d}"
    return submit_application(model_data(**overrides))


def years_before(today: datetime.date, years: int) -> datetime.date:
    return add_years(today, -years)


def today():
    return timezone.localdate()
