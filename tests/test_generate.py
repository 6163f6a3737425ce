"""Drafts: every template renders, reopens, has no tag left, converts to PDF, and
`decree extract` reads back what was written (the round trip)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from cli import main
from pipeline import errors
from pipeline.generate.templates import NAMES, shipped_folder
from pipeline.generate.wording import add_month, count, text_date, working_day_on_or_after

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates" / "docx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def reports_22_3(corpus: Path) -> list[str]:
    """The seven reports whose statuses the gold gives (sample-drsop-22-3.status.json):
    the drafts below are asserted on them, whatever other reports the corpus gains."""
    gold = json.loads((corpus / "reports" / "sample-drsop-22-3.status.json").read_text("utf-8"))
    return sorted(str(corpus / "reports" / name) for name in gold["reports"])


@pytest.fixture(scope="module")
def resolution(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "resolution.docx"
    code, _, err = run(
        "draft",
        "resolution",
        str(corpus / "sample-drsop-22-3.txt"),
        *reports_22_3(corpus),
        "--meeting-date",
        "2023-12-14",
        "--number",
        "25-4",
        "-o",
        str(out),
    )
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def appointment(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "appointment.docx"
    code, _, err = run(
        "draft",
        "appointment",
        "--org",
        "Дагестанская республиканская организация Профсоюза работников здравоохранения РФ",
        "--person",
        "Курбанова Патимат Магомедовна",
        "--position",
        "заведующая отделом организационной работы",
        "--date",
        "2023-09-12",
        "--number",
        "31",
        "--signer",
        "Председатель|С.Г. Ахмедов",
        "-o",
        str(out),
    )
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def card(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "card.docx"
    code, _, err = run(
        "draft",
        "card",
        str(corpus / "sample-drsop-22-3.txt"),
        *reports_22_3(corpus),
        "--as-of",
        "2023-12-01",
        "-o",
        str(out),
    )
    assert code == 0, err
    return out


def test_templates_ship_with_their_example_contexts():
    assert shipped_folder() == TEMPLATES
    for name in NAMES:
        assert (TEMPLATES / f"{name}.docx").is_file()
        example = json.loads((TEMPLATES / f"{name}.json").read_text(encoding="utf-8"))
        assert isinstance(example, dict) and example


@pytest.mark.parametrize("name", NAMES)
def test_example_context_renders(name, tmp_path):
    out = tmp_path / f"{name}.docx"
    code, _, err = run(
        "render", str(TEMPLATES / f"{name}.docx"), str(TEMPLATES / f"{name}.json"), "-o", str(out)
    )
    assert code == 0, err
    text = text_of(out)
    assert "{{" not in text and "{%" not in text
    assert len(text) > 100


@pytest.mark.parametrize("name", NAMES)
def test_template_layout_follows_gost(name):
    document = docx.Document(str(TEMPLATES / f"{name}.docx"))
    section = document.sections[0]
    mm = [
        round(x.mm)
        for x in (
            section.top_margin,
            section.right_margin,
            section.bottom_margin,
            section.left_margin,
        )
    ]
    assert mm == [20, 10, 20, 30]
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 14)


@pytest.mark.slow
def test_resolution_round_trip(resolution):
    from pipeline import extract_file

    text = text_of(resolution)
    assert "{{" not in text and "{%" not in text
    x = extract_file(resolution)
    assert x.header.doc_type == "постановление"
    assert (x.header.date, x.header.number) == ("2023-12-14", "25-4")
    assert x.header.title.startswith("О ходе выполнения постановления Президиума ДР СОП")
    assert x.header.issuer.casefold() == "президиум др соп"
    items = [line for line in text.splitlines() if line[:1].isdigit() and ". " in line[:4]]
    assert [d.id for d in x.directives] == [str(k) for k in range(1, len(items) + 1)]
    new_deadlines = {d.deadline.date for d in x.directives if d.deadline}
    assert new_deadlines == {"2024-01-15"}  # 14.01.2024 is a Sunday
    assert x.signatory.name == "А.А. Магомедов"


@pytest.mark.slow
def test_resolution_names_who_has_not_done_an_item(resolution):
    text = text_of(resolution)
    # Profsoyuz APK did not do item 1: named in the genitive after "Руководителям".
    assert (
        "Руководителям Дагестанской республиканской организации Профсоюза работников "
        "агропромышленного комплекса"
    ) in text
    assert "выполнение пункта 1 постановления Президиума ДР СОП от 15.08.2023 № 22-3" in text
    assert "информацию о ходе его выполнения представили 7 организаций" in text


@pytest.mark.slow
def test_appointment_round_trip(appointment):
    from pipeline import extract_file

    text = text_of(appointment)
    assert (
        "Назначить Курбанову Патимат Магомедовну, заведующую отделом организационной "
        "работы, ответственной за информационную работу в Дагестанской республиканской "
        "организации Профсоюза работников здравоохранения РФ."
    ) in text
    x = extract_file(appointment)
    assert x.header.doc_type == "распоряжение"
    assert (x.header.date, x.header.number) == ("2023-09-12", "31")
    assert x.header.title == "О назначении ответственного за информационную работу"
    assert [d.id for d in x.directives] == ["1", "2"]
    assert "Курбанова Патимат Магомедовна" in {p.normal for p in x.persons}
    assert x.signatory.name == "С.Г. Ахмедов"


@pytest.mark.slow
def test_card_has_a_row_per_item(card, corpus):
    from pipeline import extract_file

    decree = extract_file(corpus / "sample-drsop-22-3.txt")
    table = docx.Document(str(card)).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows] == [d.id for d in decree.directives]
    assert rows[0][3] == "01.10.2023"
    assert all(r[5] for r in rows)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed "
    "(scripts/setup.sh --test installs libreoffice-writer-nogui)",
)
def test_drafts_convert_to_pdf(resolution, appointment, card):
    from pipeline.generate import to_pdf

    for path in (resolution, appointment, card):
        pdf = to_pdf(path)
        assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")


def test_undeclared_variable_is_one_line(tmp_path):
    context = tmp_path / "c.json"
    context.write_text(json.dumps({"title": "x"}), encoding="utf-8")
    code, out, err = run(
        "render", str(TEMPLATES / "resolution.docx"), str(context), "-o", str(tmp_path / "o.docx")
    )
    assert code == errors.ContextMismatch.exit_code
    assert "issuer_heading" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.docx").exists()


def test_broken_tag_names_its_line(tmp_path):
    broken = tmp_path / "broken.docx"
    document = docx.Document()
    document.add_paragraph("Дата: {{ date }")
    document.add_paragraph("{% if x %} без конца")
    document.save(str(broken))
    context = tmp_path / "c.json"
    context.write_text("{}", encoding="utf-8")
    code, _, err = run("render", str(broken), str(context), "-o", str(tmp_path / "o.docx"))
    assert code == errors.TemplateBroken.exit_code
    assert "broken tag" in err and "Traceback" not in err


def test_missing_template_has_its_own_code(tmp_path):
    context = tmp_path / "c.json"
    context.write_text("{}", encoding="utf-8")
    code, _, err = run("render", str(tmp_path / "none.docx"), str(context), "-o", "x.docx")
    assert code == errors.TemplateMissing.exit_code
    assert "none.docx" in err


def test_a_users_template_folder_wins(tmp_path, corpus):
    own = tmp_path / "mine"
    own.mkdir()
    document = docx.Document()
    document.add_paragraph("Моя карточка: {{ document }}, пунктов {{ rows|length }}")
    document.save(str(own / "control_card.docx"))
    out = tmp_path / "card.docx"
    code, _, err = run(
        "draft",
        "card",
        str(corpus / "sample-drsop-22-3.txt"),
        "--templates",
        str(own),
        "-o",
        str(out),
    )
    assert code == 0, err
    assert "Моя карточка: Постановление Президиума ДР СОП от 15.08.2023 № 22-3, пунктов 5" in (
        text_of(out)
    )


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2023, 12, 14), date(2024, 1, 15)),  # 14.01.2024 is a Sunday
        (date(2024, 1, 31), date(2024, 2, 29)),  # no 31 February: the month's last day
        (date(2024, 4, 8), date(2024, 5, 8)),
        (date(2024, 5, 12), date(2024, 6, 13)),  # 12.06 holiday … 13.06 working
        (date(2023, 12, 1), date(2024, 1, 9)),  # the New Year holidays
    ],
)
def test_new_deadline_is_a_working_day(start, expected):
    assert working_day_on_or_after(add_month(start)) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 организация"),
        (3, "3 организации"),
        (5, "5 организаций"),
        (11, "11 организаций"),
        (21, "21 организация"),
        (22, "22 организации"),
    ],
)
def test_counted_noun(n, expected):
    assert count(n, "организация") == expected


def test_text_date():
    assert text_date(date(2024, 1, 15)) == "15 января 2024 г."


@pytest.mark.slow
def test_roster_names_who_did_not_report(corpus, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Организация;Членов\n"
        "Дагестанская республиканская организация профсоюза работников жизнеобеспечения;860\n"
        "Дагестанская республиканская организация профсоюза работников связи;1 150\n",
        encoding="utf-8",
    )
    out = tmp_path / "resolution.docx"
    code, _, err = run("draft", "resolution", str(corpus / "sample-drsop-22-3.txt"),
                       *reports_22_3(corpus), "--roster", str(roster), "--meeting-date",
                       "2023-12-14", "-o", str(out))  # fmt: skip
    assert code == 0, err
    text = text_of(out)
    assert (
        "По перечню членских организаций (2) информацию представили 1, не представили: "
        "Дагестанская республиканская организация профсоюза работников связи." in text
    )
    assert ("Руководителям Дагестанской республиканской организации профсоюза работников связи "
            "представить информацию") in text  # fmt: skip


def test_a_bad_roster_is_one_line(corpus, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("Организация;Членов\nПрофсоюз;много\n", encoding="utf-8")
    code, _, err = run("draft", "resolution", str(corpus / "sample-drsop-22-3.txt"),
                       str(corpus / "reports" / "obrazprof-22-3.txt"), "--roster", str(roster),
                       "-o", str(tmp_path / "r.docx"))  # fmt: skip
    assert code == errors.CorruptFile.exit_code
    assert "roster.csv" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_appointment_from_a_report(corpus, tmp_path):
    out = tmp_path / "appointment.docx"
    code, _, err = run("draft", "appointment", "--from-report",
                       str(corpus / "reports" / "energoprof-22-3-cp1251.txt"),
                       "--basis", str(corpus / "sample-drsop-22-3.txt"),
                       "-o", str(out))  # fmt: skip
    assert code == 0, err
    text = text_of(out)
    assert (
        "Назначить Шахбанова Арсена Магомедовича, заместителя председателя, ответственным" in text
    )
    assert "Во исполнение постановления Президиума ДР СОП от 15.08.2023 № 22-3" in text
    assert "М.З. Ибрагимов" in text


def test_appointment_without_a_person_is_one_line(tmp_path):
    code, _, err = run("draft", "appointment", "--org", "Профком", "-o", str(tmp_path / "a.docx"))
    assert code == errors.ContextMismatch.exit_code
    assert "--person" in err and "Traceback" not in err
