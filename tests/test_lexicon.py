"""The shared lexicon: each pattern written once and read the same by every user."""

from __future__ import annotations

import re

import pytest

from pipeline.extract.header import NUMBER_RE
from pipeline.extract.lexicon import (
    DEADLINE_LINE_RE,
    DOC_TYPES,
    NUMBER_SIGN,
    POSITIONS,
    ROLE_NOUNS,
)
from pipeline.extract.references import find_references

NUMBERS = [
    ("от 15.08.2023 № 22-3", "22-3"),
    ("от 17.03.98 N 64", "64"),
    ("от 17.03.98 N64", "64"),
    ("от 01.02.2022 No. 123", "123"),
    ("от 15.08.2023 в„– 22-3", "22-3"),
    ("№№ 5", "5"),
    ("ООО N-Телеком", None),  # a Latin N before a letter is no sign
]


@pytest.mark.parametrize(("line", "number"), NUMBERS)
def test_header_number(line, number):
    m = NUMBER_RE.search(line)
    assert (m.group("number") if m else None) == number


REFERENCE_NUMBERS = [
    ("приказом Минтруда России от 01.02.2022 No. 123", "123"),
    ("приказом Минтруда России от 01.02.2022 № 123", "123"),
    ("приказом Минтруда России от 01.02.2022 N 123", "123"),
    ("приказом Минтруда России от 01.02.2022 в„– 123", "123"),
]


@pytest.mark.parametrize(("text", "number"), REFERENCE_NUMBERS)
def test_reference_number(text, number):
    assert [r.number for r in find_references(text)] == [number]


@pytest.mark.parametrize(
    ("text", "number"),
    [("№ 12", "12"), ("N 12", "12"), ("No.12", "12"), ("№№ 12", "12"), ("в„–12", "12")],
)
def test_number_sign(text, number):
    assert re.fullmatch(NUMBER_SIGN + r"\s*(\d+)", text).group(1) == number


DEADLINE_LINES = [
    ("Срок - до 1 октября", "до 1 октября"),
    ("Срок исполнения: IV квартал", "IV квартал"),
    ("Срок исп.: до 01.12.2023", "до 01.12.2023"),
    ("Сроки представления – ежеквартально", "ежеквартально"),
    ("Срок предоставления: до 5 числа", "до 5 числа"),
    ("Сроки: постоянно", "постоянно"),
]


@pytest.mark.parametrize(("line", "rest"), DEADLINE_LINES)
def test_deadline_line(line, rest):
    assert line[DEADLINE_LINE_RE.match(line).end() :] == rest


def test_heading_types():
    assert DOC_TYPES == {
        "ПОСТАНОВЛЕНИЕ": ("постановление", "decree"),
        "РЕШЕНИЕ": ("решение", "decree"),
        "ПРИКАЗ": ("приказ", "order"),
        "РАСПОРЯЖЕНИЕ": ("распоряжение", "order"),
        "ВЫПИСКАИЗПРОТОКОЛА": ("выписка из протокола", "protocol"),
        "ПРОТОКОЛ": ("протокол", "protocol"),
        "ВЫПИСКА": ("выписка из протокола", "protocol"),
    }


def test_positions_once():
    assert len(POSITIONS) == len(set(POSITIONS))
    assert {"председатель", "ректор", "президент", "заведующая", "учитель"} <= ROLE_NOUNS
