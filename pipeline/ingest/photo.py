"""Phone photos of pages: told from scans, then flattened before OCR.

A photo is a page lying on a desk at an angle, under uneven light. Before the
usual scan path (scan.py, ocr_page.py) reads it, `flatten_photo`:

1. turns it the way its EXIF orientation says;
2. finds the page's outline on the background (`find_page`): on a
   ~1000-pixel copy, the slope of the blurred log "paper-ness" (bright,
   unsaturated) marks the page's edge but not a shadow (a slow slope in log
   space); the largest smooth region inside the frame is the blank paper, its
   convex hull cut down to four corners;
3. undoes the perspective (one bilinear warp straight to a 250 dpi page:
   the lowest resolution the scan path reads without upscaling; on
   corpus/photos, where the page takes 194-211 dpi of the frame, 300 dpi
   gave Tesseract 44 % more pixels to read for no fewer errors);
4. evens out the light. Two ways were measured on corpus/photos: adaptive
   thresholding (`threshold_light`, the default: 0.46 % character errors) and
   division by the paper's brightness (`flatten_light`: a grey dilation of a
   reduced copy, smoothed, scaled back; then a mild unsharp mask where the
   Laplacian finds the page blurred; 0.76 %, 0.57 % at 300 dpi);
5. whitens a thin band along the flattened page's edges, where the outline,
   moved out to the blurred edge, leaves a strip of desk that would read as
   table rulings or specks.

Only photos take this path: an image is a photo on evidence (`photo_evidence`)
— a camera's EXIF (make or model) or an orientation tag, a page outline that is
not the image's border, or light that falls off far more than a scanner's.
Scans and PDF pages never get here, and read exactly as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image, ImageFilter, ImageOps

# The flattened page is drawn at this resolution: scan.MIN_DPI, so that the
# scan path reads it as it is (lower would be upscaled to 300 dpi again).
OUT_DPI = 250
A4_RATIO = 297 / 210
SMALL_SIDE = 1000  # pixels of the copy the outline is looked for on
MIN_PAGE_SHARE = 0.2  # an outline covering less of the frame is no page
BORDER_SHARE = 0.015  # corners closer than this to the frame's edge are the edge
UNEVEN_LIGHT = 1.6  # brightest / darkest paper: a flatbed stays well under it
EDGE_SLOPE = 0.5  # Sobel of the blurred log paper map: the page edge, not a shadow
EDGE_WIDTH = 4.0  # pixels of the small copy the blurred edge takes inside the page
EDGE_BAND = 0.015  # share of the long side whitened along the flattened page's edges
THRESHOLD_C = 15  # grey levels under its block's mean a pixel must be to be ink
MEAN_REDUCE = 4  # the block's mean is taken on a copy this many times smaller
BLURRED = 120.0  # Laplacian variance of the flattened page under which it is sharpened
EXIF_MAKE, EXIF_MODEL, EXIF_ORIENTATION = 271, 272, 274


@lru_cache(maxsize=1)
def opencv() -> Any:
    """OpenCV (imported on first use: scans never load it), on one thread.

    Pages are read in parallel processes, one per core, and Tesseract runs
    single-threaded for the same reason: OpenCV's own threads only contend
    with them (on 2 busy cores the clean-up took 1.4x the CPU time with its
    default 2 threads). The pixels come out the same either way.
    """
    import cv2

    cv2.setNumThreads(1)
    return cv2


def register_heif() -> None:
    """Let Pillow open HEIC/HEIF (iPhone photos) through pillow-heif."""
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover - a dependency; HEIC then fails as corrupt
        return
    pillow_heif.register_heif_opener()


@dataclass(frozen=True)
class Evidence:
    """Why an image was taken for a photo (all False: a scan)."""

    camera: bool = False  # EXIF names a camera, or carries an orientation tag
    outline: bool = False  # a page outline inside the frame, not its border
    uneven: bool = False  # the paper's light varies more than a scanner's

    def __bool__(self) -> bool:
        return self.camera or self.outline or self.uneven


def has_camera_exif(image: Image.Image) -> bool:
    """True when the image's EXIF names a camera or turns the image."""
    try:
        tags = image.getexif()
    except (OSError, ValueError, SyntaxError):
        return False
    orientation = tags.get(EXIF_ORIENTATION, 1)
    return bool(tags.get(EXIF_MAKE) or tags.get(EXIF_MODEL)) or orientation not in (0, 1)


