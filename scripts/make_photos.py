"""Make corpus/photos/: corpus documents as a phone photographs them.

Each page is rendered clean (as scripts/make_scans.py does, at 300 dpi), then
laid on a desk at an angle and photographed: a perspective quadrilateral
inside a 6-megapixel frame, a wood-grain desk with another sheet at its edge,
a soft shadow (a hand or the phone) over part of the page and light falling
off across it, a little defocus blur and sensor noise, JPEG at quality 60-80,
a camera EXIF (make, model). One page is saved as HEIC, one is stored turned
on its side with an EXIF orientation tag that turns it back, and one photo
lies in landscape (the page across the frame).

A document of one page becomes `<slug>-photo.jpg`; a document of several
becomes a folder `<slug>-photo/` of `page-1.jpg`, `page-2.jpg`, … (the
secretary's way: one folder per report). The gold beside it is a copy of the
source's gold. SOURCES.md lists each photo and its source (scripts/ocr_cer.py
--photos reads it).

    .venv/bin/python scripts/make_photos.py            # all photos
    .venv/bin/python scripts/make_photos.py sample     # those whose slug contains "sample"

Everything is seeded: running it twice gives the same files.
"""

from __future__ import annotations

import io
import shutil
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.make_scans import CORPUS, Scan, render  # noqa: E402

OUT = CORPUS / "photos"
FRAME = (2250, 3000)  # pixels of a portrait photo (6.75 megapixels)
CAMERAS = (("Apple", "iPhone 12"), ("samsung", "SM-A525F"), ("Xiaomi", "Redmi Note 10"))
EXIF_MAKE, EXIF_MODEL, EXIF_ORIENTATION = 271, 272, 274


@dataclass(frozen=True)
class Photo:
    """One document to photograph.

    source: path under corpus/; heic / exif_turn / landscape: 0-based page
    indexes saved as HEIC, stored sideways with an EXIF orientation tag,
    photographed across the frame; shadow: "soft" or "hard".
    """

    source: str
    heic: tuple[int, ...] = ()
    exif_turn: tuple[int, ...] = ()
    landscape: tuple[int, ...] = ()
    shadow: str = "soft"
    font: str = "DejaVuSerif"
    size: float = 13.0
    note: str = ""

    @property
    def slug(self) -> str:
        return Path(self.source).stem + "-photo"


PHOTOS: tuple[Photo, ...] = (
    Photo("sample-drsop-22-3.txt", note="the user's sample decree, two photos"),
    Photo("union-obraz-info-2023-9-3.pdf", heic=(1,), note="decree with URLs; page 2 HEIC"),
    Photo("reports/apkprof-22-3.pdf", note="report on decree 22-3, a folder of one photo"),
    Photo("reports/kultprof-22-3-table.docx", shadow="hard", note="report as a table"),
    Photo(
        "reports/obrazprof-22-3.txt",
        font="DejaVuSansMono",
        note="report typed as a letter",
    ),
    Photo("smolensk-atk-sovet-reshenie-2016-5.pdf", shadow="hard", note="council decision"),
    Photo("city-kizlyar-newyear-2019-215-r.pdf", exif_turn=(0,), note="EXIF orientation 6"),
    Photo("order-college-kkst-312-o.pdf", landscape=(0,), note="page across the frame"),
    Photo(
        "union-kult-podpiska-2019-8-1.txt",
        font="DejaVuSans",
        size=11.5,
        note="short decree",
    ),
    Photo("protocol-ppo-crb-kizlyar-7.docx", note="protocol extract"),
    Photo("order-minobr-rd-01-03-778.docx", shadow="hard", note="order with ruled tables"),
    Photo("union-fprd-god-semyi-2024-31-4.docx", note="decree with a plan table"),
    Photo("city-buynaksk-pobeda-2022-48-r.docx", note="order with a plan table"),
    Photo("orenburg-minkult-prikaz-2024-01-03-178.docx", note="order with three tables"),
)


# -- the scene ------------------------------------------------------------------


