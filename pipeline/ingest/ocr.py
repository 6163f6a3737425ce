"""The one place where OCR plugs into ingest.

`read_document` hands images to `read_image` and, for a PDF, the pages whose
text layer is unusable to `ocr_pdf_pages`. Pages are OCRed in parallel worker
processes (`jobs`, default: every core), each by `ocr_page.ocr_page`
(render, orientation, skew, rulings, Tesseract); their words are laid out by
`ocr_layout.page_content` into the same lines, paragraphs and tables as a
text-layer page.

Progress goes to stderr: a bar when stderr is a terminal, otherwise a short
"page i/n" line for documents of several pages.

`Document.page_confidence` holds one value per page: the mean OCR word
confidence (0-100) of an OCRed page, NaN for a page read from its text layer.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from pipeline import errors
from pipeline.errors import CorruptFile, EmptyInput, NeedsOCR, NotRussian, TooLarge
from pipeline.i18n import N_, Note, _, note, too_many_pages
from pipeline.model import Document, Source

from .builder import TextBuilder
from .ocr_page import PageOCR, PageTask, ocr_page
from .ocr_tesseract import tesseract
from .quality import is_russian

OCR_MODES = ("auto", "always", "never")
LOW_CONFIDENCE = 70.0  # a page under this mean word confidence gets a warning
_IMAGE_ADVICE = N_("an image has no text layer; run without --ocr never to OCR it")
_PDF_ADVICE = N_("the PDF is a scan with no usable text layer; run without --ocr never to OCR it")

# The function that OCRs one page; tests put a fake here.
PageReader = Callable[[PageTask], PageOCR]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_mode(ocr: str) -> str:
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    return ocr


def needs_ocr(path: str, fmt: str, reason: str) -> NeedsOCR:
    """The error for a scan when OCR is switched off (--ocr never)."""
    return NeedsOCR(path, reason, advice=_IMAGE_ADVICE if fmt == "image" else _PDF_ADVICE)


# -- progress -------------------------------------------------------------------


class Progress:
    """Pages done, on stderr: a rich bar on a terminal, else "page i/n" lines."""

    def __init__(self, label: str, total: int, stream: Any = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.bar: Any = None
        self.task: Any = None
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.lines = not tty and total > 1
        if tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self.bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task(_("OCR {name}").format(name=self.label), total=self.total)
        return self

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)
        elif self.lines:
            line = _("OCR {name}: page {done}/{total}").format(
                name=self.label, done=self.done, total=self.total
            )
            print(f"decree: {line}", file=self.stream)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# -- running pages --------------------------------------------------------------


def run_pages(
    tasks: Sequence[PageTask],
    *,
    path: str,
    jobs: int | None = None,
    reader: PageReader | None = None,
) -> list[PageOCR]:
    """OCR the pages of tasks, in parallel when jobs > 1; results in task order.

    The first page that fails stops the run and raises its error (named after
    the file).
    """
    reader = reader or ocr_page
    jobs = jobs or default_jobs()
    results: list[PageOCR | None] = [None] * len(tasks)
    label = Path(path).name
    several = len(tasks) > 1
    if jobs <= 1 or not several:
        with Progress(label, len(tasks)) as progress:
            for k, task in enumerate(tasks):
                results[k] = _checked(reader(task), path, several)
                progress.advance()
        return [r for r in results if r is not None]
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        # Workers are forked here, before the progress bar starts its thread.
        futures = {pool.submit(reader, task): k for k, task in enumerate(tasks)}
        pending = set(futures)
        with Progress(label, len(tasks)) as progress:
            try:
                while pending:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        results[futures[future]] = _checked(future.result(), path, several)
                        progress.advance()
            except BaseException:
                for future in pending:
                    future.cancel()
                raise
    return [r for r in results if r is not None]


def _checked(page: PageOCR, path: str, several: bool) -> PageOCR:
    """page, or the error it carries raised again, named after the file."""
    if page.error is None:
        return page
    name, message, advice = page.error
    cls = getattr(errors, name, CorruptFile)
    if not (isinstance(cls, type) and issubclass(cls, errors.DecreeError)):
        cls = CorruptFile
    if several:
        message = _("page {page}: {error}").format(page=page.number, error=_(message))
    raise cls(path, message, advice or None)


# -- documents ------------------------------------------------------------------


def confidence_warnings(pages: Sequence[PageOCR], single: bool) -> list[Note]:
    """A warning for every OCRed page that reads badly."""
    out = []
    for page in pages:
        if not page.words:
            if single:
                out.append(note("ocr-no-text", N_("OCR found no text on the scan")))
            else:
                text = N_("OCR found no text on page {page}")
                out.append(note("ocr-no-text", text, page=page.number))
        elif page.confidence < LOW_CONFIDENCE:
            text = (
                N_("low OCR confidence on the scan ({confidence} of 100): "
                   "check names, numbers and dates against the scan")
                if single
                else N_("low OCR confidence on page {page} ({confidence} of 100): "
                        "check names, numbers and dates against the scan")
            )  # fmt: skip
            out.append(
                note(
                    "ocr-low-confidence",
                    text,
                    page=page.number,
                    confidence=f"{page.confidence:.0f}",
                )  # fmt: skip
            )
    return out


def page_confidences(total: int, pages: Sequence[PageOCR]) -> tuple[float, ...]:
    """One value per page: OCR confidence, NaN for pages read from their text layer."""
    by_number = {page.number: page.confidence for page in pages}
    return tuple(float(by_number.get(n, math.nan)) for n in range(1, total + 1))


def _frames(path: str) -> int:
    from PIL import Image

    from .photo import register_heif

    register_heif()
    try:
        with Image.open(path) as image:
            return int(getattr(image, "n_frames", 1) or 1)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise CorruptFile(path, _("the image cannot be read ({error})").format(error=exc)) from exc


def read_with_ocr(
    path: str,
    fmt: str,
    reason: str,
    *,
    ocr: str = "auto",
    jobs: int | None = None,
    searchable_pdf: str | Path | None = None,
    max_pages: int = 2000,
    reader: PageReader | None = None,
) -> Document:
    """Read an image (PNG, JPEG, TIFF with any number of pages, …) by OCR.

    fmt is "image"; reason says why the file needs OCR. Raises NeedsOCR when
    ocr is "never", OCRUnavailable when Tesseract or its Russian data is
    missing, CorruptFile for an unreadable image, TooLarge for more than
    max_pages frames, EmptyInput when OCR finds no text, NotRussian.
    """
    if check_mode(ocr) == "never":
        raise needs_ocr(path, fmt, reason)
    if fmt != "image":
        raise ValueError("read_with_ocr reads images; PDFs go through ocr_pdf_pages")
    count = _frames(path)
    if count > max_pages:
        raise TooLarge(path, too_many_pages(count, max_pages))
    if reader is None:
        tesseract()  # OCRUnavailable before any work is done
    with searchable_folder(searchable_pdf) as pdf_dir:
        tasks = [PageTask(path, "image", i, pdf_dir) for i in range(count)]
        pages = run_pages(tasks, path=path, jobs=jobs, reader=reader)
        if pdf_dir is not None and searchable_pdf is not None:
            write_searchable(path, pages, Path(searchable_pdf))
    from .ocr_layout import finish_pages, page_content
    from .pdf import emit_pages

    builder = TextBuilder()
    emit_pages(finish_pages([page_content(page) for page in pages]), builder)
    text = builder.text
    if not text.strip():
        raise EmptyInput(
            path, _("OCR found no text in the image"), advice=_("check that it is a scan")
        )
    if not is_russian(text):
        raise NotRussian(path, _("the OCR text is not in Russian (too few Cyrillic letters)"))
    source = Source(path, "image", count, True, _sha256(path))
    warnings = confidence_warnings(pages, single=count == 1)
    return Document(
        text, tuple(builder.blocks), source, tuple(warnings), page_confidences(count, pages)
    )


def ocr_pdf_pages(
    path: str,
    numbers: Sequence[int],
    *,
    jobs: int | None = None,
    pdf_dir: str | None = None,
    reader: PageReader | None = None,
) -> list[PageOCR]:
    """OCR the given 1-based pages of a PDF; with pdf_dir (from
    `searchable_folder`), one-page searchable PDFs are written there."""
    if reader is None:
        tesseract()  # OCRUnavailable before any work is done
    tasks = [PageTask(path, "pdf", n - 1, pdf_dir) for n in numbers]
    return run_pages(tasks, path=path, jobs=jobs, reader=reader)


class searchable_folder:
    """A temporary folder for one-page PDFs while a searchable PDF is wanted."""

    def __init__(self, target: str | Path | None) -> None:
        self.target = target
        self.folder: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> str | None:
        if self.target is None:
            return None
        self.folder = tempfile.TemporaryDirectory(prefix="decree-pdf-")
        return self.folder.name

    def __exit__(self, *exc: object) -> None:
        if self.folder is not None:
            self.folder.cleanup()


def write_searchable(
    path: str,
    pages: Sequence[PageOCR],
    folder: Path,
    *,
    original: str | None = None,
    total: int | None = None,
) -> Path:
    """Join one-page searchable PDFs into folder/<name>.pdf.

    For a PDF that was OCRed only in part, `original` and `total` give the
    source: pages that kept their text layer are copied from it.
    """
    import pypdfium2 as pdfium

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(path).stem + ".pdf")
    if target.exists() and target.resolve() == Path(path).resolve():
        target = folder / (Path(path).stem + "-ocr.pdf")  # never over the input itself
    by_number = {page.number: page for page in pages}
    out = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(original) if original else None
    try:
        for number in range(1, (total or len(pages)) + 1):
            page = by_number.get(number)
            if page is not None and page.pdf:
                one = pdfium.PdfDocument(page.pdf)
                try:
                    out.import_pages(one)
                finally:
                    one.close()
            elif source is not None:
                out.import_pages(source, [number - 1])
        out.save(str(target))
    finally:
        out.close()
        if source is not None:
            source.close()
    return target


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
