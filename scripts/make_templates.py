"""Build the DOCX templates of templates/docx/ with python-docx.

The templates are ordinary Word files with Jinja tags (docxtpl): a user opens
them in Word, changes wording or layout, and keeps the tags. This script is how
the shipped ones were made, so that a change to the layout is reviewable as code.

Layout per ГОСТ Р 7.0.97-2016: A4, margins 20 mm top and bottom, 30 mm left,
10 mm right (6.1); Times New Roman 14 (6.2); the text justified with a first-line
indent of 1.25 cm; date and number on one line; the signature as a borderless
table, the position on the left and the initials and surname on the right (5.23).

    python scripts/make_templates.py [OUT_DIR]   (templates and their example contexts)
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


def new_document(landscape: bool = False):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), "Times New Roman")
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    style.element.get_or_add_rPr().append(lang)
    return doc


def para(doc, text="", align=LEFT, bold=False, indent=False, after=0, size=None, keep=False):
    p = doc.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Cm(1.25)
    fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    return p


def borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def bordered(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def fixed_widths(table, widths) -> None:
    """Column widths that Word and LibreOffice both keep: the grid and every cell."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def two_columns(doc, left: str, right: str, widths=None) -> None:
    """A borderless one-row table: left text, right text flush right."""
    widths = widths or (Cm(10), Cm(7))
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    fixed_widths(table, widths)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text, align, width in zip(
        table.rows[0].cells, (left, right), (LEFT, RIGHT), widths, strict=True
    ):
        cell.width = width
        p = cell.paragraphs[0]
        p.alignment = align
        p.add_run(text)


def loop(doc, items: str, body: str, align=JUSTIFY, indent=True, after=0) -> None:
    """Paragraphs repeated by docxtpl: {%p for … %} body {%p endfor %}."""
    para(doc, "{%p for " + items + " %}")
    para(doc, body, align=align, indent=indent, after=after)
    para(doc, "{%p endfor %}")


def heading_block(doc, issuer: str, doc_type: str) -> None:
    para(doc, issuer, CENTER, bold=True, after=12)
    para(doc, doc_type, CENTER, bold=True, after=12, size=16)
    two_columns(doc, "{{ date }}", "№ {{ number }}")
    para(doc, "{{ place }}", CENTER, after=12)


def signature(doc) -> None:
    para(doc, "", after=24)
    two_columns(doc, "{{ signatory.position }}", "{{ signatory.name }}", (Cm(11), Cm(6)))


def act(doc_type: str) -> Document:
    """An act of the body (heading, title, preamble, operative items, signature);
    `doc_type` is the type line, fixed or a tag."""
    doc = new_document()
    heading_block(doc, "{{ issuer_heading }}", doc_type)
    para(doc, "{{ title }}", LEFT, bold=True, after=12)
    loop(doc, "paragraph in preamble", "{{ paragraph }}")
    para(doc, "{{ operative }}", JUSTIFY, indent=True)
    loop(doc, "item in items", "{{ item.number }}. {{ item.text }}")
    signature(doc)
    return doc


def control_card() -> Document:
    doc = new_document(landscape=True)
    para(doc, "КАРТОЧКА КОНТРОЛЯ ИСПОЛНЕНИЯ", CENTER, bold=True, after=6)
    para(doc, "{{ document }}", CENTER)
    para(doc, "«{{ title }}»", CENTER, after=12)
    para(doc, "Контроль: {{ controller }}")
    para(doc, "Состояние на {{ as_of }}: {{ summary }}", after=12)
    headers = (
        "№ п/п",
        "Содержание поручения",
        "Исполнитель",
        "Срок исполнения",
        "Отметка об исполнении",
        "Статус",
    )
    widths = (Cm(1.3), Cm(8.0), Cm(4.0), Cm(3.4), Cm(5.8), Cm(3.2))
    table = doc.add_table(rows=4, cols=len(headers))
    bordered(table)
    fixed_widths(table, widths)
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(12)
        cell.paragraphs[0].alignment = CENTER
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in rows %}")
    fields = (
        "{{ row.id }}",
        "{{ row.text }}",
        "{{ row.executor }}",
        "{{ row.deadline }}",
        "{{ row.report }}",
        "{{ row.status }}",
    )
    for cell, text, width in zip(table.rows[2].cells, fields, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.font.size = Pt(12)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    para(doc, "", after=12)
    para(doc, "Карточку составил: ____________________   {{ as_of }}")
    return doc


BUILDERS = {
    "resolution": lambda: act("ПОСТАНОВЛЕНИЕ"),
    "appointment": lambda: act("{{ doc_type_heading }}"),
    "control_card": control_card,
}


def write_examples(out: Path) -> None:
    """An example context beside each template: what decree hands it for the
    user's sample decree and its reports (made by the program: examples of the
    variables, not gold)."""
    import json
    from datetime import date

    sys.path.insert(0, str(ROOT))
    from pipeline.check import check, read
    from pipeline.generate.appointment import build_appointment_context
    from pipeline.generate.card import build_card_context
    from pipeline.generate.resolution import build_resolution_context

    decree_path = ROOT / "corpus" / "sample-drsop-22-3.txt"
    reports = sorted(
        p for p in (ROOT / "corpus" / "reports").glob("*-22-3*") if p.suffix != ".json"
    )
    _, decree = read(decree_path)
    result = check(decree_path, reports)
    contexts = {
        "resolution": build_resolution_context(decree, result, date(2023, 12, 14), "25-4"),
        "appointment": build_appointment_context(
            "Дагестанская республиканская организация Профсоюза работников здравоохранения РФ",
            "Курбанова Патимат Магомедовна",
            "заведующая отделом организационной работы",
            basis=decree,
            act_date=date(2023, 9, 12),
            number="31",
            signatory=("Председатель", "С.Г. Ахмедов"),
        ),
        "control_card": build_card_context(decree, result, date(2023, 12, 1)),
    }
    for name, context in contexts.items():
        text = json.dumps(context, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (out / f"{name}.json").write_text(text, encoding="utf-8")
        print(out / f"{name}.json")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates" / "docx"
    out.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        doc = build()
        doc.core_properties.author = "decree"
        doc.core_properties.title = name
        doc.save(str(out / f"{name}.docx"))
        print(out / f"{name}.docx")
    write_examples(out)


if __name__ == "__main__":
    main()
