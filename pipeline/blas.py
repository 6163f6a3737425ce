"""The BLAS threads of this process (numpy's OpenBLAS, under natasha's NER).

numpy's OpenBLAS starts a thread per core and keeps it spinning; natasha's small
matrices gain nothing from them. `decree extract` and every batch worker run
one thread, unless the user's environment says otherwise.
"""

from __future__ import annotations

import os

_SET = ("openblas_set_num_threads", "openblas_set_num_threads64_",
        "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_64_")  # fmt: skip
_GET = ("openblas_get_num_threads", "openblas_get_num_threads64_",
        "scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads_64_")  # fmt: skip


def blas_threads(count: int) -> int | None:
    """Set the BLAS threads of this process; returns how many there were (None:
    no OpenBLAS loaded, or not Linux).

    numpy's OpenBLAS (under the NER model) starts a thread per core and keeps it
    spinning: extraction is no faster for it (measured: 3.2 s against 3.0 s for
    120 documents) but takes twice the CPU, and with a worker per core the
    workers' threads fight over the cores — two processes extracting side by
    side took 17 s for what took 7.5 s with one thread each. Set through the
    library numpy loaded: the environment variables come too late once it is."""
    import ctypes
    import re

    try:
        with open(f"/proc/{os.getpid()}/maps", encoding="utf-8", errors="replace") as maps:
            libraries = sorted(set(re.findall(r"(/\S*openblas\S*\.so\S*)", maps.read())))
    except OSError:
        return None
    before = None
    for library in libraries:
        try:
            handle = ctypes.CDLL(library)
        except OSError:
            continue
        getter = next((getattr(handle, n) for n in _GET if hasattr(handle, n)), None)
        setter = next((getattr(handle, n) for n in _SET if hasattr(handle, n)), None)
        if getter is not None and before is None:
            before = int(getter())
        if setter is not None:
            setter(count)
    return before


def one_thread_unless_told() -> None:
    """One BLAS thread, unless OPENBLAS_NUM_THREADS / OMP_NUM_THREADS say otherwise."""
    if not any(os.environ.get(n) for n in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")):
        blas_threads(1)
