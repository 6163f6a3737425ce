"""The issuer of an act from its heading lines.

A heading stacks names from the highest body down (ГОСТ Р 7.0.97-2016,
requisites 01-08): "МИНИСТЕРСТВО НАУКИ …", "ФГБОУ ВО «…»", "УЧЁНЫЙ СОВЕТ". The
issuer is the lowest body with the organization right above it; state and
region lines and parent bodies are left out.
"""

from __future__ import annotations

import re

from pipeline.extract.grammar import inflect_phrase
from pipeline.extract.lexicon import (
    ADOPTED_BY_RE,
    COLLEGIAL_BODIES,
    HEAD_POSITION_RE,
    INSTITUTION_NOUNS,
    MARKER_RE,
    ORG_NOUNS,
    SOLE_ISSUER_RE,
    TITLE_RE,
)
from pipeline.nlp import parse as parse_word

CLUTTER_RE = re.compile(
    r"(?:тел\.|телефон|факс|e-?mail|@|http|www\.|ИНН|ОГРН|индекс|версия для|подписаться"
    r"|главная|[|>›]\s*\w|\s/\s|ул\.|проспект|пр-т|\d{6}|официальный сайт)",
    re.IGNORECASE,
)
BODY_PHRASE_RE = re.compile(
    r"\b(?P<body>" + "|".join(w.capitalize() for w in COLLEGIAL_BODIES) + r")\s+"
    r"(?P<org>(?:[А-ЯЁA-Z][А-ЯЁA-Z\-]*\b\s?){1,4})"
)


SMALL_WORDS = {"и", "в", "во", "по", "при", "на", "для", "с", "со", "о", "об", "к", "от"}
# Words a clerk capitalizes inside names: "Республики Дагестан", "Российской Федерации".
CAPITALIZED = {"республика", "российский", "федерация"}


def _tags(parse) -> set[str]:
    return set(str(parse.tag).replace(" ", ",").split(","))


# Region words a place adjective stands before: "ВОЛОГОДСКОЙ ОБЛАСТИ" -> "Вологодской области".
_REGION_NOUNS = re.compile(r"^(?:област|кра[йяюе]|район|округ)")
_GENERIC_ADJECTIVES = frozenset(
    {"городской", "муниципальный", "сельский", "районный", "областной", "федеральный",
     "автономный", "краевой", "окружной", "внутригородской", "национальный", "административный"}
)  # fmt: skip


def _is_toponymic(parse, nxt: str) -> bool:
    """An adjective made from a place name before a region noun, not "городского округа"."""
    return (
        parse.tag.POS == "ADJF"
        and bool(_REGION_NOUNS.match(nxt))
        and parse.normal_form not in _GENERIC_ADJECTIVES
    )


def display_case(text: str) -> str:
    """An all-caps name as a clerk would write it in running text: known words
    lower-cased, abbreviations and proper names kept, the first word inside
    quotes and the first letter capital."""
    words = []
    parts = re.split(r"(\s+)", text)
    # in a name written in lower case, "ВО" is an abbreviation ("ГБПОУ ВО «…»"), not "во"
    shouted = not re.search(r"[а-яё]", re.sub(r"«[^«»]*»", "", text))
    for k, word in enumerate(parts):
        core = word.strip('«»"()')
        if core.isupper() and (len(core) > 1 or core.lower() in SMALL_WORDS):
            parse = parse_word(core.lower())[0]
            nxt = parts[k + 2].lower() if k + 2 < len(parts) else ""
            if core.lower() in SMALL_WORDS and k > 0:
                if shouted:
                    word = word.lower()
            elif parse.normal_form in CAPITALIZED or _tags(parse) & {"Geox", "Name", "Surn"}:
                word = word.replace(core, core.capitalize())
            elif _is_toponymic(parse, nxt):
                word = word.replace(core, core.capitalize())  # "Вологодской области"
            elif len(core) > 3 and parse.is_known:
                word = word.lower()
        if word.startswith(("«", '"')) and k > 0:
            word = word[0] + word[1:2].upper() + word[2:]
        words.append(word)
    result = "".join(words).strip()
    return result[:1].upper() + result[1:]


