"""The deadline of a directive, resolved against the document date.

    find_deadline   the deadline stated anywhere in one item's text
    resolve_deadline one deadline phrase ("до 1 октября", "IV квартал")

Rules (see DESIGN.md, "Deadlines"):
- a date counts after a deadline preposition: "до", "к", "по", "не позднее",
  "в срок (до)"; a period after "в"/"в течение"/"не позднее" ("в IV квартале
  2024 г."); "до конца"/"к концу" any period. Dates after "от", "на", "за",
  "с" (a start: "с 07.10.2005") are not deadlines; "с X по Y" is Y.
- partial dates take the document year, or the next one when they fall
  before the document date; periods resolve to their last day.
- durations count from the document date, working days by the production
  calendar; after an event ("после проведения") they are "event" deadlines.
- "в 2024 году", "в текущем году" and an unprefixed complete date are weak:
  they count only when nothing stronger is found, not in items that assess
  rather than order ("Признать ...", "Принять к сведению ..."), and (outside a
  table cell, bare=False) only when not already past at the document date.
  "до 2025 года" is not read.
- of several phrases the last one wins (items end with their deadline),
  except that a "Срок: ..." line wins over the item's text.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.extract.deadlines.dates import DateMatch, find_dates
from pipeline.extract.deadlines.named import find_current, find_named
from pipeline.extract.deadlines.rules import (
    Candidate,
    find_durations,
    find_events,
    find_immediate,
    find_periodic,
)
from pipeline.extract.lexicon import DEADLINE_WORDS, NUMBER_SIGN, NUMBER_SIGN_BEFORE_DIGIT
from pipeline.model import Deadline

_FLAGS = re.IGNORECASE
# "Срок - до 1 октября", "Срок исполнения: IV квартал", "(срок – 01.12.2023)"
TERM_LINE = re.compile(rf"(?<![а-яё]){DEADLINE_WORDS}\s*(?::|[-–—]+)\s*", _FLAGS)
# dates joined into one range: "15.06. 15.08.2011", "01.09.2023 - 30.09.2023", "с X по Y"
CHAIN_GAP = re.compile(r"\s*(?:[-–—]|по|до)?\s*", _FLAGS)
# before a date, anchored at the end of the text before it
RANGE_START = re.compile(
    r"(?<![а-яё])(?:(?:в\s+период|в\s+срок|срок)\s+)?(?:начиная\s+)?(?:с|со)"
    r"(?:\s+\d{1,2}(?:-?го)?\s+(?P<to>по|до))?\s+$",
    _FLAGS,
)
# The title of a cited act ("… № 162-р «Об организации … в летний период 2015 года»")
# names its matter, not a deadline of this item.
CITED_TITLE = re.compile(r"«(?:О|Об|Обо)\s[^«»]*(?:«[^«»]*»[^«»]*)*»")
NOT_DEADLINE = re.compile(
    rf"(?<![а-яё])(?:от|на|за|не\s+ранее|после|с|со|состоянию\s+на|{NUMBER_SIGN})\s*$", _FLAGS
)
PREPOSITION = re.compile(
    r"(?<![а-яё])(?:(?:в\s+)?срок(?:ом|и)?\s+(?:исполнения\s+)?)?"
    r"(?:(?P<late>не\s+позднее|не\s+позже),?\s+(?:чем\s+)?|(?P<until>до|к|ко|по)\s+"
    r"|(?P<within>в\s+течение|в|во)\s+)$"
    r"|(?<![а-яё])(?P<term>в\s+срок)\s+$",
    _FLAGS,
)
# a year that stands just before a partial date gives it its year
YEAR_CONTEXT = re.compile(r"[\s,]*(?:(?:в\s+срок\s+)?(?:до|к|ко|по|не\s+позднее))?\s*", _FLAGS)
INCLUSIVE = re.compile(r"\s*\(?включительно\)?", _FLAGS)
REFERENCE_AFTER = re.compile(rf"\s*(?:г\.?\s*)?{NUMBER_SIGN_BEFORE_DIGIT}", _FLAGS)
DAYS = ("day", "partial-day")
# items that assess or note rather than order: a weak date there is no deadline
NO_ACTION = re.compile(
    r"(?<![а-яё])(?:признать|принять\s+к\s+сведению|отметить|одобрить|считать|утвердить"
    r"|приветствовать|поддержать)(?![а-яё])",
    _FLAGS,
)


def _chains(matches: list[DateMatch], text: str) -> list[list[DateMatch]]:
    chains: list[list[DateMatch]] = []
    for match in matches:
        prev = chains[-1][-1] if chains else None
        if (
            prev
            and _kind(prev) == _kind(match)
            and CHAIN_GAP.fullmatch(text, prev.stop, match.start)
        ):
            chains[-1].append(match)
        else:
            chains.append([match])
    return chains


def _kind(match: DateMatch) -> str:
    return "day" if match.precision in DAYS else match.precision


def _date_candidate(
    chain: list[DateMatch], text: str, doc_date: date | None, bare: bool, year: int | None
) -> Candidate | None:
    head, last = chain[0], chain[-1]
    before = text[max(0, head.start - 40) : head.start]
    weak = within = False
    start = head.start
    if m := RANGE_START.search(before):
        if len(chain) == 1 and not m["to"]:
            return None  # "с 07.10.2005": a start, not a deadline
        start = head.start - len(before) + m.start()
    elif NOT_DEADLINE.search(before):
        return None
    elif m := PREPOSITION.search(before):
        start = head.start - len(before) + m.start()
        if m["until"] or m["term"]:
            if head.precision not in DAYS and not head.end_of:
                return None  # "до 2025 года", "к январю": unclear, leave alone
        elif m["within"]:
            within = True
            if head.precision in DAYS:
                return None
            weak = head.precision == "year" and m["within"].lower() != "в течение"
    elif not bare:
        numeric = not re.search(r"[а-я]", text[head.start : head.stop], _FLAGS)
        if head.precision not in DAYS or REFERENCE_AFTER.match(text, last.stop):
            return None
        if numeric and last.year is None:
            return None  # "2.10." is an item label, not a date
        weak = True  # "провести собрание 25 октября 2023 года", "1 сентября т.г. провести"
    after = head.resolve(doc_date) if len(chain) > 1 else None
    if after is None and year is not None:
        after = date(year, 1, 1)  # "в 2024 году до 1 октября"
    due = last.resolve(doc_date, after)
    printed = last.year is not None and due is not None and doc_date is not None
    if not bare and (weak or within) and printed and due < doc_date:
        return None  # "в 2022 году", "в январе 2022 года": the past, not a deadline
    stop = last.stop
    if inclusive := INCLUSIVE.match(text, stop):
        stop = inclusive.end()
    return Candidate(start, stop, "date", due, weak=weak)


def _candidates(text: str, doc_date: date | None, bare: bool) -> list[Candidate]:
    found: list[Candidate] = []
    year, year_stop = None, 0  # the year just printed, and where it ends
    for chain in _chains(find_dates(text), text):
        if not YEAR_CONTEXT.fullmatch(text, year_stop, chain[0].start):
            year = None
        candidate = _date_candidate(chain, text, doc_date, bare, year)
        if candidate is not None:
            found.append(candidate)
        last, year = chain[-1], None
        if last.precision == "year" and (resolved := last.resolve(doc_date)) is not None:
            year, year_stop = resolved.year, last.stop
    found.extend(find_periodic(text))
    found.extend(find_immediate(text, doc_date))
    found.extend(find_durations(text, doc_date))
    found.extend(find_events(text, bare))
    found.extend(find_named(text, doc_date))
    found.extend(find_current(text, doc_date))
    return found


def _select(found: list[Candidate], text: str) -> Candidate | None:
    # Longest first: a phrase inside a longer one ("до 1 февраля" in
    # "ежегодно до 1 февраля") is part of it.
    found = sorted(found, key=lambda c: (-(c.stop - c.start), c.start))
    kept: list[Candidate] = []
    for c in found:
        if not any(k.start < c.stop and c.start < k.stop for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    merged: list[Candidate] = []
    for c in kept:  # "ежемесячно, до 5 числа ..." is one periodic phrase
        prev = merged[-1] if merged else None
        # "ежедневно в дни проведения олимпиады" is one; an event window before the
        # periodic phrase stays apart ("в период действия режима ежедневно")
        joins = prev and "periodic" in (prev.kind, c.kind) and prev.kind != "event"
        if joins and _adjacent(text, prev.stop, c.start):
            merged[-1] = Candidate(prev.start, c.stop, "periodic")
        else:
            merged.append(c)
    strong = [c for c in merged if not c.weak]
    if not strong and NO_ACTION.search(text):
        return None  # "Признать работу ... в 2024 году удовлетворительной"
    return (strong or merged or [None])[-1]


def _adjacent(text: str, stop: int, start: int) -> bool:
    return re.fullmatch(r"[\s,;–—-]*", text[stop:start]) is not None


def _deadline(text: str, c: Candidate, offset: int) -> Deadline:
    kind = c.kind
    due = c.date.isoformat() if c.date and kind == "date" else None
    return Deadline(text[c.start : c.stop], kind, due, c.start + offset, c.stop + offset)


def find_deadline(
    text: str, doc_date: date | None, offset: int = 0, bare: bool = False
) -> Deadline | None:
    """The deadline stated in one directive's text, or None when it states none.

    Args:
        text: the item's text (it may hold a "Срок: ..." line), or with
            bare=True a deadline table cell or the rest of a "Срок:" line.
        doc_date: the document date; None leaves partial and relative
            deadlines unresolved (Deadline.date None), complete dates resolve.
        offset: added to start/stop, the offset of `text` in the document.
        bare: a bare date or period without preposition is a deadline.

    Deadline.text is the phrase as printed; date is ISO for kind "date" when
    it can be resolved, None for "periodic", "permanent" and "event".
    """
    folded = text.replace("ё", "е").replace("Ё", "Е")
    folded = CITED_TITLE.sub(lambda m: " " * len(m.group(0)), folded)
    for m in TERM_LINE.finditer(folded):
        line_end = folded.find("\n", m.end())
        line_end = len(folded) if line_end < 0 else line_end
        segment = folded[m.end() : line_end]
        chosen = _select(_candidates(segment, doc_date, True), segment)
        if chosen is not None:
            return _deadline(text[m.end() : line_end], chosen, offset + m.end())
    chosen = _select(_candidates(folded, doc_date, bare), folded)
    return _deadline(text, chosen, offset) if chosen else None


def resolve_deadline(phrase: str, doc_date: date | None) -> Deadline | None:
    """What one deadline phrase means ("до 1 октября", "в течение 10 рабочих
    дней", "IV квартал"), against the document date; None when the phrase is
    not a deadline ("с 07.10.2005", "за 2022 год", "до 5000 членов").
    start/stop index the phrase."""
    return find_deadline(phrase, doc_date, bare=True)
