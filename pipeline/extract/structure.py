"""The operative part and its items.

The operative part starts at a marker ("постановляет:", "П Р И К А З Ы В А Ю",
"РЕШИЛИ:"), or, where the marker is missing, at the first item after a preamble
ending in ":". It ends at the signature or an appendix. Items are numbered
("1.", "1.1.", "1)"), lettered ("а)"), bulleted ("-"), rows of a plan table, or,
with no labels at all, plain paragraphs.
"""

from __future__ import annotations

import re

from pipeline.extract.item import Item
from pipeline.extract.lexicon import (
    APPENDIX_RE,
    CONTROL_RE,
    DEADLINE_LINE_RE,
    INITIALS_NAME_RE,
    MARKER_RE,
    PLAN_APPROVAL_RE,
    POSITION_RE,
    RESPONSIBLE_LINE_RE,
)
from pipeline.extract.lines import Line, table_rows
from pipeline.extract.tables import read_plan_rows
from pipeline.nlp import parse as parse_word

# A label is followed by a blank, or on web copies glued to its item's first
# word ("1.Утвердить", "2.1.в срок до …"); a glued label needs its dot.
LABEL_RE = re.compile(
    r"^\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)]))"
    r"(?:(?P<num_end>\.|\))?(?=\s)|(?P<glued>\.)(?=[А-ЯЁа-яё«\"]))"
    r"|(?P<let>[а-яёa-z])\)(?=\s)"
    r"|(?P<bul>[-–—•·*▪●])(?=\s))\s*"
)
# Protocol sections that end a ПОСТАНОВИЛИ part: the next question, the vote.
PROTOCOL_SECTION_RE = re.compile(
    r"^\s*(?:СЛУШАЛИ|Слушали|ВЫСТУПИЛИ|Выступили|ГОЛОСОВАЛИ|Голосовали|Решение\s+принято"
    r"|По\s+\S+\s+вопросу)\b"
)


def _marker(text: str, line: Line) -> re.Match[str] | None:
    s = line.text(text)
    for m in MARKER_RE.finditer(s):
        before = s[m.start() - 1] if m.start() > 0 else " "
        word = m.group("marker")
        glued = before.isalpha() and before.isupper() == word[0].isupper() and " " not in word
        if glued and word.lower().startswith("реш"):
            continue  # "разрешил" is not a marker; "профсоюзапостановляет" is
        tail_ok = m.group("tail").strip() or m.end() == len(s.rstrip())
        if tail_ok and len(s) - m.end() < 400:
            return m
    return None


def first_marker(text: str, lines: list[Line]) -> int | None:
    """Index of the first line with an operative marker, None if there is none."""
    for i, line in enumerate(lines):
        if line.table is None and _marker(text, line):
            return i
    return None


def header_limit(text: str, lines: list[Line]) -> int:
    """Where the heading must have ended: the first operative marker, first item,
    signature or paragraph of running text (the preamble)."""
    for i, line in enumerate(lines):
        if line.table is not None:
            continue
        s = line.text(text)
        label = LABEL_RE.match(s)
        if _marker(text, line) or len(s) > 200 or is_signature(text, lines, i):
            return i
        if label and label.group("num") == "1":
            return i
    return len(lines)


def is_signature(text: str, lines: list[Line], i: int) -> bool:
    """Does line i open the signature block (position, then initials and surname)?"""
    s = lines[i].text(text).strip()
    if lines[i].table is not None:
        s = " ".join(lines[i].cell_texts(text))
    if not POSITION_RE.match(s) or len(s) > 160:
        return False
    if INITIALS_NAME_RE.search(s) and not s.endswith((";", ",")):
        return not re.search(r"\b(?:возложить|назначить|поручить)\b", s, re.IGNORECASE)
    if len(s) < 90 and not s.endswith((".", ";", ":")) and i + 1 < len(lines):
        for nxt in lines[i + 1 : i + 4]:
            line = nxt.text(text)
            if len(line) < 90 and re.search(INITIALS_NAME_RE.pattern + r"\s*$", line):
                return True
    return False