REGION_RE = re.compile(
    r"^(?:российская\s+федерация|республик[аи]\s+\S+|\S+\s+(?:област[ьи]|кра[йя])|"
    r"\S+\s+автономн\S+\s+округ\S*|проект|г\.\s*\S+|город\s+\S+)$",
    re.IGNORECASE,
)
BODY_LINE_RE = re.compile(
    r"^(?:\S+\s+)?(?:" + "|".join(COLLEGIAL_BODIES) + r")\b(?:\s+\S+){0,3}$", re.IGNORECASE
)
# A heading line that only continues the name above it.
# ("г. Махачкала" continues a name; "г. Махачкала, ул. Гагарина, 64" is an address.)
CONTINUATION_RE = re.compile(r"^(?:[«\"(]|\d|г\.(?=[^,]*$)|при\b|(?:в|во|по|на)\s)", re.IGNORECASE)
# Municipal formulas that the name of the municipality completes on the next line.
MUNICIPAL_RE = re.compile(
    r"(?:муниципального\s+образования|сельского\s+поселения|городского\s+поселения"
    r"|городского\s+округа|муниципального\s+района|муниципального\s+округа)$",
    re.IGNORECASE,
)
GENERIC_RE = re.compile(r"(?:организаци[яи]|отделени[ея]|филиал|комитет)$", re.IGNORECASE)
# A department named by its field alone ("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "ФИНАНСОВЫЙ ОТДЕЛ"):
# its name is completed by the administration printed above it.
SUBUNIT_RE = re.compile(
    r"^(?:\S+\s+)?(?:управление|отдел|департамент|сектор|служба)\b", re.IGNORECASE
)


def _bare_subunit(name: str) -> bool:
    """A department's name with no place, proper name or number in it."""
    if not SUBUNIT_RE.match(name) or len(name.split()) > 6 or re.search(r"[«\"\d]", name):
        return False
    return not any(w[:1].isupper() for w in display_case(name).split()[1:])


def collapse_spacing(line: str) -> str:
    """ "П Р Е З И Д И У М" -> "ПРЕЗИДИУМ" (letter-spaced headings); a word
    spaced unevenly ("Р А С П ОР Я Ж Е Н И Е", "П ОСТ А Н О В Л Е Н И Е", as web
    pages keep it) too."""
    tokens = line.split()
    if re.fullmatch(r"\s*[А-ЯЁ]{1,3}(?: [А-ЯЁ]{1,3}){3,}\s*", line) and 3 * sum(
        len(t) == 1 for t in tokens
    ) >= 2 * len(tokens):
        return line.replace(" ", "")
    return re.sub(
        r"(?<![А-ЯЁA-Z])(?:[А-ЯЁ] ){2,}[А-ЯЁ](?![А-ЯЁA-Z])",
        lambda m: m.group(0).replace(" ", ""),
        line,
    )


def continues_name(previous: str, line: str) -> bool:
    """Does `line` continue the name on the line above? It does when it starts
    with a quote or a genitive ("РЕСПУБЛИКИ ДАГЕСТАН", "ПРОФСОЮЗА …"), or when
    the line above breaks off after an adjective or a preposition."""
    town = re.match(r"г\.\s*([А-ЯЁ][а-яё]+)", line)
    if town:  # "г. Буйнакска" (whose) continues a name; "г. Махачкала" (where) does not
        return not any(p.tag.case == "nomn" for p in parse_word(town.group(1).lower())[:1])
    if CONTINUATION_RE.match(line):
        return True
    if re.search(r"(?:\b(?:и|по|при|для|в)|[«\"(-])$", previous, re.IGNORECASE):
        return True
    if MUNICIPAL_RE.search(previous):
        return True  # "Администрация муниципального образования" / "Березовский сельсовет"
    first = re.match(r"[А-ЯЁа-яё]+", line)
    last = re.search(r"[А-ЯЁа-яё]+$", previous)
    if first:
        parses = parse_word(first.group(0).lower())
        genitive = parses[0].tag.POS in {"NOUN", "ADJF"} and any(
            p.tag.case == "gent" for p in parses
        )
        if genitive and not any(p.tag.case == "nomn" and p.tag.number == "sing" for p in parses):
            return True
    if last:
        parse = parse_word(last.group(0).lower())[0]
        if parse.tag.POS in {"ADJF", "PRTF"} and parse.tag.case == "nomn":
            return True
    return False


