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
