"""Phone photos (issue 13): photos told from scans and flattened, folders of page
photos and `--join` read as one document, honest per-page confidence, and the
photo corpus within 5 points of the clean originals."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from pipeline import errors
from pipeline.ingest import photo
from pipeline.ingest.ocr_words import russian_share, word_warnings
from pipeline.ingest.pages import folder_pages, natural_key
from scripts.ocr_cer import PHOTOS, SCANS, entries

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed (scripts/setup.sh installs tesseract-ocr)",
)


# -- the corpus ---------------------------------------------------------------------


def test_the_photo_corpus_has_twenty_pages_of_every_kind():
    found = entries(PHOTOS)
    pages = sum(e.dpi for e in found)  # the photos' table lists pages where scans list dpi
    assert pages >= 20
    assert any(e.scan.is_dir() for e in found)
    files = [p for p in PHOTOS.rglob("*") if p.suffix in (".jpg", ".heic")]
    assert any(p.suffix == ".heic" for p in files)
    turned = [p for p in files if p.suffix == ".jpg" and Image.open(p).getexif().get(274, 1) != 1]
    assert turned


@pytest.mark.parametrize("entry", entries(PHOTOS), ids=lambda e: e.scan.name)
def test_photo_gold_is_the_source_gold(entry):
    photo_gold = entry.scan.with_name(entry.scan.name.rsplit(".", 1)[0] + ".expected.json")
    if entry.scan.is_dir():
        photo_gold = entry.scan.with_name(entry.scan.name + ".expected.json")
    source_gold = entry.source.with_name(entry.source.stem + ".expected.json")
    assert json.loads(photo_gold.read_text("utf-8")) == json.loads(source_gold.read_text("utf-8"))


# -- telling photos from scans ---------------------------------------------------------


# PDF pages never take the photo path: only the scans stored as images are tried.
IMAGE_SCANS = [e for e in entries(SCANS) if e.scan.suffix != ".pdf"]


def test_there_are_image_scans_to_try():
    assert len(IMAGE_SCANS) >= 4


@pytest.mark.parametrize("entry", IMAGE_SCANS, ids=lambda e: e.scan.name)
def test_scans_are_not_photos(entry):
    with Image.open(entry.scan) as image:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            image.load()
            evidence, _ = photo.photo_evidence(image)
            assert not evidence, (entry.scan.name, index, evidence)


def _desk_photo(exif: bool) -> Image.Image:
    """A white page with lines of 'text' on a brown desk, tilted."""
    frame = Image.new("RGB", (900, 1200), (110, 75, 45))
    page = Image.new("RGB", (600, 850), (240, 238, 230))
    draw = ImageDraw.Draw(page)
    for y in range(80, 780, 30):
        draw.rectangle((60, y, 540, y + 10), fill=(30, 30, 30))
    page = page.rotate(4, expand=True, fillcolor=(110, 75, 45))
    frame.paste(page, (130, 150))
    if exif:
        tags = Image.Exif()
        tags[271], tags[272] = "Apple", "iPhone 12"
        frame.info["exif"] = tags.tobytes()
    return frame


def test_a_page_on_a_desk_is_a_photo_and_its_outline_is_found():
    image = _desk_photo(exif=False)
    evidence, quad = photo.photo_evidence(image)
    assert evidence.outline and not evidence.camera
    assert quad is not None
    # The page (with its 4-degree turn) spans about x 130-790, y 150-1030.
    assert 100 < quad[:, 0].min() < 180 and 740 < quad[:, 0].max() < 820
    flat, dpi = photo.flatten_photo(image)
    assert dpi == photo.OUT_DPI and flat.height > flat.width


def test_a_camera_exif_makes_a_photo(tmp_path):
    path = tmp_path / "shot.jpg"
    image = _desk_photo(exif=True)
    image.save(path, exif=image.info["exif"])
    with Image.open(path) as opened:
        assert photo.has_camera_exif(opened)


def test_the_flattened_page_is_read_as_it_is():
    """Drawn at the scan path's lowest resolution: not upscaled again, not larger."""
    from pipeline.ingest import scan

    assert photo.OUT_DPI == scan.MIN_DPI
    flat, dpi = photo.flatten_photo(_desk_photo(exif=False))
    assert scan.for_ocr(flat, dpi)[0].size == flat.size
    assert round(max(flat.size) / dpi * 25.4) == 297  # an A4 page at OUT_DPI


