"""`decree batch`: read every document under the given paths into the registry.

Files are found recursively; unchanged ones (same path and sha256) are skipped.
Worker processes (or a Dask cluster) read and extract; this process alone writes
the registry, one transaction per file, so Ctrl-C or a killed run keeps every
file already finished and leaves a consistent database. A file that cannot be
read is recorded with its error and the batch goes on. At the end, reports are
linked to the decrees they answer and their statuses (`decree check`) stored.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.registry.store import index_rows, known_sha, store_document, store_failure

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
            f"{path.suffix} needs LibreOffice to be read",
            "apt-get install libreoffice-writer-nogui, or save it as .docx",
        )
    done = subprocess.run(
        [office, f"-env:UserInstallation=file://{folder}/profile", "--headless",
         "--convert-to", "docx", "--outdir", folder, str(path)],
        capture_output=True, timeout=300,
    )  # fmt: skip
    converted = Path(folder) / (path.stem + ".docx")
    if done.returncode != 0 or not converted.is_file():
        raise CorruptFile(str(path), "LibreOffice could not convert it")
    return converted


def read_one(path: str) -> dict[str, Any]:
    """Read and extract one file (in a worker). Never raises: an error is returned
    as {"error", "code"}."""
    from pipeline.errors import DecreeError
    from pipeline.extract import extract
    from pipeline.ingest import read_document
    from pipeline.model import to_plain

    try:
        source = Path(path)
        with tempfile.TemporaryDirectory(prefix="decree-batch-") as folder:
            if source.suffix.lower() in CONVERT:
                source = _convert(source, folder)
            document = read_document(source)
            extraction = to_plain(extract(document))
        extraction["source"]["path"] = path
        # the full-text rows are made here, in the worker, so that the one process
        # that writes the registry only writes
        extraction["_index"] = index_rows(extraction, document.text)
        return {"path": path, "extraction": extraction, "text": document.text}
    except DecreeError as error:
        error.path = path  # the user's file, not its converted copy
        return {"path": path, "error": error.line(), "code": error.exit_code}
    except Exception as error:  # noqa: BLE001 - recorded, and the batch goes on
        return {
            "path": path,
            "error": f"internal error: {type(error).__name__}: {error}",
            "code": 1,
        }


def _pool_results(paths: list[str], jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1:
        for path in paths:
            yield read_one(path)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(read_one, p) for p in paths]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _dask_results(paths: list[str], scheduler: str) -> Iterator[dict[str, Any]]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        from pipeline.errors import UnsupportedFormat

        raise UnsupportedFormat(
            None, "--scheduler needs Dask", "pip install 'dask[distributed]'"
        ) from None
    cluster = LocalCluster(n_workers=2, threads_per_worker=1) if scheduler == "local" else None
    client = Client(cluster or scheduler)
    try:
        futures = client.map(read_one, paths, pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Read `paths` into the registry `conn`; progress(done, total) after each file."""
    summary = Summary()
    todo: list[str] = []
    shas: dict[str, str] = {}
    for path in find_files(paths):
        key = str(path.resolve())
        try:
            shas[key] = sha256(path)
        except OSError as error:
            summary.failed += 1
            summary.failures.append((key, f"cannot read the file ({error.strerror})"))
            continue
        if known_sha(conn, key) == shas[key]:
            summary.skipped += 1
        else:
            todo.append(key)
    results = _dask_results(todo, scheduler) if scheduler else _pool_results(todo, jobs)
    try:
        for done, result in enumerate(results, start=1):
            path = result["path"]
            if "error" in result:
                store_failure(conn, path, shas[path], result["error"], result["code"])
                summary.failed += 1
                summary.failures.append((path, result["error"]))
            else:
                store_document(conn, path, shas[path], result["extraction"], result["text"])
                summary.processed += 1
                summary.kinds[result["extraction"].get("kind") or "other"] += 1
            if progress:
                progress(done, len(todo))
    except KeyboardInterrupt:
        summary.interrupted = True
        if hasattr(results, "close"):
            results.close()  # cancels what has not started; finished files are stored
    from pipeline.registry.link import link_reports

    link_reports(conn)
    return summary
