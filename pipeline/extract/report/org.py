"""Who reports: the organization (letterhead, signature, subject) and its size.

The letterhead stacks names like a decree's heading (ГОСТ Р 7.0.97-2016,
requisites 01-08), so the issuer rules compose it. The signature names the
organization in the genitive after the position ("Председатель Дагестанской
республиканской организации профсоюза …"); the subject may do the same
("Информация рескома профсоюза … о выполнении …").
"""

from __future__ import annotations

import re

from pipeline.extract.deadlines.timewords import MONTH_GENITIVE
from pipeline.extract.grammar import inflect_phrase
from pipeline.extract.issuer import CLUTTER_RE, compose_issuer, display_case
from pipeline.extract.lexicon import (
    INITIALS_FIRST_RE,
    INITIALS_NAME_RE,
    NUMBER_SIGN_BEFORE_DIGIT,
    POSITION_RE,
    ROLE_NOUNS,
    UNION_NOUNS,
    UNION_ORG_STEMS,
)
from pipeline.extract.lines import Line
from pipeline.extract.report.lexicon import (
    MEMBER_UNITS,
    MEMBERSHIP_CUE_RE,
    ORG_HEADS,
)
from pipeline.model import Figure, Signatory
from pipeline.nlp import lemma

_ROLE_WORDS = frozenset(
    {"и.о.", "и.о", "врио", "исполняющий", "обязанности", "временно", "первый", "ответственный"}
)
_NAME_AT_END_RE = re.compile(rf"(?:{INITIALS_NAME_RE.pattern})\s*$")
# Where a letterhead's name ends: an address, the outgoing number or date, also when
# they stand on the name's next line in one cell ("… РФ\n27 сентября 2023 г. № 201").
_CUT_RE = re.compile(
    r"\s*(?:\d{6}|\bисх\b|\d{1,2}\.\d{2}\.\d{2,4}|,\s*(?:г\.|ул\.)"
    rf"|«?\d{{1,2}}»?\s+{MONTH_GENITIVE}\s+\d{{4}}|(?<![А-ЯЁа-яё]){NUMBER_SIGN_BEFORE_DIGIT}"
    r"|\bот\s+«?\d)",
    re.I,
)
_EXECUTOR_RE = re.compile(r"^\s*(?:исп\.|исполнитель|тел\.|e-?mail)", re.I)
_COMMITTEE_RE = re.compile(
    r"^(?:[А-ЯЁа-яё]+\s+)?(?:комитет|президиум|профком|совет)\s+(?P<org>[А-ЯЁа-яё]+\s+"
    r"(?:[А-ЯЁа-яё]+\s+)?организации\b.*)$",
    re.I,
)
SIGNATURE_SCAN = 14  # lines from the end in which the signature stands


def _is_org_name(name: str) -> bool:
    words = re.findall(r"[А-ЯЁа-яё]+", name)
    return "«" in name or any(lemma(w.lower()) in ORG_HEADS for w in words)


def _restore_abbreviations(name: str, source: str) -> str:
    """ "… здравоохранения Рф" -> "… РФ": short capitals the source printed as capitals."""
    caps = set(re.findall(r"(?<![А-ЯЁA-Zа-яё])[А-ЯЁA-Z]{2,5}(?![А-ЯЁA-Zа-яё])", source))
    return re.sub(
        r"(?<![А-ЯЁа-яё])[А-ЯЁ][а-яё]{1,4}(?![А-ЯЁа-яё])",
        lambda m: m.group().upper() if m.group().upper() in caps else m.group(),
        name,
    )


def letterhead_org(pieces: list[str]) -> str | None:
    """The organization from the letterhead lines (addressee and requisites removed)."""
    kept = []
    for piece in pieces:
        cut = next(  # a cut outside quotes: "МБОУ «СОШ № 5»" keeps its number
            (
                m
                for m in _CUT_RE.finditer(piece)
                if piece.count("«", 0, m.start()) <= piece.count("»", 0, m.start())
            ),
            None,
        )
        piece = piece[: cut.start()] if cut else piece
        clutter = CLUTTER_RE.search(piece)
        piece = piece[: clutter.start()] if clutter else piece
        piece = piece.strip(" ,;")
        if kept and re.match(r"(?:и|по|при|для|в)\s", piece, re.I):
            kept[-1] = f"{kept[-1]} {piece}"  # "… УЧРЕЖДЕНИЙ / И ОБЩЕСТВЕННОГО ОБСЛУЖИВАНИЯ"
        elif piece and len(piece) <= 200:
            kept.append(piece)
    name = compose_issuer(kept) if kept else None
    if not name or not _is_org_name(name):
        return None
    committee = _COMMITTEE_RE.match(name)
    if committee:  # "Республиканский комитет Дагестанской … организации": the organization
        name = org_from_genitive(committee.group("org")) or name
    name = _with_parent(name, kept)
    return _restore_abbreviations(name, " ".join(kept))


