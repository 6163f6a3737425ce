"""`decree check`: the status matrix, its rules and its command."""

from __future__ import annotations

import json
import operator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from pipeline.check import check
from pipeline.check.conditions import applies_to_members, find_condition
from pipeline.check.levels import is_below, org_level
from pipeline.check.refer import match_decree
from pipeline.check.similarity import Matcher
from pipeline.check.status import classify
from pipeline.errors import NoDirectives
from pipeline.model import Directive, Header

TITLE = "О мерах по улучшению информационной работы ДР СОП и членских организаций"
HEADER = Header("Президиум ДР СОП", "постановление", "2023-08-15", "22-3", None, TITLE)

ZDRAV = """ДАГЕСТАНСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ
ПРОФСОЮЗА РАБОТНИКОВ ЗДРАВООХРАНЕНИЯ РФ
Исх. № 45 от 20.09.2023
Информация о выполнении постановления Президиума ДР СОП от 15.08.2023 № 22-3
На учёте в организации состоит 12 450 членов профсоюза.
По пункту 1. Сайт организации работает: www.dagzdravprof.ru.
По пункту 2. Создана группа ВКонтакте vk.com/dagzdrav. Канал в Telegram не создан.
По пункту 3. Ответственной за информационную работу назначена Курбанова Патимат Магомедовна.
По пункту 5. Выписано 60 экземпляров газеты «Солидарность».
Председатель                 С.Г. Ахмедов
"""
# No item numbers: every sentence is matched to a directive by its words.
KULT = f"""РЕСКОМ ПРОФСОЮЗА РАБОТНИКОВ КУЛЬТУРЫ
Информация о выполнении постановления Президиума «{TITLE}»
Организация объединяет 3 200 членов профсоюза.
Собственного сайта реском не имеет.
Создана группа ВКонтакте vk.com/dagkultprof, где размещаются новости.
Обмен информацией с ДР СОП налажен частично.
Подписка на газету «Солидарность» оформлена на 40 экземпляров.
Председатель                 Р.М. Алиева
"""
OTHER = """РЕСКОМ ПРОФСОЮЗА РАБОТНИКОВ ГОСУЧРЕЖДЕНИЙ
О выполнении постановления Президиума ДР СОП от 10.05.2023 № 18-2
По пункту 1. Семинар проведён.
Председатель                 М.М. Исаев
"""
# No subject, no labels, no reporting verb: `decree extract` says "other"; check reads it
# as the report it was given as.
PLAIN = """Реском профсоюза работников культуры
На учёте состоит 3 200 членов профсоюза.
Создана группа ВКонтакте vk.com/kult.
Председатель рескома   Р.М. Алиева
"""
NAMELESS = """Информация о выполнении постановления Президиума ДР СОП от 15.08.2023 № 22-3
По пункту 3. Ответственный назначен.
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name, text in [("zdrav.txt", ZDRAV), ("kult.txt", KULT), ("other.txt", OTHER),
                       ("nameless.txt", NAMELESS), ("plain.txt", PLAIN)]:  # fmt: skip
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def result(sample, reports):
    names = ("zdrav.txt", "kult.txt", "other.txt", "nameless.txt", "plain.txt")
    paths = [reports / n for n in names]
    return check(sample, [*paths, sample, reports / "missing.txt"])


def _row(result, name):
    return next(r for r in result.reports if Path(r.path).name == name)


def _statuses(row) -> dict[str, str]:
    return {k: c.status for k, c in row.status.items()}


@pytest.mark.slow
def test_explicit_items(result):
    row = _row(result, "zdrav.txt")
    assert row.members == 12450
    assert _statuses(row) == {"1": "done", "2": "partial", "3": "done", "4": "no_info",
                              "5": "partial"}  # fmt: skip
    norm = row.status["5"].norm
    assert (norm.required, norm.reported, norm.percent) == (124.5, 60, 48.2)
    evidence = row.status["2"].evidence
    assert evidence.text == "Канал в Telegram не создан."
    assert ZDRAV.startswith(evidence.text, evidence.start)  # offsets into the report's text


@pytest.mark.slow
def test_prose_matched_by_content_and_title(result):
    row = _row(result, "kult.txt")
    assert row.warnings == ()
    assert _statuses(row) == {"1": "not_applicable", "2": "done", "3": "no_info",
                              "4": "partial", "5": "done"}  # fmt: skip
    assert "5000" in row.status["1"].reason
    assert row.status["5"].norm.percent == 125.0


@pytest.mark.slow
def test_bad_inputs(result):
    other = _row(result, "other.txt")
    assert set(_statuses(other).values()) == {"no_info"}
    assert "18-2" in str(other.warnings[0])
    nameless = _row(result, "nameless.txt")
    assert nameless.label == "nameless.txt" and nameless.organization is None
    assert "file name" in str(nameless.warnings[0])
    decree_row = _row(result, "sample-drsop-22-3.txt")
    assert str(decree_row.warnings[0]).startswith("this is a decree, not a report")
    assert decree_row.warnings[0].code == "not-a-report"
    (failure,) = result.failed
    assert failure.path.endswith("missing.txt") and failure.exit_code == 3


@pytest.mark.slow
def test_unmarked_report_is_read_as_one(result):
    row = _row(result, "plain.txt")
    assert str(row.warnings[0]).startswith("no marks of a report")
    assert row.organization == "Реском профсоюза работников культуры"
    assert _statuses(row)["1"] == "not_applicable"
    assert _statuses(row)["2"] == "done"


@pytest.mark.slow
def test_json_contract(result):
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) == {"decree", "directives", "reports", "failed"}
    assert data["decree"]["number"] == "22-3"
    assert [d["id"] for d in data["directives"]] == ["1", "2", "3", "4", "5"]
    cell = data["reports"][0]["status"]["1"]
    assert set(cell) >= {"status", "evidence", "figures"}


@pytest.mark.slow
def test_decree_without_items(tmp_path, reports):
    decree = tmp_path / "letter.txt"
    decree.write_text(NAMELESS, encoding="utf-8")
    with pytest.raises(NoDirectives):
        check(decree, [reports / "zdrav.txt"])


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Сайт организации создан.", "done"),
        ("Сайт организации не создан.", "not_done"),
        ("Собственного сайта реском не имеет.", "not_done"),
        ("Ответственный отсутствует.", "not_done"),
        ("Обмен информацией налажен частично.", "partial"),
        ("Аккаунт в Telegram в стадии создания.", "partial"),
        ("Создание канала планируется в IV квартале.", "not_done"),
        ("Сайт в стадии разработки, его запуск перенесён на ноябрь.", "not_done"),
        ("Подписка не оформлена, вопрос будет рассмотрен в 2024 году.", "not_done"),
        ("Побелка проведена, покраска не проведена из-за отсутствия краски.", "partial"),
        ("Совещания проводятся не реже одного раза в месяц.", "done"),
        ("Гарантии включены пока в 31 организации.", "partial"),
    ],
)
def test_classify(sentence, status):
    assert classify(sentence) == status


@pytest.mark.parametrize(
    ("text", "members", "holds"),
    [
        ("организациям, насчитывающим свыше 5000 членов профсоюза", 3200, False),
        ("организациям, насчитывающим свыше 5000 членов профсоюза", 12450, True),
        ("организациям, насчитывающим 1000 и более членов профсоюзов", 1000, True),
        ("организациям с численностью не менее 300 человек", 299, False),
        ("организациям численностью до 1000 членов", 1200, False),
        ("организациям с численностью от 300 до 1000 человек", 500, True),
        ("организациям с численностью от 300 до 1000 человек", 1500, False),
    ],
)
def test_conditions(text, members, holds):
    condition = find_condition(text)
    assert condition is not None
    assert condition.holds(members) is holds


@pytest.mark.parametrize(
    "text", ["Обучить не менее 20 человек.", "Выписать 1 экземпляр на 100 членов профсоюза."]
)
def test_no_condition(text):
    assert find_condition(text) is None


@pytest.mark.parametrize(
    ("text", "addressees", "responsible", "applies"),
    [
        ("Членским организациям создать сайты.", ("членские организации",), (), True),
        ("Информацию принять к сведению.", (), (), False),
        ("Контроль за выполнением постановления возложить на заместителя председателя.",
         ("заместитель председателя",), (), False),
        ("Настоящее постановление вступает в силу со дня принятия.", (), (), False),
        ("Провести фотоконкурс.", ("отдел информационной работы",), (), False),
        ("Освещать мероприятия на сайте.", (), ("Абакаров Р.Г.",), False),
        ("ДР СОП, членским организациям наладить обмен.", ("ДР СОП", "членские организации"),
         (), True),
        ("ДР СОП провести семинар.", ("ДР СОП",), (), False),
        ("Провести месячник.", (), (), True),
    ],
)  # fmt: skip
def test_applies_to_members(text, addressees, responsible, applies):
    d = Directive("1", text, addressees=addressees, responsible=responsible)
    assert applies_to_members(d, "Президиум ДР СОП") is applies


@pytest.mark.parametrize(
    ("names", "addressees", "below"),
    [
        (("Первичная профсоюзная организация школы № 5",), ("председатели городских и районных "
         "организаций профсоюза",), True),
        ((None, "Председатель ППО"), ("председатели городских организаций профсоюза",), True),
        (("Дербентская городская организация профсоюза",), ("первичные профсоюзные "
         "организации",), False),
        (("Дагестанская республиканская организация",), ("членские организации",), False),
        ((None, None), ("председатели городских организаций",), False),
    ],
)  # fmt: skip
def test_levels(names, addressees, below):
    assert is_below(org_level(*names), addressees) is below


@pytest.mark.parametrize(
    ("refs", "matched"),
    [
        ([{"date": "2023-08-15", "number": "22-3"}], True),
        ([{"date": None, "number": "22/3"}], True),
        ([{"date": "2023-08-16", "number": "22-3"}], False),
        ([{"date": "2023-05-10", "number": "18-2"}], False),
        ([{"title": "О мерах по улучшению информационной работы ДР СОП и членских организаций"}],
         True),
        ([{"title": "О подписке на профсоюзные издания"}], False),
        ([{"date": "2023-05-10", "number": "18-2"}, {"date": "2023-08-15", "number": "22-3"}],
         True),
        ([], True),
    ],
)  # fmt: skip
def test_match_decree(refs, matched):
    ok, warning = match_decree(HEADER, refs)
    assert ok is matched
    assert (warning is None) is (bool(refs) and matched)


@pytest.mark.parametrize(
    ("sentence", "directive"),
    [
        ("Сайт организации работает по адресу www.site.ru.", "1"),
        ("Создана группа vk.com/club1.", "2"),
        ("Ответственным назначен Иванов И.И.", "3"),
        ("Обмен информацией с ДР СОП осуществляется через ответственного работника.", "4"),
        ("Выписано 40 экземпляров газеты «Солидарность».", "5"),
        ("Работа продолжается.", None),
    ],
)
def test_matcher(sample_decree, sentence, directive):
    matcher = Matcher([(d.id, d.text, d.addressees) for d in sample_decree.directives])
    assert matcher.best(sentence)[0] == directive


@pytest.fixture(scope="module")
def sample_decree(sample):
    from pipeline import extract_file

    return extract_file(sample)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow
def test_cli_table(sample, reports):
    code, out, err = run(
        "check", str(sample), str(reports / "zdrav.txt"), str(reports / "kult.txt")
    )
    assert code == 0, err
    assert "п. 5" in out and "◐ 48 %" in out and "✓ выполнено" in out
    assert "реском профсоюза работников культуры" in out.casefold()


@pytest.mark.slow
def test_cli_json_and_failed_report(sample, reports):
    code, out, err = run("check", str(sample), str(reports / "zdrav.txt"),
                         str(reports / "missing.txt"), "--format", "json")  # fmt: skip
    assert code == 2
    assert "missing.txt" in err and err.count("\n") == 1
    data = json.loads(out)
    assert data["reports"][0]["status"]["3"]["status"] == "done"


@pytest.mark.slow
def test_cli_xlsx(sample, reports, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "status.xlsx"
    code, _, err = run("check", str(sample), str(reports / "zdrav.txt"), "--format", "xlsx",
                       "-o", str(target))  # fmt: skip
    assert code == 0, err
    book = load_workbook(target)
    assert book.sheetnames[:2] == ["Статус", "Обоснование"]
    sheet = book["Статус"]
    assert [c.value for c in sheet[3]][:4] == ["Организация", "Файл", "Членов", "п. 1"]
    assert sheet["H4"].value == "частично (48 %)"
    assert sheet["H4"].fill.fgColor.rgb.endswith("FFEB9C")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--format", "xlsx"], 2),  # xlsx needs -o
        ([], 0),
    ],
)
@pytest.mark.slow
def test_cli_exit_codes(sample, reports, args, code):
    assert run("check", str(sample), str(reports / "zdrav.txt"), *args)[0] == code


@pytest.mark.slow
def test_cli_decree_without_items(tmp_path, reports):
    decree = tmp_path / "letter.txt"
    decree.write_text(NAMELESS, encoding="utf-8")
    code, _, err = run("check", str(decree), str(reports / "zdrav.txt"))
    assert code == NoDirectives.exit_code == 13
    assert "no numbered items" in err


def test_check_help_has_example_and_readme():
    code, out, _ = run("check", "--help")
    assert code == 0 and "Examples:" in out
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "decree check" in readme and "| 13 |" in readme


def test_operators_are_the_comparatives():
    assert find_condition("насчитывающим свыше 5000 членов").tests[0][0] is operator.gt
