"""Reports in the registry linked to the decrees they answer, with the status of
every item (`decree check`), stored in `statuses`.

Only what changed is linked: the reports listed in `to_link`, which `store.write`
fills in the transaction that stores a report, or a decree that reports answer
(so a report read before its decree is linked when the decree comes). The
batch runs the checks where it reads files — worker processes or a Dask
cluster — with `statuses`, and writes the result with `write_statuses`; the
writer only looks up which decrees a report answers and passes on the stored
(packed) extractions.

A report answers every decree, not itself a report, whose number and date are
the ones in its `refers_to` (every copy: an archive holds the same act as DOCX,
PDF and a scan); a reference without a date, the earliest decree with that number.
"""

from __future__ import annotations

import sqlite3
import zlib
from typing import Any

from pipeline.registry.store import unpack


def pending(conn: sqlite3.Connection) -> list[int]:
    """The reports whose links are to be (re)made."""
    return [row[0] for row in conn.execute("SELECT report_id FROM to_link ORDER BY report_id")]


def decrees_for(conn: sqlite3.Connection, report_id: int) -> list[sqlite3.Row]:
    """The decrees (id, path, extraction) the report answers, that the registry holds."""
    found: dict[int, sqlite3.Row] = {}
    answers = conn.execute(
        "SELECT number, date FROM answers WHERE report_id = ?", (report_id,)
    ).fetchall()
    for number, day in answers:
        sql = (
            "SELECT id, path, extraction FROM documents WHERE number = ? AND kind != 'report'"
            " AND error IS NULL"
        )
        if day is None:
            rows = conn.execute(sql + " ORDER BY date, id LIMIT 1", (number,)).fetchall()
        else:
            rows = conn.execute(sql + " AND date = ? ORDER BY id", (number, day)).fetchall()
        for row in rows:
            found.setdefault(row["id"], row)
    return list(found.values())


def task(conn: sqlite3.Connection, report_id: int) -> tuple | None:
    """The arguments of `statuses` for one report, or None when there is nothing
    to check (the report answers no decree the registry holds: its links, if
    any, are removed here)."""
    report = conn.execute(
        "SELECT path, text, extraction FROM documents WHERE id = ? AND kind = 'report'"
        " AND error IS NULL",
        (report_id,),
    ).fetchone()
    decrees = decrees_for(conn, report_id) if report is not None else []
    if not decrees:
        write_statuses(conn, report_id, [])
        return None
    return (
        report_id,
        report["path"],
        report["text"],
        report["extraction"],
        [(d["id"], d["path"], d["extraction"]) for d in decrees],
    )


def statuses(
    report_id: int,
    path: str,
    text: bytes,
    extraction: bytes,
    decrees: list[tuple[int, str, bytes]],
) -> dict[str, Any]:
    """Check one report against the decrees it answers (in a worker): the rows of
    `statuses`, (decree id, item, status, evidence). Never raises: a decree that
    cannot be checked (no numbered items) is left out, as `decree check` would
    refuse it."""
    from pipeline.check import check_documents
    from pipeline.model import Extraction

    rows: list[tuple[int, str, str, str | None]] = []
    try:
        report = Extraction.from_json(unpack(extraction))
        report_text = zlib.decompress(text).decode("utf-8")
    except Exception as error:  # noqa: BLE001 - a damaged row: nothing to link
        return {"report_id": report_id, "rows": rows, "error": str(error)}
    for decree_id, decree_path, decree in decrees:
        try:
            result = check_documents(
                decree_path,
                Extraction.from_json(unpack(decree)),
                [(path, report_text, report)],
            )
        except Exception:  # noqa: BLE001 - a decree with no items: nothing to link
            continue
        for row in result.reports:
            rows += [
                (decree_id, item, cell.status, cell.evidence.text if cell.evidence else None)
                for item, cell in row.status.items()
            ]
    return {"report_id": report_id, "rows": rows}


def write_statuses(conn: sqlite3.Connection, report_id: int, rows: list[tuple]) -> None:
    """Replace the report's statuses, in one transaction that also marks it linked."""
    with conn:
        conn.execute("DELETE FROM statuses WHERE report_id = ?", (report_id,))
        conn.executemany(
            "INSERT OR REPLACE INTO statuses VALUES (?,?,?,?,?)",
            [(report_id, *row) for row in rows],
        )
        conn.execute("DELETE FROM to_link WHERE report_id = ?", (report_id,))


def link_reports(conn: sqlite3.Connection) -> int:
    """Link every pending report here, in this process (the batch does it in its
    workers); returns the number of reports checked against a decree."""
    linked = 0
    for report_id in pending(conn):
        args = task(conn, report_id)
        if args is not None:
            write_statuses(conn, report_id, statuses(*args)["rows"])
            linked += 1
    return linked