def test_the_desk_strip_at_the_page_edge_is_whitened():
    flat, _ = photo.flatten_photo(_desk_photo(exif=False))
    page = np.asarray(flat)
    band = round(photo.EDGE_BAND * max(page.shape))
    assert (page[:band] == 255).all() and (page[-band:] == 255).all()
    assert (page[:, :band] == 255).all() and (page[:, -band:] == 255).all()
    assert (page[band:-band, band:-band] == 0).any()  # the lines of "text" are still there


def test_an_image_needing_no_turn_is_not_copied(tmp_path):
    image = _desk_photo(exif=True)
    assert photo.upright(image) is image
    tags = Image.Exif()
    tags[photo.EXIF_ORIENTATION] = 6  # stored turned: show it 90 degrees clockwise
    image.save(tmp_path / "turned.jpg", exif=tags.tobytes())
    with Image.open(tmp_path / "turned.jpg") as stored:
        assert photo.upright(stored).size == (image.height, image.width)


def test_threshold_light_gives_opencvs_adaptive_threshold():
    """The block mean taken on a reduced copy: the same pixels as
    cv2.adaptiveThreshold but for a few along strong edges."""
    cv2 = photo.opencv()
    rng = np.random.default_rng(3)
    light = np.tile(np.linspace(110, 235, 1200, dtype=np.float32), (1600, 1))
    page = light + rng.normal(0, 6, light.shape)
    for y in range(100, 1500, 45):  # lines of strokes, as dark as the light allows
        for x in range(80, 1100, 23):
            page[y : y + 28, x : x + 4] *= 0.3
            page[y + 12 : y + 15, x : x + 15] *= 0.3
    gray = np.clip(page, 0, 255).astype(np.uint8)
    block = (photo.OUT_DPI // 6) | 1
    expected = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, photo.THRESHOLD_C
    )
    got = photo.threshold_light(gray)
    assert set(np.unique(got)) <= {0, 255}
    assert (got != expected).mean() < 0.0005  # 0.013 %; a sigma of 3 instead of 6.5: 0.19 %


def test_despeckling_with_opencv_gives_pillows_pixels():
    """The photo path counts ink neighbours with OpenCV, scans with Pillow: the
    same pixels, at the edges too, so scans read as before."""
    from pipeline.ingest import scan

    photo.opencv()
    rng = np.random.default_rng(5)
    for share in (0.03, 0.2, 0.5):
        for shape in ((900, 700), (37, 53), (5, 5), (3, 9)):
            dark = rng.random(shape) < share
            assert np.array_equal(scan.despeckle_ink(dark), scan.despeckle_ink_pillow(dark))
    speck = np.zeros((40, 40), dtype=bool)
    speck[10:12, 10:12] = True  # 4 pixels: dust
    speck[20:30, 20:23] = True  # a stroke
    kept = scan.despeckle_ink(speck)
    assert not kept[10:12, 10:12].any() and kept[20:30, 20:23].all()


def test_opencv_runs_on_one_thread():
    """Pages run in parallel processes; OpenCV's own threads would only contend."""
    assert photo.opencv().getNumThreads() == 1


def test_shadow_is_divided_out():
    ramp = np.tile(np.linspace(120, 240, 800, dtype=np.float32), (600, 1))
    page = ramp.copy()
    page[::40, :] = ramp[::40, :] * 0.2  # ink lines, darker where the light is low
    flat = photo.flatten_light(page.astype(np.uint8))
    paper = np.delete(flat, np.s_[::40], axis=0)
    assert paper.min() > 220 and paper.max() - paper.min() < 25


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["page-10.jpg", "page-2.jpg", "page-1.jpg"], ["page-1.jpg", "page-2.jpg", "page-10.jpg"]),
        (["IMG_0101.HEIC", "IMG_0099.jpg"], ["IMG_0099.jpg", "IMG_0101.HEIC"]),
        (["b.jpg", "a.jpg"], ["a.jpg", "b.jpg"]),
    ],
)
def test_folder_pages_in_natural_order(tmp_path, names, ordered):
    for name in names:
        (tmp_path / name).write_bytes(b"\xff\xd8\xff")
    assert [p.name for p in folder_pages(tmp_path)] == ordered
    assert sorted(names, key=lambda n: natural_key(Path(n))) == ordered


