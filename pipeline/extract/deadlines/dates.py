"""Dates and calendar periods in Russian text.

`find_dates` finds every date-like expression with its offsets: full dates
("15.08.2023г.", "«15» августа 2023 г.", "1.09.17 г"), partial ones ("1
октября", "15.08."), months, quarters, halves and years ("в IV квартале 2024
г.", "в январе т.г.", "до конца года"). `parse_date` reads the one complete
date of a short string such as a header cell.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pipeline.extract.deadlines.timewords import (
    END_WORD,
    MONTH_ANY,
    MONTH_GENITIVE,
    ORDINAL,
    RELATIVE_YEAR,
    YEAR_SUFFIX,
    last_ordinal,
    month_number,
    year_shift,
)
from pipeline.extract.lexicon import NUMBER_SIGN

_FLAGS = re.IGNORECASE
# a year after a month, quarter or half: "2024 г.", "т.г.", "текущего года"
_YEAR_TAIL = (
    rf"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*{YEAR_SUFFIX})?"
    rf"|\s*,?\s*(?P<rel>{RELATIVE_YEAR}))?"
)
_END = rf"(?:(?P<end>{END_WORD})\s+)?"

NUMERIC_DATE = re.compile(
    r"(?<![\d./,])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\."
    rf"(?P<year>(?:19|20)\d\d|\d\d)(?!\d)(?:\s*{YEAR_SUFFIX})?",
    _FLAGS,
)
# "15.08." or "15.08": two-digit month, and not the head of "3.12.5" or "10.4".
PARTIAL_NUMERIC_DATE = re.compile(
    r"(?<![\d./,])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])(?!\d|\.\d)\.?",
    _FLAGS,
)
TEXT_DATE = re.compile(
    r"(?<![\d.,])(?:[«\"“„']\s*)?(?P<day>0?[1-9]|[12]\d|3[01])(?!\d)(?:\s*[»\"”'])?"
    rf"(?:\s*-?\s*о?го)?\s*(?P<month>{MONTH_GENITIVE})" + _YEAR_TAIL,
    _FLAGS,
)
MONTH = re.compile(_END + rf"(?P<month>{MONTH_ANY})" + _YEAR_TAIL, _FLAGS)
QUARTER = re.compile(
    _END + rf"(?P<part>{ORDINAL}(?:\s*[-–—]\s*{ORDINAL})?)\s*"
    r"(?:квартал[а-я]*|кв\.(?!\s*м(?![а-яё])))" + _YEAR_TAIL,
    _FLAGS,
)
HALF = re.compile(
    _END + rf"(?P<part>{ORDINAL}(?:\s*[-–—]\s*{ORDINAL})?)\s*полугоди[а-я]*" + _YEAR_TAIL,
    _FLAGS,
)
YEAR = re.compile(
    _END + r"(?<![\d.,/№-])(?:(?:19|20)\d\d\s*[-–—/]\s*)?(?P<year>(?:19|20)\d\d)(?!\d)"
    rf"\s*{YEAR_SUFFIX}",
    _FLAGS,
)
RELATIVE = re.compile(
    _END + rf"(?P<rel>{RELATIVE_YEAR})|(?P<end2>{END_WORD})\s+(?:(?:календарного|отчетного)\s+)?"
    r"года(?![а-яё])",
    _FLAGS,
)
# A number printed after these is an item, article or document number, not a date.
NUMBER_BEFORE = re.compile(
    rf"(?:{NUMBER_SIGN}|пп?\.|пункт[а-я]*|подпункт[а-я]*|ст\.|стать[а-я]+|раздел[а-я]*|"
    r"глав[а-я]*|ч\.)\s*$",
    _FLAGS,
)

# A draft's blank date: "«___» ____ 2021 г.", "____ октября 2021 года".
BLANK_DATE = re.compile(
    rf"_+[\s»\"”]*(?:(?:{MONTH_ANY}|_+)\s*)?(?:(?:19|20)\d\d(?:\s*{YEAR_SUFFIX})?)?", _FLAGS
)

PRECISIONS = ("day", "partial-day", "month", "quarter", "half", "year")


@dataclass(frozen=True)
class DateMatch:
    """A date or period at text[start:stop].

    precision: "day" (day and month with a year, possibly relative: "т.г."),
    "partial-day" (day and month, no year), "month", "quarter", "half", "year".
    year is the printed year (two-digit years expanded), None when not printed;
    shift is the year relative to the document year ("т.г." 0, "следующего
    года" 1), None when not printed. part is the quarter (1-4) or half (1-2).
    end_of is True for "конца ..." ("до конца 2024 года").
    """

    start: int
    stop: int
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: int | None = None
    shift: int | None = None
    end_of: bool = False

    @property
    def date(self) -> date | None:
        """The date, or the last day of the period, when the year is printed; else None."""
        return self._last_day(self.year) if self.year is not None else None

    def resolve(self, doc_date: date | None, after: date | None = None) -> date | None:
        """The date (the last day of a period) against the document date.

        A relative year ("т.г.") counts from doc_date's year. A missing year is
        the year of `after` (default: doc_date), or the next one when the date
        would fall before it. None when the year cannot be known.
        """
        if self.year is not None:
            return self._last_day(self.year)
        if self.shift is not None:
            return self._last_day(doc_date.year + self.shift) if doc_date else None
        after = after or doc_date
        if after is None:
            return None
        found = self._last_day(after.year)
        if found is not None and found < after:
            found = self._last_day(after.year + 1)
        return found

    def _last_day(self, year: int) -> date | None:
        if self.precision in ("day", "partial-day"):
            assert self.month is not None and self.day is not None
            day = min(self.day, calendar.monthrange(year, self.month)[1])
            return date(year, self.month, day)
        if self.precision == "month":
            assert self.month is not None
            return month_end(year, self.month)
        if self.precision == "quarter":
            return month_end(year, 3 * (self.part or 4))
        if self.precision == "half":
            return month_end(year, 6 * (self.part or 2))
        return date(year, 12, 31)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _expand_year(digits: str) -> int:
    # Two-digit years: 00-50 are 20xx, 51-99 are 19xx ("06.04.98" -> 1998).
    if len(digits) == 4:
        return int(digits)
    value = int(digits)
    return 2000 + value if value <= 50 else 1900 + value


def _is_valid(year: int | None, month: int, day: int) -> bool:
    limit = calendar.monthrange(year or 2000, month)[1]  # 2000: allow 29.02 without a year
    return 1 <= day <= limit


def _year_parts(m: re.Match[str]) -> tuple[int | None, int | None]:
    year = m.groupdict().get("year")
    rel = m.groupdict().get("rel")
    return (int(year) if year else None), (year_shift(rel) if rel else None)


def _numeric(m: re.Match[str], text: str) -> DateMatch | None:
    if NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    day, month = int(m["day"]), int(m["month"])
    year = m.groupdict().get("year")
    if year is not None and len(m["month"]) == 1 and len(year) == 2:
        return None  # "3.1.12" is an item number, not a date
    full = _expand_year(year) if year else None
    if not _is_valid(full, month, day):
        return None
    precision = "day" if full else "partial-day"
    return DateMatch(m.start(), m.end(), precision, year=full, month=month, day=day)


def _text_date(m: re.Match[str], text: str) -> DateMatch | None:
    month = month_number(m["month"])
    year, shift = _year_parts(m)
    if month is None or not _is_valid(year, month, int(m["day"])):
        return None
    precision = "day" if year is not None or shift is not None else "partial-day"
    return DateMatch(m.start(), m.end(), precision, year, month, int(m["day"]), shift=shift)


def _month(m: re.Match[str], text: str) -> DateMatch | None:
    year, shift = _year_parts(m)
    month = month_number(m["month"])
    end = bool(m["end"])
    return DateMatch(m.start(), m.end(), "month", year, month, shift=shift, end_of=end)


def _part(precision: str, limit: int):
    def build(m: re.Match[str], text: str) -> DateMatch | None:
        part = last_ordinal(m["part"])
        if part is None or part > limit:
            return None
        year, shift = _year_parts(m)
        end = bool(m["end"])
        return DateMatch(m.start(), m.end(), precision, year, part=part, shift=shift, end_of=end)

    return build


def _year(m: re.Match[str], text: str) -> DateMatch | None:
    return DateMatch(m.start(), m.end(), "year", int(m["year"]), end_of=bool(m["end"]))


def _relative(m: re.Match[str], text: str) -> DateMatch | None:
    shift = year_shift(m["rel"]) if m["rel"] else 0
    end = bool(m["end"] or m["end2"])
    return DateMatch(m.start(), m.end(), "year", shift=shift, end_of=end)


_PATTERNS = (
    (NUMERIC_DATE, _numeric),
    (PARTIAL_NUMERIC_DATE, _numeric),
    (TEXT_DATE, _text_date),
    (QUARTER, _part("quarter", 4)),
    (HALF, _part("half", 2)),
    (MONTH, _month),
    (YEAR, _year),
    (RELATIVE, _relative),
)


def find_dates(text: str) -> list[DateMatch]:
    """Every date and period in text, in order, without overlaps (the
    earliest, then the longest match wins). Offsets index `text`."""
    folded = text.replace("ё", "е").replace("Ё", "Е")
    found: list[DateMatch] = []
    for pattern, build in _PATTERNS:
        for m in pattern.finditer(folded):
            match = build(m, folded)
            if match is not None:
                found.append(match)
    blanks = [(m.start(), m.end()) for m in BLANK_DATE.finditer(folded)]
    found = [d for d in found if not any(a < d.stop and d.start < b for a, b in blanks)]
    found.sort(key=lambda d: (d.start, -(d.stop - d.start)))
    kept: list[DateMatch] = []
    for match in found:
        if kept and match.start < kept[-1].stop:
            continue
        kept.append(match)
    return kept


def parse_date(text: str) -> date | None:
    """The first complete date (day, month and year) in a short string such as
    "15.08.2023г." or "от 15 августа 2023 года"; None when there is none
    ("____ октября 2021 года")."""
    for match in find_dates(text):
        if match.precision == "day" and match.year is not None:
            return match.date
    return None
