"""The status a report's sentences give a directive.

One rule list, tried in order on each sentence:

    partial   "частично", "не в полном объёме", "не все", "пока"
    not_done  "перенесён", "отложен" (put off)
    partial   "в стадии", "в процессе" (under way)
    not_done  "не" before a verb or a short participle ("не создан", "не имеет"),
              "отсутствует", "нет", "ни одного"
    not_done  "планируется", "будет создан" (only intended: nothing done yet)
    done      anything else the report says about the directive

Over the sentences of one directive: a partial sentence makes it partial; done and
not_done sentences together make it partial (some of it was done); otherwise the
one kind there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.nlp import parse

_I = re.IGNORECASE
# Some of it was done: stronger than a negation inside the same sentence.
PARTIAL_RE = re.compile(
    r"(?<![а-яё])(?:частичн\w*|не\s+в\s+полн\w+\s+объ[её]м\w*|не\s+полност\w+|не\s+все[хм]?"
    r"|не\s+во\s+всех|лишь\s+частично|пока(?!\s+не\b)(?:\s+(?:только|лишь))?)(?![а-яё])",
    _I,
)
# Put off: not done, even when work has started ("в стадии разработки, запуск перенесён").
POSTPONED_RE = re.compile(r"(?<![а-яё])(?:перенес[её]н\w*|отложен\w*|сорван\w*)", _I)
UNDER_WAY_RE = re.compile(
    r"(?<![а-яё])(?:в\s+стадии|на\s+стадии|в\s+процессе|находится\s+в\s+разработке)", _I
)
# Only intended: partial unless the sentence also says it was not done.
PLANNED_RE = re.compile(
    r"(?<![а-яё])(?:планиру\w+|запланирован\w*|предполага\w+|намечен\w*|будет\s+\w+"
    r"|будут\s+\w+|в\s+ближайшее\s+время|прорабатыва\w+|разрабатыва\w+|готови?тся"
    r"|ведётся\s+работа\s+по|ведется\s+работа\s+по|находится\s+на\s+рассмотрении)(?![а-яё])",
    _I,
)
ABSENT_RE = re.compile(
    r"(?<![а-яё])(?:отсутству\w*|нет|не\s+имеется|ни\s+одн\w+|не\s+было|не\s+удалось)(?![а-яё])",
    _I,
)
_NOT_RE = re.compile(r"(?<![а-яё])не\s+([а-яё]+)", _I)
# Words after "не" that do not deny what was done: "не менее", "не реже", "не только".
_NOT_NEUTRAL = frozenset(
    re.findall(
        r"\w+",
        "только менее более реже позднее позже ранее раз всегда так очень меньше больше хуже "
        "лучше допустить допускать смотря считая один одна одно исключение",
    )
)
_DENYING_POS = frozenset({"VERB", "INFN", "PRTS", "ADJS"})
_CLAUSE_RE = re.compile(r"\s*[,;]\s*(?:а\s+|но\s+|однако\s+)?|\s+(?:а|но|однако)\s+")
_REASON_RE = re.compile(r"\s*(?:так\s+как|поскольку|потому\s+что|в\s+связи|из-за|ввиду)", _I)

DONE, PARTIAL, NOT_DONE = "done", "partial", "not_done"


def classify(sentence: str) -> str:
    """done, partial or not_done for one sentence of a report."""
    if PARTIAL_RE.search(sentence):
        return PARTIAL
    if POSTPONED_RE.search(sentence):
        return NOT_DONE
    if UNDER_WAY_RE.search(sentence):
        return PARTIAL
    if _denies(sentence):
        # "Побелка проведена, покраска не проведена": one part done, another not.
        clauses = _CLAUSE_RE.split(sentence.split(":")[0])
        mixed = any(_affirms(c) for c in clauses) and any(_denies(c) for c in clauses)
        return PARTIAL if mixed else NOT_DONE
    if PLANNED_RE.search(sentence):
        return NOT_DONE  # only intended: nothing has been done yet
    return DONE


def _affirms(clause: str) -> bool:
    """A clause that states something done: a past verb or a short participle, not denied,
    not a plan, not a reason ("так как …")."""
    if _denies(clause) or PLANNED_RE.search(clause) or _REASON_RE.match(clause):
        return False
    for word in re.findall(r"[а-яё]+", clause.lower()):
        tag = parse(word)[0].tag if parse(word) else None
        if tag is not None and (tag.POS == "PRTS" or (tag.POS == "VERB" and "past" in tag)):
            return True
    return False


def _denies(sentence: str) -> bool:
    if ABSENT_RE.search(sentence):
        return True
    for m in _NOT_RE.finditer(sentence):
        word = m.group(1).lower()
        if word in _NOT_NEUTRAL:
            continue
        parses = parse(word)
        if parses and parses[0].tag.POS in _DENYING_POS:
            return True
    return False


@dataclass(frozen=True)
class Unit:
    """A sentence of a report: text[start:stop], the directive it answers and how
    strongly its words speak of that directive (0 when only its label says so)."""

    text: str
    start: int
    stop: int
    directive: str | None
    explicit: bool
    relevance: float = 0.0
    words: str = ""  # the text to compare with directives: citations of the decree blanked
    follows: bool = False  # a later sentence of its item, not the one after the label


def decide(units: list[Unit]) -> tuple[str, Unit]:
    """The status of a directive from its sentences, and the sentence that decided it."""
    labelled = [(classify(u.text), u) for u in units]
    relevant = [(s, u) for s, u in labelled if u.relevance > 0] or labelled
    partial = [u for s, u in labelled if s == PARTIAL]
    if partial:
        return PARTIAL, partial[0]
    negative = [u for s, u in relevant if s == NOT_DONE]
    positive = [u for s, u in relevant if s == DONE]
    if negative and positive:
        return PARTIAL, negative[0]
    if negative:
        return NOT_DONE, negative[0]
    best = max(positive, key=lambda u: u.relevance)
    return DONE, best
