"""Acts copied from websites: the genre's rules on small texts, [text, expected] tables."""

from __future__ import annotations

import pytest

from pipeline.extract.furniture import find_furniture, is_furniture
from pipeline.extract.header import read_header
from pipeline.extract.lines import split_lines
from pipeline.extract.structure import find_operative, header_limit, read_items
from tests.docs import doc_from_text


def _ids(text: str) -> list[tuple[str, str | None]]:
    doc = doc_from_text(text)
    lines = split_lines(doc)
    head = read_header(doc.text, lines)
    items = []
    for region in find_operative(doc.text, lines, head.body_start):
        items.extend(read_items(doc.text, lines, region))
    return [(it.id, it.parent) for it in items]


GLUED_ITEMS = [
    (  # items glued to their numbers, sub-items too
        "ПОСТАНОВЛЕНИЕ\nО делах\nпостановляет:\n1.Утвердить план.\n2.Поручить отделу:\n"
        "2.1.в срок до 1 мая провести проверку;\n2.2.подготовить отчёт.\n"
        "3.Контроль возложить на Иванова И.И.",
        [("1", None), ("2", None), ("2.1", "2"), ("2.2", "2"), ("3", None)],
    ),
    (  # no marker: the preamble ends with ":" and glued items follow
        "РАСПОРЯЖЕНИЕ\nО делах\nВ целях развития культуры:\n1.Провести смотр.\n"
        "2.«Положение» утвердить.",
        [("1", None), ("2", None)],
    ),
    (  # a date that starts a line is not a label
        "ПРИКАЗ\nО делах\nПРИКАЗЫВАЮ:\n1. Провести проверку до\n15.06.2007 г. включительно.",
        [("1", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_ITEMS)
def test_glued_items(text, expected):
    assert _ids(text) == expected


FURNITURE = [
    ("Главная / Документы / Приказы", True),
    ("Главная » Документы » Постановления Президиума", True),
    ("Опубликовано 16.03.2009 09:40 | Просмотров: 1318", True),
    ("Опубликовано: 02.04.2018 | Автор: admin | Просмотров: 96", True),
    ("20.12.2022 | Орготдел | Просмотров: 173", True),
    ("Автор: Администратор", True),
    ("Сведения об организации | Новости | Родителям | Контакты", True),
    ("Приложение к постановлению (doc)", True),
    ("Версия для печати | Отправить другу", True),
    ("© Правительство Курганской области, 2009", True),
    ("Опубликовать настоящее постановление в газете «Северный вестник».", False),
    ("1. Утвердить план мероприятий.", False),
    ("Главная задача — обеспечить явку.", False),
    ("Автором проекта является отдел.", False),
]


@pytest.mark.parametrize(("line", "expected"), FURNITURE)
def test_furniture_line(line, expected):
    assert is_furniture(line) is expected


METADATA = [
    (  # the metadata block is the only place of the date and the number
        "Сайт района\nГлавная / Документы\nО мерах\nНомер\n117-р\nДата документа\n16.02.2021\n"
        "Статус\nДействует\nАДМИНИСТРАЦИЯ РАЙОНА\nРАСПОРЯЖЕНИЕ\nО мерах\nВ целях защиты:\n"
        "1. Создать комиссию.",
        ("2021-02-16", "117-р", 9),
    ),
    (
        "Министерство\nГлавная > Документы\nНомер документа: 100-1245\n"
        "Дата подписания: 12.11.2015\nМИНИСТЕРСТВО\nПРИКАЗ\nот 12.11.2015 № 100-1245\nО плане",
        ("2015-11-12", "100-1245", 4),
    ),
    (  # a typed act without furniture keeps every line
        "ПРЕЗИДИУМ\nПОСТАНОВЛЕНИЕ\n15.08.2023\t№ 22-3\nО делах\nПрезидиум постановляет:",
        (None, None, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), METADATA)
def test_metadata_and_masthead(text, expected):
    doc = doc_from_text(text)
    lines = split_lines(doc)
    found = find_furniture(doc.text, lines, header_limit(doc.text, lines))
    assert (found.date, found.number, len(found.lines)) == expected
    assert found.lines == frozenset(range(expected[2]))