def _names(texts: list[str]) -> list[str]:
    """Heading lines grouped into names: a line that starts with a quote, a
    lower-case word or a genitive place continues the name above it."""
    names: list[str] = []
    for raw in texts:
        line = re.sub(r"\s+", " ", collapse_spacing(raw)).strip()
        if not re.search(r"[А-ЯЁа-яё]", line) or CLUTTER_RE.search(line) or len(line) > 200:
            continue  # rules ("______"), contact data
        if TITLE_RE.match(line):
            continue  # a title a website prints above the heading ("О проведении …")
        cont = names and continues_name(names[-1], line)
        if cont and names[-1].endswith("»") and not CONTINUATION_RE.match(line):
            continue  # "ППО ГБУ РД «…» / ПРОФСОЮЗА РАБОТНИКОВ …": an affiliation, not the name
        if names and cont:
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    names = [re.sub(r"\s*\([^()]*\)$", "", n).strip() for n in names]
    return [n for n in names if n and not REGION_RE.match(n) and not _is_territory(n)]


TERRITORY_NOUNS = frozenset({"район", "поселение", "округ", "область", "край", "улус"})


def _is_territory(name: str) -> bool:
    """A municipality's name with no body in it ("Омский муниципальный район Омской
    области", "ПОКРОВСКОЕ СЕЛЬСКОЕ ПОСЕЛЕНИЕ"): where the act is from, not who issued it."""
    for word in re.findall(r"[А-ЯЁа-яё-]+", name):
        # the nominative reading, not the likeliest: "городской" is first a genitive
        parse = next((p for p in parse_word(word.lower()) if p.tag.case == "nomn"), None)
        if parse is None or parse.tag.POS not in {"ADJF", "NOUN"}:
            return False
        if parse.tag.POS == "NOUN":
            return parse.normal_form in TERRITORY_NOUNS
    return False


def _genitive(name: str) -> str:
    return inflect_phrase(display_case(name), "gent", "nomn")


def compose_issuer(texts: list[str], body: str | None = None) -> str | None:
    """The issuer from heading lines: the body ("Президиум", "Учёный совет") with
    the nearest organization above it; parent bodies higher up are left out,
    except where the nearest name is generic ("… республиканская организация")."""
    names = _names(texts)
    if body:
        names.append(body)
    if not names:
        return None
    last = names.pop()
    parts = [display_case(last)]
    if BODY_LINE_RE.match(last) or GENERIC_RE.search(last) or _bare_subunit(last):
        while names:
            org = names.pop()
            parts.append(_genitive(org))
            if not GENERIC_RE.search(org):
                union = UNION_RE.match(names[-1]) if names else None
                if union and re.search(r"\bпрофсоюза$", org, re.IGNORECASE):
                    # "ПРОФСОЮЗ РАБОТНИКОВ … / … ОРГАНИЗАЦИЯ ПРОФСОЮЗА": the union named above
                    parts[-1] = re.sub(r"\S+$", "Профсоюза", parts[-1])
                    whose = display_case(union.group("whose"))
                    parts.append(whose[:1].lower() + whose[1:])
                break
    return " ".join(parts)


# A trade union's name: "ПРОФЕССИОНАЛЬНЫЙ СОЮЗ РАБОТНИКОВ НАРОДНОГО ОБРАЗОВАНИЯ И НАУКИ …"
UNION_RE = re.compile(
    r"^(?:профессиональный\s+союз|профсоюз)\s+(?P<whose>работников\s.+)$", re.IGNORECASE
)


def enrich_issuer(issuer: str | None, body_text: str) -> str | None:
    """When the heading names only the body ("ПРЕЗИДИУМ"), take its full name from
    the text ("Президиум ДР СОП постановляет")."""
    if issuer and issuer.lower() not in COLLEGIAL_BODIES:
        return issuer
    for m in BODY_PHRASE_RE.finditer(body_text):
        if issuer is None or m.group("body").lower() == issuer.lower():
            return f"{m.group('body')} {m.group('org').strip()}"
    return issuer


