"""What a report says, piece by piece, and which item of the decree each piece answers.

    "По пункту 3. Ответственной назначена …"   -> directive "3"
    "П. 3 – …", "Пункт 3:", "По третьему пункту …", "3) …"
    a table with a column for the decree's item ("№ пункта", "Пункт постановления")
    prose paragraphs that never name an item     -> directive None

An unlabelled paragraph after a labelled one continues it. Each item is a dict
{"directive", "text", "start", "stop"}: start/stop are offsets of the answer in
the document's text, the label left out. A table row keeps the cells that restate
the directive as "topic"; a part of a report on several acts keeps the act it
answers as "section" ({"date", "number"}).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.lexicon import NUMBER_SIGN
from pipeline.extract.lines import Line, table_rows
from pipeline.extract.report.lexicon import (
    ANSWER_COLUMN_RE,
    DIRECTIVE_COLUMN_RE,
    ITEM_COLUMN_RE,
    ITEM_LABEL_RE,
    NUMBER_LABEL_RE,
    ORDINAL_LABEL_RE,
    ORDINALS,
    SECTION_RE,
    SUBITEM_LABEL_RE,
)

_ID_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_NUMBER_RE = re.compile(NUMBER_SIGN + r"\s*([^\s,;«]+)")
# A column of row numbers: "№", "№ п/п", "N".
_ROW_NUMBER_COLUMN_RE = re.compile(NUMBER_SIGN + r"\s*(?:п/п|пп)?\.?", re.I)
_INTRO_RE = re.compile(r"(?:следующее|нижеследующее|сообщаем|информируем)\s*:\s*$", re.I)
_END_RE = re.compile(r"^\s*(?:приложени[ея]|прилагается|с\s+уважением)\b", re.I)


def _item(
    directive: str | None, text: str, start: int, stop: int, section: dict | None = None
) -> dict[str, Any]:
    item = {
        "directive": directive,
        "text": " ".join(text[start:stop].split()),
        "start": start,
        "stop": stop,
    }
    if section:
        item["section"] = section
    return item


def _section(s: str) -> dict[str, Any] | None:
    """The act a section heading names: {"date", "number"}; None for other lines."""
    if not SECTION_RE.match(s):
        return None
    found = parse_date(s)
    number = _NUMBER_RE.search(s)
    return {
        "date": found.isoformat() if found else None,
        "number": number.group(1).rstrip(".:") if number else None,
    }


def _label(s: str) -> tuple[list[str], int] | None:
    """The item ids a line answers and where its answer starts; None when unlabelled."""
    m = ORDINAL_LABEL_RE.match(s)
    if m:
        return [ORDINALS[m.group("ord").lower()]], m.end()
    m = SUBITEM_LABEL_RE.match(s)
    if m:
        return [f"{m.group('id')}.{m.group('sub').lower()}"], m.end()
    m = ITEM_LABEL_RE.match(s)
    if m:
        ids = [m.group("id"), *_ID_RE.findall(m.group("more") or "")]
        more = m.group("more") or ""
        if re.search(r"[-–]", more) and len(ids) == 2 and ids[0].isdigit() and ids[1].isdigit():
            ids = [str(n) for n in range(int(ids[0]), int(ids[1]) + 1)]  # "По пунктам 1-3"
        return list(dict.fromkeys(i.rstrip(".") for i in ids)), m.end()
    m = NUMBER_LABEL_RE.match(s)
    if m:
        return [m.group("id")], m.end()
    return None


def _table_items(text: str, rows: list[Line], section: dict | None) -> list[dict[str, Any]]:
    header = rows[0].cell_texts(text)
    has_header = not any(_ID_RE.fullmatch(c.rstrip(".")) for c in header)
    item_col = None
    skip_cols: set[int] = set()
    topic_cols: list[int] = []  # columns that restate the directive: "Мероприятие"
    if has_header:
        for k, cell in enumerate(header):
            if item_col is None and ITEM_COLUMN_RE.search(cell):
                item_col = k
            elif DIRECTIVE_COLUMN_RE.search(cell) and not ANSWER_COLUMN_RE.search(cell):
                skip_cols.add(k)  # the directive restated, not the answer
                topic_cols.append(k)
            elif _ROW_NUMBER_COLUMN_RE.fullmatch(cell.strip()):
                skip_cols.add(k)
    out = []
    for row in rows[1:] if has_header else rows:
        cells = row.cells
        if not cells:
            continue
        ids: list[str | None] = [None]
        if item_col is not None and item_col < len(cells):
            a, b = cells[item_col]
            found = _ID_RE.findall(text[a:b])
            ids = list(dict.fromkeys(found)) or [None]
        cols = [k for k in range(len(cells)) if k != item_col and k not in skip_cols]
        cols = [k for k in cols if re.search(r"\w", text[cells[k][0] : cells[k][1]])]
        if not cols:
            continue
        start, stop = cells[cols[0]][0], cells[cols[-1]][1]
        topic = " ".join(text[cells[k][0] : cells[k][1]] for k in topic_cols if k < len(cells))
        if item_col is not None and item_col < len(cells):  # "п. 2. Аккаунты в соцсетях"
            topic = f"{topic} {text[cells[item_col][0] : cells[item_col][1]]}"
        for directive in ids:
            item = _item(directive, text, start, stop, section)
            if topic.strip():
                item["topic"] = " ".join(topic.split())
            out.append(item)
    return out


def read_items(text: str, lines: list[Line]) -> list[dict[str, Any]]:
    """The items of a report's body lines (letterhead, subject and signature left out)."""
    items: list[dict[str, Any]] = []
    current: list[dict[str, Any]] = []  # the items a continuation paragraph extends
    section: dict | None = None  # the act the lines answer, in a report on several acts
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.table is not None:
            rows, k = table_rows(lines, k)
            items.extend(_table_items(text, rows, section))
            current = []
            continue
        k += 1
        s = line.text(text)
        if _END_RE.match(s):
            break
        heading = _section(s)
        if heading:
            section, current = heading, []
            continue
        found = _label(s)
        if found:
            ids, skip = found
            start = line.start + skip
            if start >= line.stop:  # "По пункту 3:" alone on its line
                start = line.stop
            current = [_item(i, text, start, line.stop, section) for i in ids]
            items.extend(current)
            continue
        if current and current[0]["directive"] is not None:
            for item in current:
                if item["start"] == item["stop"]:
                    item["start"] = line.start
                item["stop"] = line.stop
                item["text"] = " ".join(text[item["start"] : item["stop"]].split())
            continue
        if _INTRO_RE.search(s):
            continue
        bullet = re.match(r"\s*[-–—•·*▪]\s+", s)
        start = line.start + (bullet.end() if bullet else 0)
        current = [_item(None, text, start, line.stop, section)]
        items.append(current[0])
    return [i for i in items if i["text"]]
