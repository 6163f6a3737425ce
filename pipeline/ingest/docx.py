"""DOCX: the body XML in document order, with Word numbering rebuilt.

python-docx opens the package; the body is then read as XML so that
paragraphs and tables interleave as in the document, merged cells are not
repeated and list labels can be counted (see numbering.py). Headers,
footers and footnotes are not read.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from pipeline.errors import CorruptFile
from pipeline.i18n import _

from .builder import Cell, TextBuilder
from .numbering import BULLET, Numbering
from .styles import StyleSheet, W, toggle, w_val

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Containers whose children are read as if they stood in their parent.
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}
_SKIPPED = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "sdtPr", W + "sdtEndPr"}
_RUN_TEXT = {
    W + "t": None,
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": " ",
    W + "cr": " ",
    W + "noBreakHyphen": "-",
}
# A short token before a tab is a typed list label: "1.\tТекст" -> "1. Текст".
_LABEL = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|[а-яa-z][.)]|[IVXLC]+\.?|[-–—•·*])$")
_TABS = re.compile(r"\t+")
# Longer paragraphs are running text: a tab there is just a wide space.
_TAB_LINE_MAX = 150


Pieces = list[tuple[str, bool]]  # (text, bold) of the runs of a paragraph


@dataclass
class Para:
    """A paragraph as read: raw text (tabs kept), its label and formatting."""

    text: str
    label: str | None = None
    level: int | None = None
    bold: bool = False
    boxes: list[Any] = field(default_factory=list)


def _normalize_tabs(text: str) -> str:
    """Keep a tab only between the parts of a two-column line ("date\\t№ 22-3")."""
    text = text.strip(" \t")
    if "\t" not in text:
        return text
    parts = _TABS.split(text)
    out = [parts[0]]
    for part in parts[1:]:
        before = out[-1].rsplit("\t", 1)[-1].strip()
        wide = len(text) <= _TAB_LINE_MAX and not _LABEL.match(before)
        out.append(("\t" if wide else " ") + part)
    return "".join(out)


def _text_boxes(element: Any, found: list[Any]) -> None:
    """Top-level w:txbxContent under element; mc:Fallback copies are skipped."""
    for child in element:
        if child.tag == W + "txbxContent":
            found.append(child)
        elif child.tag == MC + "Fallback":
            continue
        else:
            _text_boxes(child, found)


class _Reader:
    def __init__(self, styles: StyleSheet, numbering: Numbering, builder: TextBuilder) -> None:
        self.styles = styles
        self.numbering = numbering
        self.builder = builder
        self.tables = 0

    # -- paragraphs ----------------------------------------------------------

    def _runs(self, element: Any, pieces: Pieces, boxes: list[Any], bold: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == W + "r":
                self._run(child, pieces, boxes, bold)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                _text_boxes(choice if choice is not None else child, boxes)
            else:
                self._runs(child, pieces, boxes, bold)

    def _run(self, run: Any, pieces: Pieces, boxes: list[Any], bold: bool) -> None:
        rpr = run.find(W + "rPr")
        if toggle(rpr, "vanish"):
            return
        is_bold = toggle(rpr, "b")
        if is_bold is None:
            is_bold = self.styles.explicit_bold(w_val(rpr, "rStyle"))
        if is_bold is None:
            is_bold = bold
        for child in run:
            tag = child.tag
            if tag in _RUN_TEXT:
                fixed = _RUN_TEXT[tag]
                pieces.append(((child.text or "") if fixed is None else fixed, is_bold))
            elif tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
                _text_boxes(child, boxes)

    def paragraph(self, p: Any) -> Para:
        ppr = p.find(W + "pPr")
        style_id = w_val(ppr, "pStyle") or self.styles.default_paragraph
        pieces: Pieces = []
        boxes: list[Any] = []
        self._runs(p, pieces, boxes, self.styles.bold(style_id))
        text = _normalize_tabs("".join(text for text, _ in pieces))
        bold = bool(text.strip()) and all(b for t, b in pieces if t.strip())
        label, level = self._label(ppr, style_id)
        return Para(text, label, level, bold, boxes)

    def _label(self, ppr: Any, style_id: str | None) -> tuple[str | None, int | None]:
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = w_val(numpr, "numId")
        ilvl_text = w_val(numpr, "ilvl")
        ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else None
        from_style = self.styles.numbering(style_id)
        if from_style is not None:
            if num_id is None:
                num_id = from_style[0]
            if ilvl is None:
                ilvl = from_style[1]
        if num_id is None or num_id == "0":
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, style_id)
        label = self.numbering.count(num_id, ilvl)
        return (label, ilvl) if label else (None, None)

    # -- body ----------------------------------------------------------------

    def body(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                para = self.paragraph(child)
                self.builder.paragraph(
                    para.text, label=para.label, level=para.level, bold=para.bold
                )
                for box in para.boxes:
                    self.body(box)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in _WRAPPERS:
                self.body(child)

    # -- tables --------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        rows = [[tc for tc in _children(tr, W + "tc")] for tr in _children(tbl, W + "tr")]
        if all(len(cells) <= 1 for cells in rows):
            # A one-column table is a frame around paragraphs: read it as body.
            for cells in rows:
                for tc in cells:
                    self.body(tc)
            return
        index, emitted = self.tables, 0
        for tr, cells in zip(_children(tbl, W + "tr"), rows, strict=True):
            grid = _int(w_val(tr.find(W + "trPr"), "gridBefore"), 0)
            row: list[Cell] = []
            for tc in cells:
                tcpr = tc.find(W + "tcPr")
                span = max(_int(w_val(tcpr, "gridSpan"), 1), 1)
                if w_val(tcpr, "hMerge") == "continue":
                    continue
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                if vmerge is not None and vmerge.get(W + "val") != "restart":
                    row.append(Cell(grid, ""))  # continuation of a cell above
                else:
                    row.append(self.cell(tc, grid))
                grid += span
            if self.builder.row(row, table=index, row=emitted):
                emitted += 1
        if emitted:
            self.tables += 1

    def cell(self, tc: Any, col: int) -> Cell:
        """A cell's paragraphs (with labels) and nested tables on one line."""
        texts: list[str] = []
        bolds: list[bool] = []
        first: Para | None = None
        for para in self._cell_paragraphs(tc):
            text = para.text.strip()
            # An auto-numbered empty paragraph is the row number of a "№" column.
            if not text and para.label in (None, BULLET):
                continue
            first = first or para
            if text:
                bolds.append(para.bold)
            texts.append(f"{para.label} {text}".strip() if para.label else text)
        if first is None:
            return Cell(col, "")
        bold = bool(bolds) and all(bolds)
        return Cell(col, " ".join(texts), first.label, first.level, bold)

    def _cell_paragraphs(self, element: Any) -> list[Para]:
        out: list[Para] = []
        for child in element:
            if child.tag == W + "p":
                para = self.paragraph(child)
                out.append(para)
                for box in para.boxes:
                    out.extend(self._cell_paragraphs(box))
            elif child.tag == W + "tbl":
                for tr in _children(child, W + "tr"):
                    for tc in _children(tr, W + "tc"):
                        out.extend(self._cell_paragraphs(tc))
            elif child.tag in _WRAPPERS:
                out.extend(self._cell_paragraphs(child))
        return out


def _children(element: Any, tag: str) -> list[Any]:
    """Children with this tag, looking through content controls and customXml."""
    out = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _part_element(document: Any, relationship: str) -> Any | None:
    """The XML root of a related part (styles, numbering), None when absent.

    python-docx would invent a default styles part and cannot create a
    numbering part at all, so absence is handled here.
    """
    try:
        return document.part.part_related_by(relationship).element
    except KeyError:
        return None


def read_docx(path: str, builder: TextBuilder) -> None:
    """Read a DOCX body into builder. Raises CorruptFile for a damaged package."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(path)
        styles = StyleSheet(_part_element(document, RT.STYLES))
        numbering = Numbering(_part_element(document, RT.NUMBERING), styles)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream inside a valid ZIP directory
        EOFError,
        KeyError,
        ValueError,
        NotImplementedError,  # a compression method or ZIP version zipfile does not know
        RuntimeError,  # an encrypted member
    ) as exc:
        raise CorruptFile(
            path, _("not a readable Word document ({error})").format(error=exc)
        ) from exc
    except etree.XMLSyntaxError as exc:
        raise CorruptFile(
            path, _("broken XML inside the document ({error})").format(error=exc)
        ) from exc
    _Reader(styles, numbering, builder).body(document.element.body)
