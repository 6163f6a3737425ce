"""The status matrix: directives of a decree by the organizations that reported.

Statuses (corpus/reports/README.md): done, partial, not_done, not_applicable,
no_info. Every cell keeps the sentence of the report that justified it, with
offsets into that report's text, so a person can check the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.model import Figure, Header, to_plain

STATUSES = ("done", "partial", "not_done", "not_applicable", "no_info")


@dataclass(frozen=True)
class Evidence:
    """The sentence of the report behind a status: report_text[start:stop]."""

    text: str
    start: int
    stop: int


@dataclass(frozen=True)
class Norm:
    """A norm of the decree computed for one organization: value per `per` members
    ("1 экземпляр на 100 членов"), what it requires of `members`, what the report
    gives and the percentage. reported/percent are None when the report gives no figure."""

    value: float
    per: float
    unit: str
    required: float
    reported: float | None = None
    percent: float | None = None


@dataclass(frozen=True)
class Cell:
    """The status of one directive for one organization. reason says in a few words
    why when the status does not come from the report's text (a condition on the
    size of the organization, a control clause); None otherwise."""

    status: str
    evidence: Evidence | None = None
    figures: tuple[Figure, ...] = ()
    norm: Norm | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Row:
    """One report: its organization (None when the report names none; label is then
    the file name), membership (None when not given) and a cell per directive id."""

    path: str
    label: str
    organization: str | None
    members: float | None
    status: dict[str, Cell]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A report that could not be read: the one-line message and its exit code."""

    path: str
    message: str
    exit_code: int


@dataclass(frozen=True)
class DirectiveInfo:
    id: str
    text: str
    applies: bool = True  # False: it addresses no member organization
    condition: str | None = None  # "свыше 5000 членов профсоюза"


@dataclass(frozen=True)
class CheckResult:
    """What `pipeline.check.check` returns."""

    decree_path: str
    decree: Header
    directives: tuple[DirectiveInfo, ...]
    reports: tuple[Row, ...]
    failed: tuple[Failure, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: {decree, directives, reports, failed}."""
        return {
            "decree": {"path": self.decree_path, **to_plain(self.decree)},
            "directives": [to_plain(d) for d in self.directives],
            "reports": [_row(r) for r in self.reports],
            "failed": [to_plain(f) for f in self.failed],
        }


def _figure(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "unit": f.unit, "per": f.per, "text": f.text,
            "start": f.start, "stop": f.stop}  # fmt: skip


def _row(row: Row) -> dict[str, Any]:
    return {
        "path": row.path,
        "label": row.label,
        "organization": row.organization,
        "members": row.members,
        "warnings": [w.plain() for w in row.warnings],
        "status": {
            key: {
                "status": cell.status,
                "evidence": to_plain(cell.evidence),
                "figures": [_figure(f) for f in cell.figures],
                "norm": to_plain(cell.norm),
                "reason": cell.reason,
            }
            for key, cell in row.status.items()
        },
    }
