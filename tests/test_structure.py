"""Header, operative part and items, on small texts: [text, expected] tables."""

from __future__ import annotations

import pytest

from pipeline.extract.header import read_header
from pipeline.extract.lines import split_lines
from pipeline.extract.structure import find_operative, read_items
from tests.docs import doc_from_text

HEADERS = [
    (
        "ПРЕЗИДИУМ\nПОСТАНОВЛЕНИЕ\n15.08.2023г.\nг. Махачкала\n№ 22-3\n"
        "О мерах по улучшению информационной работы\nПрезидиум отмечает, что работа идёт.",
        {
            "doc_type": "постановление",
            "date": "2023-08-15",
            "number": "22-3",
            "place": "г. Махачкала",
            "title": "О мерах по улучшению информационной работы",
        },
    ),
    (
        "П Р Е З И Д И У М\nП О С Т А Н О В Л Е Н И Е\n«03» марта 2021 г.\t№ 5-1\n"
        "Об итогах колдоговорной кампании\nПрезидиум отмечает, что кампания прошла.",
        {
            "doc_type": "постановление",
            "date": "2021-03-03",
            "number": "5-1",
            "title": "Об итогах колдоговорной кампании",
        },
    ),
    (
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ ДАГЕСТАН\nПРИКАЗ\n"
        "от 01.02.2022\tN 123-Пр\nг. Махачкала\nО проведении олимпиады\nВ целях развития:",
        {
            "doc_type": "приказ",
            "date": "2022-02-01",
            "number": "123-Пр",
            "issuer": "Министерство образования и науки Республики Дагестан",
            "title": "О проведении олимпиады",
        },
    ),
    (
        "АДМИНИСТРАЦИЯ ГОРОДА\nРАСПОРЯЖЕНИЕ\n____ октября 2021 года № ___\n"
        "О подготовке к зиме\nВ целях подготовки:",
        {"doc_type": "распоряжение", "date": None, "number": None},
    ),
    (
        "ВЫПИСКА ИЗ ПРОТОКОЛА\nзаседания Президиума\n12.05.2020\t№ 7\nСЛУШАЛИ: о плане.",
        {"doc_type": "выписка из протокола", "date": "2020-05-12", "number": "7"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS)
def test_header(text, expected):
    doc = doc_from_text(text)
    header = read_header(doc.text, split_lines(doc)).header
    for field, value in expected.items():
        assert getattr(header, field) == value, field


def _ids(text: str, tables=None) -> list[tuple[str, str | None]]:
    doc = doc_from_text(text, tables)
    lines = split_lines(doc)
    head = read_header(doc.text, lines)
    items = []
    for region in find_operative(doc.text, lines, head.body_start):
        items.extend(read_items(doc.text, lines, region))
    return [(it.id, it.parent) for it in items]


ITEMS = [
    (
        "ПОСТАНОВЛЕНИЕ\nО делах\nПрезидиум постановляет:\n1. Принять к сведению.\n"
        "2. Поручить отделу:\n2.1. Провести проверку.\n2.2. Подготовить отчёт.\n"
        "3. Контроль возложить на Иванова И.И.\nПредседатель\tА.А. Магомедов",
        [("1", None), ("2", None), ("2.1", "2"), ("2.2", "2"), ("3", None)],
    ),
    (
        "ПРИКАЗ\nО делах\nП Р И К А З Ы В А Ю:\n1. Обязать:\nа) директора провести;\n"
        "б) завуча проверить.\n2. Контроль оставляю за собой.\nДиректор\tИ.И. Петров",
        [("1", None), ("1.а", "1"), ("1.б", "1"), ("2", None)],
    ),
    (
        "РЕШЕНИЕ\nО делах\nСовет РЕШИЛ:\nИнформацию принять к сведению.\n"
        "Рекомендовать председателям обеспечить явку.\nПредседатель\tА.А. Магомедов",
        [("1", None), ("2", None)],
    ),
    (
        "ПОСТАНОВЛЕНИЕ\nО делах\nВ целях улучшения работы:\n1. Провести семинар.\n"
        "2. Рекомендовать председателям:\n- обеспечить явку;\n- подготовить отчёты.\n"
        "Председатель\tА.А. Магомедов",
        [("1", None), ("2", None), ("2.1", "2"), ("2.2", "2")],
    ),
    (
        "ПОСТАНОВЛЕНИЕ\nО делах\nпостановляет:\n1. Утвердить план мероприятий:",
        [("1", None), ("1.1", "1"), ("1.2", "1")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ITEMS[:4])
def test_items(text, expected):
    assert _ids(text) == expected


def test_plan_table_rows_under_item():
    text, expected = ITEMS[4]
    table = [
        ["№ п/п", "Мероприятие", "Срок", "Ответственный"],
        ["1.", "Провести семинар", "До 12.07.2024", "Иванов И.И."],
        ["2.", "Подготовить отчёт", "", "Петров П.П."],
    ]
    assert _ids(text, [table]) == expected
