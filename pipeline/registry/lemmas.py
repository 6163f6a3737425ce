"""Words and their lemmas for the registry's full-text index, with spaCy's
Russian tokenizer and its pymorphy3 lemmatizer (`spacy.blank("ru")`: no model
is downloaded). "подписку" is indexed as "подписку" and "подписка", so that a
query in any form finds every form."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    from pipeline.nlp import morph

    nlp = spacy.blank("ru")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    if hasattr(lemmatizer, "_morph"):  # the dictionaries the rest of decree has loaded
        lemmatizer._morph = morph()
    return nlp


# A word's lemma, by the word as printed. The blank pipeline tags no parts of
# speech, so the lemma depends on the word alone, and an archive repeats the same
# words a million times: each is given to the lemmatizer once per process.
_LEMMAS: dict[str, str] = {}


def _split(doc: Any) -> tuple[str, str]:
    lemmatize = _nlp().get_pipe("lemmatizer").lemmatize
    words, lemmas = [], []
    for token in doc:
        if token.is_alpha or token.like_num:
            lower = token.lower_
            lemma = _LEMMAS.get(token.text)
            if lemma is None:
                # a number is its own lemma; a word, the lemmatizer's first
                found = lower if token.is_digit else (lemmatize(token) or [""])[0]
                lemma = _LEMMAS[token.text] = (found or lower).lower()
            words.append(lower)
            lemmas.append(lemma)
    return " ".join(words), " ".join(lemmas)


def words_and_lemmas(text: str) -> tuple[str, str]:
    """(the words, lower-case, space-separated; their lemmas, likewise)."""
    return _split(_nlp().make_doc(text))


def words_and_lemmas_many(texts: Iterable[str]) -> list[tuple[str, str]]:
    """words_and_lemmas of each text: spaCy's tokenizer over them all, then the
    lemmatizer for each word not seen before (what the "lemmatizer" pipe would
    set, without setting it on every token)."""
    return [_split(doc) for doc in _nlp().tokenizer.pipe(texts)]


def query_lemmas(query: str) -> list[str]:
    """The lemmas of a user's query words."""
    return [lemma for lemma in words_and_lemmas(query)[1].split() if lemma]
