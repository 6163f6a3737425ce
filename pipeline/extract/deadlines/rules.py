"""Deadline phrases that are not calendar dates: periodic, permanent, immediate,
durations ("в течение 10 рабочих дней") and event-relative ones. Each rule
scans one text and yields `Candidate`s; `deadlines.py` picks among them and
adds the date phrases ("до 1 октября"); `named.py` has the named
days, seasons and current periods.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from pipeline.extract.deadlines.dates import add_months
from pipeline.extract.deadlines.timewords import (
    COMPOUND_PREFIXES,
    NUMBER_WORD,
    NUMBER_WORDS,
    unit_of,
)
from pipeline.extract.deadlines.workdays import add_working_days
from pipeline.extract.lexicon import ACT_STEMS
from pipeline.nlp import parse as parse_word

_FLAGS = re.IGNORECASE
_W = r"(?<![а-яё])"  # a word starts here
_E = r"(?![а-яё])"  # a word ends here


@dataclass(frozen=True)
class Candidate:
    """A deadline phrase at text[start:stop]. weak: counts only when nothing
    stronger is found ("в 2024 году" in prose)."""

    start: int
    stop: int
    kind: str
    date: date | None = None
    weak: bool = False


# "рабочих дней", also glued at a line join on web copies ("рабочихдней")
_DAY_KIND = r"(?:рабоч(?:их|ий|его|ие|ему)|календарн(?:ых|ый|ого|ые|ому))\s*"
_PERIODIC_WORD = (
    r"еже(?:дневно|недельно|декадно|месячно|квартально|полугодно|годно)"
    r"|(?:не\s+реже\s+)?(?:(?:\d|одного|один|двух|два|трех|три|четырех)\s+)?раза?\s+в\s+"
    r"(?:день|неделю|декаду|месяц|квартал|полугодие|полгода|год)"
    r"|кажд(?:ый|ого|ое|ую)\s+(?:день|дня|неделю|недели|месяц|месяца|квартал|квартала"
    r"|полугодие|полугодия|год|года)"
    r"|по\s+(?:месяцам|кварталам|полугодиям)"
    # "в выходные и праздничные дни", "по выходным дням": on every such day
    r"|в\s+выходные(?:\s+и\s+(?:нерабочие\s+)?праздничные)?\s+дни"
    r"|по\s+выходным(?:\s+и\s+(?:нерабочим\s+)?праздничным)?\s+дням"
    r"|по\s+итогам\s+(?:каждого\s+)?(?:месяца|квартала|полугодия|года)"
)
# "ежедневно до 9.00": the hour belongs to the periodic phrase
_AT_HOUR = (
    r"\s*,?\s*(?:до|к|не\s+позднее)\s+\d{1,2}(?:[.:]\d\d|\s+час[а-я]*)"
    r"(?:\s*(?:ч\.|час[а-я]*))?"
)
_HOUR = rf"(?:{_AT_HOUR})?"
# "еженедельно, по пятницам", "ежемесячно по графику": the day or the schedule too
_WHICH_DAY = (
    r"(?:\s*,?\s*по\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам"
    r"|воскресеньям|графику){_E})?"
).replace("{_E}", _E)
PERIODIC = re.compile(rf"{_W}(?:{_PERIODIC_WORD}){_E}{_WHICH_DAY}{_HOUR}", _FLAGS)
HOUR = re.compile(_AT_HOUR, _FLAGS)
# "до 5 числа месяца, следующего за отчетным" is monthly by itself
DAY_OF_MONTH = re.compile(
    rf"{_W}(?:в\s+срок\s+)?(?:до|не\s+позднее|не\s+позже|к)\s+\d{{1,2}}(?:-?го)?\s+числ[аоу]"
    r"(?:\s+(?:каждого\s+)?(?:месяца|квартала|полугодия))?"
    r"(?:\s*,?\s*следующ[а-я]*\s+за\s+(?:отчетн[а-я]*(?:\s+(?:месяцем|кварталом|периодом|годом))?"
    r"|(?:месяцем|кварталом|полугодием|годом)(?![а-я])))?",
    _FLAGS,
)
PERMANENT = re.compile(
    rf"{_W}(?:постоянно(?!\s+действ)|на\s+постоянной\s+основе|в\s+постоянном\s+режиме"
    r"|систематически|регулярно|на\s+регулярной\s+основе|бессрочно"
    rf"|в\s+течение\s+всего\s+(?:периода|срока)[а-я]*){_E}",
    _FLAGS,
)
IMMEDIATE = re.compile(
    rf"{_W}(?:незамедлительно|немедленно|безотлагательно"
    rf"|в\s+день\s+(?:подписания|принятия|издания)(?:\s+настоящего\s+[а-я]+)?){_E}",
    _FLAGS,
)
# a deadline with no date to compute: "в кратчайшие сроки"
UNDATED = re.compile(rf"{_W}в\s+(?:кратчайш[а-я]+|сжат[а-я]+)\s+срок[а-я]*{_E}", _FLAGS)

_NUMBER = (
    r"(?:(?P<num>\d{1,3})(?!\d)(?:\s*-?\s*(?:х|ти|ми|и)(?![а-яё]))?(?:\s*\([^)]{1,40}\))?"
    rf"|(?P<word>{NUMBER_WORD}))"
)
DURATION = re.compile(
    rf"{_W}(?P<prep>в\s+течени[еи]|в\s+срок(?:\s+не\s+более)?|не\s+позднее|не\s+позже|через"
    rf"|в\s+пределах)\s+(?:{_NUMBER}\s*)?(?P<work>{_DAY_KIND})?"
    r"(?P<unit>дн(?:ей|я|\.)|день|суток|сутки|недел[а-я]*|декад[а-я]*|месяц[а-я]*|квартал[а-я]*"
    rf"|полугода|полгода|года|год|лет|час(?:а|ов)?){_E}",
    _FLAGS,
)
# "в 10-дневный срок", "в 3-х дневный срок", "в двухнедельный срок", "в месячный срок"
COMPOUND = re.compile(
    rf"{_W}в\s+(?:(?P<num>\d{{1,3}})\s*-?\s*(?:х|ти|ми|и)?\s*-?\s*)?"
    r"(?P<word>[а-я]*?)(?P<unit>дневн|недельн|месячн|годичн|декадн|суточн)[а-я]*\s+срок(?![а-я])",
    _FLAGS,
)
ANCHOR = re.compile(
    r"\s*,?\s*(?P<anchor>со\s+дня|с\s+даты|с\s+момента|после|по\s+(?:завершени[ию]|окончани[ию]"
    r"|итогам|результатам|получени[ию]|поступлени[ию]|истечени[ию]))\s+"
    r"(?:(?:его|ее|их)\s+)?(?P<noun>[а-я]+)",
    _FLAGS,
)
# "по завершении практики в течение 5 рабочих дней": the anchor stands first
ANCHOR_BEFORE = re.compile(
    r"(?<![а-яё])(?P<anchor>со\s+дня|с\s+даты|с\s+момента|после|по\s+(?:завершени[ию]"
    r"|окончани[ию]|итогам|результатам|получени[ию]|поступлени[ию]|истечени[ию])"
    # "при выявлении у пациента признаков ОРВИ в течение 2 часов": the case that starts it
    r"|при\s+(?=(?:выявлени|обнаружени|возникновени|поступлени|получени|установлени)))"
    r"\s*(?:(?:его|ее|их)\s+)?(?P<noun>[а-я]+)"
    r"(?P<rest>(?:\s+(?![а-я]+(?:ть|ти|чь)(?:ся|сь)?(?![а-я]))[а-я«»\"-]+){0,4})\s*,?\s*$",
    _FLAGS,
)
# The document itself: "со дня подписания (настоящего приказа)".
DOC_NOUN = re.compile(r"^(?:принятия|подписания|издания|утверждения|выхода|вступления)$", _FLAGS)
DOC_OBJECT = re.compile(rf"^\s+(?:настоящ|данн|эт|{ACT_STEMS}|в\s+силу)", _FLAGS)
# "после проведения мероприятия", "по завершении учебного года", "по мере
# необходимости", "до начала инвентаризации"
EVENT = re.compile(
    r"(?<![а-яё])(?:после\s+(?:(?:его|ее|их)\s+)?(?P<noun>[а-я]+(?:ния|тия))"
    r"|по\s+(?:завершени[ию]|окончани[ию]|получени[ию]|поступлени[ию])"
    r"|по\s+мере\s+[а-я]+|по\s+необходимости"
    # "в период ледохода", "в период проведения выборов": the time of an event (named
    # seasons such as "в период летних каникул" are dates: see named.py)
    r"|в\s+(?:период|время|дни|день)\s+(?:проведения|прохождения)\s+[а-я]+"
    r"|в\s+(?:период|время|дни)\s+(?:весеннего\s+)?(?:ледохода|паводка|половодья)"
    # "в период действия особого противопожарного режима", "в период снегопадов и
    # метелей": a regime in force, or weather named in the genitive plural
    r"|в\s+период\s+(?:действия|[а-я]{3,}(?:ов|ей)(?:\s+и\s+[а-я]{3,}(?:ов|ей))?)(?![а-я])"
    # "в период понижения температуры …": a change named by its verbal noun
    r"|в\s+период\s+(?:резкого\s+)?(?:понижения|повышения|снижения|ухудшения|усиления|подъема"
    r"|подъёма)\s+[а-я]+"
    r"|до\s+(?:начала|окончания|завершения|проведения)\s+(?!(?:текущего\s+|этого\s+|"
    r"следующего\s+|нового\s+)?(?:года|месяца|квартала|полугодия|учебного|срока)(?![а-я]))"
    r"[а-я]+)(?![а-яё])",
    _FLAGS,
)
RESULT_EVENT = re.compile(rf"{_W}по\s+(?:итогам|результатам)\s+[а-я]+{_E}", _FLAGS)
BEFORE_EVENT = re.compile(
    rf"{_W}(?:не\s+позднее,?\s+(?:чем\s+)?)?за\s+(?:{_NUMBER}\s+)?(?:рабоч[а-я]+\s+)?"
    rf"(?:дн[а-я]*|день|недел[а-я]*|месяц[а-я]*)\s+до\s+[а-я]+{_E}",
    _FLAGS,
)
IN_FORCE = re.compile(r"вступа[а-я]*\s+в\s+(?:законную\s+)?силу[^.;\n]*$", _FLAGS)
# The phrase after an anchor: up to three words, not a verb nor a new clause.
_TAIL_WORD = re.compile(r"\s+([а-яa-z0-9-]+)", _FLAGS)
_STOP_WORD = re.compile(
    r"^(?:и|или|а|но|в|во|на|с|со|по|к|ко|до|для|от|за|о|об|при|не|срок|[а-я]+(?:ть|ти|чь)"
    r"(?:ся|сь)?)$",
    _FLAGS,
)


def _extend(text: str, stop: int, words: int = 3) -> int:
    for _ in range(words):
        m = _TAIL_WORD.match(text, stop)
        if m is None or _STOP_WORD.match(m[1]):
            break
        stop = m.end()
    return stop


# What may finish an event phrase that ends its item: "… в каждом населенном пункте."
_ITEM_TAIL = re.compile(r"((?:,?\s+[А-ЯЁа-яё0-9«»\"-]+){1,6}?)\s*[.;]?\s*$")


def _to_item_end(text: str, stop: int) -> int:
    """An event phrase that ends the item takes the item's last words ("после
    проведения ВПР по соответствующему предмету"), unless they hold a verb; a
    participle clause after a comma too ("после представления документов,
    подтверждающих оплату путевки")."""
    m = _ITEM_TAIL.match(text, stop)
    if m is None or any(re.fullmatch(r"[а-яё]+(?:ть|ти|чь)(?:ся|сь)?", w) for w in m[1].split()):
        return stop
    clauses = m[1].split(",")
    if len(clauses) > 2 or (len(clauses) == 2 and not _participle(clauses[1])):
        return stop
    return m.end(1)


def _participle(clause: str) -> bool:
    """Does the clause open with a participle ("подтверждающих оплату")?"""
    first = clause.split()[0] if clause.split() else ""
    return any(p.tag.POS == "PRTF" for p in parse_word(first.lower())[:2])


_COMPARATIVES = frozenset({"и", "ниже", "выше", "более", "менее", "минус", "плюс"})
_VERB_GAP = re.compile(r"\s+([а-яёa-z0-9-]+|°\s?[CС]|%)", _FLAGS)  # "до минус 35 °C"


def _to_verb(text: str, start: int, stop: int) -> int:
    """An event that opens the item runs to its verb ("после получения протоколов
    измерений от испытательной лаборатории оформить …"), when no comma comes first
    and it is short."""
    before = text[:start]
    opens = not before.strip(" \t\n-–—") or before.rstrip().endswith(")")
    if not (opens or _dative_before(before[-40:]) or _addressee_opens(before)) or stop >= len(text):
        return stop
    verb = _walk_to_verb(text, stop, _VERB_GAP, _in_event_phrase, steps=8, comma=False)
    return stop if verb is None else verb


def _in_event_phrase(word: str) -> bool:
    """A word an event phrase runs over to its verb: nouns, adjectives,
    prepositions, numbers, "и ниже"; not an adverb ("… режима ежедневно
    информировать": a phrase of its own)."""
    tags = {p.tag.POS for p in parse_word(word.lower())[:1]}
    return word.lower() in _COMPARATIVES or tags <= {"NOUN", "ADJF", "PREP", "NUMR", None}


def _walk_to_verb(
    text: str,
    stop: int,
    word_re: re.Pattern[str],
    fits: Callable[[str], bool],
    *,
    steps: int,
    comma: bool,
) -> int | None:
    """Where the infinitive after `stop` starts, when only words that `fits` stand
    between (at most `steps` of them, each matched by `word_re`); None otherwise.
    comma: whether a comma may stand before the verb."""
    for _ in range(steps):
        verb = _INFINITIVE.match(text, stop)
        if (
            verb
            and (comma or not verb.group(0).lstrip().startswith(","))
            and any(p.tag.POS == "INFN" for p in parse_word(verb[1].lower())[:2])
        ):
            return stop
        word = word_re.match(text, stop)
        if word is None or not fits(word[1]):
            return None
        stop = word.end()
    return None


def _count(m: re.Match[str]) -> int:
    if m["num"]:
        return int(m["num"])
    if m["word"]:
        return NUMBER_WORDS.get(m["word"].lower(), 1)
    return 1


def _add(doc_date: date | None, unit: tuple[str, int], count: int, work: bool) -> date | None:
    if doc_date is None:
        return None
    kind, size = unit
    if work:
        return add_working_days(doc_date, count * size)
    if kind == "days":
        return date.fromordinal(doc_date.toordinal() + count * size)
    return add_months(doc_date, count * size)


def _anchored(text: str, start: int, stop: int, due: date | None) -> Candidate:
    """A duration at text[start:stop], maybe with its anchor after or before it."""
    a = ANCHOR.match(text, stop)
    if a is None:
        b = ANCHOR_BEFORE.search(text[max(0, start - 80) : start])
        if b is None:
            return Candidate(start, stop, "date", due)
        first = start - len(text[max(0, start - 80) : start]) + b.start()
        by_document = b["anchor"].lower().startswith(("со", "с ", "после"))
        names_document = not b["rest"].strip() or DOC_OBJECT.match(b["rest"])
        if by_document and _this_act(b["noun"]) and names_document:
            return Candidate(first, stop, "date", due)
        return Candidate(first, stop, "event")
    end = _extend(text, a.end())
    by_document = a["anchor"].lower().startswith(("со", "с ", "после"))
    if by_document and _this_act(a["noun"]) and _is_document(text, a.end()):
        return Candidate(start, end, "date", due)
    return Candidate(start, _to_item_end(text, end), "event")


def _this_act(noun: str) -> bool:
    """ "со дня подписания", and "со дня заседания" with nothing after it: the
    meeting that adopted the act (a protocol's, a presidium's), on its date."""
    return bool(DOC_NOUN.match(noun)) or noun.lower() == "заседания"


def _is_document(text: str, stop: int) -> bool:
    """After "со дня подписания": is the act signed this document? Yes when
    the next words name it ("настоящего приказа") or no object follows."""
    rest = text[stop : stop + 20]
    return bool(DOC_OBJECT.match(rest)) or _extend(text, stop) == stop


def find_durations(text: str, doc_date: date | None) -> Iterator[Candidate]:
    for m in DURATION.finditer(text):
        unit_word = m["unit"].lower()
        numbered = bool(m["num"] or m["word"])
        if (
            not numbered
            and unit_word.startswith(("год", "квартал"))
            and not ANCHOR.match(text, m.end())
        ):
            continue  # "в течение года" without "со дня ...": the calendar year
        if unit_word.startswith("час"):
            found = _anchored(text, m.start(), m.end(), None)
            if found.kind == "event":  # "в течение 2 часов" only after an event
                yield found
            continue
        unit = unit_of(unit_word)
        if unit is None or (m["prep"].lower().startswith("в срок") and not numbered):
            continue
        due = _add(doc_date, unit, _count(m), bool(m["work"] and m["work"].startswith("раб")))
        yield _anchored(text, m.start(), m.end(), due)
    for m in COMPOUND.finditer(text):
        count = COMPOUND_PREFIXES.get(m["word"].lower())
        unit = unit_of(m["unit"])
        if unit is None or (count is None and not m["num"]) or (m["num"] and m["word"]):
            continue
        count = int(m["num"]) if m["num"] else count or 1
        yield _anchored(text, m.start(), m.end(), _add(doc_date, unit, count, False))


def find_events(text: str, bare: bool) -> Iterator[Candidate]:
    for m in EVENT.finditer(text):
        if IN_FORCE.search(text, 0, m.start()):
            continue  # "вступает в силу после опубликования": not a deadline
        if m["noun"] and DOC_NOUN.match(m["noun"]) and _is_document(text, m.end()):
            continue  # "после подписания настоящего приказа": a start, not a deadline
        stop = _to_item_end(text, _extend(text, m.end()))
        hour = HOUR.match(text, stop)  # "в день проведения ВПР до 7.30"
        stop = hour.end() if hour else _to_verb(text, m.start(), stop)
        yield Candidate(m.start(), stop, "event")
    for m in BEFORE_EVENT.finditer(text):
        yield Candidate(m.start(), _extend(text, m.end()), "event")
    for m in RESULT_EVENT.finditer(text):
        if bare:
            yield Candidate(m.start(), _extend(text, m.end()), "event")
        elif (stop := _before_action(text, m.start(), m.end())) is not None:
            yield Candidate(m.start(), stop, "event")


_INFINITIVE = re.compile(r"\s*,?\s*([а-яё]+(?:ть|ти|чь)(?:ся|сь)?)(?![а-яё])", _FLAGS)
# What may stand before "по итогам …" that opens what an addressee is to do: the
# item's start, a comma or colon, a name's initials, a dash bullet.
_OPENS_ACTION = re.compile(r"(?:^|[,:;)(–—-]|[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*$")


def _before_action(text: str, start: int, stop: int) -> int | None:
    """Where "по итогам субботника" ends when it says when to act: it opens the
    action ("Старшему воспитателю … по итогам субботника разместить фотоотчет").
    In prose ("подготовить справку по итогам проверки") it names a topic: None."""
    before = text[max(0, start - 40) : start]
    if not (
        _OPENS_ACTION.search(before) or _dative_before(before) or _addressee_opens(text[:start])
    ):
        return None
    # "по итогам проведения школьной недели здорового питания"; not "по итогам
    # проверки информацию направить" (an object, not the event's name)
    return _walk_to_verb(text, stop, _TAIL_WORD, _genitive, steps=6, comma=True)


def _genitive(word: str) -> bool:
    """A word of the event's name: a genitive ("проведения школьной недели") or an
    abbreviation ("ВПР")."""
    if word.isupper() or word[:1].isdigit():
        return True
    return any(p.tag.case == "gent" for p in parse_word(word.lower())[:3])


def _addressee_opens(before: str) -> bool:
    """ "Руководителям лагерей с дневным пребыванием детей по итогам …": the item
    opens with its addressee in the dative, and no verb nor clause break follows
    before the phrase."""
    words = re.findall(r"[А-ЯЁа-яё]+|[,;:.()]", before)
    if not words or len(words) > 12 or any(not w.isalpha() for w in words):
        return False
    first = parse_word(words[0].lower())[0]
    if first.tag.case != "datv" or first.tag.POS not in {"NOUN", "ADJF"}:
        return False
    return not any(
        p.tag.POS in {"VERB", "INFN", "PRTS", "GRND"}
        for w in words
        for p in parse_word(w.lower())[:1]
    )


def _dative_before(before: str) -> bool:
    """ "Отделу по итогам …": an addressee in the dative just before."""
    m = re.search(r"([А-ЯЁа-яё]+)\s*$", before)
    return bool(m) and any(p.tag.case == "datv" for p in parse_word(m[1].lower())[:1])


def find_periodic(text: str) -> Iterator[Candidate]:
    for pattern in (PERIODIC, DAY_OF_MONTH):
        for m in pattern.finditer(text):
            yield Candidate(m.start(), m.end(), "periodic")
    for m in PERMANENT.finditer(text):
        yield Candidate(m.start(), m.end(), "permanent")
    for m in UNDATED.finditer(text):
        yield Candidate(m.start(), m.end(), "date")


def find_immediate(text: str, doc_date: date | None) -> Iterator[Candidate]:
    for m in IMMEDIATE.finditer(text):
        yield Candidate(m.start(), m.end(), "date", doc_date)
