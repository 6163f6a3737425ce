"""Fuzz the reader: mutate corpus documents and run `decree extract` on them.

Each input is a corpus document (TXT, DOCX, PDF) damaged by one mutator: byte
flips, truncation, a damaged ZIP member or document XML inside a DOCX, damaged
PDF objects, a wrong encoding, random Unicode, empty or huge lines. Inputs run
through the library entry `pipeline.extract_file` (and `to_json`, as the CLI
does) in worker processes, each with a time limit. The CLI's mapping decides
the outcome: a `DecreeError` is a clean refusal with its exit code; any other
exception is an internal error (exit 1); a worker past the time limit is a
hang and is killed. Inputs are a pure function of (seed, index): a failure is
replayed with `--only INDEX` and written out with `--save DIR`.

    python scripts/fuzz.py --count 10000            # the full run (README, "Fuzzing")
    python scripts/fuzz.py --count 300 --seed 7     # what tests/test_fuzz.py runs
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".txt", ".docx", ".pdf")


def corpus_files(root: Path = ROOT / "corpus", limit_bytes: int = 400_000) -> list[Path]:
    """The corpus documents to mutate (small ones, so that a run stays quick)."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in SUFFIXES and p.is_file() and p.stat().st_size <= limit_bytes
    )


# -- mutators: (rng, data, suffix) -> (data, suffix) ---------------------------------


def flip_bytes(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64))):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), suffix


