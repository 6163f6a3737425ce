"""ingest: file -> Document.

`read_document` checks the path, finds the real format from the bytes,
reads DOCX, PDF (text layer) or TXT into one text with blocks, and hands
images, and the PDF pages whose text layer is unusable, to OCR (ocr.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.errors import (
    MAX_CHARS,
    CorruptFile,
    EmptyInput,
    InputMissing,
    NotAFile,
    NotRussian,
    TooManyChars,
)
from pipeline.i18n import N_, _, note
from pipeline.i18n import thousands as _thousands
from pipeline.model import Document, Source

from .builder import TextBuilder
from .detect import HEAD_SIZE, detect_format
from .ocr import check_mode, needs_ocr, read_with_ocr
from .quality import (
    MIN_LETTERS_PER_PAGE,
    count_letters,
    empty_pages,
    is_russian,
    text_layer_problem,
)

__all__ = ["read_document"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _head(path: Path, given: str) -> bytes:
    if not path.exists():
        raise InputMissing(given, _("no such file"))
    if path.is_dir():
        raise NotAFile(given, _("is a directory"))
    if not path.is_file():
        raise NotAFile(given, _("is not a regular file"))
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_SIZE)
    except PermissionError as exc:
        raise InputMissing(
            given, _("cannot be read"), advice=_("check the file permissions")
        ) from exc
    if not head:
        raise EmptyInput(given, _("the file is empty (0 bytes)"))
    return head


def read_document(
    path: str | Path,
    *,
    max_pages: int = 2000,
    max_chars: int = MAX_CHARS,
    ocr: str = "auto",
    jobs: int | None = None,
    searchable_pdf: str | Path | None = None,
) -> Document:
    """Read a DOCX, PDF, TXT or image file into a Document.

    Args:
        path: the file; kept in `Source.path` as given.
        max_pages: a PDF or image with more pages raises TooLarge.
        max_chars: a text longer than this raises TooManyChars (checked
            while reading, so a huge file is refused before it fills memory).
        ocr: "auto" OCRs images and the PDF pages whose text layer is
            unusable (none, mojibake, Latin look-alikes); "always" OCRs every
            PDF page; "never" raises NeedsOCR for a scan.
        jobs: worker processes for OCR (default: every core).
        searchable_pdf: a folder; each OCRed input is also written there as
            a searchable PDF (page images with an invisible text layer).

    Raises (all from pipeline.errors, each naming the file): InputMissing,
    NotAFile, EmptyInput, UnsupportedFormat, CorruptFile, EncryptedFile,
    TooLarge, TooManyChars, NeedsOCR (a scan with ocr="never"), OCRUnavailable (a scan,
    and Tesseract or its Russian data is missing) and NotRussian (under 30%
    Cyrillic letters).
    """
    check_mode(ocr)
    given = str(path)
    if Path(given).is_dir():
        # A folder of page photos is one document (pages.py).
        from .pages import read_folder

        options = {"ocr": ocr, "jobs": jobs, "searchable_pdf": searchable_pdf}
        doc = read_folder(given, max_pages=max_pages, **options)
        _check_chars(given, doc.text, max_chars)
        return doc
    head = _head(Path(given), given)
    fmt = detect_format(given, head)
    options = {"ocr": ocr, "jobs": jobs, "searchable_pdf": searchable_pdf}
    if fmt == "image":
        doc = read_with_ocr(given, fmt, N_("the file is an image"), max_pages=max_pages, **options)
        _check_chars(given, doc.text, max_chars)
        return doc
    builder = TextBuilder(given, max_chars)
    pages, encoding, warnings = 1, None, []
    confidence: tuple[float, ...] = ()
    if fmt == "docx":
        from .docx import read_docx

        read_docx(given, builder)
    elif fmt == "pdf":
        pages, warnings, confidence = _read_pdf(given, builder, max_pages, **options)
    else:
        encoding = _read_txt(given, builder, max_chars)
    text = builder.text
    if not text.strip():
        raise EmptyInput(given, _("the document has no text"))
    if not is_russian(text):
        raise NotRussian(given, _("the text is not in Russian (too few Cyrillic letters)"))
    used_ocr = any(c == c for c in confidence)  # NaN marks a text-layer page
    source = Source(given, fmt, pages, used_ocr, _sha256(Path(given)), encoding)
    return Document(text, tuple(builder.blocks), source, tuple(warnings), confidence)


def _layer_problem(text: str, letters: list[int], unmapped: int) -> str | None:
    """text_layer_problem, except that characters pdfium flags as unmapped do
    not count when they read as Cyrillic text: the invisible fonts of OCRed
    PDFs (Tesseract's GlyphLessFont) map through ToUnicode only."""
    counted = count_letters(text)
    if counted.total and counted.cyrillic >= 0.8 * counted.total:
        unmapped = 0
    return text_layer_problem(text, letters, unmapped)


def _pages_to_ocr(pages: list, ocr: str) -> tuple[list[int], str | None]:
    """1-based numbers of the pages to OCR, and what is wrong with the whole layer.

    A page is OCRed when its own text layer is unusable (too few letters,
    glyphs without a Unicode map, mojibake, Latin look-alikes) and it has
    something to read (an image, or enough garbled letters); pages with a
    good layer keep it. When no single page qualifies but the whole layer is
    unusable, every page is OCRed. "always" OCRs every page.
    """
    text = "\n".join(page.text for page in pages)
    letters = [page.letters for page in pages]
    whole = _layer_problem(text, letters, sum(page.unmapped for page in pages))
    if ocr == "always":
        return [page.number for page in pages], whole
    chosen = []
    for page in pages:
        problem = _layer_problem(page.text, [page.letters], page.unmapped)
        if problem and (page.images or page.letters >= MIN_LETTERS_PER_PAGE):
            chosen.append(page.number)
    if whole and not chosen:
        # No page is bad enough alone, all of them together are (text drawn
        # as curves, a garbled layer spread thin): read every page.
        chosen = [page.number for page in pages]
    return chosen, whole


def _read_pdf(
    path: str,
    builder: TextBuilder,
    max_pages: int,
    *,
    ocr: str,
    jobs: int | None,
    searchable_pdf: str | Path | None,
) -> tuple[int, list[str], tuple[float, ...]]:
    """The PDF into builder: (pages, warnings, page confidences or ())."""
    from .ocr import (
        confidence_warnings,
        ocr_pdf_pages,
        page_confidences,
        searchable_folder,
        write_searchable,
    )
    from .ocr_layout import finish_pages, page_content
    from .pdf import emit_pages, read_pdf_pages

    pages = read_pdf_pages(path, max_pages=max_pages)
    numbers, whole = _pages_to_ocr(pages, ocr)
    if ocr == "never":
        if whole:
            raise needs_ocr(path, "pdf", whole)
        numbers = []
    if not numbers:
        emit_pages(pages, builder)
        blank = empty_pages([page.letters for page in pages])
        warnings = [note("no-text-layer", N_("pages without a text layer (scanned?): {pages}"),
                         pages=", ".join(map(str, blank)))]  # fmt: skip
        return len(pages), warnings if blank else [], ()
    with searchable_folder(searchable_pdf) as pdf_dir:
        done = ocr_pdf_pages(path, numbers, jobs=jobs, pdf_dir=pdf_dir)
        if pdf_dir is not None and searchable_pdf is not None:
            write_searchable(path, done, Path(searchable_pdf), original=path, total=len(pages))
    by_number = {page.number: page_content(page) for page in done}
    emit_pages(finish_pages([by_number.get(page.number, page) for page in pages]), builder)
    warnings = confidence_warnings(done, single=len(pages) == 1)
    return len(pages), warnings, page_confidences(len(pages), done)


def _check_chars(path: str, text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise TooManyChars(
            path, _("{count} characters of text").format(count=_thousands(len(text)))
        )


def _read_txt(path: str, builder: TextBuilder, max_chars: int) -> str:
    from .text import decode_text, read_text

    # No encoding spends more than 4 bytes on a character: a file that big
    # is refused before it is read into memory.
    if Path(path).stat().st_size > 4 * max_chars:
        raise TooManyChars(
            path, _("over {count} characters of text").format(count=_thousands(max_chars))
        )
    text, encoding = decode_text(Path(path).read_bytes())
    _check_chars(path, text, max_chars)
    if encoding == "binary":
        raise CorruptFile(path, _("binary data, not text"))
    read_text(text, builder)
    return encoding
