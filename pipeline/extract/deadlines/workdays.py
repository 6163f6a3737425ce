"""Working days by the Russian production calendar.

The `holidays` package (country "RU") knows the public holidays, the days off
moved by government decree (e.g. 2024-04-29, 2024-12-30) and, in
`weekend_workdays`, the Saturdays made working days by those transfers
(2024-04-27, 2024-11-02, 2024-12-28, 2025-11-01). `is_working_day` of
holidays >= 0.50 counts such a Saturday as a working day, and so do we: it is
one on the production calendar. Weekends are Saturday and Sunday.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _calendar() -> Any:
    import holidays

    # Years are added on demand as dates are looked up.
    return holidays.country_holidays("RU")


def is_working_day(day: date) -> bool:
    """True for a working day of the Russian production calendar."""
    return bool(_calendar().is_working_day(day))


def add_working_days(start: date, count: int) -> date:
    """The count-th working day after `start` (start itself is not counted):
    "в течение 10 рабочих дней" from the document date."""
    day = start
    remaining = count
    while remaining > 0:
        day = date.fromordinal(day.toordinal() + 1)
        if is_working_day(day):
            remaining -= 1
    return day
