"""Time and peak memory of one document at 1x, 10x and 100x its length.

The document's text is repeated (as a TXT file) and each length is extracted
in its own subprocess, models loaded before the clock starts, so that peak
memory (ru_maxrss) is that length's alone. Figures are ratios against the 1x
run of the same invocation: time should grow with the length (ratio ~ factor),
peak memory should stay flat (the models dominate; NER runs in pieces).

    python bench/bench_scale.py
    python bench/bench_scale.py --source corpus/sample-drsop-22-3.txt --factors 1 10 100 1000
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpus" / "tambov-oblprof-presidium-2006-12-4.txt"


def run_side(path: str, warm: str) -> dict[str, float]:
    from pipeline import extract_file

    extract_file(warm)  # models and caches loaded before the clock starts
    start = time.perf_counter()
    result = extract_file(path, max_chars=10**9)
    seconds = time.perf_counter() - start
    # VmHWM, not ru_maxrss, which keeps the parent's peak across exec
    status = Path("/proc/self/status").read_text()
    peak = int(re.search(r"VmHWM:\s*(\d+)", status)[1]) / 1024
    return {"seconds": seconds, "peak_mib": peak, "persons": len(result.persons)}


def measure(source: Path, factor: int, folder: Path) -> dict[str, float]:
    text = source.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path = folder / f"scale-{factor}.txt"
    path.write_text(text * factor, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, __file__, "--side", str(path), "--source", str(source)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures = json.loads(out.stdout.splitlines()[-1])
    figures["chars"] = len(text) * factor
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(run_side(args.side, str(args.source))))
        return
    with tempfile.TemporaryDirectory() as folder:
        rows = [(f, measure(args.source, f, Path(folder))) for f in args.factors]
    base = rows[0][1]
    print(f"source: {args.source.relative_to(ROOT) if args.source.is_absolute() else args.source}")
    print(f"{'length':>7} {'chars':>10} {'seconds':>8} {'time x':>7} {'peak MiB':>9} {'mem x':>6}")
    for factor, r in rows:
        print(
            f"{factor:>6}x {r['chars']:>10} {r['seconds']:>8.2f} "
            f"{r['seconds'] / base['seconds']:>7.1f} {r['peak_mib']:>9.0f} "
            f"{r['peak_mib'] / base['peak_mib']:>6.2f}"
        )


if __name__ == "__main__":
    main()
