"""Words of time in Russian acts: months, year words, numerals, units.

Lexicon only: the regexes that use these words live in `dates.py`,
`deadlines/__init__.py` and `rules.py`. Every word here is written with "е"
for "ё": the scanners replace "ё" before matching.
"""

from __future__ import annotations

import re

# -- months ------------------------------------------------------------------

_MONTH_FORMS = {
    1: "январь января январе январю январем",
    2: "февраль февраля феврале февралю февралем",
    3: "март марта марте марту мартом",
    4: "апрель апреля апреле апрелю апрелем",
    5: "май мая мае маю маем",
    6: "июнь июня июне июню июнем",
    7: "июль июля июле июлю июлем",
    8: "август августа августе августу августом",
    9: "сентябрь сентября сентябре сентябрю сентябрем",
    10: "октябрь октября октябре октябрю октябрем",
    11: "ноябрь ноября ноябре ноябрю ноябрем",
    12: "декабрь декабря декабре декабрю декабрем",
}
# Abbreviations are accepted only with their dot ("15 сент. 2023 г.").
_MONTH_ABBREVIATIONS = {
    "янв": 1,
    "фев": 2,
    "февр": 2,
    "апр": 4,
    "авг": 8,
    "сен": 9,
    "сент": 9,
    "окт": 10,
    "нояб": 11,
    "дек": 12,
}

MONTH_WORDS: dict[str, int] = {
    word: number for number, forms in _MONTH_FORMS.items() for word in forms.split()
}
MONTH_WORDS.update(_MONTH_ABBREVIATIONS)

_GENITIVE = [forms.split()[1] for forms in _MONTH_FORMS.values()]


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_ABBREVIATED = rf"(?:{_alternation(list(_MONTH_ABBREVIATIONS))})\."
# "15 августа", "15 сент."
MONTH_GENITIVE = rf"(?:(?:{_alternation(_GENITIVE)})(?![а-яё])|{_ABBREVIATED})"
# a month in any case: "сентябрь", "в сентябре", "до конца сентября"
MONTH_ANY = (
    rf"(?:(?:{_alternation([w for f in _MONTH_FORMS.values() for w in f.split()])})(?![а-яё]))"
)


def month_number(word: str) -> int | None:
    """1-12 for a month word or abbreviation ("сентября", "сент."), else None."""
    return MONTH_WORDS.get(word.lower().replace("ё", "е").rstrip("."))


# -- years -------------------------------------------------------------------

# "г.", "года", "году", "гг." after a year number
YEAR_SUFFIX = (
    r"(?:(?:года|году|годом|годах|годами|годам|годов|годы|год)|(?:гг|г)(?![а-яё])\.?)(?![а-яё])"
)

# A year named relative to the document: "т.г.", "с.г.", "текущего года",
# "следующего года", "в этом году".
RELATIVE_YEAR = (
    r"(?:(?<![а-яё.])[тсп]\.\s?г(?![а-яё])(?!\.\s?т\.)\.?|тек\.\s?г(?:ода|\.)?"
    r"|(?:текущ|эт|следующ|будущ|предстоящ|прошл|предыдущ|минувш)(?:его|ем|ом)\s+год[ау](?![а-яё])"
    r"|(?:текущ|следующ|будущ|предстоящ|прошл|предыдущ)(?:ий|ем)\s+год(?![а-яё])"
    r"|сего\s+года)"
)

_NEXT_YEAR = re.compile(r"^(?:следующ|будущ|предстоящ)", re.IGNORECASE)
_LAST_YEAR = re.compile(r"^(?:прошл|предыдущ|минувш|п\.)", re.IGNORECASE)


def year_shift(words: str) -> int:
    """The year of a RELATIVE_YEAR phrase relative to the document's year."""
    if _NEXT_YEAR.match(words):
        return 1
    if _LAST_YEAR.match(words):
        return -1
    return 0


# "до конца года", "к концу квартала"
END_WORD = r"(?:конц[аеу]|конец|окончани[яюе])"

