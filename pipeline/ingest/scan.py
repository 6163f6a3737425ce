"""Page images before OCR: loading, resolution, orientation, skew, rulings.

Everything here is cheap next to OCR itself: the measurements run on a copy of
the page reduced to about 100 dpi and binarized (numpy only), and the full
page is touched at most twice (a 90-degree turn and one small rotation).

- `text_axis` tells pages whose lines run across from pages turned by 90
  degrees: between text lines there are blank rows; between columns of a
  page there are hardly any blank columns.
- `skew_angle` finds the small rotation (within ±5°) that makes the row
  profile of the dark pixels sharpest (projection-profile method), computed
  by shearing the pixel coordinates instead of rotating the image.
- `find_rulings` finds the ruling lines of tables: long runs of dark pixels,
  horizontal and vertical, as pdfplumber-style edges.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from pipeline.ingest.pdfpage import make_edge

PDF_DPI = 300  # PDF pages are rendered at this resolution
# Images below MIN_DPI are upscaled to UPSCALE_DPI: Tesseract reads a 200 dpi
# scan better at 300 (hanging item labels "1." keep their dot, fewer glued words).
MIN_DPI = 250
UPSCALE_DPI = 300
MAX_SIDE = 7000  # pixels: huge pages are rendered at a lower resolution
MEASURE_DPI = 100  # resolution of the copy used for measurements
MAX_SKEW = 5.0  # degrees


def estimate_dpi(width: int, height: int) -> int:
    """The resolution of an image without one, assuming an A4 or Letter page."""
    long_side = max(width, height)
    return max(72, min(600, round(long_side / 11.5)))


def image_dpi(image: Image.Image) -> int:
    """The resolution an image declares, or one estimated from its size."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if 50 <= value <= 1200:
        estimated = estimate_dpi(*image.size)
        # Some programs write 72 or 96 for any image: trust the size then.
        if value in (72.0, 96.0) and estimated > 1.5 * value:
            return estimated
        return round(value)
    return estimate_dpi(*image.size)


def to_gray(image: Image.Image) -> Image.Image:
    """8-bit grayscale; transparency is laid on white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode == "I;16" or image.mode.startswith("I;16"):
        image = image.point(lambda v: v / 256)
    if image.mode in ("I", "F"):
        image = ImageOps.autocontrast(image.convert("L"))
    return image.convert("L") if image.mode != "L" else image


def for_ocr(image: Image.Image, dpi: int) -> tuple[Image.Image, int]:
    """The image at a resolution Tesseract reads well: (image, dpi).

    Images scanned below MIN_DPI are upscaled to UPSCALE_DPI; others keep
    their own resolution.
    """
    image = to_gray(image)
    if dpi >= MIN_DPI:
        return image, dpi
    factor = UPSCALE_DPI / dpi
    if max(image.size) * factor > MAX_SIDE:
        factor = max(1.0, MAX_SIDE / max(image.size))
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.BICUBIC), round(dpi * factor)


def pdf_scale(width_pt: float, height_pt: float, dpi: int = PDF_DPI) -> float:
    """The render scale (pixels per point) for a PDF page, capped for huge pages."""
    scale = dpi / 72
    side = max(width_pt, height_pt) * scale
    return scale if side <= MAX_SIDE else MAX_SIDE / max(width_pt, height_pt)


# -- measurements on a small binary copy ---------------------------------------


def otsu(values: np.ndarray) -> int:
    """Otsu's threshold of uint8 values."""
    hist = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    background = weight
    foreground = total - weight
    valid = (background > 0) & (foreground > 0)
    between = np.zeros(256)
    mu_b = np.divide(mean, background, out=np.zeros(256), where=valid)
    mu_f = np.divide(mean[-1] - mean, foreground, out=np.zeros(256), where=valid)
    between[valid] = background[valid] * foreground[valid] * (mu_b[valid] - mu_f[valid]) ** 2
    return int(np.argmax(between))


def small_binary(image: Image.Image, dpi: int) -> tuple[np.ndarray, float]:
    """Dark pixels of a copy at about MEASURE_DPI: (bool array, its scale to image)."""
    factor = max(1, round(dpi / MEASURE_DPI))
    small = image.reduce(factor) if factor > 1 else image
    values = np.asarray(small, dtype=np.uint8)
    threshold = otsu(values)
    # A page with almost no ink: Otsu splits the paper noise; keep real ink only.
    threshold = min(threshold, int(np.median(values)) - 40)
    return values < threshold, 1.0 / factor


def _dark_points(binary: np.ndarray, limit: int = 250_000) -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.nonzero(binary)
    if len(ys) > limit:
        step = len(ys) // limit + 1
        ys, xs = ys[::step], xs[::step]
    return ys.astype(np.float64), xs.astype(np.float64)


