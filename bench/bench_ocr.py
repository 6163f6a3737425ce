"""decree's OCR path against the plain `tesseract` command, in one run.

Both sides read the same page images: pages of the scan corpus rendered at
300 dpi (what decree does with a PDF page) and written as PNG files.

1. Per page, on one core: decree's `ocr_page` (load, orientation, deskew,
   despeckle, rulings, binarization, Tesseract TSV, re-reading of web
   addresses) against `tesseract page.png out -l rus tsv` with
   OMP_THREAD_LIMIT=1. Target: decree at most 1.2x the plain command.
   Tesseract's own threads (OpenMP, its default) are timed too, for reference.
2. A multi-page document: the same pages as one image-only PDF read by
   `read_document` with pages in parallel (--jobs = cores), against plain
   tesseract over the pages one after another.

3. Phone photos (corpus/photos, JPEG): decree's `ocr_page` (photo clean-up:
   EXIF turn, outline, perspective undone at 250 dpi, adaptive thresholding;
   then the scan path) against `tesseract photo.jpg out -l rus tsv` on the
   same file, one core. Target: decree at most 1.3x the plain command; the
   clean-up alone is timed too; each side's fastest of --repeat runs (3) per
   photo, alternating. Wall time is the figure; CPU time (decree's
   process and its Tesseract runs against the plain command's) is printed
   beside it, with the load average, because other work on the machine
   slows both sides unevenly.

    .venv/bin/python bench/bench_ocr.py              # 8 pages, 8 photos
    .venv/bin/python bench/bench_ocr.py --pages 4    # quicker
    .venv/bin/python bench/bench_ocr.py --photos-only
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCANS = ROOT / "corpus" / "scans"
PHOTOS = ROOT / "corpus" / "photos"
ONE_CORE = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def page_images(folder: Path, count: int) -> list[Path]:
    """Upright pages of the PDF scans at 300 dpi, as PNG files in folder."""
    import pypdfium2 as pdfium

    from pipeline.ingest import scan

    out: list[Path] = []
    for pdf_path in sorted(SCANS.glob("*-scan.pdf")):
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                image = page.render(scale=scan.PDF_DPI / 72, grayscale=True).to_pil().convert("L")
                page.close()
                if image.width > image.height:
                    continue  # a page fed sideways: timed apart, not here
                target = folder / f"{pdf_path.stem}-{index + 1}.png"
                image.save(target, dpi=(scan.PDF_DPI, scan.PDF_DPI))
                out.append(target)
                if len(out) == count:
                    return out
        finally:
            pdf.close()
    return out


def plain(image: Path, folder: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["tesseract", str(image), str(folder / image.stem), "-l", "rus", "tsv"],
        check=True,
        capture_output=True,
        env=env,
    )
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (user + system)."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def ours(image: Path) -> tuple[float, int]:
    """Seconds for decree's OCR of one page, and the turn it found (degrees)."""
    from pipeline.ingest.ocr_page import PageTask, ocr_page

    started = time.perf_counter()
    result = ocr_page(PageTask(str(image), "image", 0))
    elapsed = time.perf_counter() - started
    if result.error:
        raise SystemExit(f"bench_ocr: {image.name}: {result.error[1]}")
    return elapsed, result.rotation


def multipage_pdf(images: list[Path], target: Path) -> Path:
    from PIL import Image

    pages = [Image.open(p).convert("L") for p in images]
    pages[0].save(target, "PDF", save_all=True, append_images=pages[1:], resolution=300)
    return target


