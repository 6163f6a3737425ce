"""A few hundred fuzzed inputs (scripts/fuzz.py, seeded): every one is read or
refused with a typed error; none is an internal error or a hang. The full run
of 10 000 is in README ("Fuzzing")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import fuzz  # noqa: E402


def test_inputs_are_deterministic():
    files = fuzz.corpus_files()
    assert fuzz.make_input(files, 7, 42) == fuzz.make_input(files, 7, 42)


@pytest.mark.parametrize("mutator", fuzz.MUTATORS, ids=lambda m: m.__name__)
def test_every_mutator_changes_some_document(mutator):
    import random

    files = fuzz.corpus_files()
    docx = next(p for p in files if p.suffix == ".docx")
    txt = next(p for p in files if p.suffix == ".txt")
    pdf = next(p for p in files if p.suffix == ".pdf")
    rng = random.Random(1)
    changed = [mutator(rng, p.read_bytes(), p.suffix) != (p.read_bytes(), p.suffix)
               for p in (docx, txt, pdf)]  # fmt: skip
    assert any(changed)


def test_fuzzed_inputs_give_no_internal_error_and_no_hang():
    outcome = fuzz.fuzz(200, seed=7, jobs=2, time_limit=60)
    assert len(outcome) == 200
    failures = {i: o for i, o in outcome.items() if fuzz.is_failure(o[1])}
    assert failures == {}
    refusals = [line for _, code, line in outcome.values() if code not in (0, 1, -1)]
    assert refusals and all("fuzz-" in line and "\n" not in line for line in refusals)


def test_a_letter_newer_than_unicodedata_is_read():
    """pymorphy3 asks unicodedata for a letter's name; U+1743F has none (fuzz #3652)."""
    from pipeline.extract import extract
    from pipeline.nlp import parse
    from tests.docs import doc_from_text

    assert parse("ab\U0001743fcd")
    doc = doc_from_text("ПРИКАЗ\nот 01.02.2024 № 5\nО делах\n1. Отделу \U0001743f провести.")
    assert extract(doc).header.number == "5"


def test_skipped_spans_answer_as_a_scan_would():
    """Spans.covers is `any(a <= x < b)`, in log time (a name repeated 20 000 times
    in one item took minutes, fuzz #4273)."""
    import random

    from pipeline.extract.addressees import Spans

    rng = random.Random(4)
    for _ in range(200):
        spans = [
            (a, a + rng.randrange(1, 30)) for a in rng.sample(range(300), rng.randrange(0, 25))
        ]
        found = Spans(spans)
        for x in range(-2, 340):
            assert found.covers(x) == any(a <= x < b for a, b in spans)
