"""Writing one read document (or its failure) into the registry, in one
transaction: a document re-read replaces its old rows, so re-running a batch is
idempotent."""

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


def known_sha(conn: sqlite3.Connection, path: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
    return row[0] if row else None


def _replace(conn: sqlite3.Connection, path: str, sha: str, fields: dict[str, Any]) -> int:
    conn.execute(
        "DELETE FROM search WHERE document_id IN (SELECT id FROM documents WHERE path = ?)", (path,)
    )
    conn.execute("DELETE FROM documents WHERE path = ?", (path,))
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
    line, every directive, and a report's text (reports carry no directives).
    Computed in the worker that read the document."""
    if "_index" in x:
        return [tuple(row) for row in x.pop("_index")]
    h = x.get("header") or {}
    title = " ".join(filter(None, (h.get("doc_type"), h.get("issuer"), h.get("title"))))
    texts: list[tuple[str, int | None]] = [(title, None)] if title else []
    texts += [(d["text"], k) for k, d in enumerate(x.get("directives") or [])]
    if not x.get("directives") and text:
        texts.append((text[:20000], None))
    pairs = words_and_lemmas_many(t for t, _ in texts)
    return [(w, lemma, k) for (w, lemma), (_, k) in zip(pairs, texts, strict=True)]


def store_document(
    conn: sqlite3.Connection, path: str, sha: str, x: dict[str, Any], text: str
) -> int:
    """Store one extraction (decree/1 JSON as a dict) and its text; returns its id."""
    rows = index_rows(x, text)
    h = x.get("header") or {}
    report = x.get("report") or {}
    sign = x.get("signatory") or {}
    with conn:
        doc_id = _replace(
            conn,
            path,
            sha,
            {
                "format": (x.get("source") or {}).get("format"),
                "kind": x.get("kind"),
                "doc_type": h.get("doc_type"),
                "issuer": h.get("issuer"),
                "date": h.get("date"),
                "number": h.get("number"),
                "place": h.get("place"),
                "title": h.get("title"),
                "signatory": " ".join(filter(None, (sign.get("position"), sign.get("name"))))
                or None,
                "organization": report.get("organization"),
                "members": report.get("members"),
                "extraction": _pack(x),
                "text": zlib.compress(text.encode("utf-8")),
            },
        )
        ids: list[int] = []
        for d in x.get("directives") or []:
            deadline = d.get("deadline") or {}
            cursor = conn.execute(
                "INSERT INTO directives (document_id, item, parent, text, addressees, responsible,"
                " deadline_text, deadline_kind, deadline_date) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    d["id"],
                    d.get("parent"),
                    d["text"],
                    "; ".join(d.get("addressees") or []),
                    "; ".join(d.get("responsible") or []),
                    deadline.get("text"),
                    deadline.get("kind"),
                    deadline.get("date"),
                ),
            )
            ids.append(cursor.lastrowid)
        conn.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?)",
            [
                (doc_id, f.get("value"), f.get("unit"), f.get("per"), f.get("text"))
                for f in x.get("figures") or []
            ],
        )
        conn.executemany(
            "INSERT INTO persons VALUES (?,?,?)",
            [(doc_id, p.get("normal"), p.get("role")) for p in x.get("persons") or []],
        )
        refs = list(x.get("references") or []) + list(report.get("refers_to") or [])
        conn.executemany(
            "INSERT INTO refs VALUES (?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    r.get("doc_type"),
                    r.get("issuer"),
                    r.get("date"),
                    r.get("number"),
                    r.get("title"),
                )
                for r in refs
            ],
        )
        conn.executemany(
            "INSERT INTO search (words, lemmas, document_id, directive_id) VALUES (?,?,?,?)",
            [(words, lemmas, doc_id, ids[k] if k is not None else None)
             for words, lemmas, k in rows],
        )  # fmt: skip
    return doc_id
