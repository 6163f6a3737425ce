"""The one place where OCR plugs into ingest.

`read_document` calls `read_with_ocr` for images and for PDFs whose text
layer is unusable. OCR is not built yet, so it raises NeedsOCR; an OCR module
(Tesseract over pages rendered by pypdfium2) replaces the body of this
function and returns a Document with `Source.ocr=True` and `page_confidence`.
"""

from __future__ import annotations

from decree.errors import NeedsOCR
from decree.model import Document

_IMAGE_ADVICE = "an image has no text layer; OCR it to text or PDF first"


def read_with_ocr(path: str, fmt: str, reason: str) -> Document:
    """Read an image or a scanned PDF by OCR. fmt is "image" or "pdf"; reason
    says why the file needs OCR. Raises NeedsOCR while OCR is not available."""
    if fmt == "image":
        raise NeedsOCR(path, reason, advice=_IMAGE_ADVICE)
    raise NeedsOCR(path, reason)
