"""OCR of one page, as run in a worker process.

`ocr_page(task)` loads the page (a PDF page rendered by pypdfium2, or a frame
of an image file), turns it upright, straightens it, finds table rulings and
runs Tesseract; it returns plain data (`PageOCR`) that pickles cheaply. Errors
come back inside the result, because the library's error types do not
survive pickling.

Orientation costs nothing on upright pages: a page lying on its side is seen
from the projection profiles before OCR; an upside-down page shows itself by
a low OCR confidence, and only then Tesseract's orientation detection runs
(on a copy at half resolution) and the page is read again the right way up.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from pipeline.errors import CorruptFile, DecreeError
from pipeline.i18n import _

from . import photo, scan
from .ocr_tesseract import URL_LANGUAGE, TsvWord, detect_orientation, recognize, tesseract

# Below this mean word confidence a page may be upside down: check it.
SUSPECT_CONFIDENCE = 60.0
MIN_SKEW = 0.1  # degrees; smaller skews are left alone


@dataclass(frozen=True)
class PageTask:
    """Which page to OCR. kind is "pdf" or "image"; index is 0-based; with
    pdf_dir, a one-page searchable PDF is also written into that folder."""

    path: str
    kind: str
    index: int
    pdf_dir: str | None = None


@dataclass(frozen=True)
class OcrWord:
    """A recognised word in points (1/72 inch) on the upright, straightened page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    conf: float
    block: int
    par: int
    line: int
    bold: bool = False


@dataclass
class PageOCR:
    """What OCR found on one page."""

    number: int
    width: float = 0.0
    height: float = 0.0
    words: list[OcrWord] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.0
    rotation: int = 0  # degrees the page was turned counter-clockwise
    skew: float = 0.0
    dpi: int = 0
    pdf: str | None = None  # path of the one-page searchable PDF
    error: tuple[str, str, str] | None = None  # (error class, message, advice)


# -- loading -------------------------------------------------------------------

_PDF_CACHE: dict[str, Any] = {}


def _pdf(path: str) -> Any:
    import pypdfium2 as pdfium

    document = _PDF_CACHE.get(path)
    if document is None:
        for old in _PDF_CACHE.values():
            old.close()
        _PDF_CACHE.clear()
        document = _PDF_CACHE[path] = pdfium.PdfDocument(path)
    return document


def render_pdf_page(path: str, index: int) -> tuple[Image.Image, int]:
    """A PDF page as a grayscale image at about 300 dpi: (image, dpi)."""
    page = _pdf(path)[index]
    try:
        width, height = page.get_size()
        factor = scan.pdf_scale(width, height)
        bitmap = page.render(scale=factor, grayscale=True)
        image = bitmap.to_pil().convert("L")
    finally:
        page.close()
    return image, round(factor * 72)


def load_image_frame(path: str, index: int) -> tuple[Image.Image, int]:
    """Frame `index` of an image file, grayscale, at a resolution fit for OCR."""
    photo.register_heif()
    try:
        with Image.open(path) as image:
            image.seek(index)
            image.load()
            # A phone photo comes out flat, evenly lit, at 300 dpi (photo.py).
            flat = photo.flatten_photo(image)
            if flat is not None:
                page, dpi = scan.for_ocr(*flat)
                page.info[photo.UNWARPED] = flat[0].info.get(photo.UNWARPED, False)
                return page, dpi
            dpi = scan.image_dpi(image)
            gray = scan.to_gray(image)
    except (OSError, ValueError, EOFError, SyntaxError, Image.DecompressionBombError) as exc:
        raise CorruptFile(path, _("the image cannot be read ({error})").format(error=exc)) from exc
    if dpi < scan.MIN_DPI:
        # Specks are removed before upscaling makes them look like ink.
        gray = scan.despeckle(gray, scan.levels(gray, dpi))
    return scan.for_ocr(gray, dpi)


def load(task: PageTask) -> tuple[Image.Image, int]:
    if task.kind == "pdf":
        return render_pdf_page(task.path, task.index)
    return load_image_frame(task.path, task.index)


