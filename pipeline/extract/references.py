"""Other acts a text cites: "постановления Президиума ДР СОП от 15.08.2023 № 22-3",
"Федеральный закон от 12.01.1996 № 10-ФЗ «О профессиональных союзах, …»", a decree
cited only by its title, a named document ("Концепция информационной политики ФНПР").

A reference needs a document-type word and at least one of: a date after "от", a
number after "№"/"N"/"в„–", a title in quotes, or (named documents) an abbreviation
such as ФНПР/РФ closing the name. The same act cited twice is listed once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.deadlines.timewords import MONTH_GENITIVE, YEAR_SUFFIX
from pipeline.extract.grammar import inflect_phrase
from pipeline.extract.lexicon import DOCUMENT_TYPES, NUMBER_SIGN_BEFORE_DIGIT
from pipeline.extract.regions import genitive_pattern, nominative
from pipeline.model import Reference
from pipeline.nlp import parse as parse_word

_DOC_RE = re.compile(
    r"(?<![а-яёА-ЯЁ])(?:"
    + "|".join(f"(?P<t{i}>{forms})" for i, (_, _, forms) in enumerate(DOCUMENT_TYPES))
    + r")(?![а-яё])",
    re.IGNORECASE,
)
_DATE = (
    r"(?:(?P<d>\d{1,2})\s?\.\s?(?P<m>\d{1,2})\s?\.\s?(?P<y>\d{4}|\d{2})(?!\d)"
    rf"|«?(?P<wd>\d{{1,2}})»?\s+(?P<wm>{MONTH_GENITIVE})\s+(?P<wy>\d{{4}}))"
    rf"(?:\s*{YEAR_SUFFIX})?"
)
_FROM_DATE_RE = re.compile(r"\s*,?\s*от\s+" + _DATE, re.IGNORECASE)
_FROM_SLASH_RE = re.compile(r"\s*от\s+(?P<num>\d+/\d+)(?![\d./])")
_NUMBER_RE = re.compile(
    rf"\s*,?\s*{NUMBER_SIGN_BEFORE_DIGIT}\s*"
    r"(?P<num>[0-9A-Za-zА-Яа-яЁё](?:[0-9A-Za-zА-Яа-яЁё/\-–]|\.(?=[0-9A-Za-zА-Яа-яЁё])"
    r"|(?<=[-–])[ \n](?=[0-9A-ZА-ЯЁ]{2}|\d))*)"  # "№ 10-\nФЗ", "№ 10- ФЗ": a wrapped line
)
_TITLE_RE = re.compile(
    r"\s*,?\s*(?:«(?P<t1>[А-ЯЁA-Z](?:[^«»]|«[^«»]*»){2,400})»"
    r"|\"(?P<t2>[А-ЯЁA-Z](?:[^\"\n]|\n(?!\s*\n)){2,400})\"|[“„](?P<t3>[А-ЯЁA-Z][^“”„]{2,400})[”“])"
)
_GAP = r"(?:[ \t\xa0]+|[ \t\xa0]*\n[ \t\xa0]*)"  # spaces, or one line break
_TOKEN_RE = re.compile(rf",?{_GAP}(?P<w>«[^«»\n]{{1,80}}»|[^\s\d,;:()«»\"“”„№][^\s,;:()«»\"“”„№]*)")
_YEARS_RE = re.compile(r"\s+на\s+\d{4}\s*(?:[-–—]\s*\d{4}\s+годы|год)")
_SANPIN_RE = re.compile(r"СанПиН\s+(?P<num>\d[\d./\-–]*\d)")
_NAMED_TYPES = ("устав", "концепция", "коллективный договор")
# The minutes that record a decision dated before: "от 30.08.2023 (протокол № 1)"
_MINUTES_RE = re.compile(r"\s*\(\s*протокол\s+(?:№|N)\s*(?P<num>[\w./-]+?)\s*\)", re.IGNORECASE)
# A municipality's name in the nominative after "муниципального образования"
_MUNICIPALITY_RE = re.compile(
    r"[А-ЯЁ][а-яё-]+(?:\s+[а-яё-]+){0,2}\s+(?:сельское|городское)\s+поселение(?![а-яё])"
    r"|[А-ЯЁ][а-яё-]+\s+(?:муниципальный\s+)?(?:район|округ)(?![а-яё])"
)
_CHAIN_RE = re.compile(rf"\s*(?:,|и)\s*(?=от\s|{NUMBER_SIGN_BEFORE_DIGIT})")
# A word or two in brackets inside an issuer's name: "(губернатора)", "(Якутия)".
_ASIDE_RE = re.compile(r"[ \t\xa0]*\([А-ЯЁа-яё][А-ЯЁа-яё \-]{0,40}\)")
_SELF = re.compile(r"(?:настоящ|данн|это)[а-яё]*\s+$", re.IGNORECASE)


@cache
def _code_re() -> re.Pattern[str]:
    """A code by its name: "Трудовой кодекс РФ", "Земельный кодекс Республики Татарстан"
    (the federation or any federal subject after the name)."""
    return re.compile(
        r"(?<![а-яёА-ЯЁ])(?P<adj>[А-ЯЁ][а-яё]+(?:ый|ой|ий|ого|ому|ым|ом|ого))\s+"
        r"(?P<doc>кодекс(?:а|у|ом|е)?)(?![а-яё])"
        rf"(?P<tail>\s+(?:РФ|России|Российской\s+Федерации|{genitive_pattern()}))?"
    )


@cache
def _region_re() -> re.Pattern[str]:
    """A federal subject's genitive as the next words of an issuer."""
    return re.compile(rf"{_GAP}{genitive_pattern()}(?![А-ЯЁа-яё])")


