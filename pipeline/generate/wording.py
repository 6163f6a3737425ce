"""Small pieces of an office's Russian: dates, counts with their nouns, lists.

Dates follow ГОСТ Р 7.0.97-2016, 5.3: "15.08.2023" in the requisites and
"15 августа 2023 г." in the text.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTHS_GENT = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def numeric_date(day: date | None) -> str:
    """ "15.08.2023"; an empty line to fill in by hand when there is no date."""
    return day.strftime("%d.%m.%Y") if day else "__________"


def text_date(day: date | None) -> str:
    """ "15 августа 2023 г."; blanks to fill in when there is no date."""
    if day is None:
        return "«___» __________ 20__ г."
    return f"{day.day} {MONTHS_GENT[day.month - 1]} {day.year} г."


def add_month(day: date) -> date:
    """The same day a month later; the month's last day when it has no such day."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def working_day_on_or_after(day: date) -> date:
    """`day`, or the first working day after it (production calendar): a deadline
    is never set on a day off."""
    from pipeline.extract.deadlines.workdays import is_working_day

    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def count(n: int, noun: str, case: str = "nomn") -> str:
    """ "1 организация", "3 организации", "5 организаций" (pymorphy3 agreement);
    `noun` in the nominative singular, the phrase's case given for the numeral."""
    from pipeline.nlp import morph

    parse = morph().parse(noun)[0]
    if case != "nomn":
        parse = parse.inflect({case}) or parse
    agreed = parse.make_agree_with_number(n)
    word = agreed.word if agreed else noun
    return f"{n} {word}"


def plural_verb(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with a counted subject: "представила" for 1, 21 … and
    "представили" otherwise (a past tense with a counted feminine subject)."""
    return singular if n % 10 == 1 and n % 100 != 11 else plural


def join(items: list[str]) -> str:
    """ "А", "А и Б", "А, Б и В"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " и " + items[-1]
