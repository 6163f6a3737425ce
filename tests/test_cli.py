"""The CLI: one test per command and per exit code."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from pipeline import errors

CONTRACT = {
    "schema",
    "source",
    "kind",
    "header",
    "directives",
    "figures",
    "persons",
    "organizations",
    "references",
    "signatory",
    "urls",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_does_not_load_models():
    code = (
        "import sys; from cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('natasha', 'pymorphy3', 'slovnet', 'docx', 'pdfplumber') "
        "if m in sys.modules]\n"
        "print('LOADED', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in out.stdout
    assert "decree extract" in out.stdout


COMMANDS = ["extract", "eval", "check", "review", "render", "draft resolution",
            "draft appointment", "draft card", "batch", "registry search", "registry due",
            "registry show", "registry export"]  # fmt: skip
GROUPS = ("draft", "registry")


def test_every_command_is_tested_for_help():
    top = {name.split()[0] for name in COMMANDS}
    assert set(main.commands) == top
    for group in GROUPS:
        assert {f"{group} {n}" for n in main.commands[group].commands} == {
            c for c in COMMANDS if c.startswith(group + " ")
        }


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_example(command):
    code, out, _ = run(*command.split(), "--help")
    assert code == 0
    assert "Examples:" in out
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"decree {command}" in readme


def test_extract_json_has_every_contract_field(sample):
    code, out, err = run("extract", str(sample))
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= CONTRACT
    assert data["schema"] == "decree/1"
    assert data["header"]["number"] == "22-3"
    assert data["source"]["format"] == "txt"
    assert len(data["source"]["sha256"]) == 64


def test_extract_text_format(sample):
    code, out, _ = run("extract", "--format", "text", str(sample))
    assert code == 0
    assert "№ 22-3" in out
    assert "Срок: 01.10.2023" in out


def test_several_files_give_json_lines(sample, tmp_path):
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run("extract", str(sample), str(sample), "-o", str(out_file))
    assert code == 0
    rows = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["header"]["number"] for r in rows] == ["22-3", "22-3"]


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, int]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    corrupt = tmp / "corrupt.docx"
    corrupt.write_bytes(b"this is not a zip archive at all")
    not_docx = tmp / "nodoc.docx"
    with zipfile.ZipFile(not_docx, "w") as z:
        z.writestr("hello.txt", "hi")
    english = tmp / "english.txt"
    english.write_text("This order is written in English only. " * 20, encoding="utf-8")
    odd = tmp / "old.doc"
    odd.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return {
        "missing": (tmp / "nope.docx", errors.InputMissing.exit_code),
        "directory": (tmp, errors.NotAFile.exit_code),
        "empty": (empty, errors.EmptyInput.exit_code),
        "corrupt": (corrupt, errors.CorruptFile.exit_code),
        "zip-not-docx": (not_docx, errors.CorruptFile.exit_code),
        "english": (english, errors.NotRussian.exit_code),
        "unsupported": (odd, errors.UnsupportedFormat.exit_code),
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "empty", "corrupt", "zip-not-docx", "english", "unsupported"]
)
def test_bad_input_one_line_own_exit_code(case, tmp_path):
    path, expected = _bad_inputs(tmp_path)[case]
    code, out, err = run("extract", str(path))
    assert code == expected
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path.name) in lines[0]
    assert "Traceback" not in err


def test_verbose_shows_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, err = run("extract", "-v", str(path))
    assert code == errors.EmptyInput.exit_code
    assert "Traceback" in err


def test_batch_goes_on_after_a_failure(sample, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out_file = tmp_path / "out.jsonl"
    code, _, err = run("extract", str(bad), str(sample), "-o", str(out_file))
    assert code == errors.SOME_FAILED
    assert "empty.txt" in err
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 1


def test_exit_codes_are_distinct():
    codes = [
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.DecreeError)
        and cls is not errors.DecreeError
    ]
    assert len(codes) == len(set(codes))
    assert errors.SOME_FAILED not in codes


def _pages(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def test_too_many_pages_is_refused_with_its_exit_code(corpus):
    pdf = next(p for p in sorted(corpus.glob("*.pdf")) if _pages(p) >= 2)
    code, out, err = run("extract", "--max-pages", "1", str(pdf))
    assert code == errors.TooLarge.exit_code
    assert out == ""
    assert pdf.name in err and "--max-pages" in err


def test_text_without_an_extension_is_read(sample, tmp_path):
    path = tmp_path / "decree"
    path.write_bytes(sample.read_bytes())
    code, out, _ = run("extract", str(path))
    assert code == 0
    assert json.loads(out)["header"]["number"] == "22-3"


def test_output_that_cannot_be_written_is_one_line(sample, tmp_path):
    target = tmp_path / "no-such-folder" / "out.json"
    code, out, err = run("extract", str(sample), "-o", str(target))
    assert code == errors.OutputError.exit_code
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_failed_run_leaves_an_earlier_output_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("earlier", encoding="utf-8")
    code, _, _ = run("extract", str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == errors.InputMissing.exit_code
    assert target.read_text(encoding="utf-8") == "earlier"


def test_all_failing_for_one_reason_gives_that_reason(tmp_path):
    code, _, err = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == errors.InputMissing.exit_code
    assert len(err.strip().splitlines()) == 2
