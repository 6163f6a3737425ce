"""`decree eval`: score extraction against hand-written gold files.

For every `<slug>.expected.json` in a folder, the document `<slug>.<ext>` beside
it is extracted and compared field by field (compare.py, reports.py). The kind,
the header fields, the signatory, a report's organization and the statuses are
scored as accuracy; directives, deadlines, figures, persons, references and
URLs as precision / recall / F1 over matched items. A gold file whose document
is missing, or whose document cannot be read, counts as a failed document and
scores every gold item as missed.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.compare import compare
from pipeline.evaluate.reports import compare_report, score_statuses
from pipeline.evaluate.score import FIELDS, Report, Score, format_report
from pipeline.model import to_plain

__all__ = ["FIELDS", "Report", "Score", "evaluate_folder", "find_documents", "format_report"]


def find_documents(folder: Path) -> list[tuple[Path | None, Path]]:
    """(document, gold) pairs in `folder`; the document is `<slug>.<ext>` or a
    folder `<slug>` of page photos, None where the gold has none beside it."""
    pairs: list[tuple[Path | None, Path]] = []
    for gold in sorted(folder.glob("*.expected.json")):
        slug = gold.name[: -len(".expected.json")]
        docs = [p for p in folder.glob(slug + ".*") if p != gold and not p.name.endswith(".json")]
        docs = sorted(p for p in docs if p.name[len(slug) :].count(".") == 1)
        if not docs and (folder / slug).is_dir():
            docs = [folder / slug]  # a folder of page photos is one document
        pairs.append((docs[0] if docs else None, gold))
    return pairs


def evaluate_folder(folder: Path) -> Report:
    from pipeline.check import read as read_document

    report = Report()
    read: dict = {}  # file name -> (text, extraction), reused by the status scoring
    for doc, gold_path in find_documents(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = doc.name if doc else gold_path.name
        report.documents += 1
        pred: dict = {}
        if doc is None:
            report.failed += 1
            report.problems.setdefault(name, []).append("failed: no document beside the gold")
        else:
            try:
                read[doc.name] = read_document(doc)
                pred = to_plain(read[doc.name][1])
            except Exception as error:  # noqa: BLE001 - a failed document scores zero
                report.failed += 1
                report.problems.setdefault(name, []).append(f"failed: {error}")
        compare(gold, pred, report, name)
        compare_report(gold, pred, report, name)
    score_statuses(folder, read, report)
    return report