def truncate(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    return data[: rng.randrange(max(len(data), 1))], suffix


def _rezip(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = change(info.filename, source.read(info))
            if body is not None:
                target.writestr(info.filename, body)
    return out.getvalue()


def damage_member(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Drop, empty, truncate or garble one member of a DOCX package."""
    if suffix != ".docx":
        return flip_bytes(rng, data, suffix)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    victim = rng.choice(names)
    how = rng.choice(("drop", "empty", "cut", "garble"))

    def change(name: str, body: bytes) -> bytes | None:
        if name != victim:
            return body
        if how == "drop":
            return None
        if how == "empty":
            return b""
        if how == "cut":
            return body[: rng.randrange(max(len(body), 1))]
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) + body[100:]

    return _rezip(data, change), suffix


_XML_DAMAGE = (
    lambda rng, xml: xml.replace(b"</w:p>", b"", rng.randrange(1, 5)),
    lambda rng, xml: xml.replace(b"<w:t>", b"<w:t>\x01\x02&bogus;", 1),
    lambda rng, xml: xml.replace(b"<w:body>", b"<w:body>" + b"<w:p>" * 3000, 1),
    lambda rng, xml: xml.replace(b'w:val="', b'w:val="-99999999999', rng.randrange(1, 20)),
    lambda rng, xml: xml.replace(b"<w:numId ", b'<w:numId w:x="" ', 5).replace(b"ilvl", b"ilvX", 3),
    lambda rng, xml: xml.replace(b"<w:t>", b"<w:t>" + "Ж".encode() * 200_000, 1),
    lambda rng, xml: xml.replace(
        b"<w:tc>", b'<w:tc><w:tcPr><w:gridSpan w:val="9999"/></w:tcPr>', 3
    ),
    lambda rng, xml: xml.replace(b"<w:tbl>", b"<w:tbl><w:tbl>", 2),
    lambda rng, xml: xml[: rng.randrange(max(len(xml), 1))],
    lambda rng, xml: xml.replace(b"utf-8", b"latin-1", 1).replace(b"UTF-8", b"koi8-r", 1),
)


def damage_xml(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Break the XML of document.xml, numbering.xml or styles.xml inside a DOCX."""
    if suffix != ".docx":
        return truncate(rng, data, suffix)
    part = rng.choice(("word/document.xml", "word/numbering.xml", "word/styles.xml"))
    damage = rng.choice(_XML_DAMAGE)
    return _rezip(data, lambda name, body: damage(rng, body) if name == part else body), suffix


def damage_pdf(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Garble an object, the xref table, a stream length or the trailer of a PDF."""
    if suffix != ".pdf":
        return flip_bytes(rng, data, suffix)
    marks = [b" obj", b"xref", b"/Length ", b"trailer", b"stream\r\n", b"stream\n", b"/Font"]
    mark = rng.choice(marks)
    spots = [i for i in range(len(data)) if data.startswith(mark, i)][:200] or [0]
    at = rng.choice(spots)
    junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    if rng.random() < 0.5:
        return data[:at] + junk + data[at + len(junk) :], suffix
    return data[:at] + data[at + rng.randrange(1, 4096) :], suffix


def wrong_encoding(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Text re-encoded in another code page, with or without a BOM that lies."""
    if suffix != ".txt":
        return flip_bytes(rng, data, suffix)
    text = data.decode("utf-8", errors="replace")
    codec = rng.choice(("cp1251", "koi8-r", "cp866", "utf-16-le", "utf-16-be", "latin-1"))
    body = text.encode(codec, errors="replace")
    if rng.random() < 0.3:
        body = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + body
    if rng.random() < 0.2:  # UTF-8 read as cp1251 and saved again ("РџРѕСЃ…")
        body = text.encode("utf-8").decode("cp1251", errors="replace").encode("utf-8")
    return body, suffix


_ODD = (
    "\u200b\u200e\u202e\ufeff\u0301\u0000\ufffd\u00ad\u2028\u2029\x0b\x0c\x1c\x85"
    "№§¶…–—«»„“\t│┃║├┼─═\U0001f600\U00010348ǅﬁ"
)


def random_unicode(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Insert random code points (controls, combining marks, bidi, astral, box drawing)."""
    if suffix != ".txt":
        return flip_bytes(rng, data, suffix)
    text = list(data.decode("utf-8", errors="replace"))
    for _ in range(rng.choice((1, 10, 200))):
        if rng.random() < 0.5:
            ch = rng.choice(_ODD)
        else:
            ch = chr(rng.choice((rng.randrange(0x20, 0x2FFF), rng.randrange(0xE000, 0x10FFFF))))
            ch = ch if not 0xD800 <= ord(ch) <= 0xDFFF else "?"
        text.insert(rng.randrange(len(text) + 1), ch)
    return "".join(text).encode("utf-8", errors="replace"), suffix


def odd_lines(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """Empty lines everywhere, one huge line, the whole text on one line, or no text."""
    if suffix != ".txt":
        return truncate(rng, data, suffix)
    text = data.decode("utf-8", errors="replace")
    how = rng.choice(("blank", "huge", "oneline", "spaces", "numbers"))
    if how == "blank":
        text = text.replace("\n", "\n" * rng.choice((3, 50)))
    elif how == "huge":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(("А", "1.", "№ ", " ", "Иванов И.И. ")) * 20_000 + text[at:]
    elif how == "oneline":
        text = text.replace("\n", " ")
    elif how == "spaces":
        text = "\n".join(" \t " * rng.randrange(1, 50) for _ in range(rng.randrange(1, 500)))
    else:
        text += "".join(f"\n{i}." for i in range(1, rng.choice((100, 3000))))
    return text.encode("utf-8"), suffix


def wrong_suffix(rng: random.Random, data: bytes, suffix: str) -> tuple[bytes, str]:
    """The right bytes under another extension (a PDF named .docx, …)."""
    return data, rng.choice([s for s in SUFFIXES + (".doc", ".jpg") if s != suffix])


MUTATORS = (
    flip_bytes,
    truncate,
    damage_member,
    damage_xml,
    damage_pdf,
    wrong_encoding,
    random_unicode,
    odd_lines,
    wrong_suffix,
)


def make_input(files: list[Path], seed: int, index: int) -> tuple[str, bytes, str]:
    """(mutator name + source, bytes, suffix) of input `index`: deterministic."""
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(files)
    mutator = rng.choice(MUTATORS)
    data, suffix = mutator(rng, source.read_bytes(), source.suffix)
    return f"{mutator.__name__}({source.name})", data, suffix


# -- running ---------------------------------------------------------------------------


def run_one(path: str) -> tuple[int, str]:
    """The CLI's outcome for one file: (exit code, one line)."""
    from pipeline import extract_file
    from pipeline.errors import DecreeError
    from pipeline.model import to_json

    try:
        to_json(extract_file(path, ocr="never"))
    except DecreeError as error:
        return error.exit_code, error.line()
    except Exception as error:  # noqa: BLE001 - exactly what the fuzzer looks for
        return 1, f"internal error: {type(error).__name__}: {error}"[:300]
    return 0, ""


def _worker(tasks, results) -> None:
    from pipeline.nlp import morph, ner

    ner(), morph()  # load once, before the first time limit starts
    results.put(("ready", None, None))
    with tempfile.TemporaryDirectory() as folder:
        while (task := tasks.get()) is not None:
            index, data, suffix = task
            path = Path(folder) / f"fuzz-{index}{suffix}"
            path.write_bytes(data)
            results.put((index, *run_one(str(path))))
            path.unlink()


class _Slot:
    def __init__(self, ctx) -> None:
        self.tasks, self.results = ctx.Queue(), ctx.Queue()
        self.process = ctx.Process(target=_worker, args=(self.tasks, self.results), daemon=True)
        self.process.start()
        self.results.get()  # models loaded
        self.index: int | None = None
        self.started = 0.0


def fuzz(
    count: int,
    *,
    seed: int = 0,
    jobs: int = 4,
    time_limit: float = 60.0,
    only: int | None = None,
    log=None,
) -> dict[int, tuple[str, int, str]]:
    """Run `count` inputs (or just input `only`); {index: (label, exit code, line)}
    for every input, with exit code -1 for a hang."""
    files = corpus_files()
    ctx = mp.get_context("fork")
    pending = [only] if only is not None else list(range(count))
    pending.reverse()
    labels: dict[int, str] = {}
    outcome: dict[int, tuple[str, int, str]] = {}
    slots = [_Slot(ctx) for _ in range(min(jobs, len(pending)))]
    while pending or any(s.index is not None for s in slots):
        for i, slot in enumerate(slots):
            if slot.index is None and pending:
                index = pending.pop()
                labels[index], data, suffix = make_input(files, seed, index)
                slot.tasks.put((index, data, suffix))
                slot.index, slot.started = index, time.monotonic()
            if slot.index is None:
                continue
            try:
                index, code, line = slot.results.get(timeout=0.01)
            except Exception:  # noqa: BLE001 - queue.Empty: still running
                if time.monotonic() - slot.started > time_limit:
                    outcome[slot.index] = (labels[slot.index], -1, f"hang: over {time_limit} s")
                    slot.process.kill()
                    slots[i] = _Slot(ctx)
                continue
            outcome[index] = (labels[index], code, line)
            slot.index = None
            if log and len(outcome) % 500 == 0:
                log(f"{len(outcome)} inputs done")
    for slot in slots:
        slot.tasks.put(None)
        slot.process.join(timeout=5)
    return outcome


def is_failure(code: int) -> bool:
    """An internal error (exit 1) or a hang (-1); every other code is a clean result."""
    return code in (1, -1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per input")
    parser.add_argument("--only", type=int, help="run just this input index")
    parser.add_argument("--save", type=Path, help="write failing inputs into this folder")
    args = parser.parse_args()
    start = time.monotonic()
    outcome = fuzz(
        args.count,
        seed=args.seed,
        jobs=args.jobs,
        time_limit=args.time_limit,
        only=args.only,
        log=lambda s: print(s, file=sys.stderr, flush=True),
    )
    codes = Counter(code for _, code, _ in outcome.values())
    failures = {i: o for i, o in outcome.items() if is_failure(o[1])}
    print(f"inputs: {len(outcome)}, seconds: {time.monotonic() - start:.0f}, seed: {args.seed}")
    print("exit codes: " + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items())))
    print(f"failures (internal error or hang): {len(failures)}")
    files = corpus_files()
    for index, (label, code, line) in sorted(failures.items()):
        print(f"  #{index} {label}: exit {code}: {line}")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            _, data, suffix = make_input(files, args.seed, index)
            (args.save / f"fuzz-{args.seed}-{index}{suffix}").write_bytes(data)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
