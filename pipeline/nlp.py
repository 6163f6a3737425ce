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
def ner() -> tuple[Any, Any]:
    """natasha's segmenter and NER tagger: (Segmenter, NewsNERTagger)."""
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """The most likely normal form of one word, lower-case."""
    parses = morph().parse(word)
    return parses[0].normal_form if parses else word.lower()


def tag_spans(text: str) -> list[tuple[int, int, str]]:
    """natasha NER over a text: (start, stop, type) with type PER, ORG or LOC.

    Converts natasha's span objects at this edge so that they never leak.
    """
    from natasha import Doc

    segmenter, tagger = ner()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.start, span.stop, span.type) for span in doc.spans]


@lru_cache(maxsize=65536)
def parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of one word, cached: the same words recur in every act."""
    return tuple(morph().parse(word))