def _profile(ys: np.ndarray, xs: np.ndarray, degrees: float) -> np.ndarray:
    """Row profile of the points after shearing them by `degrees`."""
    rows = np.round(ys - xs * math.tan(math.radians(degrees))).astype(np.int64)
    rows -= rows.min()
    return np.bincount(rows)


def _sharpness(profile: np.ndarray) -> float:
    return float(np.dot(profile, profile))


def best_shear(ys: np.ndarray, xs: np.ndarray, limit: float = MAX_SKEW) -> tuple[float, np.ndarray]:
    """The shear angle (degrees) with the sharpest row profile, and that profile."""
    if len(ys) < 50:
        return 0.0, _profile(ys, xs, 0.0) if len(ys) else np.zeros(1, dtype=np.int64)
    best, best_score = 0.0, -1.0
    for step, span in ((0.25, limit), (0.05, 0.25)):
        centre = best
        count = round(span / step)
        for k in range(-count, count + 1):
            angle = centre + k * step
            if abs(angle) > limit + 1e-9:
                continue
            score = _sharpness(_profile(ys, xs, angle))
            # Ties go to the smaller angle: a page that is straight stays untouched.
            if score > best_score * (1 + 1e-9) or (
                abs(score - best_score) <= 1e-9 * score and abs(angle) < abs(best)
            ):
                best, best_score = angle, score
    return best, _profile(ys, xs, best)


def _blank_share(profile: np.ndarray) -> float:
    """Share of nearly empty bins between the first and last inked bin."""
    if profile.size == 0 or profile.max() == 0:
        return 0.0
    inked = np.nonzero(profile > 0.02 * profile.max())[0]
    span = profile[inked[0] : inked[-1] + 1]
    return float(np.mean(span <= 0.02 * profile.max()))


def axis_and_skew(binary: np.ndarray, limit: float = MAX_SKEW) -> tuple[str, float]:
    """How the text lies: ("horizontal" or "vertical", skew in degrees).

    "vertical" when the page lies on its side (turned by 90 or 270 degrees):
    between text lines there are blank rows, between columns of letters
    hardly any blank columns. The skew is the angle (counter-clockwise
    positive) to rotate a horizontal page by so that its lines run straight.
    """
    ys, xs = _dark_points(binary)
    if len(ys) < 200:
        return "horizontal", 0.0
    angle, rows = best_shear(ys, xs, limit)
    _, cols = best_shear(xs, ys, limit)
    across, down = _blank_share(rows), _blank_share(cols)
    # Rows sheared by -tan(a)*x straighten lines that fall to the right by
    # angle a; rotating the image counter-clockwise by a does the same.
    return ("vertical" if down > 2 * across + 0.1 else "horizontal"), angle


def text_axis(binary: np.ndarray) -> str:
    """ "horizontal" when text lines run across the image, "vertical" when the
    page lies on its side (turned by 90 or 270 degrees)."""
    return axis_and_skew(binary)[0]


