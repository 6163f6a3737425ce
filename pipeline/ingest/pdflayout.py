"""PDF geometry: words -> lines -> paragraphs.

Works on plain word dicts (text, x0, x1, top, bottom, size, fontname) in
display space, the shape pdfplumber uses and pdfpage.py produces; no PDF
library is touched here. Paragraph breaks are an ordered list of small rules
(`BREAK_RULES`), each looking at the previous and the current line;
`break_rule` says which one fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from statistics import median
from typing import Any

from .clean import join_hyphenated

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b$|-b$", re.IGNORECASE)
# Item labels that start a new paragraph: "1.", "2.1.", "1)", "а)", "-", "•".
LABEL = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.(?=\s|$)|\d{1,2}(?:\.\d{1,2})*\)|[а-яёa-z]\)|[-–—•·▪●◦]\s|[IVX]{1,4}\.\s)"
)
_SENTENCE_END = ".:;!?"


@dataclass
class Line:
    """One visual line. text has "\\t" where a wide gap separates two parts."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    first_width: float  # width of the first word: would it have fit above?
    text_x: float  # where the text after a leading label starts


def _is_bold(word: dict[str, Any]) -> bool:
    return bool(_BOLD_FONT.search(str(word.get("fontname", ""))))


def group_lines(words: list[dict[str, Any]], page: int) -> list[Line]:
    """Cluster words into lines by vertical overlap and order them left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows:
            last = rows[-1]
            top = min(w["top"] for w in last)
            bottom = max(w["bottom"] for w in last)
            height = min(bottom - top, word["bottom"] - word["top"]) or 1.0
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= 0.5 * height:
                last.append(word)
                continue
        rows.append([word])
    page_gaps = [
        b["x0"] - a["x1"]
        for row in rows
        for a, b in zip(sorted(row, key=_x0), sorted(row, key=_x0)[1:], strict=False)
        if b["x0"] - a["x1"] > 0
    ]
    space = median(page_gaps) if page_gaps else 0.0
    return [_make_line(sorted(row, key=_x0), page, space) for row in rows]


def _x0(word: dict[str, Any]) -> float:
    return float(word["x0"])


def _make_line(row: list[dict[str, Any]], page: int, page_space: float) -> Line:
    size = median(float(w.get("size") or (w["bottom"] - w["top"])) for w in row)
    gaps = [b["x0"] - a["x1"] for a, b in zip(row, row[1:], strict=False)]
    parts = [row[0]["text"]]
    for index, gap in enumerate(gaps):
        others = sorted(g for i, g in enumerate(gaps) if i != index and g > 0.1 * size)
        reference = median(others) if len(others) >= 2 else (page_space or 0.25 * size)
        if gap < 0.1 * size:
            glue = ""  # one word split by a font change
        elif index == 0 and LABEL.match(row[0]["text"] + " "):
            glue = " "  # "1." and the tab Word puts after a list label
        elif gap > max(3 * reference, 0.9 * size):
            glue = "\t"
        else:
            glue = " "
        parts.append(glue + row[index + 1]["text"])
    text = "".join(parts)
    text_x = row[1]["x0"] if len(row) > 1 and LABEL.match(text) else row[0]["x0"]
    return Line(
        text=text,
        x0=row[0]["x0"],
        x1=row[-1]["x1"],
        top=min(w["top"] for w in row),
        bottom=max(w["bottom"] for w in row),
        size=size,
        bold=all(_is_bold(w) for w in row),
        page=page,
        first_width=row[0]["x1"] - row[0]["x0"],
        text_x=text_x,
    )


@dataclass(frozen=True)
class Frame:
    """What the rules know about the text column: margins and line pitch."""

    left: float
    right: float
    pitch: float  # normal distance between the tops of consecutive lines


def measure(lines: Iterable[Line], width: float) -> Frame:
    """Margins and line pitch from lines that share one page width.

    The right margin is where the longest line ends, but not left of the
    mirror of the left margin (a short text may have no full line).
    """
    lines = list(lines)
    if not lines:
        return Frame(0.0, width, 0.0)
    plain = [ln for ln in lines if "\t" not in ln.text] or lines
    pitches = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < b.top - a.top < 3 * a.size
    ]
    left = min(ln.x0 for ln in lines)
    return Frame(
        left=left,
        right=max(max(ln.x1 for ln in plain), width - left),
        pitch=median(pitches) if pitches else 0.0,
    )


def _starts_lower(line: Line) -> bool:
    return line.text[:1].islower()


def _ends_sentence(line: Line) -> bool:
    return line.text.rstrip()[-1:] in _SENTENCE_END


def _centered(line: Line, frame: Frame) -> bool:
    left, right = line.x0 - frame.left, frame.right - line.x1
    return left > line.size and abs(left - right) < 1.5 * line.size


Rule = Callable[[Line, Line, Frame, bool], bool]


def vertical_gap(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    # Across a page break only the other rules speak: a sentence goes on.
    if cur.page != prev.page:
        return False
    pitch = cur.top - prev.top
    if frame.pitch:
        return pitch > 1.4 * frame.pitch or pitch < 0
    return pitch > 2 * prev.size or pitch < 0


def font_change(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    return abs(cur.size - prev.size) > 0.15 * prev.size or cur.bold != prev.bold


def two_parts(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    return "\t" in prev.text or "\t" in cur.text


def item_label(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    return bool(LABEL.match(cur.text))


def short_line(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    # The first word of this line would have fitted on the previous one, so
    # the previous line ended on purpose. A lower-case start after a line
    # with no closing punctuation is still a wrapped sentence (narrow titles).
    if _starts_lower(cur) and not _ends_sentence(prev):
        return False
    room = frame.right - prev.x1
    return room > cur.first_width + 0.5 * cur.size


def indent(prev: Line, cur: Line, frame: Frame, first: bool) -> bool:
    step = 0.8 * cur.size
    if _centered(prev, frame) and _centered(cur, frame):
        return False
    if cur.x0 > prev.x0 + step:
        # A hanging-indent continuation lines up with the text after "1.".
        return abs(cur.x0 - prev.text_x) > 0.5 * cur.size
    # Back to the margin after a continuation line: a new paragraph.
    return cur.x0 < prev.x0 - step and not first


BREAK_RULES: tuple[Rule, ...] = (
    vertical_gap,
    font_change,
    two_parts,
    item_label,
    short_line,
    indent,
)


def break_rule(prev: Line, cur: Line, frame: Frame, first: bool) -> str | None:
    """The name of the first rule that starts a new paragraph at cur, or None.

    first tells whether prev is the first line of its paragraph.
    """
    for rule in BREAK_RULES:
        if rule(prev, cur, frame, first):
            return rule.__name__
    return None


def paragraphs(lines: list[Line], frames: Mapping[int, Frame]) -> list[list[Line]]:
    """Split consecutive lines into paragraphs; frames gives each page's Frame."""
    out: list[list[Line]] = []
    for line in lines:
        frame = frames[line.page]
        if out and break_rule(out[-1][-1], line, frame, len(out[-1]) == 1) is None:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def join(lines: list[Line], vocabulary: Container[str] = ()) -> str:
    """The text of a paragraph: lines joined by spaces, hyphenation undone."""
    text = ""
    for line in lines:
        text = join_hyphenated(text, line.text, vocabulary)
    return text
