"""Clean-up applied to every line of text before it goes into `Document.text`.

Each function takes and returns one line (no "\\n" inside); `clean_line`
keeps single tabs, `clean_cell` turns them into spaces because the tab is the
cell separator of a table row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

# Unicode spaces that Word, browsers and PDF producers use for layout.
_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
# Invisible characters: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n") + "\x7f"

_TRANSLATE = str.maketrans(
    {**{c: " " for c in _SPACES + _CONTROL}, **{c: None for c in _INVISIBLE}}
)

# "№" (U+2116) in UTF-8 read as cp1251; also seen with a non-breaking space after it.
_MOJIBAKE = (("в„–", "№"), ("в„-", "№"))
# Bullets typed in the Symbol or Wingdings fonts arrive as private-use characters.
_BULLETS = str.maketrans(dict.fromkeys("\uf0b7\uf0a7\uf0a8\uf0d8\uf0fc\uf076\uf06c\uf06e", "•"))

_MANY_SPACES = re.compile(r" {2,}")
_WIDE_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
_TABS = re.compile(r" *\t[\t ]*")

# Latin letters that look like Cyrillic ones; fixed only inside words that
# already have Cyrillic letters ("Пocтaнoвлeниe" from web pages and OCR).
_HOMOGLYPHS = str.maketrans(
    "aceopxyABCEHKMOPTX",
    "асеорхуАВСЕНКМОРТХ",
)
_MIXED_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN_NOT_GLYPH = re.compile(r"[A-Za-z]")


def _fix_word(match: re.Match[str]) -> str:
    word = match.group()
    if not _CYRILLIC.search(word):
        return word
    fixed = word.translate(_HOMOGLYPHS)
    # Only when every Latin letter had a Cyrillic twin: "Wi-Fi-сети" stays.
    return word if _LATIN_NOT_GLYPH.search(fixed) else fixed


def fix_homoglyphs(line: str) -> str:
    """Replace Latin look-alike letters inside Cyrillic words."""
    if not _LATIN_NOT_GLYPH.search(line):
        return line
    return _MIXED_WORD.sub(_fix_word, line)


def clean_line(line: str, *, wide_gaps: bool = True) -> str:
    """Normalize one line: Unicode spaces, invisible characters, mojibake "в„–",
    repeated spaces; a run of tabs becomes one tab. With `wide_gaps`, a run of
    5+ spaces between words (a two-column line typed with spaces) becomes a tab.
    """
    line = unicodedata.normalize("NFC", line)
    for bad, good in _MOJIBAKE:
        if bad in line:
            line = line.replace(bad, good)
    line = line.translate(_TRANSLATE)
    if max(line, default=" ") >= "\uf000":
        line = line.translate(_BULLETS)
    if wide_gaps:
        line = _WIDE_GAP.sub("\t", line)
    if "\t" in line:
        line = _TABS.sub("\t", line).strip(" \t")
    line = _MANY_SPACES.sub(" ", line).strip()
    return fix_homoglyphs(line)


def clean_cell(text: str) -> str:
    """Normalize the text of a table cell: no tabs or line breaks inside."""
    return clean_line(text.replace("\t", " ").replace("\n", " "), wide_gaps=False)


_HYPHEN_END = re.compile(r"([а-яё]+)-$")
_WORD_START = re.compile(r"^([а-яё]+)")
# First parts of compound words that keep their hyphen at a line end:
# "социально-|экономический", "северо-|западный", "медико-|социальный".
_COMPOUND_HEAD = re.compile(r"(?:но|ско|цко|ово|ево|ико|еро|юго)$")
_COMPOUND_WORDS = frozenset(
    {
        "план", "пресс", "бизнес", "интернет", "онлайн", "офлайн", "вице", "экс", "контр",
        "генерал", "медиа", "видео", "фото", "аудио", "веб", "семинар", "северо", "юго",
        "штаб", "кредитно", "учебно",
    }
)  # fmt: skip
_PARTICLES = ("то", "либо", "нибудь", "таки")


def join_hyphenated(left: str, right: str, vocabulary: Container[str] = ()) -> str:
    """Join two lines of one paragraph, undoing a line-end hyphenation.

    "организа-" + "ции" -> "организации"; "социально-" + "экономический" and
    "план-" + "график" keep the hyphen. vocabulary (lower-case words seen
    elsewhere in the document) settles it when it holds either form.
    Otherwise the lines are joined with a space.
    """
    if not left:
        return right
    if not right:
        return left
    head = _HYPHEN_END.search(left)
    tail = _WORD_START.match(right)
    if head is None or tail is None:
        return f"{left} {right}"
    first, second = head.group(1), tail.group(1)
    if f"{first}-{second}" in vocabulary:
        return left + right
    if first + second in vocabulary:
        return left[:-1] + right
    compound = first in _COMPOUND_WORDS or (
        _COMPOUND_HEAD.search(first) is not None and len(second) >= 5
    )
    if second in _PARTICLES or compound:
        return left + right
    return left[:-1] + right


_VOCABULARY_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-case Cyrillic words (hyphenated compounds whole) of some texts."""
    words: set[str] = set()
    for text in texts:
        words.update(_VOCABULARY_WORD.findall(text.lower()))
    return words
