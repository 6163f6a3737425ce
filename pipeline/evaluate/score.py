"""Counts and their ratios: one `Score` per field, one `Report` per folder.

A field with nothing in the gold and nothing printed has no score (NaN, shown
as "—"), never a perfect one; a field whose gold is empty but where the program
printed something scores 0: its false positives are visible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pipeline.i18n import _

# The rows of the table, in the order printed. Fields scored as accuracy
# (kind, header, signatory, organization, status) count a wrong value both as a
# miss and as a false positive, so that their F1 is the accuracy.
FIELDS = (
    "kind",
    "header",
    "directives",
    "deadlines",
    "deadline_text",
    "addressees",
    "responsible",
    "figures",
    "persons",
    "references",
    "urls",
    "signatory",
    "organization",  # reports: see reports.py
    "refers_to",
    "status",
)
HEADER_FIELDS = ("issuer", "doc_type", "date", "number", "place", "title")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Any, pred: Any) -> tuple[list, list]:
        """Add two Counters of keys; returns (missed, extra) keys."""
        common = gold & pred
        self.tp += sum(common.values())
        missed = sorted((gold - pred).elements(), key=repr)
        extra = sorted((pred - gold).elements(), key=repr)
        self.fn += len(missed)
        self.fp += len(extra)
        return missed, extra

    def judge(self, right: bool) -> None:
        """One accuracy decision: right, or wrong (a miss and a false positive)."""
        if right:
            self.tp += 1
        else:
            self.fn += 1
            self.fp += 1

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f1(self) -> float:
        """NaN when there was nothing to score; 0 for false positives alone."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else math.nan


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    header_fields: dict[str, Score] = field(
        default_factory=lambda: {f: Score() for f in HEADER_FIELDS}
    )
    problems: dict[str, list[str]] = field(default_factory=dict)
    documents: int = 0
    failed: int = 0

    def f1(self, name: str) -> float:
        return self.scores[name].f1

    def below(self, name: str, limit: float) -> bool:
        """True when a positive `limit` is not met; a field with nothing to score
        does not meet it."""
        score = self.f1(name)
        return limit > 0 and (math.isnan(score) or score < limit)

    def summary(self) -> dict[str, Any]:
        def ratio(x: float) -> float | None:
            return None if math.isnan(x) else round(x, 4)

        def row(s: Score) -> dict[str, Any]:
            return {
                "precision": ratio(s.precision),
                "recall": ratio(s.recall),
                "f1": ratio(s.f1),
                "support": s.support,
                "false_positives": s.fp,
            }

        return {
            "documents": self.documents,
            "failed": self.failed,
            "fields": {name: row(s) for name, s in self.scores.items()},
            "header_fields": {name: row(s) for name, s in self.header_fields.items()},
        }


REPORT_ONLY = ("organization", "refers_to", "status")


def format_report(report: Report, details: bool = False) -> str:
    def cell(x: float, width: int) -> str:
        return f"{'—':>{width}}" if math.isnan(x) else f"{x:>{width}.3f}"

    def line(name: str, s: Score) -> str:
        return (
            f"{name:<14}{cell(s.precision, 9)} {cell(s.recall, 7)} {cell(s.f1, 6)}"
            f" {s.support:>8} {s.fp:>6}"
        )

    heads = [_("field"), _("precision"), _("recall"), "F1", _("support"), _("extra")]
    widths = (-14, 9, 7, 6, 8, 6)
    rows = [
        "".join(
            (f"{h:<{-w}}" if w < 0 else f" {h:>{w}}" if k > 1 else f"{h:>{w}}")
            for k, (h, w) in enumerate(zip(heads, widths, strict=True))
        )
    ]
    for name, s in report.scores.items():
        if name in REPORT_ONLY and not s.tp + s.fn + s.fp:
            continue  # report fields: shown where the folder has reports
        rows.append(line(name, s))
        if name == "header" and details:
            rows.extend(line("  " + n, hs) for n, hs in report.header_fields.items())
    rows.append(
        _("documents: {count}, failed: {failed}").format(
            count=report.documents, failed=report.failed
        )
    )
    if details:
        for slug, problems in report.problems.items():
            if problems:
                rows.append(f"\n{slug}")
                rows.extend(f"  {p}" for p in problems)
    return "\n".join(rows)
