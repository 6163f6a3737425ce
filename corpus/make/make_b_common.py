"""Helpers for the author-B corpus generators (python-docx, real Word numbering)."""
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def new_doc(size=14):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), "Times New Roman")
    pf = st.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    for s in doc.sections:
        s.left_margin = Cm(2.5)
        s.right_margin = Cm(1.5)
        s.top_margin = Cm(2)
        s.bottom_margin = Cm(2)
    return doc


def P(doc, text="", align=JUSTIFY, bold=False, indent=True, size=None, italic=False, after=0):
    p = doc.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    p.alignment = align
    if indent and align == JUSTIFY:
        p.paragraph_format.first_line_indent = Cm(1.25)
    if after:
        p.paragraph_format.space_after = Pt(after)
    return p


def C(doc, text="", bold=False, size=None):
    return P(doc, text, align=CENTER, bold=bold, indent=False, size=size)


def add_abstract(doc, abs_id, levels):
    """levels: list of (numFmt, lvlText, left_twips, hanging_twips)."""
    numbering = doc.part.numbering_part.element
    xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
           f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "singleLevel"}"/>')
    for i, (fmt, text, left, hang) in enumerate(levels):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{left}" w:hanging="{hang}"/></w:pPr></w:lvl>')
    xml += "</w:abstractNum>"
    el = parse_xml(xml)
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(el)
    else:
        numbering.append(el)


def add_num(doc, num_id, abs_id):
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>'))


def N(doc, num_id, ilvl, text, align=JUSTIFY):
    """A paragraph carrying Word automatic numbering (w:numPr), the label is NOT typed."""
    p = doc.add_paragraph()
    p.add_run(text)
    p.alignment = align
    ppr = p._p.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(numpr)
    else:
        ppr.insert(0, numpr)
    return p


def date_number_table(doc, left, right):
    """Borderless 1x2 table with the date on the left and the number on the right."""
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    a, b = t.rows[0].cells
    a.text = left
    b.text = right
    b.paragraphs[0].alignment = RIGHT
    return t


def plan_table(doc, header, rows, widths=None, merges=()):
    """rows: list of lists of str; merges: (row_index, col, n_rows) for vertical merges
    (row_index counts data rows from 0; the text of the first cell stays)."""
    t = doc.add_table(rows=1 + len(rows), cols=len(header))
    t.style = "Table Grid"
    for j, h in enumerate(header):
        c = t.cell(0, j)
        c.text = ""
        r = c.paragraphs[0].add_run(h)
        r.bold = True
        r.font.size = Pt(12)
        c.paragraphs[0].alignment = CENTER
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c = t.cell(i + 1, j)
            c.text = ""
            c.paragraphs[0].add_run(v).font.size = Pt(12)
    for (ri, col, n) in merges:
        top = t.cell(ri + 1, col)
        text = top.text
        merged = top.merge(t.cell(ri + n, col))
        for p in merged.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        merged.paragraphs[0].text = ""
        merged.paragraphs[0].add_run(text).font.size = Pt(12)
    if widths:
        t.autofit = False
        for j, w in enumerate(widths):
            t.columns[j].width = Cm(w)
        for row in t.rows:
            for j, w in enumerate(widths):
                row.cells[j].width = Cm(w)
    return t


def sign(doc, position, name):
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), alignment=2)  # right
    p.add_run(f"{position}\t{name}")
    return p
