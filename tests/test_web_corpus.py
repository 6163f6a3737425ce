"""Acts copied from websites (issue 9) against their hand-written gold.

corpus/web (15 acts by another author) is held to the issue's targets. The
web holdout (12 acts by a third author, never read while the reader was tuned)
is held by a regression guard: its single measurement, minus a stated margin.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate_folder, format_report

# Issue 9's targets for web copies: header fields, directive F1, exact deadlines.
WEB_TARGETS = {"header": 0.95, "directives": 0.95, "deadlines": 0.90}

# Regression guard for corpus/web-holdout: F1 measured once, after the web rules were
# built (eval of 2026-12-06), and the margin a change may cost. Not the target.
# First measurement (before the web rules): header 0.792, directives 0.819, deadlines
# 0.736. The header target (0.95) is not met on the holdout.
WEB_HOLDOUT_LAST_MEASURED = {
    "kind": 1.000,
    "header": 0.903,
    "directives": 1.000,
    "deadlines": 0.938,
    "deadline_text": 0.953,
    "figures": 0.989,
    "persons": 0.966,
    "references": 0.903,
    "signatory": 1.000,
}
GUARD_MARGIN = 0.02


@pytest.fixture(scope="module")
def web(corpus):
    return evaluate_folder(corpus / "web")


@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), WEB_TARGETS.items())
def test_web_copies_meet_the_targets(web, field, target):
    assert web.documents >= 15 and web.failed == 0
    assert web.f1(field) >= target, format_report(web, details=True)


@pytest.mark.slow
def test_web_holdout_regression_guard(corpus):
    report = evaluate_folder(corpus / "web-holdout")
    assert report.documents >= 12 and report.failed == 0
    for field, last in WEB_HOLDOUT_LAST_MEASURED.items():
        assert report.scores[field].support > 0, field
        assert report.f1(field) >= last - GUARD_MARGIN, (field, format_report(report))
