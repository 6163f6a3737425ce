"""Small Documents built in memory for unit tests of the extract stage."""

from __future__ import annotations

from pipeline.model import Block, Document, Source


def doc_from_text(text: str, tables: list[list[list[str]]] | None = None) -> Document:
    """One paragraph block per line; each table (rows of cells) appended after."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for line in text.strip("\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        blocks.append(Block(pos, pos + len(line)))
        parts.append(line)
        pos += len(line) + 1
    for t, table in enumerate(tables or []):
        for r, row in enumerate(table):
            cells = []
            for c, cell in enumerate(row):
                blocks.append(Block(pos, pos + len(cell), table=t, row=r, col=c))
                cells.append(cell)
                pos += len(cell) + 1
            parts.append("\t".join(cells))
    return Document("\n".join(parts), tuple(blocks), Source("test.txt", "txt"))