def photos(count: int, folder: Path, repeat: int = 1) -> None:
    """Photo clean-up + OCR against plain tesseract on the same JPEG files; with
    repeat > 1, each side's fastest of `repeat` runs per photo, the two sides
    alternating (the minimum is the least disturbed by other work)."""
    from PIL import Image

    from pipeline.ingest import photo

    images = sorted(PHOTOS.rglob("*.jpg"))[:count]
    if not images:
        raise SystemExit("bench_ocr: no photos in corpus/photos (run scripts/make_photos.py)")
    rows = []
    cpu = [0.0, 0.0]  # decree, plain tesseract
    before = load()
    for image in images:
        with Image.open(image) as opened:
            opened.load()
            started = time.perf_counter()
            photo.flatten_photo(opened)
            cleanup = time.perf_counter() - started
        runs: list[tuple[float, float]] = []
        for _ in range(repeat):
            used = cpu_seconds()
            seconds, _turn = ours(image)
            cpu[0] += cpu_seconds() - used
            used = cpu_seconds()
            baseline = plain(image, folder, ONE_CORE)
            cpu[1] += cpu_seconds() - used
            runs.append((seconds, baseline))
        seconds, baseline = min(r[0] for r in runs), min(r[1] for r in runs)
        rows.append((str(image.relative_to(PHOTOS)), cleanup, seconds, baseline))
    best = f", fastest of {repeat} runs each" if repeat > 1 else ""
    print(f"\nPhone photos, one core ({len(rows)} JPEG photos as taken{best}):")
    print(f"{'photo':<52} {'clean-up s':>10} {'decree s':>9} {'tesseract s':>12} {'ratio':>6}")
    for name, cleanup, a, b in rows:
        print(f"{name:<52} {cleanup:>10.2f} {a:>9.2f} {b:>12.2f} {a / b:>6.2f}")
    total_ours = sum(r[2] for r in rows)
    total_plain = sum(r[3] for r in rows)
    cleanup = sum(r[1] for r in rows)
    print(
        f"photos: decree {total_ours:.1f} s (clean-up {cleanup:.1f} s), tesseract "
        f"{total_plain:.1f} s; ratio {total_ours / total_plain:.2f} (median per photo "
        f"{statistics.median(r[2] / r[3] for r in rows):.2f}; target <= 1.3)"
    )
    print(
        f"CPU time: decree {cpu[0]:.1f} s, tesseract {cpu[1]:.1f} s; ratio "
        f"{cpu[0] / cpu[1]:.2f}; {before} before, {load()} after"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=8, help="pages to time (default 8)")
    parser.add_argument("--photos-only", action="store_true", help="time the photos only")
    parser.add_argument(
        "--repeat", type=int, default=3, help="photos: runs per side, the fastest kept (default 3)"
    )
    args = parser.parse_args()
    from pipeline.ingest import read_document
    from pipeline.ingest.ocr import default_jobs
    from pipeline.ingest.ocr_tesseract import tesseract

    tesseract()  # fails early, with the Debian packages to install
    with tempfile.TemporaryDirectory(prefix="decree-bench-ocr-") as tmp:
        folder = Path(tmp)
        if args.photos_only:
            ours(next(PHOTOS.rglob("*.jpg")))  # warm-up: imports
            photos(args.pages, folder, args.repeat)
            return
        images = page_images(folder, args.pages)
        if not images:
            raise SystemExit("bench_ocr: no scans in corpus/scans (run scripts/make_scans.py)")
        ours(images[0])  # warm-up: imports, page cache
        rows = []
        for image in images:
            seconds, turned = ours(image)
            rows.append((image.name, seconds, plain(image, folder, ONE_CORE), turned))
        threaded = [plain(image, folder, dict(os.environ)) for image in images[:2]]

        print(f"Per page, one core ({len(images)} pages at 300 dpi):")
        print(f"{'page':<52} {'decree s':>9} {'tesseract s':>12} {'ratio':>6}")
        for name, a, b, turned in rows:
            note = "  (upside down: read twice)" if turned else ""
            print(f"{name:<52} {a:>9.2f} {b:>12.2f} {a / b:>6.2f}{note}")
        upright = [r for r in rows if not r[3]] or rows
        total_ours = sum(r[1] for r in upright)
        total_plain = sum(r[2] for r in upright)
        ratios = [r[1] / r[2] for r in upright]
        print(
            f"upright pages: decree {total_ours:.1f} s, tesseract {total_plain:.1f} s; "
            f"ratio {total_ours / total_plain:.2f} (median per page "
            f"{statistics.median(ratios):.2f}; target <= 1.2)"
        )
        turned_rows = [r for r in rows if r[3]]
        if turned_rows:
            ratio = sum(r[1] for r in turned_rows) / sum(r[2] for r in turned_rows)
            print(f"upside-down pages: ratio {ratio:.2f} (a bad first reading, OSD, a second one)")
        mean_threaded = sum(threaded) / len(threaded)
        mean_single = sum(r[2] for r in rows[: len(threaded)]) / len(threaded)
        print(
            f"tesseract with its own threads (OpenMP default): {mean_threaded:.2f} s/page "
            f"vs {mean_single:.2f} s/page on one core"
        )
        total_plain = sum(r[2] for r in rows)

        pdf = multipage_pdf(images, folder / "multipage.pdf")
        jobs = default_jobs()
        started = time.perf_counter()
        document = read_document(pdf, jobs=jobs)
        wall = time.perf_counter() - started
        print(f"\nA {len(images)}-page image-only PDF, {jobs} jobs:")
        print(
            f"decree read_document {wall:.1f} s wall; plain tesseract page after page "
            f"{total_plain:.1f} s; ratio {wall / total_plain:.2f} "
            f"({total_plain / wall:.1f}x faster)"
        )
        low = [c for c in document.page_confidence if c < 70]
        print(f"pages: {document.source.pages}, low-confidence pages: {len(low)}")
        photos(args.pages, folder, args.repeat)


if __name__ == "__main__":
    main()
