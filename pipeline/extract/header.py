"""The requisites at the top of an act: issuer, type, date, number, place, title.

Layout per ГОСТ Р 7.0.97-2016: the issuer's name (often in capitals or letter-
spaced), the document type, date and number on one line (often a borderless
table: date left, "№" right), the place, then the title "О …". Some web copies
print the date and number after the signature; `read_header` looks there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.grammar import inflect_phrase
from pipeline.extract.issuer import (
    BODY_LINE_RE,
    CLUTTER_RE,
    collapse_spacing,
    compose_issuer,
    continues_name,
    display_case,
)
from pipeline.extract.lexicon import (
    DOC_TYPES,
    HEADING_TYPES,
    MARKER_RE,
    NUMBER_SIGN,
    NUMBER_SIGN_BEFORE_DIGIT,
    ORG_NOUNS,
    PLACE_INLINE_RE,
    PLACE_RE,
    TITLE_RE,
)
from pipeline.extract.lines import Line
from pipeline.model import Header
from pipeline.nlp import parse as parse_word

NUMBER_RE = re.compile(
    NUMBER_SIGN_BEFORE_DIGIT + r"\s*(?P<number>[^\s,;«»\"]+(?:\s?[-/]\s?[^\s,;«»\"]+)*)"
)
BLANK_RE = re.compile(r"^[_\s.-]*$")
# A line that is site furniture or contact data, never part of an issuer's name.
HEADER_SCAN = 30  # lines from the top in which the requisites stand


@dataclass(frozen=True)
class HeaderParse:
    """The header and where it ends: lines[body_start:] is the text of the act."""

    header: Header
    kind: str
    body_start: int
    span: tuple[int, int]


DOC_TYPE_RE = re.compile(
    r"^(?P<type>" + "|".join(t.replace(" ", r"\s+") for t in HEADING_TYPES) + r")\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# An act's type printed after the issuer on one line ("… ДР СОП ПОСТАНОВЛЕНИЕ").
DOC_TYPE_END_RE = re.compile(
    r"^(?P<before>[^a-zа-яё]*\S)\s+(?P<type>"
    + "|".join(key for key, (_, kind) in DOC_TYPES.items() if kind in ("decree", "order"))
    + r")$"
)
# What opens the requisites: "от", a number, a date, a quoted title.
_OPENS_REQUISITES = rf"(?:от\s|{NUMBER_SIGN_BEFORE_DIGIT})"
REQUISITES_RE = re.compile(rf"(?:^|\s)(?:{_OPENS_REQUISITES}|\d{{1,2}}\.\d{{2}}\.\d{{2,4}}|«)")
# The second line of a type split in two: "ВЫПИСКА / из протокола № 7".
FROM_PROTOCOL_RE = re.compile(r"^\s*из\s+протокола\b", re.IGNORECASE)
MEETING_RE = re.compile(r"^(?:совместного\s+|расширенного\s+|очередного\s+)?заседани[яе]\s+", re.I)
OPENER_RE = re.compile(
    r"^(?:В\s+соответствии|В\s+целях|Во\s+исполнение|В\s+связи|Рассмотрев|Заслушав|"
    r"Обсудив|На\s+основании|Руководствуясь|Согласно|В\s+рамках|Учитывая)\b"
)
# A title in quotes at the end of a one-line heading, as websites print it.
QUOTED_TITLE_RE = re.compile(r"[«\"](?P<title>(?:О|Об|Обо)\s.+)[»\"]\s*\.?\s*$")
AGENDA_RE = re.compile(r"^\s*ПОВЕСТКА(?:\s+ДНЯ)?\s*:?\s*$", re.IGNORECASE)
# "СЛУШАЛИ:" opening the question a protocol heard (case as printed: the word in capitals).
HEARD_RE = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?:ПО\s+\S+\s+ВОПРОСУ\s+)?СЛУШАЛИ\s*:?")


@dataclass(frozen=True)
class _TypeLine:
    doc_type: str
    kind: str
    before: str  # the issuer printed on the same line before the type (PDF joins)
    rest: str  # what follows the type on its line


def _doc_type(line: str) -> _TypeLine | None:
    """The document type when the line is the type line of a heading."""
    line = collapse_spacing(line.strip())
    m = DOC_TYPE_RE.match(line)
    if m:
        key = re.sub(r"\s+", "", m.group("type")).upper()
        doc_type, kind = DOC_TYPES[key]
        rest = m.group("rest").strip()
        shouted = m.group("type").isupper()
        by = rest.startswith("по ") and len(line) < 120  # "Приказ по основной деятельности"
        if not rest or by or (shouted and len(line) < 120) or REQUISITES_RE.search(" " + rest):
            if rest and not shouted and not by and not re.search(_OPENS_REQUISITES, rest):
                return None
            return _TypeLine(doc_type, kind, "", rest)
        return None
    m = DOC_TYPE_END_RE.match(line)
    if m:
        doc_type, kind = DOC_TYPES[m.group("type")]
        return _TypeLine(doc_type, kind, m.group("before"), "")
    return None


def _number(line: str) -> str | None:
    m = next(  # not a number inside a quoted name: "по МБОУ «СОШ № 5» от … № 45-од"
        (
            m
            for m in NUMBER_RE.finditer(line)
            if line.count("«", 0, m.start()) <= line.count("»", 0, m.start())
        ),
        None,
    )
    if not m or BLANK_RE.match(m.group("number")):
        return None
    return m.group("number").rstrip(".")


def _place(line: str) -> str | None:
    m = PLACE_RE.match(line.strip()) or PLACE_INLINE_RE.search(line)
    if m and line[: m.start()].count("«") <= line[: m.start()].count("»"):
        return re.sub(r"\s+", " ", m.group(0)).strip()
    word = line.strip()
    # A bare place name: "Махачкала", "Великий Новгород", "Ростов-на-Дону".
    is_name = re.fullmatch(
        r"(?:[А-ЯЁ][а-яё]+\s){0,2}[А-ЯЁ][а-яё]+(?:-[а-яё]+-[А-ЯЁ][а-яё]+)?", word
    )
    last = word.split()[-1].split("-")[0] if word else ""
    if is_name and any("Geox" in p.tag for p in parse_word(last.lower())[:2]):
        return word
    return None


def _title(texts: list[str], lines: list[Line], i: int) -> tuple[str, int]:
    """The title starting at line i and the index after its last line."""
    parts = [texts[i].strip()]
    j = i + 1
    while j < len(texts) and len(parts) < 6:
        prev, nxt = parts[-1], texts[j].strip()
        if lines[j].table is not None or not nxt or OPENER_RE.match(nxt) or MARKER_RE.search(nxt):
            break  # a table, the preamble or the operative marker: the title is over
        if nxt[:1].isdigit() or prev.endswith((".", ":", ";")):
            break
        first = nxt.split()[0].strip('«"(')
        if lines[i].bold and lines[j].bold or nxt[:1].islower():
            pass
        elif not (len(nxt) < 90 and (first.isupper() or nxt[:1] in '«"(')):
            break
        parts.append(nxt)
        j += 1
    title = re.sub(r"\s+", " ", " ".join(parts)).strip().rstrip(".")
    return title, j


def _agenda_title(texts: list[str], start: int) -> str | None:
    """A protocol extract's title: its one agenda item ("1. Об организации …"),
    or with no agenda its one question heard ("СЛУШАЛИ: 1. Об организации …")."""
    for i in range(start, min(len(texts), start + 15)):
        if AGENDA_RE.match(texts[i]):
            items = []
            for line in texts[i + 1 : i + 6]:
                m = re.match(r"^\s*\d{1,2}[.)]\s+((?:О|Об|Обо)\s.*)$", line)
                if not m:
                    break
                items.append(m.group(1).strip().rstrip("."))
            return items[0] if len(items) == 1 else None
    heard = [i for i in range(start, len(texts)) if HEARD_RE.search(texts[i])]
    if len(heard) != 1:
        return None  # no question heard, or several: no one title
    i = heard[0]
    rest = texts[i][HEARD_RE.search(texts[i]).end() :].strip()
    if not rest and i + 1 < len(texts):
        rest = texts[i + 1].strip()
    m = re.match(r"^(?:\d{1,2}[.)]\s*)?((?:О|Об|Обо)\s.*)$", rest)
    if m is None:
        # "СЛУШАЛИ: начальника отдела …": the speaker; the question may head it
        # ("1. О состоянии производственного травматизма …" on a line above)
        above = [t.strip() for t in texts[max(start, i - 3) : i] if t.strip()]
        m = re.match(r"^\d{1,2}[.)]\s*((?:О|Об|Обо)\s.*)$", above[-1]) if above else None
        if m is None:
            return None
    # the question ends its sentence; the speaker's report follows ("… году. Информация …")
    question = re.split(r"(?<![\s.][А-ЯЁа-яё])(?<![\s.][а-яё]{2})\.\s+(?=[А-ЯЁ])", m.group(1))[0]
    return re.sub(r"\s+", " ", question).strip().rstrip(".") or None


def _genitive_issuer(phrase: str) -> tuple[str | None, str | None]:
    """(body, issuer) from a genitive phrase after the type ("Президиума",
    "администрации городского округа …"): a bare body, or a whole issuer."""
    phrase = MEETING_RE.sub("", phrase.strip())
    phrase = " " + phrase
    for m in re.finditer(rf"\s{_OPENS_REQUISITES}|\t", phrase):
        if phrase.count("«", 0, m.start()) <= phrase.count("»", 0, m.start()):
            phrase = phrase[: m.start()]
            break
    phrase = phrase.strip()
    if not phrase or not re.match(r"[А-ЯЁа-яё]", phrase):
        return None, None
    by = re.match(r"по\s+(?P<org>\S.*)$", phrase)
    if by:  # "Приказ по МБОУ «СОШ № 5»" (not "по основной деятельности")
        org = inflect_phrase(by.group("org"), "nomn", "datv")
        first = org.split()[0]
        # "по МБОУ «…»", "по муниципальному унитарному предприятию «…»"
        head = [w.lower() for w in org.split("«")[0].split()[:4]]
        named = any(w in ORG_NOUNS for w in head) or (first.isupper() and len(first) > 1)
        return None, (org[:1].upper() + org[1:] if named and len(org.split()) > 1 else None)
    if phrase.upper() == phrase:
        # "ГЛАВЫ САМОУПРАВЛЕНИЯ ГОРОДА …": a short word in capitals reads as an
        # abbreviation to the inflection, so the capitals go first
        phrase = display_case(phrase)
    nominative = inflect_phrase(phrase, "nomn", "gent")
    if nominative == phrase:
        return None, None
    nominative = nominative[:1].upper() + nominative[1:]
    if BODY_LINE_RE.match(nominative):
        return nominative, None
    return None, display_case(nominative)


def _is_org_name(line: str) -> bool:
    """A line that is an organization's name ("Государственное автономное …
    учреждение Свердловской области «…»"), not a sentence: an organization noun
    in the nominative among its first words, no sentence end, no marker."""
    if not line or len(line) > 250 or not line[:1].isupper() or line.endswith((".", ":", ";")):
        return False
    if OPENER_RE.match(line) or MARKER_RE.search(line) or TITLE_RE.match(line):
        return False
    head = line.split("«")[0].split()[:8]
    return any(
        w.lower() in ORG_NOUNS
        or any(
            p.normal_form in ORG_NOUNS and p.tag.case == "nomn" for p in parse_word(w.lower())[:2]
        )
        for w in head
        if w.isalpha()
    )


def _is_requisites(line: str) -> bool:
    """A short line with a date, a number or a place (not a preamble sentence)."""
    if len(line) > 150 or OPENER_RE.match(line.strip()):
        return False
    return bool(_number(line) or parse_date(line) or _place(line))


def read_header(text: str, lines: list[Line], stop: int | None = None) -> HeaderParse:
    """Read the requisites from the top lines (up to line `stop`, the start of the
    operative part if known)."""
    limit = min(len(lines), HEADER_SCAN if stop is None else max(1, min(stop, HEADER_SCAN)))
    texts = [ln.text(text) for ln in lines]
    found: _TypeLine | None = None
    type_at = None
    for i in range(limit):
        found = _doc_type(texts[i]) if lines[i].table is None else None
        if found:
            type_at = i
            break
    date = number = place = title = None
    title_end = None
    start = 0 if type_at is None else type_at
    for i in range(start, limit):
        line = texts[i]
        titled = TITLE_RE.match(line.strip()) and len(line.split()) >= 3  # not a menu's "О городе"
        if titled and (i > start or type_at is None):
            title, title_end = _title(texts, lines, i)
            break
        if i > start + 6 and type_at is not None:
            break
        if len(line) > 150 or OPENER_RE.match(line.strip()):
            continue  # a sentence of the preamble, not a requisites line
        if number is None:
            number = _number(line)
        if date is None:
            date = parse_date(NUMBER_RE.split(line)[0]) or parse_date(line)
        if place is None:
            place = _place(line)
    if place is None and type_at is not None:
        # "Республика Адыгея / г. Майкоп / П Р И К А З": the place printed above the type
        for line in texts[max(0, type_at - 4) : type_at]:
            m = PLACE_RE.fullmatch(line.strip())
            if m:
                place = re.sub(r"\s+", " ", m.group(0))
    issuer = body = None
    if found is not None and type_at is not None:
        heading = texts[max(0, type_at - 6) : type_at] + [found.before]
        body, issuer = _genitive_issuer(found.rest)
        if body is None and issuer is None and type_at + 1 < len(texts):
            after = type_at + 1
            if FROM_PROTOCOL_RE.match(texts[after]) and after + 1 < len(texts):
                after += 1  # "ВЫПИСКА / из протокола № 7 / заседания профкома …"
            nxt = texts[after]
            if not REQUISITES_RE.match(nxt) and (len(nxt) < 150 or MEETING_RE.match(nxt)):
                body, issuer = _genitive_issuer(nxt)
        elif body is not None and issuer is None and type_at + 1 < limit:
            # "ПОСТАНОВЛЕНИЕ ПРЕЗИДИУМА / Тульской областной организации Профсоюза …":
            # the body's organization in the genitive on the next line
            nxt = re.sub(r"\s+", " ", collapse_spacing(texts[type_at + 1])).strip()
            if (
                nxt
                and len(nxt) < 150
                and not REQUISITES_RE.search(" " + nxt)
                and not TITLE_RE.match(nxt)
                and not _place(nxt)
                and continues_name(body, nxt)
            ):
                named = f"{body} {nxt}"
                issuer = display_case(named) if nxt.isupper() else f"{display_case(body)} {nxt}"
        issuer = issuer or compose_issuer(heading, body)
        if title is None and found.kind == "protocol":
            title = _agenda_title(texts, type_at)
        quoted = QUOTED_TITLE_RE.search(found.rest)
        if title is None and quoted:  # "Постановление … от … № 1234 «О проведении …»"
            title = re.sub(r"\s+", " ", quoted.group("title")).strip().rstrip(".")
    if found is not None and title_end is not None:
        # Sites print a one-line heading ("ПРИКАЗ № 155-о от 12.02.2024 г.") and the
        # title, then the organization's name and the place below them.
        names: list[str] = []
        while title_end < min(limit, len(texts)) and len(names) < 3:
            line = texts[title_end].strip()
            if place is None and len(line) < 60 and _place(line):
                place = _place(line)
            elif issuer is None and _is_org_name(line):
                names.append(line)
            else:
                break
            title_end += 1
        issuer = issuer or compose_issuer(names)
    if title_end is not None:
        body_start = title_end
    elif type_at is not None:
        body_start = min(limit, type_at + 1)
        while body_start < limit and _is_requisites(texts[body_start]):
            body_start += 1
    else:
        body_start = 0
    span_stop = lines[body_start - 1].stop if body_start > 0 else 0
    header = Header(
        issuer=issuer,
        doc_type=found.doc_type if found else None,
        date=date.isoformat() if date else None,
        number=number,
        place=place,
        title=title,
    )
    return HeaderParse(header, found.kind if found else "other", body_start, (0, span_stop))


FOOTER_REQUISITES_RE = re.compile(
    r"^\s*(?:(?P<type>[А-Яа-яЁё «»\"-]{4,160}?)\s+)?(?:от\s+(?P<date>.{6,25}?)"
    r"|(?P<numeric>\d{1,2}\.\d{2}\.\d{2,4})(?:\s*г\.?)?)\s*"
    + NUMBER_SIGN
    # the title may follow in quotes, as a site's caption of the act prints it:
    # "Приказ министерства … от 14.06.2023 № 2415 «О проведении акции «…»»"
    + r"\s*(?P<number>[^\s«\"]+)\s*(?:[«\"](?P<title>(?:О|Об|Обо)\s.+)[»\"]\s*\.?)?\s*$"
)


def read_footer_requisites(text: str, lines: list[Line], start: int) -> dict[str, str | None]:
    """Type, date, number, title and place printed after the signature
    ("Приказ от 21.04.2025 № 45/1-ОД" / "«О …»" / "г. Волгоград"), as some
    websites lay out an act. Keys: doc_type, kind, date, number, title, place,
    issuer (when the type line names it: "Распоряжение администрации города …")."""
    for i in range(start, len(lines)):
        m = FOOTER_REQUISITES_RE.match(lines[i].text(text))
        if not m:
            continue
        date = parse_date(m.group("date") or m.group("numeric"))
        found: dict[str, str | None] = {
            "date": date.isoformat() if date else None,
            "number": m.group("number").rstrip("."),
        }
        typed = DOC_TYPE_RE.match((m.group("type") or "").strip())
        if typed:
            key = re.sub(r"\s+", "", typed.group("type")).upper()
            found["doc_type"], found["kind"] = DOC_TYPES[key]
            found["issuer"] = _genitive_issuer(typed.group("rest"))[1]
        if m.group("title"):
            found["title"] = re.sub(r"\s+", " ", m.group("title")).strip()
        near = [j for j in (i - 3, i - 2, i - 1, i + 1) if start <= j < len(lines)]
        for j in near:
            line = lines[j].text(text).strip().strip('«»"')
            if TITLE_RE.match(line) and "title" not in found:
                found["title"] = re.sub(r"\s+", " ", line).rstrip(".")
        for j in range(i + 1, min(len(lines), i + 4)):
            if CLUTTER_RE.search(lines[j].text(text)):
                continue  # the site's address, not the place of the act
            place = _place(lines[j].text(text))
            if place:
                found["place"] = place
                break
        return found
    return {}
