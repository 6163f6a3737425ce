"""The archive at scale: a synthetic archive of N documents (default 10 000) made
by varying the corpus's plain-text acts and reports (dates, numbers, names of
organizations and people), read by `decree batch` with 1 and 2 workers, against
`decree extract` alone on the same files in the same run; then query latency.

Each round of the corpus gets its own years and numbers, shared by a decree and
the reports that answer it, so the batch links reports as in a real archive.

Prints: documents per second (wall time), peak RSS per worker and CPU seconds
per 100 documents for extract alone, batch with 1 worker and with 2; the ratio
batch(1 worker)/extract (target <= 1.15: with one worker, this process writes
while the worker reads); the same in CPU time, the registry's whole cost (less
disturbed by the other programs on a busy machine); for reference, extract with
numpy's default of a BLAS thread per core (decree runs one: twice the CPU for
nothing); the
speed-up 1 -> 2 workers (target >= 1.7 on 2 cores); the (report, decree) pairs
linked; the registry's size and directive count; p50/p95 of `search` and `due`
(target p95 < 50 ms: the pages the CLI shows, 50 and 100 rows; `due` also over a
quarter, and for reference the whole overdue list at once) and the rows they
return; the load average before and after.

    python bench/bench_archive.py                # 10 000 documents (~15 min on 2 cores)
    python bench/bench_archive.py --docs 1000    # quicker
    python bench/bench_archive.py --queries registry.sqlite   # latency only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ("Алиев", "Гаджиев", "Магомедов", "Иванов", "Петров", "Курбанов", "Омаров", "Сидоров")
PLACES = ("Махачкала", "Каспийск", "Дербент", "Буйнакск", "Кизляр", "Курган", "Тверь", "Омск")


def sources() -> list[Path]:
    corpus = ROOT / "corpus"
    return sorted(
        p for folder in (corpus, corpus / "reports", corpus / "web") for p in folder.glob("*.txt")
    )


def vary(text: str, rng: random.Random, shift: int, numbers: dict[str, str]) -> str:
    """The same act with other dates, numbers, places and surnames. `shift` (years)
    and `numbers` (a renumbering of "№ 22-3") are shared by one round of the
    corpus, so that a report still answers its decree (same number and date) and
    the batch links them, as in a real archive."""

    def year(m: re.Match) -> str:
        return str(min(2025, max(1990, int(m.group(0)) + shift)))

    def number(m: re.Match) -> str:
        key = f"{m.group(1)}-{m.group(2)}"
        if key not in numbers:
            numbers[key] = f"{rng.randint(1, 60)}-{rng.randint(1, 9)}"
        return "№ " + numbers[key]

    text = re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", year, text)
    text = re.sub(r"№\s?(\d+)-(\d+)", number, text)
    text = re.sub(r"№\s?(\d+)(?![\d-])", lambda m: f"№ {rng.randint(1, 999)}", text)
    for place in PLACES:
        if place in text:
            text = text.replace(place, rng.choice(PLACES))
    for surname in SURNAMES:
        if surname in text:
            text = text.replace(surname, rng.choice(SURNAMES))
    return text


def make_archive(folder: Path, count: int) -> list[Path]:
    rng = random.Random(7)
    texts = [(p.stem, p.read_bytes()) for p in sources()]
    paths = []
    for k in range(count):
        if k % len(texts) == 0:  # a new round of the corpus: new years, new numbers
            shift, numbers = rng.randint(-15, 2), {}
        stem, raw = texts[k % len(texts)]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1251")
        path = folder / f"{k // 1000:02d}" / f"{stem}-{k:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(vary(text, rng, shift, numbers), encoding="utf-8")
        paths.append(path)
    return paths


SIDE = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
mode, folder, db, jobs = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
files = sorted(folder.rglob("*.txt"))
from pipeline import extract_file
extract_file(files[0])  # models loaded before timing
def cpu():
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
start, start_cpu = time.perf_counter(), cpu()
if mode == "extract":
    for f in files:
        extract_file(f)
else:
    from pipeline.registry import connect, run_batch
    conn = connect(Path(db))
    summary = run_batch(conn, [folder], jobs=jobs)
    assert summary.failed == 0, summary.failures[:3]
elapsed, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
out = {{"seconds": elapsed, "cpu": cpu_seconds, "docs": len(files), "rss_mib": own,
       "child_rss_mib": kids}}
if mode != "extract":  # (report, decree) pairs linked
    out["links"] = conn.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT report_id, decree_id FROM statuses)"
    ).fetchone()[0]
print(json.dumps(out))
"""