def _iso(m: re.Match) -> str | None:
    found = parse_date(m.group(0))
    return found.isoformat() if found else None


def _nominative(phrase: str) -> str:
    """Leading adjectives and the head noun of a noun group in the nominative:
    "Президиума ДР СОП" -> "Президиум ДР СОП", "Трудовым кодексом РФ" -> "Трудовой кодекс РФ";
    a federal subject by its name ("Курганской области" -> "Курганская область")."""
    return nominative(phrase) or inflect_phrase(" ".join(phrase.split()), "nomn")


def _descriptive(issuer: str) -> bool:
    first = issuer.split()[0]
    return first.islower() and any(p.tag.POS == "ADJF" for p in parse_word(first)[:1])


def _doc_type(m: re.Match) -> str:
    return next(DOCUMENT_TYPES[i][0] for i in range(len(DOCUMENT_TYPES)) if m[f"t{i}"])


# A regional law's number ends in "ОЗ" (областной закон) after the convocation's
# Roman numeral ("№ 486/112-V-ОЗ"); OCR reads the letters as the digits "03".
_LAW_SUFFIX_READ = re.compile(r"(?<=[IVX]-)(?:0|О)(?:3|З)$")


def _requisites(text: str, cur: int) -> tuple[dict, int]:
    """date, number and title starting at `cur`, in any order; the dict is empty if none."""
    found: dict = {}
    while True:
        if "date" not in found and (m := _FROM_DATE_RE.match(text, cur)):
            found["date"] = _iso(m)
        elif (
            "number" not in found and "date" not in found and (m := _FROM_SLASH_RE.match(text, cur))
        ):
            found["number"] = m["num"]
        elif "number" not in found and (m := _NUMBER_RE.match(text, cur)):
            number = re.sub(r"\s", "", m["num"]).rstrip("-–/.")
            found["number"] = _LAW_SUFFIX_READ.sub("ОЗ", number)  # "…-V-03"
        elif (
            "title" not in found and (m := _TITLE_RE.match(text, cur)) and (found or _act_title(m))
        ):
            found["title"] = " ".join((m["t1"] or m["t2"] or m["t3"]).split())
        else:
            return found, cur
        cur = m.end()


def _verbal(word: str) -> bool:
    parse = parse_word(word.lower())[0]
    return parse.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND", "PREP", "CONJ", "PRCL")


def _act_title(m: re.Match) -> bool:
    """An act's title ("О мерах …"), not a quoted name («город Кизляр»)."""
    return bool(re.match(r"Об?\s|Об", m["t1"] or m["t2"] or m["t3"]))


def _issuer(text: str, cur: int) -> tuple[str | None, int] | None:
    """The words between the document type and its requisites (None if none), and where
    the requisites start; None when no requisites follow within fourteen words."""
    start = cur
    for _ in range(15):
        if _requisites(text, cur)[0]:
            words = text[start:cur].split()
            if words and words[0].lower().startswith("заседани"):
                words = words[1:]
            return (_nominative(" ".join(words)) if words else None), cur
        region = _region_re().match(text, cur)
        if region:  # one step, parentheses and all: "Республики Саха (Якутия)"
            cur = region.end()
            continue
        aside = _ASIDE_RE.match(text, cur)
        if aside and cur > start:  # "главы администрации (губернатора) Краснодарского края"
            cur = aside.end()
            continue
        t = _TOKEN_RE.match(text, cur)
        if not t or t["w"].lower() == "от" or re.search(r"[а-яё]{4}\.$", t["w"]):
            return None  # no requisites, or the sentence ended
        inner = cur > start and t["w"] in ("по", "при")  # "врача по Белгородской области"
        inner = inner or t["w"].isupper() and len(t["w"]) > 1  # "ЗАТО Северск", not "зато"
        if _DOC_RE.fullmatch(t["w"]) or (t["w"] != "и" and not inner and _verbal(t["w"])):
            return None  # another act ("… и Положением …"), a clause ("утверждённым …")
        cur = t.end()
    return None


