"""OCR: clean-up, per-page decisions, page geometry, replayed Tesseract output,
errors, and real Tesseract on a few small scans.

The replay tests read Tesseract's words for three corpus scan pages from
tests/data/ocr/ (TSV as Tesseract writes it, plus the page size and table
rulings in a JSON file); they run without Tesseract. To make them again after
a change to the OCR path:

    .venv/bin/python -m tests.test_ocr
"""

from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline import errors
from pipeline.ingest import _pages_to_ocr, ocr, read_document, scan
from pipeline.ingest.builder import TextBuilder
from pipeline.ingest.ocr_clean import (
    clean_ocr_line,
    clean_word,
    fix_across,
    fix_confusions,
    fix_dates,
    fix_digits,
    fix_letters,
    fix_url,
    split_glued_and,
    split_glued_letter,
)
from pipeline.ingest.ocr_layout import finish_pages, page_content
from pipeline.ingest.ocr_page import PageOCR, PageTask, page_from_words
from pipeline.ingest.ocr_tesseract import _probe, available, parse_tsv
from pipeline.ingest.pdf import PageContent, emit_pages
from pipeline.model import Document

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ocr"
SCANS = ROOT / "corpus" / "scans"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
needs_tesseract = pytest.mark.skipif(
    not available(), reason="Tesseract with Russian data is not installed (CI installs it)"
)
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts are not installed")


# -- clean-up ------------------------------------------------------------------------

WORDS = [
    ("2О23", "2023"),
    ("l5.08.2023г.", "15.08.2023г."),
    ("15.О8.2О23", "15.08.2023"),
    ("З0", "30"),
    ("1б5", "165"),
    ("2б", "2б"),  # a class, not a number
    ("IV-1.4", "IV-1.4"),
    ("03-II", "03-II"),
    ("48-р", "48-р"),
    ("«0б", "«Об"),
    ("н0вый", "новый"),
    ("Об", "Об"),
    ("vk.соm/prof", "vk.com/prof"),
    ("сайт", "сайт"),
]


@pytest.mark.parametrize(("raw", "expected"), WORDS)
def test_clean_word(raw: str, expected: str) -> None:
    assert clean_word(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2О23", "2023"), ("№22-З", "№22-З"), ("1O", "10"), ("О", "О"), ("2023г", "2023г")],
)
def test_fix_digits(raw: str, expected: str) -> None:
    assert fix_digits(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("0т", "От"), ("3а", "За"), ("06", "06"), ("н0в0сти", "новости")]
)
def test_fix_letters(raw: str, expected: str) -> None:
    assert fix_letters(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("https://vk.соm/x", "https://vk.com/x"), ("привет.ru", "привет.ru"), ("сом", "сом")],
)
def test_fix_url(raw: str, expected: str) -> None:
    assert fix_url(raw) == expected


LINES = [
    ("от 15. 08.2023 Ne 22-3", "от 15.08.2023 № 22-3"),
    ("15.08. 2023г.\tN° 22-3", "15.08.2023г.\t№ 22-3"),
    ("ПРИКАЗ Мо 15", "ПРИКАЗ № 15"),
    ("П Р И К А З М 15", "П Р И К А З № 15"),
    ("1. 15.08.2023", "1. 15.08.2023"),  # an item label stays
    ("№ 312-0 от", "№ 312-о от"),
    ("Пpeзидиум ДP COП", "Президиум ДР СОП"),
    ("Пpинять инфopмaцию", "Принять информацию"),
    ("Wi-Fi-сети", "Wi-Fi-сети"),
    ("XX век", "XX век"),
    ("06 организации летнего отдыха", "Об организации летнего отдыха"),
    ("0 мерах по улучшению", "О мерах по улучшению"),
    ("П квартал 2025 г.", "II квартал 2025 г."),
    ("в[ полугодии", "в I полугодии"),
    ("[У квартал", "IV квартал"),
    ("Глава района 3.М. Ибрагимов", "Глава района З.М. Ибрагимов"),
    ("Введите е-тай", "Введите e-mail"),
    ("в сумме1 350,0 тыс.", "в сумме 1 350,0 тыс."),
    ("8- х классов", "8-х классов"),
    ("14-15 сентября 2024 Г.", "14-15 сентября 2024 г."),
    ("П. 1 -— Сайт", "П. 1 — Сайт"),
    ("организа—", "организа-"),
]


