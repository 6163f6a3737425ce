"""Honest confidence: how much of an OCRed page reads as Russian words.

Tesseract's mean word confidence stays high on a page it misread with
conviction (a photo at an angle read 88 while half its words were garbage), so
each OCRed page is also measured by pymorphy3's dictionary: the share of its
words (three letters or more, any alphabet) that are known Russian words. A
page under MIN_RUSSIAN_WORDS gets a warning that names the page and says what
to do.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from pipeline.i18n import N_, Note, note
from pipeline.model import Document

MIN_RUSSIAN_WORDS = 0.6  # clean scans read 0.85-0.95; a garbled photo well under 0.6
_WORD = re.compile(r"[^\W\d_]{3,}")
_CYRILLIC = re.compile(r"^[а-яё-]+$")


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    from pipeline.nlp import morph

    return bool(_CYRILLIC.match(word)) and bool(morph().word_is_known(word))


def russian_share(text: str) -> float | None:
    """Share of the words of text that pymorphy3 knows; None with under 10 words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 10:
        return None
    return sum(_known(w) for w in words) / len(words)


def page_texts(doc: Document) -> dict[int, str]:
    """The text of each page, from the blocks' page numbers."""
    texts: dict[int, list[str]] = {}
    for block in doc.blocks:
        if block.page is not None:
            texts.setdefault(block.page, []).append(doc.block_text(block))
    return {page: "\n".join(parts) for page, parts in texts.items()}


def page_entries(doc: Document) -> tuple[dict, ...]:
    """The `pages` entries of the JSON: {page, ocr, confidence, words}; words is
    the share of Russian words on an OCRed page (None for a text-layer page or
    one with too few words)."""
    texts = page_texts(doc) if any(c == c for c in doc.page_confidence) else {}
    out = []
    for n, c in enumerate(doc.page_confidence, start=1):
        ocr = not math.isnan(c)
        share = russian_share(texts.get(n, "")) if ocr else None
        out.append(
            {
                "page": n,
                "ocr": ocr,
                "confidence": round(c, 1) if ocr else None,
                "words": None if share is None else round(share, 2),
            }
        )
    return tuple(out)


def word_warnings(entries: tuple[dict, ...], single: bool) -> list[Note]:
    """A warning for every OCRed page that reads mostly as non-words."""
    out = []
    for entry in entries:
        share = entry.get("words")
        if share is None or share >= MIN_RUSSIAN_WORDS:
            continue
        text = (
            N_("the page reads badly: only {share} of its words are Russian words "
               "(OCR confidence {confidence}); retake the photo flatter, "
               "square to the page and in more light, or scan the page")
            if single
            else N_("page {page} reads badly: only {share} of its words are Russian words "
                    "(OCR confidence {confidence}); retake the photo flatter, "
                    "square to the page and in more light, or scan the page")
        )  # fmt: skip
        out.append(
            note(
                "page-reads-badly",
                text,
                page=entry["page"],
                share=f"{share:.0%}",
                confidence=f"{entry['confidence']:.0f}",
            )  # fmt: skip
        )
    return out
