"""The archive: decree batch into a registry, and the questions it answers."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from pipeline import errors
from pipeline.registry import connect, run_batch
from pipeline.registry.export import to_ics
from pipeline.registry.queries import due, search, show
from pipeline.registry.schema import MIGRATIONS, version

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOOD = [
    "sample-drsop-22-3.txt",
    "union-kult-podpiska-2019-8-1.txt",
    "order-crb-kizlyar-214-o.docx",
    "kurgan-tpp-presidium-2017-6-3.pdf",
    "reports/obrazprof-22-3.txt",
    "reports/energoprof-22-3-cp1251.txt",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A folder of good files of every type and broken ones."""
    folder = tmp_path_factory.mktemp("archive")
    for name in GOOD:
        target = folder / ("reports" if name.startswith("reports/") else "acts") / Path(name).name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(CORPUS / name, target)
    office = shutil.which("soffice")
    if office:  # an old .doc and an .rtf, made from a corpus DOCX, read through LibreOffice
        (folder / "old").mkdir()
        for fmt in ("doc", "rtf"):
            subprocess.run([office, f"-env:UserInstallation=file://{folder}/lo", "--headless",
                            "--convert-to", fmt, "--outdir", str(folder / "old"),
                            str(CORPUS / "union-ppo-school5-2024-7.docx")],
                           check=True, capture_output=True, timeout=300)  # fmt: skip
        shutil.rmtree(folder / "lo", ignore_errors=True)
    broken = folder / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "damaged.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (broken / "damaged.pdf").write_bytes(b"%PDF-1.4\n%%EOF garbage")
    (broken / "english.txt").write_text("This is an English memo about nothing.\n" * 20)
    (broken / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not a real doc")
    return folder


@pytest.fixture(scope="module")
def registry(archive, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "registry.sqlite"
    code, _, err = run("batch", str(archive), "--db", str(db))
    assert code == errors.SOME_FAILED, err  # the broken files
    for name in ("empty.txt", "damaged.docx", "damaged.pdf", "english.txt", "old.doc"):
        assert name in err
    converted = 2 if shutil.which("soffice") else 0
    assert f"processed {6 + converted}" in err and "failed 5" in err
    return db


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "r.sqlite"
    connect(db).close()
    conn = connect(db)
    assert version(conn) == len(MIGRATIONS)
    assert conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.slow
def test_second_run_skips_everything_unchanged(registry, archive):
    conn = connect(registry)
    before = conn.execute("SELECT COUNT(*) FROM directives").fetchone()[0]
    code, _, err = run("batch", str(archive), "--db", str(registry))
    total = 13 if shutil.which("soffice") else 11
    assert "processed 0" in err and f"skipped {total} unchanged" in err
    assert conn.execute("SELECT COUNT(*) FROM directives").fetchone()[0] == before > 0


@pytest.mark.slow
def test_a_changed_file_is_read_again_and_replaces_its_rows(registry, archive, tmp_path):
    db = tmp_path / "copy.sqlite"
    shutil.copy(registry, db)
    target = archive / "acts" / "sample-drsop-22-3.txt"
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(target, folder / target.name)
    conn = connect(db)
    run_batch(conn, [folder])
    (folder / target.name).write_text(target.read_text("utf-8") + "\n", encoding="utf-8")
    summary = run_batch(conn, [folder])
    assert summary.processed == 1
    rows = conn.execute(
        "SELECT COUNT(*) FROM directives d JOIN documents doc ON doc.id = d.document_id"
        " WHERE doc.path = ?", (str((folder / target.name).resolve()),)
    ).fetchone()[0]  # fmt: skip
    assert rows == 5


@pytest.mark.slow
def test_search_understands_word_forms(registry):
    conn = connect(registry)
    hits = search(conn, "подписка")
    texts = " ".join(h["text"] or "" for h in hits).lower()
    assert "подписк" in texts and any("подписки" in (h["text"] or "") for h in hits)
    sites = search(conn, "сайт")
    assert any("сайтов" in (h["text"] or "") for h in sites)
    assert search(conn, "несуществующееслово") == []


@pytest.mark.slow
def test_due_and_overdue(registry):
    conn = connect(registry)
    overdue = due(conn, overdue=True, as_of=date(2025, 1, 1))
    assert overdue and all(r["deadline_date"] < "2025-01-01" for r in overdue)
    assert all(r["deadline_kind"] == "date" for r in overdue)
    window = due(conn, date(2019, 7, 1), date(2019, 10, 31), as_of=date(2019, 8, 1))
    dated = {(r["number"], r["item"], r["state"]) for r in window if r["deadline_kind"] == "date"}
    assert dated == {("8-1", "1", "overdue"), ("8-1", "2", "due")}
    standing = {(r["number"], r["item"], r["state"]) for r in window if r["deadline_date"] is None}
    assert ("8-1", "4", "periodic") in standing  # listed as such, never overdue
    assert ("214-о", "4", "permanent") in standing or any(s[2] == "permanent" for s in standing)


@pytest.mark.slow
def test_due_pages(registry):
    """A page is the head of the whole answer, dated rows first, then the standing ones."""
    conn = connect(registry)
    whole = due(conn, date(2019, 1, 1), date(2026, 12, 31), as_of=date(2020, 1, 1))
    dated = sum(r["deadline_kind"] == "date" for r in whole)
    assert 0 < dated < len(whole)
    for n in (1, dated, dated + 1, len(whole), len(whole) + 5):
        assert due(conn, date(2019, 1, 1), date(2026, 12, 31), as_of=date(2020, 1, 1),
                   limit=n) == whole[:n]  # fmt: skip
    assert len(search(conn, "контроль", limit=None)) > len(search(conn, "контроль", limit=1)) == 1


@pytest.mark.slow
def test_due_limit_in_cli(registry):
    args = ("registry", "due", "--from", "2019-01-01", "--as-of", "2020-01-01")
    args = (*args, "--db", str(registry))
    code, out, err = run(*args, "--format", "csv")
    assert code == 0, err
    total = len(list(csv.DictReader(io.StringIO(out))))
    assert total > 2 and "--limit 0" not in err  # csv: everything by default
    code, out, err = run(*args, "--format", "csv", "--limit", "2")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2 and "--limit 0" in err
    code, out, err = run(*args, "--limit", str(total))
    assert code == 0 and "--limit 0" not in err  # a page that holds all says nothing
    code, _, err = run(*args, "--limit", "-1")
    assert code == 2 and "Traceback" not in err


@pytest.mark.slow
def test_reports_are_linked_and_done_items_are_not_due(registry):
    conn = connect(registry)
    doc = show(conn, "sample-drsop-22-3.txt")
    assert doc["number"] == "22-3" and len(doc["directives"]) == 5
    statuses = {(Path(s["report"]).name, s["item"]): s["status"] for s in doc["statuses"]}
    assert statuses[("energoprof-22-3-cp1251.txt", "2")] == "done"
    items_due = {r["item"] for r in due(conn, overdue=True, as_of=date(2024, 1, 1))
                 if r["number"] == "22-3"}  # fmt: skip
    assert "2" not in items_due  # a report marked it done
    assert "3" not in items_due  # done too (both reports appointed someone)


@pytest.mark.slow
def test_registry_commands(registry, tmp_path):
    code, out, err = run("registry", "due", "--overdue", "--as-of", "2025-01-01", "--db",
                         str(registry), "--format", "csv")  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["state"] == "overdue" for r in rows)
    code, out, _ = run("registry", "search", "подписку", "--db", str(registry), "--format", "json")
    assert code == 0 and json.loads(out)
    code, out, _ = run("registry", "show", "22-3", "--db", str(registry))
    assert code == 0 and json.loads(out)["title"].startswith("О мерах")
    for fmt in ("csv", "json", "ics", "xlsx"):
        target = tmp_path / f"export.{fmt}"
        code, _, err = run("registry", "export", "--format", fmt, "-o", str(target), "--db",
                           str(registry))  # fmt: skip
        assert code == 0, err
        assert target.stat().st_size > 100
    ics = (tmp_path / "export.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_missing_registry_is_one_line(tmp_path):
    code, _, err = run("registry", "due", "--db", str(tmp_path / "none.sqlite"))
    assert code == errors.InputMissing.exit_code
    assert "decree batch" in err and len(err.strip().splitlines()) == 1


def test_db_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DECREE_DB", str(tmp_path / "env.sqlite"))
    code, _, err = run("registry", "search", "сайт")
    assert code == errors.InputMissing.exit_code and "env.sqlite" in err


def test_ics_skips_what_is_done_and_undated():
    rows = [
        {"path": "a", "item": "1", "text": "Сделать", "deadline_kind": "date",
         "deadline_date": "2024-03-01", "done": 0, "number": "5", "date": "2024-01-10",
         "doc_type": "приказ"},
        {"path": "a", "item": "2", "text": "Сделано", "deadline_kind": "date",
         "deadline_date": "2024-03-01", "done": 1},
        {"path": "a", "item": "3", "text": "Всегда", "deadline_kind": "permanent",
         "deadline_date": None, "done": 0},
    ]  # fmt: skip
    ics = to_ics(rows)
    assert ics.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20240301" in ics


@pytest.mark.slow
def test_a_killed_batch_loses_nothing(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(CORPUS.glob("*.txt"))[:12]
    for path in sources:
        shutil.copy(path, folder / path.name)
    db = tmp_path / "killed.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "batch", str(folder), "--db", str(db)],
        cwd=ROOT, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and stored < 3:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 3 <= stored < len(sources), "the batch was not caught half-way"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    code, _, err = run("batch", str(folder), "--db", str(db))
    assert code == 0, err
    assert f"skipped {kept} unchanged" in err
    assert f"processed {len(sources) - kept}" in err


@pytest.mark.slow
def test_batch_on_a_dask_local_cluster(tmp_path):
    pytest.importorskip("distributed", reason="dask[distributed] is installed by make test")
    folder = tmp_path / "dask"
    folder.mkdir()
    for name in GOOD[:3]:
        shutil.copy(CORPUS / name, folder / Path(name).name)
    conn = connect(tmp_path / "dask.sqlite")
    summary = run_batch(conn, [folder], scheduler="local")
    assert (summary.processed, summary.failed) == (3, 0)
    assert conn.execute("SELECT COUNT(*) FROM directives").fetchone()[0] > 5


def _statuses(conn: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    rows = conn.execute(
        "SELECT r.path, d.path, s.item, s.status FROM statuses s"
        " JOIN documents r ON r.id = s.report_id JOIN documents d ON d.id = s.decree_id"
    ).fetchall()
    return {(Path(r).name, Path(d).name, item, status) for r, d, item, status in rows}


@pytest.mark.slow
def test_a_report_read_before_its_decree_is_linked_when_the_decree_comes(tmp_path):
    reports, acts = tmp_path / "reports", tmp_path / "acts"
    reports.mkdir()
    acts.mkdir()
    for name in ("obrazprof-22-3.txt", "energoprof-22-3-cp1251.txt"):
        shutil.copy(CORPUS / "reports" / name, reports / name)
    shutil.copy(CORPUS / "sample-drsop-22-3.txt", acts / "sample-drsop-22-3.txt")
    conn = connect(tmp_path / "r.sqlite")
    first = run_batch(conn, [reports])
    assert (first.processed, first.linked) == (2, 0) and not _statuses(conn)
    assert conn.execute("SELECT COUNT(*) FROM to_link").fetchone()[0] == 0
    second = run_batch(conn, [reports, acts], jobs=2)  # the reports are unchanged: skipped
    assert (second.processed, second.skipped, second.linked) == (1, 2, 2)
    linked = _statuses(conn)
    assert ("energoprof-22-3-cp1251.txt", "sample-drsop-22-3.txt", "2", "done") in linked
    assert {r for r, *_ in linked} == {"obrazprof-22-3.txt", "energoprof-22-3-cp1251.txt"}
    # the same in one run (the reports' folder first), in a new registry
    again = connect(tmp_path / "again.sqlite")
    assert run_batch(again, [reports, acts]).linked == 2
    assert _statuses(again) == linked
    # nothing changed: nothing is read or linked again
    third = run_batch(conn, [reports, acts])
    assert (third.processed, third.linked) == (0, 0) and _statuses(conn) == linked


@pytest.mark.slow
def test_links_a_stopped_run_left_are_made_by_the_next(registry, tmp_path, archive):
    db = tmp_path / "stopped.sqlite"
    shutil.copy(registry, db)
    conn = connect(db)
    linked = _statuses(conn)
    assert linked
    # as a run stopped after storing the reports, before checking them
    with conn:
        conn.execute("INSERT INTO to_link SELECT DISTINCT report_id FROM statuses")
        conn.execute("DELETE FROM statuses")
    summary = run_batch(conn, [archive])
    assert summary.processed == 0 and summary.linked > 0
    assert _statuses(conn) == linked
    assert conn.execute("SELECT COUNT(*) FROM to_link").fetchone()[0] == 0


@pytest.mark.slow
def test_a_decree_read_again_keeps_its_reports_linked(tmp_path):
    folder = tmp_path / "pair"
    folder.mkdir()
    shutil.copy(CORPUS / "reports" / "energoprof-22-3-cp1251.txt", folder / "report.txt")
    decree = folder / "sample-drsop-22-3.txt"
    shutil.copy(CORPUS / "sample-drsop-22-3.txt", decree)
    conn = connect(tmp_path / "r.sqlite")
    run_batch(conn, [folder])
    before = _statuses(conn)
    decree.write_text(decree.read_text("utf-8") + "\n", encoding="utf-8")
    summary = run_batch(conn, [folder])
    assert (summary.processed, summary.skipped, summary.linked) == (1, 1, 1)
    assert _statuses(conn) == before and before


def test_migration_3_lists_what_old_reports_answer(tmp_path):
    import zlib

    db = tmp_path / "v2.sqlite"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied TEXT)")
    for number, script in enumerate(MIGRATIONS[:2], start=1):
        old.executescript(script)
        old.execute("INSERT INTO migrations VALUES (?, 'then')", (number,))
    x = {"kind": "report", "report": {"refers_to": [{"number": "22-3", "date": "2023-08-15"}]}}
    old.execute(
        "INSERT INTO documents (path, sha256, kind, extraction, processed_at)"
        " VALUES ('r.txt', 'x', 'report', ?, 'then')",
        (zlib.compress(json.dumps(x).encode()),),
    )
    old.commit()
    old.close()
    conn = connect(db)
    assert version(conn) == len(MIGRATIONS)
    assert [tuple(r) for r in conn.execute("SELECT number, date FROM answers")] == [
        ("22-3", "2023-08-15")
    ]


def test_one_blas_thread_after_the_models_load():
    """numpy's OpenBLAS spins a thread per core for nothing: decree runs one (in a
    fresh process: a batch run by an earlier test sets the variables here)."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
    }
    code = (
        "from pipeline.nlp import ner; from pipeline.blas import blas_threads; "
        "ner(); print(blas_threads(1))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)  # fmt: skip
    assert out.stdout.strip() in ("None", "1")
