"""Counting in years, minding 29 February: an age, a term of office, "N years ago"."""

import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier, when negative); 29 February becomes 28 February in a
    common year. So `born <= add_years(today, -18)` is "18 or older", and a four-year term that
    began on 29 February ends on 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a common year
        return day.replace(year=day.year + years, day=28)


def age_on(born: datetime.date, today: datetime.date) -> int:
    """Whole years from `born` to `today`: someone born on 29 February comes of age on 1 March in
    a common year."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
