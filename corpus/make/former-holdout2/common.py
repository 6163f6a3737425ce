"""Small helpers for building the hold-out DOCX files with python-docx."""
import os
import shutil
import subprocess
import tempfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
C, L, R, J = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
              WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


def new_doc(font="Times New Roman", size=14):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    st.paragraph_format.space_after = Pt(0)
    st.paragraph_format.space_before = Pt(0)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(1.5)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    return d


def char_spacing(run, twips):
    rpr = run._r.get_or_add_rPr()
    sp = OxmlElement("w:spacing")
    sp.set(qn("w:val"), str(twips))
    rpr.append(sp)


def para(d, text="", align=None, bold=False, size=None, indent=None, caps=False,
         spacing=None, space_after=None, italic=False, container=None):
    """Add a paragraph; text may be a list of (text, {bold:..}) runs."""
    target = container if container is not None else d
    p = target.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    runs = text if isinstance(text, list) else [(text, {})]
    for t, opt in runs:
        r = p.add_run(t)
        r.bold = opt.get("bold", bold)
        r.italic = opt.get("italic", italic)
        if opt.get("size", size):
            r.font.size = Pt(opt.get("size", size))
        if opt.get("caps", caps):
            r.font.all_caps = True
        if opt.get("spacing", spacing):
            char_spacing(r, opt.get("spacing", spacing))
    return p


def add_tab_stop(p, pos_cm, kind="right"):
    ppr = p._p.get_or_add_pPr()
    tabs = ppr.find(qn("w:tabs"))
    if tabs is None:
        tabs = OxmlElement("w:tabs")
        ppr.append(tabs)
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), kind)
    tab.set(qn("w:pos"), str(int(pos_cm * 567)))
    tabs.append(tab)


def borderless(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        b.append(e)
    tblPr.append(b)


def bordered(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "4")
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), "000000")
        b.append(e)
    tblPr.append(b)


def cell_text(cell, text, align=None, bold=False, size=None):
    """Set cell text; a list of strings gives several paragraphs."""
    items = text if isinstance(text, list) else [text]
    first = True
    for t in items:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if align is not None:
            p.alignment = align
        r = p.add_run(t)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    return cell


def vmerge(cell, restart):
    tcPr = cell._tc.get_or_add_tcPr()
    vm = OxmlElement("w:vMerge")
    if restart:
        vm.set(qn("w:val"), "restart")
    tcPr.append(vm)


# ---------------------------------------------------------------- numbering
def add_multilevel(d, formats, indents=None, abstract_id=None, num_id=None,
                   suffix_tab=True):
    """Create an abstractNum with the given level texts (e.g. ["%1.", "%1.%2."])
    and a w:num pointing to it. Returns numId."""
    numbering = d.part.numbering_part.element
    existing_abs = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    existing_num = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = abstract_id if abstract_id is not None else max(existing_abs + [0]) + 1
    num_id = num_id if num_id is not None else max(existing_num + [0]) + 1
    a = OxmlElement("w:abstractNum")
    a.set(qn("w:abstractNumId"), str(abstract_id))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "multilevel" if len(formats) > 1 else "singleLevel")
    a.append(mlt)
    for i, (fmt) in enumerate(formats):
        if isinstance(fmt, tuple):
            text, numfmt = fmt
        else:
            text, numfmt = fmt, "decimal"
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(i))
        s = OxmlElement("w:start"); s.set(qn("w:val"), "1"); lvl.append(s)
        nf = OxmlElement("w:numFmt"); nf.set(qn("w:val"), numfmt); lvl.append(nf)
        lt = OxmlElement("w:lvlText"); lt.set(qn("w:val"), text); lvl.append(lt)
        jc = OxmlElement("w:lvlJc"); jc.set(qn("w:val"), "left"); lvl.append(jc)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        left, hanging = (indents[i] if indents else (0, 0))
        ind.set(qn("w:left"), str(left))
        if hanging:
            ind.set(qn("w:hanging"), str(hanging))
        ind.set(qn("w:firstLine"), "709") if not hanging else None
        ppr.append(ind)
        lvl.append(ppr)
        a.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)
    n = OxmlElement("w:num")
    n.set(qn("w:numId"), str(num_id))
    an = OxmlElement("w:abstractNumId")
    an.set(qn("w:val"), str(abstract_id))
    n.append(an)
    numbering.append(n)
    return num_id


def set_num(p, num_id, level=0):
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl"); il.set(qn("w:val"), str(level)); numpr.append(il)
    ni = OxmlElement("w:numId"); ni.set(qn("w:val"), str(num_id)); numpr.append(ni)
    # numPr must come early in pPr (after pStyle/keepNext...). Insert at start.
    ppr.insert(0, numpr)
    return p


def save_docx(d, slug):
    path = os.path.join(OUT, slug + ".docx")
    d.save(path)
    return path


def save_pdf(d, slug):
    """Save DOCX to a temp dir, convert with LibreOffice, keep only the PDF."""
    tmp = tempfile.mkdtemp(prefix="ho2_")
    src = os.path.join(tmp, slug + ".docx")
    d.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dst = os.path.join(OUT, slug + ".pdf")
    shutil.copy(os.path.join(tmp, slug + ".pdf"), dst)
    shutil.rmtree(tmp)
    return dst