# -- recognition ----------------------------------------------------------------


@dataclass
class _Reading:
    words: list[TsvWord]
    edges: list[dict[str, Any]]
    bold: set[tuple[int, int, int]]
    pdf: bytes | None
    size: tuple[int, int]  # pixels of the straightened page
    shown: Image.Image | None  # the grey page for the searchable PDF

    @property
    def confidence(self) -> float:
        return _mean_confidence(self.words)


def _mean_confidence(words: list[TsvWord]) -> float:
    confs = [w.conf for w in words if w.conf >= 0]
    return sum(confs) / len(confs) if confs else 0.0


def _read(image: Image.Image, dpi: int, skew: float, task: PageTask, what: str) -> _Reading:
    """Straighten, clean and OCR one page image turned the right way up.

    Tesseract reads the page binarized at its own measured threshold, without
    specks and with table rulings painted over (one bit per pixel); the
    straightened grey page is what a searchable PDF shows.
    """
    found = scan.levels(image, dpi)
    if abs(skew) >= MIN_SKEW:
        image = scan.rotate(image, skew, found.background)
    dark = scan.despeckle_ink(scan.ink(image, found))
    edges = scan.find_rulings(dark, dpi)
    clean = scan.ink_image(scan.erase_rulings(dark, dpi, edges))
    searchable = task.pdf_dir is not None
    words, pdf = recognize(clean, dpi, path=task.path, what=what, pdf=searchable)
    if _mean_confidence(words) >= SUSPECT_CONFIDENCE:  # not on a page read upside down
        words = reread_latin(clean, dpi, words, task.path, what)
    bold = scan.bold_lines(dark, [(_key(w), _box(w)) for w in words])
    shown = image if searchable else None
    return _Reading(words, edges, bold, pdf, (clean.width, clean.height), shown)


def _key(word: TsvWord) -> tuple[int, int, int]:
    return word.block, word.par, word.line


def _box(word: TsvWord) -> tuple[int, int, int, int]:
    return word.left, word.top, word.left + word.width, word.top + word.height


FLAT_SKEW = 1.0  # degrees: the skew search on an unwarped photo


def _turn_check(image: Image.Image, dpi: int, task: PageTask) -> int | None:
    """Degrees to turn a page that read badly, per Tesseract's OSD (None: no idea)."""
    factor = max(1, round(dpi / 150))
    small = image.reduce(factor) if factor > 1 else image
    found = detect_orientation(small, max(1, round(dpi / factor)), path=task.path)
    if found is None:
        return None
    degrees, confidence = found
    return degrees if confidence >= 1.0 else 0


def process(image: Image.Image, dpi: int, task: PageTask) -> PageOCR:
    """OCR one page image: orientation, skew, rulings, Tesseract, clean data out."""
    what = _("page {page}").format(page=task.index + 1)
    binary, _small = scan.small_binary(image, dpi)
    rotation = 0
    # a photo whose perspective was undone has straight lines: a narrow skew search
    flat = image.info.get(photo.UNWARPED, False)
    axis, skew = scan.axis_and_skew(binary, FLAT_SKEW if flat else scan.MAX_SKEW)
    if axis == "vertical":
        image, binary, rotation = scan.rotate(image, 90), np.rot90(binary), 90
        skew = scan.skew_angle(binary)
    reading = _read(image, dpi, skew, task, what)
    inked = float(binary.mean()) > 0.003
    if inked and reading.confidence < SUSPECT_CONFIDENCE:
        turn = _turn_check(image, dpi, task)
        # Without OSD data, try the page upside down and keep the better reading.
        for degrees in [turn] if turn is not None else [180]:
            if not degrees:
                continue
            turned = scan.rotate(image, degrees)
            small, _turned = scan.small_binary(turned, dpi)
            other = _read(turned, dpi, scan.skew_angle(small), task, what)
            if other.confidence > reading.confidence:
                reading, rotation = other, (rotation + degrees) % 360
                skew = scan.skew_angle(small)
    page = page_from_words(
        reading.words,
        number=task.index + 1,
        dpi=dpi,
        size=reading.size,
        edges=reading.edges,
        bold=reading.bold,
    )
    page.rotation = rotation
    page.skew = skew if abs(skew) >= MIN_SKEW else 0.0
    page.pdf = _save_pdf(reading, dpi, task)
    return page


