"""Words of the genre, each written once: the number sign, document types,
organization nouns, positions, operative markers, the deadline line.

Sources: ГОСТ Р 7.0.97-2016 (requisites: the name of the document type, the
registration number, the signature) and the acts of collegial bodies we read.
Regex fragments are strings (to be built into a module's own pattern); the
rest are compiled patterns and word sets. Regions are data: see `regions.py`.
"""

from __future__ import annotations

import re


def _words(line: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(line.split())


# The number sign before a registration number (ГОСТ Р 7.0.97-2016, requisite 11)
# or an item number: "№", "№№" (several numbers), "N" and "No." typed for it, and
# "в„–", the UTF-8 "№" read as cp1251. Use where a number follows in the pattern.
NUMBER_SIGN = r"(?:№№?|в„–|No\.?|N)"
# The same where a Latin "N" may be a letter of a word: "N" and "No." only before a digit.
NUMBER_SIGN_BEFORE_DIGIT = r"(?:№№?|в„–|(?:No\.?|N)(?=\s*\d))"

# Document types: (name, kind, forms). kind is the kind of document an act of this
# type heads (None: a type that is only cited); forms match the name in any case in
# running text. Longer names come before the shorter ones they contain.
DOCUMENT_TYPES: tuple[tuple[str, str | None, str], ...] = (
    ("федеральный закон", None, r"федеральн(?:ый|ого|ому|ым|ом)\s+закон(?:а|у|ом|е|ы|ов|ами)?"),
    ("выписка из протокола", "protocol", r"выписк(?:а|и|е|у|ой)\s+из\s+протокола"),
    ("коллективный договор", None, r"коллективн(?:ый|ого|ому|ым|ом)\s+договор(?:а|у|ом|е)?"),
    ("закон", None, r"закон(?:а|у|ом|е)?"),
    ("постановление", "decree", r"постановлени(?:е|я|ю|ем|и|й|ями|ях)"),
    ("распоряжение", "order", r"распоряжени(?:е|я|ю|ем|и|й|ями)"),
    ("решение", "decree", r"решени(?:е|я|ю|ем|и|й|ями)"),
    ("приказ", "order", r"приказ(?:а|у|ом|е|ы|ов|ами)?"),
    ("указ", None, r"указ(?:а|у|ом|е|ы|ов|ами)?"),
    ("протокол", "protocol", r"протокол(?:а|у|ом|е)?"),
    ("письмо", None, r"письм(?:о|а|у|ом|е)"),
    ("положение", None, r"положени(?:е|я|ю|ем|и)"),
    ("концепция", None, r"концепци(?:я|и|ю|ей)"),
    ("программа", None, r"программ(?:а|ы|е|у|ой)"),
    ("стратегия", None, r"стратеги(?:я|и|ю|ей)"),
    ("кодекс", None, r"кодекс(?:а|у|ом|е)?"),
    ("устав", None, r"устав(?:а|у|ом|е)?"),
    ("соглашение", None, r"соглашени(?:е|я|ю|ем|и)"),
    ("регламент", None, r"регламент(?:а|у|ом|е)?"),
    ("инструкция", None, r"инструкци(?:я|и|ю|ей)"),
    ("акт", None, r"акт(?:а|у|ом|е)?"),
)
# Short names a heading prints for a type: "ВЫПИСКА" (from the protocol …).
_HEADING_ALIASES = {"выписка": "выписка из протокола"}
_KINDS = {name: kind for name, kind, _ in DOCUMENT_TYPES if kind}
HEADING_TYPES = tuple(sorted([*_KINDS, *_HEADING_ALIASES], key=len, reverse=True))
# Document type as printed in a heading (letters only, upper case) -> (doc_type, kind).
DOC_TYPES: dict[str, tuple[str, str]] = {
    name.replace(" ", "").upper(): (full, _KINDS[full])
    for name in HEADING_TYPES
    for full in (_HEADING_ALIASES.get(name, name),)
}
# The types of acts that order (a decree, an order): their stems, "постановлени|решени|…".
ACT_STEMS = "|".join(
    forms.split("(")[0] for _, kind, forms in DOCUMENT_TYPES if kind in ("decree", "order")
)

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
    "первый заместитель",
    "секретарь",
    "президент",
    "и.о.",
    "и. о.",
    "врио",
    "временно исполняющий",
    "исполняющий обязанности",
    "главный врач",
    "генеральный директор",
    "главный бухгалтер",
    "управляющий",
    "управляющая",
    "командир",
    "уполномоченный",
    "мэр",
    "губернатор",
    "префект",
    "атаман",
)

