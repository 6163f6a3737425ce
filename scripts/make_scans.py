"""Turn corpus documents into realistic scans for the OCR path.

Each scan in `SCANS` renders a born-digital corpus document (PDF pages with
pypdfium2; DOCX through `soffice --headless --convert-to pdf`; TXT laid out on
A4 pages with Pillow and the DejaVu fonts), then degrades every page like a
cheap office scanner would: a degree or two of skew, blur, speckles, sensor
noise, uneven lighting and JPEG artefacts. A page can be turned upside down or
by 90 degrees. The result is written as an image-only PDF (grayscale JPEG
inside), PNG, JPEG or a multi-page TIFF into corpus/scans/ as
`<slug>-scan.<ext>`, next to a copy of the source's gold
(`<slug>-scan.expected.json`: it is the same document). SOURCES.md lists
where each scan came from; scripts/ocr_cer.py reads that table.

    .venv/bin/python scripts/make_scans.py            # all scans
    .venv/bin/python scripts/make_scans.py sample     # scans whose slug contains "sample"

Everything is seeded: running it twice gives the same files.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.text import decode_text, strip_bold_marks  # noqa: E402

CORPUS = ROOT / "corpus"
OUT = CORPUS / "scans"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
A4_MM = (210.0, 297.0)


@dataclass(frozen=True)
class Scan:
    """One scan to make.

    source: path under corpus/; ext: pdf | png | jpg | tif; dpi: scanning
    resolution; noise: "noisy" (the default office scanner) or "mild";
    turn: {page index (0-based): degrees counter-clockwise} for pages fed
    upside down (180) or sideways (90, 270); bilevel: black and white (TIFF G4).
    """

    source: str
    ext: str
    dpi: int = 200
    noise: str = "noisy"
    turn: tuple[tuple[int, int], ...] = ()
    bilevel: bool = False
    font: str = "DejaVuSerif"
    size: float = 13.0  # points, for TXT sources
    note: str = ""

    @property
    def slug(self) -> str:
        return Path(self.source).stem + "-scan"


SCANS: tuple[Scan, ...] = (
    Scan("sample-drsop-22-3.txt", "pdf", note="the user's sample decree; prose TXT laid out"),
    Scan(
        "union-obraz-info-2023-9-3.pdf",
        "pdf",
        turn=((1, 180),),
        note="decree with URLs; page 2 upside down",
    ),
    Scan(
        "school-novosulak-leto-74-od.txt",
        "tif",
        note="plan table (box drawing in a monospace font); TIFF",
    ),
    Scan("order-minobr-rd-01-03-778.docx", "pdf", note="order with two ruled tables"),
    Scan(
        "union-fprd-god-semyi-2024-31-4.docx",
        "pdf",
        dpi=300,
        noise="mild",
        note="decree with a plan table; 300 dpi",
    ),
    Scan(
        "city-buynaksk-pobeda-2022-48-r.docx",
        "tif",
        note="order with a plan table; multi-page TIFF",
    ),
    Scan("smolensk-atk-sovet-reshenie-2016-5.pdf", "png", note="council decision; PNG"),
    Scan(
        "order-college-kkst-312-o.pdf",
        "jpg",
        turn=((0, 90),),
        note="order; JPEG fed sideways (90 degrees)",
    ),
    Scan(
        "union-kult-podpiska-2019-8-1.txt",
        "jpg",
        dpi=150,
        font="DejaVuSans",
        size=11.5,
        note="short decree; 150 dpi JPEG",
    ),
    Scan("protocol-ppo-crb-kizlyar-7.docx", "pdf", note="protocol extract"),
    Scan("city-kizlyar-newyear-2019-215-r.pdf", "png", dpi=300, noise="mild", note="300 dpi PNG"),
    Scan(
        "univ-kgu-order-123-pr.docx",
        "tif",
        bilevel=True,
        note="order with a table; black-and-white TIFF (G4), like a fax",
    ),
    Scan(
        "web-sulak-rayon-1566-1.txt",
        "pdf",
        turn=((1, 270),),
        font="DejaVuSans",
        note="web copy; page 2 sideways (270 degrees)",
    ),
    Scan("old-rono-buynaksk-1987-n15.txt", "pdf", font="DejaVuSansMono", note="typewriter-like"),
    Scan("orenburg-minkult-prikaz-2024-01-03-178.docx", "pdf", note="order with three tables"),
    Scan("reports/apkprof-22-3.pdf", "pdf", note="report on decree 22-3"),
    Scan(
        "reports/kultprof-22-3-table.docx",
        "pdf",
        turn=((0, 180),),
        note="report answering item by item in a table; page 1 upside down",
    ),
    Scan(
        "reports/obrazprof-22-3.txt",
        "png",
        font="DejaVuSansMono",
        note="report typed as a letter (monospace, address block on the right); URLs",
    ),
)


# -- rendering ----------------------------------------------------------------


def render_pdf(path: Path, dpi: int) -> list[Image.Image]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            pages.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            page.close()
        return pages
    finally:
        pdf.close()


def render_docx(path: Path, dpi: int) -> list[Image.Image]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("make_scans: soffice not found (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return render_pdf(Path(tmp) / (path.stem + ".pdf"), dpi)


_BOX = set(chr(c) for c in range(0x2500, 0x2580))


class Page:
    """An A4 page being typeset at some dpi."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi
        self.width, self.height = (round(mm / 25.4 * dpi) for mm in A4_MM)
        self.image = Image.new("L", (self.width, self.height), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.left, self.right = self.mm(30), self.width - self.mm(15)
        self.top, self.bottom = self.mm(20), self.height - self.mm(20)
        self.y = self.top

    def mm(self, value: float) -> int:
        return round(value / 25.4 * self.dpi)


def _font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"{name}.ttf"), size_px)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, first: int) -> list[str]:
    """Words of text into lines; the first line is `first` pixels narrower."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width - (0 if lines else first):
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def typeset_text(path: Path, dpi: int, family: str, size: float = 13.0) -> list[Image.Image]:
    """Lay out a TXT file on A4 pages the way a clerk would have printed it.

    Texts aligned with spaces or drawn with box characters are set in a
    monospace font, line for line. Otherwise each line of the file is a
    paragraph (half a line of space before it), wrapped to the text width with
    a first-line indent; short upper-case lines are centred; a tab splits a line
    into a left and a right part.
    """
    text, _ = decode_text(path.read_bytes())
    marked = strip_bold_marks(text.splitlines())
    lines = [line.rstrip() for line, _ in marked]
    aligned = (
        any(ch in _BOX for line in lines for ch in line)
        or sum("   " in line.strip() for line in lines) >= 3
    )
    pages: list[Image.Image] = []
    page = Page(dpi)
    width = page.right - page.left
    if aligned or family == "DejaVuSansMono":
        aligned = True
        # The font fits the widest line laid out with spaces; prose lines wrap.
        laid_out = [ln for ln in lines if "   " in ln.strip() or any(c in _BOX for c in ln)]
        longest = max((len(line) for line in laid_out or lines), default=1)
        size = min(12.0, 72 * width / dpi / (0.602 * longest))
        regular = bold = _font("DejaVuSansMono", round(size * dpi / 72))
    else:
        regular = _font(family, round(size * dpi / 72))
        bold = _font(family + "-Bold", round(size * dpi / 72))
    ascent, descent = regular.getmetrics()
    pitch = ascent + descent if aligned else round(1.3 * size * dpi / 72)

    def new_line() -> None:
        nonlocal page
        page.y += pitch
        if page.y + pitch > page.bottom:
            pages.append(page.image)
            page = Page(dpi)

    for (line, is_bold), raw in zip(marked, lines, strict=True):
        font = bold if is_bold else regular
        if not raw.strip():
            if aligned and page.y > page.top:
                page.y += pitch // 2
            continue
        if aligned:
            raw = raw.replace("\t", "    ")
            if font.getlength(raw) <= width:
                page.draw.text((page.left, page.y), raw, font=font, fill=0)
                new_line()
                continue
            for part in _wrap(raw, font, width, 0):
                page.draw.text((page.left, page.y), part, font=font, fill=0)
                new_line()
            continue
        body = line.strip()
        if page.y > page.top:
            page.y += pitch // 2  # a line of the file is a paragraph: space before it
        if "\t" in body:
            left, _, right = body.partition("\t")
            page.draw.text((page.left, page.y), left.strip(), font=font, fill=0)
            right = right.strip()
            page.draw.text((page.right - font.getlength(right), page.y), right, font=font, fill=0)
            new_line()
            continue
        if body.isupper() and len(body) < 60:
            x = page.left + (width - font.getlength(body)) / 2
            page.draw.text((x, page.y), body, font=font, fill=0)
            new_line()
            continue
        indent = page.mm(12) if font.getlength(body) > width else 0
        for index, part in enumerate(_wrap(body, font, width, indent)):
            page.draw.text(
                (page.left + (indent if index == 0 else 0), page.y), part, font=font, fill=0
            )
            new_line()
    if page.y > page.top:
        pages.append(page.image)
    return pages


def render(scan: Scan) -> list[Image.Image]:
    path = CORPUS / scan.source
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return render_pdf(path, scan.dpi)
    if suffix == ".docx":
        return render_docx(path, scan.dpi)
    return typeset_text(path, scan.dpi, scan.font, scan.size)


# -- degradation --------------------------------------------------------------


def degrade(page: Image.Image, rng: np.random.Generator, noise: str) -> Image.Image:
    """A clean page as it comes out of an office scanner."""
    noisy = noise == "noisy"
    angle = rng.uniform(0.6, 2.0) if noisy else rng.uniform(0.2, 0.7)
    angle *= rng.choice((-1, 1))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.8 if noisy else 0.5))
    ink = 1.0 - np.asarray(page, dtype=np.float32) / 255.0
    h, w = ink.shape
    paper = rng.uniform(0.88, 0.95)
    dark = rng.uniform(0.08, 0.2)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # Light falls off towards one corner and at the edges of the glass.
    gx, gy = rng.uniform(-0.12, 0.12, 2)
    light = 1.0 + gx * (xx / w - 0.5) + gy * (yy / h - 0.5)
    light -= 0.08 * ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2)
    value = (paper - ink * (paper - dark)) * light
    value += rng.normal(0.0, 0.025 if noisy else 0.012, (h, w)).astype(np.float32)
    specks = rng.random((h, w)) < (0.0006 if noisy else 0.0002)
    value[specks] = rng.uniform(0.0, 0.4, int(specks.sum()))
    holes = rng.random((h, w)) < (0.0004 if noisy else 0.0)
    value[holes] = paper
    out = Image.fromarray((np.clip(value, 0, 1) * 255).astype(np.uint8), "L")
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=50 if noisy else 70)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def make(scan: Scan) -> Path:
    seed = zlib.crc32(scan.slug.encode())
    rng = np.random.default_rng(seed)
    pages = [degrade(page, rng, scan.noise) for page in render(scan)]
    for index, degrees in scan.turn:
        if index < len(pages):
            pages[index] = pages[index].rotate(degrees, expand=True)
    if scan.bilevel:
        pages = [page.point(lambda v: 255 if v > 150 else 0).convert("1") for page in pages]
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{scan.slug}.{scan.ext}"
    dpi = (scan.dpi, scan.dpi)
    if scan.ext == "pdf":
        pages[0].save(
            target, "PDF", save_all=True, append_images=pages[1:], resolution=scan.dpi, quality=60
        )
    elif scan.ext == "tif":
        compression = "group4" if scan.bilevel else "tiff_jpeg"
        pages[0].save(
            target,
            "TIFF",
            save_all=True,
            append_images=pages[1:],
            compression=compression,
            dpi=dpi,
            **({} if scan.bilevel else {"quality": 60}),
        )
    elif scan.ext == "png":
        if len(pages) > 1:
            raise SystemExit(f"make_scans: {scan.source} has {len(pages)} pages; PNG holds one")
        # The scanner's "text" mode: paper whitened, 16 grey levels (a small PNG).
        page = pages[0].point(lambda v: 255 if v > 190 else v // 16 * 17)
        page.save(target, "PNG", dpi=dpi, optimize=True)
    else:
        if len(pages) > 1:
            raise SystemExit(f"make_scans: {scan.source} has {len(pages)} pages; JPEG holds one")
        pages[0].save(target, "JPEG", dpi=dpi, quality=60)
    gold = (CORPUS / scan.source).with_name(Path(scan.source).stem + ".expected.json")
    shutil.copyfile(gold, OUT / f"{scan.slug}.expected.json")
    return target


def write_sources(scans: tuple[Scan, ...]) -> None:
    rows = [
        "# Scans made from corpus documents",
        "",
        "Made by `scripts/make_scans.py` (seeded; run it again to rebuild them). Each",
        "scan's gold `<slug>-scan.expected.json` is a copy of its source's gold: it is the",
        "same document. `scripts/ocr_cer.py` reads the table below to find the source.",
        "",
        "| scan | source | dpi | degradation | note |",
        "|---|---|---|---|---|",
    ]
    for scan in scans:
        how = [scan.noise]
        how += [f"page {i + 1} turned {d}°" for i, d in scan.turn]
        if scan.bilevel:
            how.append("black and white")
        rows.append(
            f"| {scan.slug}.{scan.ext} | {scan.source} | {scan.dpi} | {', '.join(how)} | "
            f"{scan.note} |"
        )
    (OUT / "SOURCES.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    chosen = [s for s in SCANS if not argv or any(a in s.slug for a in argv)]
    for scan in chosen:
        target = make(scan)
        print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB", file=sys.stderr)
    write_sources(SCANS)


if __name__ == "__main__":
    main(sys.argv[1:])
