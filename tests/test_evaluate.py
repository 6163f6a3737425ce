"""`decree eval` itself: every field is scored, false positives are seen, nothing
scores 1.0 on nothing, and a gold without its document fails."""

from __future__ import annotations

import copy
import json
import math

import pytest

from pipeline.evaluate import Report, Score, evaluate_folder, format_report
from pipeline.evaluate.compare import compare

GOLD = {
    "kind": "decree",
    "header": {
        "issuer": "Президиум ДР СОП",
        "doc_type": "постановление",
        "date": "2023-08-15",
        "number": "22-3",
        "place": "г. Махачкала",
        "title": "О мерах по улучшению информационной работы",
    },
    "directives": [
        {
            "id": "1",
            "text": "Создать сайты членским организациям.",
            "parent": None,
            "addressees": ["членские организации"],
            "responsible": [],
            "deadline": {"text": "до 1 октября", "kind": "date", "date": "2023-10-01"},
        },
        {
            "id": "2",
            "text": "Представлять информацию ежемесячно.",
            "parent": None,
            "addressees": [],
            "responsible": [],
            "deadline": {"text": "ежемесячно", "kind": "periodic", "date": None},
        },
        {
            "id": "3",
            "text": "Контроль возложить на Магомедова А.А.",
            "parent": None,
            "addressees": [],
            "responsible": ["Магомедов А.А."],
            "deadline": None,
        },
    ],
    "figures": [{"value": 1, "unit": "экземпляр", "per": 100, "text": "1 экземпляр на 100"}],
    "persons": [{"normal": "Магомедов А.А.", "role": None}],
    "references": [],
    "signatory": {"position": "Председатель", "name": "А.А. Магомедов"},
    "urls": [],
}


def score(pred: dict, gold: dict = GOLD) -> Report:
    report = Report()
    compare(gold, pred, report, "doc")
    return report


def changed(path: str, value) -> dict:
    """A copy of the gold with one value replaced ("directives.1.deadline.kind")."""
    pred = copy.deepcopy(GOLD)
    *parents, last = path.split(".")
    node = pred
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return pred


def test_the_gold_itself_scores_one_on_every_field_it_has():
    report = score(copy.deepcopy(GOLD))
    for name in ("kind", "header", "directives", "deadlines", "deadline_text", "signatory"):
        assert report.f1(name) == 1.0, name
    for name in ("figures", "persons", "responsible", "addressees"):
        assert report.f1(name) == 1.0, name


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("kind", "order", "kind"),
        ("header.number", "22-4", "header"),
        ("header.place", None, "header"),
        ("directives.0.deadline.date", "2023-10-02", "deadlines"),
        ("directives.1.deadline.kind", "permanent", "deadlines"),
        ("directives.1.deadline", None, "deadlines"),
        (
            "directives.2.deadline",
            {"text": "постоянно", "kind": "permanent", "date": None},
            "deadlines",
        ),
        ("directives.0.deadline.text", "в течение года", "deadline_text"),
        ("directives.0.addressees", ["профсоюзы"], "addressees"),
        ("directives.2.responsible", ["Алиев Б.Б."], "responsible"),
        ("signatory.name", "Б.Б. Алиев", "signatory"),
        ("signatory.position", "Секретарь", "signatory"),
        ("signatory", None, "signatory"),
        ("figures.0.per", None, "figures"),
    ],
)
def test_a_wrong_value_lowers_its_field(path, value, field):
    report = score(changed(path, value))
    assert report.f1(field) < 1.0


def test_false_positives_count_where_the_gold_is_empty():
    pred = copy.deepcopy(GOLD)
    pred["urls"] = ["example.org"]
    pred["references"] = [{"doc_type": "приказ", "date": "2020-01-01", "number": "5"}]
    report = score(pred)
    for name in ("urls", "references"):
        s = report.scores[name]
        assert (s.tp, s.fn, s.fp) == (0, 0, 1)
        assert report.f1(name) == 0.0
        assert report.below(name, 0.5)


def test_directives_of_a_report_are_false_positives():
    gold = {"kind": "report", "figures": [], "persons": [], "references": [], "urls": []}
    pred = dict(gold, directives=[{"id": "1", "text": "Принять к сведению.", "deadline": None}])
    report = score(pred, gold)
    assert report.scores["directives"].fp == 1
    assert report.f1("directives") == 0.0


def test_nothing_to_score_is_not_a_perfect_score():
    s = Score()
    assert math.isnan(s.f1) and math.isnan(s.precision) and math.isnan(s.recall)
    report = Report()
    assert report.below("urls", 0.9)
    assert not report.below("urls", 0.0)
    assert "—" in format_report(report)


def test_a_gold_without_its_document_fails(tmp_path):
    (tmp_path / "gone.expected.json").write_text(json.dumps(GOLD), encoding="utf-8")
    report = evaluate_folder(tmp_path)
    assert (report.documents, report.failed) == (1, 1)
    assert report.scores["directives"].fn == 3
    assert report.f1("directives") == 0.0
    assert report.scores["header"].fn == 6


def test_an_unreadable_document_fails(tmp_path):
    (tmp_path / "bad.expected.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    report = evaluate_folder(tmp_path)
    assert report.failed == 1
    assert report.scores["deadlines"].fn == 2
