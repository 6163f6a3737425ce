"""The status matrix for a terminal (`decree check --format table`): organizations
as rows, the decree's items as columns, one mark per cell, a legend, the items'
texts and the warnings under it."""

from __future__ import annotations

import re
from typing import IO

from pipeline.check.result import Cell, CheckResult
from pipeline.extract.regions import abbreviate

MARKS = {
    "done": ("✓", "green"),
    "partial": ("◐", "yellow"),
    "not_done": ("✗", "bold red"),
    "not_applicable": ("–", "dim"),
    "no_info": ("?", "blue"),
}
LABELS = {
    "done": "выполнено",
    "partial": "частично",
    "not_done": "не выполнено",
    "not_applicable": "не относится",
    "no_info": "нет сведений",
}


def _ru_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def _members(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}".replace(",", "\u202f")


def _percent(value: float) -> str:
    return f"{value:.0f} %" if value >= 10 else f"{value:.1f} %".replace(".", ",")


def mark(cell: Cell) -> tuple[str, str]:
    """(the short text of a cell, its rich style): "✓", "◐ 48 %"."""
    symbol, style = MARKS[cell.status]
    if cell.norm is not None and cell.norm.percent is not None:
        return f"{symbol} {_percent(cell.norm.percent)}", style
    return symbol, style


def title(result: CheckResult) -> str:
    """ "Постановление Президиум ДР СОП от 15.08.2023 № 22-3 «О мерах …»"."""
    h = result.decree
    parts = [(h.doc_type or "документ").capitalize()]
    parts += [p for p in (h.issuer,) if p]
    if h.date:
        parts.append(f"от {_ru_date(h.date)}")
    if h.number:
        parts.append(f"№ {h.number}")
    if h.title:
        parts.append(f"«{h.title}»")
    return " ".join(parts)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"


_ABBREVIATIONS = (
    (re.compile(r"Российской\s+Федерации|Российская\s+Федерация", re.I), "РФ"),
    (re.compile(r"(?<![а-яё])профессионального\s+союза", re.I), "профсоюза"),
)


def short_labels(labels: list[str]) -> tuple[list[str], str]:
    """Row labels without the words every one of them starts with ("Дагестанская
    республиканская организация …"), and those words; long standard names shortened."""
    for regex, short in _ABBREVIATIONS:
        labels = [regex.sub(short, label) for label in labels]
    labels = [abbreviate(label) for label in labels]  # "Республики Дагестан" -> "РД"
    words = [label.split() for label in labels]
    common = 0
    if len(words) > 1:
        while (
            all(len(w) > common + 1 for w in words)
            and len({w[common].casefold() for w in words}) == 1
        ):
            common += 1
    if common < 2:
        return labels, ""
    rest = [" ".join(w[common:]) for w in words]
    return [r[:1].upper() + r[1:] for r in rest], " ".join(words[0][:common])


def print_table(result: CheckResult, file: IO[str] | None = None, width: int | None = None) -> None:
    """Print the matrix with rich (colours only on a terminal)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, width=width, highlight=False, soft_wrap=False)
    if not console.is_terminal and width is None:
        console = Console(file=file, width=140, highlight=False, soft_wrap=False)
    table = Table(title=title(result), title_justify="left", show_lines=False)
    table.add_column("Организация", max_width=60, overflow="fold")
    table.add_column("Членов", justify="right", no_wrap=True)
    for d in result.directives:
        table.add_column(f"п. {d.id}", justify="center", no_wrap=True)
    labels, common = short_labels([row.label for row in result.reports])
    for row, short in zip(result.reports, labels, strict=True):
        label = Text(short)
        if row.warnings:
            label.append(" ⚠", style="yellow")
        cells = [Text(*mark(row.status[d.id])) for d in result.directives]
        table.add_row(label, _members(row.members), *cells)
    console.print(table)
    legend = Text("  ")
    for status, (symbol, style) in MARKS.items():
        legend.append(symbol, style=style)
        legend.append(f" {LABELS[status]}   ")
    console.print(legend)
    console.print(Text("  % — выполнение норматива организацией", style="dim"))
    if common:
        console.print(Text(f"  Организация: «{common} …»", style="dim"))
    console.print()
    for d in result.directives:
        note = "" if d.applies else "[не относится к членским организациям] "
        if d.condition:
            note = f"[только {d.condition}] "
        head = f"  п. {d.id}  {note}"
        console.print(Text(head + _short(d.text, console.width - len(head) - 1)), no_wrap=True)
    notes = [(row.label, row.path, w) for row in result.reports for w in row.warnings]
    if notes or result.failed:
        console.print()
    for label, path, warning in notes:
        console.print(Text(f"  ⚠ {label} ({path}): {warning}", style="yellow"))
    for failure in result.failed:  # the reason is on stderr
        console.print(Text(f"  ✗ не прочитан: {failure.path}", style="red"))