def find_operative(text: str, lines: list[Line], body_start: int) -> list[tuple[int, int, int]]:
    """The operative regions as (first line, line after the last, text offset where
    the items begin). Protocols have one region per ПОСТАНОВИЛИ."""
    starts: list[tuple[int, int]] = []
    for i in range(body_start, len(lines)):
        if lines[i].table is None:
            m = _marker(text, lines[i])
            if m:
                starts.append((i, lines[i].start + m.end()))
    if not starts:
        starts = _unmarked_start(text, lines, body_start)
    end_all = len(lines)
    for i in range(starts[0][0] if starts else body_start, len(lines)):
        if is_signature(text, lines, i) or (
            APPENDIX_RE.match(lines[i].text(text)) and len(lines[i].text(text)) < 80
        ):
            end_all = i
            break
    regions = []
    for n, (i, offset) in enumerate(starts):
        if i >= end_all:
            break
        stop = starts[n + 1][0] if n + 1 < len(starts) else end_all
        for j in range(i + 1, stop):
            if PROTOCOL_SECTION_RE.match(lines[j].text(text)):
                stop = j
                break
        regions.append((i, min(stop, end_all), offset))
    return regions


def _unmarked_start(text: str, lines: list[Line], body_start: int) -> list[tuple[int, int]]:
    first_item = None
    for i in range(body_start, len(lines)):
        m = LABEL_RE.match(lines[i].text(text))
        if m and m.group("num") in {"1", "1.1"}:
            prev = lines[i - 1].text(text).rstrip() if i > 0 else ""
            if prev.endswith(":"):
                return [(i - 1, lines[i - 1].stop)]
            if first_item is None:
                first_item = i
    if first_item is not None:
        return [(first_item - 1, lines[first_item].start)] if first_item > 0 else [(0, 0)]
    return []


def _label(text: str, line: Line) -> re.Match[str] | None:
    return LABEL_RE.match(line.text(text))


class _Builder:
    """Assigns ids and parents as lines come in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[Item] = []
        self.top_style: str | None = None
        self.top_count = 0
        self.children: dict[str | None, int] = {}
        self.current_num: Item | None = None  # the deepest numbered item seen last
        self.lead: Item | None = None  # the last item ending with ":"

    def _child_id(self, parent: Item | None) -> str:
        key = parent.id if parent else None
        self.children[key] = self.children.get(key, 0) + 1
        n = self.children[key]
        return f"{parent.id}.{n}" if parent else str(n)

    def add(self, item_id: str, parent: str | None, start: int, stop: int) -> Item:
        item = Item(item_id, parent, start, stop)
        item.lead = self.text[start:stop].rstrip().endswith(":")
        self.items.append(item)
        return item

    def numbered(self, num: str, end: str, start: int, stop: int) -> Item:
        style = end or "."
        parts = num.split(".")
        top = self._top_of(self.current_num)
        if len(parts) == 1 and self.top_style is None:
            self.top_style = style
        restart = (
            len(parts) == 1
            and top is not None
            and (style != self.top_style or (num == "1" and top.lead))
        )
        sub_parent = self.current_num if restart else None
        if sub_parent is None and len(parts) == 1 and self.current_num and self.current_num.parent:
            parent = self._by_id(self.current_num.parent)
            siblings = self.children.get(parent.id if parent else None, 0)
            if parent and style != self.top_style and int(num) == siblings + 1:
                sub_parent = parent
        if sub_parent is not None:
            item = self.add(f"{sub_parent.id}.{num}", sub_parent.id, start, stop)
            self.children[sub_parent.id] = int(num)
        else:
            parent = ".".join(parts[:-1]) or None
            item = self.add(num, parent, start, stop)
            self.children[parent] = int(parts[-1])
        self.current_num = item
        self.lead = item if item.lead else None
        return item

    def _by_id(self, item_id: str) -> Item | None:
        return next((it for it in reversed(self.items) if it.id == item_id), None)

    def _top_of(self, item: Item | None) -> Item | None:
        while item is not None and item.parent is not None:
            item = self._by_id(item.parent)
        return item

    def lettered(self, letter: str, start: int, stop: int) -> Item:
        parent = self.current_num
        if parent is not None and re.search(r"\.[а-яёa-z]$", parent.id):
            parent = self._by_id(parent.parent) if parent.parent else None
        item_id = f"{parent.id}.{letter}" if parent else letter
        item = self.add(item_id, parent.id if parent else None, start, stop)
        if parent is None:
            self.current_num = item
        return item

    def bullet(self, start: int, stop: int) -> Item:
        parent = self.lead or self.current_num
        item = self.add(self._child_id(parent), parent.id if parent else None, start, stop)
        return item

    def plain(self, start: int, stop: int) -> Item:
        item = self.add(self._child_id(None), None, start, stop)
        self.current_num = item
        self.lead = item if item.lead else None
        return item


def _plausible(num: str, b: _Builder) -> bool:
    """Is "num" an item label here? Labels have no leading zeros ("07"), and a
    sub-item's first part is an item that exists or the next one."""
    parts = num.split(".")
    if any(len(p) > 1 and p.startswith("0") for p in parts):
        return False
    if len(parts) == 1:
        return True
    tops = [int(it.id) for it in b.items if it.id.isdigit()]
    return int(parts[0]) <= (max(tops) if tops else 0) + 1


