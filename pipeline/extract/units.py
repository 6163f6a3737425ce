"""Lexicon for `figures`: unit spellings, scale words and the words that make
a number something other than a figure (dates, item and document numbers …).

Everything here is a precompiled regex or a frozen set; nothing loads a model.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.deadlines.timewords import MONTH_ANY, MONTH_GENITIVE
from pipeline.extract.lexicon import NUMBER_SIGN

SP = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break space, thin space
_I = re.IGNORECASE

MONTHS = f"{MONTH_ANY}|{MONTH_GENITIVE}"

# Words before a number that make it a label, a reference or part of an address.
_PREFIX = (
    NUMBER_SIGN + r"|пп?\.|п\.п\.|пункт\w*|подпункт\w*|ст\.|стать\w*|ч\.|част[ьиейюям]\w*"
    r"|гл\.|глав[аеуы]\w*|разд\.|раздел\w*|абз\.|абзац\w*|прил\.|приложени\w*"
    # "дому" of an address, not of "посещение на дому 48 ветеранов"
    r"|д\.|дом[ае]?|(?<!на\s)дому|кв\.|квартир[аеуы]\w*|корп\.|корпус\w*"
    r"|стр\.|строени\w*|оф\.|офис\w*"
    r"|каб\.|кабинет\w*|ауд\.|аудитори\w*|тел\.?|телефон\w*|факс\w*|моб\.|индекс\w*"
    r"|протокол\w*|с\.|л\.|том\w*|вып\.|выпуск\w*|инн|кпп|огрн|бик|окпо|р/с|к/с|сч\."
)
_NUMLIST = r"[\dIVXLC][\w./\-]*(?:\s*(?:,|и|или|-|–|—|по)\s*[\dIVXLC][\w./\-]*)*"

# Spans whose numbers are never figures. One alternation, one pass over the text.
MASK = re.compile(
    "|".join(
        (
            r"(?:https?://|www\.)\S+",  # URLs
            # e-mails; the look-behind starts a match only at a word start, so that a
            # 200 000-letter word is one scan, not one per letter (found by fuzzing)
            r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+",
            r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}(?!\d))?",  # 15.08.2023, 1.09.17, 15.06.
            rf"(?<!\d)\d{{1,2}}(?:-?(?:го|е|ое))?{SP}*(?:{MONTHS})(?![а-яё])(?:{SP}+\d{{4}})?",
            r"(?<!\d)\d{1,2}:\d{2}(?!\d)",  # 14:30
            rf"(?<!\d)\d{{1,2}}\.\d{{2}}{SP}*(?=ч)",  # 10.00 час.
            # phones: +7 928 123-45-67, 8 (8722) 67-89-10
            rf"(?:\+7|(?<![\d\w])8)[{SP[1:-1]}\-]*\(?\d{{3,5}}\)?[{SP[1:-1]}\-]*\d{{1,3}}"
            rf"[{SP[1:-1]}\-]?\d{{2}}[{SP[1:-1]}\-]?\d{{2}}(?!\d)",
            rf"(?<![\w])(?:{_PREFIX}){SP}*(?:{NUMBER_SIGN}{SP}*)?{_NUMLIST}",
            # item labels at a line or cell start: "1.", "2.1.", "3)", "2.1 Текст"
            r"(?:^|\t)[ \t]*\d+(?:\.\d+)*[.)](?![\d%])",
            r"(?:^|\t)[ \t]*\d+(?:\.\d+)+(?=\s+[А-ЯЁA-Z])",
        )
    ),
    _I | re.MULTILINE,
)

# A number: digit groups split by spaces, a decimal comma (or point).
NUMBER = re.compile(
    r"(?:(?<![\w.,/\\:№+\-−–])(?P<sign>[+\-−])|(?<![\w.,/\\:№+\-−–]))"
    rf"(?P<int>\d{{1,3}}(?:{SP}\d{{3}})+(?!\d)|\d++)"
    r"(?:,(?P<frac>\d+)|\.(?P<dfrac>\d+)(?!\.?\d))?"
    r"(?![-–/][\w]|[.:]\d)"
)

GAP = re.compile(f"{SP}*")
GAP_NL = re.compile(rf"{SP}*(?:\r?\n{SP}*(?=[а-яё]))?")
WORDS_IN_BRACKETS = re.compile(rf"\({SP}*[А-Яа-яЁё][А-Яа-яЁё\s,\-]{{0,200}}\)")

SCALE = re.compile(
    r"(?:(?P<k>тыс\.?|тысяч[аиу]?)|(?P<m>млн\.?|миллион(?:а|ов)?)"
    r"|(?P<b>млрд\.?|миллиард(?:а|ов)?))(?![а-яё])",
    _I,
)
SCALES = {"k": Decimal(1000), "m": Decimal(1_000_000), "b": Decimal(1_000_000_000)}

MODIFIER = re.compile(r"(?:и|или)\s+(?:более|свыше|менее|выше|больше|меньше)\s+|с\s+лишним\s+", _I)

# Units with a fixed spelling, tried before the morphological look-up.
_FIXED = (
    ("%", r"%|процент\w*|проц\."),
    ("кв.м", rf"кв\.?{SP}?м(?![\w])|м2(?!\d)|м²|кв\.?{SP}?метр\w*|квадратн\w+\s+метр\w*"),
    ("кв.км", rf"кв\.?{SP}?км(?![\w])|км2|км²|квадратн\w+\s+километр\w*"),
    ("куб.м", rf"куб\.?{SP}?м(?![\w])|м3(?!\d)|м³|кубическ\w+\s+метр\w*"),
    ("°C", rf"°{SP}?[СCс]?(?![а-яё])|градус\w*(?:\s+(?:цельсия|тепла|мороза))?"),
    ("руб.", r"руб\.?(?![а-яё])|рубл[ьяеюи]\w*|р\.(?![а-яё])"),
    ("коп.", r"коп\.?(?![а-яё])|копе[йе]\w*|копейк\w*"),
    ("человек", r"чел\.?(?![а-яё])"),
    ("экземпляр", r"экз\.?(?![а-яё])"),
    ("единица", r"ед\.?(?![а-яё])"),
    ("штука", r"шт\.?(?![а-яё])"),
    ("га", r"га(?![а-яё])"),
    ("км", r"км\.?(?![а-яё\d])"),
    ("кг", r"кг\.?(?![а-яё])"),
    ("т", r"тн\.?(?![а-яё])|т(?![а-яё.])|т\.(?!\s*г)"),
    ("м", r"м(?![а-яё.\d])"),
    ("см", r"см\.?(?![а-яё])"),
    ("мм", r"мм\.?(?![а-яё])"),
    # "200 голов коров": heads of livestock ("гол", a goal, is pymorphy's first lemma)
    ("голова", r"голов[аыуе]?(?![а-яё])"),
    ("час", r"ч\.(?![а-яё])|час\.(?![а-яё])"),
    ("минута", r"мин\.(?![а-яё])"),
    ("месяц", r"мес\.(?![а-яё])"),
    ("день", r"дн\.(?![а-яё])"),
)
FIXED = re.compile("|".join(f"(?P<u{i}>{rx})" for i, (_, rx) in enumerate(_FIXED)), _I)
FIXED_UNITS = {f"u{i}": unit for i, (unit, _) in enumerate(_FIXED)}

KOPECKS = re.compile(rf"{SP}*(?P<kop>\d{{1,2}}){SP}*(?:копе[йе]\w*|копейк\w*|коп\.?)", _I)

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")

# Lemmas that map to a canonical unit.
LEMMA_UNITS = {"рубль": "руб.", "процент": "%", "копейка": "коп.", "градус": "°C"}

# After a number these nouns make it an ordinal (3 курса, 2 квартал, до 5 числа).
ORDINAL_NOUNS = frozenset(
    {"курс", "класс", "этаж", "разряд", "квартал", "полугодие", "созыв", "число", "степень"}
)
# Units of time: a deadline ("в течение 10 дней") when the context says so.
TIME_UNITS = frozenset({"день", "сутки", "неделя", "месяц", "год", "час", "минута"})
DEADLINE_ADJECTIVES = frozenset({"рабочий", "календарный"})
DEADLINE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?:в\s+течени[еи]|через|не\s+позднее|не\s+позже|не\s+ранее"
    r"|по\s+истечении|спустя|(?:в\s+|на\s+)?срок(?:ом|а)?\s*[-–—:]?|за)"
    r"\s+(?:не\s+(?:более|менее|позднее)\s+|до\s+|на\s+)?$",
    _I,
)
DEADLINE_AFTER = re.compile(
    r"\s*(?:со\s+дня|с\s+даты|с\s+момента|с\s+начала|после|по\s+истечении"
    r"|до\s+(?:дня|даты|начала|окончания|проведения|истечения))(?![а-яё])",
    _I,
)
CLOCK_BEFORE = re.compile(r"(?:^|\s)(?:в|до|с|к)\s+$", _I)

YEAR_AFTER = re.compile(rf"{SP}*(?:г\.?г\.|гг?\.?|год\w*|учебн\w*)(?![а-яё])", _I)

# "1 экземпляр на 100 членов", "на каждого члена", "79 рублей в день".
# "9,48 рубля за один квадратный метр", "58 руб. 40 коп. с 1 кв. м": a rate per one unit.
PER = re.compile(
    rf"{SP}+(?:(?:в\s+расч[её]те\s+)?на{SP}+(?:(?P<one>каждого|каждую|каждое|одного|одну|одно)"
    rf"{SP}+|(?:каждые|каждых){SP}+)?"
    rf"|(?:за|с){SP}+(?P<one_of>один|одну|одно|одного|1){SP}+(?=[а-яё])"
    # "2 человек от каждой учебной группы", "2 встреч в каждом избирательном округе"
    rf"|(?:от|в|во){SP}+(?P<each>каждо(?:го|й|м)){SP}+(?=[а-яё]))",
    _I,
)
RATE = re.compile(
    rf"{SP}+в{SP}+(?P<w>день|сутки|неделю|месяц|год|час|смену|квартал|полугодие)(?![а-яё])", _I
)
RATE_UNITS = {"неделю": "неделя", "смену": "смена"}

# Sentence ends inside a line: ". " before a capital, unless after a short abbreviation.
SENTENCE_END = re.compile(
    r"(?<![\s.][А-Яа-яЁё])(?<!тел|стр|обл|каб)(?<!ул|кв|ст|гл|пп|им|пр)"
    r"[.!?…]+\s+(?=[А-ЯЁA-Z«\"]|\d+\.\s)"
)
