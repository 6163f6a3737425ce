"""Clean-up of OCR text: the confusions Tesseract makes on Russian documents.

Applied to each word as it comes out of Tesseract (`clean_word`) and to each
rebuilt line (`clean_ocr_line`); line-end hyphenation is undone later, when
lines are joined into paragraphs (`clean.join_hyphenated`, with the
document's vocabulary). Nothing here guesses words: only characters that are
certainly wrong in their place are changed.

- Letters inside digit runs: О/о/O/o -> 0, З/з -> 3, l/I/| -> 1, б -> 6
  ("2О23" -> "2023", "l5.08.2023г." -> "15.08.2023г."), and the other way
  round, digits inside words ("«0б" -> "«Об", "н0вый" -> "новый"), and a title
  that starts with "0"/"06" ("06 организации" -> "Об организации").
- Initials with a digit for a letter ("3.М. Ибрагимов" -> "З.М. Ибрагимов").
- Roman numerals read as Cyrillic before "квартал", "полугодие" … ("П квартал").
- "e-mail" read as "е-тай"; "8- х" -> "8-х".
- A word the dictionary does not know, mended by one typical letter
  confusion when that gives exactly one known word ("РЕПТЕНИЕ" -> "РЕШЕНИЕ").
- A conjunction or preposition glued to the word before it ("СОПи",
  "образованияи", "совещаниев январе"), when the document or the dictionary
  knows the word without it (document-level: `split_glued_and`,
  `split_glued_letter`).
- "№" read as "Ne", "N°", "No", "Мо", "М" before a number; "№ 312-0" -> "№ 312-о".
- A word glued to the number after it ("сумме1 350" -> "сумме 1 350").
- Dates broken by spaces: "15. 08.2023", "15.08. 2023" -> "15.08.2023".
- Latin look-alike letters inside Cyrillic words (а, е, о, р, с, х, у, К, М,
  Н, Т, В, А …), and all-look-alike words among Cyrillic ones ("COП").
- Cyrillic look-alikes inside web addresses ("vk.соm" -> "vk.com").
- A line-end dash after a word part ("организа—") becomes a hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .clean import fix_homoglyphs

# Letters Tesseract puts where a digit stands.
DIGIT_LOOKALIKES = {
    "О": "0",
    "о": "0",
    "O": "0",
    "o": "0",
    "З": "3",
    "з": "3",
    "l": "1",
    "I": "1",
    "|": "1",
    "б": "6",
}
_STRONG = set("ОOЗзlI|")  # may stand at the edge of a number; "о", "б" only inside
_SEPARATORS = ".,:-/"
_TOKEN = re.compile(r"[^ \t]+")
_YEAR_SUFFIX = re.compile(r"(?:г\.?|гг\.?|года)$")

_NUMBER_SIGN = re.compile(r"(?<![\w№.])(?:N[eеoо°º2]|М[оo°º]|Nº|М(?= \d))(?=\s?\d)")
# A letter suffix of a document number read as a digit: "№ 312-0" -> "№ 312-о".
_ZERO_SUFFIX = re.compile(r"(№ ?\d+(?:[-/]\d+)*-)0(?=[а-яё]|[^\w]|$)")
_GLUED_NUMBER = re.compile(r"(?<![\w-])([а-яё]{3,})(?=\d)")
_DATE = re.compile(r"(?<![\d.])(\d{1,2}) ?\. ?(\d{2}) ?\. ?((?:19|20)\d{2}|\d{2})(?![\d])")

_LATIN_TWINS = set("aceopxyABCEHKMOPTX")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TO_LATIN = str.maketrans("аеорсхукмтвнАВЕКМНОРСТХУ", "aeopcxykmtbhABEKMHOPCTXY")
_URLISH = re.compile(r"(?:https?:|www\.|@|\.(?:ru|com|org|net|su|info)\b)", re.IGNORECASE)
_LINE_END_DASH = re.compile(r"(?<=[а-яё])[—–‑¬]$")
_IS_CYRILLIC = re.compile(r"^[А-Яа-яЁё]$")
_TITLE_START = re.compile(r"(^|\t|«)(0|06|0б|О6)(?= [а-яё])")
_ROMAN_LOOKALIKES = {
    "Г": "I", "[": "I", "|": "I", "П": "II", "И": "II", "Ш": "III", "ГУ": "IV", "1У": "IV",
    "[V": "IV", "|V": "IV", "1V": "IV", "lV": "IV", "[У": "IV", "|У": "IV", "lУ": "IV",
    "У": "V", "УГ": "VI", "УП": "VII", "УШ": "VIII", "ГХ": "IX", "Х": "X", "ХГ": "XI",
    "ХП": "XII",
}  # fmt: skip
_NOUNS = (
    r"(?:квартал|полугоди|триместр|четверт|этап|степен|курс|разряд|категори|съезд|созыв"
    r"|век|тур|пленум|раздел|глав)"
)
_ROMAN_NOUNS = r"(?= " + _NOUNS + ")"
_NOUN_START = re.compile(_NOUNS)
_ROMAN_AT_END = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(_ROMAN_LOOKALIKES, key=len, reverse=True))
    + ")$"
)
_ROMAN_BEFORE = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(_ROMAN_LOOKALIKES, key=len, reverse=True))
    + ")"
    + _ROMAN_NOUNS
)
# "в I полугодии" read as "в[ полугодии": the numeral glued to the preposition.
_ROMAN_GLUED = re.compile(r"(?<![\w])(в|во|за|на|к)[\[|]" + _ROMAN_NOUNS)
_DOUBLE_DASH = re.compile(r"(?<= )(?:-—|—-|–—|—–|-–)(?= )")
_YEAR_LETTER = re.compile(r"(?<=\d{4})( ?)Г\.")
_NUMERAL_SUFFIX = re.compile(r"(?<![\w.])(\d{1,4})- ([а-яё]{1,3})(?![\w-])")
_GLUED_LETTER = re.compile(r"(?<![\w-])([а-яё]{3,})([вскиоуа])(?![\w-])")
_INITIALS = re.compile(
    r"(?<![\w.])(?:([306])\.([А-ЯЁ])\.|([А-ЯЁ])\.([306])\.)(?=\s?[А-ЯЁ][а-яё]|$|\s)"
)
_DIGIT_INITIAL = {"3": "З", "0": "О", "6": "Б"}
_EMAIL_WORD = re.compile(r"(?<![\w-])([еЕeE])-?(?:тай|таil|тail|маил|mail)(?!\w)")
_GLUED_AND = re.compile(r"(?<![\w-])([А-ЯЁа-яё]{2,})и(?![\w-])")
_VOWELS = set("аяыеиоуюэАЯЫЕИОУЮЭ")


def _digit_like(ch: str) -> bool:
    return ch.isdigit() or ch in DIGIT_LOOKALIKES


def fix_digits(token: str) -> str:
    """Letters that stand for digits inside a number ("2О23", "l5.08.2023г.")."""
    if not any(ch.isdigit() for ch in token):
        return token
    suffix = _YEAR_SUFFIX.search(token)
    core = token[: suffix.start()] if suffix else token
    rest = token[len(core) :]
    lead = "№" if core.startswith("№") else ""
    core = core[len(lead) :]
    letters = [ch for ch in core if not ch.isdigit() and ch not in _SEPARATORS]
    chars = list(core)
    if letters and all(ch in DIGIT_LOOKALIKES for ch in letters):
        # The whole token is a number with look-alikes in it: each look-alike
        # must touch a digit (or another look-alike touching one).
        ok = True
        for i, ch in enumerate(chars):
            if ch not in DIGIT_LOOKALIKES:
                continue
            left = chars[i - 1] if i else ""
            right = chars[i + 1] if i + 1 < len(chars) else ""
            inside = _digit_like(left) and _digit_like(right)
            edge = ch in _STRONG and (left.isdigit() or right.isdigit())
            if not (inside or edge):
                ok = False
        if ok and any(ch.isdigit() for ch in chars):
            return lead + "".join(DIGIT_LOOKALIKES.get(ch, ch) for ch in chars) + rest
    # Otherwise only letters squeezed between two digits ("2О23г", "1б5").
    for i in range(1, len(chars) - 1):
        if chars[i] in DIGIT_LOOKALIKES and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = DIGIT_LOOKALIKES[chars[i]]
    return lead + "".join(chars) + rest


def fix_letters(token: str) -> str:
    """Digits that stand for letters inside a Cyrillic word ("«0б", "н0вый", "3а")."""
    if not any(ch in "036" for ch in token) or not _CYRILLIC.search(token):
        return token
    if any(ch.isdigit() and ch not in "036" for ch in token):
        return token
    chars = list(token)
    for i, ch in enumerate(chars):
        if ch not in "036":
            continue
        left = chars[i - 1] if i else ""
        right = chars[i + 1] if i + 1 < len(chars) else ""
        if left.isdigit() or right.isdigit():
            return token  # a number ("06", "30"), not a word
        if not (_IS_CYRILLIC.match(left or " ") or _IS_CYRILLIC.match(right or " ")):
            return token
        inner = bool(_IS_CYRILLIC.match(left or " ")) and left.islower() and right.islower()
        chars[i] = {"0": "о" if inner else "О", "3": "з" if inner else "З", "6": "б"}[ch]
    return "".join(chars)


def fix_url(token: str) -> str:
    """Cyrillic look-alikes inside a web address or e-mail ("vk.соm")."""
    if not _URLISH.search(token.translate(_TO_LATIN)) or not _CYRILLIC.search(token):
        return token
    latin = token.translate(_TO_LATIN)
    # Only when nothing Cyrillic is left: a Russian word next to a URL stays.
    return token if _CYRILLIC.search(latin) else latin


def _lookalike_word(match: re.Match[str]) -> str:
    word = match.group()
    if len(word) < 2 or _ROMAN.match(word) or any(ch not in _LATIN_TWINS for ch in word):
        return word
    return fix_homoglyphs("Ж" + word)[1:]


def fix_lookalike_words(line: str) -> str:
    """Words made only of Latin look-alikes in a mostly Cyrillic line ("COП")."""
    cyrillic = len(_CYRILLIC.findall(line))
    latin = sum(ch.isascii() and ch.isalpha() for ch in line)
    if latin == 0 or cyrillic < 4 * latin:
        return line
    return _WORD.sub(_lookalike_word, line)


def clean_word(word: str) -> str:
    """One OCR word: digits inside numbers and letters inside words, web addresses."""
    word = fix_letters(fix_digits(word))
    return fix_url(word)


def fix_dates(line: str) -> str:
    """Spaces inside dates ("15. 08.2023", "15.08. 2023" -> "15.08.2023")."""

    def repl(m: re.Match[str]) -> str:
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return m.group()
        return f"{m.group(1)}.{m.group(2)}.{m.group(3)}"

    return _DATE.sub(repl, line)


def _fix_initials(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{_DIGIT_INITIAL[m.group(1)]}.{m.group(2)}."
    return f"{m.group(3)}.{_DIGIT_INITIAL[m.group(4)]}."


def clean_ocr_line(line: str) -> str:
    """One rebuilt line ("\\t" between far-apart parts is kept)."""
    line = _NUMBER_SIGN.sub("№", line)
    line = _TOKEN.sub(lambda m: clean_word(m.group()), line)
    line = _ZERO_SUFFIX.sub(r"\1о", line)
    line = _GLUED_NUMBER.sub(r"\1 ", line)
    line = _TITLE_START.sub(lambda m: m.group(1) + ("О" if m.group(2) == "0" else "Об"), line)
    line = _INITIALS.sub(_fix_initials, line)
    line = _ROMAN_BEFORE.sub(lambda m: _ROMAN_LOOKALIKES[m.group(1)], line)
    line = _ROMAN_GLUED.sub(r"\1 I", line)
    line = _NUMERAL_SUFFIX.sub(r"\1-\2", line)
    line = _YEAR_LETTER.sub(r"\1г.", line)
    line = _DOUBLE_DASH.sub("—", line)
    line = _EMAIL_WORD.sub(lambda m: ("E" if m.group(1) in "ЕE" else "e") + "-mail", line)
    line = "\t".join(fix_dates(part) for part in line.split("\t"))
    line = fix_homoglyphs(line)
    line = fix_lookalike_words(line)
    return _LINE_END_DASH.sub("-", line)


def split_glued_and(line: str, known: set[str]) -> str:
    """A conjunction "и" glued to the word before it ("СОПи", "образованияи").

    Split when the word is an acronym, ends in "я", "ы", "ю", "а" or "у" (no
    Russian word ends in those followed by "и"), or ends in another vowel and
    the document has it alone (in `known`, lower case) but not with the "и".
    """

    def repl(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.isupper() and len(word) >= 2:
            return f"{word} и"
        lower = word.lower()
        if len(word) >= 3 and lower[-1] in "яыюау":
            return f"{word} и"  # no Russian word ends in "яи", "ыи", "юи", "аи", "уи"
        if word[-1] in _VOWELS and lower in known and lower + "и" not in known:
            return f"{word} и"
        return m.group()

    return _GLUED_AND.sub(repl, line)


def split_glued_letter(line: str, known: Callable[[str], bool]) -> str:
    """A one-letter preposition or conjunction glued to the word before it
    ("совещаниев январе", "практикус 07.10", "информациюо ходе").

    Split only when the dictionary (`known`, lower-case words) has the word
    without the letter and not with it; capitalized words (names) stay.
    """

    def repl(m: re.Match[str]) -> str:
        word, head, tail = m.group(0), m.group(1), m.group(2)
        if known(word) or not known(head):
            return word
        return f"{head} {tail}"

    return _GLUED_LETTER.sub(repl, line)


def fix_across(left: str, right: str) -> str:
    """left, with a Roman numeral fixed whose noun starts the next line
    ("… в Ш" + "квартале 2024 г." -> "… в III")."""
    match = _ROMAN_AT_END.search(left)
    if match and _NOUN_START.match(right):
        return left[: match.start()] + _ROMAN_LOOKALIKES[match.group(1)]
    return left


# Letter confusions of the Russian model (bold "Ш" read as "ПТ", "и"/"н" …).
CONFUSIONS = (
    ("пт", "ш"), ("ш", "пт"), ("п", "н"), ("н", "п"), ("и", "н"), ("н", "и"),
    ("ш", "щ"), ("щ", "ш"), ("е", "с"), ("с", "е"), ("й", "и"), ("и", "й"),
    ("ь|", "ы"), ("ьі", "ы"), ("ii", "п"), ("т", "г"), ("г", "т"), ("в", "з"),
)  # fmt: skip
_CANDIDATE_WORD = re.compile(r"(?<![\w-])(?:[а-яё]{5,}|[А-ЯЁ]{5,})(?![\w-])")


def fix_confusions(line: str, known: Callable[[str], bool]) -> str:
    """Words the dictionary does not know, mended by one letter confusion
    ("РЕПТЕНИЕ" -> "РЕШЕНИЕ") when exactly one mending gives a known word.

    Only lower-case or upper-case words of five letters or more: names
    (capitalized) are left as they are.
    """

    def repl(m: re.Match[str]) -> str:
        word = m.group()
        lower = word.lower()
        if known(lower):
            return word
        found = set()
        for bad, good in CONFUSIONS:
            start = lower.find(bad)
            while start >= 0:
                variant = lower[:start] + good + lower[start + len(bad) :]
                if known(variant):
                    found.add(variant)
                start = lower.find(bad, start + 1)
        if len(found) != 1:
            return word
        (fixed,) = found
        return fixed.upper() if word.isupper() else fixed

    return _CANDIDATE_WORD.sub(repl, line)
