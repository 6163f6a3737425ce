"""ingest: DOCX (with real Word numbering), PDF, TXT and every bad input."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from pipeline import errors
from pipeline.ingest import read_document
from pipeline.ingest.clean import clean_line, join_hyphenated
from pipeline.ingest.numbering import format_number
from pipeline.ingest.pdflayout import Frame, Line, break_rule
from pipeline.ingest.text import decode_text, table_rows
from pipeline.model import Document

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


# -- helpers: Word numbering, tiny PDFs ----------------------------------------


def define_list(document: Any, abstract_id: int, levels: list[tuple], extra: str = "") -> None:
    """Add a w:abstractNum; levels are (numFmt, lvlText, start[, level xml])."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{level[2]}"/><w:numFmt w:val="{level[0]}"/>'
        f'<w:lvlText w:val="{level[1]}"/>{level[3] if len(level) > 3 else ""}</w:lvl>'
        for i, level in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">{extra}{lvls}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)  # the schema puts abstractNums first


def define_num(document, num_id: int, abstract_id: int, restart: dict[int, int] | None = None):
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (restart or {}).items()
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )


def numbered(document, text: str, num_id: int | None, ilvl: int | None = 0, style=None):
    paragraph = document.add_paragraph(text, style=style)
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if ilvl is not None:
        numpr.get_or_add_ilvl().val = ilvl
    if num_id is not None:
        numpr.get_or_add_numId().val = num_id
    return paragraph


def save(document, tmp_path: Path, name: str = "doc.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def lines(document: Document) -> list[str]:
    return document.text.split("\n")


def table_cells(document: Document) -> list[tuple[int | None, int | None, int | None, str]]:
    return [
        (b.table, b.row, b.col, document.block_text(b))
        for b in document.blocks
        if b.table is not None
    ]


def labels(document: Document) -> list[tuple[str | None, int | None]]:
    return [(b.label, b.level) for b in document.blocks if b.table is None]


def _cyrillic_font() -> bytes:
    """A Type1 font whose encoding puts Cyrillic glyphs on the cp1251 codes."""
    upper = [n for n in range(10017, 10050) if n != 10023]  # А..Я without Ё
    lower = [n for n in range(10065, 10098) if n != 10071]  # а..я without ё
    names = b" ".join(b"/afii%d" % n for n in upper + lower)
    return (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman "
        b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
        b"/Differences [192 %s] >> >>" % names
    )


def minimal_pdf(
    pages: list[list[str] | None],
    *,
    encrypt: bool = False,
    numbers: bool = False,
    latin: bool = False,
) -> bytes:
    """A hand-written PDF: one page per entry (lines of text, or None for a blank
    page). Text is written in cp1251 with a Cyrillic encoding (latin: Latin-1 in
    plain WinAnsi); numbers puts the page number at the bottom of each page."""
    plain = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects: list[bytes] = [plain if latin else _cyrillic_font(), b""]
    codec = "latin-1" if latin else "cp1251"
    kids = []
    for number, page_lines in enumerate(pages, start=1):
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in page_lines or []:
            raw = line.encode(codec).replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + raw + b") Tj T*")
        ops.append(b"ET")
        if numbers:
            ops.append(b"BT /F1 10 Tf 300 40 Td (%d) Tj ET" % number)
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    trailer = b"/Root %d 0 R" % len(objects)
    if encrypt:  # RC4 40-bit with a user password: /U does not match the empty one
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
        )
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"33" * 16, b"33" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


# -- numbering units -----------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "decimal", "1"),
        (12, "decimal", "12"),
        (7, "decimalZero", "07"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (1, "russianLower", "а"),
        (9, "russianLower", "и"),
        (10, "russianLower", "к"),  # й is skipped
        (29, "russianLower", "я"),
        (30, "russianLower", "аа"),
        (3, "russianUpper", "В"),
        (5, "none", ""),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# -- DOCX: numbering -----------------------------------------------------------


def test_docx_decimal_list(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 20, [("decimal", "%1.", 1)])
    define_num(document, 200, 20)
    document.add_paragraph("Президиум постановляет:")
    for text in ("Принять к сведению.", "Обеспечить подписку.", "Контроль возложить."):
        numbered(document, text, 200)
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "Президиум постановляет:",
        "1. Принять к сведению.",
        "2. Обеспечить подписку.",
        "3. Контроль возложить.",
    ]
    assert labels(result) == [(None, None), ("1.", 0), ("2.", 0), ("3.", 0)]


