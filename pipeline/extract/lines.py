"""Lines: the unit the structure rules read.

A paragraph is a line; a table row is a line whose cells are kept; a text
that came as one long line is cut where the genre always breaks a line (before
an item label, after an operative marker, before a deadline or a signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import (
    CAPITALIZED_POSITIONS,
    DOC_TYPES,
    FURNITURE_CUT_RE,
    HEADING_TYPES,
    MARKER_RE,
)
from pipeline.model import Document

# A text line longer than this with no breaks is taken for a flattened text.
LONG_LINE = 800

# Break before "2. Text", "2.1. Text", "а) text" when the previous sentence ended.
_CUT_BEFORE = re.compile(
    r"(?<=[.:;!?»\"])\s+(?=(?:\d{1,2}(?:\.\d{1,2})*\.?|[а-я]\))\s+[А-ЯЁа-яё«\"])"
    r"|(?<=[.:;!?»\"])\s+(?=\d{1,2}(?:\.\d{1,2})*\.[А-ЯЁ«])"  # glued: "2.Утвердить"
    r"|(?<=[.:;!?»\"])\s+(?=Срок\b)"
    rf"|(?<=[.:;!?»\"])\s+(?=(?:{CAPITALIZED_POSITIONS}|Исполняющий)\b[^.]{{0,80}}[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
)
# Headers glued into one line: break around the document type, before the date,
# the place and the title; the title ends where a new sentence starts.
_ACTS = [doc_type.upper() for doc_type, kind in DOC_TYPES.values() if kind in ("decree", "order")]
_CUT_HEADER = re.compile(
    r"\s+(?=(?:" + "|".join(t.upper() for t in HEADING_TYPES) + r")\s)"
    r"|(?:" + "|".join(f"(?<={act})" for act in _ACTS) + r")\s+"
    r"|\s+(?=(?:г\.|с\.|пос\.)\s?[А-ЯЁ][а-яё]+\s+(?:О|Об)\s)"
    r"|(?<=[а-яё])\s+(?=(?:О|Об)\s+[а-яё]+[ие]\s)"
)
# Items run inline in one paragraph: "приказываю: 1. Назначить … 2. Утвердить …".
_INLINE_ITEMS = re.compile(r"(?:^|[:.;]\s*)1\.\s*[А-ЯЁ«].{3,}?[.;]\s+2\.\s*[А-ЯЁа-яё«]", re.DOTALL)
_TITLE_START = re.compile(r"(?:^|\s)(?:О|Об)\s+[а-яё]")
_SENTENCE_START = re.compile(
    r"(?<=[а-яё»)\d])\s+(?=(?:В|Во|На)\s+(?:целях|соответствии|исполнение|связи|основании)\b)"
    r"|(?<=[а-яё»)])\s+(?=[А-ЯЁ][а-яё]+\s)"
)
HEADER_AREA = 600


@dataclass(frozen=True)
class Line:
    """A line of the document: text[start:stop]. For a table row, cells holds
    the (start, stop) of each cell, and table/row say which row it is."""

    start: int
    stop: int
    bold: bool = False
    table: int | None = None
    row: int | None = None
    cells: tuple[tuple[int, int], ...] = ()

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.stop]

    def cell_texts(self, doc_text: str) -> tuple[str, ...]:
        return tuple(doc_text[a:b].strip() for a, b in self.cells)


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """text[a:b] without surrounding blanks, so offsets point at the words."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def table_rows(lines: list[Line], k: int) -> tuple[list[Line], int]:
    """The rows of the table that starts at lines[k], and the index after them."""
    rows = [lines[k]]
    while k + 1 < len(lines) and lines[k + 1].table == lines[k].table:
        k += 1
        rows.append(lines[k])
    return rows, k + 1


def _split(text: str, start: int, stop: int, bold: bool) -> list[Line]:
    """Cut text[start:stop] at newlines and, for one long line, at genre breaks."""
    lines: list[Line] = []
    pos = start
    for part in text[start:stop].split("\n"):
        a, b = trim_span(text, pos, pos + len(part))
        pos += len(part) + 1
        if a == b:
            continue
        if b - a > LONG_LINE:
            lines.extend(Line(x, y, bold) for x, y in _cut_long(text, a, b))
        elif _INLINE_ITEMS.search(text[a:b]):
            lines.extend(Line(x, y, bold) for x, y in _cut_items(text, a, b))
        else:
            lines.append(Line(a, b, bold))
    return lines


def _spans(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    ordered = sorted(cuts)
    spans = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        a, b = trim_span(text, a, b)
        if a < b:
            spans.append((a, b))
    return spans


def _cut_items(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """A paragraph with its items inline: cut before each item and after the marker."""
    chunk = text[start:stop]
    cuts = {start, stop} | {start + m.end() for m in _CUT_BEFORE.finditer(chunk)}
    cuts |= {start + m.end() for m in MARKER_RE.finditer(chunk) if m.group("tail").strip()}
    return _spans(text, cuts)


def _cut_long(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    cuts = {start, stop}
    chunk = text[start:stop]
    for m in _CUT_BEFORE.finditer(chunk):
        cuts.add(start + m.end())
    head = chunk[:HEADER_AREA]
    for m in _CUT_HEADER.finditer(head):
        cuts.add(start + m.end())
    title = _TITLE_START.search(head)
    if title:
        cuts.add(start + title.start())
        end = _SENTENCE_START.search(chunk, title.end())
        if end:
            cuts.add(start + end.end())
    for m in FURNITURE_CUT_RE.finditer(chunk):
        cuts.add(start + m.end())
    for m in MARKER_RE.finditer(chunk):
        if m.group("tail").strip():
            cuts.add(start + m.end())
    return _spans(text, cuts)


def split_lines(doc: Document) -> list[Line]:
    """The document as lines, in order; table rows as single lines with cells."""
    lines: list[Line] = []
    row_key: tuple[int, int] | None = None
    cells: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal cells, row_key
        if cells and row_key is not None:
            lines.append(
                Line(cells[0][0], cells[-1][1], False, row_key[0], row_key[1], tuple(cells))
            )
        cells, row_key = [], None

    for block in doc.blocks:
        if block.table is None:
            flush()
            lines.extend(_split(doc.text, block.start, block.stop, block.bold))
            continue
        key = (block.table, block.row or 0)
        if key != row_key:
            flush()
            row_key = key
        cells.append((block.start, block.stop))
    flush()
    return lines
