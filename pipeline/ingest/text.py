"""Plain text: encoding detection, "**bold**" from copied web pages and
box-drawing tables.

Lines stay lines: one block per non-empty line, nothing is merged here (a
text that is one huge line stays one line; the extractor copes with it).
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from .builder import Cell, TextBuilder
from .clean import join_hyphenated

# Letter frequencies of Russian text (per mille): the right 8-bit code page
# gives the likeliest letters; a wrong one permutes them (KOI8-R read as cp1251
# turns "ПОСТАНОВЛЕНИЕ" into "рпуфбопчмеойе").
_FREQUENCY = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 17, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.4,
}  # fmt: skip
_LOG_FREQUENCY = {ch: math.log(f) for ch, f in _FREQUENCY.items()}
_UNLIKELY = math.log(0.01)  # a non-letter where a high byte stood
_EIGHT_BIT = ("cp1251", "koi8-r", "cp866")
_VERTICAL = "│┃║¦|"
_BOX_VERTICAL = "│┃║"
_HORIZONTAL = "─━═-="
_BORDER = set(chr(c) for c in range(0x2500, 0x2580)) | set("+-=|:¦ ")
_SPLIT = re.compile(f"[{re.escape(_VERTICAL)}]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode TXT bytes: (text, encoding).

    BOMs first (UTF-8, UTF-16), then strict UTF-8, then the 8-bit Russian code
    page (cp1251, koi8-r or cp866) that yields the most frequent Russian letters.
    Returns encoding "binary" when the bytes hold NULs that are not UTF-16.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data:
        half = max(len(data) // 2, 1)
        for zeros, codec in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
            if zeros.count(0) > 0.4 * half:
                text = data.decode(codec, errors="replace")
                if _is_plain(text):
                    return text, "utf-16"
        return "", "binary"
    try:
        return _undo_double_utf8(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = [(data.decode(name, errors="replace"), name) for name in _EIGHT_BIT]
    return max(decoded, key=lambda pair: _likelihood(pair[0]))


def _likelihood(text: str) -> float:
    """How Russian the non-ASCII characters of text look (log-likelihood)."""
    score = 0.0
    for ch in text[:20000]:
        if ord(ch) >= 0x80:
            score += _LOG_FREQUENCY.get(ch.lower(), _UNLIKELY)
    return score


def _is_plain(text: str) -> bool:
    """Mostly printable characters: UTF-16 text, not binary with NULs in it."""
    bad = sum(1 for ch in text if not (ch.isprintable() or ch in "\t\r\n\f\v"))
    return bad <= 0.01 * len(text)


def _undo_double_utf8(text: str) -> str:
    # UTF-8 saved again as if it were cp1251: "РџРѕСЃС‚Р°РЅРѕРІ..." ("Постанов...").
    pairs = len(re.findall(r"[РС][\u0400-\u045f\u2018-\u203a\u00a0-\u00bf]", text))
    if pairs < 20 or pairs < 0.3 * len(re.findall(r"[А-Яа-яЁё]", text)):
        return text
    try:
        return text.encode("cp1251").decode("utf-8")
    except UnicodeError:
        return text


def strip_bold_marks(lines: list[str]) -> list[tuple[str, bool]]:
    """Remove markdown "**" marks; a line is bold when all its text was inside them.

    Bold may run over several lines ("**О мерах …\\n… организаций**"); a
    blank line ends it.
    """
    out: list[tuple[str, bool]] = []
    inside = False
    for line in lines:
        if not line.strip():
            inside = False
            out.append((line, False))
            continue
        if "**" not in line:
            out.append((line, inside))
            continue
        segments = line.split("**")
        bold = True
        for index, segment in enumerate(segments):
            state = inside if index % 2 == 0 else not inside
            if segment.strip() and not state:
                bold = False
        inside = inside if len(segments) % 2 == 1 else not inside
        text = "".join(segments)
        out.append((text, bold and bool(text.strip())))
    return out


def _is_horizontal(ch: str) -> bool:
    return ch in _HORIZONTAL or ("\u2500" <= ch <= "\u257f" and ch not in _BOX_VERTICAL)


def _is_border(line: str) -> bool:
    s = line.strip()
    return bool(s) and all(ch in _BORDER for ch in s) and sum(map(_is_horizontal, s)) >= 3


def _is_row(line: str) -> bool:
    s = line.strip()
    if any(ch in s for ch in _BOX_VERTICAL):
        return True
    return s.startswith(("|", "¦")) and len(_SPLIT.findall(s)) >= 2


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s[:1] in _VERTICAL:
        s = s[1:]
    if s[-1:] in _VERTICAL:
        s = s[:-1]
    return [part.strip() for part in _SPLIT.split(s)]


def _merge(lines: list[list[str]]) -> list[str]:
    width = max(len(cells) for cells in lines)
    merged = [""] * width
    for cells in lines:
        for col, text in enumerate(cells):
            merged[col] = join_hyphenated(merged[col], text)
    return merged


def table_rows(lines: list[str]) -> list[list[str]]:
    """The rows of one box-drawing table, given its lines (borders included).

    Lines between two borders form one row when the table rules off every
    row; otherwise each line is a row, and a line with an empty first column
    continues the row above it. A header above the first inner border is one row.
    """
    groups: list[list[list[str]]] = [[]]
    for line in lines:
        if _is_border(line):
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(_cells(line))
    groups = [group for group in groups if group]
    rows: list[list[str]] = []
    for index, group in enumerate(groups):
        if len(groups) >= 3 or (len(groups) == 2 and index == 0):
            rows.append(_merge(group))
            continue
        pending: list[list[str]] = []
        for cells in group:
            if pending and not cells[0]:
                pending.append(cells)
                continue
            if pending:
                rows.append(_merge(pending))
            pending = [cells]
        if pending:
            rows.append(_merge(pending))
    return [row for row in rows if any(row)]


@dataclass
class _Run:
    start: int
    stop: int


def _table_runs(lines: list[str]) -> list[_Run]:
    runs: list[_Run] = []
    index = 0
    while index < len(lines):
        if not (_is_row(lines[index]) or _is_border(lines[index])):
            index += 1
            continue
        stop = index
        while stop < len(lines) and (_is_row(lines[stop]) or _is_border(lines[stop])):
            stop += 1
        rows = [ln for ln in lines[index:stop] if not _is_border(ln)]
        wide = any(len(_cells(ln)) >= 2 for ln in rows)
        if wide and (len(rows) >= 2 or len(rows) < stop - index):
            runs.append(_Run(index, stop))
        index = stop
    return runs


def read_text(text: str, builder: TextBuilder) -> None:
    """Feed decoded text into builder: paragraphs per line, tables from box drawing."""
    lines = text.splitlines()
    marked = strip_bold_marks(lines)
    runs = {run.start: run for run in _table_runs([line for line, _ in marked])}
    table = 0
    index = 0
    while index < len(marked):
        run = runs.get(index)
        if run is None:
            line, bold = marked[index]
            builder.paragraph(line, bold=bold)
            index += 1
            continue
        emitted = 0
        for cells in table_rows([line for line, _ in marked[run.start : run.stop]]):
            row = [Cell(col, text) for col, text in enumerate(cells)]
            if builder.row(row, table=table, row=emitted):
                emitted += 1
        table += 1 if emitted else 0
        index = run.stop
