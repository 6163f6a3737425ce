"""Assemble one `Document.text` and its blocks, line by line.

Every reader (DOCX, PDF, TXT) feeds paragraphs and table rows into a
`TextBuilder`; the builder cleans each piece, drops empty paragraphs, keeps a
single "\\n" between lines and records the offsets of every block.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import TooManyChars
from pipeline.i18n import _, thousands
from pipeline.model import Block

from .clean import clean_cell, clean_line


@dataclass(frozen=True)
class Cell:
    """One table cell as a reader found it. col is the grid column (0-based);
    text already carries the numbering label of its first paragraph, if any."""

    col: int
    text: str
    label: str | None = None
    level: int | None = None
    bold: bool = False


class TextBuilder:
    """Collects lines and blocks; `text` and `blocks` give the result.

    With max_chars, a text that grows past it raises TooManyChars naming
    `path` as soon as it does, before the rest of the file is read.
    """

    def __init__(self, path: str | None = None, max_chars: int | None = None) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.path = path
        self.max_chars = max_chars

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def _new_line(self) -> None:
        if self._parts:
            self._parts.append("\n")
            self._length += 1

    def _append(self, text: str) -> tuple[int, int]:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        if self.max_chars is not None and self._length > self.max_chars:
            raise TooManyChars(
                self.path,
                _("more than {count} characters of text").format(count=thousands(self.max_chars)),
            )
        return start, self._length

    def paragraph(
        self,
        text: str,
        *,
        page: int | None = None,
        label: str | None = None,
        level: int | None = None,
        bold: bool = False,
    ) -> bool:
        """Add a paragraph; `label` (automatic numbering) goes in front of it.

        Returns False when the paragraph was empty and dropped.
        """
        body = clean_line(text)
        if not body:
            return False
        if label:
            body = f"{label} {body}"
        self._new_line()
        start, stop = self._append(body)
        self.blocks.append(
            Block(start, stop, page=page, label=label or None, level=level, bold=bold)
        )
        return True

    def row(self, cells: list[Cell], *, table: int, row: int, page: int | None = None) -> bool:
        """Add a table row: cells joined by a tab, each cell its own block.

        Empty cells keep their (empty) block so that columns stay aligned; a row
        whose cells are all empty is dropped and False is returned.
        """
        texts = [clean_cell(cell.text) for cell in cells]
        if not any(texts):
            return False
        self._new_line()
        for index, (cell, body) in enumerate(zip(cells, texts, strict=True)):
            if index:
                self._append("\t")
            start, stop = self._append(body)
            self.blocks.append(
                Block(
                    start,
                    stop,
                    page=page,
                    table=table,
                    row=row,
                    col=cell.col,
                    label=cell.label if body else None,
                    level=cell.level if body else None,
                    bold=cell.bold and bool(body),
                )
            )
        return True