def test_docx_multilevel_list(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 21, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1)])
    define_num(document, 210, 21)
    for text, ilvl in [
        ("Первый пункт", 0),
        ("Подпункт один", 1),
        ("Подпункт два", 1),
        ("Второй пункт", 0),
        ("Новый подпункт", 1),
    ]:
        numbered(document, text, 210, ilvl)
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "1. Первый пункт",
        "1.1. Подпункт один",
        "1.2. Подпункт два",
        "2. Второй пункт",
        "2.1. Новый подпункт",
    ]
    assert labels(result) == [("1.", 0), ("1.1.", 1), ("1.2.", 1), ("2.", 0), ("2.1.", 1)]


def test_docx_russian_letters_under_items(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 22, [("decimal", "%1.", 1), ("russianLower", "%2)", 1)])
    define_num(document, 220, 22)
    numbered(document, "Председателям обеспечить:", 220, 0)
    for index in range(10):
        numbered(document, f"мероприятие {index + 1};", 220, 1)
    result = read_document(save(document, tmp_path))
    assert [b.label for b in result.blocks] == ["1.", *(f"{c})" for c in "абвгдежзик")]  # no й
    assert lines(result)[1] == "а) мероприятие 1;"
    assert lines(result)[-1] == "к) мероприятие 10;"


def test_docx_restart_start_values_and_sharing(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 23, [("decimal", "%1.", 1)])
    define_list(document, 24, [("upperRoman", "%1.", 5)])
    define_num(document, 230, 23)
    define_num(document, 231, 23, restart={0: 1})  # Word's "Restart numbering"
    define_num(document, 232, 23)  # same list, no override: continues
    define_num(document, 240, 24)
    numbered(document, "Раз", 230)
    numbered(document, "Два", 230)
    document.add_paragraph("Между списками")
    numbered(document, "Снова раз", 231)
    numbered(document, "Снова два", 231)
    numbered(document, "Продолжение", 232)
    numbered(document, "Пятый раздел", 240)
    numbered(document, "Шестой раздел", 240)
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "1. Раз",
        "2. Два",
        "Между списками",
        "1. Снова раз",
        "2. Снова два",
        "3. Продолжение",
        "V. Пятый раздел",
        "VI. Шестой раздел",
    ]


def test_docx_style_numbering_bullets_legal_and_no_number(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 25, [("bullet", "•", 1)])
    define_list(
        document,
        26,
        [("upperRoman", "%1.", 1), ("decimal", "%1.%2.", 1, "<w:isLgl/>")],
    )
    define_num(document, 250, 25)
    define_num(document, 260, 26)
    document.add_paragraph("Первый по стилю", style="List Number")  # numId 5 in the template
    document.add_paragraph("Второй по стилю", style="List Number")
    numbered(document, "Маркер", 250)
    numbered(document, "Раздел", 260, 0)
    numbered(document, "Пункт раздела", 260, 1)
    numbered(document, "Без номера", 0)  # numId 0 switches numbering off
    numbered(document, "", 260, 1)  # an empty item counts but leaves no line
    numbered(document, "После пустого", 260, 1)
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "1. Первый по стилю",
        "2. Второй по стилю",
        "- Маркер",
        "I. Раздел",
        "1.1. Пункт раздела",
        "Без номера",
        "1.3. После пустого",
    ]
    assert labels(result)[2] == ("-", 0)
    assert labels(result)[5] == (None, None)


# -- DOCX: tables, tabs, formatting --------------------------------------------


