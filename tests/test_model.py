"""The facts survive a JSON round trip; JSON is deterministic."""

from __future__ import annotations

import json

from pipeline import extract_file
from pipeline.model import Extraction, to_json, to_plain


def test_round_trip(sample):
    extraction = extract_file(sample)
    text = to_json(extraction)
    again = Extraction.from_json(json.loads(text))
    assert to_plain(again) == to_plain(extraction)
    assert to_json(again) == text


def test_json_is_sorted_and_keeps_cyrillic(sample):
    text = to_json(extract_file(sample))
    assert "Постановление" not in text or "\\u" not in text
    data = json.loads(text)
    assert list(data) == sorted(data)
