"""`decree batch`: read every document under the given paths into the registry.

Files are found recursively; unchanged ones (same path and sha256) are skipped.
Worker processes (or a Dask cluster) hash, read and extract, and make every row
of the registry (store.prepare); this process alone writes them, one
transaction per file, so Ctrl-C or a killed run keeps every file already
finished and leaves a consistent database. A file that cannot be read is
recorded with its error and the batch goes on. Then the reports touched by the
run (read, or answering a decree that was) are checked against the decrees
they answer, again in the workers, and their statuses (`decree check`) stored
(link.py). What was not linked when a run stopped is linked by the next one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.blas import blas_threads
from pipeline.i18n import _
from pipeline.registry import link
from pipeline.registry.store import known_shas, prepare, store_failure, write

READ = {".docx", ".pdf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
CONVERT = {".doc", ".rtf", ".odt"}


@dataclass
class Summary:
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    kinds: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    linked: int = 0  # reports checked against the decrees they answer


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every readable file under `paths` (folders recursively), sorted."""
    out: set[Path] = set()
    for path in paths:
        if path.is_dir():
            out.update(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READ | CONVERT
                and not p.name.endswith(".expected.json")
            )
        else:
            out.add(path)
    return sorted(out)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _convert(path: Path, folder: str) -> Path:
    """A .doc/.rtf/.odt as .docx, with LibreOffice headless."""
    from pipeline.errors import CorruptFile, UnsupportedFormat

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UnsupportedFormat(
            str(path),
            _("{suffix} needs LibreOffice to be read").format(suffix=path.suffix),
            _("apt-get install libreoffice-writer-nogui, or save it as .docx"),
        )
    done = subprocess.run(
        [office, f"-env:UserInstallation=file://{folder}/profile", "--headless",
         "--convert-to", "docx", "--outdir", folder, str(path)],
        capture_output=True, timeout=300,
    )  # fmt: skip
    converted = Path(folder) / (path.stem + ".docx")
    if done.returncode != 0 or not converted.is_file():
        raise CorruptFile(str(path), _("LibreOffice could not convert it"))
    return converted


def read_one(path: str, known: str | None = None) -> dict[str, Any]:
    """Hash, read and extract one file, and make its registry rows (in a worker).
    `known`: the sha256 the registry holds for the path; an unchanged file is
    not read. Never raises: an error is returned as {"error", "code"}."""
    from pipeline.errors import DecreeError

    try:
        sha = sha256(Path(path))
    except OSError as error:
        message = _("cannot read the file ({error})").format(error=error.strerror)
        return {"path": path, "sha": None, "error": message, "code": 1}
    if sha == known:
        return {"path": path, "skipped": True}
    try:
        source = Path(path)
        if source.suffix.lower() in CONVERT:
            with tempfile.TemporaryDirectory(prefix="decree-batch-") as folder:
                text, extraction = _read(_convert(source, folder))
        else:
            text, extraction = _read(source)
        extraction["source"]["path"] = path
        return {"path": path, "sha": sha, "kind": extraction.get("kind"),
                "rows": prepare(extraction, text)}  # fmt: skip
    except DecreeError as error:
        error.path = path  # the user's file, not its converted copy
        return {"path": path, "sha": sha, "error": error.line(), "code": error.exit_code}
    except Exception as error:  # noqa: BLE001 - recorded, and the batch goes on
        return {
            "path": path,
            "sha": sha,
            "error": _("internal error: {error}").format(error=f"{type(error).__name__}: {error}"),
            "code": 1,
        }


def _read(source: Path) -> tuple[str, dict[str, Any]]:
    from pipeline.extract import extract
    from pipeline.ingest import read_document
    from pipeline.model import to_plain

    document = read_document(source)
    return document.text, to_plain(extract(document))


_ONE_THREAD_IN: int | None = None  # the worker process whose BLAS has one thread


def _in_worker(fn: Callable, *args: Any) -> Any:
    """A task in a worker process (a pool's or a Dask worker's): one BLAS thread
    (set once per process; the environment for libraries loaded later)."""
    global _ONE_THREAD_IN
    if os.getpid() != _ONE_THREAD_IN:
        _ONE_THREAD_IN = os.getpid()
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[name] = "1"
        blas_threads(1)
    return fn(*args)


