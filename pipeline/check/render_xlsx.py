"""The status matrix as an Excel workbook (`decree check --format xlsx`).

Sheet "Статус": one row per organization, one column per item of the decree,
a coloured status in each cell (the evidence as the cell's comment). Sheet
"Обоснование": one row per organization and item with the sentence of the report
that justified the status, the figures and the norm. Sheet "Пункты": the items.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.check.render_table import LABELS, _percent, title
from pipeline.check.result import Cell, CheckResult

FILLS = {
    "done": "C6EFCE",
    "partial": "FFEB9C",
    "not_done": "FFC7CE",
    "not_applicable": "E7E6E6",
    "no_info": "DDEBF7",
}


def cell_text(cell: Cell) -> str:
    """ "выполнено", "частично (48 %)"."""
    text = LABELS[cell.status]
    if cell.norm is not None and cell.norm.percent is not None:
        text += f" ({_percent(cell.norm.percent)})"
    return text


def _norm_text(cell: Cell) -> str:
    n = cell.norm
    if n is None:
        return ""
    got = "нет данных" if n.reported is None else f"{n.reported:g}"
    pct = "" if n.percent is None else f", {_percent(n.percent)}"
    return f"норматив {n.value:g} {n.unit} на {n.per:g}: нужно {n.required:g}, есть {got}{pct}"


def write_xlsx(result: CheckResult, path: str | Path) -> None:
    """Write the workbook to `path` (overwritten)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Статус"
    sheet["A1"] = title(result)
    sheet["A1"].font = Font(bold=True)
    head = ["Организация", "Файл", "Членов"] + [f"п. {d.id}" for d in result.directives]
    head.append("Замечания")
    sheet.append([])
    sheet.append(head)
    for k in range(1, len(head) + 1):
        sheet.cell(row=3, column=k).font = Font(bold=True)
    for row in result.reports:
        cells = [row.status[d.id] for d in result.directives]
        values = [row.label, Path(row.path).name, row.members]
        values += [cell_text(c) for c in cells] + ["; ".join(map(str, row.warnings))]
        sheet.append(values)
        r = sheet.max_row
        for k, cell in enumerate(cells, start=4):
            target = sheet.cell(row=r, column=k)
            target.fill = PatternFill("solid", fgColor=FILLS[cell.status])
            target.alignment = Alignment(horizontal="center")
            if cell.evidence is not None:
                target.comment = Comment(cell.evidence.text, "decree")
    for failure in result.failed:
        sheet.append(
            [Path(failure.path).name, failure.path, None, "не прочитан: " + failure.message]
        )
    sheet.freeze_panes = "D4"
    widths = [50, 28, 10] + [16] * len(result.directives) + [60]
    for k, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = width
    legend_row = sheet.max_row + 2
    for k, (status, label) in enumerate(LABELS.items()):
        target = sheet.cell(row=legend_row, column=4 + k, value=label)
        target.fill = PatternFill("solid", fgColor=FILLS[status])

    evidence = book.create_sheet("Обоснование")
    evidence.append(["Организация", "Пункт", "Статус", "Обоснование (из отчёта)", "Показатели",
                     "Норматив", "Причина", "Начало", "Конец", "Файл"])  # fmt: skip
    for row in result.reports:
        for d in result.directives:
            cell = row.status[d.id]
            ev = cell.evidence
            evidence.append([
                row.label, d.id, cell_text(cell), ev.text if ev else "",
                "; ".join(f.text for f in cell.figures), _norm_text(cell), cell.reason or "",
                ev.start if ev else None, ev.stop if ev else None, Path(row.path).name,
            ])  # fmt: skip
            evidence.cell(row=evidence.max_row, column=3).fill = PatternFill(
                "solid", fgColor=FILLS[cell.status]
            )
    for k, width in enumerate([40, 7, 18, 90, 30, 40, 40, 8, 8, 28], start=1):
        evidence.column_dimensions[get_column_letter(k)].width = width
    for line in evidence.iter_rows(min_row=2, min_col=4, max_col=4):
        line[0].alignment = Alignment(wrap_text=True, vertical="top")

    items = book.create_sheet("Пункты")
    items.append(["Пункт", "Текст", "Относится к членским организациям", "Условие"])
    for d in result.directives:
        items.append([d.id, d.text, "да" if d.applies else "нет", d.condition or ""])
    items.column_dimensions["B"].width = 100
    book.save(str(path))