def _small(image: Image.Image) -> tuple[np.ndarray, float]:
    """An RGB copy with its long side about SMALL_SIDE: (array, its scale)."""
    factor = max(1, round(max(image.size) / SMALL_SIDE))
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    small = image.reduce(factor) if factor > 1 else image
    rgb = np.asarray(small.convert("RGB"), dtype=np.uint8)
    return rgb, 1.0 / factor


def paper_map(rgb: np.ndarray) -> np.ndarray:
    """How much each pixel looks like paper: bright and unsaturated (uint8).

    Shadows darken paper but leave it grey; a wooden desk is brown."""
    cv2 = opencv()

    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    value = hsv[..., 2].astype(np.float32)
    saturation = hsv[..., 1].astype(np.float32) / 255.0
    return np.clip(value * (1.0 - 1.5 * saturation), 0, 255).astype(np.uint8)


def _order(points: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    total = points.sum(axis=1)
    diff = np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(total)], points[np.argmin(diff)], points[np.argmax(total)]]
        + [points[np.argmax(diff)]],
        dtype=np.float32,
    )


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    cv2 = opencv()

    perimeter = cv2.arcLength(hull, True)
    for share in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
        if len(approx) < 4:
            break
    return None


def _plausible(quad: np.ndarray, shape: tuple[int, int]) -> bool:
    """A page's outline: big enough, convex, its corners near right angles."""
    cv2 = opencv()

    h, w = shape
    if cv2.contourArea(quad) < MIN_PAGE_SHARE * w * h:
        return False
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return False
    for k in range(4):
        a, b, c = quad[k - 1], quad[k], quad[(k + 1) % 4]
        u, v = a - b, c - b
        cos = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-9))
        if abs(cos) > 0.5:  # outside 60-120 degrees
            return False
    return True


def _at_border(quad: np.ndarray, shape: tuple[int, int]) -> bool:
    """True when two corners or more lie on the frame's edge: the frame itself
    (a flat scan), or paper that runs out of the picture or into another sheet."""
    h, w = shape
    margin = BORDER_SHARE * max(w, h)
    x, y = quad[:, 0], quad[:, 1]
    on_edge = (x <= margin) | (x >= w - 1 - margin) | (y <= margin) | (y >= h - 1 - margin)
    return int(on_edge.sum()) >= 2


def find_page(image: Image.Image) -> np.ndarray | None:
    """The page's four corners (pixels of image; tl, tr, br, bl), or None when
    no outline inside the frame stands out from a background."""
    cv2 = opencv()

    rgb, scale = _small(image)
    # Shadows multiply the light: in log space they are smooth slopes, while
    # the page's edge on the desk stays a sharp step however dark it lies.
    paper = np.log1p(paper_map(rgb).astype(np.float32))
    paper = cv2.GaussianBlur(paper, (0, 0), 2.0)
    slope = cv2.magnitude(
        cv2.Sobel(paper, cv2.CV_32F, 1, 0, ksize=3), cv2.Sobel(paper, cv2.CV_32F, 0, 1, ksize=3)
    )
    smooth = (slope <= EDGE_SLOPE).astype(np.uint8)
    # The page's blank paper is the largest smooth region inside the frame
    # (a desk's grain breaks into small pieces; a plain desk touches the frame).
    count, labels, stats, _ = cv2.connectedComponentsWithStats(smooth, connectivity=4)
    h, w = smooth.shape
    best, best_area = 0, 0
    for k in range(1, count):
        x, y, bw, bh, area = stats[k]
        if x == 0 or y == 0 or x + bw >= w or y + bh >= h or area <= best_area:
            continue
        best, best_area = k, area
    if not best:
        return None
    region = (labels == best).astype(np.uint8) * 255
    quad = _largest_quad(region)
    if quad is None:
        return None
    # The region stops where the blurred edge starts: move the corners out to it.
    centre = quad.mean(axis=0)
    away = quad - centre
    quad = quad + away / np.linalg.norm(away, axis=1, keepdims=True) * EDGE_WIDTH * np.sqrt(2)
    return quad / scale


