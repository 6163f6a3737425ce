"""The archive (the registry stage): many documents read into one SQLite file
that answers what is due, what is overdue, who was asked what, where a word was
decided about.

    connect(path)                 open or create it, migrated (schema.py)
    run_batch(conn, paths, jobs)  read files into it (batch.py)
    queries.search/due/show       what a secretary asks (queries.py)
"""

from __future__ import annotations

from pipeline.registry.batch import run_batch
from pipeline.registry.schema import connect

__all__ = ["connect", "run_batch"]
