"""Plan tables ("№ | Мероприятие | Срок | Ответственный") as operative items.

Column roles come from the header row; the deadline column may stand after the
responsible one, a plan may have separate start and end columns (the end is the
deadline), and one deadline cell may cover the empty cells below it (a merged
cell comes out of ingest as empty continuation cells).
"""

from __future__ import annotations

import re

from pipeline.extract.deadlines.timewords import MONTH_ANY, MONTH_GENITIVE
from pipeline.extract.item import Item
from pipeline.extract.lexicon import NUMBER_SIGN
from pipeline.extract.lines import Line, trim_span

ROLE_WORDS = (
    ("number", re.compile(rf"^(?:{NUMBER_SIGN}|п/п)", re.IGNORECASE)),
    ("end", re.compile(r"окончани|завершени|конец", re.IGNORECASE)),
    ("start", re.compile(r"^(?:начало|дата начала|с)$", re.IGNORECASE)),
    ("deadline", re.compile(r"срок|дата|период|когда", re.IGNORECASE)),
    ("responsible", re.compile(r"ответствен|исполнител|кто", re.IGNORECASE)),
    ("text", re.compile(r"мероприяти|наименовани|содержани|вопрос|задач|действи|работ", re.I)),
)
ROW_NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*$")
DATEISH_RE = re.compile(
    rf"\d{{1,2}}\.\d{{2}}|квартал|{MONTH_ANY}|{MONTH_GENITIVE}|постоянно|ежемесячно|ежегодно"
    r"|в течение",
    re.IGNORECASE,
)


def column_roles(cells: tuple[str, ...]) -> dict[str, int] | None:
    """Roles of the columns if `cells` is a plan table's header row."""
    roles: dict[str, int] = {}
    for col, cell in enumerate(cells):
        for role, regex in ROLE_WORDS:
            if regex.search(cell) and role not in roles:
                roles[role] = col
                break
    if "end" in roles:
        roles["deadline"] = roles.pop("end")
    if "text" in roles and ("deadline" in roles or "responsible" in roles):
        return roles
    return None


def _guess_roles(cells: tuple[str, ...]) -> dict[str, int] | None:
    """Roles for a headerless plan table, from what its first row holds."""
    if len(cells) < 3:
        return None
    roles: dict[str, int] = {}
    if ROW_NUMBER_RE.match(cells[0]):
        roles["number"] = 0
    rest = [c for c in range(len(cells)) if c not in roles.values()]
    text_col = max(rest, key=lambda c: len(cells[c]))
    roles["text"] = text_col
    for c in rest:
        if c != text_col and "deadline" not in roles and DATEISH_RE.search(cells[c]):
            roles["deadline"] = c
    for c in rest:
        if c not in roles.values():
            roles.setdefault("responsible", c)
    return roles if "deadline" in roles else None


def read_plan_rows(text: str, rows: list[Line], parent: str | None) -> list[Item]:
    """Items of one plan table: one per data row."""
    roles = None
    data = rows
    for n, row in enumerate(rows[:3]):
        roles = column_roles(row.cell_texts(text))
        if roles:
            data = rows[n + 1 :]
            break
    if roles is None and rows:
        roles = _guess_roles(rows[0].cell_texts(text))
    if roles is None:
        return []
    items: list[Item] = []
    deadline: tuple[int, int] | None = None
    ordinal = 0
    for row in data:
        cells = row.cell_texts(text)
        spans = row.cells

        def cell(role: str, cells=cells) -> str:
            col = roles.get(role)
            return cells[col] if col is not None and col < len(cells) else ""

        body = cell("text")
        if not body or all(re.fullmatch(r"\d+\.?", c) or not c for c in cells):
            continue  # a row of column numbers "1 | 2 | 3 | 4", or an empty row
        filled = [c for c in cells if c]
        if len(filled) == 1 and len(cells) > 2:
            continue  # a section heading spanning the table
        ordinal += 1
        number = ROW_NUMBER_RE.match(cell("number"))
        label = number.group(1) if number else str(ordinal)
        item_id = f"{parent}.{label}" if parent else label
        col = roles["text"]
        start, stop = trim_span(text, *spans[col])
        item = Item(item_id, parent, start, stop)
        item.cells["text"] = (start, stop)
        if cell("deadline"):
            deadline = trim_span(text, *spans[roles["deadline"]])
        if deadline is not None:
            item.deadline_spans.append(deadline)
        if cell("responsible"):
            span = trim_span(text, *spans[roles["responsible"]])
            item.responsible_spans.append(span)
            item.cells["responsible"] = span
        items.append(item)
    return items