def page_from_words(
    words: list[TsvWord],
    *,
    number: int,
    dpi: int,
    size: tuple[int, int],
    edges: list[dict[str, Any]] | None = None,
    bold: set[tuple[int, int, int]] | None = None,
) -> PageOCR:
    """A PageOCR from Tesseract's words (pixels of an image of `size` at `dpi`):
    boxes in points, the mean word confidence. Also replays cached TSV."""
    to_pt = 72.0 / dpi
    bold = bold or set()
    converted = [
        OcrWord(
            w.text,
            w.left * to_pt,
            (w.left + w.width) * to_pt,
            w.top * to_pt,
            (w.top + w.height) * to_pt,
            w.conf,
            w.block,
            w.par,
            w.line,
            _key(w) in bold,
        )
        for w in words
    ]
    return PageOCR(
        number=number,
        width=size[0] * to_pt,
        height=size[1] * to_pt,
        words=converted,
        edges=list(edges or []),
        confidence=round(_mean_confidence(words), 1),
        dpi=dpi,
    )


def _save_pdf(reading: _Reading, dpi: int, task: PageTask) -> str | None:
    """The searchable page: the grey page image (JPEG) under Tesseract's
    invisible text layer, written into the task's folder."""
    if reading.pdf is None or task.pdf_dir is None or reading.shown is None:
        return None
    import pypdfium2 as pdfium

    target = Path(task.pdf_dir) / f"{task.kind}-{task.index:05d}.pdf"
    width, height = reading.size[0] * 72 / dpi, reading.size[1] * 72 / dpi
    picture = io.BytesIO()
    reading.shown.save(picture, "JPEG", quality=70)
    picture.seek(0)
    out = pdfium.PdfDocument.new()
    text = pdfium.PdfDocument(reading.pdf)
    try:
        page = out.new_page(width, height)
        image = pdfium.PdfImage.new(out)
        image.load_jpeg(picture, inline=False, autoclose=False)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page.insert_obj(image)
        layer = text.page_as_xobject(0, out)
        page.insert_obj(layer.as_pageobject())
        page.gen_content()
        out.save(str(target))
    finally:
        text.close()
        out.close()
    return str(target)


def ocr_page(task: PageTask) -> PageOCR:
    """The worker: one page in, its OCR out (errors inside the result)."""
    try:
        image, dpi = load(task)
        return process(image, dpi, task)
    except DecreeError as error:
        return PageOCR(
            task.index + 1, error=(type(error).__name__, error.message, error.advice or "")
        )


# -- Latin words and web addresses -------------------------------------------------

# What the Russian model makes of a web address: "Врз://Аааэобтрго!.ги".
_DOMAINS = r"(?:ги|ru|ру|рф|сот|соm|сом|com|org|орг|net|su|те|me)"
_URL_CANDIDATE = re.compile(
    r"(?::/|www|@|\." + _DOMAINS + r"\b|^" + _DOMAINS + r"/|[^\W\d_]{2}/[^\W\d_]{2})",
    re.IGNORECASE,
)
# A web address the Russian model may have cut into several words ("уК. сом/…").
_SPLIT_URL = re.compile(
    r"(?::/|www|\." + _DOMAINS + r"\b|^" + _DOMAINS + r"/|[^\W\d_]{2}/[^\W\d_]{2})",
    re.IGNORECASE,
)
_ODD = re.compile(r"[A-Za-z@{}|<>\\^~!]|[а-яё][А-ЯЁ]")
_URL = re.compile(
    r"^[(«\"]?(?:(?:https?://)?(?:[a-z0-9-]+\.)+(?:ru|com|org|net|su|info|me|io|online|site|pro)"
    r"(?:/[^\s»\"()]*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[»\")]?[.,;:)]*$",
    re.IGNORECASE,
)
_LATIN_WORD = re.compile(r"^[(«\"]?[A-Za-z][A-Za-z-]{2,}[»\")]?[.,;:]?$")
_CUT_SCHEME = re.compile(r"^([(«\"]?)t?tps?://")