_LONGEST_FIRST = sorted(POSITIONS, key=len, reverse=True)
POSITION_RE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in _LONGEST_FIRST) + r")\b", re.IGNORECASE
)
# The positions as a line or a sentence starts them: "Председатель|Глава|И\.о\.|…".
CAPITALIZED_POSITIONS = (
    "(?:" + "|".join(re.escape(p[:1].upper() + p[1:]) for p in _LONGEST_FIRST) + ")"
)
# Nouns that name a person's position or function ("директору школы Иванову И.И.",
# "учитель Петрова А.А."): the one-word signing positions and the other roles.
ROLE_NOUNS = frozenset(p for p in POSITIONS if " " not in p and "." not in p) | _words(
    "зампред повар учитель педагог воспитатель специалист инспектор бухгалтер главбух член "
    "инструктор консультант референт помощник советник юрисконсульт юрист методист завуч "
    "вице-президент декан врач медсестра фельдшер казначей делопроизводитель экономист "
    "инженер программист администратор менеджер координатор депутат профорг представитель "
    "лаборант корреспондент редактор сотрудник работник мастер тренер завхоз кассир водитель "
    "техник механик оператор контролёр контролер ревизор аудитор эксперт аналитик "
    "библиотекарь психолог логопед замминистра прокурор судья нотариус староста исполнитель "
    "преподаватель сестра"
)

# The collegial bodies that adopt acts (ГОСТ Р 7.0.97-2016, requisite 03: the name of
# the body), as they stand before the organization: "Президиум ДР СОП".
COLLEGIAL_BODIES = (
    "президиум",
    "комитет",
    "совет",
    "бюро",
    "пленум",
    "коллегия",
    "конференция",
    "ректорат",
    "правление",
    "собрание",
)
# Nouns that name a trade union itself ("Российский профсоюз работников культуры").
UNION_NOUNS = ("профсоюз", "союз")
# Nouns that head the name of a trade union's organization or body: the organizations
# that report on a union's decree ("… городская организация профсоюза", "реском").
UNION_ORG_NOUNS = ("организация", "профсоюз", "реском", "профком", "комитет")
# The same as a regex fragment of their stems: "организаци|профсоюз|…".
UNION_ORG_STEMS = "(?:" + "|".join(n.removesuffix("я") for n in UNION_ORG_NOUNS) + ")"
# Nouns that head the name of any organization, of one of its bodies or units
# ("республиканская организация профсоюза", "отдел кадров", "администрация района").
ORG_NOUNS = (
    frozenset(UNION_ORG_NOUNS)
    | frozenset(COLLEGIAL_BODIES)
    | _words(
        "союз федерация объединение ассоциация учреждение предприятие администрация правительство "
        "министерство департамент управление агентство инспекция служба фонд палата центр отдел "
        "отделение сектор филиал аппарат дирекция канцелярия бухгалтерия редакция лаборатория "
        "комиссия штаб кафедра факультет деканат школа гимназия лицей колледж техникум "
        "университет институт детсад сад библиотека музей больница поликлиника лагерь"
    )
)
# Adjectives of a union's level that name an organization with its noun: "областная
# организация", "первичная профсоюзная организация".
ORG_LEVEL_ADJECTIVES = _words(
    "первичный территориальный районный городской областной краевой республиканский профсоюзный"
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
    r"^(?:г\.|город|гор\.|р\.\s?п\.|с\.|село|пос\.|посёлок|поселок|п\.|пгт|ст-ца|станица|аул|д\.)"
    r"\s*[А-ЯЁ][А-Яа-яЁё\-]+(?:[ \-][А-ЯЁ][а-яё]+)?",
)

# A unit with its name: "г. Махачкала", also standing inside a header line.
PLACE_INLINE_RE = re.compile(
    r"(?<![А-Яа-яЁё.])(?:г\.|город|гор\.|р\.\s?п\.|с\.|село|пос\.|пгт|ст-ца|аул)\s*"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:\s[А-ЯЁ][а-яё]+)?"
)

# An item that takes note of what was heard ("Информацию … принять к сведению").
NOTED_RE = re.compile(r"принять\s+к\s+сведению", re.IGNORECASE)

CONTROL_RE = re.compile(
    r"контроль\s+(?:за|над)\s+(?:ходом\s+)?(?:исполнени|выполнени|реализаци)", re.IGNORECASE
)

# Lines that end the operative part even without a signature block.
APPENDIX_RE = re.compile(r"^\s*(?:приложение|утвержден[оа]?\b|план\s+мероприятий)", re.IGNORECASE)

# The label of a deadline: "Срок", "Сроки", "Срок исполнения", "Срок исп.".
DEADLINE_WORDS = (
    r"сроки?(?:\s+(?:исполнения|выполнения|представления|предоставления|реализации|исп\.))?"
)
# Deadline lines that follow an item: "Срок - до 1 октября", "Срок исполнения: …".
DEADLINE_LINE_RE = re.compile(rf"^\s*{DEADLINE_WORDS}\s*[:\-–—]?\s*", re.IGNORECASE)

RESPONSIBLE_LINE_RE = re.compile(
    r"^\s*(?:ответственн(?:ый|ые|ая)|исполнител(?:ь|и))\s*(?:за\s+исполнение)?\s*[:\-–—]\s*",
    re.IGNORECASE,
)

