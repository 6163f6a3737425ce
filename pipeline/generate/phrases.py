"""Names, positions and organization names in the case a sentence needs.

Full names go through pytrovich (extract/names.py: gender from the patronymic,
indeclinable names kept). Positions and organization names are inflected as
phrases with pymorphy3 (extract/grammar.py): the head noun and the words that
agree with it change; genitive tails, quoted names and abbreviations stay. A
position held by a woman takes the feminine where its head is an adjective or a
participle standing for a noun ("заведующий отделом" -> "заведующую отделом").
"""

from __future__ import annotations

import re

from pipeline.extract.grammar import inflect_phrase
from pipeline.extract.names import inflect_name as _inflect_name
from pipeline.extract.names import name_gender
from pipeline.nlp import parse as parse_word

# Endings a male surname keeps whole in official papers, where everyday speech
# drops the vowel ("Кравец" -> "Кравеца", not "Кравца"): the surname must stay
# recognizable (Граудина et al., "Грамматическая правильность русской речи").
_FLEETING = re.compile(r"(?:ец|ок|ёк|ек)$")
_KEPT_ENDINGS = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}

__all__ = ["inflect_name", "name_gender", "inflect_org", "inflect_position", "responsible_word"]


def inflect_name(full: str, case: str) -> str:
    """A nominative full name in `case` (pytrovich), the surname's vowel kept."""
    out = _inflect_name(full, case)
    words, surname = out.split(), full.split()[0] if full.split() else ""
    if (
        case in _KEPT_ENDINGS
        and _FLEETING.search(surname)
        and name_gender(full) == "m"
        and words
        and not words[0].startswith(surname)
    ):
        words[0] = surname + _KEPT_ENDINGS[case]
    return " ".join(words)


def _feminine_head(position: str) -> str:
    """ "заведующий отделом" -> "заведующая отделом"; "главный специалист" stays
    (its head is a noun, and the adjective agrees with the noun)."""
    words = position.split()
    if not words:
        return position
    for p in parse_word(words[0].lower()):
        if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "nomn" and p.tag.gender == "masc":
            nxt = words[1].lower() if len(words) > 1 else ""
            agrees = (
                any(
                    q.tag.POS == "NOUN"
                    and q.tag.case == "nomn"
                    and q.tag.number == "sing"
                    and q.tag.gender == "masc"
                    for q in parse_word(nxt)
                )
                if nxt
                else False
            )
            if agrees:
                return position
            form = p.inflect({"femn", "nomn", "sing"})
            if form:
                word = form.word
                word = word[:1].upper() + word[1:] if words[0][:1].isupper() else word
                return " ".join([word, *words[1:]])
        break
    return position


def _adverb_lead(text: str) -> tuple[str, str]:
    """ "временно исполняющая обязанности …" -> ("временно ", "исполняющая …")."""
    first, _, rest = text.partition(" ")
    parses = parse_word(first.lower())
    if rest and parses and parses[0].tag.POS == "ADVB":
        return first + " ", rest
    return "", text


def inflect_position(position: str, case: str, gender: str = "m") -> str:
    """A position in the nominative ("заведующий отделом организационной работы")
    in `case`, for a holder of `gender` ("m" | "f")."""
    lead, text = _adverb_lead(position)
    text = _feminine_head(text) if gender == "f" else text
    return lead + (text if case == "nomn" else inflect_phrase(text, case, "nomn"))


_QUOTED_HEAD = re.compile(r"^((?:\S+\s+)*?)«([А-ЯЁа-яё-]+)»$")


def inflect_org(name: str, case: str) -> str:
    """An organization's name in `case`. A one-word name in quotes after its
    adjectives is the head itself ("Всероссийский «Электропрофсоюз»" ->
    "Всероссийского «Электропрофсоюза»"); a quoted name after a noun stays."""
    if case == "nomn":
        return name
    m = _QUOTED_HEAD.match(name.strip())
    if (
        m
        and m.group(1).strip()
        and all(
            any(p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in parse_word(w.lower()))
            for w in m.group(1).split()
        )
    ):
        words = inflect_phrase(f"{m.group(1)}{m.group(2)}", case, "nomn").rsplit(" ", 1)
        return f"{words[0]} «{words[1]}»"
    return inflect_phrase(name, case, "nomn")


def responsible_word(gender: str, case: str = "ablt") -> str:
    """ "ответственным" / "ответственной" (after "назначить … ответственным за …")."""
    forms = {
        ("m", "ablt"): "ответственным",
        ("f", "ablt"): "ответственной",
        ("m", "gent"): "ответственного",
        ("f", "gent"): "ответственной",
    }
    return forms[(gender, case)]