# A Roman numeral inside a document number, which the Russian model reads as
# Cyrillic ("03-II" -> "03-П", "112-V-ОЗ" -> "112-У-ОЗ"); "45-П" is Cyrillic.
_ROMAN_SUFFIX = re.compile(r"(?<=\d-)([ПУШГИХН]{1,4})(?=-|$|[.,;:)»])")
_ROMAN_READ = re.compile(r"(?<=\d-)([IVXl1|]{1,4})(?=-|$|[.,;:)»])")
_VALID_ROMAN = re.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")
_ROMAN_TWINS = {
    "П": "II", "Н": "II", "И": "II", "У": "V", "Ш": "III", "Г": "I", "Х": "X", "ГУ": "IV",
}  # fmt: skip


def _candidate(word: TsvWord) -> bool:
    if _URL_CANDIDATE.search(word.text) or _ROMAN_SUFFIX.search(word.text):
        return True
    # Latin words the Russian model made Cyrillic leave odd marks: "Те!ергат".
    return len(word.text) >= 4 and word.conf < 85 and bool(_ODD.search(word.text))


def _spans(words: list[TsvWord]) -> list[tuple[int, int]]:
    """Runs of words to read again: each candidate with the words glued to
    it on its line (a web address the Russian model cut into pieces)."""
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if not _candidate(word) or (spans and spans[-1][1] > i):
            continue
        a, b = i, i + 1
        if _SPLIT_URL.search(word.text):
            while a > 0 and _glued(words[a - 1], words[a]):
                a -= 1
            while b < len(words) and _glued(words[b - 1], words[b]):
                b += 1
        spans.append((a, b))
    return spans


def _glued(left: TsvWord, right: TsvWord) -> bool:
    same = (left.block, left.par, left.line) == (right.block, right.par, right.line)
    gap = right.left - (left.left + left.width)
    # "(318 участников)" after an address, or "«" before one, is a new word.
    apart = right.text[:1] in '(«"' or left.text[-1:] in ')»",;'
    return same and not apart and gap < 0.45 * max(left.height, right.height)


def _roman(read: str, old: str) -> str | None:
    """old with its Cyrillic look-alike numeral replaced by the Roman one the
    English model read ("03-П" + "03-II" -> "03-II"), when both agree."""
    theirs, ours = _ROMAN_READ.search(read), _ROMAN_SUFFIX.search(old)
    if theirs is None or ours is None:
        return None
    numeral = theirs.group(1).replace("l", "I").replace("1", "I").replace("|", "I")
    if not _VALID_ROMAN.match(numeral) or _ROMAN_TWINS.get(ours.group(1)) != numeral:
        return None
    return old[: ours.start()] + numeral + old[ours.end() :]


def _accept(read: list[TsvWord], old: list[TsvWord]) -> str | None:
    """The English reading of a run of words, when it is better than the Russian one."""
    conf = min(w.conf for w in read)
    joined = "".join(w.text for w in read)
    if len(old) == 1 and _ROMAN_SUFFIX.search(old[0].text):
        return _roman(joined, old[0].text) if conf >= 30 else None
    url = _CUT_SCHEME.sub(r"\1https://", joined) if "tps://" in joined else joined
    if _URL.match(url):
        old_text = "".join(w.text for w in old)
        if conf >= 50 or _same_shape(url, old_text):
            return _russian_digits(url, old_text)
    old_conf = min(w.conf for w in old)
    # "Т@ергат": an "@" that is no e-mail is a Latin word misread.
    better = conf >= 80 and (conf > old_conf + 20 or "@" in old[0].text)
    if len(read) == 1 and len(old) == 1 and _LATIN_WORD.match(joined) and better:
        return joined
    return None


