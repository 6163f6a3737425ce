"""Acts copied from websites: the genre's rules on small texts, [text, expected] tables."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.furniture import find_furniture, is_furniture
from pipeline.extract.header import read_footer_requisites, read_header
from pipeline.extract.issuer import (
    adopted_issuer,
    collapse_spacing,
    display_case,
    head_issuer,
    preamble_issuer,
    signer_issuer,
    site_issuer,
)
from pipeline.extract.lines import split_lines
from pipeline.extract.structure import (
    find_operative,
    header_limit,
    is_signature,
    read_appendix_plan,
    read_items,
)
from pipeline.extract.tables import read_pasted_tables
from tests.docs import doc_from_text


def _ids(text: str) -> list[tuple[str, str | None]]:
    doc = doc_from_text(text)
    lines = read_pasted_tables(doc.text, split_lines(doc))
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
    (  # items inline in one short paragraph after a spaced marker, one of them glued
        "ПРИКАЗ\nО дежурстве\nВ целях порядка п р и к а з ы в а ю: 1. Назначить дежурным "
        "Иванова И.И. 2.Утвердить график до 5 сентября. 3. Контроль оставляю за собой.",
        [("1", None), ("2", None), ("3", None)],
    ),
    (  # a preamble that cites items is not cut
        "ПРИКАЗ\nО дежурстве\nВ соответствии с пунктами 1. и 2. Положения приказываю:\n"
        "1. Назначить дежурным Иванова И.И.",
        [("1", None)],
    ),
    (  # a plan table pasted as tab-separated lines, the row number glued to the text
        "ПОСТАНОВЛЕНИЕ\nО делах\nпостановляет:\n1.Утвердить план:\n"
        "№\tМероприятие\tСрок\tОтветственный\n1 Семинар\tдо 1 мая\tИванов И.И.\n"
        "2 Конкурс\tиюнь 2023 г.\tПетров П.П.\n2.Контроль возложить на Иванова И.И.",
        [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None)],
    ),
    (  # a plan table pasted one cell per line
        "ПОСТАНОВЛЕНИЕ\nО делах\nпостановляет:\n1.Утвердить план:\n№ п/п\nМероприятие\n"
        "Срок исполнения\nОтветственный\n1\nСеминар\nдо 1 мая\nИванов И.И.\n2\nКонкурс\n"
        "в июне\nПетров П.П.\n2.Контроль возложить на Иванова И.И.",
        [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None)],
    ),
    (  # a header line with tabs is not a table
        "ПОСТАНОВЛЕНИЕ\n19 декабря 2022 г.\t№ 14-6\tг. Ярославль\nО делах\nпостановляет:\n"
        "1.Провести семинар.",
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
    ("Документы", True),
    ("Документы по личному составу представить в отдел кадров.", False),
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


ISSUERS = [
    (adopted_issuer, ["Принято Советом депутатов муниципального образования – Шиловское "
                      "городское поселение 29 марта 2018 года"],
     "Совет депутатов муниципального образования – Шиловское городское поселение"),
    (adopted_issuer, ["В целях благоустройства"], None),
    (preamble_issuer, "В целях подготовки, в соответствии с Законом «Об образовании» администрация "
                      "Кичменгско-Городецкого района постановляет:",
     "Администрация Кичменгско-Городецкого района"),
    (preamble_issuer, "Рассмотрев вопрос, Собрание депутатов Кусинского муниципального района "
                      "РЕШАЕТ:", "Собрание депутатов Кусинского муниципального района"),
    (preamble_issuer, "В целях профилактики гриппа ПРИКАЗЫВАЮ:", None),
    (signer_issuer, "Глава Сургутского района", "Глава Сургутского района"),
    (signer_issuer, "Директор школы", None),
    (collapse_spacing, "Р А С П ОР Я Ж Е Н И Е", "РАСПОРЯЖЕНИЕ"),
    (collapse_spacing, "П Р Е З И Д И У М", "ПРЕЗИДИУМ"),
    (collapse_spacing, "ДР СОП", "ДР СОП"),
    (collapse_spacing, "П ОСТ А Н О В Л Е Н И Е", "ПОСТАНОВЛЕНИЕ"),
    (collapse_spacing, "ГО И ЧС", "ГО И ЧС"),
    # the institution in its head's position, abbreviated or in the genitive
    (head_issuer, "Директор МБОУ «Лицей № 4» г. Тамбова", "МБОУ «Лицей № 4» г. Тамбова"),
    (head_issuer, "Заведующий муниципального бюджетного дошкольного образовательного "
                  "учреждения «Детский сад № 12»",
     "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 12»"),
    (head_issuer, "Директор департамента образования", None),
    (head_issuer, "Главный врач", None),
    (head_issuer, "Глава района", None),
    # "ВО" inside a name written in lower case is an abbreviation; in capitals, "во"
    (display_case, "Профком ГБПОУ ВО «Борисоглебский техникум»",
     "Профком ГБПОУ ВО «Борисоглебский техникум»"),
    (display_case, "УПРАВЛЕНИЕ ВО ВЛАДИМИРСКОЙ ОБЛАСТИ", "Управление во Владимирской области"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "given", "expected"), ISSUERS)
def test_issuer_elsewhere(rule, given, expected):
    assert rule(given) == expected


WEB_HEADERS = [
    (  # uneven letter spacing; date, place and number run together
        "МИНИСТЕРСТВО ЗДРАВООХРАНЕНИЯ\nОРЕНБУРГСКОЙ ОБЛАСТИ\nР А С П ОР Я Ж Е Н И Е\n"
        "20.06.2016 г.Оренбург № 175-р\nОб организации отдыха\nВ целях отдыха:",
        {"doc_type": "распоряжение", "date": "2016-06-20", "number": "175-р",
         "place": "г.Оренбург", "title": "Об организации отдыха"},
    ),
    (
        "РЕШЕНИЕ\nот 29.03.2018 № 112\nр.п. Шилово\nО конкурсе\nВ целях благоустройства",
        {"doc_type": "решение", "number": "112", "place": "р.п. Шилово"},
    ),
    (  # a one-line header
        "Постановление от 14.05.2007 г № 256-IV\nО подготовке к зиме\nВ целях подготовки",
        {"doc_type": "постановление", "date": "2007-05-14", "number": "256-IV"},
    ),
    (
        "ПОСТАНОВЛЕНИЕ № 14-6 от 19 декабря 2022 г.\nОб информационной работе\nВ целях работы",
        {"doc_type": "постановление", "date": "2022-12-19", "number": "14-6"},
    ),
    (  # the issuer in the genitive and the title in quotes, all on the type line
        "Постановление Администрации города Кургана от 12.03.2019 № 1234 "
        "\"О проведении месячника по благоустройству\"\nВ целях улучшения:",
        {"issuer": "Администрация города Кургана", "number": "1234",
         "title": "О проведении месячника по благоустройству"},
    ),
    (  # "Приказ по <organization>": the issuer in the dative; its "№" is not the number
        "ПРИКАЗ по МБОУ «СОШ № 5»\nот 01.09.2020 № 45-од\nОб организации питания\nВ целях",
        {"issuer": "МБОУ «СОШ № 5»", "doc_type": "приказ", "number": "45-од"},
    ),
    (  # "по основной деятельности" is a kind of order, not a body
        "Приказ по основной деятельности\nот 01.09.2020 № 45-од\nОб организации питания\nВ целях",
        {"issuer": None, "doc_type": "приказ", "number": "45-од"},
    ),
    (  # a one-line heading and the title, then the organization's name and the place
        "ПРИКАЗ № 12-о от 01.03.2024 г.\nОб организации практики\nМуниципальное бюджетное "
        "учреждение дополнительного образования «Центр детского творчества»\nг. Ступино\n"
        "В целях организации практики\n1. Направить на практику студентов.",
        {"issuer": "Муниципальное бюджетное учреждение дополнительного образования «Центр "
                   "детского творчества»", "place": "г. Ступино", "number": "12-о",
         "title": "Об организации практики"},
    ),
    (  # the body in the type line, its organization in the genitive on the next line
        "ПРОФСОЮЗ РАБОТНИКОВ КУЛЬТУРЫ\nПОСТАНОВЛЕНИЕ ПРЕЗИДИУМА\nКалужской областной организации "
        "Профсоюза работников культуры\n12.03.2015\t№ 4-2\nО делах\nпостановляет:",
        {"issuer": "Президиум Калужской областной организации Профсоюза работников культуры",
         "number": "4-2"},
    ),
    (  # a protocol extract without an agenda: its one question heard is the title
        "ВЫПИСКА ИЗ ПРОТОКОЛА № 4\nзаседания профкома\n12.03.2019\nСЛУШАЛИ: 1. О подготовке к "
        "летнему отдыху детей. Информация председателя профкома.\nПОСТАНОВИЛИ:\n"
        "1. Информацию принять к сведению.",
        {"doc_type": "выписка из протокола", "title": "О подготовке к летнему отдыху детей"},
    ),
    (  # the issuer in the genitive in the type line, its head word short
        "РЕСПУБЛИКА КАРЕЛИЯ\nРАСПОРЯЖЕНИЕ ГЛАВЫ САМОУПРАВЛЕНИЯ ГОРОДА СОРТАВАЛА\n"
        "от 23.03.95 № 112-р\nО подготовке к празднику\nВо исполнение распоряжения:",
        {"issuer": "Глава самоуправления города Сортавала", "doc_type": "распоряжение"},
    ),
    (  # a department named by its field alone: the administration above completes it
        "АДМИНИСТРАЦИЯ КУРЧАТОВСКОГО РАЙОНА КУРСКОЙ ОБЛАСТИ\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nПРИКАЗ\n"
        "20.10.2025\t№ 01-05/318\nО проведении олимпиады\nВ соответствии с Порядком",
        {"issuer": "Управление образования Администрации Курчатовского района Курской области",
         "number": "01-05/318"},
    ),
    (  # a department with its place in its own name stands alone
        "АДМИНИСТРАЦИЯ ГОРОДА ТВЕРИ\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ ГОРОДА ТВЕРИ\nПРИКАЗ\n"
        "20.10.2025\t№ 318\nО проведении олимпиады\nВ соответствии с Порядком",
        {"issuer": "Управление образования города Твери"},
    ),
    (  # a municipality's name above the type line is no body: the issuer is found elsewhere
        "Омский муниципальный район Омской области\nП ОСТ А Н О В Л Е Н И Е\nот 14.04.2014"
        "\t№ 38\nс. Покровка\nО мерах пожарной безопасности\nВ соответствии с законом",
        {"issuer": None, "doc_type": "постановление", "number": "38"},
    ),
    (  # a "городской округ" above a bare type line is where the act is from, not who issued it
        "ТЮМЕНСКАЯ ОБЛАСТЬ\nГОРОДСКОЙ ОКРУГ ИШИМ\nРЕШЕНИЕ\nот 12.05.2021 № 40\nО сквере\n"
        "Принято Городской Думой 12 мая 2021 года",
        {"issuer": None, "doc_type": "решение", "number": "40"},
    ),
    (  # the type split over two lines, the meeting's body on the third
        "ВЫПИСКА\nиз протокола № 3\nзаседания президиума Курской областной организации "
        "Профсоюза работников культуры\nг. Курск 12.03.2019\nПОСТАНОВИЛИ:\n1. Принять.",
        {"issuer": "Президиум Курской областной организации Профсоюза работников культуры",
         "number": "3"},
    ),
    (  # "… ОРГАНИЗАЦИЯ ПРОФСОЮЗА" under the union's name: the union is named in full
        "ПРОФЕССИОНАЛЬНЫЙ СОЮЗ РАБОТНИКОВ КУЛЬТУРЫ РОССИЙСКОЙ ФЕДЕРАЦИИ\nКУРСКАЯ ОБЛАСТНАЯ "
        "ОРГАНИЗАЦИЯ ПРОФСОЮЗА\nПОСТАНОВЛЕНИЕ ПРЕЗИДИУМА\n12.03.2019 № 4-1\nО подписке\n"
        "Президиум постановляет:",
        {"issuer": "Президиум Курской областной организации Профсоюза работников культуры "
                   "Российской Федерации"},
    ),
    (  # the place above the type, the issuer in the dative on the line after it
        "Республика Адыгея\nг. Майкоп\nП Р И К А З\nпо муниципальному бюджетному учреждению "
        "«Центр культуры»\nот 17.10.2008 № 21\nОб отпусках\nПРИКАЗЫВАЮ:",
        {"place": "г. Майкоп", "number": "21",
         "issuer": "Муниципальное бюджетное учреждение «Центр культуры»"},
    ),
    (  # the one question numbered above the speaker heard is the title
        "ВЫПИСКА ИЗ ПРОТОКОЛА № 3\nзаседания комиссии по делам молодежи\n12.03.2019\n"
        "1. О летнем трудоустройстве подростков\nСЛУШАЛИ: Иванову А.А. – специалиста.\n"
        "РЕШИЛИ:\n1. Информацию принять к сведению.",
        {"title": "О летнем трудоустройстве подростков"},
    ),
    (  # several questions heard: no one title
        "ВЫПИСКА ИЗ ПРОТОКОЛА № 4\nзаседания профкома\n12.03.2019\nСЛУШАЛИ: 1. О подготовке к "
        "отдыху.\nПОСТАНОВИЛИ: принять к сведению.\nСЛУШАЛИ: 2. О премировании.\n"
        "ПОСТАНОВИЛИ: премировать.",
        {"title": None},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), WEB_HEADERS)
def test_web_header(text, expected):
    doc = doc_from_text(text)
    header = read_header(doc.text, split_lines(doc)).header
    for field, value in expected.items():
        assert getattr(header, field) == value, field


def test_requisites_after_signature_without_ot():
    doc = doc_from_text("Главный врач\tС.Е. Воронин\nОб организации осмотров\n20.01.2025 № 27-од")
    found = read_footer_requisites(doc.text, split_lines(doc), 0)
    assert (found["date"], found["number"], found["title"]) == (
        "2025-01-20",
        "27-од",
        "Об организации осмотров",
    )


def test_requisites_after_signature_with_quoted_title():
    doc = doc_from_text(
        "Начальник управления\tИ.И. Иванов\nПриказ управления образования от 01.02.2021 № 15 "
        "«О проведении олимпиады «Умники и умницы»»\nДата публикации: 03.02.2021"
    )
    found = read_footer_requisites(doc.text, split_lines(doc), 0)
    assert (found["date"], found["number"], found["title"]) == (
        "2021-02-01",
        "15",
        "О проведении олимпиады «Умники и умницы»",
    )


SITES = [
    (  # an institution's own site: its name above the breadcrumbs, the act signed by its head
        "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 3»\n"
        "Главная / Документы / Приказы\nОб организации питания\nПРИКАЗЫВАЮ:\n1. Организовать.",
        "Директор", "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 3»",
    ),
    (
        "МБДОУ «Детский сад № 7» г. Кирова\nВерсия для слабовидящих\nГлавная / Документы\n"
        "О дежурстве\nПРИКАЗЫВАЮ:\n1. Назначить дежурных.",
        "Заведующий", "МБДОУ «Детский сад № 7» г. Кирова",
    ),
    (  # a municipality's site: not the issuer of its head's act
        "Официальный сайт муниципального образования Сургутский район\nГлавная / Документы\n"
        "О делах\n1. Утвердить план.",
        "Директор", None,
    ),
    (  # signed by the head of another body
        "Государственное бюджетное учреждение «Центр занятости»\nГлавная / Документы\nО делах\n"
        "1. Утвердить план.",
        "Директор департамента труда и занятости населения", None,
    ),
    (  # no menu under it: a heading line, not the site's name
        "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 3»\nПРИКАЗ\nО делах",
        "Директор", None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "position", "expected"), SITES)
def test_site_issuer(text, position, expected):
    doc = doc_from_text(text)
    lines = split_lines(doc)
    found = find_furniture(doc.text, lines, header_limit(doc.text, lines))
    assert site_issuer(found.site, position) == expected


APPENDIX_PLANS = [
    (  # the plan of the appendix is the sub-items of the item that approves it
        "ПРИКАЗ\nО делах\nприказываю:\n1. Утвердить план мероприятий (приложение).\n"
        "2. Контроль оставляю за собой.\nМинистр\tВ.Н. Тодышев\nПриложение\n"
        "№\tМероприятие\tСрок\tОтветственный\n1 Семинар\tдо 01.02.2016\tИванов И.И.\n"
        "2 Анализ\tпостоянно\tПетров П.П.",
        [("1.1", "1"), ("1.2", "1")],
    ),
    (  # a plan pasted with pipes between its cells
        "РЕШЕНИЕ\nО плане\nРЕШИЛ:\n1. Утвердить план работы Совета (прилагается).\n"
        "2. Контроль оставляю за собой.\nПредседатель Совета\tИ.П. Дьяченко\nПриложение\n"
        "№ п/п | Наименование вопроса | Срок рассмотрения | Ответственные |\n"
        "1 | Об исполнении бюджета | июль 2021 г. | финансовое управление |\n"
        "2 | Отчеты депутатов |  | депутаты Совета |",
        [("1.1", "1"), ("1.2", "1")],
    ),
    (  # no item approves a plan: the table is not an item
        "ПРИКАЗ\nО делах\nприказываю:\n1. Провести семинар.\nМинистр\tВ.Н. Тодышев\n"
        "№\tМероприятие\tСрок\tОтветственный\n1 Семинар\tдо 01.02.2016\tИванов И.И.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPENDIX_PLANS)
def test_appendix_plan(text, expected):
    doc = doc_from_text(text)
    lines = read_pasted_tables(doc.text, split_lines(doc))
    head = read_header(doc.text, lines)
    items = []
    for region in find_operative(doc.text, lines, head.body_start):
        items.extend(read_items(doc.text, lines, region))
    sign_at = next(i for i in range(len(lines)) if is_signature(doc.text, lines, i))
    rows = read_appendix_plan(doc.text, lines, sign_at, items)
    assert [(it.id, it.parent) for it in rows] == expected


def test_page_as_one_line():
    items = " ".join(
        f"{n}. Заведующему отделением Иванову И.И. провести проверку готовности отделения "
        f"номер {n} к работе в осенне-зимний период и представить отчет."
        for n in range(1, 8)
    )
    text = (
        "Главная » Документы » Приказы Опубликовано 07.09.2011 | Просмотров: 254 "
        "ГОРОДСКАЯ БОЛЬНИЦА ПРИКАЗ 05.09.2011 N 348 г. Белгород О проведении вакцинации "
        "против гриппа В целях профилактики гриппа ПРИКАЗЫВАЮ: " + items + " Главный врач "
        "В.И. Щербаков Версия для печати Подписаться на рассылку 308009, г. Белгород, ул. "
        "Губкина, 46 © Больница, 2011"
    )
    doc = doc_from_text(text)
    lines = [ln.text(doc.text) for ln in split_lines(doc)]
    for expected in (
        "Опубликовано 07.09.2011 | Просмотров: 254",
        "О проведении вакцинации против гриппа",
        "Главный врач В.И. Щербаков",
        "Версия для печати",
    ):
        assert expected in lines


def test_metadata_type_and_body():
    doc = doc_from_text(
        "Главная / Документы\nВид документа: Постановление\n"
        "Принявший орган: Администрация Петровского сельского поселения\nНомер документа: 15\n"
        "Дата принятия: 12.03.2019\nО проведении субботника\nВ целях благоустройства:"
    )
    lines = split_lines(doc)
    found = find_furniture(doc.text, lines, header_limit(doc.text, lines))
    assert (found.doc_type, found.body, found.number, found.date) == (
        "Постановление",
        "Администрация Петровского сельского поселения",
        "15",
        "2019-03-12",
    )


@pytest.mark.slow
def test_web_copy_end_to_end():
    """A school's order as its site prints it: the issuer from the masthead, the
    speaker heard is not made responsible, "по итогам …" says when to act."""
    doc = doc_from_text(
        "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 3»\n"
        "Главная / Документы / Приказы\nОб итогах методической недели\nНомер\n41-од\n"
        "Дата документа\n14.03.2022\nЗаслушав информацию заместителя директора Ершовой А.П. "
        "об итогах методической недели\nПРИКАЗЫВАЮ:\n1. Информацию Ершовой А.П. принять к "
        "сведению.\n2. Учителю информатики Носову К.Л. по итогам недели разместить материалы "
        "на сайте лицея.\nДиректор\tМ.В. Рябова"
    )
    x = extract(doc)
    assert x.header.issuer == "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 3»"
    assert (x.header.date, x.header.number) == ("2022-03-14", "41-од")
    first, second = x.directives
    assert first.responsible == ()
    assert second.responsible == ("Носов К.Л.",)
    assert (second.deadline.text, second.deadline.kind) == ("по итогам недели", "event")


def test_footer_address_gives_no_person():
    """The site's footer under the act ("356300, …, ул. Карла Маркса, 54") is furniture."""
    doc = doc_from_text(
        "ПРИКАЗ\nот 01.03.2024 № 12\nО практике\nприказываю:\n1. Провести практику.\n"
        "Директор\tИ.П. Дьяченко\n"
        "356300, Ставропольский край, с. Александровское, ул. Карла Маркса, 54. Тел. 2-14-97"
    )
    names = [p.normal for p in extract(doc).persons]
    assert names == ["Дьяченко И.П."]


def test_the_sites_list_of_other_acts_gives_no_reference():
    text = (
        "ПОСТАНОВЛЕНИЕ\nот 12.03.2019 № 40\nО благоустройстве\nпостановляю:\n"
        "1. Провести субботник.\n\nГлава района И.И. Петров\n\nДругие постановления Главы:\n"
        "Постановление Главы района от 11.03.2019 № 39 «О конкурсе»\n"
        "Постановление Главы района от 06.03.2019 № 35 «О смотре»\n"
    )
    assert extract(doc_from_text(text)).references == ()
