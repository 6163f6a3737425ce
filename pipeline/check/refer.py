"""Does a report answer this decree? Its `refers_to` against the decree's header.

A reference with a number answers the decree when the numbers agree (and the dates,
when both are printed); a reference with only a title, when the titles agree. A
report that names another decree is flagged, never matched silently.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from pipeline.i18n import N_, Note, _, day, note
from pipeline.model import Header

TITLE_MATCH = 0.85


def _get(ref: Any, key: str) -> Any:
    return ref.get(key) if isinstance(ref, dict) else getattr(ref, key, None)


def _number(s: str | None) -> str:
    s = (s or "").casefold().replace("№", "")
    return re.sub(r"[\s\-–—/.]+", "-", s).strip("-")


def _title(s: str | None) -> str:
    s = (s or "").casefold().replace("ё", "е")
    return " ".join(re.findall(r"\w+", s))


def describe(ref: Any) -> str:
    """ "постановление от 10.05.2023 № 18-2" or "«О мерах …»" (the date as the
    interface's language writes it)."""
    parts = [_get(ref, "doc_type") or _("act")]
    if _get(ref, "date"):
        parts.append(f"от {day(_get(ref, 'date'))}")
    if _get(ref, "number"):
        parts.append(f"№ {_get(ref, 'number')}")
    if not _get(ref, "date") and not _get(ref, "number") and _get(ref, "title"):
        parts.append(f"«{_get(ref, 'title')}»")
    return " ".join(parts)


def answers(header: Header, ref: Any) -> bool:
    """Whether one reference names the decree with this header."""
    number, ref_date = _get(ref, "number"), _get(ref, "date")
    if number:
        if not header.number or _number(number) != _number(header.number):
            return False
        return not (ref_date and header.date and ref_date != header.date)
    if ref_date and header.date:
        return ref_date == header.date
    title = _get(ref, "title")
    if title and header.title:
        return SequenceMatcher(None, _title(title), _title(header.title)).ratio() >= TITLE_MATCH
    return False


def match_decree(header: Header, refers_to: Any) -> tuple[bool, Note | None]:
    """(does the report answer this decree, a warning or None)."""
    refs = list(refers_to or ())
    if not refs:
        return True, note(
            "decree-not-named",
            N_("the report does not say which decree it answers: matched by content"),
        )
    if any(answers(header, ref) for ref in refs):
        return True, None
    own = describe({"doc_type": header.doc_type, "date": header.date, "number": header.number,
                    "title": header.title})  # fmt: skip
    return False, note(
        "other-decree",
        N_("the report answers {other}, not {own}: not matched (check it against that decree)"),
        other=describe(refs[0]),
        own=own,
    )
