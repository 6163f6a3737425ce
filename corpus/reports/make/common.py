"""Helpers for the report-corpus generators (python-docx; PDF via LibreOffice)."""
import os
import shutil
import subprocess

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)  # corpus/reports
BUILD = os.path.join(HERE, "_build")

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


def letterhead(doc, lines, contact=None):
    for ln in lines:
        C(doc, ln, bold=True, size=13)
    if contact:
        p = C(doc, contact, size=10)
        # bottom border under the letterhead
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="1" w:color="000000"/></w:pBdr>'))
    P(doc, "", indent=False)


def _no_borders(table):
    tbl = table._tbl
    tblpr = tbl.tblPr
    tblpr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
        '</w:tblBorders>'))


def out_and_addressee(doc, left_lines, right_lines):
    """Borderless 1x2 layout table: outgoing number/date left, addressee right."""
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(t)
    a, b = t.rows[0].cells
    for cell, lines in ((a, left_lines), (b, right_lines)):
        cell.text = ""
        for i, ln in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.add_run(ln)
    t.autofit = False
    for row in t.rows:
        row.cells[0].width = Cm(8)
        row.cells[1].width = Cm(9)
    P(doc, "", indent=False)
    return t


def grid_table(doc, header, rows, widths):
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
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = Cm(w)
    for row in t.rows:
        for j, w in enumerate(widths):
            row.cells[j].width = Cm(w)
    return t


def sign(doc, lines):
    """Signature block: all lines but the last are the position; the last is 'position\\tname'."""
    for ln in lines:
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run(ln)
    return p


def save_docx(doc, slug):
    path = os.path.join(OUT, slug + ".docx")
    doc.save(path)
    return path


def save_pdf(doc, slug):
    os.makedirs(BUILD, exist_ok=True)
    tmp = os.path.join(BUILD, slug + ".docx")
    doc.save(tmp)
    profile = "file://" + os.path.join(BUILD, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", OUT, tmp],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(tmp)
    return os.path.join(OUT, slug + ".pdf")


def cleanup():
    shutil.rmtree(BUILD, ignore_errors=True)


def save_txt(text, slug, encoding="utf-8", crlf=False):
    path = os.path.join(OUT, slug + ".txt")
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "wb") as f:
        f.write(text.encode(encoding))
    return path
