"""Reports in the registry linked to the decrees they answer, with the status of
every item (`decree check`), stored in `statuses`."""

from __future__ import annotations

import sqlite3
import zlib

from pipeline.registry.store import unpack


def _decree_for(conn: sqlite3.Connection, ref: dict) -> sqlite3.Row | None:
    if not ref.get("number"):
        return None
    rows = conn.execute(
        "SELECT id, path, extraction FROM documents WHERE number = ? AND kind != 'report'"
        " AND error IS NULL ORDER BY date",
        (ref["number"],),
    ).fetchall()
    dated = [
        r
        for r in rows
        if ref.get("date") is None or unpack(r["extraction"])["header"].get("date") == ref["date"]
    ]
    return (dated or [None])[0]


def link_reports(conn: sqlite3.Connection) -> int:
    """Compute the statuses of every report against each decree it cites that the
    registry holds; returns the number of (report, decree) pairs linked."""
    from pipeline.check import check_documents
    from pipeline.model import Extraction

    linked = 0
    reports = conn.execute(
        "SELECT id, path, extraction, text FROM documents WHERE kind = 'report' AND error IS NULL"
    ).fetchall()
    for report in reports:
        x = unpack(report["extraction"])
        for ref in (x.get("report") or {}).get("refers_to") or []:
            decree = _decree_for(conn, ref)
            if decree is None:
                continue
            try:
                result = check_documents(
                    decree["path"],
                    Extraction.from_json(unpack(decree["extraction"])),
                    [
                        (
                            report["path"],
                            zlib.decompress(report["text"]).decode("utf-8"),
                            Extraction.from_json(x),
                        )
                    ],
                )
            except Exception:  # noqa: BLE001 - a decree with no items: nothing to link
                continue
            with conn:
                conn.execute(
                    "DELETE FROM statuses WHERE report_id = ? AND decree_id = ?",
                    (report["id"], decree["id"]),
                )
                for row in result.reports:
                    conn.executemany(
                        "INSERT INTO statuses VALUES (?,?,?,?,?)",
                        [
                            (
                                report["id"],
                                decree["id"],
                                item,
                                cell.status,
                                cell.evidence.text if cell.evidence else None,
                            )
                            for item, cell in row.status.items()
                        ],
                    )
            linked += 1
    return linked
