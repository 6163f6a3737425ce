"""Case changes of noun groups with pymorphy3: "членским организациям" ->
"членские организации", "Дагестанская республиканская организация" ->
"Дагестанской республиканской организации".

Only the head group is inflected: the adjectives and participles up to and
including the first noun. What follows (genitive dependents, abbreviations,
quoted names) is kept as printed, as Russian grammar keeps it.
"""

from __future__ import annotations

import re

from pipeline.nlp import parse as parse_word

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


def _head_group(words: list[str], from_case: str | None) -> list[tuple[int, object]]:
    """(index, reading) of the head group: agreeing adjectives, then the noun.
    A substantivized adjective ("Заведующему хозяйственной группой") is its own
    head when the next word does not agree with it."""
    group: list[tuple[int, object]] = []
    for i, word in enumerate(words):
        if not re.match(r"[А-ЯЁа-яё]", word) or (word.isupper() and len(word) <= 5):
            break
        p = _parse(word, from_case)
        if p is None or parse_word(word.lower())[0].tag.POS not in HEAD_POS:
            break  # "по" is a preposition before it is an abbreviation
        if p.tag.POS == "NOUN" and i + 1 < len(words):
            # "учёного совета": an adjective before a noun in its case, not a noun
            adj = next(
                (
                    q
                    for q in parse_word(word.lower())
                    if q.tag.POS == "ADJF" and q.tag.case == p.tag.case
                ),
                None,
            )
            nxt = (
                _parse(words[i + 1], p.tag.case) if re.match(r"[А-ЯЁа-яё]", words[i + 1]) else None
            )
            if adj is not None and nxt is not None and nxt.tag.POS == "NOUN":
                p = adj
        if group and p.tag.POS != "NOUN":
            prev = group[-1][1]
            if prev.tag.number == "sing" and p.tag.gender and p.tag.gender != prev.tag.gender:
                break
            if prev.tag.number == "sing" and p.tag.number == "plur":
                break  # "Заведующему терапевтическим отделением": its object, in another case
        if group and p.tag.POS == "NOUN" and group[-1][1].tag.number == "sing":
            # "исполняющий обязанности": a singular participle before a plural
            # noun does not agree with it; the participle is the head.
            same = _parse_agreeing(word, from_case, "sing")
            if same is None:
                break
            prev_gender = group[-1][1].tag.gender
            genders = {prev_gender, same.tag.gender}
            if None not in genders and len(genders) == 2 and "femn" in genders:
                break  # "Исполняющему обязанности": a feminine noun, its object
            p = same
        group.append((i, p))
        if p.tag.POS == "NOUN":
            break
    return group


def _parse_agreeing(word: str, case: str | None, number: str):
    for p in parse_word(word.lower()):
        if p.tag.POS == "NOUN" and p.tag.number == number and (case is None or p.tag.case == case):
            return p
    return None


def _agreeing(word: str, case: str | None, gender: str | None, number: str | None):
    for p in parse_word(word.lower()):
        if p.tag.POS in HEAD_POS and (case is None or p.tag.case == case):
            if number == "plur" and p.tag.number == "plur":
                return p
            if number == "sing" and (gender is None or p.tag.gender == gender):
                return p
    return _parse(word, case)


def inflect_words(words: list[str], to_case: str, from_case: str | None = None) -> list[str]:
    """The words with their head group put in `to_case`; adjectives agree with
    the head noun in gender and number."""
    out = list(words)
    group = _head_group(words, from_case)
    if not group:
        return out
    head = group[-1][1]
    if head.tag.POS != "NOUN":  # a substantivized adjective: a person, masculine by default
        head = _agreeing(words[group[-1][0]], from_case, "masc", head.tag.number) or head
        group[-1] = (group[-1][0], head)
    number = head.tag.number
    gender = head.tag.gender
    # The accusative of an adjective follows its noun's animacy: "назначить
    # главного специалиста", but "создать профсоюзный комитет".
    animacy = set()
    if to_case == "accs" and head.tag.animacy and (number == "plur" or gender == "masc"):
        animacy = {head.tag.animacy}
    for i, p in group:
        if p is not head:
            p = _agreeing(words[i], from_case, gender, number)
        grammemes = {to_case} | ({"plur"} if number == "plur" else set())
        if p is not head and animacy:
            grammemes |= animacy
        form = p.inflect(grammemes)
        if form:
            word = "-".join(PLURALS.get(part, part) for part in form.word.split("-"))
            out[i] = _shape(word, words[i])
    return out


# Plurals the dictionary gives first in a sense an act does not mean: "учители"
# (of a doctrine) for "учителя" (of a school).
PLURALS = {"учители": "учителя"}


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
