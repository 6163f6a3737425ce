"""A report as sentences, and which directive each sentence answers.

read_units  the report's items cut into sentences (razdel) with offsets into
            the report's text; items of a section about another act are left
            out ("II. Постановление от 28.05.2024 № 31-4" in a report on two)
assign      an item's own label ("По пункту 3") or, for prose and for labels the
            decree does not have, the directive the sentence speaks about
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from pipeline.check.refer import answers
from pipeline.check.similarity import Matcher
from pipeline.check.status import Unit
from pipeline.model import Figure, Header


def get(ref: object, key: str) -> Any:
    """A field of a Reference or of its JSON form."""
    return ref.get(key) if isinstance(ref, dict) else getattr(ref, key, None)


def blank(text: str, refs: Sequence) -> str:
    """The text with the citations of the answered decree blanked: the words of its
    title must not make a sentence look like an answer to one of its items."""
    chars = list(text)
    spans = [(get(ref, "start"), get(ref, "stop")) for ref in refs]
    for ref in refs:
        title = get(ref, "title")
        if title:  # the same title cited again, without its requisites
            pattern = r"\s+".join(map(re.escape, str(title).split()))
            spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    for a, b in spans:
        if a is not None and b is not None:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


def read_units(text: str, report: dict, header: Header) -> list[Unit]:
    """The sentences of a report's items that may answer the decree with `header`."""
    from razdel import sentenize

    blanked = blank(text, report.get("refers_to") or ())
    units = []
    for item in report.get("items") or ():
        section = item.get("section")
        named = section and (section.get("number") or section.get("date"))
        if named and not answers(header, section):
            continue
        a, b = item["start"], item["stop"]
        explicit = item.get("directive") is not None
        topic = item.get("topic") or ""  # a table row's "Мероприятие" says what it answers
        for k, s in enumerate(sentenize(text[a:b])):
            if any(ch.isalpha() for ch in s.text):
                x, y = a + s.start, a + s.stop
                words = f"{topic} {blanked[x:y]}".strip()
                units.append(Unit(" ".join(s.text.split()), x, y, item.get("directive"),
                                  explicit, words=words, follows=k > 0))  # fmt: skip
    return units


def assign(
    units: list[Unit], matcher: Matcher, known: Sequence[str], open_ids: Collection[str]
) -> dict[str, list[Unit]]:
    """Directive id -> the sentences that answer it. `known` are the decree's ids without
    sub-items; the matcher holds the directives that can still get a status from the text.
    A label naming an item with sub-items ("По пункту 2" for 2.1, 2.2) goes to the
    sub-item its words speak of, or to all of them."""
    assigned: dict[str, list[Unit]] = {}
    for unit in units:
        targets: list[str] = []
        if unit.explicit and unit.directive in known:
            targets = [unit.directive]
        elif unit.explicit:
            children = [i for i in known if i.startswith(f"{unit.directive}.")]
            best, _ = matcher.best(unit.words, children)
            targets = [best] if best else children
        if len(targets) == 1 and unit.follows and not matcher.score(unit.words, targets[0]):
            other, _ = matcher.best(unit.words, open_ids)
            targets = [other] if other and other != targets[0] else targets
            unit = replace(unit, explicit=other is None)  # a later paragraph on another item
        if targets:
            for t in targets:
                relevance = matcher.score(unit.words, t)
                assigned.setdefault(t, []).append(replace(unit, directive=t, relevance=relevance))
            continue
        best, score = matcher.best(unit.words, open_ids)
        if best is not None:
            assigned.setdefault(best, []).append(
                replace(unit, directive=best, explicit=False, relevance=score)
            )
    return assigned


def unit_at(units: Sequence[Unit], pos: int | None) -> Unit | None:
    return next((u for u in units if pos is not None and u.start <= pos < u.stop), None)


def sentence_at(text: str, pos: int) -> Unit | None:
    """The sentence of `text` around offset `pos`, as a unit answering nothing."""
    from razdel import sentenize

    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    for s in sentenize(text[a:b]):
        if a + s.start <= pos < a + s.stop:
            return Unit(" ".join(s.text.split()), a + s.start, a + s.stop, None, False)
    return None


def within(figures: Sequence[Figure], units: Sequence[Unit]) -> tuple[Figure, ...]:
    """The figures that stand in these sentences."""
    spans = [(u.start, u.stop) for u in units]
    return tuple(
        f for f in figures if f.start is not None and any(a <= f.start < b for a, b in spans)
    )