def adopted_issuer(lines: list[str]) -> str | None:
    """The body of a "Принято Советом депутатов …" line, in the nominative."""
    for line in lines:
        m = ADOPTED_BY_RE.match(line)
        if m:
            body = re.sub(r"\s+", " ", m.group("body")).strip(" ,")
            named = inflect_phrase(body, "nomn", "ablt")
            return named[:1].upper() + named[1:] if named != body else None
    return None


def preamble_issuer(preamble: str) -> str | None:
    """The subject of the operative marker ("…, администрация района постановляет:"),
    a body named in the nominative in the marker's clause."""
    m = MARKER_RE.search(preamble)
    if m is None or m.group("marker").lower().startswith(("приказыва", "постановляю", "обязыва")):
        return None
    clause = re.split(r"[,;:.]\s", preamble[: m.start()])[-1]
    for w in re.finditer(r"[А-ЯЁа-яё]+", clause):
        if w.group(0).lower() in ORG_NOUNS and any(
            p.tag.case == "nomn" for p in parse_word(w.group(0).lower())[:1]
        ):
            name = re.sub(r"\s+", " ", clause[w.start() :]).strip()
            return name[:1].upper() + name[1:] if len(name) < 160 else None
    return None


def signer_issuer(position: str | None) -> str | None:
    """The signer's position as the issuer, for one-person authorities only."""
    if position and SOLE_ISSUER_RE.match(position):
        return re.sub(r"\s+", " ", position).strip()
    return None


# "МБОУ «СОШ № 47» г. Новокузнецка", "ГБУЗ ВО «Кубенская ЦРБ»": an abbreviated institution
ABBREVIATED_INSTITUTION_RE = re.compile(
    r"^[А-ЯЁ]{3,8}(?:\s+[А-ЯЁ]{2,4})?\s+«[^«»]+(?:«[^«»]*»)?[^«»]*»"
)


def is_institution(line: str) -> bool:
    """Is the line the name of an institution ("Муниципальное автономное
    общеобразовательное учреждение «Гимназия № 9» ЗАТО Северск"), not a sentence?"""
    line = re.sub(r"\s+", " ", line).strip()
    if not line[:1].isupper() or len(line) > 250 or line.endswith((".", ":", ";", "!", "?")):
        return False
    if ABBREVIATED_INSTITUTION_RE.match(line):
        return True
    head = line.split("«")[0].split()[:8]
    return any(
        p.normal_form in INSTITUTION_NOUNS and p.tag.case == "nomn"
        for w in head
        if w.isalpha()
        for p in parse_word(w.lower())[:1]
    )


def head_issuer(position: str | None) -> str | None:
    """The institution in its head's position ("Главный врач МУЗ «Ипатовская
    центральная районная больница»" -> "МУЗ «…»"), for an order that names its
    issuer nowhere else: an institution in the nominative or abbreviated, never
    a body in the genitive ("Директор департамента образования")."""
    head = HEAD_POSITION_RE.match(position.strip()) if position else None
    if head is None:
        return None
    rest = re.sub(r"\s+", " ", position.strip()[head.end() :]).strip(" ,")
    if ABBREVIATED_INSTITUTION_RE.match(rest) or is_institution(rest):
        return rest
    # "Директор муниципального … учреждения «…»": the institution, in the nominative
    nominative = inflect_phrase(rest, "nomn", "gent")
    named = nominative[:1].upper() + nominative[1:]
    if nominative != rest and "«" in rest and is_institution(named):
        return named
    return None


def site_issuer(site: str | None, position: str | None) -> str | None:
    """The institution whose site prints the act in its masthead, where the act
    names no issuer and is signed by its head ("Директор", "Главный врач")."""
    if not site or not position or not HEAD_POSITION_RE.match(position.strip()):
        return None
    if len(position.split()) > 3:
        return None  # "Директор департамента образования …": the head of another body
    return re.sub(r"\s+", " ", site).strip()
