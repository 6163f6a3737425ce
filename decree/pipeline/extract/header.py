"""The requisites at the top of an act: issuer, type, date, number, place, title.

Layout per ГОСТ Р 7.0.97-2016: the issuer's name (often in capitals or letter-
spaced), the document type, date and number on one line (often a borderless
table: date left, "№" right), the place, then the title "О …". Some web copies
print the date and number after the signature; `read_header` looks there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decree.model import Header
from decree.nlp import morph
from decree.pipeline.extract.dates import parse_date
from decree.pipeline.extract.lexicon import DOC_TYPES, PLACE_INLINE_RE, PLACE_RE, TITLE_RE
from decree.pipeline.extract.lines import Line

NUMBER_RE = re.compile(r"(?:№|N(?=\s*\d)|в„–)\s*(?P<number>[^\s,;«»\"]+(?:\s?[-/]\s?[^\s,;«»\"]+)*)")
BLANK_RE = re.compile(r"^[_\s.-]*$")
# A line that is site furniture or contact data, never part of an issuer's name.
CLUTTER_RE = re.compile(
    r"(?:тел\.|телефон|факс|e-?mail|@|http|www\.|ИНН|ОГРН|индекс|версия для|подписаться"
    r"|главная|[|>›»]\s*\w|ул\.|проспект|пр-т|\d{6})",
    re.IGNORECASE,
)
BODY_WORDS = (
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
BODY_PHRASE_RE = re.compile(
    r"\b(?P<body>" + "|".join(w.capitalize() for w in BODY_WORDS) + r")\s+"
    r"(?P<org>(?:[А-ЯЁA-Z][А-ЯЁA-Z\-]*\b\s?){1,4})"
)
HEADER_SCAN = 30  # lines from the top in which the requisites stand


@dataclass(frozen=True)
class HeaderParse:
    """The header and where it ends: lines[body_start:] is the text of the act."""

    header: Header
    kind: str
    body_start: int
    span: tuple[int, int]


def _letters(s: str) -> str:
    return re.sub(r"[^А-ЯЁа-яё]", "", s).upper()


def _doc_type(line: str) -> tuple[str, str, str] | None:
    """(doc_type, kind, rest of the line) when the line opens with a document type."""
    head = re.split(r"№|N\s*\d|\bот\b|\d", line, maxsplit=1)[0]
    letters = _letters(head)
    for key, (doc_type, kind) in DOC_TYPES.items():
        if letters == key or (letters.startswith(key) and len(head) < 60):
            return doc_type, kind, line[len(head) :]
    return None


def _number(line: str) -> str | None:
    m = NUMBER_RE.search(line)
    if not m or BLANK_RE.match(m.group("number")):
        return None
    return m.group("number").rstrip(".")


def _place(line: str) -> str | None:
    m = PLACE_RE.match(line.strip()) or PLACE_INLINE_RE.search(line)
    if m:
        return re.sub(r"\s+", " ", m.group(0)).strip()
    word = line.strip()
    if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?", word):
        if any("Geox" in p.tag for p in morph().parse(word)[:2]):
            return word
    return None


def display_case(text: str) -> str:
    """An all-caps name as a clerk would write it in running text: known words
    lower-cased, abbreviations and proper names kept; the first letter capital."""
    words = []
    for word in re.split(r"(\s+)", text):
        core = word.strip("«»\"()")
        if core.isupper() and len(core) > 1:
            parse = morph().parse(core.lower())[0]
            keep = len(core) <= 3 or not parse.is_known or {"Geox", "Name", "Surn"} & set(
                str(parse.tag).replace(" ", ",").split(",")
            )
            if not keep:
                word = word.lower()
            elif {"Geox"} & set(str(parse.tag).replace(" ", ",").split(",")):
                word = word.capitalize()
        words.append(word)
    result = "".join(words).strip()
    return result[:1].upper() + result[1:]


def _issuer(texts: list[str]) -> str | None:
    kept = [t for t in texts if t and not CLUTTER_RE.search(t) and len(t) < 200]
    kept = [t for t in kept if _letters(t) not in {"РОССИЙСКАЯФЕДЕРАЦИЯ"}]
    if not kept:
        return None
    joined = " ".join(re.sub(r"\s+", " ", t).strip() for t in kept)
    if re.fullmatch(r"(?:[А-ЯЁ] ){3,}[А-ЯЁ]", joined):
        joined = joined.replace(" ", "")
    return display_case(joined)


def _nominative_body(line: str) -> str:
    """"Президиума Федерации профсоюзов" -> "Президиум Федерации профсоюзов"."""
    first, _, rest = line.strip().partition(" ")
    parse = morph().parse(first)[0]
    if "gent" in parse.tag:
        form = parse.inflect({"nomn"})
        if form:
            word = form.word
            first = word.capitalize() if first[:1].isupper() else word
    return f"{first} {rest}".strip()


def enrich_issuer(issuer: str | None, body_text: str) -> str | None:
    """When the heading names only the body ("ПРЕЗИДИУМ"), take its full name from
    the text ("Президиум ДР СОП постановляет")."""
    if issuer and issuer.lower() not in BODY_WORDS:
        return issuer
    for m in BODY_PHRASE_RE.finditer(body_text):
        if issuer is None or m.group("body").lower() == issuer.lower():
            return f"{m.group('body')} {m.group('org').strip()}"
    return issuer


def _title(texts: list[str], lines: list[Line], i: int) -> tuple[str, int]:
    """The title starting at line i and the index after its last line."""
    parts = [texts[i].strip()]
    j = i + 1
    while j < len(texts) and len(parts) < 6:
        prev, nxt = parts[-1], texts[j].strip()
        if lines[j].table is not None or not nxt:
            break
        both_bold = lines[i].bold and lines[j].bold
        lower = nxt[:1].islower()
        short = len(nxt) < 90 and not prev.endswith((".", ":", ";")) and not nxt.endswith(".")
        if both_bold or lower or short:
            if re.match(r"^(?:\d|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+\w+ет\b)", nxt):
                break
            parts.append(nxt)
            j += 1
            continue
        break
    title = re.sub(r"\s+", " ", " ".join(parts)).strip().rstrip(".")
    return title, j


def read_header(text: str, lines: list[Line], stop: int | None = None) -> HeaderParse:
    """Read the requisites from the top lines (up to line `stop`, the start of the
    operative part if known)."""
    limit = min(len(lines), HEADER_SCAN if stop is None else min(stop, HEADER_SCAN))
    texts = [ln.text(text) for ln in lines]
    doc_type = kind = None
    type_at = None
    for i in range(limit):
        found = _doc_type(texts[i]) if lines[i].table is None else None
        if found:
            doc_type, kind, _ = found
            type_at = i
            break
    date = number = place = title = None
    title_at = title_end = None
    start = 0 if type_at is None else type_at
    for i in range(start, limit):
        line = texts[i]
        if TITLE_RE.match(line.strip()) and (i > start or type_at is None):
            title, title_end = _title(texts, lines, i)
            title_at = i
            break
        if i > start + 6 and type_at is not None:
            break
        if number is None:
            number = _number(line)
        if date is None:
            date = parse_date(NUMBER_RE.split(line)[0]) or parse_date(line)
        if place is None:
            place = _place(line)
    issuer_lines = texts[max(0, (type_at or 0) - 5) : type_at or 0]
    issuer = _issuer(issuer_lines)
    if type_at is not None and issuer is None:
        nxt = texts[type_at + 1] if type_at + 1 < len(texts) else ""
        if re.match(r"^\s*(?:" + "|".join(BODY_WORDS) + r")\w*", nxt, re.IGNORECASE):
            issuer = display_case(_nominative_body(nxt))
    if title_end is not None:
        body_start = title_end
    elif type_at is not None:
        body_start = min(limit, type_at + 1)
        while body_start < limit and (
            _number(texts[body_start]) or parse_date(texts[body_start]) or _place(texts[body_start])
        ):
            body_start += 1
    else:
        body_start = 0
    span_stop = lines[body_start - 1].stop if body_start > 0 else 0
    header = Header(
        issuer=issuer,
        doc_type=doc_type,
        date=date.isoformat() if date else None,
        number=number,
        place=place,
        title=title,
    )
    del title_at
    return HeaderParse(header, kind or "other", body_start, (0, span_stop))


FOOTER_REQUISITES_RE = re.compile(
    r"^\s*(?:(?P<type>[А-Яа-яЁё ]{4,40}?)\s+)?от\s+(?P<date>.{6,25}?)\s*(?:№|N|в„–)\s*"
    r"(?P<number>\S+)\s*$"
)


def read_footer_requisites(text: str, lines: list[Line], start: int) -> tuple[str | None, str | None]:
    """Date and number printed after the signature ("от 15.08.2023 № 22-3"), as
    some websites lay out an act."""
    for line in lines[start:]:
        m = FOOTER_REQUISITES_RE.match(line.text(text))
        if m:
            date = parse_date(m.group("date"))
            return (date.isoformat() if date else None), m.group("number").rstrip(".")
    return None, None
