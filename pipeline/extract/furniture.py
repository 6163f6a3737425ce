"""Site furniture around an act copied from a web page.

A page puts the site's name, breadcrumbs, counters ("Опубликовано …", "Просмотров:
254"), a metadata block ("Номер / 117-р / Дата документа / 16.02.2021"), share and
print links and lists of other documents around the act. None of it is the
issuer, the title, an item, a figure or a reference; the metadata block may be the
only place the act's date and number are printed, so it is read before it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.issuer import collapse_spacing, is_institution
from pipeline.extract.lexicon import (
    FURNITURE_LINE_RE,
    FURNITURE_LIST_RE,
    HEADING_TYPES,
    MENU_LINE_RE,
    METADATA_LABEL_RE,
)
from pipeline.extract.lines import Line

_TYPE_LINE_RE = re.compile(
    r"^(?:" + "|".join(t.replace(" ", r"\s+") for t in HEADING_TYPES) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Furniture:
    """Which lines are furniture, and the date and number a metadata block gives
    (None where it gives none)."""

    lines: frozenset[int]
    date: str | None = None
    number: str | None = None
    doc_type: str | None = None  # "Вид документа: Постановление", as printed
    body: str | None = None  # "Принявший орган: Администрация города Кургана"
    site: str | None = None  # the institution whose site it is, named in the masthead


POSTAL_LINE_RE = re.compile(r"^\s*\d{6},\s*[А-ЯЁа-яё]")


def is_furniture(line: str) -> bool:
    """Is this line site furniture wherever it stands?"""
    return bool(FURNITURE_LINE_RE.search(line) or MENU_LINE_RE.match(line.strip()))


def _is_type_line(line: str) -> bool:
    return bool(_TYPE_LINE_RE.match(collapse_spacing(line.strip())))


def find_furniture(text: str, lines: list[Line], head_stop: int) -> Furniture:
    """Furniture among `lines`; lines[:head_stop] is where the heading may stand.

    The masthead (site name, breadcrumbs, a repeated title) is every line above the
    last furniture line that precedes the act's last type line in the heading."""
    texts = [ln.text(text) if ln.table is None else "" for ln in lines]
    marked: set[int] = set()
    date = number = doc_type = body = None
    k = 0
    while k < len(texts):
        s = texts[k]
        meta = METADATA_LABEL_RE.match(s)
        if meta and lines[k].table is None:
            value = meta.group("value")
            marked.add(k)
            if value is None and k + 1 < len(texts) and len(texts[k + 1]) < 120:
                value = texts[k + 1].strip()
                marked.add(k + 1)
                k += 1
            if value and meta.group("number") and number is None:
                number = value.lstrip("№N ").strip()
            if value and meta.group("type") and doc_type is None:
                doc_type = value
            if value and meta.group("body") and body is None:
                body = value
            if value and meta.group("date") and date is None:
                parsed = parse_date(value)
                date = parsed.isoformat() if parsed else None
        elif is_furniture(s):
            marked.add(k)
        elif FURNITURE_LIST_RE.match(s):
            marked.add(k)
            while k + 1 < len(texts) and _is_type_line(texts[k + 1]):
                k += 1
                marked.add(k)
        k += 1
    site = None
    first = next((i for i, s in enumerate(texts) if s.strip()), None)
    if (
        first is not None
        and first not in marked
        and any(i in marked for i in range(first + 1, first + 4))
        and is_institution(texts[first])
    ):  # the site's name above its menu or breadcrumbs
        site = texts[first].strip()
    head = range(min(head_stop, len(texts)))
    types = [i for i in head if _is_type_line(texts[i]) and i not in marked]
    if types:
        above = [i for i in marked if i < types[-1]]
        if above:
            marked.update(range(max(above) + 1))
    # the site's footer under the act: "356300, Ставропольский край, …, ул. Карла Маркса, 54"
    # (a letterhead's address in the heading is left to the heading's reader)
    marked.update(i for i in range(head_stop, len(texts)) if POSTAL_LINE_RE.match(texts[i]))
    return Furniture(frozenset(marked), date, number, doc_type, body, site)


def mask(text: str, lines: list[Line], marked: frozenset[int]) -> str:
    """The text with the marked lines blanked (same length, same offsets)."""
    chars = list(text)
    for i in marked:
        for p in range(lines[i].start, lines[i].stop):
            if chars[p] != "\n":
                chars[p] = " "
    return "".join(chars)