def test_docx_header_table_and_plan_table_with_merged_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ПРЕЗИДИУМ")
    header = document.add_table(rows=1, cols=2)  # borderless: no style
    header.cell(0, 0).text = "15.08.2023г."
    header.cell(0, 1).text = "№ 22-3"
    document.add_paragraph("О плане мероприятий")
    plan = document.add_table(rows=4, cols=4)
    plan.style = "Table Grid"
    for col, text in enumerate(["№", "Мероприятие", "Срок", "Ответственный"]):
        plan.cell(0, col).text = text
    section = plan.cell(1, 0).merge(plan.cell(1, 3))  # gridSpan over the row
    section.text = "Раздел 1. Организационная работа"
    deadline = plan.cell(2, 2).merge(plan.cell(3, 2))  # vMerge over two rows
    deadline.text = "до 1 октября"
    for row, (number, task, who) in enumerate(
        [("1", "Провести семинар", "Иванов И.И."), ("2", "Обновить стенд", "Петров П.П.")],
        start=2,
    ):
        plan.cell(row, 0).text = number
        plan.cell(row, 1).text = task
        plan.cell(row, 3).text = who
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "ПРЕЗИДИУМ",
        "15.08.2023г.\t№ 22-3",
        "О плане мероприятий",
        "№\tМероприятие\tСрок\tОтветственный",
        "Раздел 1. Организационная работа",
        "1\tПровести семинар\tдо 1 октября\tИванов И.И.",
        "2\tОбновить стенд\t\tПетров П.П.",
    ]
    cells = [
        (b.table, b.row, b.col, result.block_text(b)) for b in result.blocks if b.table is not None
    ]
    assert cells[:2] == [(0, 0, 0, "15.08.2023г."), (0, 0, 1, "№ 22-3")]
    assert (1, 1, 0, "Раздел 1. Организационная работа") in cells
    assert (1, 3, 2, "") in cells  # the vMerge continuation is an empty cell
    assert (1, 3, 3, "Петров П.П.") in cells
    assert all(b.page is None for b in result.blocks)


def test_docx_one_column_frame_and_nested_table(tmp_path: Path) -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "Текст в рамке"
    frame.cell(0, 0).add_paragraph("Второй абзац рамки")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Снаружи"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "внутри один"
    inner.cell(0, 1).text = "внутри два"
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "Текст в рамке",
        "Второй абзац рамки",
        "Снаружи\tвнутри один внутри два",
    ]
    assert [b.table for b in result.blocks] == [None, None, 0, 0]


