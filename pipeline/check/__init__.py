"""check: decree + reports -> status matrix (directive x organization).

    decree     extract the decree; it must have numbered items (NoDirectives)
    directives which of them address member organizations at all, and their
               size conditions ("насчитывающим свыше 5000 членов")
    reports    extract each report; a report that fails to read becomes a Failure
               and the others are still checked
    rows       per report: does it answer this decree, which sentences answer which
               directive, and the status each directive gets (assess.py)

`check(decree_path, report_paths)` runs them; `check_documents` does the same for
documents already read and extracted (the evaluation reuses its extractions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.check.assess import assess
from pipeline.check.conditions import applies_to_members, find_condition
from pipeline.check.result import (
    STATUSES,
    Cell,
    CheckResult,
    DirectiveInfo,
    Evidence,
    Failure,
    Norm,
    Row,
)
from pipeline.errors import DecreeError, NoDirectives
from pipeline.i18n import _
from pipeline.model import Extraction

__all__ = [
    "STATUSES",
    "Cell",
    "CheckResult",
    "DirectiveInfo",
    "Evidence",
    "Failure",
    "Norm",
    "Row",
    "check",
    "check_documents",
    "read",
]


def read(path: str | Path, **options: Any) -> tuple[str, Extraction]:
    """(the document's text, its extraction). Raises DecreeError subclasses.
    options go to `read_document` (max_chars, max_pages, ocr)."""
    from pipeline.extract import extract
    from pipeline.ingest import read_document

    doc = read_document(path, **options)
    return doc.text, extract(doc)


def directive_infos(decree: Extraction) -> tuple[DirectiveInfo, ...]:
    """The decree's directives as columns: id, text, whether they address members."""
    infos = []
    for d in decree.directives:
        condition = find_condition(d.text)
        infos.append(
            DirectiveInfo(
                d.id,
                d.text,
                applies_to_members(d, decree.header.issuer),
                condition.text if condition else None,
            )
        )
    return tuple(infos)


def check_documents(
    decree_path: str,
    decree: Extraction,
    reports: Iterable[tuple[str, str, Extraction] | Failure],
) -> CheckResult:
    """The matrix for an extracted decree and reports given as (path, text,
    extraction) or as the Failure of a report that could not be read."""
    if not decree.directives:
        message = (
            _("no numbered items found in the decree (it looks like a report)")
            if decree.kind == "report"
            else _("no numbered items found in the decree")
        )
        raise NoDirectives(decree_path, message)
    infos = directive_infos(decree)
    rows: list[Row] = []
    failed: list[Failure] = []
    for report in reports:
        if isinstance(report, Failure):
            failed.append(report)
            continue
        path, text, extraction = report
        rows.append(assess(decree, infos, extraction, text, path))
    return CheckResult(decree_path, decree.header, infos, tuple(rows), tuple(failed))


def read_each(
    paths: Sequence[str | Path], **options: Any
) -> Iterable[tuple[str, str, Extraction] | Failure]:
    """(path, text, extraction) for each file, or the Failure of one that cannot
    be read (the others still go through); options go to `read_document`."""
    for path in paths:
        try:
            text, extraction = read(path, **options)
        except DecreeError as error:
            yield Failure(str(path), error.line(), error.exit_code)
            continue
        except Exception as error:  # noqa: BLE001 - one bad report must not stop the matrix
            message = _("internal error: {error}").format(error=f"{type(error).__name__}: {error}")
            yield Failure(str(path), f"{path}: {message}", 1)
            continue
        yield str(path), text, extraction


def check(
    decree_path: str | Path, report_paths: Sequence[str | Path], **options: Any
) -> CheckResult:
    """Check reports against a decree: a status per directive and organization.

    Args:
        decree_path: the decree (DOCX, PDF, TXT) whose numbered items are the columns.
        report_paths: the reports, one row each.
        options: go to `read_document` for every file (max_chars, max_pages).

    Raises a DecreeError subclass when the decree cannot be read, and NoDirectives
    when it has no numbered items. Reports that cannot be read are listed in
    `CheckResult.failed`; the others are still checked.
    """
    _text, decree = read(decree_path, **options)
    return check_documents(str(decree_path), decree, read_each(report_paths, **options))
