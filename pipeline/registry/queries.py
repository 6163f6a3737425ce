"""What a secretary asks the registry: search, what is due, one document, export.

Each returns rows as dicts (JSON-ready); cli.py prints them as a table, JSON or CSV.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain, islice
from typing import Any

from pipeline.registry.lemmas import query_lemmas

DONE = (
    "EXISTS (SELECT 1 FROM statuses s WHERE s.decree_id = d.document_id AND s.item = d.item"
    " AND s.status = 'done')"
)

DIRECTIVE_COLUMNS = (
    "doc.path, doc.doc_type, doc.issuer, doc.date, doc.number, d.item, d.text, d.addressees,"
    " d.responsible, d.deadline_text, d.deadline_kind, d.deadline_date"
)


def _fts_phrase(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: sqlite3.Connection, query: str, limit: int | None = 50) -> list[dict[str, Any]]:
    """Directives and documents whose words or lemmas hold every word of the query,
    in any form ("подписка" finds "подписку", "подписки"); the best `limit` (None: all)."""
    lemmas = query_lemmas(query)
    if not lemmas:
        return []
    rows = conn.execute(
        "SELECT doc.path, doc.doc_type, doc.issuer, doc.date, doc.number, doc.title,"
        " d.item, COALESCE(d.text, doc.title) AS text,"
        " snippet(search, 0, '[', ']', '…', 12) AS snippet"
        " FROM search JOIN documents doc ON doc.id = search.document_id"
        " LEFT JOIN directives d ON d.id = search.directive_id"
        " WHERE search MATCH ? ORDER BY rank LIMIT ?",
        (f"lemmas : ({_fts_phrase(lemmas)})", limit or -1),
    ).fetchall()
    return [dict(r) for r in rows]


def _once(rows: Iterable[sqlite3.Row]) -> Iterator[sqlite3.Row]:
    """One row per item of one act: an archive holds the same act as DOCX, PDF and
    a scan; rows come sorted, so the first file of each is kept. Lazy, so that a
    page of the answer reads only as many rows as it shows."""
    seen = set()
    for r in rows:
        key = (
            (r["doc_type"], r["date"], r["number"], r["item"])
            if r["number"]
            else (r["path"], r["item"])
        )
        if key not in seen:
            seen.add(key)
            yield r


def due(
    conn: sqlite3.Connection,
    start: date | None = None,
    end: date | None = None,
    overdue: bool = False,
    as_of: date | None = None,
    org: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Dated directives not yet done, falling due in [start, end] (or before
    `as_of` with overdue), then the periodic and permanent ones of the same
    documents' kind, listed as such and never as overdue. org: a text the
    addressees, responsible persons or issuer contain. limit: the first rows
    only (a page); the rows after it are never read."""
    as_of = as_of or date.today()
    where = ["d.deadline_kind = 'date'", "d.deadline_date IS NOT NULL", f"NOT {DONE}"]
    args: list[Any] = []
    if overdue:
        where.append("d.deadline_date < ?")
        args.append(as_of.isoformat())
    if start:
        where.append("d.deadline_date >= ?")
        args.append(start.isoformat())
    if end:
        where.append("d.deadline_date <= ?")
        args.append(end.isoformat())
    org_clause = ""
    if org:
        org_clause = " AND (d.addressees LIKE ? OR d.responsible LIKE ? OR doc.issuer LIKE ?)"
    org_args = [f"%{org}%"] * 3 if org else []
    dated = conn.execute(
        f"SELECT {DIRECTIVE_COLUMNS} FROM directives d JOIN documents doc ON doc.id = d.document_id"
        f" WHERE {' AND '.join(where)}{org_clause} ORDER BY d.deadline_date, doc.path, d.id",
        (*args, *org_args),
    )
    today = as_of.isoformat()
    out: Iterator[dict[str, Any]] = (
        dict(r, state="overdue" if r["deadline_date"] < today else "due") for r in _once(dated)
    )
    if not overdue:

        def standing() -> Iterator[dict[str, Any]]:
            # run only when the dated rows leave room on the page
            rows = conn.execute(
                f"SELECT {DIRECTIVE_COLUMNS} FROM directives d JOIN documents doc"
                f" ON doc.id = d.document_id WHERE d.deadline_kind IN ('periodic', 'permanent')"
                f"{org_clause} ORDER BY doc.date, doc.path, d.id",
                tuple(org_args),
            )
            for r in _once(rows):
                yield dict(r, state=r["deadline_kind"])

        out = chain(out, standing())
    return list(islice(out, limit) if limit else out)


def show(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One document by path (or its end), number, or id, with its directives and,
    for a decree, the statuses its reports gave."""
    row = conn.execute(
        "SELECT * FROM documents"
        " WHERE path = ? OR path LIKE ? OR number = ? OR CAST(id AS TEXT) = ?"
        " ORDER BY (path = ?) DESC, date DESC LIMIT 1",
        (key, f"%/{key}", key, key, key),
    ).fetchone()
    if row is None:
        return None
    doc = {k: v for k, v in dict(row).items() if k not in ("extraction", "text")}
    doc["directives"] = [
        dict(r)
        for r in conn.execute(
            "SELECT item, parent, text, addressees, responsible, deadline_text, deadline_kind,"
            " deadline_date FROM directives WHERE document_id = ? ORDER BY id",
            (row["id"],),
        )
    ]
    doc["statuses"] = [
        dict(r)
        for r in conn.execute(
            "SELECT r.path AS report, r.organization, s.item, s.status, s.evidence FROM statuses s"
            " JOIN documents r ON r.id = s.report_id WHERE s.decree_id = ? ORDER BY r.path, s.item",
            (row["id"],),
        )
    ]
    return doc


def all_directives(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT {DIRECTIVE_COLUMNS}, {DONE} AS done FROM directives d"
        " JOIN documents doc ON doc.id = d.document_id ORDER BY doc.date, doc.path, d.id"
    ).fetchall()
    return [dict(r) for r in rows]


def failures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT path, error, error_code FROM documents WHERE error IS NOT NULL ORDER BY path"
    ).fetchall()
    return [dict(r) for r in rows]