def _without_parts(path: Path, *names: str) -> None:
    """Rewrite a DOCX without some of its parts (as simple editors save it)."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    for name in names:
        del entries[f"word/{name}"]
        rels = entries["word/_rels/document.xml.rels"].decode()
        start = rels.index(f'Target="{name}"')
        rels = rels[: rels.rindex("<Relationship ", 0, start)] + rels[rels.index("/>", start) + 2 :]
        entries["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def test_docx_without_numbering_and_styles_parts(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Президиум постановляет:")
    numbered(document, "Принять к сведению.", 1)
    path = save(document, tmp_path)
    _without_parts(path, "numbering.xml", "styles.xml")
    assert lines(read_document(path)) == ["Президиум постановляет:", "Принять к сведению."]


def test_docx_numbered_cells(tmp_path: Path) -> None:
    document = docx.Document()
    define_list(document, 27, [("decimal", "%1.", 1)])
    define_num(document, 270, 27)
    plan = document.add_table(rows=2, cols=2)
    for row, task in enumerate(["Провести семинар", "Обновить стенд"]):
        plan.cell(row, 1).text = task
        cell_paragraph = plan.cell(row, 0).paragraphs[0]
        cell_paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 270
        cell_paragraph.add_run("")
    result = read_document(save(document, tmp_path))
    assert table_cells(result) == [
        (0, 0, 0, "1."), (0, 0, 1, "Провести семинар"),
        (0, 1, 0, "2."), (0, 1, 1, "Обновить стенд"),
    ]  # fmt: skip
    assert [b.label for b in result.blocks if b.col == 0] == ["1.", "2."]


def test_docx_text_box_read_once_after_its_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Основной текст")
    box = "<w:p><w:r><w:t>Текст в надписи</w:t></w:r></w:p>"
    paragraph._p.append(
        parse_xml(
            f'<w:r {NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{box}'
            f"</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{box}"
            "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("Следующий абзац")
    result = read_document(save(document, tmp_path))
    assert lines(result) == ["Основной текст", "Текст в надписи", "Следующий абзац"]


def test_docx_tabs_breaks_spaces_bold_hidden_and_headers(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Колонтитул страницы"
    document.add_paragraph("15.08.2023г.\t\t\t\t№ 22-3")
    document.add_paragraph("1.\tПринять к сведению.")
    title = document.add_paragraph()
    title.add_run("О мерах").bold = True
    title.add_run(" по улучшению").bold = True
    mixed = document.add_paragraph("Президиум ")
    mixed.add_run("постановляет:").bold = True
    broken = document.add_paragraph("Первая строка")
    broken.add_run().add_break()
    broken.add_run("вторая\u00a0строка  с  1\u00a0000 рублей")
    hidden = document.add_paragraph("Видимый")
    hidden.add_run(" скрытый").font.hidden = True
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("Председатель\t\t\tА.А. Магомедов")
    result = read_document(save(document, tmp_path))
    assert lines(result) == [
        "15.08.2023г.\t№ 22-3",
        "1. Принять к сведению.",
        "О мерах по улучшению",
        "Президиум постановляет:",
        "Первая строка вторая строка с 1 000 рублей",
        "Видимый",
        "Председатель\tА.А. Магомедов",
    ]
    assert [b.bold for b in result.blocks] == [False, False, True, False, False, False, False]
    assert [b.label for b in result.blocks] == [None] * 7  # typed "1." is text, not a label
    assert result.source.format == "docx" and result.source.pages == 1
    assert len(result.source.sha256) == 64


# -- PDF made by LibreOffice -----------------------------------------------------


def _decree_docx(path: Path) -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.first_line_indent = Cm(1.25)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(
        parse_xml(f'<w:fldSimple {NS} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )

    def centered(text: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.add_run(text).bold = True

    centered("ПРЕЗИДИУМ")
    centered("ПОСТАНОВЛЕНИЕ")
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "15.08.2023г."
    header.cell(0, 1).text = "№ 22-3"
    header.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    centered("О мерах по улучшению информационной работы ДР СОП и членских организаций")
    preamble = (
        "Президиум ДР СОП отмечает, что за последнее время ДР СОП и его членские "
        "организации активизировали работу по информированию своих членов о деятельности "
        "профсоюзных органов социально-экономической направленности."
    )
    for _ in range(7):
        document.add_paragraph(preamble)
    document.add_paragraph("Президиум ДР СОП постановляет:")
    define_list(document, 30, [("decimal", "%1.", 1), ("russianLower", "%2)", 1)])
    define_num(document, 300, 30)
    numbered(
        document,
        "Принять меры по созданию своих сайтов членским организациям ДР СОП, "
        "насчитывающим свыше 5000 членов профсоюза.",
        300,
    )
    numbered(document, "Руководителям членских организаций:", 300)
    numbered(document, "обеспечить подписку на газету «Солидарность»;", 300, 1)
    numbered(document, "назначить ответственных за информационную работу.", 300, 1)
    plan = document.add_table(rows=3, cols=3)
    plan.style = "Table Grid"
    for row, cells in enumerate(
        [
            ("№", "Мероприятие", "Срок"),
            ("1", "Провести семинар", "до 1 мая"),
            ("2", "Обновить стенд", "постоянно"),
        ]
    ):
        for col, text in enumerate(cells):
            plan.cell(row, col).text = text
            plan.cell(row, col).paragraphs[0].paragraph_format.first_line_indent = Cm(0)
    signature = document.add_paragraph("Председатель\t\t\t\t\t\tА.А. Магомедов")
    signature.paragraph_format.first_line_indent = Cm(0)
    document.save(str(path))


def _long_table_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("План мероприятий")
    plan = document.add_table(rows=1, cols=4)
    plan.style = "Table Grid"
    for col, text in enumerate(["№ п/п", "Мероприятие", "Срок", "Ответственный"]):
        plan.cell(0, col).text = text
    plan.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NS}/>"))
    for number in range(1, 41):
        cells = plan.add_row().cells
        cells[0].text = str(number)
        cells[1].text = (
            f"Провести семинар-совещание номер {number} для председателей первичных "
            "профсоюзных организаций"
        )
        cells[2].text = "до 1 мая 2024 г."
        cells[3].text = "Иванов И.И."
    document.add_paragraph("Текст после таблицы.")
    document.save(str(path))


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DOCX files and the PDFs LibreOffice makes of them."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make a PDF from DOCX")
    folder = tmp_path_factory.mktemp("pdf")
    _decree_docx(folder / "decree.docx")
    _long_table_docx(folder / "plan.docx")
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(folder / "decree.docx"), str(folder / "plan.docx")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder


@pytest.fixture(scope="module")
def decree_pdf(pdf_folder: Path) -> tuple[Path, Path]:
    return pdf_folder / "decree.docx", pdf_folder / "decree.pdf"


PREAMBLE = (
    "Президиум ДР СОП отмечает, что за последнее время ДР СОП и его членские организации "
    "активизировали работу по информированию своих членов о деятельности профсоюзных "
    "органов социально-экономической направленности."
)
DECREE_LINES = [
    "ПРЕЗИДИУМ",
    "ПОСТАНОВЛЕНИЕ",
    "15.08.2023г.\t№ 22-3",
    "О мерах по улучшению информационной работы ДР СОП и членских организаций",
    *[PREAMBLE] * 7,
    "Президиум ДР СОП постановляет:",
    "1. Принять меры по созданию своих сайтов членским организациям ДР СОП, "
    "насчитывающим свыше 5000 членов профсоюза.",
    "2. Руководителям членских организаций:",
    "а) обеспечить подписку на газету «Солидарность»;",
    "б) назначить ответственных за информационную работу.",
    "№\tМероприятие\tСрок",
    "1\tПровести семинар\tдо 1 мая",
    "2\tОбновить стенд\tпостоянно",
    "Председатель\tА.А. Магомедов",
]


def test_pdf_from_docx_reads_like_the_docx(decree_pdf: tuple[Path, Path]) -> None:
    source, pdf = decree_pdf
    from_docx = read_document(source)
    from_pdf = read_document(pdf)
    assert lines(from_docx) == DECREE_LINES
    assert lines(from_pdf) == DECREE_LINES  # the page numbers in the footer are gone
    assert from_pdf.source.format == "pdf"
    assert from_pdf.source.pages == 2
    assert from_pdf.warnings == ()


def test_pdf_blocks_pages_bold_and_table(decree_pdf: tuple[Path, Path]) -> None:
    result = read_document(decree_pdf[1])
    by_text = {result.block_text(b): b for b in result.blocks}
    assert by_text["ПРЕЗИДИУМ"].bold and by_text["ПРЕЗИДИУМ"].page == 1
    assert not by_text["Президиум ДР СОП постановляет:"].bold
    assert by_text["Председатель\tА.А. Магомедов"].page == 2
    cells = [
        (b.table, b.row, b.col, result.block_text(b)) for b in result.blocks if b.table is not None
    ]
    assert cells == [
        (0, 0, 0, "№"), (0, 0, 1, "Мероприятие"), (0, 0, 2, "Срок"),
        (0, 1, 0, "1"), (0, 1, 1, "Провести семинар"), (0, 1, 2, "до 1 мая"),
        (0, 2, 0, "2"), (0, 2, 1, "Обновить стенд"), (0, 2, 2, "постоянно"),
    ]  # fmt: skip
    assert all(b.page in (1, 2) for b in result.blocks)


def test_pdf_table_over_pages_is_one_table(pdf_folder: Path) -> None:
    from_docx = read_document(pdf_folder / "plan.docx")
    from_pdf = read_document(pdf_folder / "plan.pdf")
    assert from_pdf.source.pages > 3
    assert from_pdf.text == from_docx.text  # header row once, rows cut by a page joined
    assert lines(from_pdf)[1] == "№ п/п\tМероприятие\tСрок\tОтветственный"
    assert lines(from_pdf)[2] == (
        "1\tПровести семинар-совещание номер 1 для председателей первичных профсоюзных "
        "организаций\tдо 1 мая 2024 г.\tИванов И.И."
    )
    rows = {(b.table, b.row) for b in from_pdf.blocks if b.table is not None}
    assert rows == {(0, row) for row in range(41)}
    assert len({b.page for b in from_pdf.blocks}) == from_pdf.source.pages


def test_pdf_max_pages(decree_pdf: tuple[Path, Path]) -> None:
    with pytest.raises(errors.TooLarge):
        read_document(decree_pdf[1], max_pages=1)


# -- PDF: paragraph heuristics and hyphenation units ------------------------------


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("работу по информирова-", "нию членов", "работу по информированию членов"),
        ("организа-", "ции", "организации"),
        ("социально-", "экономической", "социально-экономической"),
        ("северо-", "западный", "северо-западный"),
        ("план-", "график", "план-график"),
        ("кто-", "то", "кто-то"),
        ("ДР СОП -", "первичные", "ДР СОП - первичные"),
        ("Кабардино-", "Балкарии", "Кабардино- Балкарии"),
        ("строка", "дальше", "строка дальше"),
        ("", "первая", "первая"),
    ],
)
def test_join_hyphenated(left: str, right: str, expected: str) -> None:
    assert join_hyphenated(left, right) == expected


def test_join_hyphenated_asks_the_document_vocabulary() -> None:
    assert join_hyphenated("семинар-", "совещание", {"семинар-совещание"}) == "семинар-совещание"
    assert join_hyphenated("медико-", "логический", {"медикологический"}) == "медикологический"


FRAME = Frame(left=72.0, right=540.0, pitch=14.0)


def line(text: str, x0: float = 72, x1: float = 540, top: float = 100, **kw: object) -> Line:
    values: dict = {"size": 12.0, "bold": False, "page": 1, "first_width": 50.0, "text_x": x0}
    values.update(kw)
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + 12, **values)


@pytest.mark.parametrize(
    ("prev", "cur", "first", "rule"),
    [
        (line("полная строка"), line("продолжение", top=114), False, None),
        (line("полная строка"), line("новый абзац", top=134), False, "vertical_gap"),
        (line("полная строка"), line("2. Второй пункт", top=114), False, "item_label"),
        (line("полная строка"), line("а) подпункт", top=114), False, "item_label"),
        (line("Короткая.", x1=300), line("Новый абзац", top=114), False, "short_line"),
        (line("О мерах по", x0=200, x1=400), line("улучшению работы", x0=210, x1=390, top=114),
         True, None),  # a centred title wraps
        (line("полная строка"), line("Абзац с отступом", x0=107, top=114), False, "indent"),
        (line("1. Пункт с висячим", text_x=90), line("отступом", x0=90, top=114), True, None),
        (line("продолжение", x0=90), line("Новый абзац", top=114), False, "indent"),
        (line("ЗАГОЛОВОК", bold=True), line("текст", top=114), True, "font_change"),
        (line("полная строка"), line("Председатель\tА.А. Магомедов", top=114), False,
         "two_parts"),
        (line("полная строка", top=700), line("на новой странице", top=72, page=2), False, None),
        (line("Конец.", x1=200, top=700), line("Новый абзац", top=72, page=2), False,
         "short_line"),
    ],
)  # fmt: skip
def test_paragraph_break_rules(prev: Line, cur: Line, first: bool, rule: str | None) -> None:
    assert break_rule(prev, cur, FRAME, first) == rule


# -- clean-up -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1\u00a0000\u00a0рублей", "1 000 рублей"),
        ("в„– 22-3", "№ 22-3"),
        ("в„–\u00a022-3", "№ 22-3"),
        ("органи\u00adзации", "организации"),
        ("пред\u200bседатель\ufeff", "председатель"),
        ("  много    пробелов  ", "много пробелов"),
        ("15.08.2023г.          № 22-3", "15.08.2023г.\t№ 22-3"),
        ("дата\t \t\tномер", "дата\tномер"),
        ("Пocтaнoвлeниe", "Постановление"),  # Latin o, a, e inside a Cyrillic word
        ("Wi-Fi-сети и COVID-19", "Wi-Fi-сети и COVID-19"),
        ("N 22-3", "N 22-3"),
        ("и\u0306од", "йод"),  # decomposed й
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


# -- TXT --------------------------------------------------------------------------------

TXT = "ПОСТАНОВЛЕНИЕ\r\n\r\n15.08.2023г.                    № 22-3\r\nО мерах\r\n"
TXT_KOI8 = TXT.replace("№", "N")  # KOI8-R has no "№"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TXT.encode("utf-8"), "utf-8"),
        (TXT.encode("cp1251"), "cp1251"),
        (TXT.encode("utf-16"), "utf-16"),
        (TXT.encode("utf-16-le"), "utf-16"),  # no BOM: found by its NUL bytes
        (TXT_KOI8.encode("koi8-r"), "koi8-r"),
        (TXT.encode("cp866"), "cp866"),
    ],
)
def test_txt_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "decree.txt"
    path.write_bytes(data)
    result = read_document(path)
    number = "N" if encoding == "koi8-r" else "№"
    assert lines(result) == ["ПОСТАНОВЛЕНИЕ", f"15.08.2023г.\t{number} 22-3", "О мерах"]
    assert result.source.encoding == encoding
    assert result.source.format == "txt"
    assert result.source.path == str(path)


def test_txt_double_encoded_utf8_is_repaired() -> None:
    text = "Президиум постановляет принять информацию к сведению и исполнению"
    garbled = text.encode("utf-8").decode("cp1251").encode("utf-8")
    assert decode_text(garbled) == (text, "utf-8")


def test_txt_markdown_bold(tmp_path: Path) -> None:
    path = tmp_path / "web.txt"
    path.write_text(
        "**ПОСТАНОВЛЕНИЕ**\n\n**О мерах по улучшению информационной работы\n"
        "ДР СОП и членских организаций**\n\nПрезидиум ДР СОП **постановляет:**\n",
        encoding="utf-8",
    )
    result = read_document(path)
    assert lines(result) == [
        "ПОСТАНОВЛЕНИЕ",
        "О мерах по улучшению информационной работы",
        "ДР СОП и членских организаций",
        "Президиум ДР СОП постановляет:",
    ]
    assert [b.bold for b in result.blocks] == [True, True, True, False]


BOX_TABLE = """\
План мероприятий
┌────┬──────────────────────┬───────────────┐
│ №  │ Мероприятие          │ Срок          │
├────┼──────────────────────┼───────────────┤
│ 1  │ Провести семинар для │ до 1 мая      │
│    │ председателей органи-│               │
│    │ заций                │               │
│ 2  │ Обновить стенд       │ постоянно     │
└────┴──────────────────────┴───────────────┘
Председатель"""

ASCII_GRID = """\
+---+-----------------+----------+
| 1 | Провести        | до 1 мая |
|   | семинар         |          |
+---+-----------------+----------+
| 2 | Обновить стенд  | 2 кв.    |
+---+-----------------+----------+
| 3 | Подвести итоги  | декабрь  |
+---+-----------------+----------+"""

PIPES = """\
| № | Мероприятие |
|---|---|
| 1 | Семинар |
| 2 | Стенд |"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            BOX_TABLE.splitlines()[1:-1],
            [
                ["№", "Мероприятие", "Срок"],
                ["1", "Провести семинар для председателей организаций", "до 1 мая"],
                ["2", "Обновить стенд", "постоянно"],
            ],
        ),
        (
            ASCII_GRID.splitlines(),
            [
                ["1", "Провести семинар", "до 1 мая"],
                ["2", "Обновить стенд", "2 кв."],
                ["3", "Подвести итоги", "декабрь"],
            ],
        ),
        (PIPES.splitlines(), [["№", "Мероприятие"], ["1", "Семинар"], ["2", "Стенд"]]),
    ],
)
def test_box_table_rows(table: list[str], expected: list[list[str]]) -> None:
    assert table_rows(table) == expected