def test_a_folder_with_other_files_is_not_a_document(tmp_path):
    (tmp_path / "page-1.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(errors.NotAFile, match="notes.docx"):
        folder_pages(tmp_path)


# -- honest confidence ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Президиум ДР СОП постановляет принять меры по созданию своих сайтов членским "
         "организациям профсоюза насчитывающим свыше пяти тысяч членов", False),
        ("Прездиум ФЕЛЕРАЦИЯПРОФСОЮЗНЫХ оргаипзаций ТВЕРЕжнИды пстнвлт прннть мрр пс "
         "сзднию свх сйтв члнскм оргнзцм прфсз нсчтвающм свше птыс члнв", True),
    ],
)  # fmt: skip
def test_share_of_russian_words(text, low):
    share = russian_share(text)
    assert (share < 0.6) is low


def test_a_page_of_non_words_gets_a_warning_naming_it():
    entries_ = ({"page": 1, "confidence": 88.0, "words": 0.9},)
    entries_ += ({"page": 2, "confidence": 88.0, "words": 0.3},)
    (warning,) = word_warnings(entries_, single=False)
    assert warning.code == "page-reads-badly"
    assert str(warning).startswith("page 2 ") and "retake the photo" in str(warning)


# -- reading photos --------------------------------------------------------------------

SAMPLE = PHOTOS / "sample-drsop-22-3-photo"


def _core(result) -> dict:
    """What must not change between a PDF and its photos."""
    return {
        "kind": result.kind,
        "header": {k: getattr(result.header, k) for k in ("doc_type", "date", "number")},
        "directives": [
            (d.id, None if d.deadline is None else d.deadline.date) for d in result.directives
        ],
    }


@pytest.mark.slow
@needs_tesseract
def test_two_photos_joined_read_as_the_pdf(tmp_path):
    from cli import main
    from pipeline import extract_file
    from pipeline.model import Extraction

    reference = _core(extract_file(CORPUS / "scans" / "sample-drsop-22-3-scan.pdf"))
    as_folder = extract_file(SAMPLE)
    assert _core(as_folder) == reference
    assert [p["page"] for p in as_folder.pages] == [1, 2]
    assert all(p["words"] >= 0.8 for p in as_folder.pages)
    pages = [str(SAMPLE / "page-1.jpg"), str(SAMPLE / "page-2.jpg")]
    run = CliRunner().invoke(main, ["extract", "--join", *pages])
    assert run.exit_code == 0, run.output
    joined = Extraction.from_json(json.loads(run.stdout))
    assert _core(joined) == reference
    assert joined.source.pages == 2


@pytest.mark.slow
@needs_tesseract
def test_check_with_a_folder_of_photos_as_a_report():
    from cli import main

    decree = str(CORPUS / "sample-drsop-22-3.txt")
    runs = {}
    for name, report in (
        ("pdf", CORPUS / "reports" / "apkprof-22-3.pdf"),
        ("photos", PHOTOS / "apkprof-22-3-photo"),
    ):
        run = CliRunner().invoke(main, ["check", decree, str(report), "--format", "json"])
        assert run.exit_code == 0, run.output
        (row,) = json.loads(run.stdout)["reports"]
        runs[name] = (row["organization"], {k: v["status"] for k, v in row["status"].items()})
    assert runs["photos"] == runs["pdf"]
    assert runs["pdf"][1]


# -- the corpus against the originals ----------------------------------------------------


@pytest.mark.slow
@needs_tesseract
def test_photos_score_within_five_points_of_the_originals():
    from pipeline.evaluate import evaluate_folder, format_report

    with tempfile.TemporaryDirectory(prefix="decree-originals-") as tmp:
        folder = Path(tmp)
        for entry in entries(PHOTOS):
            gold = entry.source.with_name(entry.source.stem + ".expected.json")
            (folder / entry.source.name).symlink_to(entry.source)
            (folder / gold.name).symlink_to(gold)
        originals = evaluate_folder(folder)
    photos = evaluate_folder(PHOTOS)
    assert photos.failed == 0
    for name, score in photos.scores.items():
        if score.support == 0:
            continue
        assert score.support == originals.scores[name].support, name
        drop = originals.f1(name) - photos.f1(name)
        assert drop <= 0.05, (name, format_report(photos, details=True))
