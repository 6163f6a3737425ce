"""What a directive asks of an organization of a given size.

    applies_to_members  "Контроль … возложить на …", "Информацию принять к сведению",
                        "… вступает в силу …", or addressed only to the issuer itself: no
    find_condition      "организациям, насчитывающим свыше 5000 членов профсоюза",
                        "1000 и более членов", "с численностью от 300 до 1000 человек"
    find_norm           "1 экземпляр на 100 членов профсоюза" (a figure with `per`)

A condition is a comparative (свыше, более, не менее, до, менее, "N и более") with a
number of members or persons after a word of size (насчитывающим, численностью,
объединяющим, имеющим …): "обучить не менее 20 человек" is a quota, not a condition.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.extract.lexicon import COLLEGIAL_BODIES, CONTROL_RE
from pipeline.model import Directive, Figure
from pipeline.nlp import lemma

_I = re.IGNORECASE
NOT_FOR_MEMBERS_RE = re.compile(
    r"(?:к\s+сведению|вступа\w*\s+в\s+(?:законную\s+)?силу|вступил\w*\s+в\s+силу"
    r"|утратившим\s+силу|снять\s+с\s+контроля|контроль\s+(?:за|над)\s+\w+"
    r"|контроль\s+\w+\s+(?:возложить|оставляю|оставить))",
    _I,
)
# Words that name member organizations in an addressee ("членские организации ДР СОП").
_MEMBER_WORDS = {"членский", "организация", "профсоюз", "профсоюзный", "первичный", "реском",
                 "профком", "территориальный", "отраслевой", "член", "объединение"}  # fmt: skip
# Words that name a unit or an officer of the issuing body itself.
_UNIT_WORDS = {"отдел", "сектор", "аппарат", "бухгалтерия", "служба", "пресс-служба",
               "секретариат", "заместитель", "секретарь", "специалист", "юрист", "инспектор",
               "референт", "консультант", "помощник", "управляющий"}  # fmt: skip
_BODY_WORDS = frozenset(COLLEGIAL_BODIES)
_SIZE = r"(?:насчитывающ\w*|численност\w*|объединяющ\w*|имеющ\w*|с\s+количеством|где\s+состо\w+"
_SIZE += r"|в\s+которых\s+состо\w+|охватывающ\w*|составляющ\w*)"
_NUM = r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
_UNIT = r"\s+(?P<unit>[а-яё]+\.?)"
_BEFORE = {
    "свыше": operator.gt, "более": operator.gt, "больше": operator.gt, "выше": operator.gt,
    "не менее": operator.ge, "не меньше": operator.ge, "от": operator.ge,
    "менее": operator.lt, "меньше": operator.lt, "ниже": operator.lt,
    "не более": operator.le, "не больше": operator.le, "до": operator.le,
}  # fmt: skip
_AFTER = {"более": operator.ge, "свыше": operator.ge, "больше": operator.ge,
          "менее": operator.le, "меньше": operator.le}  # fmt: skip
_CMP = "|".join(sorted((k.replace(" ", r"\s+") for k in _BEFORE), key=len, reverse=True))
_PREFIX_RE = re.compile(
    rf"{_SIZE}(?P<gap>(?:\s+[а-яё]+){{0,3}}?)\s+(?P<cmp>{_CMP})\s+{_NUM}"
    rf"(?:\s+до\s+(?P<num2>\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+))?{_UNIT}",
    _I,
)
_SUFFIX_RE = re.compile(
    rf"{_SIZE}(?P<gap>(?:\s+[а-яё]+){{0,3}}?)\s+{_NUM}\s+(?:и|или)\s+(?P<cmp>более|свыше|больше"
    rf"|менее|меньше){_UNIT}",
    _I,
)
MEMBER_UNITS = frozenset({"член", "человек", "чел", "чел.", "работник", "сотрудник", "работающий"})


@dataclass(frozen=True)
class Condition:
    """A bound on the size of the organizations a directive addresses."""

    text: str
    tests: tuple[tuple[Callable[[float, float], bool], float], ...]

    def holds(self, members: float) -> bool:
        return all(test(members, bound) for test, bound in self.tests)


def _number(s: str) -> float:
    return float(re.sub(r"\D", "", s))


def _is_member_unit(word: str) -> bool:
    word = word.lower()
    return word in MEMBER_UNITS or lemma(word.rstrip(".")) in MEMBER_UNITS


def find_condition(text: str) -> Condition | None:
    """The size condition of a directive's text, None when it has none."""
    for m in _PREFIX_RE.finditer(text):
        if not _is_member_unit(m.group("unit")):
            continue
        cmp = " ".join(m.group("cmp").lower().split())
        tests = [(_BEFORE[cmp], _number(m.group("num")))]
        if m.group("num2"):
            tests.append((operator.le, _number(m.group("num2"))))
        return Condition(text[m.start("cmp") : m.end()], tuple(tests))
    for m in _SUFFIX_RE.finditer(text):
        if _is_member_unit(m.group("unit")):
            test = _AFTER[m.group("cmp").lower()]
            return Condition(text[m.start("num") : m.end()], ((test, _number(m.group("num"))),))
    return None


def _words(s: str) -> set[str]:
    return {lemma(w.lower()) for w in re.findall(r"[А-ЯЁа-яё]+", s)}


def _internal(addressee: str, own: set[str]) -> bool:
    """An addressee inside the issuing body: a department, an officer, the body itself."""
    words = _words(addressee)
    if words & _MEMBER_WORDS:
        return False
    return bool(words & _UNIT_WORDS) or bool(own and own <= words)


def applies_to_members(directive: Directive, issuer: str | None) -> bool:
    """False for directives that address no member organization: control, "принять к
    сведению", entry into force; addressees that are all inside the issuing body
    ("отдел информационной работы", "заместитель председателя ДР СОП"); or, with no
    addressee, only named persons responsible (the issuer's staff in a plan table)."""
    if CONTROL_RE.search(directive.text) or NOT_FOR_MEMBERS_RE.search(directive.text):
        return False
    own = _words(issuer) - _BODY_WORDS if issuer else set()
    if directive.addressees:
        return not all(_internal(a, own) for a in directive.addressees)
    return not directive.responsible


def find_norm(directive: Directive, figures: tuple[Figure, ...]) -> Figure | None:
    """The norm a directive sets ("1 экземпляр на 100 членов"): a figure with `per`
    inside the directive's text; None when it sets none."""
    inside = [
        f
        for f in figures
        if f.per and directive.start is not None and f.start is not None
        and directive.start <= f.start < (directive.stop or 0)
    ]  # fmt: skip
    return inside[0] if inside else None


def restates(condition: Condition, sentence: str) -> bool:
    """Whether a sentence of a report speaks of the directive's size condition itself
    ("Первичных организаций с численностью свыше 200 членов в составе горкома нет")."""
    found = find_condition(sentence)
    return found is not None and {b for _, b in found.tests} == {b for _, b in condition.tests}
