"""The registry's SQLite schema, as numbered migrations recorded in the
database itself (table `migrations`). Opening a registry applies the ones it
lacks, each in its own transaction; WAL journaling so that a killed batch leaves
a consistent file.

One table per fact type; `search` is an FTS5 table over directive and document
texts holding the words as printed and their lemmas.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.errors import OutputError
from pipeline.i18n import _

MIGRATIONS: tuple[str, ...] = (
    # 1: the facts of every document
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        format TEXT,
        kind TEXT,
        doc_type TEXT,
        issuer TEXT,
        date TEXT,
        number TEXT,
        place TEXT,
        title TEXT,
        signatory TEXT,
        organization TEXT,
        members REAL,
        error TEXT,
        error_code INTEGER,
        extraction BLOB,
        text BLOB,
        processed_at TEXT NOT NULL
    );
    CREATE INDEX documents_number ON documents(number, date);
    CREATE TABLE directives (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        parent TEXT,
        text TEXT NOT NULL,
        addressees TEXT,
        responsible TEXT,
        deadline_text TEXT,
        deadline_kind TEXT,
        deadline_date TEXT
    );
    CREATE INDEX directives_deadline ON directives(deadline_kind, deadline_date);
    CREATE INDEX directives_document ON directives(document_id);
    CREATE TABLE figures (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        value REAL, unit TEXT, per REAL, text TEXT
    );
    CREATE TABLE persons (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        normal TEXT, role TEXT
    );
    CREATE TABLE refs (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        doc_type TEXT, issuer TEXT, date TEXT, number TEXT, title TEXT
    );
    CREATE TABLE statuses (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        decree_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        status TEXT NOT NULL,
        evidence TEXT,
        PRIMARY KEY (report_id, decree_id, item)
    );
    CREATE VIRTUAL TABLE search USING fts5(
        words, lemmas, document_id UNINDEXED, directive_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0'
    );
    """,
    # 2: "is this item done?" is asked per directive by `due` and `export`
    """
    CREATE INDEX statuses_decree ON statuses(decree_id, item, status);
    """,
    # 3: linking only what changed. `answers`: the (number, date) of every decree a
    # report says it answers; `to_link`: reports whose links are to be (re)made,
    # written in the same transaction as the document that makes them so. Child
    # rows indexed by document, so that a file read again drops its rows quickly.
    """
    CREATE TABLE answers (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        date TEXT
    );
    CREATE INDEX answers_number ON answers(number, date);
    CREATE INDEX answers_report ON answers(report_id);
    CREATE TABLE to_link (
        report_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
    );
    CREATE INDEX figures_document ON figures(document_id);
    CREATE INDEX persons_document ON persons(document_id);
    CREATE INDEX refs_document ON refs(document_id);
    """,
)


def _answers_of_old_reports(conn: sqlite3.Connection) -> None:
    """Migration 3 for a registry made before it: the reports it holds get their
    `answers` rows from their stored extraction (their statuses are already
    there: before it, every batch linked every report)."""
    from pipeline.registry.store import answers_of, unpack

    reports = conn.execute(
        "SELECT id, extraction FROM documents WHERE kind = 'report' AND error IS NULL"
    ).fetchall()
    for report_id, blob in reports:
        conn.executemany(
            "INSERT INTO answers VALUES (?,?,?)",
            [(report_id, *a) for a in answers_of(unpack(blob) or {})],
        )


# Python run after a migration's SQL, in the same transaction
BACKFILL = {3: _answers_of_old_reports}


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the registry at `path`, migrated to the latest version."""
    try:
        conn = sqlite3.connect(str(path), timeout=30)
    except sqlite3.Error as error:
        raise OutputError(
            str(path), _("cannot open the registry ({error})").format(error=error)
        ) from None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied TEXT)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    for version, script in enumerate(MIGRATIONS, start=1):
        if version in done:
            continue
        with conn:
            conn.executescript("BEGIN;" + script + ";")
            if version in BACKFILL:
                BACKFILL[version](conn)
            conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (version,))
    return conn


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]
