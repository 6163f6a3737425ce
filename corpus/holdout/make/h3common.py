"""Helpers for the holdout3 DOCX documents (python-docx + raw numbering XML)."""
import copy
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml, OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Cm

CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def new_doc(font="Times New Roman", size=14, left=3.0, right=1.5, top=2.0, bottom=2.0):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    pf = st.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    for s in doc.sections:
        s.left_margin, s.right_margin = Cm(left), Cm(right)
        s.top_margin, s.bottom_margin = Cm(top), Cm(bottom)
    return doc


def para(doc_or_cell, text="", bold=False, align=None, size=None, indent=None,
         spacing=None, italic=False, caps=False, space_after=None, first_line=None):
    """Add a paragraph. `spacing` = character spacing in twentieths of a point."""
    p = doc_or_cell.add_paragraph()
    if align is not None:
        p.alignment = align
    if first_line is not None:
        p.paragraph_format.first_line_indent = Cm(first_line)
    if indent is not None:
        p.paragraph_format.left_indent = Cm(indent)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if text:
        add_run(p, text, bold=bold, size=size, spacing=spacing, italic=italic, caps=caps)
    return p


def add_run(p, text, bold=False, size=None, spacing=None, italic=False, caps=False):
    parts = text.split("\t")
    for i, part in enumerate(parts):
        if i:
            r = p.add_run()
            r.add_tab()
        if not part:
            continue
        r = p.add_run(part)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if caps:
            r.font.all_caps = True
        if spacing:
            rpr = r._r.get_or_add_rPr()
            sp = OxmlElement("w:spacing")
            sp.set(qn("w:val"), str(spacing))
            rpr.append(sp)
    return p


def tab_stops(p, *positions_cm, right_last=True):
    from docx.enum.text import WD_TAB_ALIGNMENT
    for i, pos in enumerate(positions_cm):
        al = WD_TAB_ALIGNMENT.RIGHT if (right_last and i == len(positions_cm) - 1) else WD_TAB_ALIGNMENT.LEFT
        p.paragraph_format.tab_stops.add_tab_stop(Cm(pos), al)


# ---------------------------------------------------------------- numbering
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_numbering(doc, levels, abstract_id=None, num_id=None):
    """levels: list of dicts {fmt, text, left, hanging, start=1, bold=False}.
    Returns the numId (int) of a new w:num pointing at a new w:abstractNum."""
    numbering = doc.part.numbering_part.element
    existing_abs = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    existing_num = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    if abstract_id is None:
        abstract_id = max(existing_abs + [0]) + 11
    if num_id is None:
        num_id = max(existing_num + [0]) + 1
    lvls = []
    for i, lv in enumerate(levels):
        rpr = "<w:rPr><w:b/></w:rPr>" if lv.get("bold") else ""
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{lv.get("start", 1)}"/>'
            f'<w:numFmt w:val="{lv["fmt"]}"/><w:lvlText w:val="{lv["text"]}"/>'
            f'<w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{lv["left"]}"/></w:tabs>'
            f'<w:ind w:left="{lv["left"]}" w:hanging="{lv["hanging"]}"/></w:pPr>{rpr}</w:lvl>'
        )
    absxml = (f'<w:abstractNum {_W} w:abstractNumId="{abstract_id}">'
              f'<w:multiLevelType w:val="multilevel"/>' + "".join(lvls) + "</w:abstractNum>")
    absel = parse_xml(absxml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absel)
    else:
        numbering.append(absel)
    numel = parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    numbering.append(numel)
    return num_id


def add_num_instance(doc, abstract_num_of, restart_levels=(0,)):
    """A new w:num on the same abstractNum as numId `abstract_num_of`, restarting the given levels."""
    numbering = doc.part.numbering_part.element
    absid = None
    for n in numbering.findall(qn("w:num")):
        if int(n.get(qn("w:numId"))) == abstract_num_of:
            absid = n.find(qn("w:abstractNumId")).get(qn("w:val"))
    existing_num = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(existing_num) + 1
    ov = "".join(f'<w:lvlOverride w:ilvl="{l}"><w:startOverride w:val="1"/></w:lvlOverride>' for l in restart_levels)
    numbering.append(parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{absid}"/>{ov}</w:num>'))
    return num_id


def numbered(doc, text, num_id, ilvl=0, bold=False, align=JUSTIFY):
    p = doc.add_paragraph()
    p.alignment = align
    ppr = p._p.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    ppr.insert(0, numpr)
    add_run(p, text, bold=bold)
    return p


# ---------------------------------------------------------------- tables
def borderless(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    borders = parse_xml(
        f'<w:tblBorders {_W}>' + "".join(
            f'<w:{b} w:val="nil"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV")
        ) + "</w:tblBorders>")
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    tblPr.append(borders)


def grid(table):
    table.style = "Table Grid"


def cell_text(cell, text, bold=False, align=None, size=None):
    """Replace the cell content; '\n' makes separate paragraphs."""
    lines = text.split("\n")
    p0 = cell.paragraphs[0]
    for r in list(p0.runs):
        r._r.getparent().remove(r._r)
    if align is not None:
        p0.alignment = align
    add_run(p0, lines[0], bold=bold, size=size)
    for ln in lines[1:]:
        p = cell.add_paragraph()
        if align is not None:
            p.alignment = align
        add_run(p, ln, bold=bold, size=size)


def vmerge(table, col, row_from, row_to):
    a = table.cell(row_from, col)
    b = table.cell(row_to, col)
    return a.merge(b)


def set_col_widths(table, widths_cm):
    table.autofit = False
    gcs = table._tbl.tblGrid.findall(qn("w:gridCol"))
    for gc, w in zip(gcs, widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            if i < len(row.cells):
                row.cells[i].width = Cm(w)


def page_break(doc):
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    return p
