"""The stages of `decree`, one folder each: ingest -> extract -> check ->
generate; evaluate scores extract against hand-written gold.

`extract_file` runs them in order for one file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.model import Extraction

__version__ = "0.1.0"
SCHEMA = "decree/1"


def extract_file(path: str | Path, **options: Any) -> Extraction:
    """Read a file and extract its structure. Raises a `pipeline.errors.DecreeError`
    subclass for input it cannot read. options go to `read_document` (ocr,
    jobs, searchable_pdf, max_pages)."""
    from pipeline.extract import extract
    from pipeline.ingest import read_document

    return extract(read_document(path, **options))
