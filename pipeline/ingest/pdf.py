"""PDF with a text layer.

Characters and ruling lines come from pypdfium2 (pdfpage.py), ten times
faster than pdfminer; lines and paragraphs are built in pdflayout.py. Only
pages that draw both horizontal and vertical rulings go through pdfplumber's
table finder (its edge -> intersection -> cell algorithm, fed with our
edges); their cells become table blocks like in DOCX. Page numbers in the
top or bottom margin are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any

from pipeline.errors import CorruptFile, EmptyInput, EncryptedFile, TooLarge
from pipeline.i18n import _, too_many_pages

from .builder import Cell, TextBuilder
from .clean import vocabulary
from .pdflayout import Frame, Line, group_lines, join, measure, paragraphs
from .pdfpage import Space, page_edges, page_words
from .pdftables import LongTable, TableItem, find_tables, inside, table_item

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:стр(?:аница)?\.?\s*)?\d{1,4}\s*(?:из|/)\s*\d{1,4}$",
    re.IGNORECASE,
)
_MARGIN = 0.12  # share of the page height where running heads and page numbers live


@dataclass
class PageContent:
    """One page laid out: lines and tables in display space (points).

    images counts the image objects of a PDF page (a scanned page has one);
    confidence is the mean OCR word confidence when the page was OCRed.
    """

    number: int
    width: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableItem] = field(default_factory=list)
    letters: int = 0
    unmapped: int = 0
    images: int = 0
    confidence: float | None = None
    pitch: float | None = None  # line pitch inside a paragraph, when OCR measured it

    @property
    def text(self) -> str:
        """The page's text, lines and table cells, for judging its text layer."""
        parts = [line.text for line in self.lines]
        parts += [ln.text for t in self.tables for r in t.rows for c in r for ln in c.lines]
        return "\n".join(parts)


def _all_bold(lines: list[Line]) -> bool:
    return bool(lines) and all(line.bold for line in lines)


def layout_page(
    number: int,
    width: float,
    height: float,
    words: list[dict[str, Any]],
    edges: list[dict[str, Any]],
) -> PageContent:
    """Words and ruling edges of a page (display space, points) -> lines and tables.

    Shared by the text layer and OCR: both hand in pdfplumber-style word dicts.
    """
    content = PageContent(number, width)
    content.letters = sum(ch.isalpha() for w in words for ch in w["text"])
    flow = words
    for table in find_tables(edges) if words else []:
        cell_words = [w for w in flow if inside(w, table.bbox)]
        if cell_words:
            flow = [w for w in flow if not inside(w, table.bbox)]
            content.tables.append(table_item(table, cell_words, number))
    content.lines = _drop_page_numbers(group_lines(flow, number), height)
    return content


def _count_images(page: Any) -> int:
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4))


def _read_page(page: Any, number: int) -> PageContent:
    space = Space(page)
    words, unmapped = page_words(page, space)
    edges = page_edges(page, space) if words else []
    content = layout_page(number, space.width, space.height, words, edges)
    content.unmapped = unmapped
    content.images = _count_images(page)
    return content


def _drop_page_numbers(lines: list[Line], height: float) -> list[Line]:
    edge = {id(line) for line in lines[:2] + lines[-2:]}
    return [
        line
        for line in lines
        if not (
            id(line) in edge
            and (line.bottom < _MARGIN * height or line.top > (1 - _MARGIN) * height)
            and _PAGE_NUMBER.match(line.text.strip())
        )
    ]


def _diagnose(path: str) -> None:
    """pdfium refused the file: ask pdfminer what is wrong and raise accordingly."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedFile(path, _("the PDF is protected by a password")) from exc
        raise CorruptFile(
            path, _("the PDF cannot be parsed ({error})").format(error=inner)
        ) from exc
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise CorruptFile(path, _("the PDF cannot be parsed ({error})").format(error=exc)) from exc
    if count == 0:
        raise EmptyInput(path, _("the PDF has no pages"))
    raise CorruptFile(path, _("the PDF is damaged (its pages cannot be loaded)"))


def open_pdf(path: str) -> Any:
    """A pypdfium2 document, with load failures mapped to typed errors."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        # pdfium's error code can be stale from an earlier file (and it refuses
        # files with no pages), so pdfminer gives the diagnosis.
        _diagnose(path)
        raise