def skew_angle(binary: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise positive) to rotate the image by
    so that its text lines run straight across."""
    ys, xs = _dark_points(binary)
    return best_shear(ys, xs)[0]


def rotate(image: Image.Image, degrees: float, background: int = 255) -> Image.Image:
    """The image turned counter-clockwise; quarter turns are exact. Corners
    that come into view get the paper's grey (a white wedge on grey paper
    looks like a column edge to Tesseract)."""
    degrees %= 360
    quarter = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180}
    quarter[270] = Image.Transpose.ROTATE_270
    if round(degrees, 6) in quarter:
        return image.transpose(quarter[round(degrees)])
    if abs(degrees) < 1e-6 or abs(degrees - 360) < 1e-6:
        return image
    return image.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=background)


@dataclass(frozen=True)
class Levels:
    """Grey levels of a page: ink is darker than threshold; paper is background."""

    threshold: int
    background: int


def levels(image: Image.Image, dpi: int) -> Levels:
    """Ink threshold and paper grey, measured on a reduced copy."""
    factor = max(1, round(dpi / MEASURE_DPI))
    values = np.asarray(image.reduce(factor) if factor > 1 else image, dtype=np.uint8)
    paper = int(np.median(values))
    return Levels(min(otsu(values), paper - 40), paper)


def ink(image: Image.Image, found: Levels) -> np.ndarray:
    """The dark pixels of a page (True = ink) at the page's own threshold.

    Tesseract thresholds a grey page by itself, but on grey, noisy paper its
    global threshold loses small marks (the dot of "1.", commas): it gets the
    page binarized at the level measured here.
    """
    return np.asarray(image, dtype=np.uint8) < found.threshold


def despeckle_ink(dark: np.ndarray) -> np.ndarray:
    """Ink without isolated specks (dust, sensor noise) that Tesseract reads
    as punctuation or that derail its line finding.

    A dark pixel with fewer than 6 dark pixels in its 5x5 neighbourhood is
    paper: the thinnest stroke of text at 200-300 dpi keeps 9 or more.
    The count is OpenCV's box sum where the photo path has loaded OpenCV (9x
    faster), Pillow's box blur otherwise (scans do not load OpenCV for it):
    the same pixels either way, edges included (tests/test_photos.py).
    """
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        count = cv2.boxFilter(
            dark.view(np.uint8), -1, (5, 5), normalize=False, borderType=cv2.BORDER_REPLICATE
        )
        return dark & (count >= 6)
    return despeckle_ink_pillow(dark)


def despeckle_ink_pillow(dark: np.ndarray) -> np.ndarray:
    """despeckle_ink with Pillow: a 5x5 box blur of the ink at 255 (the mean
    of 6 dark pixels, 61.2, rounds to 61; of 5, to 51)."""
    density = np.asarray(
        Image.fromarray(dark.view(np.uint8) * np.uint8(255)).filter(ImageFilter.BoxBlur(2))
    )
    return dark & (density >= 255 * 6 // 25)


def ink_image(dark: np.ndarray) -> Image.Image:
    """Black ink on white paper, one bit per pixel."""
    return Image.fromarray(~dark)


def image_ink(image: Image.Image) -> np.ndarray:
    """The dark pixels of a one-bit image."""
    return ~np.asarray(image, dtype=bool)


def rotate_ink(dark: np.ndarray, degrees: float) -> np.ndarray:
    """Ink turned counter-clockwise by a small angle (nearest neighbour: the
    page is already black and white)."""
    turned = ink_image(dark).rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=1)
    return image_ink(turned)


def erase_rulings(dark: np.ndarray, dpi: int, edges: list[dict[str, Any]]) -> np.ndarray:
    """Ink without the table rulings: Tesseract then sees the cells as text,
    not as one picture, and reads no "|" from them."""
    if not edges:
        return dark
    dark = dark.copy()
    scale = dpi / 72.0
    pad = max(2, round(dpi / 60))  # the line's own thickness and a little blur
    height, width = dark.shape
    for edge in edges:
        x0 = max(0, round(edge["x0"] * scale) - pad)
        x1 = min(width, round(edge["x1"] * scale) + pad + 1)
        y0 = max(0, round(edge["top"] * scale) - pad)
        y1 = min(height, round(edge["bottom"] * scale) + pad + 1)
        dark[y0:y1, x0:x1] = False
    return dark


BOLD_RATIO = 1.25  # a line whose strokes are this much wider than the page's is bold


def stroke_width(ink: np.ndarray) -> float | None:
    """Mean width (pixels) of the vertical strokes in a box of ink: the
    horizontal runs of dark pixels, leaving out long runs (horizontal strokes)."""
    if ink.size == 0:
        return None
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    diff = np.diff(padded, axis=1)
    lengths = np.nonzero(diff == -1)[1] - np.nonzero(diff == 1)[1]
    lengths = lengths[lengths <= max(2, ink.shape[0] // 3)]
    return float(np.mean(lengths)) if lengths.size >= 20 else None


def bold_lines(dark: np.ndarray, boxes: list[tuple[Any, tuple[int, int, int, int]]]) -> set[Any]:
    """Keys of the lines set in bold type, judged by stroke width.

    dark: the page's ink; boxes: (line key, word box in pixels) for every
    word. A line is bold when its strokes are BOLD_RATIO times wider than
    the median line's.
    """
    if not boxes:
        return set()
    lines: dict[Any, list[int]] = {}
    for key, (x0, y0, x1, y1) in boxes:
        box = lines.setdefault(key, [x0, y0, x1, y1])
        box[0], box[1] = min(box[0], x0), min(box[1], y0)
        box[2], box[3] = max(box[2], x1), max(box[3], y1)
    widths = {key: stroke_width(dark[y0:y1, x0:x1]) for key, (x0, y0, x1, y1) in lines.items()}
    known = [w for w in widths.values() if w is not None]
    if len(known) < 3:
        return set()
    body = float(np.median(known))
    return {key for key, w in widths.items() if w is not None and w >= BOLD_RATIO * body}


def despeckle(image: Image.Image, found: Levels) -> Image.Image:
    """A grey image without isolated dark specks (see despeckle_ink); used
    before a low-resolution scan is upscaled, which would make specks look
    like ink."""
    dark = ink(image, found)
    specks = dark & ~despeckle_ink(dark)
    if not specks.any():
        return image
    values = np.array(image, dtype=np.uint8)
    values[specks] = found.background
    return Image.fromarray(values, "L")


# -- ruling lines -----------------------------------------------------------------


def _runs(mask: np.ndarray, min_length: int) -> Iterator[tuple[int, int, int]]:
    """(row, start, stop) of runs of True at least min_length long in each row."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    starts_r, starts_c = np.nonzero(diff == 1)
    stops_r, stops_c = np.nonzero(diff == -1)
    keep = stops_c - starts_c >= min_length
    for row, a, b in zip(starts_r[keep], starts_c[keep], stops_c[keep], strict=True):
        yield int(row), int(a), int(b)


