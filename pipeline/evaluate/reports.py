"""`decree eval` for reports on execution (corpus/reports/README.md).

Extraction: the reporting organization (compared like an issuer) and the acts the
report answers (`refers_to`, compared like references). Status: for every
`<decree-slug>.status.json` in the folder, `check` runs on the decree (found in
the folder's parent, or the folder itself) and the listed reports; every
(report, directive) status is compared with the gold, scored as accuracy.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.evaluate.keys import reference_key, same_header_field
from pipeline.evaluate.score import Report

if TYPE_CHECKING:
    from pipeline.model import Extraction


def compare_report(gold: dict[str, Any], pred: dict[str, Any], report: Report, slug: str) -> None:
    """Score the `report` block of one document against its gold."""
    if "report" not in gold:
        return
    problems = report.problems.setdefault(slug, [])
    s = report.scores
    g, p = gold["report"] or {}, pred.get("report") or {}
    if "organization" in g:
        right = same_header_field("issuer", g["organization"], p.get("organization"))
        s["organization"].judge(right)
        if not right:
            problems.append(
                f"organization: gold {g['organization']!r} got {p.get('organization')!r}"
            )
    gc = Counter(set(map(reference_key, g.get("refers_to") or [])))
    pc = Counter(set(map(reference_key, p.get("refers_to") or [])))
    missed, extra = s["refers_to"].add(gc, pc)
    problems += [f"refers_to missed: {m}" for m in missed]
    problems += [f"refers_to extra: {m}" for m in extra]


def _decree_path(folder: Path, name: str) -> Path:
    for candidate in (folder.parent / name, folder / name):
        if candidate.exists():
            return candidate
    return folder.parent / name


def score_statuses(folder: Path, read: dict[str, tuple[str, Extraction]], report: Report) -> None:
    """Run `check` for every status gold file of `folder` and score the statuses.

    read: the reports already read by the extraction scoring, by file name
    (text, extraction); others are read here. A report or decree that cannot be
    read scores every one of its cells wrong.
    """
    from pipeline.check import check_documents
    from pipeline.check import read as read_document
    from pipeline.check.result import Failure

    s = report.scores["status"]
    for gold_path in sorted(folder.glob("*.status.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        problems = report.problems.setdefault(gold_path.name, [])
        expected: dict[str, dict[str, str]] = gold.get("reports", {})
        try:
            decree_path = _decree_path(folder, gold["decree"])
            _, decree = read_document(decree_path)
            inputs: list[Any] = []
            for name in expected:
                if name not in read:
                    try:
                        read[name] = read_document(folder / name)
                    except Exception as error:  # noqa: BLE001 - scored as wrong below
                        inputs.append(Failure(name, str(error), 1))
                        continue
                inputs.append((name, *read[name]))
            result = check_documents(str(decree_path), decree, inputs)
        except Exception as error:  # noqa: BLE001 - a failed check scores every cell wrong
            problems.append(f"check failed: {error}")
            result = None
        rows = {row.path: row for row in result.reports} if result else {}
        for name, statuses in expected.items():
            row = rows.get(name)
            for directive, want in statuses.items():
                cell = row.status.get(directive) if row else None
                got = cell.status if cell else None
                s.judge(got == want)
                if got != want:
                    problems.append(f"status {name} п.{directive}: gold {want} got {got}")
