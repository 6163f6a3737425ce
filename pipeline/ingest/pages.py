"""Several files, one document: a folder of page photos, or `--join`.

A secretary saves the photos of one report into one folder; decree reads the
folder as one document, its page images in the natural order of their names
("page-2" before "page-10"). `read_pages` reads files given in order as the
pages of one document: page images are OCRed together, as the frames of one
multi-page scan are; when a PDF (or another document) is among them, each file
is read by itself and the texts are joined, pages numbered on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import EmptyInput, InputMissing, NotAFile, TooLarge
from pipeline.i18n import N_, Note, _, thousands, too_many_pages
from pipeline.model import Block, Document, Source

from .detect import IMAGE_SUFFIXES

PAGE_SUFFIXES = frozenset(IMAGE_SUFFIXES | {".heic", ".heif", ".pdf"})
_DIGITS = re.compile(r"(\d+)")


def natural_key(path: Path) -> tuple:
    """Sort key for names with numbers: "page-2" before "page-10"."""
    parts = _DIGITS.split(path.name.lower())
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def folder_pages(folder: str | Path) -> list[Path]:
    """The page files of a folder in natural order of their names.

    Raises NotAFile for a folder that is not one document: empty, or holding
    anything but page images and PDFs (hidden files are left out).
    """
    given = str(folder)
    files = [p for p in Path(folder).iterdir() if not p.name.startswith(".")]
    others = [p.name for p in files if not p.is_file() or p.suffix.lower() not in PAGE_SUFFIXES]
    if others or not files:
        if others:
            message = _(
                "is a directory that also holds {names}; a folder is read as one document "
                "only when it holds page images"
            ).format(names=", ".join(sorted(others)[:3]))
        else:
            message = _(
                "is an empty directory; a folder is read as one document only "
                "when it holds page images"
            )
        raise NotAFile(
            given,
            message,
            advice=_(
                "give files, or one folder per document with its page photos only "
                "(use a shell glob such as dir/*.docx for many documents)"
            ),
        )
    return sorted(files, key=natural_key)


def read_folder(folder: str | Path, **options) -> Document:
    """A folder of page images (or PDFs) as one document; see read_pages."""
    return read_pages(folder_pages(folder), label=str(folder), **options)


def read_pages(
    paths: Sequence[str | Path],
    *,
    label: str | None = None,
    ocr: str = "auto",
    jobs: int | None = None,
    searchable_pdf: str | Path | None = None,
    max_pages: int = 2000,
    max_chars: int | None = None,
) -> Document:
    """The files in paths, in the order given, as the pages of one document.

    label is `Source.path` (default: the paths joined by " + "). Raises what
    read_document raises, naming the file at fault.
    """
    from . import read_document
    from .detect import HEAD_SIZE, detect_format

    if not paths:
        raise EmptyInput(label or "", _("no pages given"))
    names = [str(p) for p in paths]
    label = label or " + ".join(names)
    formats = []
    for name in names:
        path = Path(name)
        if not path.exists():
            raise InputMissing(name, _("no such file"))
        if not path.is_file():
            raise NotAFile(name, _("is not a regular file"))
        with path.open("rb") as handle:
            formats.append(detect_format(name, handle.read(HEAD_SIZE)))
    options = {"ocr": ocr, "jobs": jobs, "searchable_pdf": searchable_pdf}
    limits = {"max_chars": max_chars} if max_chars else {}
    if all(f == "image" for f in formats):
        doc = _read_images(names, label, max_pages=max_pages, **options)
    else:
        docs = [read_document(n, max_pages=max_pages, **limits, **options) for n in names]
        doc = join_documents(docs, label)
    if max_chars and len(doc.text) > max_chars:
        from pipeline.errors import TooManyChars

        raise TooManyChars(
            label, _("{count} characters of text").format(count=thousands(len(doc.text)))
        )
    return doc


def _read_images(names: list[str], label: str, *, max_pages: int, **options) -> Document:
    """Page images OCRed in one run, as the frames of one scan."""
    from .builder import TextBuilder
    from .ocr import (
        _frames,
        check_mode,
        confidence_warnings,
        needs_ocr,
        page_confidences,
        run_pages,
        searchable_folder,
        write_searchable,
    )
    from .ocr_layout import finish_pages, page_content
    from .ocr_page import PageTask
    from .ocr_tesseract import tesseract
    from .pdf import emit_pages
    from .quality import is_russian

    if check_mode(options["ocr"]) == "never":
        raise needs_ocr(label, "image", N_("the pages are images"))
    counts = [_frames(name) for name in names]
    total = sum(counts)
    if total > max_pages:
        raise TooLarge(label, too_many_pages(total, max_pages))
    tesseract()
    searchable = options.get("searchable_pdf")
    with searchable_folder(searchable) as pdf_dir:
        tasks = [
            PageTask(name, "image", i, pdf_dir)
            for name, count in zip(names, counts, strict=True)
            for i in range(count)
        ]
        pages = run_pages(tasks, path=label, jobs=options.get("jobs"))
        for number, page in enumerate(pages, start=1):
            page.number = number
        if pdf_dir is not None and searchable is not None:
            write_searchable(names[0], pages, Path(searchable))
    builder = TextBuilder()
    emit_pages(finish_pages([page_content(page) for page in pages]), builder)
    text = builder.text
    if not text.strip():
        raise EmptyInput(label, _("OCR found no text on the pages"))
    if not is_russian(text):
        from pipeline.errors import NotRussian

        raise NotRussian(label, _("the OCR text is not in Russian (too few Cyrillic letters)"))
    source = Source(label, "image", total, True, _digest(names))
    warnings = confidence_warnings(pages, single=total == 1)
    return Document(
        text, tuple(builder.blocks), source, tuple(warnings), page_confidences(total, pages)
    )


def join_documents(docs: Sequence[Document], label: str) -> Document:
    """Documents one after another as one: blocks shifted, pages numbered on."""
    parts: list[str] = []
    blocks: list[Block] = []
    warnings: list[Note] = []
    confidence: list[float] = []
    offset = page_base = table_base = 0
    for doc in docs:
        if parts:
            parts.append("\n")
            offset += 1
        parts.append(doc.text)
        for block in doc.blocks:
            page = None if block.page is None else block.page + page_base
            blocks.append(
                Block(
                    block.start + offset,
                    block.stop + offset,
                    page,
                    None if block.table is None else block.table + table_base,
                    block.row,
                    block.col,
                    block.label,
                    block.level,
                    block.bold,
                )
            )
        warnings += [w.at(Path(doc.source.path).name) for w in doc.warnings]
        known = list(doc.page_confidence) or [float("nan")] * doc.source.pages
        confidence += known
        offset += len(doc.text)
        page_base += doc.source.pages
        tables = [b.table for b in doc.blocks if b.table is not None]
        table_base += max(tables) + 1 if tables else 0
    ocr = any(doc.source.ocr for doc in docs)
    formats = {doc.source.format for doc in docs}
    fmt = formats.pop() if len(formats) == 1 else "pdf"
    source = Source(label, fmt, page_base, ocr, _digest([d.source.path for d in docs]))
    has_ocr = any(c == c for c in confidence)
    return Document(
        "".join(parts),
        tuple(blocks),
        source,
        tuple(warnings),
        tuple(confidence) if has_ocr else (),
    )


def _digest(names: Sequence[str]) -> str:
    """sha256 over the files' bytes, one after another."""
    digest = hashlib.sha256()
    for name in names:
        with open(name, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()
