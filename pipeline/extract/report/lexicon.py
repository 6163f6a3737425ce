"""Words of the report genre: how member organizations answer a decree.

A report on execution ("Информация о выполнении постановления …") is a letter:
a letterhead, an outgoing number ("Исх. № 45"), an addressee in the dative
("Председателю ДР СОП"), a subject, a salutation ("Уважаемый …!"), answers item
by item ("По пункту 3", "П. 3 –", "1)") or in prose, and a signature whose
position names the organization in the genitive.
"""

from __future__ import annotations

import re

from pipeline.extract.lexicon import (
    ACT_STEMS,
    CAPITALIZED_POSITIONS,
    NUMBER_SIGN,
    NUMBER_SIGN_BEFORE_DIGIT,
    ORG_LEVEL_ADJECTIVES,
    ORG_NOUNS,
)

_I = re.IGNORECASE

# The subject of a report: "Информация о выполнении …", "Отчёт о ходе исполнения …".
SUBJECT_RE = re.compile(
    r"^\s*(?:(?:информаци[яи]|отч[её]т|справк[аи]|сведения|доклад)\b[^\n]{0,160}?\s)?"
    r"(?:о|об)\s+(?:ходе\s+)?(?:выполнени|исполнени|реализаци|проделанной\s+работе)",
    _I,
)
# A subject that is only the genre word on its own line ("Информация", "ОТЧЁТ").
SUBJECT_WORD_RE = re.compile(r"^\s*(?:информаци[яи]|отч[её]т|справка|сведения)\s*$", _I)
SUBJECT_TYPES = {"информация": "информация", "отчёт": "отчёт", "отчет": "отчёт",
                 "справка": "справка", "сведения": "сведения"}  # fmt: skip

OUTGOING_RE = re.compile(rf"(?<![а-яё])(?:исх\.?|исходящ\w*)\s*(?:{NUMBER_SIGN}|номер)?", _I)
SALUTATION_RE = re.compile(r"^\s*(?:уважаем(?:ый|ая|ые)|дорог(?:ой|ая|ие))\b[^\n]{0,80}!\s*$", _I)
SALUTATION_WORDS = frozenset({"уважаемый", "уважаемая", "уважаемые", "дорогой", "дорогая"})
# Verbs of a letter that informs: "сообщаем", "информируем", "доводим до сведения".
REPORTING_RE = re.compile(
    r"(?<![а-яё])(?:сообща(?:ем|ю|ет)|информиру(?:ем|ю|ет)|доклады(?:ваю|ваем|вает)"
    r"|дово(?:дим|дит)\s+до\s+(?:вашего\s+)?сведения"
    r"|(?:направля|представля)(?:ем|ет)\s+(?:вам\s+)?информацию)(?![а-яё])",
    _I,
)
# A heading of a part of a report that answers several acts: "I. Постановление от
# 15.08.2023 № 22-3", "По постановлению Президиума от 28.05.2024 № 31-4:".
SECTION_RE = re.compile(
    rf"^\s*(?:[IVXLC]{{1,4}}[.)]?\s+|\d{{1,2}}[.)]\s+)?(?:по\s+)?(?:{ACT_STEMS})[а-яё]*"
    r"(?:\s+[А-ЯЁа-яё]+){0,8}?\s+(?:от\s+[\d.]+\s*(?:г\.?)?\s*)?"
    rf"(?:{NUMBER_SIGN_BEFORE_DIGIT}\s*\S+)\s*(?:«[^»\n]*»)?\s*:?\s*$",
    _I,
)
# "во исполнение постановления", "о выполнении постановления": an act being executed.
EXECUTION_RE = re.compile(
    r"(?:во\s+исполнение|о\s+(?:ходе\s+)?(?:выполнении|исполнении|реализации)"
    r"|по\s+(?:выполнению|исполнению|реализации)|(?<![а-яё])на\s+ваш[еу]?)\s+"
    rf"(?:пункт\w*\s+[\d.,\sи]+)?(?:{ACT_STEMS})",
    _I,
)
# The cue right before a cited act that makes it the act the report answers.
# "… на постановление Президиума … сообщает", "На Ваше постановление № 14-2 …": the
# act a letter answers stands right after "на".
ANSWERED_BEFORE_RE = re.compile(
    r"(?:(?<![а-яё])на(?:\s+ваш[еу]?)?|исполнени\w*|выполнени\w*|реализаци\w*"
    r"|рассмотрено|рассмотрев|рассмотрели"
    r"|пункт\w*\s+[\d.,\sи]+|п\.\s*[\d.,\sи]+|\bпп?\.\s*[\d.]+)\s*$",
    _I,
)

