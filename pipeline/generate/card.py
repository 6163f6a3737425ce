"""The context of a control card (карточка контроля исполнения): one row per
item of the decree — its content, executor, deadline, what the reports say and
the status; statuses filled from `decree check` when reports are given."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.check.result import CheckResult
from pipeline.generate.resolution import cite
from pipeline.generate.wording import numeric_date, text_date
from pipeline.model import Extraction

STATUS_WORDS = {
    "done": "выполнено",
    "partial": "выполнено частично",
    "not_done": "не выполнено",
    "not_applicable": "не относится",
    "no_info": "нет сведений",
}
KIND_WORDS = {"periodic": "периодически", "permanent": "постоянно", "event": "по событию"}


def _deadline(d) -> str:
    if d.deadline is None:
        return "—"
    if d.deadline.date:
        return numeric_date(date.fromisoformat(d.deadline.date))
    return d.deadline.text or KIND_WORDS.get(d.deadline.kind, "—")


def _executor(d) -> str:
    people = ", ".join(d.responsible)
    units = ", ".join(d.addressees)
    return "; ".join(x for x in (units, people) if x) or "—"


def _report_and_status(item: str, result: CheckResult | None) -> tuple[str, str]:
    if result is None or not result.reports:
        return "—", "на контроле"
    counts: dict[str, int] = {}
    for row in result.reports:
        cell = row.status.get(item)
        if cell is not None:
            counts[cell.status] = counts.get(cell.status, 0) + 1
    concerned = sum(v for k, v in counts.items() if k != "not_applicable")
    if not concerned:
        return "не относится к представившим отчёты", "—"
    parts = [f"{STATUS_WORDS[k]} — {counts[k]}" for k in STATUS_WORDS if counts.get(k)]
    done = counts.get("done", 0)
    status = "исполнено" if done == concerned else "на контроле"
    return "; ".join(parts), status


def build_card_context(
    decree: Extraction, result: CheckResult | None = None, as_of: date | None = None
) -> dict[str, Any]:
    """The context of templates/docx/control_card.docx."""
    h = decree.header
    rows = []
    for d in decree.directives:
        report, status = _report_and_status(d.id, result)
        rows.append(
            {
                "id": d.id,
                "text": d.text,
                "executor": _executor(d),
                "deadline": _deadline(d),
                "report": report,
                "status": status,
            }
        )
    controller = "—"
    if decree.control and decree.control.responsible:
        controller = ", ".join(decree.control.responsible)
    elif decree.signatory and decree.signatory.name:
        controller = f"{decree.signatory.position or ''} {decree.signatory.name}".strip()
    reported = len(result.reports) if result else 0
    done = sum(1 for r in rows if r["status"] == "исполнено")
    summary = f"пунктов {len(rows)}, исполнено {done}" + (
        f"; отчётов получено {reported}" if result else ""
    )
    doc = cite(decree, with_title=False, case="nomn")
    return {
        "document": doc[:1].upper() + doc[1:],
        "title": h.title or "",
        "controller": controller,
        "as_of": text_date(as_of or date.today()),
        "summary": summary,
        "rows": rows,
    }
