"""An operative item while the structure reader builds it (structure.py and
tables.py both make them)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    """One operative item under construction; spans are offsets in the text."""

    id: str
    parent: str | None
    start: int
    stop: int
    lead: bool = False  # the item ends with ":" and introduces sub-items
    deadline_spans: list[tuple[int, int]] = field(default_factory=list)
    responsible_spans: list[tuple[int, int]] = field(default_factory=list)
    row: tuple[str, ...] | None = None  # plan-table row: the role -> cell text
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)