@pytest.mark.parametrize(("raw", "expected"), LINES)
def test_clean_ocr_line(raw: str, expected: str) -> None:
    assert clean_ocr_line(raw) == expected


def test_fix_dates_checks_day_and_month() -> None:
    assert fix_dates("31. 12.2023") == "31.12.2023"
    assert fix_dates("45. 13.2023") == "45. 13.2023"


KNOWN = {"совещание", "практику", "информацию", "решение", "организации", "с", "в", "о"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("провести совещаниев январе", "провести совещание в январе"),
        ("на практикус 07.10.2024", "на практику с 07.10.2024"),
        ("представить информациюо ходе", "представить информацию о ходе"),
        ("Гаджиевав", "Гаджиевав"),  # names are left alone
        ("организации", "организации"),
    ],
)
def test_split_glued_letter(raw: str, expected: str) -> None:
    assert split_glued_letter(raw, KNOWN.__contains__) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ДР СОПи его", "ДР СОП и его"),
        ("образованияи науки", "образования и науки"),
        ("свои сайты", "свои сайты"),
        ("идеи и планы", "идеи и планы"),
    ],
)
def test_split_glued_and(raw: str, expected: str) -> None:
    assert split_glued_and(raw, {"образования", "свои", "иде", "идеи"}) == expected


def test_fix_confusions_needs_one_known_mending() -> None:
    known = {"решение", "шея"}.__contains__
    assert fix_confusions("РЕПТЕНИЕ", known) == "РЕШЕНИЕ"
    assert fix_confusions("Рептение", known) == "Рептение"  # a name, perhaps
    assert fix_confusions("абвгдеж", known) == "абвгдеж"


def test_roman_numeral_across_lines() -> None:
    assert fix_across("рублей в Ш", "квартале 2024 г.") == "рублей в III"
    assert fix_across("рублей в Ш", "кварталов") == "рублей в III"
    assert fix_across("в Ш", "случае") == "в Ш"


# -- which PDF pages need OCR ---------------------------------------------------------


def _page(number: int, text: str, images: int = 0, unmapped: int = 0) -> PageContent:
    from pipeline.ingest.pdflayout import Line

    lines = [Line(t, 0, 100, i * 12.0, i * 12.0 + 10, 10, False, number, 10, 0) for i, t in
             enumerate(text.splitlines())]  # fmt: skip
    content = PageContent(number, 595.0, lines=lines, images=images, unmapped=unmapped)
    content.letters = sum(ch.isalpha() for ch in text)
    return content


GOOD = "Президиум постановляет принять информацию к сведению и поручить отделу"
MOJIBAKE = "Ïîñòàíîâëåíèå Ïðåçèäèóìà îò 15.08.2023 ïðèíÿòü èíôîðìàöèþ ê ñâåäåíèþ"
LOOKALIKE = "PACXOP OXPAHA CEKTOP MOPE TOPT PACXOP OXPAHA CEKTOP MOPE TOPT"


@pytest.mark.parametrize(
    ("pages", "mode", "expected"),
    [
        ([_page(1, GOOD), _page(2, "", images=1)], "auto", [2]),
        ([_page(1, GOOD), _page(2, GOOD)], "auto", []),
        ([_page(1, GOOD), _page(2, "", images=1)], "always", [1, 2]),
        ([_page(1, "", images=1), _page(2, "", images=1)], "auto", [1, 2]),
        ([_page(1, GOOD), _page(2, MOJIBAKE)], "auto", [2]),
        ([_page(1, GOOD), _page(2, LOOKALIKE)], "auto", [2]),
        ([_page(1, GOOD), _page(2, "")], "auto", []),  # blank, nothing to read
        ([_page(1, GOOD), _page(2, "Стр. 2", images=1)], "auto", [2]),  # too few letters
        # An OCRed PDF's invisible font maps through ToUnicode only: its text is fine.
        ([_page(1, GOOD, images=1, unmapped=len(GOOD))], "auto", []),
    ],
)
def test_pages_to_ocr(pages: list[PageContent], mode: str, expected: list[int]) -> None:
    assert _pages_to_ocr(pages, mode)[0] == expected


