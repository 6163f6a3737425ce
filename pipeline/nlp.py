"""NLP resources, loaded once and lazily.

Nothing here is imported at start-up: `decree --help` must not load a model.
natasha's models ship inside its wheels (navec, slovnet), so nothing is
downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def morph() -> Any:
    """The pymorphy3 analyzer (Russian dictionaries from pymorphy3-dicts-ru)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def ner() -> Any:
    """natasha's NER tagger (NewsNERTagger over the news embedding)."""
    from natasha import NewsEmbedding, NewsNERTagger

    from pipeline.blas import one_thread_unless_told

    tagger = NewsNERTagger(NewsEmbedding())
    one_thread_unless_told()  # numpy is loaded now; its spinning threads halve nothing
    return tagger


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """The most likely normal form of one word, lower-case."""
    parses = morph().parse(word)
    return parses[0].normal_form if parses else word.lower()


# natasha tags a text as one sequence: its memory grows with the text (about
# 1 KB per character), so long texts go through in pieces of this many
# characters, cut at paragraph, line or sentence breaks. Every act in the
# corpus is far shorter, so for them the tagging is exactly the one-piece one.
NER_CHUNK = 20_000

# Where a piece may end, best first: a blank line, a line break, a sentence end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def text_chunks(text: str, size: int = NER_CHUNK) -> list[tuple[int, int]]:
    """(start, stop) pieces that cover `text`, each at most `size` characters,
    each ending at the best break in its second half (a hard cut only where
    there is none)."""
    out, start = [], 0
    while len(text) - start > size:
        limit, stop = start + size, None
        for brk in _BREAKS:
            found = text.rfind(brk, start + size // 2, limit)
            if found >= 0:
                stop = found + len(brk)
                break
        out.append((start, stop or limit))
        start = stop or limit
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def tag_spans(text: str) -> list[tuple[int, int, str]]:
    """natasha NER over a text: (start, stop, type) with type PER, ORG or LOC.

    The text is tagged in pieces of at most NER_CHUNK characters (see
    text_chunks) so that memory stays bounded. natasha's span objects are
    converted at this edge so that they never leak.
    """
    tagger = ner()
    spans = []
    for start, stop in text_chunks(text):
        piece = text[start:stop]
        if piece.strip():
            markup = tagger(piece)
            spans += [(start + s.start, start + s.stop, s.type) for s in markup.spans]
    return spans


@lru_cache(maxsize=65536)
def parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of one word, cached: the same words recur in every act."""
    try:
        return tuple(morph().parse(word))
    except ValueError:
        # pymorphy3 asks unicodedata for every letter's name, and letters newer
        # than its table have none (U+1743F): read them as an unknown letter
        import unicodedata

        known = "".join(c if unicodedata.name(c, None) else "x" for c in word)
        return tuple(morph().parse(known))
