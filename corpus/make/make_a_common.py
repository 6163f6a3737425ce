"""Helpers for the corpus generators make_a_docx.py (author A).

Builds DOCX files that look like a clerk typed them in Word: Times New Roman 14,
GOST margins, real automatic numbering (w:numPr + numbering.xml) where asked.
"""
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

ALIGN = {
    "j": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "c": WD_ALIGN_PARAGRAPH.CENTER,
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "r": WD_ALIGN_PARAGRAPH.RIGHT,
}
TEXT_WIDTH = Cm(16.5)


def new_doc(size=14):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), "Times New Roman")
    pf = st.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.0
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    return d


def _runs(p, text, bold=False, italic=False):
    """text: str or list of (str, bold) pieces."""
    if isinstance(text, str):
        text = [(text, bold)]
    for piece, b in text:
        r = p.add_run(piece)
        r.bold = b
        r.italic = italic


def par(d, text="", align="j", bold=False, indent=True, before=0, after=0,
        tabs=(), italic=False, size=None):
    p = d.add_paragraph()
    p.alignment = ALIGN[align]
    pf = p.paragraph_format
    if indent and align == "j":
        pf.first_line_indent = Cm(1.25)
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    for pos, al in tabs:
        pf.tab_stops.add_tab_stop(pos, {"r": WD_TAB_ALIGNMENT.RIGHT, "c": WD_TAB_ALIGNMENT.CENTER,
                                        "l": WD_TAB_ALIGNMENT.LEFT}[al])
    _runs(p, text, bold, italic)
    if size:
        for r in p.runs:
            r.font.size = Pt(size)
    return p


def line3(d, left, mid, right, before=0, after=0):
    """Date, place and number on one line (tab stops)."""
    text = left + ("\t" + mid if mid else "") + "\t" + right
    tabs = [(Cm(8.25), "c"), (TEXT_WIDTH, "r")] if mid else [(TEXT_WIDTH, "r")]
    return par(d, text, align="l", indent=False, before=before, after=after, tabs=tabs)


def signature(d, position_lines, name, before=24):
    lines = list(position_lines)
    for i, ln in enumerate(lines):
        last = i == len(lines) - 1
        par(d, ln + ("\t" + name if last else ""), align="l", indent=False,
            before=before if i == 0 else 0, tabs=[(TEXT_WIDTH, "r")])


# ---------------------------------------------------------------- numbering

def add_abstract_num(d, abstract_id, levels):
    """levels: list of (numFmt, lvlText, left_twips, hanging_or_firstline_twips).

    Returns the numId of a w:num referencing the new abstractNum.
    """
    numbering = d.part.numbering_part.element
    lvls = []
    for i, (fmt, text, left, first) in enumerate(levels):
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="space"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:firstLine="{first}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:lvl>'
        )
    absxml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
              f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "singleLevel"}"/>'
              + "".join(lvls) + "</w:abstractNum>")
    absel = parse_xml(absxml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absel)
    else:
        numbering.append(absel)
    num_id = abstract_id + 100
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def npar(d, text, num_id, ilvl=0, bold=False):
    """A paragraph carrying real Word numbering (no typed label)."""
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ppr = p._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    _runs(p, text, bold)
    return p


# ---------------------------------------------------------------- tables

def borderless_table(d, cells, widths):
    t = d.add_table(rows=1, cols=len(cells))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(widths):
        t.columns[i].width = w
    for i, (text, align) in enumerate(cells):
        c = t.rows[0].cells[i]
        c.width = widths[i]
        p = c.paragraphs[0]
        p.alignment = ALIGN[align]
        p.add_run(text)
    return t


def grid_table(d, header, rows, widths, size=12):
    """rows: list of lists; a cell is a str, a list of str (several paragraphs) or None."""
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(widths):
        t.columns[i].width = w
    for r, values in enumerate([header] + rows):
        for c, val in enumerate(values):
            cell = t.rows[r].cells[c]
            cell.width = widths[c]
            if val is None:
                continue
            paras = val if isinstance(val, list) else [val]
            for k, txt in enumerate(paras):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER if (r == 0 or c != 1) else WD_ALIGN_PARAGRAPH.LEFT
                run = p.add_run(txt)
                run.font.size = Pt(size)
                run.bold = r == 0
    return t