# -- page geometry on synthetic images --------------------------------------------------

TEXT = [
    "ПРЕЗИДИУМ ПОСТАНОВЛЯЕТ принять информацию к сведению",
    "Членским организациям создать сайты и страницы в сетях",
    "Срок исполнения до первого октября текущего года",
    "Контроль за выполнением возложить на заместителя",
    "Председатель комитета профсоюза работников культуры",
    "Информацию о ходе выполнения представить в срок",
]


def synthetic_page(dpi: int = 150, lines: list[str] = TEXT, bold: int | None = None) -> Image.Image:
    """A4-ish page with a few lines of Russian text in DejaVu Serif."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 235)
    draw = ImageDraw.Draw(page)
    size = round(12 / 72 * dpi)
    regular = ImageFont.truetype(str(FONT), size)
    heavy = ImageFont.truetype(str(FONT).replace("Serif.ttf", "Serif-Bold.ttf"), size)
    y = int(1.2 * dpi)
    for index, text in enumerate(lines * 4):
        font = heavy if bold is not None and index == bold else regular
        draw.text((int(1.1 * dpi), y), text, font=font, fill=30)
        y += int(size * 1.6)
    return page


@needs_font
@pytest.mark.parametrize("degrees", [-3.0, -1.2, 0.0, 0.8, 2.5])
def test_skew_is_measured(degrees: float) -> None:
    page = synthetic_page().rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=235)
    binary, _ = scan.small_binary(page, 150)
    axis, angle = scan.axis_and_skew(binary)
    assert axis == "horizontal"
    # rotating back by the measured angle straightens the page
    assert angle == pytest.approx(-degrees, abs=0.3)


@needs_font
@pytest.mark.parametrize("degrees", [90, 270])
def test_page_on_its_side_is_seen(degrees: int) -> None:
    page = scan.rotate(synthetic_page(), degrees)
    binary, _ = scan.small_binary(page, 150)
    assert scan.text_axis(binary) == "vertical"


def test_rotate_quarter_turns_are_exact() -> None:
    image = Image.fromarray(np.arange(12, dtype=np.uint8).reshape(3, 4), "L")
    assert scan.rotate(image, 90).size == (3, 4)
    assert np.array_equal(np.asarray(scan.rotate(scan.rotate(image, 90), 270)), np.asarray(image))
    assert scan.rotate(image, 0) is image


def test_otsu_splits_two_levels() -> None:
    values = np.array([20] * 100 + [230] * 300, dtype=np.uint8)
    assert 20 <= scan.otsu(values) < 230


def test_despeckle_removes_dust_and_keeps_strokes() -> None:
    dark = np.zeros((60, 60), dtype=bool)
    dark[10:40, 20:24] = True  # a stroke four pixels wide
    dark[50, 50] = dark[5, 5] = dark[5, 6] = True  # dust
    clean = scan.despeckle_ink(dark)
    assert clean[10:40, 20:24].all()
    assert not clean[50, 50] and not clean[5, 5]


def test_rulings_of_a_table() -> None:
    dpi = 200
    dark = np.zeros((800, 1200), dtype=bool)
    for y in (100, 250, 400):
        dark[y : y + 3, 100:1100] = True
    for x in (100, 500, 1097):
        dark[100:403, x : x + 3] = True
    dark[600:640, 300:303] = True  # a letter stroke, not a ruling
    edges = scan.find_rulings(dark, dpi)
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    assert len(horizontal) == 3 and len(vertical) == 3
    assert horizontal[0]["x0"] == pytest.approx(100 * 72 / dpi, abs=2)
    erased = scan.erase_rulings(dark, dpi, edges)
    assert not erased[100:403, 100:1100].any()
    assert erased[600:640, 300:303].all()


@needs_font
def test_bold_line_is_seen() -> None:
    page = synthetic_page(dpi=300, bold=2)
    dark = np.asarray(page) < 128
    ys = np.nonzero(dark.any(axis=1))[0]
    runs = np.split(ys, np.nonzero(np.diff(ys) > 1)[0] + 1)
    boxes = [(i, (0, int(r[0]), dark.shape[1], int(r[-1]) + 1)) for i, r in enumerate(runs)]
    assert scan.bold_lines(dark, boxes) == {2}


@pytest.mark.parametrize(
    ("size", "info", "expected"),
    [
        ((1654, 2339), {"dpi": (200, 200)}, 200),
        ((2480, 3508), {}, 305),
        ((2480, 3508), {"dpi": (72, 72)}, 305),
    ],
)
def test_image_dpi(size: tuple[int, int], info: dict, expected: int) -> None:
    image = Image.new("L", size, 255)
    image.info.update(info)
    assert scan.image_dpi(image) == expected


def test_low_resolution_is_upscaled() -> None:
    image, dpi = scan.for_ocr(Image.new("L", (1240, 1754), 255), 150)
    assert dpi == 300 and image.size == (2480, 3508)
    image, dpi = scan.for_ocr(Image.new("RGB", (2480, 3508), "white"), 300)
    assert dpi == 300 and image.mode == "L"


# -- replay of cached Tesseract output ---------------------------------------------------

CACHED = [
    # name, scan, page index
    ("sample-p1", "sample-drsop-22-3-scan.pdf", 0),
    ("minobr-p1", "order-minobr-rd-01-03-778-scan.pdf", 0),
    ("obraz-p1", "union-obraz-info-2023-9-3-scan.pdf", 0),
]


def cached_page(name: str, number: int = 1) -> PageOCR:
    meta = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    words = parse_tsv((DATA / f"{name}.tsv").read_text(encoding="utf-8"))
    bold = {tuple(key) for key in meta["bold"]}
    return page_from_words(
        words,
        number=number,
        dpi=meta["dpi"],
        size=tuple(meta["size"]),
        edges=meta["edges"],
        bold=bold,
    )


def replay_document(*names: str) -> str:
    pages = [page_content(cached_page(name, n)) for n, name in enumerate(names, start=1)]
    builder = TextBuilder()
    emit_pages(finish_pages(pages), builder)
    return builder.text


def test_replay_header_lines_and_paragraphs() -> None:
    text = replay_document("sample-p1")
    lines = text.splitlines()
    assert lines[:5] == ["ПРЕЗИДИУМ", "ПОСТАНОВЛЕНИЕ", "15.08.2023г.", "г. Махачкала", "№ 22-3"]
    assert "О мерах по улучшению информационной работы" in lines
    assert any(
        line.startswith("Президиум ДР СОП отмечает, что за последнее время") for line in lines
    )
    # one paragraph per paragraph, not per line of print
    assert len(lines) < 15
    assert "Президиум ДР СОП постановляет:" in text


def test_replay_table_from_rulings() -> None:
    page = page_content(cached_page("minobr-p1"))
    assert page.tables, "the plan table is found from the rulings in the image"
    builder = TextBuilder()
    emit_pages(finish_pages([page]), builder)
    rows = [ln for ln in builder.text.splitlines() if ln.count("\t") >= 3]
    assert rows[0].split("\t")[:3] == ["№ п/п", "Мероприятие", "Начало"]
    assert any(r.startswith("2\tКурсы повышения квалификации") for r in rows)
    assert any("I квартал 2025 г." in r for r in rows)
    cells = [b for b in builder.blocks if b.table is not None]
    assert {b.col for b in cells} >= {0, 1, 2, 3, 4}


def test_replay_urls_and_latin_words() -> None:
    text = replay_document("obraz-p1")
    assert "https://dagobrprof.ru" in text
    assert "https://vk.com/dagobrprof" in text
    assert "№ 9-3" in text


def test_replay_through_read_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An image-only PDF read by decree with the OCR of each page replayed."""
    pdf = tmp_path / "scan.pdf"
    pages = [Image.new("L", (100, 140), 255) for _ in range(2)]
    pages[0].save(pdf, "PDF", save_all=True, append_images=pages[1:], resolution=20)
    names = {0: "sample-p1", 1: "minobr-p1"}

    def fake(task: PageTask) -> PageOCR:
        page = cached_page(names[task.index], task.index + 1)
        if task.index == 1:
            page.confidence = 55.0  # a page that reads badly gets a warning
        return page

    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    monkeypatch.setattr(ocr, "ocr_page", fake)
    document = read_document(pdf, jobs=1)
    assert document.source.ocr and document.source.format == "pdf"
    assert document.source.pages == 2
    assert document.page_confidence[1] == 55.0
    assert any("low OCR confidence on page 2" in str(w) for w in document.warnings)
    assert [b.page for b in document.blocks][0] == 1 and document.blocks[-1].page == 2
    assert "№ 22-3" in document.text and "Курсы повышения квалификации" in document.text


