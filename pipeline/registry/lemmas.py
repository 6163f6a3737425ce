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
    # The blank pipeline tags no parts of speech, so a word's lemma depends on the
    # word alone: remember it (an archive repeats the same words a million times)
    # and share the dictionaries the rest of decree has loaded.
    lookup = getattr(lemmatizer, "_pymorphy_lookup_lemmatize", None)
    if lookup is not None:
        lemmatizer._morph = morph()
        known: dict[str, list[str]] = {}

        def cached(token: Any) -> list[str]:
            if token.text not in known:
                known[token.text] = lookup(token)
            return known[token.text]

        lemmatizer._pymorphy_lookup_lemmatize = cached
    return nlp


def _split(doc: Any) -> tuple[str, str]:
    words, lemmas = [], []
    for token in doc:
        if token.is_alpha or token.like_num:
            words.append(token.lower_)
            lemmas.append((token.lemma_ or token.lower_).lower())
    return " ".join(words), " ".join(lemmas)


def words_and_lemmas(text: str) -> tuple[str, str]:
    """(the words, lower-case, space-separated; their lemmas, likewise)."""
    return _split(_nlp()(text))


def words_and_lemmas_many(texts: Iterable[str]) -> list[tuple[str, str]]:
    return [_split(doc) for doc in _nlp().pipe(texts)]


def query_lemmas(query: str) -> list[str]:
    """The lemmas of a user's query words."""
    return [lemma for lemma in words_and_lemmas(query)[1].split() if lemma]
