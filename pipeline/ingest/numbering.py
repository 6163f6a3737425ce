"""Word automatic numbering rebuilt from numbering.xml.

python-docx does not give list numbers, so the labels ("1.", "2.1.", "а)")
are counted here the way Word counts them (ECMA-376 Part 1, 17.9):

- a `w:num` points to a `w:abstractNum` whose `w:lvl` elements give start,
  numFmt, lvlText ("%1.%2.") and isLgl for each of 9 levels;
- `w:num` instances that share an abstractNum continue one another's
  counters, unless a `w:lvlOverride/w:startOverride` restarts them (this is
  what Word writes for "Restart numbering");
- a level restarts when a higher level advances (`w:lvlRestart` can change
  or disable that);
- an abstractNum with `w:numStyleLink` takes its levels from the list style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .styles import StyleSheet, W, toggle, w_val

LEVELS = 9
BULLET = "-"
# Word's "russianLower" sequence: no ё, й, ъ, ь (LibreOffice imports it with the
# same 29 letters: i18npool CHARS_CYRILLIC_LOWER_LETTER_RU).
RUSSIAN = "абвгдежзиклмнопрстуфхцчшщыэюя"
LATIN = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_PLACEHOLDER = re.compile(r"%([1-9])")


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter after the alphabet runs out: z, aa, bb, ...
    if n < 1:
        return str(n)
    index, repeat = (n - 1) % len(alphabet), (n - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word numFmt ("decimal", "russianLower", ...)."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(n, LATIN)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("russianLower", "russianUpper"):
        text = _letters(n, RUSSIAN)
        return text.upper() if fmt == "russianUpper" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n) if n > 0 else str(n)
        return text.upper() if fmt == "upperRoman" else text
    return str(n)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None when absent
    restart: int | None = None  # lvlRestart (1-based level), 0 = never
    legal: bool = False
    style: str | None = None  # w:pStyle linking a paragraph style to this level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(element: Any) -> Level:
    text = element.find(W + "lvlText")
    restart = w_val(element, "lvlRestart")
    return Level(
        start=_int(w_val(element, "start"), 1),
        fmt=w_val(element, "numFmt") or "decimal",
        text=text.get(W + "val", "") if text is not None else None,
        restart=_int(restart, 1) if restart is not None else None,
        legal=bool(toggle(element, "isLgl")),
        style=w_val(element, "pStyle"),
    )


class Numbering:
    """Counts numbered paragraphs in document order and returns their labels."""

    def __init__(self, root: Any | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> list style id
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        if root is None:
            return
        for element in root.iter(W + "abstractNum"):
            abstract_id = element.get(W + "abstractNumId") or ""
            self._abstract[abstract_id] = {
                _int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in element.iter(W + "lvl")
            }
            link = w_val(element, "numStyleLink")
            if link:
                self._style_link[abstract_id] = link
        for element in root.iter(W + "num"):
            num_id = element.get(W + "numId") or ""
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in element.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = w_val(override, "startOverride")
                if start is not None:
                    starts[ilvl] = _int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[num_id] = (w_val(element, "abstractNumId") or "", starts, levels)

    def _resolve_abstract(self, num_id: str) -> str | None:
        """The abstractNum a num uses, following one numStyleLink."""
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        abstract_id = entry[0]
        link = self._style_link.get(abstract_id)
        if link:
            linked = self._styles.numbering(link)
            if linked and linked[0] in self._nums:
                abstract_id = self._nums[linked[0]][0]
        return abstract_id if abstract_id in self._abstract else None

    def _levels(self, num_id: str, abstract_id: str) -> dict[int, Level]:
        """The levels as this num sees them: lvlOverride replaces a level, and
        startOverride its start."""
        _, starts, overrides = self._nums[num_id]
        levels = dict(self._abstract[abstract_id])
        for ilvl, level in overrides.items():
            levels[ilvl] = _level_merge(levels.get(ilvl), level)
        for ilvl, start in starts.items():
            levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
        return levels

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level whose w:pStyle is this paragraph style, else 0."""
        abstract_id = self._resolve_abstract(num_id)
        if abstract_id is None or style_id is None:
            return 0
        for ilvl, level in self._abstract[abstract_id].items():
            if level.style == style_id:
                return ilvl
        return 0

    def count(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (num, level) and return the paragraph's label.

        Returns None when the num is unknown or the level prints no label; a
        bullet level returns "-".
        """
        abstract_id = self._resolve_abstract(num_id)
        if abstract_id is None:
            return None
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        levels = self._levels(num_id, abstract_id)
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            # "Restart numbering": a num with startOverride starts its levels anew.
            for restarted in self._nums[num_id][1]:
                counters[restarted:] = [None] * (LEVELS - restarted)
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = current + 1 if current is not None else level.start
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return self._label(level, levels, counters)

    def _label(
        self, level: Level, levels: dict[int, Level], counters: list[int | None]
    ) -> str | None:
        if level.fmt == "bullet":
            return BULLET
        if level.text is None:
            return None

        def substitute(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, Level())
            value = counters[index]
            if value is None:
                value = other.start
            return format_number(value, "decimal" if level.legal else other.fmt)

        label = _PLACEHOLDER.sub(substitute, level.text).strip()
        return label or None


def _level_merge(base: Level | None, override: Level) -> Level:
    # A w:lvl inside w:lvlOverride replaces the level; keep the base text when
    # the override leaves lvlText out.
    if base is None or override.text is not None:
        return override
    return replace(override, text=base.text)
