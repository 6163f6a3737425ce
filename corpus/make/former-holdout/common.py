"""Small helpers for building the hold-out DOCX files with python-docx.

Used only by the generator scripts in this folder; the extractor never imports them.
"""
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def new_document(font="Times New Roman", size=14, left=3.0, right=1.5, top=2.0, bottom=2.0):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    rfonts.set(qn("w:eastAsia"), font)
    rfonts.set(qn("w:cs"), font)
    pf = st.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.0
    for s in doc.sections:
        s.left_margin, s.right_margin = Cm(left), Cm(right)
        s.top_margin, s.bottom_margin = Cm(top), Cm(bottom)
    return doc


def para(doc_or_cell, text="", bold=False, align=None, size=None, indent=None, italic=False,
         space_after=None, space_before=None, caps=False, runs=None):
    """Add a paragraph. `runs` is a list of (text, bold) pairs used instead of `text`."""
    p = doc_or_cell.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if space_before is not None:
        p.paragraph_format.space_before = Pt(space_before)
    for t, b in (runs or [(text, bold)]):
        r = p.add_run(t)
        r.bold = b
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if caps:
            r.font.all_caps = True
    return p


def no_borders(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    borders = parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        + "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    )
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    tblPr.append(borders)


def grid(table):
    table.style = "Table Grid"


def cell_text(cell, text, bold=False, align=None, size=None):
    """Put text into a cell's first paragraph (cells start with one empty paragraph)."""
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    return p


def two_cell_line(doc, left, right, widths=(8.0, 8.5), size=None):
    """A borderless one-row table: date on the left, number on the right (a common header layout)."""
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_text(t.cell(0, 0), left, align=LEFT, size=size)
    cell_text(t.cell(0, 1), right, align=RIGHT, size=size)
    for row in t.rows:
        row.cells[0].width = Cm(widths[0])
        row.cells[1].width = Cm(widths[1])
    return t


def add_numbering(doc, levels):
    """Add a Word multilevel list definition; return its numId.

    levels: list of (numFmt, lvlText) e.g. [("decimal", "%1."), ("decimal", "%1.%2.")].
    Numbers are followed by a space and start at the paragraph's first-line indent, as clerks do.
    """
    numbering = doc.part.numbering_part.element
    abstract = numbering.findall(qn("w:abstractNum"))
    nums = numbering.findall(qn("w:num"))
    aid = max([int(a.get(qn("w:abstractNumId"))) for a in abstract] + [0]) + 1
    nid = max([int(n.get(qn("w:numId"))) for n in nums] + [0]) + 1
    xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
           f'<w:nsid w:val="{0x1A2B3C00 + aid:08X}"/><w:multiLevelType w:val="multilevel"/>')
    for i, (fmt, text) in enumerate(levels):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr></w:lvl>')
    xml += "</w:abstractNum>"
    el = parse_xml(xml)
    if abstract:
        abstract[-1].addnext(el)
    else:
        numbering.insert(0, el)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def numbered(doc, text, num_id, level=0, align=JUSTIFY, runs=None):
    p = para(doc, text, align=align, runs=runs)
    numPr = p._p.get_or_add_pPr().get_or_add_numPr()
    numPr.get_or_add_ilvl().val = level
    numPr.get_or_add_numId().val = num_id
    p.paragraph_format.first_line_indent = Cm(1.25)
    return p


def set_col_widths(table, widths_cm):
    table.autofit = False
    gridcols = table._tbl.tblGrid.findall(qn("w:gridCol"))
    for gc, w in zip(gridcols, widths_cm):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for c, w in zip(row.cells, widths_cm):
            c.width = Cm(w)


def set_props(doc, author, when):
    """Plausible core properties instead of python-docx's defaults ("python-docx", 2013)."""
    import datetime as _dt
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = ""
    cp.comments = ""
    cp.created = cp.modified = _dt.datetime.fromisoformat(when)
    cp.revision = 3
