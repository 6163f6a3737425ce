"""ingest: file -> Document.

`read_document` checks the path, finds the real format from the bytes,
reads DOCX, PDF (text layer) or TXT into one text with blocks, and hands
images and scanned PDFs to the OCR dispatch point (ocr.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from decree.errors import CorruptFile, EmptyInput, InputMissing, NeedsOCR, NotAFile, NotRussian
from decree.model import Document, Source

from .builder import TextBuilder
from .detect import HEAD_SIZE, detect_format
from .ocr import read_with_ocr
from .quality import empty_pages, is_russian, text_layer_problem

__all__ = ["read_document"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _head(path: Path, given: str) -> bytes:
    if not path.exists():
        raise InputMissing(given, "no such file")
    if path.is_dir():
        raise NotAFile(given, "is a directory")
    if not path.is_file():
        raise NotAFile(given, "is not a regular file")
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_SIZE)
    except PermissionError as exc:
        raise InputMissing(given, "cannot be read", advice="check the file permissions") from exc
    if not head:
        raise EmptyInput(given, "the file is empty (0 bytes)")
    return head


def read_document(path: str | Path, *, max_pages: int = 2000) -> Document:
    """Read a DOCX, PDF or TXT file into a Document.

    Args:
        path: the file; kept in `Source.path` as given.
        max_pages: a PDF with more pages raises TooLarge.

    Raises (all from decree.errors, each naming the file): InputMissing,
    NotAFile, EmptyInput, UnsupportedFormat, CorruptFile, EncryptedFile,
    TooLarge, NeedsOCR (images and PDFs without a usable text layer, while
    OCR is not available) and NotRussian (under 30% Cyrillic letters).
    """
    given = str(path)
    head = _head(Path(given), given)
    fmt = detect_format(given, head)
    if fmt == "image":
        return read_with_ocr(given, fmt, "the file is an image")
    builder = TextBuilder()
    pages, encoding, warnings = 1, None, []
    try:
        if fmt == "docx":
            from .docx import read_docx

            read_docx(given, builder)
        elif fmt == "pdf":
            pages, warnings = _read_pdf(given, builder, max_pages)
        else:
            encoding = _read_txt(given, builder)
    except NeedsOCR as exc:
        return read_with_ocr(given, fmt, exc.message)
    text = builder.text
    if not text.strip():
        raise EmptyInput(given, "the document has no text")
    if not is_russian(text):
        raise NotRussian(given, "the text is not in Russian (too few Cyrillic letters)")
    source = Source(given, fmt, pages, False, _sha256(Path(given)), encoding)
    return Document(text, tuple(builder.blocks), source, tuple(warnings))


def _read_pdf(path: str, builder: TextBuilder, max_pages: int) -> tuple[int, list[str]]:
    from .pdf import read_pdf

    letters, unmapped = read_pdf(path, builder, max_pages=max_pages)
    problem = text_layer_problem(builder.text, letters, unmapped)
    if problem:
        raise NeedsOCR(path, problem)
    blank = empty_pages(letters)
    warnings = [f"pages without a text layer (scanned?): {', '.join(map(str, blank))}"]
    return len(letters), warnings if blank else []


def _read_txt(path: str, builder: TextBuilder) -> str:
    from .text import decode_text, read_text

    text, encoding = decode_text(Path(path).read_bytes())
    if encoding == "binary":
        raise CorruptFile(path, "binary data, not text")
    read_text(text, builder)
    return encoding
