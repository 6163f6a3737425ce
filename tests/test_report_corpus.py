"""Reports on execution against the hand-written gold of corpus/reports (extraction
and the statuses of `decree check`), with the thresholds of the reports issue."""

from __future__ import annotations

import pytest

from decree.evaluate import evaluate_folder, format_report

THRESHOLDS = {
    "organization": 0.95,
    "refers_to": 0.95,
    "references": 0.95,
    "persons": 0.95,
    "urls": 0.95,
    "figures": 0.90,
    "status": 0.90,
}


@pytest.fixture(scope="module")
def report(corpus):
    folder = corpus / "reports"
    if not any(folder.glob("*.status.json")):
        pytest.skip("corpus/reports has no status gold yet")
    return evaluate_folder(folder)


@pytest.mark.slow
def test_reports_are_read(report):
    assert report.documents >= 10
    assert report.failed == 0, format_report(report, details=True)
    assert report.scores["status"].tp + report.scores["status"].fn >= 50


@pytest.mark.slow
@pytest.mark.parametrize(("field", "limit"), THRESHOLDS.items())
def test_reports_meet_thresholds(report, field, limit):
    assert report.f1(field) >= limit, format_report(report, details=True)


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["reports-holdout", "reports-holdout2"])
def test_reports_by_other_authors_hold(corpus, folder):
    """Reports other authors wrote: the same thresholds (other acts a report cites
    are held a little lower: a report names its own decisions loosely)."""
    result = evaluate_folder(corpus / folder)
    assert result.documents >= 10
    assert result.failed == 0
    for field, limit in THRESHOLDS.items():
        limit = limit - 0.1 if field == "references" else limit
        assert result.f1(field) >= limit, (field, format_report(result, details=True))