def _largest_quad(mask: np.ndarray) -> np.ndarray | None:
    cv2 = opencv()

    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    quad = _four_corners(cv2.convexHull(largest))
    if quad is None:
        return None
    quad = _order(quad)
    if not _plausible(quad, mask.shape) or _at_border(quad, mask.shape):
        return None
    return quad


def uneven_light(image: Image.Image) -> float:
    """Brightest over darkest paper: the 95th over the 5th percentile of the
    paper's light, measured on a reduced copy with the ink dilated away
    (Pillow only: scans are judged without loading OpenCV)."""
    factor = max(1, round(max(image.size) / 400))
    gray = image if image.mode == "L" else image.convert("L")
    small = gray.reduce(factor) if factor > 1 else gray
    paper = np.asarray(small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.MedianFilter(5)))
    values = paper[paper > 40]
    if values.size == 0:
        return 1.0
    low, high = np.percentile(values, (5, 95))
    return float(high / max(low, 1.0))


def background_differs(image: Image.Image) -> bool:
    """True when the frame's edges are not the page's paper (a desk, a hand):
    the sign that an outline may be there to find (numpy only)."""
    factor = max(1, round(max(image.size) / 300))
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    small = image.reduce(factor) if factor > 1 else image
    if small.mode == "L":
        paper = np.asarray(small, dtype=np.float32)
    else:
        r, g, b = (np.asarray(band, dtype=np.float32) for band in small.split())
        bright = np.maximum(np.maximum(r, g), b)
        saturation = (bright - np.minimum(np.minimum(r, g), b)) / np.maximum(bright, 1.0)
        paper = bright * np.clip(1.0 - 1.5 * saturation, 0, 1)
    h, w = paper.shape
    band = max(2, round(0.02 * max(h, w)))
    edges = np.concatenate(
        [paper[:band].ravel(), paper[-band:].ravel(), paper[:, :band].ravel()]
        + [paper[:, -band:].ravel()]
    )
    centre = paper[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]
    return float(np.median(edges)) < 0.75 * float(np.percentile(centre, 90))


def photo_evidence(image: Image.Image) -> tuple[Evidence, np.ndarray | None]:
    """Why image looks like a photo of a page rather than a scan (falsy: a
    scan), and the page's corners where an outline was found."""
    camera = has_camera_exif(image)
    quad = find_page(image) if camera or background_differs(image) else None
    if camera or quad is not None:
        return Evidence(camera=camera, outline=quad is not None), quad
    return Evidence(uneven=uneven_light(image) > UNEVEN_LIGHT), None


