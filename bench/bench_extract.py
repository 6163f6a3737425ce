"""Documents per second for `decree extract` against a baseline, in one run.

The baseline reads the same files with python-docx / pdfplumber / plain open()
and runs natasha's segmenter and NER over their text: what a user would write
by hand with the usual libraries. Each side runs in its own subprocess (models
loaded once before timing) so that peak memory is measured per side.

    python bench/bench_extract.py            # >= 500 documents from corpus/
    python bench/bench_extract.py --docs 100 # quicker
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".docx", ".pdf"}


def corpus_files() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "corpus").iterdir()
        if p.suffix in SUFFIXES and not p.name.endswith(".expected.json")
    )


def baseline_text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def run_side(mode: str, count: int) -> dict[str, float]:
    files = list(islice(cycle(corpus_files()), count))
    if mode == "baseline":
        from natasha import Doc, Segmenter

        from pipeline.nlp import ner

        segmenter, tagger = Segmenter(), ner()

        def work(path: Path) -> None:
            doc = Doc(baseline_text(path))
            doc.segment(segmenter)
            doc.tag_ner(tagger)

    else:
        from pipeline import extract_file

        def work(path: Path) -> None:
            extract_file(path)

    work(files[0])  # load models and warm caches outside the timing
    start = time.perf_counter()
    for path in files:
        work(path)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": len(files), "seconds": seconds, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="documents per side")
    parser.add_argument("--side", choices=["baseline", "decree"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(run_side(args.side, args.docs)))
        return
    results = {}
    for side in ("baseline", "decree"):
        out = subprocess.run(
            [sys.executable, __file__, "--side", side, "--docs", str(args.docs)],
            check=True,
            capture_output=True,
            text=True,
        )
        results[side] = json.loads(out.stdout.strip().splitlines()[-1])
    base, ours = results["baseline"], results["decree"]
    ratio = (ours["seconds"] / ours["docs"]) / (base["seconds"] / base["docs"])
    print(f"documents per side: {ours['docs']} ({len(corpus_files())} corpus files repeated)")
    for name, r in (("baseline", base), ("decree", ours)):
        print(
            f"{name:<9} {r['docs'] / r['seconds']:7.1f} docs/s  "
            f"{1000 * r['seconds'] / r['docs']:7.1f} ms/doc  peak RSS {r['peak_mb']:.0f} MiB"
        )
    print(f"ratio decree/baseline per document: {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