def _segments(
    mask: np.ndarray, min_length: int, max_width: int
) -> list[tuple[float, float, float]]:
    """Long runs merged across neighbouring rows: (position, start, stop).

    Merged runs thicker than max_width rows are dark areas, not lines.
    """
    found: list[list[float]] = []  # row_first, row_last, start, stop
    for row, a, b in _runs(mask, min_length):
        for seg in found:
            if row - seg[1] <= 2 and a < seg[3] and b > seg[2]:
                seg[1] = row
                seg[2], seg[3] = min(seg[2], a), max(seg[3], b)
                break
        else:
            found.append([row, row, a, b])
    return [((s[0] + s[1]) / 2, s[2], s[3]) for s in found if s[1] - s[0] < max_width]


def find_rulings(dark: np.ndarray, dpi: int) -> list[dict[str, Any]]:
    """Ruling lines of tables in a page's ink, as pdfplumber edge dicts in
    points (1/72 inch).

    Found on a half-resolution copy: a horizontal ruling is a run of dark
    pixels at least half an inch long; a vertical one at least a third of an
    inch, or a sixth when it runs from one horizontal ruling to another (a
    table row of one line cut off by a page break). One-pixel gaps (noise,
    JPEG) are bridged; runs thicker than about a millimetre are dark areas,
    not lines.
    """
    factor = 2 if dpi >= 200 else 1
    if factor == 2:
        h, w = (dark.shape[0] // 2) * 2, (dark.shape[1] // 2) * 2
        cut = dark[:h, :w]
        dark = cut[0::2, 0::2] | cut[1::2, 0::2] | cut[0::2, 1::2] | cut[1::2, 1::2]
    horizontal = dark.copy()
    horizontal[:, 1:-1] |= dark[:, :-2] & dark[:, 2:]
    vertical = dark.copy()
    vertical[1:-1, :] |= dark[:-2, :] & dark[2:, :]
    px_dpi = dpi / factor
    to_pt = 72.0 / px_dpi
    thick = max(3, round(px_dpi / 25))
    rows = _segments(horizontal, round(px_dpi / 2), thick)
    near = max(3, round(px_dpi / 36))
    found = _segments(vertical.T, round(px_dpi / 6), thick)
    long = [seg for seg in found if seg[2] - seg[1] >= px_dpi / 3]

    def touches(x: float, y_end: float) -> bool:
        return any(x0 - near <= x <= x1 + near and abs(y - y_end) <= near for y, x0, x1 in rows)

    # A short vertical is a ruling only between two horizontal ones (a table
    # row cut by a page break), and in line with the long ones if there are any.
    short = [
        (x, y0, y1)
        for x, y0, y1 in found
        if y1 - y0 < px_dpi / 3
        and touches(x, y0)
        and touches(x, y1)
        and (not long or any(abs(x - lx) <= near for lx, _, _ in long))
    ]
    columns = sorted(long + short)
    rows, columns = _close_corners(rows, columns, reach=px_dpi * 0.6, near=near)
    edges: list[dict[str, Any]] = []
    for y, x0, x1 in rows:
        edges.append(make_edge("h", x0 * to_pt, x1 * to_pt, y * to_pt, y * to_pt))
    for x, y0, y1 in columns:
        edges.append(make_edge("v", x * to_pt, x * to_pt, y0 * to_pt, y1 * to_pt))
    return edges


Segment = tuple[float, float, float]  # (position across, start, stop along)


def _close_corners(
    rows: list[Segment], columns: list[Segment], reach: float, near: float
) -> tuple[list[Segment], list[Segment]]:
    """Extend rulings that stop short of a crossing ruling (a faint corner).

    A horizontal ruling whose end lies within `reach` of a vertical one that
    spans its height is drawn to it, and the other way round.
    """

    def extend(lines: list[Segment], across: list[Segment]) -> list[Segment]:
        out = []
        for pos, a, b in lines:
            crossing = [c for c in across if c[1] - near <= pos <= c[2] + near]
            after = [c[0] for c in crossing if 0 < c[0] - b <= reach]
            before = [c[0] for c in crossing if 0 < a - c[0] <= reach]
            out.append((pos, max(before, default=a), min(after, default=b)))
        return out

    return extend(rows, columns), extend(columns, rows)
