"""Deadlines named by the calendar rather than by a date: "к Дню Победы", "к
новому учебному году", "в летний период 2018 года", "до конца месяца", "в
течение года". Rules in the style of `rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from pipeline.extract.deadlines.dates import add_months, month_end
from pipeline.extract.deadlines.rules import Candidate
from pipeline.extract.deadlines.timewords import (
    NAMED_DAYS,
    RELATIVE_YEAR,
    SEASONS,
    YEAR_SUFFIX,
    year_shift,
)

_FLAGS = re.IGNORECASE
_W = r"(?<![а-яё])"  # a word starts here


def _next(doc_date: date | None, month: int, day: int, year: int | None = None) -> date | None:
    """The day month/day of `year`, else the first one on or after doc_date."""
    if year is not None:
        return date(year, month, min(day, month_end(year, month).day))
    if doc_date is None:
        return None
    found = date(doc_date.year, month, min(day, month_end(doc_date.year, month).day))
    if found < doc_date:
        found = date(doc_date.year + 1, month, min(day, month_end(doc_date.year + 1, month).day))
    return found


NAMED_DAY = re.compile(
    rf"{_W}(?:к|ко|до)\s+(?:празднованию\s+|празднику\s+)?(?P<name>"
    + "|".join(f"(?:{words})" for words, _ in NAMED_DAYS)
    + ")",
    _FLAGS,
)
SCHOOL_START = re.compile(
    rf"{_W}(?:к|ко|до)\s+(?:(?:началу|начала)\s+)?(?:(?:нового|новому)\s+)?"
    r"(?:(?P<year>20\d\d)\s*[-/–—]\s*20\d\d\s+)?учебно(?:го|му)\s+год[ау](?![а-яё])",
    _FLAGS,
)
SCHOOL_YEAR = re.compile(
    rf"{_W}в\s+течение\s+(?:всего\s+)?(?:(?:20\d\d)\s*[-/–—]\s*(?P<year>20\d\d)\s+)?"
    r"учебного\s+года(?![а-яё])",
    _FLAGS,
)
SEASON = re.compile(
    rf"{_W}(?:в|во)\s+(?:(?P<season>летн|осенн|весенн|зимн)[а-я]*\s+период"
    r"|период\s+(?P<holiday>летн|осенн|весенн|зимн)[а-я]*\s+каникул)"
    rf"(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*{YEAR_SUFFIX})?|\s+(?P<rel>{RELATIVE_YEAR}))?",
    _FLAGS,
)
CURRENT_PERIOD = re.compile(
    rf"{_W}(?:(?P<end>до\s+конца|к\s+концу|до\s+окончания)\s+(?P<q1>текущего|этого|следующего)?"
    r"|(?:в\s+течение|в|во)\s+(?P<q2>текущего|этого|следующего|текущем|этом|следующем))\s*"
    r"(?P<period>месяц[аеу]?|квартал[аеу]?|полугоди[яюе]|года)(?![а-яё])"
    r"|(?P<year>в\s+течение\s+(?:всего\s+)?года)(?![а-яё])",
    _FLAGS,
)


# "комиссия по приемке школы к новому учебному году", "о подготовке к Дню
# Победы": the occasion is the topic of a noun, not a deadline
TOPIC = re.compile(
    r"(?:(?<![а-яё])(?:по|о|об)\s+[а-я]+(?:ке|нию|нии)|готовност[а-я]+)(?:\s+[^\s.;:]+){0,5}\s+$",
    _FLAGS,
)


def _is_topic(text: str, start: int) -> bool:
    return TOPIC.search(text[max(0, start - 80) : start]) is not None


# A day of some cause whose date the act does not give: "к Всемирному дню охраны труда"
OTHER_DAY = re.compile(
    rf"{_W}(?:к|ко)\s+(?:(?:Всемирному|Международному|Всероссийскому|Общероссийскому)\s+)?"
    r"[Дд]ню\s+[а-яё]+(?:\s+[а-яё]+){0,2}?(?=\s*[.,;:]|\s*$)",
    _FLAGS,
)


def find_named(text: str, doc_date: date | None) -> Iterator[Candidate]:
    named = False
    for m in NAMED_DAY.finditer(text):
        if _is_topic(text, m.start()):
            continue
        name = m["name"].lower()
        for words, (month, day) in NAMED_DAYS:
            if re.fullmatch(words, name, _FLAGS):
                named = True
                yield Candidate(m.start(), m.end(), "date", _next(doc_date, month, day))
                break
    if not named:  # a day of its own cause, its date not given
        for m in OTHER_DAY.finditer(text):
            if not _is_topic(text, m.start()):
                yield Candidate(m.start(), m.end(), "event")
    for m in SCHOOL_START.finditer(text):
        if _is_topic(text, m.start()):
            continue
        year = int(m["year"]) if m["year"] else None
        yield Candidate(m.start(), m.end(), "date", _next(doc_date, 9, 1, year))
    for m in SCHOOL_YEAR.finditer(text):
        # the school year ends in May; one that holds the document date or starts after it
        if m["year"]:
            due = date(int(m["year"]), 5, 31)
        else:
            due = date(doc_date.year + int(doc_date.month >= 6), 5, 31) if doc_date else None
        yield Candidate(m.start(), m.end(), "date", due)
    for m in SEASON.finditer(text):
        stem = (m["season"] or m["holiday"]).lower()
        month = next(month for key, month in SEASONS.items() if stem.startswith(key))
        year = int(m["year"]) if m["year"] else None
        if m["rel"] and doc_date:
            year = doc_date.year + year_shift(m["rel"])
        yield Candidate(m.start(), m.end(), "date", _next(doc_date, month, 31, year))


def find_current(text: str, doc_date: date | None) -> Iterator[Candidate]:
    """The period that holds the document date (or the next one): "до конца
    месяца", "в текущем квартале", "в течение года"."""
    for m in CURRENT_PERIOD.finditer(text):
        period = "года" if m["year"] else m["period"].lower()
        qualifier = (m["q1"] or m["q2"] or "").lower()
        due = None
        if doc_date is not None:
            step = 1 if qualifier.startswith("след") else 0
            if period.startswith("месяц"):
                first = add_months(doc_date.replace(day=1), step)
                due = month_end(first.year, first.month)
            elif period.startswith("квартал"):
                first = add_months(doc_date.replace(day=1), 3 * step)
                due = month_end(first.year, (first.month - 1) // 3 * 3 + 3)
            elif period.startswith("полугод"):
                first = add_months(doc_date.replace(day=1), 6 * step)
                due = month_end(first.year, 6 if first.month <= 6 else 12)
            else:
                due = date(doc_date.year + step, 12, 31)
        weak = not m["end"] and not m["year"] and not (m["q2"] or "").lower().endswith("его")
        yield Candidate(m.start(), m.end(), "date", due, weak=weak)
