"""Character error rate of decree's OCR over the scan corpus.

For every scan listed in corpus/scans/SOURCES.md, the reference is the text
of its born-digital source as decree's own ingest reads it, the hypothesis is
the text decree gets from the scan; whitespace (spaces, tabs, line breaks)
is collapsed to single spaces on both sides. CER = edit distance / length
of the reference. Prints a table per scan, the overall CER (all characters of
all scans), and the CER of the 200 dpi "noisy" scans.

    .venv/bin/python scripts/ocr_cer.py                 # the table
    .venv/bin/python scripts/ocr_cer.py --eval          # also: decree eval, scans vs sources
    .venv/bin/python scripts/ocr_cer.py --diff sample   # show the differences of one scan
    .venv/bin/python scripts/ocr_cer.py --photos --eval # the same for corpus/photos

With --eval, the originals are scored the same way as `decree eval corpus/scans`
(their gold files are the ones the scans copy), through a temporary folder of
links that is removed afterwards.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCANS = ROOT / "corpus" / "scans"
PHOTOS = ROOT / "corpus" / "photos"  # phone photos; SOURCES.md lists pages, not dpi
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    scan: Path
    source: Path
    dpi: int
    degradation: str


def entries(folder: Path = SCANS) -> list[Entry]:
    """The scans of SOURCES.md whose files exist."""
    out = []
    for line in (folder / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[2].isdigit():
            continue
        scan, source = folder / cells[0], folder.parent / cells[1]
        if scan.exists() and source.exists():
            out.append(Entry(scan, source, int(cells[2]), cells[3]))
    return out


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def levenshtein(a: str, b: str) -> int:
    """Edit distance (Myers/Hyyrö bit-parallel algorithm on Python integers)."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def cer_table(chosen: list[Entry], show_diff: bool = False) -> None:
    from pipeline.ingest import read_document

    rows = []
    totals = {"all": [0, 0], "noisy200": [0, 0]}
    for entry in chosen:
        started = time.perf_counter()
        reference = normalize(read_document(entry.source).text)
        document = read_document(entry.scan)
        hypothesis = normalize(document.text)
        seconds = time.perf_counter() - started
        errors = levenshtein(reference, hypothesis)
        rows.append((entry, errors, len(reference), document.page_confidence, seconds))
        totals["all"][0] += errors
        totals["all"][1] += len(reference)
        if entry.dpi == 200 and entry.degradation.startswith("noisy"):
            totals["noisy200"][0] += errors
            totals["noisy200"][1] += len(reference)
        if show_diff:
            _print_diff(reference, hypothesis)
    print(f"{'scan':<52} {'dpi':>4} {'chars':>6} {'errors':>6} {'CER %':>6} {'conf':>10} {'s':>5}")
    for entry, errors, length, confidence, seconds in rows:
        conf = "/".join(f"{c:.0f}" for c in confidence)
        print(
            f"{entry.scan.name:<52} {entry.dpi:>4} {length:>6} {errors:>6} "
            f"{100 * errors / max(length, 1):>6.2f} {conf:>10} {seconds:>5.1f}"
        )
    for name, label in (("all", "overall"), ("noisy200", "200 dpi noisy scans")):
        errors, length = totals[name]
        if length:
            print(f"CER {label}: {100 * errors / length:.2f}% ({errors} of {length} characters)")


def _print_diff(reference: str, hypothesis: str) -> None:
    matcher = difflib.SequenceMatcher(None, reference, hypothesis, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            context = reference[max(0, a0 - 25) : a0]
            print(f"  {op:<8} …{context}[{reference[a0:a1]!r} -> {hypothesis[b0:b1]!r}]")


def eval_comparison(chosen: list[Entry], target: Path = SCANS) -> None:
    """decree eval on the scans and, the same way, on their born-digital sources."""
    from pipeline.evaluate import FIELDS, evaluate_folder

    with tempfile.TemporaryDirectory(prefix="decree-originals-") as tmp:
        folder = Path(tmp)
        for entry in chosen:
            gold = entry.source.with_name(entry.source.stem + ".expected.json")
            (folder / entry.source.name).symlink_to(entry.source)
            (folder / gold.name).symlink_to(gold)
        originals = evaluate_folder(folder)
    scans = evaluate_folder(target)
    print(f"\n{'field':<12} {'originals':>9} {'scans':>7} {'diff':>6}")
    worst = 0.0
    for name in FIELDS:
        if not originals.scores[name].support:
            continue
        a, b = originals.f1(name), scans.f1(name)
        worst = max(worst, a - b)
        print(f"{name:<12} {a:>9.3f} {b:>7.3f} {100 * (b - a):>+6.1f}")
    print(f"documents: {originals.documents} originals, {scans.documents} scans")
    print(f"largest drop: {100 * worst:.1f} points")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="scans whose name contains one of these")
    parser.add_argument("--eval", action="store_true", help="also compare decree eval scores")
    parser.add_argument("--diff", action="store_true", help="print the differences")
    parser.add_argument("--photos", action="store_true", help="corpus/photos instead of scans")
    args = parser.parse_args()
    folder = PHOTOS if args.photos else SCANS
    chosen = [
        e for e in entries(folder) if not args.only or any(o in e.scan.name for o in args.only)
    ]
    if not chosen:
        raise SystemExit("ocr_cer: no scans (run scripts/make_scans.py first)")
    cer_table(chosen, show_diff=args.diff)
    if args.eval:
        eval_comparison(chosen, folder)


if __name__ == "__main__":
    main()