# -- quarters and halves -------------------------------------------------------

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4}
# "IV", "4", "4-м", "четвертом"; ranges "I-II" are matched whole and end at the last
ORDINAL = (
    r"(?:(?<![a-zа-я\d])(?:iv|iii|ii|i)(?![a-zа-я\d])"
    r"|(?<![\d.,])[1-4](?:\s*-?\s*(?:го|й|м|ом|ый|ой|ое|е)(?![а-яё]))?(?!\d)"
    r"|(?:перв|втор|трет|четверт)[а-я]*)"
)
_ORDINAL_TOKEN = re.compile(r"iv|iii|ii|i(?![a-z])|[1-4]|перв|втор|трет|четверт", re.IGNORECASE)


def last_ordinal(words: str) -> int | None:
    """The last ordinal in "I-II", "4-м", "второе", as a number."""
    tokens = _ORDINAL_TOKEN.findall(words.lower().replace("ё", "е"))
    if not tokens:
        return None
    token = tokens[-1]
    if token.isdigit():
        return int(token)
    return ROMAN.get(token) or ORDINAL_STEMS.get(token)


# -- numbers and durations -----------------------------------------------------

NUMBER_WORDS = {
    "один": 1, "одного": 1, "одной": 1, "одну": 1,
    "два": 2, "две": 2, "двух": 2,
    "три": 3, "трех": 3,
    "четыре": 4, "четырех": 4,
    "пять": 5, "пяти": 5,
    "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10,
    "четырнадцать": 14, "четырнадцати": 14,
    "пятнадцать": 15, "пятнадцати": 15,
    "двадцать": 20, "двадцати": 20,
    "тридцать": 30, "тридцати": 30,
    "сорок": 40, "сорока": 40,
    "шестьдесят": 60, "шестидесяти": 60,
    "девяносто": 90,
}  # fmt: skip
NUMBER_WORD = rf"(?:{_alternation(list(NUMBER_WORDS))})(?![а-яё])"

# First halves of compound adjectives: "двух|недельный", "десяти|дневный".
COMPOUND_PREFIXES = {
    "": 1, "одно": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6,
    "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "четырнадцати": 14,
    "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40,
    "шестидесяти": 60, "девяносто": 90,
}  # fmt: skip

# The unit of a duration, by the start of its word: (unit, how many of it).
# "days" counts calendar days, "weeks" 7 days, "months" calendar months.
UNIT_STEMS = (
    ("недел", ("days", 7)),
    ("декад", ("days", 10)),
    ("сут", ("days", 1)),
    ("дн", ("days", 1)),
    ("ден", ("days", 1)),
    ("полугод", ("months", 6)),
    ("полгод", ("months", 6)),
    ("месяч", ("months", 1)),
    ("месяц", ("months", 1)),
    ("квартал", ("months", 3)),
    ("годич", ("months", 12)),
    ("годов", ("months", 12)),
    ("год", ("months", 12)),
    ("лет", ("months", 12)),
)


def unit_of(word: str) -> tuple[str, int] | None:
    """("days", 7) for "недели", ("months", 1) for "месячный"; None if not a unit."""
    word = word.lower().replace("ё", "е")
    for stem, unit in UNIT_STEMS:
        if word.startswith(stem):
            return unit
    return None


# -- days with a name ---------------------------------------------------------

# "к Дню Победы" -> (5, 9); the key is a regex over the words after "к"/"ко"/"до".
NAMED_DAYS = (
    (r"(?:дню|дня)\s+победы", (5, 9)),
    (r"(?:дню|дня)\s+знаний", (9, 1)),
    (r"(?:дню|дня)\s+учителя", (10, 5)),
    (r"(?:дню|дня)\s+защиты\s+детей", (6, 1)),
    (r"(?:дню|дня)\s+пожил\w+\s+(?:людей|человека)", (10, 1)),
    (r"(?:дню|дня)\s+народного\s+единства", (11, 4)),
    (r"(?:дню|дня)\s+конституции(?:\s+\w+\s+федерации)?", (12, 12)),
    (r"(?:дню|дня)\s+россии", (6, 12)),
    (r"(?:дню|дня)\s+защитника\s+отечества", (2, 23)),
    (r"международн\w+\s+женск\w+\s+(?:дню|дня)", (3, 8)),
    (r"(?:новому|нового)\s+году?(?![а-яё])", (12, 31)),
)

# Seasons end on the last day of their last month; winter ends in February.
SEASONS = {"весен": 5, "лет": 8, "осен": 11, "зим": 2}
