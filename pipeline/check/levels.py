"""Levels of a union's structure: primary (0) < local, city and district (1) <
regional, republican (2).

A directive addressed to city and district organizations does not bind a primary
organization; one addressed to primary organizations is answered by the city
organization they belong to as well (it reports for them). So a directive is not
applicable to a reporter whose level is below every level the addressees name.
"""

from __future__ import annotations

import re

_LEVELS = (
    (0, r"первичн\w*|ППО|профком\w*"),
    (1, r"городск\w*|районн\w*|горком\w*|райком\w*|межрайон\w*|координационн\w*|местн\w*"),
    (2, r"республиканск\w*|реском\w*|региональн\w*|краев\w*|областн\w*|обком\w*|окружн\w*"),
)
_LEVEL_RE = re.compile(
    "|".join(f"(?P<l{level}>(?<![А-ЯЁа-яё]){pattern}(?![А-ЯЁа-яё]))" for level, pattern in _LEVELS),
    re.IGNORECASE,
)


def org_level(*names: str | None) -> int | None:
    """The level of an organization from its name (or the signer's position, tried
    next): the first level word decides ("Первичная организация … городского …" is 0)."""
    for name in names:
        m = _LEVEL_RE.search(name or "")
        if m:
            return int(m.lastgroup[1:])
    return None


def addressee_levels(addressees: tuple[str, ...]) -> set[int]:
    """The levels the addressees of a directive name; empty when they name none
    ("членские организации")."""
    return {int(m.lastgroup[1:]) for a in addressees for m in _LEVEL_RE.finditer(a)}


def is_below(reporter: int | None, addressees: tuple[str, ...]) -> bool:
    """Whether a reporter of this level is below every level the addressees name."""
    levels = addressee_levels(addressees)
    return reporter is not None and bool(levels) and reporter < min(levels)
