"""The part of a DOCX style sheet that ingest needs: bold and numbering.

Styles inherit through `w:basedOn`; a paragraph without `w:pStyle` uses the
default paragraph style. Values are looked up along that chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALSE = {"0", "false", "off", "none"}


def w_val(element: Any, name: str) -> str | None:
    """The w:val attribute of child `name` of element, or None when absent."""
    if element is None:
        return None
    child = element.find(W + name)
    if child is None:
        return None
    return child.get(W + "val")


def toggle(element: Any, name: str) -> bool | None:
    """A toggle property such as w:b: True/False when set, None when absent."""
    if element is None:
        return None
    child = element.find(W + name)
    if child is None:
        return None
    return (child.get(W + "val") or "true").lower() not in _FALSE


@dataclass(frozen=True)
class Style:
    based_on: str | None
    bold: bool | None
    num_id: str | None
    ilvl: int | None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class StyleSheet:
    """Styles by id, with inheritance through basedOn."""

    def __init__(self, root: Any | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_bold = bool(toggle(defaults, "b"))
        for element in root.iter(W + "style"):
            style_id = element.get(W + "styleId")
            if not style_id:
                continue
            ppr = element.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            self._styles[style_id] = Style(
                based_on=w_val(element, "basedOn"),
                bold=toggle(element.find(W + "rPr"), "b"),
                num_id=w_val(numpr, "numId"),
                ilvl=_int(w_val(numpr, "ilvl")),
            )
            is_default = (element.get(W + "default") or "").lower() in {"1", "true", "on"}
            if is_default and element.get(W + "type") == "paragraph":
                self.default_paragraph = style_id

    def _chain(self, style_id: str | None) -> list[Style]:
        chain: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def explicit_bold(self, style_id: str | None) -> bool | None:
        """Bold as set by this style or the styles it is based on; None if unset."""
        for style in self._chain(style_id):
            if style.bold is not None:
                return style.bold
        return None

    def bold(self, style_id: str | None) -> bool:
        """Whether text in this style is bold (inherited; docDefaults last)."""
        explicit = self.explicit_bold(style_id)
        return self.default_bold if explicit is None else explicit

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        """(numId, ilvl or None) of the first style in the chain with a numPr."""
        for style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None
