"""Acts copied from websites (issue 9) against their hand-written gold.

corpus/web (63 acts: 15 by one author, then 12 each of the former web holdout,
web-holdout2, web-holdout3 and web-holdout4 by four more authors, each group read
after its holdout measurements) is held to the issue's targets. The fresh holdout,
corpus/web-holdout5, is left alone here: it is measured, not read.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate_folder, format_report

# Issue 9's targets for web copies: header fields, directive F1, exact deadlines.
WEB_TARGETS = {"header": 0.95, "directives": 0.95, "deadlines": 0.90}

# Regression guard for the other fields of corpus/web: F1 of the eval of 2026-12-07,
# after the former web-holdout4 joined, and the margin a change may cost. Not targets.
WEB_LAST_MEASURED = {
    "kind": 1.000,
    "deadline_text": 0.996,
    "addressees": 0.941,
    "responsible": 0.979,
    "figures": 0.992,
    "persons": 0.996,
    "references": 0.978,
    "signatory": 1.000,
}
GUARD_MARGIN = 0.02


@pytest.fixture(scope="module")
def web(corpus):
    return evaluate_folder(corpus / "web")


@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), WEB_TARGETS.items())
def test_web_copies_meet_the_targets(web, field, target):
    assert web.documents >= 63 and web.failed == 0
    assert web.f1(field) >= target, format_report(web, details=True)


@pytest.mark.slow
@pytest.mark.parametrize(("field", "last"), WEB_LAST_MEASURED.items())
def test_web_regression_guard(web, field, last):
    assert web.scores[field].support > 0, field
    assert web.f1(field) >= last - GUARD_MARGIN, (field, format_report(web))
