"""The whole pipeline against the hand-written gold of the corpus.

The development corpus is held to the targets of the extraction issue. The
holdout set (documents by another author, never tuned on) has not met every
target: it is held by a regression guard — the figure last measured on it,
minus a stated margin — and the README says where the target is not met.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate_folder, format_report

# The extraction issue's targets: header fields, directive F1, exact deadlines
# (date and kind), figure F1, person F1.
TARGETS = {
    "header": 0.97,
    "directives": 0.95,
    "deadlines": 0.95,
    "figures": 0.90,
    "persons": 0.90,
}

# Regression guard for corpus/holdout: last measured F1 (eval of 2026-12-06), and
# the margin a change may cost before this test fails. Not the target.
HOLDOUT_LAST_MEASURED = {
    "kind": 1.000,
    "header": 0.944,
    "directives": 0.976,
    "deadlines": 0.954,
    "figures": 0.957,
    "persons": 0.913,
    "references": 0.875,
    "signatory": 1.000,
}
GUARD_MARGIN = 0.02


@pytest.fixture(scope="module")
def development(corpus):
    return evaluate_folder(corpus)


@pytest.mark.slow
def test_corpus_is_read_whole(development):
    assert development.documents >= 50
    assert development.failed == 0, format_report(development, details=True)


@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), TARGETS.items())
def test_corpus_meets_the_targets(development, field, target):
    assert development.scores[field].support > 0
    assert development.f1(field) >= target, format_report(development, details=True)


@pytest.mark.slow
def test_corpus_kind_and_signatory_are_right(development):
    for field in ("kind", "signatory"):
        assert development.scores[field].support == development.documents
        assert development.f1(field) >= 0.95, format_report(development, details=True)


@pytest.mark.slow
def test_holdout_regression_guard(corpus):
    report = evaluate_folder(corpus / "holdout")
    assert report.documents >= 10
    assert report.failed == 0
    for field, last in HOLDOUT_LAST_MEASURED.items():
        assert report.scores[field].support > 0, field
        assert report.f1(field) >= last - GUARD_MARGIN, (field, format_report(report))