def read_pdf(path: str, builder: TextBuilder, *, max_pages: int) -> tuple[list[int], int]:
    """Read a PDF text layer into builder.

    Returns (letters per page, characters without a Unicode map). Raises
    EncryptedFile, CorruptFile, EmptyInput (no pages) or TooLarge (more than
    max_pages).
    """
    pages = read_pdf_pages(path, max_pages=max_pages)
    _emit(pages, builder)
    return [page.letters for page in pages], sum(page.unmapped for page in pages)


def emit_pages(pages: list[PageContent], builder: TextBuilder) -> None:
    """Paragraphs and tables of laid-out pages (text layer or OCR) into builder."""
    _emit(pages, builder)


def read_pdf_pages(path: str, *, max_pages: int) -> list[PageContent]:
    """The text layer of every page, laid out but not yet emitted.

    Raises EncryptedFile, CorruptFile, EmptyInput (no pages) or TooLarge.
    """
    pages: list[PageContent] = []
    pdf = open_pdf(path)
    try:
        count = len(pdf)
        if count == 0:
            raise EmptyInput(path, _("the PDF has no pages"))
        if count > max_pages:
            raise TooLarge(path, too_many_pages(count, max_pages))
        for index in range(count):
            try:
                page = pdf[index]
            except Exception as exc:
                raise CorruptFile(
                    path,
                    _("page {page} cannot be read ({error})").format(page=index + 1, error=exc),
                ) from exc
            try:
                pages.append(_read_page(page, index + 1))
            finally:
                page.close()
    finally:
        pdf.close()
    return pages


def _frames(pages: list[PageContent]) -> dict[int, Frame]:
    by_width: dict[int, list[Line]] = {}
    for page in pages:
        by_width.setdefault(round(page.width), []).extend(page.lines)
    measured = {width: measure(lines, width) for width, lines in by_width.items()}
    frames = {page.number: measured[round(page.width)] for page in pages}
    for page in pages:
        if page.pitch:  # OCR knows the pitch inside paragraphs
            frames[page.number] = replace(frames[page.number], pitch=page.pitch)
    return frames


def _emit(pages: list[PageContent], builder: TextBuilder) -> None:
    """Paragraphs and tables of all pages into builder, in reading order."""
    frames = _frames(pages)
    cell_lines = (ln for p in pages for t in p.tables for r in t.rows for c in r for ln in c.lines)
    words = vocabulary(ln.text for ln in chain((ln for p in pages for ln in p.lines), cell_lines))
    run: list[Line] = []
    table: LongTable | None = None
    table_count = 0

    def flush_lines() -> None:
        for para in paragraphs(run, frames):
            builder.paragraph(join(para, words), page=para[0].page, bold=_all_bold(para))
        run.clear()

    def flush_table() -> None:
        nonlocal table, table_count
        if table is None:
            return
        emitted = 0
        for page, row in table.rows:
            cells = [Cell(c.col, join(c.lines, words), bold=_all_bold(c.lines)) for c in row]
            if builder.row(cells, table=table_count, row=emitted, page=page):
                emitted += 1
        table_count += 1 if emitted else 0
        table = None

    for page in pages:
        items: list[tuple[float, Line | TableItem]] = [(ln.top, ln) for ln in page.lines]
        items += [(t.top, t) for t in page.tables]
        items.sort(key=lambda item: item[0])
        for position, (_top, item) in enumerate(items):
            if isinstance(item, Line):
                flush_table()
                run.append(item)
                continue
            flush_lines()
            if table is not None and table.continues_on(item, position == 0):
                table.extend(item)
            else:
                flush_table()
                table = LongTable.start(item)
    flush_lines()
    flush_table()
