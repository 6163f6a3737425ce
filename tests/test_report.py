"""Reports on execution in `decree extract`: kind, organization, membership, the acts
they answer, their items."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.report import cut_long_lines
from pipeline.extract.report.items import _label
from pipeline.extract.report.org import (
    find_members,
    letterhead_org,
    org_from_genitive,
    strip_position,
)
from pipeline.model import Figure, Reference, to_json
from tests.docs import doc_from_text

LETTER = """
ДАГЕСТАНСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ
ПРОФСОЮЗА РАБОТНИКОВ ЗДРАВООХРАНЕНИЯ РФ
367000, г. Махачкала, ул. Гагарина, 12, тел. 8 (8722) 67-89-10
Исх. № 45 от 20.09.2023
Председателю ДР СОП
Магомедову А.А.
Информация о выполнении постановления Президиума ДР СОП от 15.08.2023 № 22-3
Уважаемый Абдулла Алиевич!
На учёте в организации состоит 12 450 членов профсоюза.
По пункту 1. Сайт организации работает по адресу www.dagzdravprof.ru.
По пункту 2. Созданы аккаунты vk.com/dagzdravprof и https://t.me/dagzdrav.
По пункту 3. Решением президиума рескома от 05.09.2023 № 4 ответственной за информационную {WORK}
Председатель Дагестанской республиканской организации профсоюза работников {HEALTH} С.Г. Ахмедов
""".format(
    WORK="работу назначена Курбанова Патимат Магомедовна, заведующая отделом.",
    HEALTH="здравоохранения РФ",
)

TITLE = "О мерах по улучшению информационной работы ДР СОП и членских организаций"
PROSE = f"""
Председателю ДР СОП А.А. Магомедову
Информация
о выполнении постановления Президиума «{TITLE}»
Реском объединяет 3 200 членов профсоюза. Собственного сайта реском не имеет.
Председатель рескома профсоюза работников культуры РД Р.М. Алиева
"""

DECREE = """
ПРЕЗИДИУМ
ПОСТАНОВЛЕНИЕ
15.08.2023г. № 22-5
О ходе выполнения постановления Президиума ДР СОП от 10.05.2023 № 18-2
Заслушав информацию о выполнении постановления, Президиум ДР СОП постановляет:
1. Информацию принять к сведению.
2. Членским организациям продолжить работу.
Председатель А.А. Магомедов
"""


@pytest.fixture(scope="module")
def letter():
    return extract(doc_from_text(LETTER))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [(LETTER, "report"), (PROSE, "report"), (DECREE, "decree")],
)
def test_kind(text, kind):
    assert extract(doc_from_text(text)).kind == kind


@pytest.mark.slow
def test_letter_report_block(letter):
    report = letter.report
    assert report["organization"] == (
        "Дагестанская республиканская организация профсоюза работников здравоохранения РФ"
    )
    assert report["members"] == 12450
    assert [(r.date, r.number) for r in report["refers_to"]] == [("2023-08-15", "22-3")]
    assert [(r.date, r.number) for r in letter.references] == [("2023-09-05", "4")]
    assert [i["directive"] for i in report["items"]] == [None, "1", "2", "3"]
    assert report["items"][1]["text"].startswith("Сайт организации работает")
    assert letter.directives == ()


@pytest.mark.slow
def test_letter_persons_and_urls(letter):
    persons = {p.normal: p.role for p in letter.persons}
    assert persons["Курбанова Патимат Магомедовна"] == "заведующая отделом"
    assert "Ахмедов С.Г." in persons
    assert not any("Уважаем" in p for p in persons)  # the salutation names no person
    assert letter.urls == ("www.dagzdravprof.ru", "vk.com/dagzdravprof", "https://t.me/dagzdrav")


@pytest.mark.slow
def test_prose_report_by_title_and_signature():
    x = extract(doc_from_text(PROSE))
    report = x.report
    assert report["organization"] == "Реском профсоюза работников культуры РД"
    assert report["members"] == 3200
    (ref,) = report["refers_to"]
    assert ref.title.startswith("О мерах по улучшению") and ref.number is None
    assert report["items"]
    assert all(i["directive"] is None for i in report["items"])


@pytest.mark.slow
def test_report_json_round_trip(letter):
    assert '"kind": "report"' in to_json(letter)
    assert '"refers_to"' in to_json(letter)


@pytest.mark.parametrize(
    ("line", "ids", "rest"),
    [
        ("По пункту 3. Назначен ответственный", ["3"], "Назначен ответственный"),
        ("П. 3 – Назначен ответственный", ["3"], "Назначен ответственный"),
        ("Пункт 2.2. Чествовали 6 семей", ["2.2"], "Чествовали 6 семей"),
        ("3) назначен ответственный", ["3"], "назначен ответственный"),
        ("По первому пункту: сайт не создан", ["1"], "сайт не создан"),
        ("По подпункту «а» пункта 3 территория убрана", ["3.а"], "территория убрана"),
        ("По пунктам 1-3: выполнено", ["1", "2", "3"], "выполнено"),
        ("По пунктам 1 и 2. Выполнено", ["1", "2"], "Выполнено"),
        ("По пункту 5 постановления Президиума ДР СОП: выписано", ["5"], "выписано"),
        ("Сайт организации создан.", None, None),
        ("Пунктуальность соблюдена.", None, None),
    ],
)
def test_item_labels(line, ids, rest):
    found = _label(line)
    if ids is None:
        assert found is None
        return
    assert found is not None
    assert found[0] == ids
    assert line[found[1] :] == rest


@pytest.mark.parametrize(
    ("position", "organization"),
    [
        (
            "Председатель Дагестанской республиканской организации профсоюза работников "
            "здравоохранения РФ",
            "Дагестанская республиканская организация профсоюза работников здравоохранения РФ",
        ),
        ("Председатель рескома профсоюза работников культуры РД",
         "Реском профсоюза работников культуры РД"),
        ("Заместитель председателя первичной профсоюзной организации ГБУ РД «Больница № 2»",
         "Первичная профсоюзная организация ГБУ РД «Больница № 2»"),
        ("Председатель", None),
        ("Председатель ППО", None),
    ],
)  # fmt: skip
def test_organization_from_signature(position, organization):
    assert org_from_genitive(strip_position(position)) == organization


def _figure(text: str, start: int, value: float, unit: str) -> Figure:
    return Figure(value, unit, str(value), start=start, stop=start + 5)


@pytest.mark.parametrize(
    ("text", "number", "unit", "members"),
    [
        ("На учёте в организации состоит 12450 членов профсоюза.", "12450", "член", 12450),
        ("Организация объединяет 3200 человек.", "3200", "человек", 3200),
        ("Численность членов профсоюза — 860 человек.", "860", "человек", 860),
        ("Городская организация профсоюза (415 членов профсоюза) сообщает.", "415", "член", 415),
        ("В семинаре приняли участие 45 человек.", "45", "человек", None),
        ("Подписаны 640 человек.", "640", "человек", None),
    ],
)
def test_members(text, number, unit, members):
    figure = _figure(text, text.index(number), float(number), unit)
    found = find_members(text, (figure,))
    assert (found.value if found else None) == members


def test_flattened_report_is_cut_before_answers():
    text = (
        "ПЕРВИЧНАЯ ПРОФСОЮЗНАЯ ОРГАНИЗАЦИЯ Информация о выполнении постановления № 22-3. "
        + "Организация объединяет 410 членов профсоюза. " * 5
        + "По первому пункту: сайт не создавался. По пункту 2. Создан чат. "
        "Председатель профкома З.А. Омарова"
    )
    lines = cut_long_lines(text, [doc_line(text)])
    starts = [text[ln.start : ln.stop].split()[0] for ln in lines]
    assert starts == ["ПЕРВИЧНАЯ", "Информация", "По", "По", "Председатель"]


def doc_line(text: str):
    from pipeline.extract.lines import Line

    return Line(0, len(text))


def test_reference_objects_stay_references(letter):
    assert letter.report["refers_to"]
    assert all(isinstance(r, Reference) for r in letter.report["refers_to"])


def test_generic_signature_takes_the_full_name_from_the_body(tmp_path):
    from pipeline import extract_file

    path = tmp_path / "report.txt"
    path.write_text(
        "ИНФОРМАЦИЯ\n"
        "о выполнении постановления Президиума от 10.01.2024 № 5-2\n"
        "Вологодская областная организация профсоюза работников связи "
        "(численность 1 250 членов профсоюза) сообщает следующее.\n"
        "По пункту 1. Уполномоченные по охране труда избраны.\n"
        "Председатель областной организации Н.К. Орлова\n",
        encoding="utf-8",
    )
    report = extract_file(path).report
    assert report["organization"] == "Вологодская областная организация профсоюза работников связи"
    assert report["members"] == 1250


BY_TITLE = f"""
Дагестанская республиканская организация профсоюза работников торговли
04.10.2023 № 58-к
Председателю ДР СОП Магомедову А.А.
В соответствии с постановлением Президиума ДР СОП «{TITLE}» информируем, что реском провёл работу.
Аккаунт организации в Telegram создан 20 сентября 2023 года.
Председатель Ш.М. Рамазанов
"""
SUBJECT_BY_MATTER = f"""
Дагестанская республиканская организация профсоюза работников лесных отраслей РФ
Председателю ДР СОП А.А. Магомедову
Информация о мерах по улучшению информационной работы
На постановление Президиума ДР СОП «{TITLE}» реском сообщает следующее.
Создана группа в социальной сети ВКонтакте.
Председатель Р.Г. Абакаров
"""


@pytest.mark.slow
@pytest.mark.parametrize("text", [BY_TITLE, SUBJECT_BY_MATTER])
def test_report_by_title_without_o_vypolnenii(text):
    found = extract(doc_from_text(text))
    assert found.kind == "report"
    assert [r.title for r in found.report["refers_to"]] == [TITLE]


@pytest.mark.parametrize(
    ("pieces", "organization"),
    [
        (  # the letterhead's second line holds the outgoing date and number
            ["ДАГЕСТАНСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ ПРОФСОЮЗА",
             "РАБОТНИКОВ ЛЕСНЫХ ОТРАСЛЕЙ РФ 27 сентября 2023 г. № 201"],
            "Дагестанская республиканская организация профсоюза работников лесных отраслей РФ",
        ),
        (
            ["Дагестанская республиканская организация профсоюза работников торговли\n"
             "«27» сентября 2023 г. № 201"],
            "Дагестанская республиканская организация профсоюза работников торговли",
        ),
        (
            ["Дагестанская республиканская организация профсоюза работников торговли",
             "от 27.09.2023 № 201"],
            "Дагестанская республиканская организация профсоюза работников торговли",
        ),
        (["ППО МБОУ «СОШ № 5»"], "ППО МБОУ «СОШ № 5»"),  # a number inside the name stays
    ],
)  # fmt: skip
def test_letterhead_keeps_out_the_outgoing_requisites(pieces, organization):
    assert letterhead_org(pieces) == organization
