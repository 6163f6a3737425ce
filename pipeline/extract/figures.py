"""Figures: numbers with their units ("10,4%", "11,8 млн рублей", "1 экземпляр на 100 членов").

`find_figures(text, offset)` returns every figure of a text in order of appearance.
Conventions follow corpus/README.md:

- value is scaled ("тыс.", "млн", "млрд") and takes kopecks as a fraction of a rouble;
  a number repeated in words in brackets ("5 (пять) экземпляров") counts once;
- unit is "%", "руб.", "кв.м", "°C", an expanded abbreviation ("чел." -> "человек") or the
  lemma of the counted noun after the number, skipping adjectives agreeing with it;
- a norm "1 экземпляр на 100 членов" has per=100, per_unit="член"; a rate "79 рублей в день"
  is not a norm: per stays None and per_unit records the period ("день");
- years, dates, times, phone numbers, item, article and document numbers, addresses, ordinals
  ("3 курса", "2 квартал") and the durations of deadlines ("в течение 10 дней",
  "10 рабочих дней", "в 3-дневный срок") are not figures; nor is a number with no unit.

Only regexes run over the whole text; pymorphy3 sees just the word after a number.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract import units as u
from pipeline.model import Figure
from pipeline.nlp import lemma
from pipeline.nlp import parse as parse_word

CONTEXT_CHARS = 200
_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# After 5, 6 … (and 11 … 14) the noun phrase is genitive plural, or agrees in an oblique case.
_GOVERNED = frozenset(("plur", case) for case in ("gent", "datv", "ablt", "loct", "loc2"))


# Adverbs of degree before the adjective of a counted noun.
_DEGREE = frozenset({"наиболее", "наименее", "особо"})

_Found = tuple[int, int, float, str, float | None, str | None]  # start, stop, value, unit, per …


class _Measure(NamedTuple):
    value: Decimal
    unit: str
    start: int
    stop: int
    adjectives: tuple[str, ...]


class _Word(NamedTuple):
    noun: str | None  # lemma when the likeliest parse is a (common) noun
    adjective: str | None  # nominative masc. singular when it may be an adjective/participle
    adj_forms: frozenset[tuple[str, str]]  # (number, case) of the adjective parses
    noun_forms: frozenset[tuple[str, str]]  # (number, case) of the noun parses


def find_figures(text: str, offset: int = 0) -> tuple[Figure, ...]:
    """Every figure of `text`, in order; start/stop are offsets in `text` plus `offset`."""
    masks = [(m.start(), m.end()) for m in u.MASK.finditer(text)]
    mask_starts = [a for a, _ in masks]

    def masked(pos: int) -> bool:
        i = bisect_right(mask_starts, pos) - 1
        return i >= 0 and masks[i][1] > pos

    figures: list[Figure] = []
    consumed = 0
    for m in u.NUMBER.finditer(text):
        if m.start() < consumed or masked(m.start("int")):
            continue
        found = _figure(text, m, masked)
        if found is None:
            continue
        start, stop, value, unit, per, per_unit = found
        figures.append(
            Figure(
                value=value,
                unit=unit,
                text=text[start:stop],
                per=per,
                per_unit=per_unit,
                context=_context(text, start, stop),
                start=start + offset,
                stop=stop + offset,
            )
        )
        consumed = stop
    return tuple(figures)


# Words between a norm's "1 <unit>" and its base: "газеты «Солидарность»", "медицинской сестры".
_NORM_GAP = re.compile(
    r"(?:\s+(?:[а-яё]+|«[^«»\n]{1,60}»)){1,3}?(?=\s+на\s+(?:\d|кажд|одн))", re.IGNORECASE
)


def _figure(text: str, m: re.Match[str], masked: Callable[[int], bool]) -> _Found | None:
    measure = _measure(text, m)
    if measure is None:
        return None
    stop, per, per_unit = measure.stop, None, None
    if measure.unit != "%":
        p = u.PER.match(text, stop)
        r = u.RATE.match(text, stop)
        gap = _NORM_GAP.match(text, stop) if not (p or r) else None
        after_gap = u.PER.match(text, gap.end()) if gap else None
        one = after_gap and (
            _per_one(after_gap) or re.match(r"1(?!\d)", text[after_gap.end() :])  # "на 1 …"
        )
        if after_gap and (measure.value == 1 or one):
            # "1 ставка медицинской сестры на 100 детей", "2 пары перчаток на 1 участника":
            # the norm's noun has an attribute
            p = after_gap
        if r and not p:  # "42 рубля в день на одного ребенка": a rate that is a norm too
            after = u.PER.match(text, r.end())
            if after and (after.group("one") or after.group("one_of")):
                p = after
        if p and _per_one(p):
            word = _unit_word(text, p.end(), Decimal(1))
            if word:
                per, per_unit, stop = 1.0, word[0], word[1]
        elif p:
            n = u.NUMBER.match(text, p.end())
            base = _measure(text, n) if n and not masked(n.start("int")) else None
            if base and base.unit != "%":
                per, per_unit, stop = float(base.value), base.unit, base.stop
        elif r:
            word = r.group("w").lower()
            per_unit, stop = u.RATE_UNITS.get(word, word), r.end()
    start, value = measure.start, float(measure.value)
    near = max(0, start - 8)
    minus = _MINUS.search(text[near:start])
    if minus:  # "до минус 35 °C"
        start, value = near + minus.start(), -value
    return start, stop, value, measure.unit, per, per_unit


_MINUS = re.compile(r"(?<![А-ЯЁа-яё])минус\s+$", re.IGNORECASE)


def _per_one(per: re.Match[str]) -> bool:
    """ "на одного", "за один", "от каждой": a base of one."""
    return bool(per.group("one") or per.group("one_of") or per.group("each"))


def _measure(text: str, m: re.Match[str]) -> _Measure | None:
    """The number matched by `m` with its scale and unit, or None when it is no figure."""
    digits = "".join(ch for ch in m.group("int") if ch.isdigit())
    frac = m.group("frac") or m.group("dfrac")
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    start, p = m.start("int"), m.end()
    if not frac and len(digits) == 4 and 1000 <= value <= 2100 and u.YEAR_AFTER.match(text, p):
        return None
    line_start = text.rfind("\n", max(0, start - 300), start) + 1 or max(0, start - 300)
    line_end = text.find("\n", p, p + 300)
    line = text[line_start : p + 300 if line_end < 0 else line_end]
    may_wrap = text[line_start:start].strip() != "" and "\t" not in line
    gap = u.GAP_NL if may_wrap else u.GAP
    if text[start - 1 : start] == "(" and text.startswith(")", p):  # "пять (5) экземпляров"
        start, p = start - 1, p + 1
    p = gap.match(text, p).end()
    if words := u.WORDS_IN_BRACKETS.match(text, p):  # "5 (пять) экземпляров"
        p = gap.match(text, words.end()).end()
    if scale := u.SCALE.match(text, p):
        value *= u.SCALES[scale.lastgroup]
        p = gap.match(text, scale.end()).end()
    if modifier := u.MODIFIER.match(text, p):  # "1000 и более членов"
        p = modifier.end()
    found = _unit(text, p, value)
    if found is None:
        return None
    unit, stop, adjectives = found
    if unit == "руб." and (kop := u.KOPECKS.match(text, stop)):
        value += Decimal(kop.group("kop")) / 100
        stop = kop.end()
    if unit in u.ORDINAL_NOUNS or (unit == "год" and value >= 1000):
        return None
    if unit in u.TIME_UNITS and _deadline(text, start, stop, unit, adjectives):
        return None
    if unit == "°C" and m.group("sign"):
        start = m.start()
        if m.group("sign") in "-−":
            value = -value
    return _Measure(value, unit, start, stop, adjectives)


def _deadline(text: str, start: int, stop: int, unit: str, adjectives: tuple[str, ...]) -> bool:
    """Whether a number of days/months/hours is the duration of a deadline or a clock time."""
    if u.DEADLINE_ADJECTIVES.intersection(adjectives):
        return True
    before = text[max(0, start - 40) : start]
    if u.DEADLINE_BEFORE.search(before) or u.DEADLINE_AFTER.match(text, stop):
        return True
    return unit == "час" and u.CLOCK_BEFORE.search(before) is not None


def _unit(text: str, p: int, value: Decimal) -> tuple[str, int, tuple[str, ...]] | None:
    """The unit starting at `p`: (unit, stop, adjectives skipped before the noun)."""
    if fixed := u.FIXED.match(text, p):
        return u.FIXED_UNITS[fixed.lastgroup], fixed.end(), ()
    adjectives: list[str] = []
    for _ in range(4):
        w = u.WORD.match(text, p)
        if w is None:
            return None
        word = w.group()
        if word[0].isupper() and not word.isupper():  # a name or the next sentence
            return None
        if word.lower() in _DEGREE and adjectives == []:  # "25 наиболее активных участников"
            p = u.GAP.match(text, w.end()).end()
            continue
        info = _analyse(word.lower())
        if info.adjective:
            q = u.GAP.match(text, w.end()).end()
            nxt = u.WORD.match(text, q)
            if nxt and _agree(info, _analyse(nxt.group().lower()), value):
                adjectives.append(info.adjective)
                p = q
                continue
        noun = info.noun or (_noun_after_adjective(word.lower()) if adjectives else None)
        if noun:
            return u.LEMMA_UNITS.get(noun, noun), w.end(), tuple(adjectives)
        if info.adjective and adjectives == []:  # "150 обучающихся"
            return info.adjective, w.end(), ()
        return None
    return None


def _noun_after_adjective(word: str) -> str | None:
    """A noun reading of a word that an agreeing adjective precedes ("4 новогодние
    ели": "ели" is more often a verb, but not after "новогодние")."""
    for parse in parse_word(word):
        if parse.tag.POS == "NOUN" and parse.score >= 0.05:
            return parse.normal_form
    return None


def _unit_word(text: str, p: int, value: Decimal) -> tuple[str, int] | None:
    found = _unit(text, p, value)
    return (found[0], found[1]) if found else None


def _agree(adjective: _Word, nxt: _Word, value: Decimal) -> bool:
    """An adjective agrees with the next word (a noun or another adjective) in the form
    the number governs: "15 первичных организаций", "2 рабочих дня", "в 5 школах"."""
    common = adjective.adj_forms & (nxt.noun_forms | nxt.adj_forms)
    if value != value.to_integral():
        return bool(common)
    n = int(value)
    if n % 10 == 1 and n % 100 != 11:
        return bool(common)
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        plural = {case for number, case in adjective.adj_forms if number == "plur"}
        if ("sing", "gent") in nxt.noun_forms and plural & {"gent", "nomn"}:
            return True
        return any(number == "plur" for number, _ in common)
    return bool(common & _GOVERNED)


@lru_cache(maxsize=8192)
def _analyse(word: str) -> _Word:
    if len(word) < 3:  # "г", "т", "п": abbreviations without a dot are not counted nouns
        return _Word(None, None, frozenset(), frozenset())
    parses = parse_word(word)
    first = parses[0] if parses else None
    noun = None
    if first is not None and first.tag.POS == "NOUN" and not (_NAMES & first.tag.grammemes):
        noun = lemma(word)
    elif first is not None:  # a tie with a noun reading: "саженцев" (ADJS 0.5, NOUN 0.5)
        tied = [p for p in parses if p.tag.POS == "NOUN" and p.score >= first.score]
        if tied and not (_NAMES & tied[0].tag.grammemes):
            noun = tied[0].normal_form
    adjective, adj_forms, noun_forms = None, set(), set()
    for parse in parses:
        form = (parse.tag.number or "sing", parse.tag.case or "")
        if parse.tag.POS in ("ADJF", "PRTF") and (parse is first or parse.score >= 0.05):
            adj_forms.add(form)
            if adjective is None:
                normal = parse.inflect({"masc", "sing", "nomn"})
                adjective = normal.word if normal else parse.normal_form
        elif parse.tag.POS == "NOUN":
            noun_forms.add(form)
    return _Word(noun, adjective, frozenset(adj_forms), frozenset(noun_forms))


def _context(text: str, start: int, stop: int) -> str:
    """The sentence (or line) around text[start:stop], at most ~CONTEXT_CHARS long."""
    reach = 2 * CONTEXT_CHARS  # a text on one line must not make this quadratic
    s = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    e = text.find("\n", stop, stop + reach)
    e = min(len(text), stop + reach) if e < 0 else e
    for end in u.SENTENCE_END.finditer(text, s, e):
        if end.end() <= start:
            s = end.end()
        elif end.end() > stop:  # the figure may end with the full stop ("руб.")
            e = end.start() + len(end.group().rstrip())
            break
    if e - s > CONTEXT_CHARS:
        half = max(0, (CONTEXT_CHARS - (stop - start)) // 2)
        s, e = max(s, start - half), min(e, stop + half)
        if s > 0 and not text[s - 1].isspace():
            s = min(start, text.find(" ", s) + 1 or start)
        if e < len(text) and not text[e].isspace():
            e = max(stop, text.rfind(" ", s, e) if text.rfind(" ", s, e) > 0 else stop)
    return " ".join(text[s:e].split())
