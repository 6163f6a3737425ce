"""The roster of member organizations: a CSV of name and membership.

    Организация;Членов
    Профсоюз работников здравоохранения РФ;12450

The delimiter (comma, semicolon or tab) and a header line are detected; the
membership column may be empty.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CorruptFile, EmptyInput, InputMissing
from pipeline.i18n import _


@dataclass(frozen=True)
class Member:
    name: str
    members: float | None = None


def read_roster(path: Path) -> tuple[Member, ...]:
    """Raises InputMissing, EmptyInput or CorruptFile (a file that is not a
    two-column table)."""
    if not path.is_file():
        raise InputMissing(str(path), _("no such roster file"))
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CorruptFile(str(path), _("the roster is not text"), _("save it as CSV (UTF-8)"))
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyInput(str(path), _("the roster is empty"), _("list one organization a line"))
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";"
    out = []
    for k, row in enumerate(csv.reader(lines, delimiter=delimiter)):
        cells = [c.strip() for c in row]
        if not cells or not cells[0]:
            continue
        number = cells[1].replace(" ", "").replace("\u00a0", "") if len(cells) > 1 else ""
        if number and not number.replace(",", "").replace(".", "").isdigit():
            if k == 0:
                continue  # the header line
            raise CorruptFile(
                str(path),
                _("membership is not a number: {value}").format(value=repr(cells[1])),
                _("give the number of members in the second column, or leave it empty"),
            )
        out.append(Member(cells[0], float(number.replace(",", ".")) if number else None))
    if not out:
        raise EmptyInput(str(path), _("the roster lists no organization"))
    return tuple(out)
