"""The stages of `decree`, one folder each: ingest -> extract.

`extract_file` runs them in order for one file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decree.model import Extraction


def extract_file(path: str | Path, **options: Any) -> Extraction:
    """Read a file and extract its structure. Raises a `decree.errors.DecreeError`
    subclass for input it cannot read. options go to `read_document` (ocr,
    jobs, searchable_pdf, max_pages)."""
    from decree.pipeline.extract import extract
    from decree.pipeline.ingest import read_document

    return extract(read_document(path, **options))
