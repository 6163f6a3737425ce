"""The review pages: marks placed on the text, the pages rendered, and both
pages opened in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from pipeline.check import read
from pipeline.review import check_page, review
from pipeline.review.locate import find_date, find_name, find_phrase
from pipeline.review.marks import HEADER_FIELDS, collect_marks
from pipeline.review.page import kinds
from pipeline.review.spans import build_doc, label_map

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = sorted(p for ext in ("txt", "docx", "pdf") for p in CORPUS.glob(f"*.{ext}"))
REPORTS_22_3 = sorted(
    p for p in (CORPUS / "reports").glob("*22-3*") if p.suffix in (".txt", ".docx", ".pdf")
)


@pytest.mark.parametrize(
    "text, phrase, printed",
    [
        ["Членским организациям ДР СОП, профсоюзам", "членские организации ДР СОП",
         "Членским организациям ДР СОП"],
        ["Руководителям членских организаций повысить", "руководители членских организаций",
         "Руководителям членских организаций"],
        ["Материально ответственным лицам сдать", "материально ответственные лица",
         "Материально ответственным лицам"],
        ["Приемной комиссии обеспечить", "приёмная комиссия", "Приемной комиссии"],
        ["О мерах по улучшению\nДР СОП", "О мерах по улучшению ДР СОП",
         "О мерах по улучшению\nДР СОП"],
        ["Управлению образования", "отдел культуры", None],
    ],
)  # fmt: skip
def test_find_phrase(text, phrase, printed):
    found = find_phrase(text, phrase)
    assert (text[found[0] : found[1]] if found else None) == printed


@pytest.mark.parametrize(
    "text, phrase, printed",
    [
        ["П Р Е З И Д И У М\n", "Президиум", "П Р Е З И Д И У М"],
        ["ПОСТАНОВЛЕНИЕ", "постановление", "ПОСТАНОВЛЕНИЕ"],
    ],
)
def test_find_phrase_spaced(text, phrase, printed):
    found = find_phrase(text, phrase, spaced=True)
    assert (text[found[0] : found[1]] if found else None) == printed


@pytest.mark.parametrize(
    "text, name, printed",
    [
        ["на заместителя Абдулкадырова Мурада Алиевича", "Абдулкадыров М.А.",
         "Абдулкадырова Мурада Алиевича"],
        ["возложить на В.А. Белоусова.", "Белоусов В.А.", "В.А. Белоусова"],
        ["(Гаджиев Абдулкадыр Расулович)", "Гаджиев А.Р.", "Гаджиев Абдулкадыр Расулович"],
        ["Иванову И.И.", "Петров П.П.", None],
    ],
)  # fmt: skip
def test_find_name(text, name, printed):
    found = find_name(text, name)
    assert (text[found[0] : found[1]] if found else None) == printed


@pytest.mark.parametrize(
    "text, iso, printed",
    [
        ["ПОСТАНОВЛЕНИЕ\n15.08.2023г.\n№ 22-3", "2023-08-15", "15.08.2023г."],
        ["от «15» августа 2023 г.", "2023-08-15", "«15» августа 2023 г."],
        ["15.08.2023", "2023-08-16", None],
    ],
)
def test_find_date(text, iso, printed):
    found = find_date(text, iso)
    assert (text[found[0] : found[1]] if found else None) == printed


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_highlights_line_up(path):
    """Every highlighted span holds the text the extraction gave for its fact,
    and every fact found in the text becomes a span."""
    text, extraction = read(path)
    marks = collect_marks(text, extraction)
    doc, lost = build_doc(text, marks, label_map(marks, kinds()))
    assert lost == []
    assert len(doc.spans["review"]) == len(marks)
    for mark in marks:
        span = doc.char_span(mark.start, mark.stop, alignment_mode="expand")
        if mark.fact is not None:
            assert _norm(mark.fact) in _norm(span.text), (mark.kind, mark.fact, span.text)


def test_sample_has_every_kind_of_mark(sample):
    text, extraction = read(sample)
    marks = collect_marks(text, extraction)
    found = {m.kind for m in marks}
    assert {f"header_{f}" for f in HEADER_FIELDS} <= found
    assert {"directive", "addressee", "deadline", "figure", "person", "reference"} <= found
    deadlines = [m for m in marks if m.kind == "deadline"]
    assert [text[m.start : m.stop] for m in deadlines][0] == "до 1 октября"
    assert deadlines[0].detail == "01.10.2023"
    number = next(m for m in marks if m.kind == "header_number")
    assert text[number.start : number.stop] == "22-3"


def test_review_page_is_self_contained(sample):
    html = review([sample]).html
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing fetched
    assert "<link" not in html and "<script" not in html
    assert 'title="срок → 01.10.2023"' in html  # the resolved date on hover
    assert "пункт 5" in html and "Реквизиты" in html


def test_review_lists_a_file_it_cannot_read(sample, tmp_path):
    missing = tmp_path / "missing.txt"
    result = review([sample, missing])
    assert [f.path for f in result.failed] == [str(missing)]
    assert "missing.txt" in result.html
    assert review([missing]).html is None


def test_cli_review_writes_the_page(sample, tmp_path):
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "пункт 1" in out.read_text(encoding="utf-8")
    assert str(out) in result.stderr


def test_cli_review_exit_codes(sample, tmp_path):
    missing = str(tmp_path / "missing.txt")
    out = tmp_path / "review.html"
    assert CliRunner().invoke(main, ["review", missing, "-o", str(out)]).exit_code == 3
    assert not out.exists()
    result = CliRunner().invoke(main, ["review", str(sample), missing, "-o", str(out)])
    assert result.exit_code == 2
    assert out.exists()


def test_cli_check_html(sample, tmp_path):
    out = tmp_path / "check.html"
    reports = [str(p) for p in REPORTS_22_3 if p.suffix == ".txt"]
    result = CliRunner().invoke(main, ["check", str(sample), *reports, "--format", "html",
                                       "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count("<details>") == 5 * len(reports)
    assert "Норматив: 1 экземпляр на 100 членов" in html


# -- in a real browser -------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (scripts/setup.sh --test installs it)"
)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]  # fmt: skip
WIDTH, HEIGHT = 1400, 2000


def _chromium(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp,
    )


def _screenshot(page: Path, tmp: Path) -> Path:
    png = tmp / (page.stem + ".png")
    done = _chromium(page, tmp, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}")
    assert png.is_file(), done.stderr[-2000:]
    return png


def _dom(page: Path, tmp: Path) -> tuple[str, str]:
    """(the DOM after loading, the console messages chromium logged)."""
    done = _chromium(page, tmp, "--dump-dom", "--enable-logging=stderr", "--v=0")
    return done.stdout, done.stderr


def _script_errors(log: str) -> list[str]:
    return [line for line in log.splitlines()
            if "CONSOLE" in line and re.search(r"Uncaught|Error", line)]  # fmt: skip


@needs_chromium
def test_script_errors_are_seen(tmp_path):
    """The console check of the pages below would catch a broken script."""
    page = tmp_path / "broken.html"
    page.write_text("<html><body><p>x</p><script>missing.call();</script></body></html>")
    _, log = _dom(page, tmp_path)
    assert _script_errors(log), log[-2000:]


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _count(image, box: tuple[int, int, int, int], color: str, tolerance: int = 12) -> int:
    """Pixels of `image` within `box` close to `color`."""
    target = _rgb(color)
    region = image.crop(box).convert("RGB")
    return sum(
        n
        for n, px in region.getcolors(maxcolors=1 << 20)
        if all(abs(a - b) <= tolerance for a, b in zip(px, target, strict=True))
    )


def _ink(image, box: tuple[int, int, int, int]) -> float:
    """The share of pixels in `box` that are not near-white."""
    region = image.crop(box).convert("L")
    total = region.width * region.height
    dark = sum(n for n, level in region.getcolors(maxcolors=256) if level < 200)
    return dark / total


@needs_chromium
@pytest.mark.slow
def test_review_page_in_a_browser(sample, tmp_path):
    from PIL import Image

    page = tmp_path / "review.html"
    page.write_text(review([sample]).html, encoding="utf-8")
    dom, log = _dom(page, tmp_path)
    assert _script_errors(log) == []
    assert dom.count('class="chip"') >= 20  # the span labels are in the DOM
    assert "срок → 01.10.2023" in dom

    image = Image.open(_screenshot(page, tmp_path))
    assert image.size == (WIDTH, HEIGHT)
    text_area = (0, 200, WIDTH * 6 // 10, HEIGHT)
    side = (WIDTH * 6 // 10, 200, WIDTH, 1000)
    assert _ink(image, text_area) > 0.02, "the text column is blank"
    assert _ink(image, side) > 0.01, "the side panel is blank"
    k = kinds()
    for kind in ("directive", "deadline", "figure", "header_date"):
        assert _count(image, text_area, k[kind]["color"]) > 200, f"no {kind} highlight"


@needs_chromium
@pytest.mark.slow
def test_check_page_in_a_browser(sample, tmp_path):
    from PIL import Image

    reports = [p for p in REPORTS_22_3 if p.suffix == ".txt"]
    html = check_page(sample, reports).html
    page = tmp_path / "check.html"
    page.write_text(html, encoding="utf-8")
    dom, log = _dom(page, tmp_path)
    assert _script_errors(log) == []
    assert dom.count("<details>") == 5 * len(reports)
    image = Image.open(_screenshot(page, tmp_path))
    matrix = (0, 100, WIDTH, 600)
    assert _ink(image, matrix) > 0.02
    assert _count(image, matrix, "#c6efce") > 2000, "no cell in the colour of done"

    # every cell opened: the evidence is highlighted in the report's text
    opened = tmp_path / "opened.html"
    opened.write_text(html.replace("<details>", "<details open>"), encoding="utf-8")
    image = Image.open(_screenshot(opened, tmp_path))
    assert _count(image, (0, 100, WIDTH, HEIGHT), kinds()["evidence"]["color"]) > 500
