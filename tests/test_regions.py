"""Federal subjects as data: the table itself, references to regional acts and codes,
the abbreviations of the status table."""

from __future__ import annotations

import re

import pytest

from pipeline.check.render_table import short_labels
from pipeline.extract.persons import find_persons
from pipeline.extract.references import find_references
from pipeline.extract.regions import abbreviate, load_regions, nominative


def test_all_subjects_with_genitives():
    regions = load_regions()
    assert len(regions) == 89
    assert all(r.name.strip() and r.genitive.strip() for r in regions)
    assert len({r.name for r in regions}) == len({r.genitive for r in regions}) == 89
    assert all(r.abbreviation is None or r.abbreviation.strip() for r in regions)
    # 24 republics, 9 krais, 48 oblasts and the autonomous one, 3 cities, 4 okrugs
    kinds = [r"Республика", r"край$", r"область", r"^город ", r"автономный округ"]
    assert [sum(bool(re.search(k, r.name)) for r in regions) for k in kinds] == [24, 9, 49, 3, 4]


REFERENCES = [
    (
        "в соответствии с Законом Курганской области от 12.03.2015 № 20 «О местном самоуправлении»",
        [("закон", "Курганская область", "2015-03-12", "20", "О местном самоуправлении")],
    ),
    (
        "согласно Закону Ханты-Мансийского автономного округа — Югры от 30.09.2011 № 96-оз",
        [("закон", "Ханты-Мансийский автономный округ — Югра", "2011-09-30", "96-оз", None)],
    ),
    (
        "Закона Республики Саха (Якутия) от 1 июля 2010 г. № 123",
        [("закон", "Республика Саха (Якутия)", "2010-07-01", "123", None)],
    ),
    (
        "Закона Санкт-Петербурга от 22.06.2011 № 400-75",
        [("закон", "Санкт-Петербург", "2011-06-22", "400-75", None)],
    ),
    (
        "нормами Земельного кодекса Республики Татарстан",
        [("кодекс", None, None, None, "Земельный кодекс Республики Татарстан")],
    ),
    (
        "Избирательного кодекса Тверской области; постановления",
        [("кодекс", None, None, None, "Избирательный кодекс Тверской области")],
    ),
    (
        "Градостроительным кодексом Республики Дагестан",
        [("кодекс", None, None, None, "Градостроительный кодекс Республики Дагестан")],
    ),
    (
        "Жилищного кодекса Кемеровской области — Кузбасса",
        [("кодекс", None, None, None, "Жилищный кодекс Кемеровской области — Кузбасса")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_regional_references(text, expected):
    found = [(r.doc_type, r.issuer, r.date, r.number, r.title) for r in find_references(text)]
    assert found == expected


ABBREVIATIONS = [
    ("Профсоюз работников культуры Республики Татарстан", "Профсоюз работников культуры РТ"),
    ("организация профсоюза РЕСПУБЛИКИ  ДАГЕСТАН", "организация профсоюза РД"),
    ("Кабардино-Балкарской Республики", "КБР"),
    ("Республики Северная Осетия-Алания", "РСО-Алания"),
    ("Ханты-Мансийского автономного округа – Югры", "ХМАО"),
    ("Ямало-Ненецкого автономного округа", "ЯНАО"),
    ("Новосибирской области", "НСО"),
    ("Курганской области", "Курганской области"),  # none is customary
    ("Республика Татарстан", "Республика Татарстан"),  # the nominative stays
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviate(text, expected):
    assert abbreviate(text) == expected


NOMINATIVES = [
    ("Курганской области", "Курганская область"),
    ("Кемеровской области", "Кемеровская область"),
    ("Кемеровской области - Кузбасса", "Кемеровская область — Кузбасс"),
    ("города Москвы", "город Москва"),
    ("Санкт-Петербурга", "Санкт-Петербург"),
    ("Чувашской Республики", "Чувашская Республика"),
    ("Тверской области и", None),
    ("Правительства Республики Дагестан", None),
]


@pytest.mark.parametrize(("genitive", "expected"), NOMINATIVES)
def test_nominative(genitive, expected):
    assert nominative(genitive) == expected


LABELS = [
    (
        [
            "Татарстанская республиканская организация профсоюза работников культуры "
            "Республики Татарстан",
            "Татарстанская республиканская организация профсоюза работников связи "
            "Республики Татарстан",
        ],
        (
            ["Культуры РТ", "Связи РТ"],
            "Татарстанская республиканская организация профсоюза работников",
        ),
    ),
    (
        ["Организация профессионального союза Республики Дагестан"],
        (["Организация профсоюза РД"], ""),
    ),
]


@pytest.mark.parametrize(("labels", "expected"), LABELS)
def test_table_labels(labels, expected):
    assert short_labels(labels) == expected


PLACES_BY_INITIALS = [
    ("Дагестан Г.М.", []),
    ("Татарстан Г.М. прибыл", []),
    ("Махачкала А.А. сообщает", []),
    ("Лозовая Н.И.", ["Лозовая Н.И."]),  # a town, and a surname
    ("Абакарова З.М.", ["Абакарова З.М."]),
]


@pytest.mark.parametrize(("text", "names"), PLACES_BY_INITIALS)
def test_places_are_no_persons(text, names):
    assert [p.name for p in find_persons(text, ())] == names