def test_mixed_pdf_ocrs_only_its_scanned_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium

    from tests.test_ingest import minimal_pdf

    text_pdf = tmp_path / "text.pdf"
    body = ["Президиум постановляет:", "1. Принять информацию о работе к сведению."]
    text_pdf.write_bytes(minimal_pdf([body]))
    image_pdf = tmp_path / "image.pdf"
    Image.new("L", (100, 140), 255).save(image_pdf, "PDF", resolution=20)
    mixed = pdfium.PdfDocument.new()
    for part in (text_pdf, image_pdf):
        source = pdfium.PdfDocument(str(part))
        mixed.import_pages(source)
        source.close()
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    mixed.close()
    asked: list[int] = []

    def fake(task: PageTask) -> PageOCR:
        asked.append(task.index + 1)
        return cached_page("sample-p1", task.index + 1)

    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    monkeypatch.setattr(ocr, "ocr_page", fake)
    document = read_document(path, jobs=1)
    assert asked == [2]
    assert document.text.startswith("\n".join([*body, "ПРЕЗИДИУМ"]))
    assert math.isnan(document.page_confidence[0]) and document.page_confidence[1] > 80
    assert document.source.ocr and document.source.format == "pdf"
    layer_only = read_document(path, ocr="never")
    assert not layer_only.source.ocr and layer_only.text == "\n".join(body)
    assert tuple(map(str, layer_only.warnings)) == ("pages without a text layer (scanned?): 2",)
    asked.clear()
    read_document(path, ocr="always", jobs=1)
    assert asked == [1, 2]


@pytest.mark.slow
def test_extraction_pages_field() -> None:
    from pipeline.extract import extract

    text = replay_document("sample-p1")
    builder = TextBuilder()
    builder.paragraph(text)
    doc = Document(
        text,
        tuple(builder.blocks),
        read_document(ROOT / "corpus" / "sample-drsop-22-3.txt").source,
        page_confidence=(91.24, math.nan),
    )
    result = extract(doc)
    assert result.pages == (
        {"page": 1, "ocr": True, "confidence": 91.2, "words": None},
        {"page": 2, "ocr": False, "confidence": None, "words": None},
    )


# -- errors and big inputs -------------------------------------------------------------------


def _fake_tesseract(tmp_path: Path, languages: str) -> str:
    script = tmp_path / "tesseract"
    script.write_text(f"#!/bin/sh\necho 'List of available languages (2):'\nprintf '{languages}'\n")
    script.chmod(0o755)
    return str(script)


def test_tesseract_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), 255).save(image)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    _probe.cache_clear()
    try:
        with pytest.raises(errors.OCRUnavailable) as caught:
            read_document(image)
    finally:
        _probe.cache_clear()
    assert "tesseract-ocr tesseract-ocr-rus" in str(caught.value)
    assert caught.value.exit_code == 11


def test_russian_data_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_tesseract(tmp_path, "eng\\nosd\\n")
    monkeypatch.setattr(shutil, "which", lambda name: fake)
    _probe.cache_clear()
    try:
        with pytest.raises(errors.OCRUnavailable) as caught:
            read_document(ROOT / "corpus" / "scans" / "obrazprof-22-3-scan.png")
    finally:
        _probe.cache_clear()
    assert "Russian" in str(caught.value) and "tesseract-ocr-rus" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40),
        ("broken.tif", b"II*\x00" + b"\x00" * 40),
    ],
)
def test_unreadable_image(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(errors.CorruptFile):
        read_document(path)


def test_truncated_image_fails_in_its_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cut.png"
    Image.new("L", (400, 600), 255).save(path)
    path.write_bytes(path.read_bytes()[:80])
    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    with pytest.raises(errors.CorruptFile):
        read_document(path, jobs=1)


def test_zero_page_pdf(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = tmp_path / "empty.pdf"
    document = pdfium.PdfDocument.new()
    document.save(str(path))
    document.close()
    with pytest.raises(errors.EmptyInput):
        read_document(path)


def test_bad_ocr_mode() -> None:
    with pytest.raises(ValueError):
        read_document(ROOT / "corpus" / "sample-drsop-22-3.txt", ocr="sometimes")


@pytest.fixture(scope="module")
def long_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-page image-only PDF of tiny pages."""
    path = tmp_path_factory.mktemp("long") / "long-scan.pdf"
    pages = [Image.new("L", (40, 56), 255) for _ in range(300)]
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=10)
    return path


def test_long_scan_without_ocr(long_scan: Path) -> None:
    with pytest.raises(errors.NeedsOCR):
        read_document(long_scan, ocr="never")
    with pytest.raises(errors.TooLarge):
        read_document(long_scan, max_pages=100)


def test_long_scan_with_progress(
    long_scan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = parse_tsv(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t10\t10\t60\t12\t91\tПостановление\n"
        "5\t1\t1\t1\t1\t2\t75\t10\t40\t12\t93\tпринято\n"
    )

    def fake(task: PageTask) -> PageOCR:
        return page_from_words(line, number=task.index + 1, dpi=300, size=(500, 700))

    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    monkeypatch.setattr(ocr, "ocr_page", fake)
    document = read_document(long_scan, jobs=1)
    assert document.source.pages == 300 and document.source.ocr
    assert len(document.page_confidence) == 300
    assert document.text.count("Постановление принято") == 300
    assert "page 300/300" in capsys.readouterr().err


def test_page_error_names_the_page(long_scan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(task: PageTask) -> PageOCR:
        return PageOCR(task.index + 1, error=("CorruptFile", "Tesseract failed", ""))

    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    monkeypatch.setattr(ocr, "ocr_page", fake)
    with pytest.raises(errors.CorruptFile) as caught:
        read_document(long_scan, jobs=1)
    assert "page 1: Tesseract failed" in str(caught.value)


# -- real Tesseract ------------------------------------------------------------------------


@needs_tesseract
@needs_font
def test_synthetic_scan_upside_down_and_skewed(tmp_path: Path) -> None:
    page = synthetic_page(dpi=200, lines=TEXT[:3]).crop((0, 0, 1654, 700))
    page = page.rotate(181.5, resample=Image.Resampling.BILINEAR, fillcolor=235)
    path = tmp_path / "upside-down.png"
    page.save(path, dpi=(200, 200))
    document = read_document(path)
    assert document.source.format == "image" and document.source.ocr
    assert "ПРЕЗИДИУМ ПОСТАНОВЛЯЕТ принять информацию к сведению" in document.text
    assert "Срок исполнения до первого октября текущего года" in document.text
    assert document.page_confidence[0] > 80


@needs_tesseract
def test_corpus_scan_jpeg_at_150_dpi() -> None:
    source = read_document(ROOT / "corpus" / "union-kult-podpiska-2019-8-1.txt").text
    document = read_document(SCANS / "union-kult-podpiska-2019-8-1-scan.jpg")
    assert document.source.format == "image" and document.source.pages == 1
    first = source.splitlines()[0]
    assert first.replace(" ", "") in document.text.replace(" ", "")
    for phrase in ("18.06.2019", "постановляет", "Гаджиеву Патимат Абдулкадыровну"):
        assert phrase in document.text


@needs_tesseract
def test_cli_scan_with_searchable_pdf(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import main

    result = CliRunner().invoke(
        main,
        [
            "extract",
            str(SCANS / "obrazprof-22-3-scan.png"),
            "--searchable-pdf",
            str(tmp_path),
            "--jobs",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["ocr"] is True and data["source"]["format"] == "image"
    assert data["pages"][0]["ocr"] is True and data["pages"][0]["confidence"] > 80
    assert "t.me/obrazprof05" in data["urls"]
    searchable = tmp_path / "obrazprof-22-3-scan.pdf"
    again = read_document(searchable)
    assert not again.source.ocr, "the searchable PDF has a text layer of its own"
    assert "Информация" in again.text
    never = CliRunner().invoke(
        main, ["extract", str(SCANS / "obrazprof-22-3-scan.png"), "--ocr", "never"]
    )
    assert never.exit_code == 9


# -- making the cached pages ---------------------------------------------------------------


def refresh_cache() -> None:
    """Run the OCR path on the CACHED pages and write their TSV and JSON."""
    import pipeline.ingest.ocr_page as ocr_page_module
    from pipeline.ingest.ocr_page import load, process

    DATA.mkdir(parents=True, exist_ok=True)
    for name, scan_name, index in CACHED:
        task = PageTask(str(SCANS / scan_name), "pdf", index)
        image, dpi = load(task)
        page = process(image, dpi, task)
        to_px = dpi / 72.0
        rows = [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        ]
        for n, w in enumerate(page.words, start=1):
            box = [round(w.x0 * to_px), round(w.top * to_px), round((w.x1 - w.x0) * to_px),
                   round((w.bottom - w.top) * to_px)]  # fmt: skip
            rows.append(
                "\t".join(
                    map(str, [5, 1, w.block, w.par, w.line, n, *box, round(w.conf, 2), w.text])
                )
            )
        (DATA / f"{name}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        meta = {
            "scan": scan_name,
            "page": index + 1,
            "dpi": dpi,
            "size": [round(page.width * to_px), round(page.height * to_px)],
            "edges": [
                {k: round(v, 2) if isinstance(v, float) else v for k, v in e.items()}
                for e in page.edges
            ],
            "bold": sorted({(w.block, w.par, w.line) for w in page.words if w.bold}),
        }  # fmt: skip
        (DATA / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
        print(f"{name}: {len(page.words)} words", file=sys.stderr)
    del ocr_page_module


if __name__ == "__main__":
    refresh_cache()


def _word(text: str, conf: float) -> object:
    from pipeline.ingest.ocr_tesseract import TsvWord

    return TsvWord(text, 0, 0, 10, 10, conf, 1, 1, 1)


@pytest.mark.parametrize(
    ("russian", "english", "expected"),
    [
        # the Russian model reads the digits, the English one the letters
        ("уК.сот/обга2рго{05,", ["vk.com/obrazprofos,"], "vk.com/obrazprof05,"),
        ("+.те/сlubО24", ["t.me/club024"], "t.me/club024"),
        # an address read with no confidence, where the Russian reading has its shape
        ("мум.Задобгрго{.ги", ["www.", "dagobrprof.ru"], "www.dagobrprof.ru"),
        # ... but not one the Russian reading does not support
        ("Задобгрго", ["www.", "dagobrprof.ru"], None),
        ("мум.За.ги", ["www.", "dagobrprof.ru"], None),
    ],
)
def test_english_reading_of_web_addresses(russian, english, expected) -> None:
    from pipeline.ingest.ocr_page import _accept

    conf = 60.0 if len(english) == 1 else 0.0
    assert _accept([_word(t, conf) for t in english], [_word(russian, 10.0)]) == expected
