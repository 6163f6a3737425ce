"""Find where a fact that has no offsets stands in the text.

The header requisites, addressees, responsible parties, URLs and a report's
organization come out of extraction as normalized strings ("членские
организации ДР СОП" for "членским организациям ДР СОП"). The review page needs
their place in the text, so each is searched for here: word by word, in order,
case-insensitively, with the endings of inflected words left free and,
for headings, letters that may be spaced out ("П О С Т А Н О В Л Е Н И Е").
"""

from __future__ import annotations

import re

from pipeline.extract.deadlines.dates import find_dates

WORD = re.compile(r"\w+")


def _stem(word: str) -> str:
    """The part of a Russian word that survives its case endings: "организациям"
    and "организации" share "организац", "лицам" and "лица" "лиц". Words of
    three letters and abbreviations stay whole."""
    if len(word) <= 3 or word.isupper() or not word.isalpha():
        return word
    cut = 1 if len(word) == 4 else 2 if len(word) <= 6 else 3
    return word[:-cut]


def _letter(c: str) -> str:
    # "приёмная" is often printed "приемная"
    return "[её]" if c in "её" else "[ЕЁ]" if c in "ЕЁ" else re.escape(c)


def _word_pattern(word: str, inflected: bool, spaced: bool) -> str:
    stem = _stem(word) if inflected else word
    free = stem != word
    if spaced:
        body = " ?".join(_letter(c) for c in stem)
        return body + (r"(?: ?\w)*" if free else "")
    return "".join(_letter(c) for c in stem) + (r"\w*" if free else "")


def phrase_pattern(
    phrase: str, inflected: bool = True, spaced: bool = False
) -> re.Pattern[str] | None:
    """A pattern for `phrase` as it may be printed; None when it has no words."""
    words = WORD.findall(phrase)
    if not words:
        return None
    body = r"\W+".join(_word_pattern(w, inflected, spaced) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def find_phrase(
    text: str,
    phrase: str,
    start: int = 0,
    stop: int | None = None,
    inflected: bool = True,
    spaced: bool = False,
) -> tuple[int, int] | None:
    """(start, stop) of the first place in text[start:stop] that prints `phrase`;
    None when it is not there."""
    pattern = phrase_pattern(phrase, inflected, spaced)
    if pattern is None:
        return None
    m = pattern.search(text, start, len(text) if stop is None else stop)
    return (m.start(), m.end()) if m else None


# "Левченко О.И.", "Гаджиев А.Р.": a surname and initials, as extraction normalizes
# a responsible person
SURNAME_INITIALS = re.compile(r"^\s*([А-ЯЁа-яё][\w-]+)\s+([А-ЯЁ])\.?\s*(?:([А-ЯЁ])\.?)?\s*$")


def name_patterns(name: str) -> list[re.Pattern[str]]:
    """Patterns for a person given as "Фамилия И.О.": the text may print the
    initials in front ("О.И. Левченко") or the full name in any case
    ("Левченко Ольге Ивановне"). Empty when `name` is not of that shape."""
    m = SURNAME_INITIALS.match(name)
    if m is None:
        return []
    surname = _word_pattern(m.group(1), inflected=True, spaced=False)
    initials = [rf"{c}(?:\.|\w+)" for c in m.groups()[1:] if c]
    given = r"\s*".join(initials)
    return [
        re.compile(rf"(?<!\w){surname}\s+{given}(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w){given}\s*{surname}(?!\w)", re.IGNORECASE),
    ]


def find_name(
    text: str, name: str, start: int = 0, stop: int | None = None
) -> tuple[int, int] | None:
    """(start, stop) of the first place in text[start:stop] that prints the person
    `name` ("Левченко О.И."), in either order and any case; None when absent."""
    end = len(text) if stop is None else stop
    found = [m for p in name_patterns(name) if (m := p.search(text, start, end))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return first.start(), first.end()


def find_leading_words(
    text: str, phrase: str, start: int = 0, stop: int | None = None, spaced: bool = False
) -> tuple[int, int] | None:
    """The longest run of `phrase`'s first words found in text[start:stop]: the
    heading "ПРЕЗИДИУМ" for the issuer "Президиум ДР СОП". None when not even
    the first word is there."""
    words = WORD.findall(phrase)
    for n in range(len(words), 0, -1):
        found = find_phrase(text, " ".join(words[:n]), start, stop, spaced=spaced)
        if found:
            return found
    return None


def find_date(
    text: str, iso: str, start: int = 0, stop: int | None = None
) -> tuple[int, int] | None:
    """(start, stop) of the first complete date in text[start:stop] equal to `iso`
    ("2023-08-15" for "15.08.2023г." or "15 августа 2023 года")."""
    for m in find_dates(text[start:stop]):
        if m.precision == "day" and m.date is not None and m.date.isoformat() == iso:
            return start + m.start, start + m.stop
    return None


def find_all(text: str, literal: str) -> list[tuple[int, int]]:
    """Every place where `literal` stands as printed (URLs)."""
    found, at = [], text.find(literal)
    while literal and at >= 0:
        found.append((at, at + len(literal)))
        at = text.find(literal, at + len(literal))
    return found
