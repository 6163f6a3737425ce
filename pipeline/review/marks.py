"""The facts of an extraction as marks on its text: (start, stop, kind).

Facts that carry offsets (directives, deadlines, figures, persons, references,
a report's answers) are marked where extraction found them; the others (header
requisites, addressees, responsible parties, URLs, a report's organization)
are searched for by `locate`, and left unmarked when they cannot be found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.model import Extraction, to_plain
from pipeline.review.locate import (
    find_all,
    find_date,
    find_leading_words,
    find_name,
    find_phrase,
)

HEADER_FIELDS = ("issuer", "doc_type", "date", "number", "place", "title")


@dataclass(frozen=True)
class Mark:
    """text[start:stop] is a fact of `kind` (a key of templates/html/kinds.json).
    detail is shown after the kind's label ("1" for item 1, the resolved date of
    a deadline); fact is the text the extraction gave for it, which the marked
    text must contain, None for facts found by searching."""

    start: int
    stop: int
    kind: str
    detail: str | None = None
    fact: str | None = None


def ru_date(iso: str | None) -> str | None:
    """ "2023-10-01" -> "01.10.2023"; None stays None."""
    if not iso:
        return None
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def _header_field(
    text: str, name: str, value: str, start: int, stop: int | None
) -> tuple[int, int] | None:
    if name == "date":
        return find_date(text, value, start, stop)
    if name == "number":
        return find_phrase(text, value, start, stop, inflected=False)
    if name in ("issuer", "doc_type"):  # "П Р Е З И Д И У М" for "Президиум ДР СОП"
        return find_phrase(text, value, start, stop, spaced=True) or (
            find_leading_words(text, value, start, stop, spaced=True)
        )
    return find_phrase(text, value, start, stop)


def _header(text: str, ex: Extraction) -> Iterator[Mark]:
    first = [d.start for d in ex.directives if d.start is not None]
    stop = min(first) if first else None
    for name in HEADER_FIELDS:
        value = getattr(ex.header, name)
        if not value:
            continue
        found = _header_field(text, name, value, 0, stop)
        if not found and stop is not None:  # web copies print them after the signature
            found = _header_field(text, name, value, stop, None)
        if found:
            yield Mark(*found, kind=f"header_{name}")


# How far back an addressee may stand from its item: the lead-in of a list
# ("Председателям районных … организаций:") covers the items under it.
LEAD_IN = 2000


def _place(text: str, name: str, start: int, stop: int) -> tuple[int, int] | None:
    """Where the addressee or responsible `name` of the item text[start:stop] is
    printed: in the item, else further on its line (a table row's other cells),
    else the nearest lead-in before it."""
    line_end = text.find("\n", stop)
    regions = [(start, stop), (stop, len(text) if line_end < 0 else line_end)]
    for a, b in regions:
        found = find_phrase(text, name, a, b) or find_name(text, name, a, b)
        if found:
            return found
    before = max(0, start - LEAD_IN)
    last = None
    at = before
    while found := find_phrase(text, name, at, start) or find_name(text, name, at, start):
        last, at = found, found[1]
    return last


def _directives(text: str, ex: Extraction) -> Iterator[Mark]:
    for d in ex.directives:
        if d.start is not None and d.stop is not None:
            yield Mark(d.start, d.stop, "directive", d.id, d.text)
            for kind, names in (("addressee", d.addressees), ("responsible", d.responsible)):
                for name in names:
                    found = _place(text, name, d.start, d.stop)
                    if found:
                        yield Mark(*found, kind=kind)
        dl = d.deadline
        if dl is not None and dl.start is not None and dl.stop is not None:
            yield Mark(dl.start, dl.stop, "deadline", ru_date(dl.date), dl.text)


def _report(text: str, ex: Extraction) -> Iterator[Mark]:
    report = to_plain(ex.report or {})  # dataclasses in memory, dicts from JSON
    organization = report.get("organization")
    found = find_phrase(text, organization) if organization else None
    if found:
        yield Mark(*found, kind="organization")
    for item in report.get("items", ()):
        if item.get("start") is not None:
            answer = item.get("directive")
            yield Mark(item["start"], item["stop"], "answer", answer, item.get("text"))
    for ref in report.get("refers_to", ()):
        if ref.get("start") is not None:
            yield Mark(ref["start"], ref["stop"], "reference", None, ref.get("text"))


def collect_marks(text: str, ex: Extraction) -> tuple[Mark, ...]:
    """Every fact of `ex` that can be placed in `text`, in the order of the text."""
    marks = [*_header(text, ex), *_directives(text, ex), *_report(text, ex)]
    marks += [Mark(f.start, f.stop, "figure", None, f.text) for f in ex.figures
              if f.start is not None and f.stop is not None]  # fmt: skip
    for p in ex.persons:
        spans = p.mentions or ((p.start, p.stop),)
        marks += [Mark(a, b, "person") for a, b in spans if a is not None and b is not None]
    marks += [Mark(r.start, r.stop, "reference", None, r.text) for r in ex.references
              if r.start is not None and r.stop is not None]  # fmt: skip
    for url in ex.urls:
        marks += [Mark(a, b, "url", None, url) for a, b in find_all(text, url)]
    unique = {(m.start, m.stop, m.kind, m.detail): m for m in marks if m.stop > m.start}
    return tuple(sorted(unique.values(), key=lambda m: (m.start, -m.stop, m.kind)))
