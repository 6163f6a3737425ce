"""Is this Russian text, and is a PDF text layer worth reading?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.i18n import N_

# The share of Cyrillic among all letters below which a text is not Russian.
MIN_CYRILLIC = 0.3
# Fewer letters per page on average than this: the PDF is a scan.
MIN_LETTERS_PER_PAGE = 20
# Latin letters that have Cyrillic twins; a font that maps Cyrillic glyphs to
# them yields words made of these letters only ("COBET", "Pocmahob...").
_LOOKALIKE_WORD = re.compile(r"^[ABCEHKMOPTXaceopxy]+$")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class Letters:
    total: int
    cyrillic: int
    latin: int
    latin1: int  # À-ÿ: cp1251 bytes read as Latin-1 ("Ïîñòàíîâëåíèå")
    private: int  # Private Use Area: symbol fonts without a Unicode map


def count_letters(text: str) -> Letters:
    total = cyrillic = latin = latin1 = private = 0
    for ch in text:
        if "\ue000" <= ch <= "\uf8ff":
            private += 1
        elif ch.isalpha():
            total += 1
            if "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
            elif ch.isascii():
                latin += 1
            elif "\u00c0" <= ch <= "\u00ff":
                latin1 += 1
    return Letters(total, cyrillic, latin, latin1, private)


def is_russian(text: str) -> bool:
    """At least 30% of the letters of text are Cyrillic."""
    letters = count_letters(text)
    return letters.total > 0 and letters.cyrillic >= MIN_CYRILLIC * letters.total


def text_layer_problem(text: str, letters_per_page: Sequence[int], unmapped: int = 0) -> str | None:
    """Why a PDF text layer is unusable, or None when it is fine.

    A scan (almost no letters), glyphs without a Unicode map (private-use
    characters, `unmapped` characters that pdfium could not map), an 8-bit
    code page read as Latin-1 ("Ïîñòàíîâëåíèå") or Cyrillic drawn with Latin
    look-alike codes.
    """
    pages = max(len(letters_per_page), 1)
    letters = count_letters(text)
    if letters.total / pages < MIN_LETTERS_PER_PAGE:
        return N_("the PDF has no text layer (a scan?)")
    if letters.private + unmapped > 0.3 * letters.total:
        return N_("the PDF fonts have no Unicode map: its text cannot be read")
    if letters.cyrillic >= MIN_CYRILLIC * letters.total:
        return None
    if letters.latin1 > 0.3 * letters.total:
        return N_("the PDF text layer is garbled (Cyrillic in a wrong code page)")
    words = _LATIN_WORD.findall(text)
    if words and sum(bool(_LOOKALIKE_WORD.match(w)) for w in words) > 0.5 * len(words):
        return N_("the PDF text layer is garbled (Cyrillic drawn with Latin codes)")
    return None


def empty_pages(letters_per_page: Sequence[int]) -> list[int]:
    """1-based numbers of pages with almost no text, when other pages have text."""
    if not any(n >= MIN_LETTERS_PER_PAGE for n in letters_per_page):
        return []
    return [i for i, n in enumerate(letters_per_page, start=1) if n < MIN_LETTERS_PER_PAGE]
