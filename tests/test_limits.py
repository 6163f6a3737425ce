"""Bounded input: --max-chars (exit 18), ZIP sizes checked before inflating,
NER in pieces, names masked without a list of characters."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from pipeline import errors
from pipeline.extract.persons import _mask
from pipeline.ingest import read_document
from pipeline.nlp import tag_spans, text_chunks

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample-drsop-22-3.txt"
DOCX = ROOT / "corpus" / "city-buynaksk-pobeda-2022-48-r.docx"


def test_exit_code_is_new():
    kinds = [c for c in vars(errors).values() if isinstance(c, type)]
    codes = [c.exit_code for c in kinds if issubclass(c, errors.DecreeError) and c.exit_code > 1]
    assert errors.TooManyChars.exit_code == 18
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    "command", [["extract"], ["check", str(SAMPLE)], ["check", "--format", "html", str(SAMPLE)]]
)
def test_max_chars_is_refused_with_its_exit_code(command):
    result = CliRunner().invoke(main, [*command, "--max-chars", "1000", str(SAMPLE)])
    assert result.exit_code == errors.TooManyChars.exit_code
    assert "--max-chars" in result.stderr and str(SAMPLE) in result.stderr
    assert "Traceback" not in result.stderr


def test_max_chars_counts_characters_not_bytes(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    assert read_document(SAMPLE, max_chars=len(text) + 10).text
    with pytest.raises(errors.TooManyChars):
        read_document(SAMPLE, max_chars=len(text) // 2)


def test_max_chars_stops_a_docx_while_reading():
    with pytest.raises(errors.TooManyChars, match="more than 100 characters"):
        read_document(DOCX, max_chars=100)


def _bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        with zipfile.ZipFile(DOCX) as source:
            for info in source.infolist():
                if info.filename != "word/document.xml":
                    out.writestr(info.filename, source.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\x20" * (1 << 24)
            for _ in range(size >> 24):
                member.write(block)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    _bomb(path, 512 << 20)
    return path


def test_zip_bomb_is_refused_before_inflating(bomb):
    code = (
        "import re, sys\n"
        "from pipeline.errors import CorruptFile\n"
        "from pipeline.ingest import read_document\n"
        "try:\n    read_document(sys.argv[1])\nexcept CorruptFile as e:\n    print(e.line())\n"
        # VmHWM, not ru_maxrss: ru_maxrss keeps the parent's peak across exec
        "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, check=True,
        cwd=ROOT,
    )  # fmt: skip
    line, rss_kib = out.stdout.splitlines()
    assert "ZIP bomb" in line and str(bomb) in line
    assert int(rss_kib) < 300 * 1024


def test_zip_bomb_through_the_cli(bomb):
    result = CliRunner().invoke(main, ["extract", str(bomb)])
    assert result.exit_code == errors.CorruptFile.exit_code
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "text, size, expected",
    [
        ("", 10, [(0, 0)]),
        ("короткий", 10, [(0, 8)]),
        ("aaaa\nbbbb\ncccc", 10, [(0, 10), (10, 14)]),
        ("aa\n\nbbbb\ncccc", 10, [(0, 9), (9, 13)]),  # a blank line too early: the line break
        ("aaaaaa\n\nbb\ncccc", 10, [(0, 8), (8, 15)]),
        ("aaaa. bbbb cc", 8, [(0, 6), (6, 13)]),
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),
    ],
)
def test_text_chunks(text, size, expected):
    assert text_chunks(text, size) == expected


def test_ner_in_pieces_finds_the_same_names_at_each_copy():
    para = "Поручить Ивану Петрову подготовить отчёт.\nКонтроль возложить на Марию Сидорову.\n"
    one = tag_spans(para)
    many = tag_spans(para * 1000)  # 80 000 characters: several pieces
    assert one and len(many) == 1000 * len(one)
    assert many[-len(one) :] == [(a + 999 * len(para), b + 999 * len(para), k) for a, b, k in one]


def test_mask():
    assert _mask("Иванов И.И. и Петров", [(0, 11), (14, 20)]) == "\x00" * 11 + " и " + "\x00" * 6
    assert _mask("abc", []) == "abc"