def _has_verb(line: str) -> bool:
    """Does the line hold an infinitive (a task) rather than a list entry?"""
    words = re.findall(r"[а-яё]+", line.lower())[:12]
    return any(p.tag.POS == "INFN" for w in words for p in parse_word(w)[:1])


def read_items(text: str, lines: list[Line], region: tuple[int, int, int]) -> list[Item]:
    """Items of one operative region (see `find_operative`)."""

    first, stop, offset = region
    body: list[Line] = []
    rest = text[offset : lines[first].stop].strip(" \t:-–—")
    if rest:
        a = text.index(rest, offset)
        body.append(Line(a, a + len(rest)))
    body.extend(lines[first + 1 : stop])
    labelled = any(_label(text, ln) for ln in body if ln.table is None)
    b = _Builder(text)
    k = 0
    while k < len(body):
        line = body[k]
        if line.table is not None:
            rows, k = table_rows(body, k)
            parent = b.lead or (b.current_num if b.current_num and b.items else None)
            for item in read_plan_rows(text, rows, parent.id if parent else None):
                b.items.append(item)
            continue
        s = line.text(text)
        m = _label(text, line)
        if m and m.group("num") and not _plausible(m.group("num"), b):
            m = None  # "15.10.07 г. включительно …": a date that a line wrap put first
        start = line.start + (m.end() if m else 0)
        last = b.items[-1] if b.items else None
        if m and m.group("num"):
            end = m.group("num_end") or m.group("glued") or ""
            b.numbered(m.group("num"), end, start, line.stop)
        elif m and m.group("let"):
            b.lettered(m.group("let"), start, line.stop)
        elif m and m.group("bul"):
            b.bullet(start, line.stop)
        elif last is not None and DEADLINE_LINE_RE.match(s):
            last.deadline_spans.append((line.start, line.stop))
        elif last is not None and RESPONSIBLE_LINE_RE.match(s):
            last.responsible_spans.append((line.start, line.stop))
        elif last is not None and last.lead and s[:1].islower() and _has_verb(s):
            b.bullet(start, line.stop)  # "Рекомендовать …:" / "провести …;"
        elif not labelled or last is None or (CONTROL_RE.search(s) and not last.lead):
            b.plain(start, line.stop)
        else:
            last.stop = line.stop  # a paragraph that continues the item
        k += 1
    return b.items


def read_appendix_plan(text: str, lines: list[Line], start: int, items: list[Item]) -> list[Item]:
    """Rows of a plan table printed after the signature (an appendix), as sub-items
    of the one item that approves the plan; none when no single item does."""
    owners = [
        it
        for it in items
        if PLAN_APPROVAL_RE.search(text[it.start : it.stop])
        and not any(c.parent == it.id for c in items)
    ]
    if len(owners) != 1:
        return []
    for k in range(start, len(lines)):
        if lines[k].table is not None:
            rows, _ = table_rows(lines, k)
            return read_plan_rows(text, rows, owners[0].id)
    return []