# Site furniture around an act copied from a web page (breadcrumbs, counters,
# share and print links, comments, a copyright line): never part of the act.
FURNITURE_LINE_RE = re.compile(
    r"^\s*(?:(?:Главная|Home)\s*[/>|›»]"
    r"|(?:Автор|Просмотр(?:ов|ы)|Опубликовано|Добавлено|Размещено|Обновлено)\s*:"
    r"|(?:Опубликовано|Добавлено|Размещено|Обновлено)\s+\d"
    r"|\d{1,2}\.\d{2}\.\d{4}(?:\s+\d{1,2}:\d{2})?\s*\|"
    r"|Версия\s+для\s+(?:печати|слабовидящих)|Поиск\s+по\s+(?:документам|сайту)"
    r"|Подписаться\b|Поделиться\b|Отправить\s+другу|Карта\s+сайта|Обратная\s+связь"
    r"|Официальн(?:ый|ого)\s+(?:сайт|портал|интернет)|Скачать\b|Введите\s+ваш"
    r"|Комментари(?:и|ев)\s*\(|Оставить\s+комментарий|Назад\s+к\s+списку|Разработка\s+сайта"
    r"|Текст\s+документа\s+приведен|Архив\s+(?:нормативных|документов)"
    r"|Все\s+(?:документы|протоколы|постановления|решения|распоряжения|приказы|новости)\b"
    r"|©|\([cс]\)\s|(?:Документы|Новости|Контакты|Главная)\s*$)"
    r"|Просмотров\s*:\s*\d"
    r"|\((?:pdf|docx?|rtf|xlsx?|odt|zip|скачать)\)\s*$",
    re.IGNORECASE,
)
# Where furniture starts or ends inside a page flattened to one line: "… Белгорода»
# Опубликовано 07.09.2011 | Просмотров: 254 ОБЛАСТНОЕ …", "… В.И. Щербаков Версия для печати".
FURNITURE_CUT_RE = re.compile(
    r"\s+(?=(?:Опубликовано|Добавлено|Размещено)\s*:?\s*\d|Автор\s*:|Версия\s+для\s"
    r"|Подписаться\s|Поделиться|©|\d{6},\s)"
    r"|(?<=Просмотров:)\s*\d+\s+"
)
# A menu: four or more short entries separated by "|".
MENU_LINE_RE = re.compile(r"^[^.;:|]{1,40}(?:\s\|\s[^.;:|]{1,40}){3,}$")
# The heading of a list of other documents under the act ("Другие документы раздела").
FURNITURE_LIST_RE = re.compile(
    r"^\s*(?:(?:Другие|Последние|Похожие|Связанные|Новые)\s+(?:документы|решения|постановления"
    r"|распоряжения|приказы|акты|материалы|новости)|Читайте\s+также"
    r"|Документы\s+по\s+теме)\b",
    re.IGNORECASE,
)
# A site's metadata block, a label on its own line (or before a colon) and its value:
# "Номер / 117-р / Дата документа / 16.02.2021". The number and the date of the act
# may stand only here.
METADATA_LABEL_RE = re.compile(
    r"^\s*(?:(?P<number>Номер(?:\s+документа)?|Регистрационный\s+номер)"
    r"|(?P<date>Дата\s+(?:документа|принятия|подписания|издания))"
    r"|Дата\s+(?:опубликования|публикации|размещения|вступления\s+в\s+силу)"
    r"|(?P<type>Вид\s+(?:документа|акта)|Тип\s+документа)|Статус(?:\s+документа)?"
    r"|(?P<body>Принявший\s+орган|Орган,?\s+принявший(?:\s+документ)?|Издавший\s+орган))"
    r"\s*(?::\s*(?P<value>\S.*?)\s*|:?\s*)$",
    re.IGNORECASE,
)

# "Принято Советом депутатов … 29 марта 2018 года": the body that adopted the act,
# in the instrumental, on a line of its own (web copies print no other issuer).
ADOPTED_BY_RE = re.compile(
    r"^\s*Принят[оаы]?\s+(?P<body>[А-ЯЁ][^\d«»]*?(?:«[^»]*»[^\d«»]*?)?)\s*(?:\d|$)"
)
# Institutions whose head signs their orders ("Директор", "Главный врач"): a school's
# or a hospital's own site names it in its masthead.
INSTITUTION_NOUNS = _words(
    "учреждение предприятие школа гимназия лицей колледж техникум училище университет "
    "институт академия больница поликлиника госпиталь диспансер детсад сад библиотека музей "
    "центр театр дом"
)
HEAD_POSITION_RE = re.compile(
    r"^(?:и\.\s?о\.\s*)?(?:Директор|Заведующ(?:ий|ая)|Главный\s+врач|Ректор|Начальник|Руководитель"
    r"|Генеральный\s+директор|Управляющ(?:ий|ая))\b",
    re.IGNORECASE,
)
# One-person authorities whose acts bear their title: where nothing else names the
# issuer, the signer's position does ("Глава Сургутского района").
SOLE_ISSUER_RE = re.compile(r"^(?:Глава|Губернатор|Мэр|Президент)\b(?!\s+(?:и|о)\b)")

# An item that approves a plan ("Утвердить план мероприятий … (приложение)"): the
# plan table of the appendix is its sub-items.
PLAN_APPROVAL_RE = re.compile(
    r"\bутверди(?:ть|л[аио]?)\s+(?:прилагаем\w+\s+)?план\b", re.IGNORECASE
)