def _tab_cells(text: str, line: Line) -> list[tuple[int, int]]:
    """The cells of a pasted row whose cells are separated by tabs."""
    cells, pos = [], line.start
    for part in text[line.start : line.stop].split("\t"):
        a, b = trim_span(text, pos, pos + len(part))
        pos += len(part) + 1
        if a < b:
            cells.append((a, b))
    return cells


def _pipe_cells(text: str, line: Line) -> list[tuple[int, int]]:
    """The cells of a pasted row printed with pipes ("1 | Мероприятие | июль | …|"):
    the empty ends outside the outer pipes dropped, empty cells inside kept."""
    chunk = text[line.start : line.stop]
    if chunk.count("|") < 2:
        return []
    cells, pos = [], line.start
    for part in chunk.split("|"):
        cells.append(trim_span(text, pos, pos + len(part)))
        pos += len(part) + 1
    if cells and cells[0][0] == cells[0][1]:
        cells = cells[1:]
    if cells and cells[-1][0] == cells[-1][1]:
        cells = cells[:-1]
    return cells


def _split_number(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "1 Формирование списков" in the first cell: the row number is a cell of its own."""
    a, b = cells[0]
    m = re.match(r"(\d{1,3}(?:\.\d{1,3})*\.?)\s+\S", text[a:b])
    if not m:
        return cells
    return [(a, a + len(m.group(1))), trim_span(text, a + len(m.group(1)), b), *cells[1:]]


def _tabbed(text: str, lines: list[Line], k: int, split=_tab_cells) -> list[list[tuple[int, int]]]:
    """Rows of a plan table pasted as tab-separated lines from lines[k] (its header),
    or as lines of cells between pipes (`split` = _pipe_cells)."""
    head = split(text, lines[k])
    roles = column_roles(tuple(text[a:b] for a, b in head)) if len(head) >= 3 else None
    if roles is None:
        return []
    rows = [head]
    for line in lines[k + 1 :]:
        cells = split(text, line) if line.table is None else []
        if len(cells) == len(head) - 1 and roles.get("number") == 0:
            cells = _split_number(text, cells)
        if len(cells) != len(head):
            break
        rows.append(cells)
    return rows if len(rows) > 1 else []


def _stacked(text: str, lines: list[Line], k: int) -> list[list[tuple[int, int]]]:
    """Rows of a plan table pasted one cell per line ("№ п/п", "Мероприятие", "Срок",
    "Ответственный", then "1", "Проведение …", …): each row opens with its number."""
    for n in range(6, 2, -1):
        group = lines[k : k + n]
        if len(group) < n or any(ln.table is not None or ln.stop - ln.start > 40 for ln in group):
            continue
        roles = column_roles(tuple(ln.text(text) for ln in group))
        if roles is None or len(roles) != n or roles.get("number") != 0:
            continue
        rows = [[(ln.start, ln.stop) for ln in group]]
        j = k + n
        while j + n <= len(lines) and ROW_NUMBER_RE.match(lines[j].text(text)):
            row = lines[j : j + n]
            if any(ln.table is not None for ln in row):
                break
            rows.append([(ln.start, ln.stop) for ln in row])
            j += n
        return rows if len(rows) > 1 else []
    return []


def read_pasted_tables(text: str, lines: list[Line]) -> list[Line]:
    """`lines` with plan tables pasted from web pages (cells separated by tabs or
    pipes, or one cell per line) turned into table rows, as ingest gives the tables of a DOCX."""
    table = max((ln.table for ln in lines if ln.table is not None), default=-1) + 1
    out: list[Line] = []
    k = 0
    while k < len(lines):
        rows = [] if lines[k].table is not None else _tabbed(text, lines, k)
        rows = rows or ([] if lines[k].table is not None else _tabbed(text, lines, k, _pipe_cells))
        rows = rows or ([] if lines[k].table is not None else _stacked(text, lines, k))
        if not rows:
            out.append(lines[k])
            k += 1
            continue
        for r, cells in enumerate(rows):
            out.append(Line(cells[0][0], cells[-1][1], False, table, r, tuple(cells)))
        consumed = max(b for row in rows for _, b in row)
        while k < len(lines) and lines[k].start < consumed:
            k += 1
        table += 1
    return out
