"""Ruled tables in a PDF: cells from ruling edges, words into cells, and a
table that runs over several pages made into one.

The cell geometry is pdfplumber's lattice algorithm (edges -> intersections
-> cells -> tables), fed with the edges pdfpage.py read through pdfium.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .pdflayout import Line, group_lines

_TOLERANCE = 3  # pdfplumber's default snap, join and intersection tolerance (pt)


@dataclass
class PdfCell:
    """A table cell before its lines are joined (joining needs the vocabulary)."""

    col: int
    lines: list[Line]


@dataclass
class TableItem:
    """The part of a table found on one page."""

    top: float
    page: int
    rows: list[list[PdfCell]]

    @property
    def width(self) -> int:
        return max((row[-1].col + 1 for row in self.rows if row), default=0)


def inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    """Whether the centre of a word lies in bbox (x0, top, x1, bottom)."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def find_tables(edges: list[dict[str, Any]]) -> list[Any]:
    """pdfplumber Tables found by the lattice finder; [] without a grid."""
    from pdfplumber.table import (
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )
    from pdfplumber.utils import filter_edges

    edges = merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    edges = filter_edges(edges, min_length=_TOLERANCE)
    horizontal = sum(edge["orientation"] == "h" for edge in edges)
    if horizontal < 2 or len(edges) - horizontal < 2:
        return []
    cells = intersections_to_cells(edges_to_intersections(edges, _TOLERANCE, _TOLERANCE))
    tables = [Table(None, group) for group in cells_to_tables(cells)]
    return [table for table in tables if len(table.cells) >= 2]


def _column_x(table: Any, col: int) -> float | None:
    for row in table.rows:
        if col < len(row.cells) and row.cells[col] is not None:
            return float(row.cells[col][0])
    return None


def table_item(table: Any, words: list[dict[str, Any]], page: int) -> TableItem:
    """The rows of a found table with the words that fall into each cell."""
    grid = table.rows
    columns = [_column_x(table, col) for col in range(len(grid[0].cells))]
    rows: list[list[PdfCell]] = []
    for row in grid:
        cells: list[PdfCell] = []
        covered_to = float("-inf")
        for col, bbox in enumerate(row.cells):
            if bbox is None:
                # Under a cell merged across columns: nothing; under a cell
                # merged down from the row above: an empty cell, as in DOCX.
                if columns[col] is None or columns[col] >= covered_to:
                    cells.append(PdfCell(col, []))
                continue
            covered_to = bbox[2] - 1
            cells.append(PdfCell(col, group_lines([w for w in words if inside(w, bbox)], page)))
        rows.append(cells)
    return TableItem(table.bbox[1], page, rows)


def _row_text(row: list[PdfCell]) -> list[str]:
    return [" ".join(line.text for line in cell.lines) for cell in row]


@dataclass
class LongTable:
    """One table as emitted: its parts on consecutive pages, rows with their page."""

    rows: list[tuple[int, list[PdfCell]]]
    last_page: int
    width: int

    @classmethod
    def start(cls, item: TableItem) -> LongTable:
        return cls([(item.page, row) for row in item.rows], item.page, item.width)

    def continues_on(self, item: TableItem, first_on_page: bool) -> bool:
        """Whether item, found at the top of the next page, goes on with this table."""
        return first_on_page and item.page == self.last_page + 1 and item.width == self.width

    def extend(self, item: TableItem) -> None:
        """Append the part found on the next page."""
        rows = item.rows
        if rows and self.rows and _row_text(rows[0]) == _row_text(self.rows[0][1]):
            rows = rows[1:]  # the header row repeated on the new page
        if rows and self.rows and rows[0] and not rows[0][0].lines:
            # A row broken by the page: its first cell ("№") stayed above.
            last = {cell.col: cell for cell in self.rows[-1][1]}
            for cell in rows[0]:
                if cell.col in last:
                    last[cell.col].lines.extend(cell.lines)
            rows = rows[1:]
        self.rows.extend((item.page, row) for row in rows)
        self.last_page = item.page
