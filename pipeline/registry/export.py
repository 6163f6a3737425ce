"""The registry's directives as CSV, xlsx, iCalendar (one event per dated
deadline, for the secretary's calendar) or JSON."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

COLUMNS = (
    "path",
    "doc_type",
    "issuer",
    "date",
    "number",
    "item",
    "text",
    "addressees",
    "responsible",
    "deadline_text",
    "deadline_kind",
    "deadline_date",
    "done",
)


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True)


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    return [*out, current]


def _uid(row: dict[str, Any]) -> str:
    """Stable across exports, so that a calendar re-imports without duplicates."""
    key = f"{row['path']}#{row['item']}#{row['deadline_date']}".encode()
    return hashlib.sha1(key).hexdigest()


def to_ics(rows: list[dict[str, Any]]) -> str:
    """One all-day event per dated deadline not yet done."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//decree//registry//RU",
        "CALSCALE:GREGORIAN",
    ]
    for r in rows:
        if r.get("deadline_kind") != "date" or not r.get("deadline_date") or r.get("done"):
            continue
        day = date.fromisoformat(r["deadline_date"])
        source = (
            f"{r.get('doc_type') or 'документ'} от {r.get('date') or '—'}"
            f" № {r.get('number') or '—'}"
        )
        about = r["text"] + (" — " + r["addressees"] if r.get("addressees") else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(r)}@decree",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text('Срок: п. ' + r['item'] + ' ' + source)}",
            f"DESCRIPTION:{_ics_text(about)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"


def to_xlsx(rows: list[dict[str, Any]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Поручения"
    sheet.append(list(COLUMNS))
    for r in rows:
        sheet.append([r.get(c) for c in COLUMNS])
    book.save(str(path))
