"""Drafts per second for each template against a baseline, in one run.

decree: from what was read (the sample decree, its reports and their status
matrix, read once before timing) build the context — inflected names and
organizations, counts, the working-day deadline — check the template's
variables, render with docxtpl and save. Baseline: docxtpl rendering the same
template with the same context, ready made, and saving it: the least a user
could do by hand. The ratio is decree's time per draft over the baseline's.

    python bench/bench_drafts.py          # 40 drafts of each template per side
    python bench/bench_drafts.py --n 10   # quicker
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=40, help="drafts of each template per side")
    args = parser.parse_args()

    from docxtpl import DocxTemplate

    from pipeline.check import check, read
    from pipeline.generate import render_docx, template_path
    from pipeline.generate.appointment import build_appointment_context
    from pipeline.generate.card import build_card_context
    from pipeline.generate.resolution import build_resolution_context

    decree_path = ROOT / "corpus" / "sample-drsop-22-3.txt"
    reports = sorted(
        p for p in (ROOT / "corpus" / "reports").glob("*-22-3*") if p.suffix != ".json"
    )
    _, decree = read(decree_path)
    result = check(decree_path, reports)
    org = "Дагестанская республиканская организация Профсоюза работников здравоохранения РФ"
    builders = {
        "resolution": lambda: build_resolution_context(decree, result, date(2023, 12, 14), "25-4"),
        "appointment": lambda: build_appointment_context(
            org,
            "Курбанова Патимат Магомедовна",
            "заведующая отделом организационной работы",
            basis=decree,
            act_date=date(2023, 9, 12),
            number="31",
        ),
        "control_card": lambda: build_card_context(decree, result, date(2023, 12, 1)),
    }
    print(f"{'template':<14} {'decree/s':>9} {'baseline/s':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="decree-bench-") as tmp:
        out = Path(tmp) / "out.docx"
        for name, build in builders.items():
            template = template_path(name)
            ready = build()
            build()  # warm the caches of the inflection
            start = time.perf_counter()
            for _ in range(args.n):
                render_docx(template, build(), out)
            ours = (time.perf_counter() - start) / args.n
            start = time.perf_counter()
            for _ in range(args.n):
                doc = DocxTemplate(str(template))
                doc.render(ready)
                doc.save(str(out))
            base = (time.perf_counter() - start) / args.n
            print(f"{name:<14} {1 / ours:>9.1f} {1 / base:>11.1f} {ours / base:>6.2f}")


if __name__ == "__main__":
    main()