# Item answers at the start of a line: "По пункту 3.", "П. 3 –", "Пункт 2:", "По п.1".
_ORDINALS = {
    "первому": "1", "второму": "2", "третьему": "3", "четвертому": "4", "четвёртому": "4",
    "пятому": "5", "шестому": "6", "седьмому": "7", "восьмому": "8", "девятому": "9",
    "десятому": "10",
}  # fmt: skip
ITEM_LABEL_RE = re.compile(
    r"^\s*(?:по\s+)?(?:пункт(?:у|ам|ы)?|пп?\.)\s*(?P<id>\d{1,2}(?:\.\d{1,2})*)"
    r"(?P<more>(?:\s*(?:,|и|-|–)\s*\d{1,2}(?:\.\d{1,2})*)*)\.?"
    r"(?P<tail>\s*(?:\([^()\n]{0,120}\)|постановлени[^:\n–—]{0,160}?(?=[:–—]))?)"
    r"\s*(?:[:.–—)-]\s*)?",
    _I,
)
ORDINAL_LABEL_RE = re.compile(
    r"^\s*по\s+(?P<ord>" + "|".join(_ORDINALS) + r")\s+пункту[^:\n–—.]{0,160}?\s*[:.–—-]?\s*",
    _I,
)
# "По подпункту «а» пункта 3", "пп. «б» п. 2" -> "3.а", "2.б".
SUBITEM_LABEL_RE = re.compile(
    r"^\s*(?:по\s+)?(?:подпункт\w*|пп\.)\s*«?(?P<sub>[а-яa-z]|\d{1,2})»?\)?\s+"
    r"(?:пункт\w*|п\.)\s*(?P<id>\d{1,2}(?:\.\d{1,2})*)\.?\s*(?:[:.–—-]\s*)?",
    _I,
)
# Where a flattened report (one long line) starts a new answer or its subject.
INLINE_BREAK_RE = re.compile(
    r"(?<=[.!?:;»])\s+(?=(?:По\s+)?(?:пункт[уаы]?|подпункт\w*|п\.|пп\.)\s*«?\w{0,2}»?\s*\d"
    rf"|По\s+[а-яё]+\s+пункту|П\.\s*\d|{CAPITALIZED_POSITIONS}\s)"
    r"|\s+(?=(?:Информация|Отч[её]т|Сведения|Справка)\s+(?:о|об)\s+(?:ходе\s+)?"
    r"(?:выполнении|исполнении|реализации))",
)
NUMBER_LABEL_RE = re.compile(r"^\s*(?P<id>\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?=\S)")
ORDINALS = _ORDINALS

# A table column that holds the decree's item number.
ITEM_COLUMN_RE = re.compile(rf"пункт|^\s*п\.\s*$|{NUMBER_SIGN}\s*п\.(?!\s*/)", _I)
# Columns that restate the directive rather than answer it.
DIRECTIVE_COLUMN_RE = re.compile(
    r"содержани|мероприяти|поручени|текст|наименовани|формулировк|задач", _I
)
ANSWER_COLUMN_RE = re.compile(
    r"выполн|исполн|сделано|результат|информаци|отметк|примечани|статус|ход\b", _I
)

# The addressee block: "Председателю …", "В Президиум …", "Руководителю …".
ADDRESSEE_RE = re.compile(
    r"^\s*(?:(?i:председателю|заместителю|руководителю|директору|главе|министру|начальнику"
    r"|президенту|секретарю|ректору)|(?:В|Во)\s+(?!(?i:исполнени|соответстви|связи|целях|рамках|ответ|течени|ходе))"
    r"[А-ЯЁа-яё]+)(?![а-яё])",
)
# Membership: "на учёте состоит 12 450 членов", "объединяет 3 200 человек".
MEMBERSHIP_CUE_RE = re.compile(
    r"(?:на\s+уч[её]те|объединя\w*|насчитыва\w*|численност\w*|состо(?:ит|ят)\b|в\s+рядах"
    r"|членами\s+профсоюза\s+являются|количество\s+членов|всего\s+членов|охватыва\w*)",
    _I,
)
MEMBER_UNITS = frozenset({"член", "человек", "работник", "сотрудник"})

# Heads of names of the organizations that report: nouns and the level adjectives
# ("Областная организация"); "рескома" is pymorphy's lemma of "реском".
ORG_HEADS = ORG_NOUNS | ORG_LEVEL_ADJECTIVES | {"рескома"}

# A letter that answers an act by citing it and reporting in one sentence: "В
# соответствии с постановлением Президиума … «…» информируем, что …".
ANSWERING_RE = re.compile(
    rf"(?<![а-яё])(?:{ACT_STEMS})[а-яё]*[^.!?;\n]{{0,300}}?"
    r"(?<![а-яё])(?:информиру(?:ем|ет)|сообща(?:ем|ет)|доводи[мт]\s+до)(?![а-яё])",
    _I,
)
# A subject that names the matter only ("Информация о мерах по улучшению …").
SUBJECT_MATTER_RE = re.compile(
    r"^\s*(?:информаци[яи]|отч[её]т|сведения|справка)\s+(?:о|об)\s+[а-яё]", _I
)
