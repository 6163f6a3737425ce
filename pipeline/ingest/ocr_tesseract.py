"""The Tesseract binary: find it, check its Russian data, run it.

Tesseract is called as a program (no Python binding): a page image goes in as
an uncompressed PGM file, TSV comes out (words with their block, paragraph
and line numbers, boxes and confidences), and a one-page PDF with an
invisible text layer when a searchable PDF is wanted. OpenMP is switched off
(OMP_THREAD_LIMIT=1): pages are OCRed in parallel processes instead, and on a
few cores Tesseract's own threads cost more than they give.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from pipeline.errors import CorruptFile, OCRUnavailable
from pipeline.i18n import _

LANGUAGE = "rus"
URL_LANGUAGE = "eng"
TIMEOUT = 300  # seconds for one page; a healthy page takes one or two
# "A single column of text of variable sizes": lines run across the whole
# page, so a hanging item label ("1." far left of its text) and a header row
# ("15.08.2023г.    № 22-3") stay on their line; the default (3) finds
# columns and drops short labels as noise.
PAGE_SEGMENTATION = 4
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True)
class Tesseract:
    """The installed Tesseract: its path and the traineddata it has."""

    binary: str
    languages: frozenset[str]

    @property
    def has_osd(self) -> bool:
        return "osd" in self.languages

    @property
    def has_eng(self) -> bool:
        return URL_LANGUAGE in self.languages


@dataclass(frozen=True)
class TsvWord:
    """One word of Tesseract's TSV output, in pixels of the image it read."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    block: int
    par: int
    line: int


@lru_cache(maxsize=1)
def _probe(binary: str | None) -> Tesseract:
    if binary is None:
        raise OCRUnavailable(None, _("Tesseract is not installed (no `tesseract` program on PATH)"))
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, env=_ENV
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OCRUnavailable(
            None, _("Tesseract cannot be run ({error})").format(error=exc)
        ) from exc
    # The list goes to stdout in Tesseract 5, to stderr in some older builds.
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    languages = frozenset(ln.strip() for ln in lines if re.fullmatch(r"[\w.+-]+", ln.strip()))
    if LANGUAGE not in languages:
        raise OCRUnavailable(None, _("Tesseract has no Russian data (rus.traineddata)"))
    return Tesseract(binary, languages)


def tesseract() -> Tesseract:
    """The installed Tesseract; raises OCRUnavailable when it or its Russian data is missing."""
    return _probe(shutil.which("tesseract"))


def available() -> bool:
    """Whether OCR can run here (Tesseract with Russian data)."""
    try:
        tesseract()
    except OCRUnavailable:
        return False
    return True


def _run(args: list[str], path: str, what: str) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, env=_ENV)
    except subprocess.TimeoutExpired as exc:
        raise CorruptFile(
            path,
            _("{what}: Tesseract took longer than {seconds} s").format(what=what, seconds=TIMEOUT),
        ) from exc
    except OSError as exc:
        raise OCRUnavailable(
            path, _("Tesseract cannot be run ({error})").format(error=exc)
        ) from exc
    if done.returncode != 0:
        message = " ".join(done.stderr.split())[-300:] or _("exit code {code}").format(
            code=done.returncode
        )
        raise CorruptFile(
            path, _("{what}: Tesseract failed ({error})").format(what=what, error=message)
        )
    return done


def recognize(
    image: Image.Image,
    dpi: int,
    *,
    path: str = "",
    what: str = "page",
    language: str = LANGUAGE,
    psm: int = PAGE_SEGMENTATION,
    pdf: bool = False,
) -> tuple[list[TsvWord], bytes | None]:
    """OCR one image: (words, a one-page PDF with only the invisible text
    layer, or None)."""
    binary = tesseract().binary
    with tempfile.TemporaryDirectory(prefix="decree-ocr-") as tmp:
        source = Path(tmp) / "page.pnm"  # PBM for one bit per pixel, PGM for grey
        image.save(source, "PPM")
        base = Path(tmp) / "out"
        args = [binary, str(source), str(base), "-l", language, "--dpi", str(dpi)]
        # No second reading of low-confidence lines as white on black: the page
        # reaches Tesseract binarized dark on light, and the retry cost 4-5 % of
        # the time with the same text on the photo and scan corpora.
        args += ["--psm", str(psm), "-c", "tessedit_do_invert=0"]
        args += ["-c", "textonly_pdf=1", "tsv", "pdf"] if pdf else ["tsv"]
        _run(args, path, what)
        words = parse_tsv(base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace"))
        document = base.with_suffix(".pdf").read_bytes() if pdf else None
    return words, document


def parse_tsv(text: str) -> list[TsvWord]:
    """The words (level 5 rows with text) of Tesseract's TSV output."""
    words: list[TsvWord] = []
    for row in text.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
            left, top, width, height = (int(c) for c in cells[6:10])
            conf = float(cells[10])
        except ValueError:
            continue
        words.append(TsvWord(cells[11].strip(), left, top, width, height, conf, block, par, line))
    return words


_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def detect_orientation(image: Image.Image, dpi: int, *, path: str = "") -> tuple[int, float] | None:
    """Tesseract's orientation and script detection (--psm 0) on an image.

    Returns (degrees to turn the image counter-clockwise so that the text
    stands upright, confidence), or None when OSD data is missing or
    Tesseract finds too few characters.
    """
    info = tesseract()
    if not info.has_osd:
        return None
    with tempfile.TemporaryDirectory(prefix="decree-osd-") as tmp:
        source = Path(tmp) / "page.pnm"
        image.save(source, "PPM")
        args = [info.binary, str(source), "-", "--psm", "0", "--dpi", str(dpi)]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=60, env=_ENV)
        except (OSError, subprocess.SubprocessError):
            return None
    rotate, confidence = _ROTATE.search(done.stdout), _CONFIDENCE.search(done.stdout)
    if done.returncode != 0 or rotate is None or confidence is None:
        return None
    # "Rotate: 90" means: turn the image 90 degrees clockwise to fix it.
    return (-int(rotate.group(1))) % 360, float(confidence.group(1))