class _Here:
    """Tasks run in this process, one at a time (--jobs 1), with one BLAS thread
    as in a worker (the process's own count is given back at the end)."""

    window = 1
    blas: int | None = None  # the process's BLAS threads before, once numpy is loaded

    def submit(self, fn: Callable, *args: Any) -> Future:
        if self.blas is None:  # numpy is loaded by the first document read
            self.blas = blas_threads(1)
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def wait(self, pending: set) -> tuple[set, set]:
        return set(pending), set()

    def close(self, cancel: bool) -> None:
        if self.blas:
            blas_threads(self.blas)


class _Pool(_Here):
    """Worker processes on this machine."""

    def __init__(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=jobs)
        self.window = 4 * jobs  # enough queued that no worker waits for the writer

    def submit(self, fn: Callable, *args: Any) -> Future:
        return self.pool.submit(_in_worker, fn, *args)

    def wait(self, pending: set) -> tuple[set, set]:
        from concurrent.futures import wait

        done, left = wait(pending, return_when=FIRST_COMPLETED)
        return done, left

    def close(self, cancel: bool) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class _Dask(_Here):
    """A Dask distributed cluster: its workers read and check, this process writes."""

    def __init__(self, scheduler: str):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            from pipeline.errors import UnsupportedFormat

            raise UnsupportedFormat(
                None,
                _("--scheduler needs Dask"),
                _("install Dask: pip install 'dask[distributed]'"),
            ) from None
        self.cluster = (
            LocalCluster(n_workers=2, threads_per_worker=1) if scheduler == "local" else None
        )
        self.client = Client(self.cluster or scheduler)
        self.window = max(16, 4 * sum(self.client.nthreads().values()))

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(_in_worker, fn, *args, pure=False)

    def wait(self, pending: set) -> tuple[set, set]:
        from dask.distributed import wait

        done, left = wait(list(pending), return_when="FIRST_COMPLETED")
        return set(done), set(left)

    def close(self, cancel: bool) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _drive(runner: _Here, calls: Iterator[tuple], handle: Callable[[Any], None]) -> None:
    """Run the calls (fn, *args) on the runner, at most `runner.window` at a time,
    and hand every result to `handle` (in this process) as it comes."""
    pending: set = set()
    more = True
    while True:
        while more and len(pending) < runner.window:
            call = next(calls, None)
            if call is None:
                more = False
            else:
                pending.add(runner.submit(*call))
        if not pending:
            return
        done, pending = runner.wait(pending)
        for future in done:
            handle(future.result())


def run_batch(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Read `paths` into the registry `conn` and link the reports touched;
    progress(done, total) after each file."""
    summary = Summary()
    files = [str(path.resolve()) for path in find_files(paths)]
    known = known_shas(conn)
    done = 0

    def stored(result: dict[str, Any]) -> None:
        nonlocal done
        path = result["path"]
        if result.get("skipped"):
            summary.skipped += 1
        elif "error" in result:
            if result["sha"] is not None:
                store_failure(conn, path, result["sha"], result["error"], result["code"])
            summary.failed += 1
            summary.failures.append((path, result["error"]))
        else:
            write(conn, path, result["sha"], result["rows"])
            summary.processed += 1
            summary.kinds[result["kind"] or "other"] += 1
        done += 1
        if progress:
            progress(done, len(files))

    def linked(result: dict[str, Any]) -> None:
        link.write_statuses(conn, result["report_id"], result["rows"])
        summary.linked += 1

    def link_calls() -> Iterator[tuple]:
        for report_id in link.pending(conn):
            args = link.task(conn, report_id)  # None: nothing to check, done here
            if args is not None:
                yield (link.statuses, *args)

    runner: _Here
    if scheduler:
        runner = _Dask(scheduler)
    elif jobs > 1 or (os.cpu_count() or 1) > 1:
        # one worker too, where there is a core for this process to write on while
        # the worker reads: the registry then costs the worker only its rows
        runner = _Pool(jobs)
    else:
        runner = _Here()
    finished = False
    try:
        _drive(runner, ((read_one, f, known.get(f)) for f in files), stored)
        _drive(runner, link_calls(), linked)
        finished = True
    except KeyboardInterrupt:
        # finished files are stored, and the reports not yet linked are listed in
        # `to_link`, for the next run
        summary.interrupted = True
    finally:
        runner.close(cancel=not finished)
    return summary
