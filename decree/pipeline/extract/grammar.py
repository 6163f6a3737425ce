"""Case changes of noun groups with pymorphy3: "членским организациям" ->
"членские организации", "Дагестанская республиканская организация" ->
"Дагестанской республиканской организации".

Only the head group is inflected: the adjectives and participles up to and
including the first noun. What follows (genitive dependents, abbreviations,
quoted names) is kept as printed, as Russian grammar keeps it.
"""

from __future__ import annotations

import re

from decree.nlp import parse as parse_word

HEAD_POS = {"ADJF", "PRTF", "NOUN", "NUMR"}
TOKEN_RE = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*|[^\sА-ЯЁа-яё]+")


def _parse(word: str, case: str | None):
    for p in parse_word(word.lower()):
        if p.tag.POS in HEAD_POS and (case is None or p.tag.case == case):
            return p
    return None


def _shape(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def inflect_words(words: list[str], to_case: str, from_case: str | None = None) -> list[str]:
    """The words with their head group put in `to_case` (number kept)."""
    out: list[str] = []
    done = False
    for word in words:
        if done or not re.match(r"[А-ЯЁа-яё]", word) or (word.isupper() and len(word) <= 5):
            done = done or bool(re.match(r"[А-ЯЁа-яё«\"]", word))
            out.append(word)
            continue
        p = _parse(word, from_case)
        if p is None:
            done = True
            out.append(word)
            continue
        grammemes = {to_case}
        if p.tag.number == "plur":
            grammemes.add("plur")
        form = p.inflect(grammemes)
        out.append(_shape(form.word, word) if form else word)
        if p.tag.POS == "NOUN":
            done = True
    return out


def inflect_phrase(text: str, to_case: str, from_case: str | None = None) -> str:
    """`text` with its head group put in `to_case`; spacing and quotes kept."""
    parts = re.split(r"(\s+)", text.strip())
    words = parts[0::2]
    spaces = parts[1::2]
    inflected = inflect_words(words, to_case, from_case)
    out = []
    for k, word in enumerate(inflected):
        out.append(word)
        if k < len(spaces):
            out.append(spaces[k])
    return "".join(out)