def unwarp(gray: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The page inside quad drawn flat at OUT_DPI, with A4 proportions when
    its sides are near them (bilinear: on corpus/photos it read with fewer
    errors than bicubic, whose overshoot the thresholding turns into specks)."""
    cv2 = opencv()

    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    ratio = height / max(width, 1.0)
    if abs(ratio - A4_RATIO) < 0.12 * A4_RATIO:
        ratio = A4_RATIO
    elif abs(1 / ratio - A4_RATIO) < 0.12 * A4_RATIO:
        ratio = 1 / A4_RATIO
    long_inches = 297 / 25.4
    if ratio >= 1:
        h = round(long_inches * OUT_DPI)
        w = round(h / ratio)
    else:
        w = round(long_inches * OUT_DPI)
        h = round(w * ratio)
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(
        gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def _background(gray: np.ndarray, reduce: int) -> np.ndarray:
    """The paper's light without the ink, at 1/reduce of the size."""
    cv2 = opencv()

    small = cv2.resize(
        gray,
        (max(1, gray.shape[1] // reduce), max(1, gray.shape[0] // reduce)),
        interpolation=cv2.INTER_AREA,
    )
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    paper = cv2.dilate(small, kernel)
    return cv2.medianBlur(paper, 5)


def flatten_light(gray: np.ndarray) -> np.ndarray:
    """The page divided by its paper's light: white paper, even ink."""
    cv2 = opencv()

    background = _background(gray, reduce=8)
    background = cv2.resize(
        background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR
    )
    flat = gray.astype(np.float32) * (245.0 / np.maximum(background.astype(np.float32), 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8)


def threshold_light(gray: np.ndarray, dpi: int = OUT_DPI) -> np.ndarray:
    """The alternative measured against flatten_light: adaptive thresholding.

    A pixel is paper (255) unless it is darker by THRESHOLD_C or more than
    the Gaussian mean of its block of about a sixth of an inch (what
    cv2.adaptiveThreshold computes, sigma and all). The mean is taken on a
    copy reduced MEAN_REDUCE times and scaled back, its sigma cut by what the
    reducing and the scaling blur themselves: in 40 % of the time of
    cv2.adaptiveThreshold, and the same pixels but for 0.07 % of them.
    """
    cv2 = opencv()

    block = (dpi // 6) | 1
    height, width = gray.shape
    k = MEAN_REDUCE
    if min(height, width) < 16 * k:
        return cv2.adaptiveThreshold(
            gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, THRESHOLD_C
        )
    sigma = 0.3 * ((block - 1) * 0.5 - 1) + 0.8  # OpenCV's for a kernel of block pixels
    sigma = math.sqrt(max(sigma**2 - (k * k - 1) / 6, 1.0)) / k
    small = cv2.resize(gray, (width // k, height // k), interpolation=cv2.INTER_AREA)
    mean = cv2.GaussianBlur(small, (0, 0), sigma, borderType=cv2.BORDER_REPLICATE)
    mean = cv2.resize(mean, (width, height), interpolation=cv2.INTER_LINEAR)
    # gray > mean - C, in whole grey levels: gray >= mean - (C - 1).
    return cv2.compare(gray, cv2.subtract(mean, THRESHOLD_C - 1), cv2.CMP_GE)


def sharpen(gray: np.ndarray) -> np.ndarray:
    """An unsharp mask for a page whose Laplacian variance says it is blurred."""
    cv2 = opencv()

    if cv2.Laplacian(gray, cv2.CV_32F).var() >= BLURRED:
        return gray
    soft = cv2.GaussianBlur(gray, (0, 0), 1.5)
    return cv2.addWeighted(gray, 1.8, soft, -0.8, 0)


# Key in a page image's `info`: the perspective was undone, the lines are straight
UNWARPED = "decree-unwarped"


def upright(image: Image.Image) -> Image.Image:
    """The image turned the way its EXIF orientation says (itself, not a copy,
    when it needs no turn)."""
    try:
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    except (OSError, ValueError, SyntaxError):
        return image
    if orientation in (0, 1):
        return image
    return ImageOps.exif_transpose(image) or image


def whiten_edges(page: np.ndarray) -> np.ndarray:
    """page with a band of EDGE_BAND of its long side set to white along its edges."""
    band = round(EDGE_BAND * max(page.shape))
    if band:
        page[:band], page[-band:] = 255, 255
        page[:, :band], page[:, -band:] = 255, 255
    return page


def flatten_photo(image: Image.Image, light: str = "threshold") -> tuple[Image.Image, int] | None:
    """A photo of a page as a flat grey page at OUT_DPI: (image, dpi), or None
    when the image shows no evidence of being a photo (a scan: leave it).

    light: "threshold" (adaptive thresholding, the default: on corpus/photos
    it reads with 0.46 % character errors against 0.76 %) or "divide"
    (background division, which keeps a grey page).
    """
    image = upright(image)
    evidence, quad = photo_evidence(image)
    if not evidence:
        return None
    gray = np.asarray(image.convert("L"), dtype=np.uint8)
    if quad is not None:
        gray = unwarp(gray, quad)
        dpi = OUT_DPI
    else:
        dpi = max(72, round(max(gray.shape) / (297 / 25.4)))
    # A binary page from the threshold needs no sharpening: mild blur is gone with it.
    gray = sharpen(flatten_light(gray)) if light == "divide" else threshold_light(gray, dpi)
    if quad is not None:
        gray = whiten_edges(gray)
    page = Image.fromarray(gray, "L")
    page.info[UNWARPED] = quad is not None  # its lines run straight: little skew left
    return page, dpi
