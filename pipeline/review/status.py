"""`decree check --format html`: the status matrix as a page.

Each cell opens on the sentence of the report that decided its status,
highlighted in its paragraph of the report's text, and on the norm computation
where the directive sets a norm ("1 экземпляр на 100 членов"). The check
result does not keep the reports' texts, so the reports are read here and the
texts kept beside the result.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.check import Cell, CheckResult, Failure, check_documents, read
from pipeline.check.render_table import LABELS, mark, title
from pipeline.review.document import legend
from pipeline.review.marks import Mark
from pipeline.review.page import kinds, render_page, span_options
from pipeline.review.spans import render_marks

# How far the shown context reaches around the evidence when its paragraph is
# longer: enough for the sentence before and after it.
CONTEXT = 300


@dataclass(frozen=True)
class CheckPage:
    """The check's result and its page."""

    result: CheckResult
    html: str


def _number(value: float | None) -> str:
    """1234.5 -> "1 234,5"; 8.0 -> "8"."""
    if value is None:
        return "—"
    text = f"{value:,.1f}".removesuffix(".0")
    return text.replace(",", "\u202f").replace(".", ",")


def _window(text: str, start: int, stop: int) -> tuple[int, int]:
    """The paragraph around text[start:stop], cut at CONTEXT characters each side."""
    left = text.rfind("\n", max(0, start - CONTEXT), start)
    right = text.find("\n", stop, stop + CONTEXT)
    left = max(0, start - CONTEXT) if left < 0 else left + 1
    right = min(len(text), stop + CONTEXT) if right < 0 else right
    return left, right


def evidence_html(text: str, cell: Cell) -> Markup | None:
    """The evidence of `cell` highlighted in its paragraph of the report's `text`,
    with the figures it counted; None when the cell has no evidence."""
    ev = cell.evidence
    if ev is None or ev.stop <= ev.start:
        return None
    a, b = _window(text, ev.start, ev.stop)
    marks = [Mark(ev.start - a, ev.stop - a, "evidence", None, ev.text)]
    marks += [
        Mark(f.start - a, f.stop - a, "figure", None, f.text)
        for f in cell.figures
        if f.start is not None and f.stop is not None and a <= f.start and f.stop <= b
    ]
    html, _ = render_marks(text[a:b], marks, kinds(), span_options())
    prefix, suffix = ("… " if a > 0 else ""), (" …" if b < len(text) else "")
    return Markup(f"{prefix}{html}{suffix}") if (prefix or suffix) else Markup(html)


def _norm(cell: Cell, members: float | None) -> dict[str, str] | None:
    n = cell.norm
    if n is None:
        return None
    return {
        "value": _number(n.value),
        "unit": n.unit,
        "per": _number(n.per),
        "members": _number(members),
        "required": _number(n.required),
        "reported": None if n.reported is None else _number(n.reported),
        "percent": None if n.percent is None else _number(n.percent),
    }


def _cell(cell: Cell, text: str, members: float | None) -> dict[str, Any]:
    return {
        "status": cell.status,
        "label": LABELS[cell.status],
        "mark": mark(cell)[0],
        "evidence": evidence_html(text, cell),
        "figures": [f.text for f in cell.figures],
        "norm": _norm(cell, members),
        "reason": cell.reason,
    }


def page_context(result: CheckResult, texts: dict[str, str]) -> dict[str, Any]:
    """What templates/html/check.html prints; texts: each report's text by path."""
    rows = []
    for row in result.reports:
        text = texts.get(row.path, "")
        rows.append(
            {
                "label": row.label,
                "path": row.path,
                "members": None if row.members is None else _number(row.members),
                "cells": [
                    _cell(row.status[d.id], text, row.members)
                    for d in result.directives
                    if d.id in row.status
                ],
                "warnings": [str(w) for w in row.warnings],
            }
        )
    return {
        "title": title(result),
        "directives": [
            {"id": d.id, "text": d.text, "applies": d.applies, "condition": d.condition}
            for d in result.directives
        ],
        "rows": rows,
        "statuses": [{"status": s, "label": LABELS[s]} for s in LABELS],
        "legend": legend({"evidence", "figure"}),
        "failed": [f.message for f in result.failed],
    }


def _reports(paths: Sequence[str | Path], texts: dict[str, str], **options: Any) -> Iterator[Any]:
    from pipeline.review import read_all

    for item in read_all(paths, **options):
        if not isinstance(item, Failure):
            texts[item[0]] = item[1]
        yield item


def check_page(
    decree_path: str | Path, report_paths: Sequence[str | Path], **options: Any
) -> CheckPage:
    """Check the reports against the decree (as `pipeline.check.check` does, with
    the same errors and options) and lay the matrix out as a page."""
    _, decree = read(decree_path, **options)
    texts: dict[str, str] = {}
    result = check_documents(str(decree_path), decree, _reports(report_paths, texts, **options))
    return CheckPage(result, render_page("check.html", page_context(result, texts)))