def _named(text: str, m: re.Match, doc_type: str) -> tuple[str, int, str | None] | None:
    """A document cited by name: "Концепция информационной политики ФНПР", "Уставом
    городского округа «город Кизляр»", "коллективного договора АО «…» на 2021–2023 годы"."""
    if doc_type not in _NAMED_TYPES or (doc_type == "концепция" and m.group().islower()):
        return None
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    if line.count("«") > line.count("»"):
        return None  # inside a quoted name: «Лучший коллективный договор …»
    cur, stop, abbr = m.end(), None, []
    for _ in range(8):
        t = _TOKEN_RE.match(text, cur)
        if not t or t.group().startswith(","):
            break
        w, cur = t["w"], t.end()
        if w.startswith("«"):
            abbr += [w] if abbr else []  # "АО «Каспийский завод точной механики»"
            years = _YEARS_RE.match(text, cur)
            stop = years.end() if years else cur
            break
        if w[:1].isupper() and text[m.start() : t.start()].rstrip().endswith("образования"):
            # "Уставом муниципального образования Громовское сельское поселение"
            named = _MUNICIPALITY_RE.match(text, t.start("w"))
            if named:
                cur = stop = named.end()
                continue
        if re.fullmatch(r"[А-ЯЁ]{2,}", w):
            abbr.append(w)
        elif (
            abbr
            or _verbal(w)
            or not any(
                p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF")
                for p in parse_word(w.lower())
            )
        ):
            break
        stop = cur
    if stop is None or (doc_type == "концепция" and not abbr):
        return None  # a concept only with its author: "Концепция … ФНПР"
    return _nominative(" ".join(text[m.start() : stop].split())), stop, " ".join(abbr) or None


def find_references(text: str, exclude: tuple[int, int] | None = None) -> tuple[Reference, ...]:
    """Acts cited in `text`, once each, in order of first citation. `exclude` is the span
    of the document's own header: nothing that starts inside it is a reference."""
    refs: list[Reference] = []
    taken: list[tuple[int, int]] = []

    def add(ref: Reference) -> None:
        if exclude and exclude[0] <= (ref.start or 0) < exclude[1]:
            return
        refs.append(ref)
        taken.append((ref.start or 0, ref.stop or 0))

    for m in _SANPIN_RE.finditer(text):
        t = _TITLE_RE.match(text, m.end())
        title = " ".join((t["t1"] or t["t2"] or t["t3"]).split()) if t else None
        stop = t.end() if t else m.end()
        add(
            Reference(
                "санпин", None, None, m["num"], title, text[m.start() : stop], m.start(), stop
            )
        )
    for m in _code_re().finditer(text):
        title = _nominative(" ".join(m.group().split()))
        add(Reference("кодекс", None, None, None, title, m.group(), m.start(), m.end()))
    for m in _DOC_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or _SELF.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        doc_type = _doc_type(m)
        head = _issuer(text, m.end())
        if head is None:
            named = _named(text, m, doc_type)
            if named:
                title, stop, issuer = named
                add(Reference(doc_type, issuer, None, None, title, text[m.start() : stop],
                              m.start(), stop))  # fmt: skip
            continue
        issuer, cur = head
        if issuer and re.match(r"(?:о|об|по|в|на|для)\s", issuer):
            continue  # "Положение о … «…»": an untitled name, not an issuer
        start = m.start()
        while True:
            found, stop = _requisites(text, cur)
            if not found or not (found.get("date") or found.get("number") or found.get("title")):
                break
            if not (found.get("date") or found.get("number")) and issuer and _descriptive(issuer):
                issuer = None  # "программы профориентационных мероприятий «…»"
            number = found.get("number")
            minutes = _MINUTES_RE.match(text, stop) if found.get("date") and not number else None
            if minutes:  # "решения педагогического совета от 30.08.2023 (протокол № 1)"
                number, stop = minutes["num"], minutes.end()
            add(Reference(doc_type, issuer, found.get("date"), number,
                          found.get("title"), text[start:stop], start, stop))  # fmt: skip
            chain = _CHAIN_RE.match(text, stop)
            if not chain:
                break
            start = cur = chain.end()
    return _dedupe(refs)


def _key(ref: Reference) -> tuple:
    if ref.date or ref.number:
        return (ref.doc_type, ref.date, ref.number)
    return (ref.doc_type, (ref.title or "").casefold())


def _dedupe(refs: list[Reference]) -> tuple[Reference, ...]:
    out: dict[tuple, Reference] = {}
    for ref in sorted(refs, key=lambda r: r.start or 0):
        key = _key(ref)
        if key in out:
            old = out[key]
            out[key] = replace(old, issuer=old.issuer or ref.issuer, title=old.title or ref.title)
        else:
            out[key] = ref
    return tuple(out.values())
