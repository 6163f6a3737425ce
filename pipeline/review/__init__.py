"""review: the documents as a page a person reads, every fact highlighted where it stands.

    marks     the facts of an extraction as (start, stop, kind) on its text; facts
              without offsets (header, addressees) are found by `locate`
    spans     the marks as spans of a spaCy Doc (`spacy.blank("ru")`), rendered
              by displaCy's span visualizer
    page      templates/html/ (Jinja2): wording and layout
    status    `decree check --format html`: the status matrix, each cell opening
              on the sentence of the report behind it

`review(paths)` reads and extracts the files and returns the page;
`check_page(decree, reports)` runs the check and returns its page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.check import Failure
from pipeline.check import read_each as read_all
from pipeline.review.document import document_context
from pipeline.review.page import render_page
from pipeline.review.status import CheckPage, check_page

__all__ = ["CheckPage", "Review", "check_page", "read_all", "review"]


@dataclass(frozen=True)
class Review:
    """The page (None when no file could be read) and the files that failed."""

    html: str | None
    failed: tuple[Failure, ...] = ()


def review(paths: Sequence[str | Path]) -> Review:
    """Read and extract each file and lay them out on one self-contained page.

    Files that cannot be read are listed in `Review.failed` (and on the page);
    the others are still shown. Review.html is None when none could be read.
    """
    documents, failed = [], []
    for n, item in enumerate(read_all(paths), start=1):
        if isinstance(item, Failure):
            failed.append(item)
            continue
        path, text, extraction = item
        documents.append(document_context(path, text, extraction, f"doc-{n}"))
    if not documents:
        return Review(None, tuple(failed))
    html = render_page(
        "review.html",
        {"documents": documents, "failed": [f.message for f in failed]},
    )
    return Review(html, tuple(failed))
