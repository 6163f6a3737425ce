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