def side(mode: str, folder: Path, db: Path, jobs: int, env: dict | None = None) -> dict:
    code = SIDE.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, mode, str(folder), str(db), str(jobs)],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def latency(db: Path) -> dict[str, tuple[float, float, float]]:
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from pipeline.registry import connect
    from pipeline.registry.queries import due, search

    conn = connect(db)
    words = ["подписка", "сайт", "ремонт", "выборы", "отчёт", "газета", "праздник", "питание"]
    out = {}
    # `due` as the CLI's table asks it (the first 100 rows, `--limit`), a quarter's
    # window, and the whole overdue list at once (json/csv, `--limit 0`)
    for name, call in (
        ("search", lambda k: search(conn, words[k % len(words)])),
        ("due", lambda k: due(conn, overdue=True, as_of=date(2010 + k % 15, 1, 1), limit=100)),
        (
            "due-qtr",
            lambda k: due(conn, date(2010 + k % 15, 1, 1), date(2010 + k % 15, 3, 31), limit=100),
        ),
        ("due-all", lambda k: due(conn, overdue=True, as_of=date(2010 + k % 15, 1, 1))),
    ):
        call(0)
        times, rows = [], []
        for k in range(100):
            start = time.perf_counter()
            rows.append(len(call(k)))
            times.append(1000 * (time.perf_counter() - start))
        times.sort()
        out[name] = (statistics.median(times), times[94], statistics.median(rows))
    return out


def print_latency(db: Path) -> None:
    for name, (p50, p95, rows) in latency(db).items():
        target = " (target p95 < 50 ms)" if name != "due-all" else ""
        print(
            f"{name:<8} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms{target};"
            f" rows returned, median {rows:.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=Path, metavar="DB", help="only the query latency, on DB")
    args = parser.parse_args()
    if args.queries:
        return print_latency(args.queries)
    with tempfile.TemporaryDirectory(prefix="decree-archive-") as tmp:
        folder = Path(tmp) / "archive"
        make_archive(folder, args.docs)
        print(f"archive: {args.docs} documents from {len(sources())} corpus texts")
        print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        alone = side("extract", folder, Path(tmp) / "unused", 1)
        # for reference: decree runs one BLAS thread (pipeline/blas.py); numpy's
        # default, which the environment can still ask for, spins one per core
        cores = str(os.cpu_count() or 1)
        single = side("extract", folder, Path(tmp) / "unused", 1, {"OPENBLAS_NUM_THREADS": cores})
        one = side("batch", folder, Path(tmp) / "one.sqlite", 1)
        two = side("batch", folder, Path(tmp) / "two.sqlite", 2)
        runs = {"alone": alone, "single": single, "one": one, "two": two}
        rate = {k: v["docs"] / v["seconds"] for k, v in runs.items()}
        # CPU: seconds of processor time per 100 documents (all processes of the run),
        # which the other programs on the machine disturb less than the wall time
        print(f"{'':<24} {'docs/s':>8} {'peak RSS/worker':>16} {'CPU s/100 docs':>15}")
        for key, label, rss in (
            ("alone", "decree extract alone", alone["rss_mib"]),
            ("single", "  extract, BLAS per core", single["rss_mib"]),
            ("one", "decree batch, 1 worker", one["child_rss_mib"]),
            ("two", "decree batch, 2 workers", two["child_rss_mib"]),
        ):
            per100 = 100 * runs[key]["cpu"] / runs[key]["docs"]
            print(f"{label:<24} {rate[key]:>8.1f} {rss:>12.0f} MiB {per100:>15.1f}")
        ratio = rate["alone"] / rate["one"]
        print(f"batch(1 worker) / extract alone, time per document: {ratio:.2f} (target <= 1.15)")
        print(
            f"  in CPU time: {one['cpu'] / alone['cpu']:.2f} (the registry's own cost, the"
            f" writer's included); extract with numpy's BLAS thread per core:"
            f" {rate['single'] / rate['one']:.2f}"
        )
        print(f"1 -> 2 workers: {rate['two'] / rate['one']:.2f}x (target >= 1.7)")
        print(f"reports linked to their decree: {one['links']} (1 worker), {two['links']} (2)")
        db = Path(tmp) / "two.sqlite"
        sys.path.insert(0, str(ROOT))
        import sqlite3

        conn = sqlite3.connect(db)
        directives = conn.execute("SELECT COUNT(*) FROM directives").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        print(f"registry: {db.stat().st_size / 2**20:.0f} MiB, {directives} directives")
        print_latency(db)
        print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
