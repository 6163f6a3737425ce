"""Words of the genre: document types, operative markers, positions.

Sources: ГОСТ Р 7.0.97-2016 (requisites: the name of the document type,
the signature) and the acts of collegial bodies we read.
"""

from __future__ import annotations

import re

# Document type as printed (letters only, upper case) -> (doc_type, kind).
DOC_TYPES: dict[str, tuple[str, str]] = {
    "ПОСТАНОВЛЕНИЕ": ("постановление", "decree"),
    "РЕШЕНИЕ": ("решение", "decree"),
    "ПРИКАЗ": ("приказ", "order"),
    "РАСПОРЯЖЕНИЕ": ("распоряжение", "order"),
    "ВЫПИСКАИЗПРОТОКОЛА": ("выписка из протокола", "protocol"),
    "ПРОТОКОЛ": ("протокол", "protocol"),
    "ВЫПИСКА": ("выписка из протокола", "protocol"),
}

# The verb that opens the operative part, in every form we have seen.
MARKERS = (
    "постановляет",
    "постановляю",
    "постановил",
    "постановили",
    "постановила",
    "постановило",
    "решил",
    "решила",
    "решили",
    "решило",
    "решает",
    "приказываю",
    "обязываю",
    "предлагаю",
    "рекомендует",
)


def _spaced(word: str) -> str:
    # "П О С Т А Н О В Л Я Е Т" and "постановляет" alike.
    return r"[ \t]?".join(re.escape(ch) for ch in word)


# A marker ends its line or is followed by a colon. It may be glued to the word
# before it ("СОПпостановляет:"), so no left word boundary is required when a
# colon follows.
MARKER_RE = re.compile(
    r"(?P<marker>" + "|".join(_spaced(m) for m in sorted(MARKERS, key=len, reverse=True)) + r")"
    r"(?P<tail>[ \t]*(?::|-|–|—)|[ \t]*(?=\n|$))",
    re.IGNORECASE,
)

# Positions that sign an act (ГОСТ Р 7.0.97-2016, requisite 22 "подпись").
POSITIONS = (
    "председатель",
    "председательствующий",
    "заместитель председателя",
    "глава",
    "ректор",
    "проректор",
    "директор",
    "заведующий",
    "заведующая",
    "руководитель",
    "начальник",
    "министр",
    "заместитель",
    "секретарь",
    "президент",
    "и.о.",
    "и. о.",
    "врио",
    "временно исполняющий",
    "исполняющий обязанности",
    "главный врач",
    "генеральный директор",
    "управляющий",
    "первый заместитель",
    "командир",
    "уполномоченный",
    "мэр",
    "губернатор",
    "префект",
    "ректор",
    "президент",
    "атаман",
    "управляющая",
    "заведующая",
    "главный бухгалтер",
)

POSITION_RE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(POSITIONS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

# "А.А. Магомедов", "Магомедов А.А.", "А. А. Магомедов". Signatures put the
# initials first, so that form is tried first ("Председатель С.Г. Ахмедов").
INITIALS_FIRST_RE = re.compile(r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
INITIALS_NAME_RE = re.compile(
    r"(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
)

# Words that open a title (ГОСТ Р 7.0.97-2016, requisite 18 "заголовок к тексту").
TITLE_RE = re.compile(r"^(?:О|Об|Обо)\s+\S", re.UNICODE)

PLACE_RE = re.compile(
    r"^(?:г\.|город|гор\.|с\.|село|пос\.|посёлок|поселок|п\.|пгт|ст-ца|станица|аул|д\.)"
    r"\s*[А-ЯЁ][А-Яа-яЁё\-]+(?:[ \-][А-ЯЁ][а-яё]+)?",
)

# A unit with its name: "г. Махачкала", also standing inside a header line.
PLACE_INLINE_RE = re.compile(
    r"(?<![А-Яа-яЁё])(?:г\.|город|гор\.|с\.|село|пос\.|пгт|ст-ца|аул)\s*"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:\s[А-ЯЁ][а-яё]+)?"
)

CONTROL_RE = re.compile(
    r"контроль\s+(?:за|над)\s+(?:ходом\s+)?(?:исполнени|выполнени|реализаци)", re.IGNORECASE
)

# Lines that end the operative part even without a signature block.
APPENDIX_RE = re.compile(r"^\s*(?:приложение|утвержден[оа]?\b|план\s+мероприятий)", re.IGNORECASE)

# Deadline lines that follow an item: "Срок - до 1 октября", "Срок исполнения: …".
DEADLINE_LINE_RE = re.compile(
    r"^\s*(?:срок(?:\s+(?:исполнения|выполнения|представления|реализации|"
    r"предоставления))?|сроки)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)

RESPONSIBLE_LINE_RE = re.compile(
    r"^\s*(?:ответственн(?:ый|ые|ая)|исполнител(?:ь|и))\s*(?:за\s+исполнение)?\s*[:\-–—]\s*",
    re.IGNORECASE,
)
