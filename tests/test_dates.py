from datetime import date

import pytest

from pipeline.extract.deadlines.dates import add_months, find_dates, parse_date

DOC = date(2023, 8, 15)

# text, matched span, precision, resolved against DOC
FIND = [
    ("15.08.2023", "15.08.2023", "day", "2023-08-15"),
    ("15.08.2023г.", "15.08.2023г.", "day", "2023-08-15"),
    ("15.08.2023 г.", "15.08.2023 г.", "day", "2023-08-15"),
    ("15.08.23", "15.08.23", "day", "2023-08-15"),
    ("1.09.17 г", "1.09.17 г", "day", "2017-09-01"),
    ("06.04.98", "06.04.98", "day", "1998-04-06"),
    ("1.9.2017", "1.9.2017", "day", "2017-09-01"),
    ("15 августа 2023 г.", "15 августа 2023 г.", "day", "2023-08-15"),
    ("15 августа 2023 года", "15 августа 2023 года", "day", "2023-08-15"),
    ("«15» августа 2023 г.", "«15» августа 2023 г.", "day", "2023-08-15"),
    ('"15" августа 2023г.', '"15" августа 2023г.', "day", "2023-08-15"),
    ("15 сент. 2023 г.", "15 сент. 2023 г.", "day", "2023-09-15"),
    ("15-го августа", "15-го августа", "partial-day", "2023-08-15"),
    ("1 октября", "1 октября", "partial-day", "2023-10-01"),
    ("до 15 января", "15 января", "partial-day", "2024-01-15"),
    ("до 15.08.", "15.08.", "partial-day", "2023-08-15"),
    ("15.08 провести", "15.08", "partial-day", "2023-08-15"),
    ("29.02", "29.02", "partial-day", "2024-02-29"),
    ("10 июня т.г.", "10 июня т.г.", "day", "2023-06-10"),
    ("1 марта следующего года", "1 марта следующего года", "day", "2024-03-01"),
    ("т.г.", "т.г.", "year", "2023-12-31"),
    ("т. г.", "т. г.", "year", "2023-12-31"),
    ("с.г.", "с.г.", "year", "2023-12-31"),
    ("текущего года", "текущего года", "year", "2023-12-31"),
    ("в январе 2025 года", "январе 2025 года", "month", "2025-01-31"),
    ("в январе т.г.", "январе т.г.", "month", "2023-01-31"),
    ("в январе", "январе", "month", "2024-01-31"),
    ("Сентябрь", "Сентябрь", "month", "2023-09-30"),
    ("в IV квартале 2024 г.", "IV квартале 2024 г.", "quarter", "2024-12-31"),
    ("в 4 квартале", "4 квартале", "quarter", "2023-12-31"),
    ("во II квартале т.г.", "II квартале т.г.", "quarter", "2023-06-30"),
    ("в первом квартале следующего года", "первом квартале следующего года", "quarter",
     "2024-03-31"),
    ("1 кв. 2024 г.", "1 кв. 2024 г.", "quarter", "2024-03-31"),
    ("I-II квартал", "I-II квартал", "quarter", "2024-06-30"),
    ("в I полугодии 2025 г.", "I полугодии 2025 г.", "half", "2025-06-30"),
    ("во втором полугодии", "втором полугодии", "half", "2023-12-31"),
    ("в течение 2025 года", "2025 года", "year", "2025-12-31"),
    ("в 2024-2025 гг.", "2024-2025 гг.", "year", "2025-12-31"),
    ("до конца 2024 года", "конца 2024 года", "year", "2024-12-31"),
    ("до конца года", "конца года", "year", "2023-12-31"),
    ("до конца сентября", "конца сентября", "month", "2023-09-30"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "precision", "expected"), FIND)
def test_find_dates(text, span, precision, expected):
    (match,) = find_dates(text)
    assert text[match.start : match.stop] == span
    assert match.precision == precision
    assert match.resolve(DOC).isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "выполнен на 10,4%",
        "10.4 млн рублей",
        "№ 01-03/778",
        "приказ № 123-Пр",
        "№ 1566/1",
        "п. 2.10 постановления",
        "пункт 3.12",
        "3.1.12",
        "151 кв.м",
        "в 10.00 часов",
        "1.5 ставки",
        "31.02.2023",
        "до 5000 членов",
        "п.г.т. Ленинский",
        "2000 рублей",
        "IV-1.4",
    ],
)
def test_not_a_date(text):
    assert find_dates(text) == []


def test_range_without_dash():
    first, second = find_dates("15.06. 15.08.2011")
    assert (first.precision, first.month, first.day) == ("partial-day", 6, 15)
    assert second.date == date(2011, 8, 15)


def test_partial_needs_doc_date():
    (match,) = find_dates("1 октября")
    assert match.date is None
    assert match.resolve(None) is None
    assert match.resolve(date(2023, 11, 20)) == date(2024, 10, 1)
    assert match.resolve(None, after=date(2020, 1, 1)) == date(2020, 10, 1)


def test_complete_date_without_doc_date():
    (match,) = find_dates("06.04.98")
    assert match.resolve(None) == date(1998, 4, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.08.2023г.", date(2023, 8, 15)),
        ("от 15 августа 2023 года", date(2023, 8, 15)),
        ("«01» октября 2021 г. № 48-р", date(2021, 10, 1)),
        ("06.04.98 № 12", date(1998, 4, 6)),
        ("____ октября 2021 года", None),
        ("№ 22-3", None),
        ("г. Махачкала", None),
        ("15 августа", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 11, 15), 3, date(2024, 2, 15)),
        (date(2023, 8, 15), 12, date(2024, 8, 15)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected
