"""OCR words -> the page layout the PDF reader builds (lines, paragraphs, tables).

Tesseract's TSV gives each word a box and a (block, paragraph, line) number.
Words of one Tesseract line share that line's top and bottom, so the PDF
line grouping (pdflayout.group_lines) keeps them together and also joins
lines that Tesseract put into different blocks but that stand side by side
(a header row "15.08.2023г.        № 22-3": the wide gap becomes a tab).
From there on an OCRed page is a text-layer page: the same paragraph rules,
the same table finder (fed with the rulings found in the image), the same
hyphenation repair. OCR clean-up runs on every word and every line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from statistics import median
from typing import Any

from .ocr_clean import (
    clean_ocr_line,
    clean_word,
    fix_across,
    fix_confusions,
    split_glued_and,
    split_glued_letter,
)
from .ocr_page import OcrWord, PageOCR
from .pdf import PageContent, layout_page

# A Tesseract line is this much of the font size high (cap height to descender).
_LINE_TO_SIZE = 0.85
_RULE_GLYPHS = re.compile(r"^[|\[\]_—–\-!lI1]+$")
_PUNCTUATION = re.compile(r"^[\W_]+$")
NOISE_CONFIDENCE = 50.0  # punctuation-only words below this are specks
_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]$")
_NEVER_ALONE = {"‚", "`", "'", "_", "‘", "’", "„", "^", "~", "|"}
_WORD = re.compile(r"[А-Яа-яЁё]+")
_LAST_WORD = re.compile(r"([А-Яа-яЁё]+)$")
_FIRST_WORD = re.compile(r"^([а-яё]+)")


def _near_rule(word: OcrWord, edges: list[dict[str, Any]]) -> bool:
    for edge in edges:
        if edge["orientation"] == "v":
            across = word.x0 - 4 <= edge["x0"] <= word.x1 + 4
            if across and word.top < edge["bottom"] and word.bottom > edge["top"]:
                return True
        else:
            across = word.top - 4 <= edge["top"] <= word.bottom + 4
            if across and word.x0 < edge["x1"] and word.x1 > edge["x0"]:
                return True
    return False


def _without_specks(words: list[OcrWord]) -> list[OcrWord]:
    """Drop specks read as punctuation ("‚", "_", "—" with a low confidence)
    at either end of a line or right after an item label; a dash between
    two words ("Апрель – май") stays."""
    keep = []
    for i, word in enumerate(words):
        if word.conf < NOISE_CONFIDENCE and _PUNCTUATION.match(word.text):
            edge = i == 0 or i == len(words) - 1
            after_label = i > 0 and _LABEL.match(words[i - 1].text) is not None
            if edge or after_label or word.text in _NEVER_ALONE:
                continue
        keep.append(word)
    return keep


def word_dicts(words: list[OcrWord], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber-style word dicts; words of one Tesseract line share its top and bottom."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        # Bits of table rulings that Tesseract read as "|" or "_".
        if _RULE_GLYPHS.match(word.text) and _near_rule(word, edges):
            continue
        lines.setdefault((word.block, word.par, word.line), []).append(word)
    lines = {key: _without_specks(ws) for key, ws in lines.items()}
    lines = {key: ws for key, ws in lines.items() if ws}
    boxes = {key: (min(w.top for w in ws), max(w.bottom for w in ws)) for key, ws in lines.items()}
    heights = [b - t for key, (t, b) in boxes.items() if len(lines[key]) >= 3]
    heights = heights or [b - t for t, b in boxes.values()]
    body = median(heights) if heights else 10.0
    out: list[dict[str, Any]] = []
    for key, ws in lines.items():
        top, bottom = boxes[key]
        height = bottom - top
        size = (body if 0.75 * body <= height <= 1.3 * body else height) / _LINE_TO_SIZE
        for w in ws:
            font = "OCR-Bold" if w.bold else "OCR"
            for text, x0, x1 in _split_number_sign(clean_word(w.text), w.x0, w.x1, size):
                out.append(
                    {
                        "text": text,
                        "x0": x0,
                        "x1": x1,
                        "top": top,
                        "bottom": bottom,
                        "size": size,
                        "fontname": font,
                    }
                )
    return out


def _split_number_sign(
    text: str, x0: float, x1: float, size: float
) -> list[tuple[str, float, float]]:
    """ "№5" as two words, "№" and "5", the way most acts print it (and so that
    the tab logic sees one more ordinary word gap in a header line)."""
    if len(text) < 2 or not text.startswith("№") or not text[1].isdigit():
        return [(text, x0, x1)]
    cut = min(x0 + 0.8 * size, (x0 + x1) / 2)
    return [("№", x0, cut), (text[1:], cut + 0.25 * size, max(x1, cut + 0.5 * size))]


def page_content(page: PageOCR) -> PageContent:
    """An OCRed page laid out like a text-layer page, its text cleaned."""
    words = word_dicts(page.words, page.edges)
    content = layout_page(page.number, page.width, page.height, words, page.edges)
    for line in content.lines:
        line.text = clean_ocr_line(line.text)
    for table in content.tables:
        for row in table.rows:
            for cell in row:
                for line in cell.lines:
                    line.text = clean_ocr_line(line.text)
    content.confidence = page.confidence
    content.pitch = paragraph_pitch(page.words)
    return content


def paragraph_pitch(words: list[OcrWord]) -> float | None:
    """The distance between the tops of consecutive lines inside Tesseract's
    paragraphs: the page's line pitch even when most paragraphs are one line
    long (then the median pitch of all lines is the paragraph spacing)."""
    tops: dict[tuple[int, int], dict[int, float]] = {}
    for w in words:
        lines = tops.setdefault((w.block, w.par), {})
        lines[w.line] = min(lines.get(w.line, w.top), w.top)
    steps = []
    for lines in tops.values():
        ordered = [lines[k] for k in sorted(lines)]
        steps += [b - a for a, b in zip(ordered, ordered[1:], strict=False) if b > a]
    return median(steps) if len(steps) >= 3 else None


def _all_lines(content: PageContent) -> list[Any]:
    lines = list(content.lines)
    lines += [ln for t in content.tables for r in t.rows for c in r for ln in c.lines]
    return lines


def finish_pages(contents: list[PageContent]) -> list[PageContent]:
    """Clean-up that needs the whole document or a dictionary.

    A conjunction or preposition glued to the word before it is split off
    when the document or pymorphy3's dictionary knows the word alone, an
    unknown word is mended by one typical letter confusion, and a
    word that a narrow table cell broke without a hyphen ("ежеквартальн" /
    "о") is joined again.
    """
    ocr = [c for c in contents if c.confidence is not None]
    if not ocr:
        return contents
    from pipeline.nlp import morph

    analyzer = morph()

    @lru_cache(maxsize=8192)
    def known(word: str) -> bool:
        return bool(analyzer.word_is_known(word))

    seen = {w.lower() for c in contents for ln in _all_lines(c) for w in _WORD.findall(ln.text)}
    for content in ocr:
        for line in _all_lines(content):
            line.text = split_glued_letter(split_glued_and(line.text, seen), known)
            line.text = fix_confusions(line.text, known)
        _across(content.lines)
        for table in content.tables:
            for row in table.rows:
                for cell in row:
                    cell.lines = _join_broken_words(cell.lines, known)
                    _across(cell.lines)
    return contents


def _across(lines: list[Any]) -> None:
    for left, right in zip(lines, lines[1:], strict=False):
        left.text = fix_across(left.text, right.text)


def _join_broken_words(lines: list[Any], known: Callable[[str], bool]) -> list[Any]:
    out: list[Any] = []
    for line in lines:
        if out:
            left = _LAST_WORD.search(out[-1].text)
            right = _FIRST_WORD.match(line.text)
            if left and right:
                head, tail = left.group(1), right.group(1)
                joined = (head + tail).lower()
                if known(joined) and not (known(head.lower()) and known(tail.lower())):
                    out[-1].text += line.text
                    continue
        out.append(line)
    return out