def test_txt_box_table_blocks(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(BOX_TABLE, encoding="utf-8")
    result = read_document(path)
    assert lines(result) == [
        "План мероприятий",
        "№\tМероприятие\tСрок",
        "1\tПровести семинар для председателей организаций\tдо 1 мая",
        "2\tОбновить стенд\tпостоянно",
        "Председатель",
    ]
    cells = [(b.table, b.row, b.col) for b in result.blocks if b.table is not None]
    assert cells == [(0, r, c) for r in range(3) for c in range(3)]


def test_txt_one_huge_line_stays(tmp_path: Path) -> None:
    text = "ПОСТАНОВЛЕНИЕ от 15.08.2023 № 22-3 О мерах. " * 200
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    result = read_document(path)
    assert result.text == text.strip()
    assert len(result.blocks) == 1


# -- bad input --------------------------------------------------------------------------


def _zip(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


RUSSIAN = "Президиум постановляет принять информацию к сведению.".encode()
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
BAD_FILES: list[tuple[str, bytes, type[errors.DecreeError]]] = [
    ("empty.txt", b"", errors.EmptyInput),
    ("empty.docx", b"", errors.EmptyInput),
    ("empty.pdf", b"", errors.EmptyInput),
    ("blank.txt", b" \r\n\t \n", errors.EmptyInput),
    ("broken.docx", b"this is not a zip archive", errors.CorruptFile),
    ("nodoc.docx", _zip({"readme.txt": "x"}), errors.CorruptFile),
    ("broken.pdf", b"%PDF-1.4\ngarbage garbage garbage", errors.CorruptFile),
    ("fake.pdf", b"just text", errors.CorruptFile),
    ("binary.txt", b"\x01\x02\x00\x00\xff\x00" * 50, errors.CorruptFile),
    ("old.doc", OLE + b"WordDocument", errors.UnsupportedFormat),
    ("locked.docx", OLE + "EncryptedPackage".encode("utf-16-le"), errors.EncryptedFile),
    ("letter.rtf", b"{\\rtf1\\ansi text}", errors.UnsupportedFormat),
    ("text.odt", _zip({"mimetype": "application/vnd.oasis", "content.xml": "<x/>"}),
     errors.UnsupportedFormat),
    ("sheet.xlsx", _zip({"xl/workbook.xml": "<x/>"}), errors.UnsupportedFormat),
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", errors.UnsupportedFormat),
    ("page.html", RUSSIAN, errors.UnsupportedFormat),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, errors.NeedsOCR),
    ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, errors.NeedsOCR),
    ("scan.tif", b"II*\x00" + b"\x00" * 40, errors.NeedsOCR),
    ("english.txt", b"The board resolves to accept the report.", errors.NotRussian),
    ("latin.txt", b"Prezidium postanovljaet \xd0\xbf\xd1\x80", errors.NotRussian),
    ("locked.pdf", minimal_pdf([["Hello"]], encrypt=True), errors.EncryptedFile),
    ("nopages.pdf", minimal_pdf([]), errors.EmptyInput),
    ("scan.pdf", minimal_pdf([None, None]), errors.NeedsOCR),
    ("mojibake.pdf", minimal_pdf([["Ïîñòàíîâëåíèå Ïðåçèäèóìà îò 15.08.2023"] * 4], latin=True),
     errors.NeedsOCR),
    ("lookalike.pdf", minimal_pdf([["PACXOP OXPAHA CEKTOP, MOPE u TOPT"] * 3], latin=True),
     errors.NeedsOCR),
    ("english.pdf", minimal_pdf([["The board resolves to accept the report."] * 3], latin=True),
     errors.NotRussian),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "error"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input(tmp_path: Path, name: str, data: bytes, error: type) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    # A scan raises NeedsOCR only with OCR switched off (OCR itself: test_ocr.py).
    options = {"ocr": "never"} if error is errors.NeedsOCR else {}
    with pytest.raises(error) as caught:
        read_document(path, **options)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: p / "missing.docx", errors.InputMissing),
        (lambda p: p, errors.NotAFile),
    ],
)
def test_missing_and_directory(tmp_path: Path, make: Callable, error: type) -> None:
    with pytest.raises(error):
        read_document(make(tmp_path))


