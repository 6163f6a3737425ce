"""Writing one read document (or its failure) into the registry, in one
transaction: a document re-read replaces its old rows, so re-running a batch is
idempotent.

The work is split so that the one process that writes the registry only
writes: `prepare` (in the worker that read the document) makes every row — the
packed extraction and text, directives, figures, persons, references, the
words and lemmas of the full-text index — and `write` (in the writer) inserts
them. The same transaction records which reports have to be (re)linked to the
decrees they answer (table `to_link`, see link.py), so a killed batch loses no
linking either.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import datetime
from typing import Any

from pipeline.registry.lemmas import words_and_lemmas_many


def _pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8"))


def unpack(blob: bytes | None) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8")) if blob else None


def known_shas(conn: sqlite3.Connection) -> dict[str, str]:
    """Every path in the registry and the sha256 it was read with."""
    return dict(conn.execute("SELECT path, sha256 FROM documents").fetchall())


def _replace(conn: sqlite3.Connection, path: str, sha: str, fields: dict[str, Any]) -> int:
    old = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
    if old is not None:  # a file read again: its rows go (a new file has none to look for)
        # reports linked to it as a decree are linked again (another copy may answer)
        conn.execute(
            "INSERT OR IGNORE INTO to_link SELECT DISTINCT report_id FROM statuses"
            " WHERE decree_id = ?",
            (old[0],),
        )
        conn.execute("DELETE FROM search WHERE document_id = ?", (old[0],))
        conn.execute("DELETE FROM documents WHERE id = ?", (old[0],))
    columns = {"path": path, "sha256": sha, "processed_at": datetime.now().isoformat(), **fields}
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = conn.execute(
        f"INSERT INTO documents ({names}) VALUES ({marks})", tuple(columns.values())
    )
    return int(cursor.lastrowid)


def store_failure(conn: sqlite3.Connection, path: str, sha: str, message: str, code: int) -> None:
    with conn:
        _replace(conn, path, sha, {"error": message, "error_code": code})


def index_rows(x: dict[str, Any], text: str) -> list[tuple[str, str, int | None]]:
    """(words, lemmas, directive number or None) for the full-text index: the title
    line, every directive, and a report's text (reports carry no directives)."""
    h = x.get("header") or {}
    title = " ".join(filter(None, (h.get("doc_type"), h.get("issuer"), h.get("title"))))
    texts: list[tuple[str, int | None]] = [(title, None)] if title else []
    texts += [(d["text"], k) for k, d in enumerate(x.get("directives") or [])]
    if not x.get("directives") and text:
        texts.append((text[:20000], None))
    pairs = words_and_lemmas_many(t for t, _ in texts)
    return [(w, lemma, k) for (w, lemma), (_, k) in zip(pairs, texts, strict=True)]


def prepare(x: dict[str, Any], text: str) -> dict[str, Any]:
    """Every row of one extraction (decree/1 JSON as a dict) and its text, ready
    for `write`: made in the worker that read the document. Only plain values
    and bytes, so that it crosses to the writer (a process, a Dask client)
    cheaply."""
    h = x.get("header") or {}
    report = x.get("report") or {}
    sign = x.get("signatory") or {}
    refs = list(x.get("references") or []) + list(report.get("refers_to") or [])
    columns = {
        "format": (x.get("source") or {}).get("format"),
        "kind": x.get("kind"),
        "doc_type": h.get("doc_type"),
        "issuer": h.get("issuer"),
        "date": h.get("date"),
        "number": h.get("number"),
        "place": h.get("place"),
        "title": h.get("title"),
        "signatory": " ".join(filter(None, (sign.get("position"), sign.get("name")))) or None,
        "organization": report.get("organization"),
        "members": report.get("members"),
        "extraction": _pack(x),
        "text": zlib.compress(text.encode("utf-8")),
    }
    directives = []
    for d in x.get("directives") or []:
        deadline = d.get("deadline") or {}
        directives.append(
            (
                d["id"],
                d.get("parent"),
                d["text"],
                "; ".join(d.get("addressees") or []),
                "; ".join(d.get("responsible") or []),
                deadline.get("text"),
                deadline.get("kind"),
                deadline.get("date"),
            )
        )
    return {
        "columns": columns,
        "directives": directives,
        "figures": [
            (f.get("value"), f.get("unit"), f.get("per"), f.get("text"))
            for f in x.get("figures") or []
        ],
        "persons": [(p.get("normal"), p.get("role")) for p in x.get("persons") or []],
        "refs": [
            (r.get("doc_type"), r.get("issuer"), r.get("date"), r.get("number"), r.get("title"))
            for r in refs
        ],
        "answers": answers_of(x),
        "search": index_rows(x, text),
    }


def answers_of(x: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(number, date) of every decree a report says it answers (`refers_to`)."""
    if x.get("kind") != "report":
        return []
    refs = (x.get("report") or {}).get("refers_to") or []
    return list(dict.fromkeys((r["number"], r.get("date")) for r in refs if r.get("number")))


def write(conn: sqlite3.Connection, path: str, sha: str, rows: dict[str, Any]) -> int:
    """Insert what `prepare` made, in one transaction; returns the document's id."""
    columns = rows["columns"]
    with conn:
        doc_id = _replace(conn, path, sha, columns)
        ids: list[int] = []
        for d in rows["directives"]:
            cursor = conn.execute(
                "INSERT INTO directives (document_id, item, parent, text, addressees, responsible,"
                " deadline_text, deadline_kind, deadline_date) VALUES (?,?,?,?,?,?,?,?,?)",
                (doc_id, *d),
            )
            ids.append(cursor.lastrowid)
        conn.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?)", [(doc_id, *f) for f in rows["figures"]]
        )
        conn.executemany(
            "INSERT INTO persons VALUES (?,?,?)", [(doc_id, *p) for p in rows["persons"]]
        )
        conn.executemany(
            "INSERT INTO refs VALUES (?,?,?,?,?,?)", [(doc_id, *r) for r in rows["refs"]]
        )
        conn.executemany(
            "INSERT INTO search (words, lemmas, document_id, directive_id) VALUES (?,?,?,?)",
            [(words, lemmas, doc_id, ids[k] if k is not None else None)
             for words, lemmas, k in rows["search"]],
        )  # fmt: skip
        if columns.get("kind") == "report":
            conn.executemany(
                "INSERT INTO answers VALUES (?,?,?)", [(doc_id, *a) for a in rows["answers"]]
            )
            conn.execute("INSERT OR IGNORE INTO to_link VALUES (?)", (doc_id,))
        elif columns.get("number"):
            # a decree: the reports that answer its number (and date) are linked again
            conn.execute(
                "INSERT OR IGNORE INTO to_link SELECT DISTINCT report_id FROM answers"
                " WHERE number = ? AND (date IS NULL OR date = ?)",
                (columns["number"], columns.get("date")),
            )
    return doc_id


def store_document(
    conn: sqlite3.Connection, path: str, sha: str, x: dict[str, Any], text: str
) -> int:
    """Store one extraction (decree/1 JSON as a dict) and its text; returns its id."""
    return write(conn, path, sha, prepare(x, text))