# Latin letters the English model reads for digits the Russian model read right
_DIGIT_TWINS = {"0": "oO", "1": "lI|", "2": "zZ", "5": "sS", "6": "b", "8": "B", "9": "g"}
# Domain endings as the Russian model reads them
_RUSSIAN_DOMAIN = re.compile(r"\.(?:ги|ру|рф|сот|сом|орг)[.,;:)»]?$", re.IGNORECASE)


def _same_shape(url: str, old: str) -> bool:
    """A web address read with low confidence is taken when the Russian reading
    has its shape: a domain ending of its own ("мум.Задобгрго{.ги") and about
    its length."""
    return bool(_RUSSIAN_DOMAIN.search(old)) and abs(len(url) - len(old)) <= 2


def _russian_digits(url: str, old: str) -> str:
    """The address with the digits at its end as the Russian model read them
    ("vk.com/obrazprofos" + "…{05" -> "vk.com/obrazprof05"): letters look alike."""
    chars = list(url)
    i, j = len(chars) - 1, len(old) - 1
    while i >= 0 and j >= 0 and not old[j].isalnum() and chars[i] == old[j]:
        i, j = i - 1, j - 1  # trailing punctuation
    while i >= 0 and j >= 0 and old[j].isdigit():
        if chars[i] != old[j] and chars[i] not in _DIGIT_TWINS.get(old[j], ""):
            return url
        chars[i] = old[j]
        i, j = i - 1, j - 1
    return "".join(chars)


def reread_latin(
    image: Image.Image, dpi: int, words: list[TsvWord], path: str, what: str
) -> list[TsvWord]:
    """Read again, with the English model, words the Russian model garbled
    because they are web addresses or Latin words ("Telegram").

    The candidates are cut out, stacked into one strip and read in a single
    Tesseract run; a reading is taken only when it looks like a web address
    (or, for a badly read word, a Latin word read with much more confidence).
    """
    spans = _spans(words)
    if not spans or not tesseract().has_eng:
        return words
    pad = max(4, round(dpi / 30))
    crops = []
    for a, b in spans:
        run = words[a:b]
        box = (
            max(0, min(w.left for w in run) - pad),
            max(0, min(w.top for w in run) - pad),
            min(image.width, max(w.left + w.width for w in run) + pad),
            min(image.height, max(w.top + w.height for w in run) + pad),
        )
        crops.append(image.crop(box))
    gap = max(c.height for c in crops)
    width = max(c.width for c in crops) + 2 * pad
    strip = Image.new(image.mode, (width, sum(c.height + gap for c in crops) + gap), "white")
    places = []
    y = gap
    for crop in crops:
        strip.paste(crop, (pad, y))
        places.append((y, y + crop.height))
        y += crop.height + gap
    found, _pdf = recognize(strip, dpi, path=path, what=what, language=URL_LANGUAGE, psm=6)
    texts: dict[int, list[TsvWord]] = {}
    for w in found:
        centre = w.top + w.height / 2
        for k, (top, bottom) in enumerate(places):
            if top - gap / 2 <= centre <= bottom + gap / 2:
                texts.setdefault(k, []).append(w)
                break
    out: list[TsvWord | None] = list(words)
    for k, (a, b) in enumerate(spans):
        read = sorted(texts.get(k, []), key=lambda w: w.left)
        text = _accept(read, words[a:b]) if read else None
        if text is None:
            continue
        first, last = words[a], words[b - 1]
        conf = min(w.conf for w in read)
        width = last.left + last.width - first.left
        top = min(w.top for w in words[a:b])
        height = max(w.top + w.height for w in words[a:b]) - top
        out[a] = TsvWord(
            text, first.left, top, width, height, conf, first.block, first.par, first.line
        )
        for i in range(a + 1, b):
            out[i] = None
    return [w for w in out if w is not None]
