"""Russian personal names: the nominative (normal) form and inflection.

Inflection goes through pytrovich (petrovich rules, shipped inside the wheel).
Normalization is analysis by synthesis: for every reading (gender x case) each
word's candidate nominatives are inflected back with pytrovich and kept only
when they reproduce the printed word; the reading whose parts all agree scores
best. Ties break by the context case hint, then nominative, then the male
dative reading ("Иванову Н.И." -> "Иванов Н.И." unless a governing word such as
"назначить" says accusative), then genitive, accusative, instrumental,
prepositional.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from pipeline.nlp import morph
from pipeline.nlp import parse as parse_word

CASES = ("nomn", "datv", "gent", "accs", "ablt", "loct")


def words(line: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(line.split())


_PARTICLES = words("оглы кызы гызы улы уулу")
# Caucasian first names that pymorphy may not know; the female ones in a consonant
# are indeclinable.
FEMALE_NAMES = words(
    "патимат зайнаб хадижат написат айшат аминат асият барият загидат жавгарат сакинат "
    "муслимат умукусум салихат шамсият маржанат халимат разият издаг меседу хамис "
    "марьям гульнара заира мадина камила диана зарема саида эльмира гюльнара"
)
MALE_NAMES = words(
    "абдулкадыр магомед гаджимурад гаджи шамиль расул ахмед абдулла гасан гусейн омар "
    "курбан арсен муртазали магомедрасул сайгид ибрагим ислам мурад рамазан камиль "
    "тимур заур руслан гамзат алибек магомедали абдулмаджид нурмагомед хабиб саид "
    "исмаил али алигаджи абакар арслан курбанали газимагомед гаджимагомед магомедгаджи "
    "абдурахман ахмедхан шахбан зайнудин джамалудин сулейман"
)
_MALE_PATR = re.compile(r"(?:вич|ьич|[лкмн]ич)$")
_FEMALE_PATR = re.compile(r"(?:вна|ична)$")
PATRONYMIC_RE = re.compile(
    r"(?:вич|ьич|[лкмн]ич)(?:а|у|ем|ом|е)?$|(?:вн|ичн)(?:а|ы|е|у|ой|ою)$", re.IGNORECASE
)
# Endings a nominative surname of that gender does not have.
_BAD_LAST = {
    "m": tuple(
        words(
            "у ю ы ым ом ем ого его ому ему им овой евой ёвой иной ыной ской цкой ова ева ёва "
            "ина ына ая яя овый евый ёвый иный ыный"
        )
    ),
    "f": tuple(words("у ю ы ой ою ую ым им ом ем ого ему ому ов ев ёв ин ын ий ый ска цка")),
}
_BAD_FIRST = ("у", "ю", "ом", "ем", "ой", "ою", "ею")
_NOM_ENDINGS = ("", "а", "я", "й", "ь", "ий", "ый", "ой", "ая", "яя", "о", "ец", "ел", "ев", "ек")
_INITIAL_TOKEN = re.compile(r"[A-ZА-ЯЁ]\.?$")
_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*\.?")


@dataclass(frozen=True)
class NameAnalysis:
    """The best reading of a printed name."""

    normal: str
    surname: str | None  # nominative, lower case
    initials: tuple[str, ...]  # first letters of first name and patronymic
    gender: str | None  # "m" | "f"
    case: str | None
    ambiguous: bool  # another reading gives another normal with the same score
    full: bool  # first name printed in full


@lru_cache(maxsize=1)
def _maker():
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=65536)
def decline(word: str, part: str, gender: str, case: str) -> str:
    """One nominative name part ("last" | "first" | "patr") in `case`, by pytrovich rules.
    Female first names in a consonant (Патимат, Зайнаб) stay as they are."""
    if case == "nomn" or not word or (part == "patr" and " " in word):  # "Гасан оглы" stays
        return word
    if part == "first" and "-" in word:  # "Юнус-Бек" -> "Юнус-Бека": the last part declines
        lead, last = word.rsplit("-", 1)
        return f"{lead}-{decline(last, part, gender, case)}"
    from pytrovich.enums import Case, Gender, NamePart

    cases = dict(zip(CASES[1:], (Case.DATIVE, Case.GENITIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL,
                                 Case.PREPOSITIONAL), strict=True))  # fmt: skip
    parts = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "patr": NamePart.MIDDLENAME}
    sex = Gender.MALE if gender == "m" else Gender.FEMALE
    return _maker().make(parts[part], sex, cases[case], word)


@lru_cache(maxsize=8192)
def first_name_gender(word: str) -> str | None:
    """ "m", "f", "mf" for a known first name in any case form, None if unknown."""
    low = word.lower()
    if low in FEMALE_NAMES:
        return "f"
    if low in MALE_NAMES:
        return "m"
    genders = {g for _, g in _name_nominatives(low)}
    if len(genders) > 1:
        return "mf"
    return genders.pop() if genders else None


@lru_cache(maxsize=8192)
def _name_nominatives(word: str) -> frozenset[tuple[str, str]]:
    """(nominative, gender) pairs pymorphy or the lexicon knows for a first-name form."""
    low = word.lower()
    out = {(low, g) for g, names in (("f", FEMALE_NAMES), ("m", MALE_NAMES)) if low in names}
    for p in parse_word(low) if morph().word_is_known(low) else ():
        if "Name" in p.tag and "plur" not in p.tag:
            both = "ms-f" in p.tag
            out |= {
                (form, g)
                for g, t in (("m", "masc"), ("f", "femn"))
                if both or t in p.tag
                # "Пётр" is printed "Петр" as often as not
                for form in {p.normal_form, p.normal_form.replace("ё", "е")}
            }
    return frozenset(out)


def _looks_nominative(word: str, part: str, gender: str) -> bool:
    if part == "patr":
        return bool((_MALE_PATR if gender == "m" else _FEMALE_PATR).search(word))
    if part == "first":
        known = _name_nominatives(word)
        if known:
            return (word, gender) in known
        return not word.endswith(_BAD_FIRST)
    if len(word) <= 3 and word.endswith(("им", "ым")):
        return True  # "Ким", "Мим": no instrumental of an adjective surname ("Горьким")
    return not word.endswith(_BAD_LAST[gender])


def _bonus(cand: str, word: str, part: str, gender: str, case: str) -> float:
    if part == "first":
        return 0.5 if (cand, gender) in _name_nominatives(cand) else 0.0
    if part == "last":
        sex = "masc" if gender == "m" else "femn"
        for p in parse_word(word):
            if "Surn" in p.tag and p.tag.gender == sex and p.tag.case == case:
                return 0.25
    return 0.0


@lru_cache(maxsize=65536)
def _best_nominative(word: str, part: str, gender: str, case: str) -> tuple[str, float] | None:
    """The best nominative of one lower-case word for a reading, with its score."""
    if part == "patr" and " " in word:  # "гасан оглы" / "гасан кызы"
        male = word.endswith(("оглы", "улы", "уулу"))
        return (word, 2.0) if gender == ("m" if male else "f") else None
    if "-" in word:
        pieces = [_best_nominative(w, part, gender, case) for w in word.split("-")]
        if any(p is None for p in pieces):
            return None
        return "-".join(p[0] for p in pieces), min(p[1] for p in pieces)  # type: ignore[index]
    best: tuple[str, float] | None = None
    cands = dict.fromkeys(word[: len(word) - k] + end for k in range(min(4, len(word)))
                          for end in _NOM_ENDINGS)  # fmt: skip
    for cand in cands:
        if decline(cand, part, gender, case) == word and _looks_nominative(cand, part, gender):
            score = 2.0 if (cand != word or case == "nomn") else 1.0
            score += _bonus(cand, word, part, gender, case)
            if best is None or score > best[1]:
                best = (cand, score)
    return best


def _split(words: str) -> tuple[list[str], list[str]]:
    """Words and initials (letters) of a printed name."""
    names, initials = [], []
    for tok in _TOKEN_RE.findall(words):
        if _INITIAL_TOKEN.match(tok):
            initials.append(tok[0].upper())
        else:
            names.append(tok.rstrip("."))
    return names, initials


def _layouts(names: list[str]) -> list[list[str]]:
    """Possible assignments of parts ("last", "first", "patr") to the words."""
    low = [w.lower() for w in names]
    n = len(low)
    if n >= 2 and " " in low[-1]:  # "... Гасан оглы" joined into one part
        return [["last", "first", "patr"][-n:]] if n <= 3 else []
    if n == 1:
        return [["last"]]
    patr = [i for i, w in enumerate(low) if PATRONYMIC_RE.search(w)]
    if n == 3:
        if 2 in patr:
            return [["last", "first", "patr"]]
        if 1 in patr:
            return [["first", "patr", "last"]]
        return [["last", "first", "patr"]]
    if n == 2:
        if 1 in patr and first_name_gender(low[0]):
            return [["first", "patr"]]
        return [["last", "first"], ["first", "last"]]
    return []


def _cap(word: str) -> str:
    return " ".join(
        w if w in _PARTICLES else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for w in word.split(" ")
    )


def analyze_name(words: str, case_hint: str | Iterable[str] | None = None) -> NameAnalysis | None:
    """The best reading of a printed name, or None when no reading fits. case_hint: the case
    (or cases) the context asks for; a reading in one of them gets a bonus."""
    hints = {case_hint} if isinstance(case_hint, str) else set(case_hint or ())
    names, initials = _split(words)
    if not names:
        return None
    low = [w.lower() for w in names]
    if low[-1] in _PARTICLES and len(low) >= 2:  # join "Гасан оглы" into one part
        low = low[:-2] + [low[-2] + " " + low[-1]]
    readings = []
    for layout, gender, case in product(_layouts(low), ("m", "f"), CASES):
        parts = []
        for word, part in zip(low, layout, strict=True):
            best = _best_nominative(word, part, gender, case)
            if best is None:
                break
            parts.append((part, best[0], best[1]))
        else:
            score = sum(p[2] for p in parts) + (1.0 if case in hints else 0.0)
            order = (CASES.index(case), 0 if gender == "m" else 1)
            readings.append((-score, order, layout, gender, case, parts))
    if not readings:
        return None
    readings.sort(key=lambda r: (r[0], r[1]))
    _, _, layout, gender, case, parts = readings[0]
    by_part = {p: nom for p, nom, _ in parts}
    surname = by_part.get("last")
    first, patr = by_part.get("first"), by_part.get("patr")
    if first:
        normal = " ".join(_cap(w) for w in (surname, first, patr) if w)
        inits = tuple(w[0].upper() for w in (first, patr) if w)
    else:
        normal = _cap(surname or "") + (
            " " + "".join(i + "." for i in initials) if initials else ""
        )
        inits = tuple(initials)
    others = {
        tuple(sorted((p, n) for p, n, _ in r[5])) for r in readings[1:] if r[0] == readings[0][0]
    }
    ambiguous = bool(others - {tuple(sorted((p, n) for p, n, _ in parts))})
    return NameAnalysis(normal, surname, inits, gender, case, ambiguous, bool(first))


def normalize_name(words: str, case_hint: str | Iterable[str] | None = None) -> str:
    """The nominative of a printed name, surname first: "Алиеву Зайнаб Гасановну" ->
    "Алиева Зайнаб Гасановна", "Н.И. Смеловой" -> "Смелова Н.И.". case_hint is the case the
    context asks for ("datv", "accs", …); it decides readings such as "Иванову Н.И."."""
    result = analyze_name(words, case_hint)
    return result.normal if result else " ".join(words.split())


def name_gender(normal: str) -> str:
    """ "m" or "f" for a nominative name: patronymic, then first name, then surname ending
    (male when unknowable, e.g. "Акопян Н.И.")."""
    names, _ = _split(normal)
    low = [w.lower() for w in names]
    if low and low[-1] in _PARTICLES:
        return "f" if low[-1] in ("кызы", "гызы") else "m"
    for w in low[1:]:
        if _FEMALE_PATR.search(w):
            return "f"
        if _MALE_PATR.search(w):
            return "m"
    for w in low[1:] + low[:1]:
        g = first_name_gender(w)
        if g in ("m", "f") and (w, g) in _name_nominatives(w):
            return g
    return "f" if low and low[0].endswith(("ова", "ева", "ёва", "ина", "ына", "ая", "яя")) else "m"


def inflect_name(normal: str, case: str) -> str:
    """A nominative name ("Фамилия Имя Отчество", "Фамилия И.О." or "И.О. Фамилия") in `case`
    ("gent", "datv", "accs", "ablt", "loct"; "nomn" returns it unchanged)."""
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}: use one of {', '.join(CASES)}")
    gender = name_gender(normal)
    tokens = normal.split()
    is_word = [not re.fullmatch(r"(?:[A-ZА-ЯЁ]\.?)+", t) for t in tokens]
    n_words = sum(is_word)
    if n_words >= 2 and tokens[-1].lower() in _PARTICLES:  # "Гасан оглы" stays as it is
        n_words -= 2
        is_word[-2:] = [False, False]
    parts = iter(["last"] if n_words == 1 else ["last", "first", "patr"])
    return " ".join(
        decline(tok, next(parts), gender, case) if word else tok
        for tok, word in zip(tokens, is_word, strict=True)
    )