def desk(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """A wood-grain desk (RGB floats 0-1), with another sheet at one edge."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(-0.3, 0.3)
    u = xx * np.cos(angle) + yy * np.sin(angle)
    grain = 0.5 + 0.25 * np.sin(u / rng.uniform(9, 17) + 3 * np.sin(yy / 230.0))
    grain += 0.1 * np.sin(u / 3.1)
    base = np.array(rng.choice([(0.45, 0.3, 0.18), (0.35, 0.25, 0.2), (0.55, 0.5, 0.45)]))
    out = base[None, None, :] * (0.75 + 0.35 * grain[..., None])
    # Another sheet of paper at one side of the frame, apart from the page.
    side = rng.integers(2, 4)  # top or bottom: the sides are too near the page
    cut = rng.integers(30, 110)
    sheet = np.zeros((h, w), bool)
    if side == 0:
        sheet[:, :cut] = True
    elif side == 1:
        sheet[:, w - cut :] = True
    elif side == 2:
        sheet[:cut, :] = True
    else:
        sheet[h - cut :, :] = True
    out[sheet] = (0.82, 0.82, 0.8)
    return out.astype(np.float32)


def corners(rng: np.random.Generator, size: tuple[int, int], aspect: float) -> np.ndarray:
    """Where the page's corners land in the frame: a tilted, foreshortened quad."""
    w, h = size
    page_h = h * rng.uniform(0.74, 0.82)
    page_w = page_h / aspect
    cx, cy = w / 2 + rng.uniform(-40, 40), h / 2 + rng.uniform(-40, 40)
    quad = np.array(
        [[-page_w / 2, -page_h / 2], [page_w / 2, -page_h / 2], [page_w / 2, page_h / 2]]
        + [[-page_w / 2, page_h / 2]],
        dtype=np.float32,
    )
    turn = np.radians(rng.uniform(-5, 5))
    rot = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]], np.float32)
    quad = quad @ rot.T
    # Perspective: the far edge of the page is narrower (the phone held at an angle).
    far = rng.uniform(0.03, 0.09)
    quad[0, 0] += far * page_w
    quad[1, 0] -= far * page_w
    quad += rng.uniform(-25, 25, quad.shape).astype(np.float32)
    quad += np.array([cx, cy], np.float32)
    return quad


def light(rng: np.random.Generator, size: tuple[int, int], shadow: str) -> np.ndarray:
    """The light falling on the scene: a gradient and a soft-edged shadow."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(-0.25, 0.25, 2)
    field = 1.0 + gx * (xx / w - 0.5) + gy * (yy / h - 0.5)
    # A shadow: a half-plane through the page with a blurred edge.
    angle = rng.uniform(0, 2 * np.pi)
    px, py = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    distance = (xx - px) * np.cos(angle) + (yy - py) * np.sin(angle)
    softness = 40.0 if shadow == "hard" else 250.0
    depth = rng.uniform(0.4, 0.5) if shadow == "hard" else rng.uniform(0.25, 0.4)
    field *= 1.0 - depth / (1.0 + np.exp(-distance / softness))
    return field.astype(np.float32)


def photograph(page: Image.Image, rng: np.random.Generator, shadow: str) -> Image.Image:
    """A clean grey page (300 dpi) as a phone photo of it on a desk (RGB)."""
    import cv2

    size = FRAME
    quad = corners(rng, size, page.height / page.width)
    src = np.array(
        [[0, 0], [page.width, 0], [page.width, page.height], [0, page.height]], np.float32
    )
    matrix = cv2.getPerspectiveTransform(src, quad)
    ink = np.asarray(page, dtype=np.float32) / 255.0
    warped = cv2.warpPerspective(ink, matrix, size, flags=cv2.INTER_AREA, borderValue=-1.0)
    inside = warped >= 0
    paper = np.array([0.95, 0.94, 0.9], np.float32) * rng.uniform(0.92, 1.0)
    ink_rgb = np.array([0.12, 0.12, 0.16], np.float32)
    value = paper[None, None, :] * warped[..., None] + ink_rgb * (1 - warped[..., None])
    scene = np.where(inside[..., None], value, desk(rng, size))
    scene *= light(rng, size, shadow)[..., None]
    scene = cv2.GaussianBlur(scene, (0, 0), rng.uniform(0.7, 1.2))
    scene += rng.normal(0, 0.015, scene.shape).astype(np.float32)
    out = (np.clip(scene, 0, 1) * 255).astype(np.uint8)
    return Image.fromarray(out, "RGB")


def exif(rng: np.random.Generator, orientation: int = 1) -> Image.Exif:
    make, model = CAMERAS[int(rng.integers(len(CAMERAS)))]
    tags = Image.Exif()
    tags[EXIF_MAKE], tags[EXIF_MODEL] = make, model
    if orientation != 1:
        tags[EXIF_ORIENTATION] = orientation
    return tags


def save(image: Image.Image, target: Path, rng: np.random.Generator, photo: Photo, k: int) -> Path:
    orientation = 1
    if k in photo.exif_turn:
        # Stored as the sensor saw it (turned 90° clockwise), tag 6 turns it back.
        image, orientation = image.transpose(Image.Transpose.ROTATE_90), 6
    if k in photo.landscape:
        image = image.transpose(Image.Transpose.ROTATE_270)
    tags = exif(rng, orientation)
    quality = int(rng.integers(60, 81))
    if k in photo.heic:
        import pillow_heif

        pillow_heif.register_heif_opener()
        target = target.with_suffix(".heic")
        image.save(target, "HEIF", quality=quality, exif=tags.tobytes())
        return target
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=tags.tobytes())
    target.write_bytes(buffer.getvalue())
    return target


def make(photo: Photo) -> Path:
    rng = np.random.default_rng(zlib.crc32(photo.slug.encode()))
    pages = render(Scan(photo.source, "pdf", dpi=300, font=photo.font, size=photo.size))
    shots = [photograph(page.convert("L"), rng, photo.shadow) for page in pages]
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(photo.slug + "*"):
        if old.is_dir():
            shutil.rmtree(old)
        elif not old.name.endswith(".json"):
            old.unlink()
    several = len(pages) > 1 or photo.source.startswith("reports/apkprof")
    if several:
        target = OUT / photo.slug
        target.mkdir()
        for k, shot in enumerate(shots):
            save(shot, target / f"page-{k + 1}.jpg", rng, photo, k)
    else:
        target = save(shots[0], OUT / f"{photo.slug}.jpg", rng, photo, 0)
    gold = (CORPUS / photo.source).with_name(Path(photo.source).stem + ".expected.json")
    shutil.copyfile(gold, OUT / f"{photo.slug}.expected.json")
    return target


def write_sources(made: dict[str, Path]) -> None:
    rows = [
        "# Phone photos made from corpus documents",
        "",
        "Made by `scripts/make_photos.py` (seeded; run it again to rebuild them). Each",
        "photo's gold `<slug>-photo.expected.json` is a copy of its source's gold: it is",
        "the same document. A folder is one document, its page photos in name order.",
        "",
        "| photo | source | pages | note |",
        "|---|---|---|---|",
    ]
    for photo in PHOTOS:
        target = made.get(photo.slug)
        if target is None:
            continue
        count = len(list(target.iterdir())) if target.is_dir() else 1
        name = target.name + ("/" if target.is_dir() else "")
        rows.append(f"| {name} | {photo.source} | {count} | {photo.note} |")
    (OUT / "SOURCES.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    made = {}
    for photo in PHOTOS:
        existing = [p for p in OUT.glob(photo.slug + "*") if not p.name.endswith(".json")]
        if argv and not any(a in photo.slug for a in argv):
            if existing:
                made[photo.slug] = existing[0]
            continue
        made[photo.slug] = target = make(photo)
        print(f"{target.relative_to(ROOT)}", file=sys.stderr)
    write_sources(made)


if __name__ == "__main__":
    main(sys.argv[1:])
