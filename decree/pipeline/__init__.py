"""The stages of `decree`, one folder each: ingest -> extract.

`extract_file` runs them in order for one file.
"""

from __future__ import annotations

from pathlib import Path

from decree.model import Extraction


def extract_file(path: str | Path) -> Extraction:
    """Read a file and extract its structure. Raises a `decree.errors.DecreeError`
    subclass for input it cannot read."""
    from decree.pipeline.extract import extract
    from decree.pipeline.ingest import read_document

    return extract(read_document(path))
