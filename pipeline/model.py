"""The facts `decree` passes between its stages, as frozen dataclasses.

Every fact that comes from a document points into `Document.text` with
`start`/`stop` offsets; nothing keeps a copy of text that could drift from it.
JSON goes out through `to_json` (sorted keys, non-ASCII kept) and comes back
through the `from_json` class methods.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from pipeline.i18n import Note

# -- ingest -----------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a document came from.

    format: "docx" | "pdf" | "txt" | "image"; pages: 1 for DOCX and TXT;
    ocr: True when any of the text came from OCR.
    """

    path: str
    format: str
    pages: int = 1
    ocr: bool = False
    sha256: str = ""
    encoding: str | None = None  # TXT only: "utf-8" or "cp1251"


@dataclass(frozen=True)
class Block:
    """A paragraph, a line or a table cell: a view `text[start:stop]` of the document.

    table/row/col are None outside tables. label is the automatic-numbering
    label ("1.", "2.1.", "а)") that ingest rebuilt and wrote in front of the
    paragraph text; None when the paragraph had no automatic numbering.
    page is 1-based, None when the format has no pages.
    """

    start: int
    stop: int
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    label: str | None = None
    level: int | None = None
    bold: bool = False


@dataclass(frozen=True)
class Document:
    """One text and the blocks that cut it. Cells of a table row are joined by
    a tab, rows and paragraphs by a newline."""

    text: str
    blocks: tuple[Block, ...]
    source: Source
    warnings: tuple[Note, ...] = ()
    page_confidence: tuple[float, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.stop]


# -- extract ----------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase and what it means.

    kind: "date" | "periodic" | "permanent" | "event".
    date: "YYYY-MM-DD" when it can be resolved against the document date,
    None otherwise (no document date, an event-relative deadline, "постоянно").
    """

    text: str
    kind: str
    date: str | None = None
    start: int | None = None
    stop: int | None = None


@dataclass(frozen=True)
class Directive:
    """An operative item. id is the label path: "1", "2.1", "2.а", or "1.3"
    for row 3 of a plan table under item 1. parent is the id of the item it
    belongs to, None at the top level."""

    id: str
    text: str
    parent: str | None = None
    addressees: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    deadline: Deadline | None = None
    start: int | None = None
    stop: int | None = None


@dataclass(frozen=True)
class Figure:
    """A number with its unit. per is the base of a norm ("1 экземпляр на
    100 членов" -> value 1, per 100), None when it is not a norm."""

    value: float
    unit: str | None
    text: str
    per: float | None = None
    per_unit: str | None = None
    context: str = ""
    start: int | None = None
    stop: int | None = None


@dataclass(frozen=True)
class Person:
    """A named person. normal is the nominative form ("Алиева Зайнаб
    Гасановна", "Магомедов А.А."); role is the position if the text gives it."""

    name: str
    normal: str
    role: str | None = None
    start: int | None = None
    stop: int | None = None
    mentions: tuple[tuple[int, int], ...] = ()  # every (start, stop) where the text names them


@dataclass(frozen=True)
class Reference:
    """Another act the text cites. Any field may be None when not printed."""

    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None
    number: str | None = None
    title: str | None = None
    text: str = ""
    start: int | None = None
    stop: int | None = None


@dataclass(frozen=True)
class Header:
    """Requisites of the act (ГОСТ Р 7.0.97-2016). None where not printed."""

    issuer: str | None = None
    doc_type: str | None = None
    date: str | None = None
    number: str | None = None
    place: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Signatory:
    position: str | None
    name: str | None


@dataclass(frozen=True)
class Control:
    """The control clause ("Контроль за выполнением … возложить на …")."""

    text: str
    responsible: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    schema: str
    source: Source
    kind: str
    header: Header
    directives: tuple[Directive, ...] = ()
    figures: tuple[Figure, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    signatory: Signatory | None = None
    urls: tuple[str, ...] = ()
    control: Control | None = None
    report: dict[str, Any] | None = None
    warnings: tuple[Note, ...] = field(default=())
    pages: tuple[dict[str, Any], ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        return _build(cls, data)


# -- JSON -------------------------------------------------------------------


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples and lists as plain JSON-ready values; a warning
    (Note) as {"code", "message"}, the message in the interface's language."""
    if isinstance(value, Note):
        return value.plain()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_json(value: Any, indent: int | None = 2) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, sort_keys=True, indent=indent)


_NESTED = {
    "source": Source,
    "header": Header,
    "signatory": Signatory,
    "control": Control,
    "deadline": Deadline,
}
_SEQUENCES = {
    "directives": Directive,
    "figures": Figure,
    "persons": Person,
    "references": Reference,
}


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}
    for key, value in data.items():
        if key not in names:
            continue
        if key in _NESTED and isinstance(value, dict):
            value = _build(_NESTED[key], value)
        elif key in _SEQUENCES and isinstance(value, list):
            value = tuple(_build(_SEQUENCES[key], v) for v in value)
        elif key == "warnings" and isinstance(value, list):
            value = tuple(Note.from_plain(v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)