def test_too_many_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(minimal_pdf([["Page"]] * 3))
    with pytest.raises(errors.TooLarge):
        read_document(path, max_pages=2)


def test_pdf_page_numbers_dropped_and_blank_page_warned(tmp_path: Path) -> None:
    path = tmp_path / "numbers.pdf"
    page = ["Президиум постановляет:", "1. Принять информацию к сведению."]
    path.write_bytes(minimal_pdf([page, page, None], numbers=True))
    result = read_document(path)
    assert lines(result) == [
        "Президиум постановляет:",
        "1. Принять информацию к сведению.",
        "Президиум постановляет:",
        "1. Принять информацию к сведению.",
    ]
    assert [b.page for b in result.blocks] == [1, 1, 2, 2]
    assert result.source.pages == 3
    assert tuple(map(str, result.warnings)) == ("pages without a text layer (scanned?): 3",)
    assert result.warnings[0].code == "no-text-layer"


def test_pdf_that_calls_itself_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(minimal_pdf([["Информация о выполнении постановления"]]))
    result = read_document(path)
    assert result.source.format == "pdf"
    assert result.text == "Информация о выполнении постановления"


def test_content_wins_over_extension(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Президиум постановляет принять к сведению.")
    real_docx = tmp_path / "really_docx.txt"
    document.save(str(real_docx))
    assert read_document(real_docx).source.format == "docx"
    renamed = tmp_path / "really_docx.doc"
    renamed.write_bytes(real_docx.read_bytes())
    assert read_document(renamed).text == "Президиум постановляет принять к сведению."