def _with_parent(name: str, pieces: list[str]) -> str:
    """ "… городская организация профсоюза" under "РОССИЙСКИЙ ПРОФСОЮЗ РАБОТНИКОВ
    КУЛЬТУРЫ": the bare "профсоюза" is that union, named in full."""
    last = re.search(r"([А-ЯЁа-яё]+)\s*$", name)
    if not last or lemma(last.group(1).lower()) not in UNION_NOUNS:
        return name
    for piece in pieces:
        words = piece.split()
        head = next((w for w in words if lemma(w.lower()) in UNION_NOUNS), None)
        if head and len(words) > 1 and not re.search(r"организаци", piece, re.I):
            full = inflect_phrase(display_case(piece), "gent", "nomn")
            return name[: last.start(1)] + full[:1].upper() + full[1:]
    return name


def org_from_genitive(phrase: str, case: str | None = "gent") -> str | None:
    """ "рескома профсоюза работников культуры РД" -> "Реском профсоюза работников культуры РД"."""
    phrase = " ".join(phrase.split()).strip(" ,:;–—-")
    if not phrase or not re.match(r"[А-ЯЁа-яё«]", phrase):
        return None
    name = inflect_phrase(phrase, "nomn", case)
    name = name[:1].upper() + name[1:]
    return name if _is_org_name(name) else None


def strip_position(position: str) -> str:
    """The words after the position head: "Председатель рескома …" -> "рескома …"."""
    words = position.split()
    k = 0
    while k < len(words):
        word = words[k].strip(",").lower()
        lem = lemma(word) if word.isalpha() else word
        if word in _ROLE_WORDS or lem in ROLE_NOUNS or lem in _ROLE_WORDS:
            k += 1
            continue
        break
    return " ".join(words[k:])


def read_signature(text: str, lines: list[Line]) -> tuple[Signatory | None, int]:
    """The signature at the end of a letter: (signatory, index of its first line);
    (None, len(lines)) when there is none."""
    first = max(0, len(lines) - SIGNATURE_SCAN)
    for i in range(len(lines) - 1, first - 1, -1):
        s = " ".join(lines[i].cell_texts(text)) if lines[i].table is not None else None
        line = s if s is not None else lines[i].text(text)
        if _EXECUTOR_RE.match(line):
            continue  # "Исп.: Курбанова П.М., тел. …" under the signature
        m = _NAME_AT_END_RE.search(line)
        if not m or len(line) > 250 or line.rstrip().endswith((".", ";")) and m.start() > 60:
            continue
        name = " ".join(m.group().split())
        parts = [line[: m.start()]]
        top = i
        for j in range(i, max(first, i - 4) - 1, -1):
            chunk = parts[0] if j == i else lines[j].text(text)
            if j != i:
                if len(chunk) > 160 or chunk.rstrip().endswith((".", ":", ";", "!")):
                    break
                parts.insert(0, chunk)
            if POSITION_RE.match(chunk.strip()):
                top = j
                position = " ".join(" ".join(parts).split()).strip(" _\t")
                return Signatory(position or None, name), top
        if not _NAME_AT_END_RE.fullmatch(line.strip()) and not INITIALS_FIRST_RE.match(
            line.strip()
        ):
            continue
        return Signatory(None, name), i
    return None, len(lines)


def find_members(text: str, figures: tuple[Figure, ...]) -> Figure | None:
    """The membership figure: a count of members or persons after a cue such as
    "на учёте состоит", "объединяет", "численность" in the same sentence."""
    for figure in figures:
        if figure.unit not in MEMBER_UNITS or figure.per is not None or figure.start is None:
            continue
        head = text[max(0, figure.start - 120) : figure.start]
        head = re.split(r"[.!?;\n]\s", head)[-1]
        if MEMBERSHIP_CUE_RE.search(head):
            return figure
        if re.search(rf"{UNION_ORG_STEMS}\w*[^()]{{0,80}}\($", head):
            return figure  # "Каспийская городская организация профсоюза (415 членов, …)"
        tail = text[figure.stop : figure.stop + 60]
        if re.match(r"[^.;\n]{0,40}?(?:состо\w+\s+на\s+уч[её]те|объединен\w*)", tail):
            return figure
    return None
