from __future__ import annotations

import os
from pathlib import Path

# The suite's own assertions read English messages: pin the interface language
# here, whatever the machine's locale (tests/test_i18n.py sets it per run).
os.environ["DECREE_LANG"] = "en"

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def sample() -> Path:
    return CORPUS / "sample-drsop-22-3.txt"
