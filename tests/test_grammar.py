"""Noun groups put in another case (extract/grammar.py): [phrase, case, expected]."""

from __future__ import annotations

import pytest

from pipeline.extract.grammar import inflect_phrase

CASES = [
    ("профсоюзный комитет", "accs", "профсоюзный комитет"),  # inanimate: accs = nomn
    ("главный специалист", "accs", "главного специалиста"),  # animate: accs = gent
    ("первичная профсоюзная организация", "accs", "первичную профсоюзную организацию"),
    ("членские организации", "accs", "членские организации"),
    ("исполняющий обязанности директора", "gent", "исполняющего обязанности директора"),
    ("исполняющий обязанности директора", "ablt", "исполняющим обязанности директора"),
    ("уполномоченный по охране труда", "accs", "уполномоченного по охране труда"),
    ("уполномоченный по охране труда", "datv", "уполномоченному по охране труда"),
    ("Российский профсоюз работников культуры", "accs", "Российский профсоюз работников культуры"),
]


@pytest.mark.parametrize(("phrase", "case", "expected"), CASES)
def test_inflect_phrase(phrase, case, expected):
    assert inflect_phrase(phrase, case, "nomn") == expected
