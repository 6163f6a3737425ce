"""One document on the review page: its text with the marks, and what goes
beside it (the directives, the warnings, the OCR confidence of each page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.model import Extraction, to_plain
from pipeline.review.marks import collect_marks, ru_date
from pipeline.review.page import kinds, span_options
from pipeline.review.spans import render_marks

# Tesseract's mean word confidence under which a page is worth a second look:
# below it, misread letters are common enough to break names and numbers.
LOW_CONFIDENCE = 70.0


def _directive_row(d: Any) -> dict[str, Any]:
    dl = d.deadline
    return {
        "id": d.id,
        "addressees": list(d.addressees),
        "responsible": list(d.responsible),
        "deadline": None
        if dl is None
        else {"text": dl.text, "date": ru_date(dl.date), "kind": dl.kind},
    }


def _pages(ex: Extraction) -> list[dict[str, Any]]:
    pages = []
    for p in ex.pages:
        confidence = p.get("confidence")
        pages.append(
            {
                "page": p["page"],
                "ocr": bool(p.get("ocr")),
                "confidence": None if confidence is None else f"{confidence:.0f}",
                "low": confidence is not None and confidence < LOW_CONFIDENCE,
            }
        )
    return pages


def legend(used: set[str]) -> list[dict[str, str]]:
    """The kinds present on a page, in the order of kinds.json."""
    return [
        {"label": k["label"], "color": k["color"]} for name, k in kinds().items() if name in used
    ]


def document_context(path: str | Path, text: str, ex: Extraction, anchor: str) -> dict[str, Any]:
    """What templates/html/review.html prints for one document."""
    marks = collect_marks(text, ex)
    html, lost = render_marks(text, marks, kinds(), span_options())
    report = to_plain(ex.report or {})
    header = {name: value for name, value in vars(ex.header).items() if value}
    if header.get("date"):
        header["date"] = ru_date(header["date"])
    return {
        "anchor": anchor,
        "path": str(path),
        "name": Path(path).name,
        "kind": ex.kind,
        "source": {"format": ex.source.format, "pages": ex.source.pages, "ocr": ex.source.ocr},
        "header": header,
        "organization": report.get("organization"),
        "members": report.get("members"),
        "text": Markup(html),
        "legend": legend({m.kind for m in marks}),
        "marked": len(marks) - len(lost),
        "lost": len(lost),
        "directives": [_directive_row(d) for d in ex.directives],
        "warnings": [str(w) for w in ex.warnings],
        "pages": _pages(ex),
        "low_pages": sum(1 for p in _pages(ex) if p["low"]),
        "low_confidence": f"{LOW_CONFIDENCE:.0f}",
    }
