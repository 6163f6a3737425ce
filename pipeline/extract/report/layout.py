"""The layout of a letter: letterhead, addressee, outgoing number, subject, body.

ДАГЕСТАНСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ          letterhead (a table cell too)
ПРОФСОЮЗА РАБОТНИКОВ ЗДРАВООХРАНЕНИЯ РФ
367000, г. Махачкала, …, тел. …                  clutter
Исх. № 45 от 20.09.2023 | 20.09.2023 № 45        requisites
Председателю ДР СОП / В Президиум ДР СОП         addressee (to its end)
Информация о выполнении постановления …          subject (and its wrapped lines)
Уважаемый …!                                     salutation
…                                                body
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.issuer import CLUTTER_RE
from pipeline.extract.lexicon import POSITION_RE, UNION_ORG_STEMS
from pipeline.extract.lines import Line
from pipeline.extract.report.lexicon import (
    ADDRESSEE_RE,
    OUTGOING_RE,
    SALUTATION_RE,
    SUBJECT_RE,
    SUBJECT_WORD_RE,
)
from pipeline.nlp import parse as parse_word

TOP_SCAN = 30  # lines from the top in which letterhead, addressee and subject stand
_NAME_LINE_RE = re.compile(
    r"^[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.$|^[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+$"
)


@dataclass
class Layout:
    """Where the parts of a letter are: letterhead texts, the subject's lines, the
    requisites line, the first line of the body, the addressee's offsets."""

    letterhead: list[str]
    subject: tuple[int, int] | None = None  # first line, line after the last
    requisites: str = ""  # the outgoing number line
    body_start: int = 0
    addressee: list[tuple[int, int]] = field(default_factory=list)  # offsets of its lines


def _addressee_end(texts: list[str], i: int) -> int:
    """The index of the last line of an addressee block starting at line i."""
    j = i
    while j + 1 < len(texts) and j + 1 < i + 5:
        s = texts[j + 1].strip()
        if SUBJECT_RE.match(s) or SUBJECT_WORD_RE.match(s) or SALUTATION_RE.match(s):
            break
        if OUTGOING_RE.match(s) or len(s) > 100:
            break
        if s.endswith((".", ":", "!")) and not _NAME_LINE_RE.match(s):
            break
        j += 1
    return j


def _names_org(line: str) -> bool:
    """A subject line that names the reporting organization in an oblique case:
    "Дагестанской республиканской организацией профсоюза работников торговли,"."""
    first = re.match(r"[А-ЯЁ][а-яё]+", line)
    if not first or not re.search(UNION_ORG_STEMS, line, re.I):
        return False
    if re.search(r"[.!?]\s|[.!?]$", line):
        return False  # a sentence of the body, not a name
    parses = parse_word(first.group(0).lower())
    return any(p.tag.POS == "ADJF" and p.tag.case in {"gent", "ablt"} for p in parses) and not any(
        p.tag.case == "nomn" for p in parses[:1]
    )


def _subject_end(texts: list[str], i: int) -> int:
    """The line after the last line of a subject starting at line i."""
    j = i + 1
    joined = texts[i]
    while j < len(texts) and j < i + 5:
        nxt = texts[j].strip()
        open_quote = joined.count("«") > joined.count("»")
        if not (open_quote or re.match(r"[а-яё№«(]|от\s|(?:о|об)\s", nxt) or _names_org(nxt)):
            break
        if len(nxt) > 200 or joined.rstrip().endswith("."):
            break
        joined += " " + nxt
        j += 1
    return j


def _is_sentence(s: str) -> bool:
    """A line of running text, not of a letterhead: long, or a sentence that ends."""
    if len(s) > 200 or POSITION_RE.match(s):
        return True
    ended = s.rstrip().endswith((".", ":", ";", "!")) and not _NAME_LINE_RE.match(s.strip())
    return ended and len(s.split()) >= 4 and not CLUTTER_RE.search(s)


_EXECUTION_TAIL = re.compile(
    r"(?:^|\s)(?:о|об)\s+(?:ходе\s+)?(?:выполнени|исполнени|реализаци)", re.IGNORECASE
)


def read_layout(text: str, lines: list[Line]) -> Layout:
    """Lay out the top of a letter (see the module docstring)."""
    texts = [ln.text(text).strip() for ln in lines]
    layout = Layout([])
    in_letterhead = True
    i = 0
    while i < min(len(lines), TOP_SCAN):
        s = texts[i]
        if SALUTATION_RE.match(s):
            layout.body_start = i + 1
            break
        # "ИНФОРМАЦИЯ" on its own line, then "первичной профсоюзной организации … о
        # выполнении постановления …": one subject over two lines.
        nxt = " ".join(texts[i + 1 : i + 4])
        if SUBJECT_RE.match(s) or (
            SUBJECT_WORD_RE.match(s) and (SUBJECT_RE.match(nxt) or _EXECUTION_TAIL.search(nxt))
        ):
            bare = SUBJECT_WORD_RE.match(s) and i + 1 < len(texts)
            end = _subject_end(texts, i + 1) if bare else _subject_end(texts, i)
            layout.subject = (i, end)
            layout.body_start = end
            in_letterhead = False
            i = end
            continue
        if lines[i].table is not None and layout.subject is None and in_letterhead:
            for (a, b), cell in zip(lines[i].cells, lines[i].cell_texts(text), strict=False):
                if ADDRESSEE_RE.match(cell):  # a letterhead beside the addressee
                    layout.addressee.append((a, b))
                    continue
                if OUTGOING_RE.match(cell):
                    layout.requisites = layout.requisites or cell
                else:
                    layout.letterhead.append(cell)
        elif layout.subject is not None or _is_sentence(s) or lines[i].table is not None:
            if layout.subject is None:
                layout.body_start = i
            break
        elif ADDRESSEE_RE.match(s) or (
            "\t" in lines[i].text(text) and ADDRESSEE_RE.match(s.split("\t")[-1].strip())
        ):
            in_letterhead = False
            end = _addressee_end(texts, i)
            layout.addressee.append((lines[i].start, lines[end].stop))
            if OUTGOING_RE.match(s) or parse_date(s.split("\t")[0]):
                layout.requisites = layout.requisites or s.split("\t")[0]
            i = end
        elif OUTGOING_RE.match(s) or (parse_date(s) and len(s) < 60):
            in_letterhead = False
            layout.requisites = layout.requisites or s
        elif in_letterhead:
            layout.letterhead.append(s)
        i += 1
        layout.body_start = i
    return layout
