"""The federal subjects of the Russian Federation as data (`data/regions.tsv`):
their names, genitives ("Закон Курганской области", "Кодекс Республики Татарстан")
and customary abbreviations ("Республики Дагестан" -> "РД").

    load_regions()      the 89 subjects, read once
    genitive_pattern()  a regex fragment: any subject's genitive as printed
    abbreviate(text)    each genitive in `text` replaced by its abbreviation, where one is in use
    nominative(text)    the name of the subject whose genitive `text` is
    region_nouns()      the nouns of the names ("дагестан", "москва", "югра")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Region:
    """A federal subject. `abbreviation` is None where none is customary."""

    name: str
    genitive: str
    abbreviation: str | None


@cache
def load_regions() -> tuple[Region, ...]:
    """The subjects in the order of the Constitution (art. 65), read once."""
    data = files("pipeline.extract").joinpath("data/regions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]
    return tuple(Region(name, genitive, abbr or None) for name, genitive, abbr in rows[1:])


def _parts(name: str) -> tuple[str, str, str]:
    """(main, parenthesized, after the dash): "Республика Саха (Якутия)" -> main
    "Республика Саха", "Якутия", ""."""
    main, _, tail = name.partition(" — ")
    main, _, paren = main.partition(" (")
    return main, paren.rstrip(")"), tail


def _printed(name: str) -> str:
    """A regex for a name as acts print it: any spacing and dash, the part after the
    dash or in parentheses optional ("Кемеровской области — Кузбасса", "Кемеровской
    области"), a federal city with "города", "г." or neither ("города Москвы", "Москвы")."""
    main, paren, tail = _parts(name)
    city = re.match(r"города\s+", main)
    if city:
        main = main[city.end() :]
    out = r"\s+".join(re.escape(word) for word in main.split())
    if city:
        out = r"(?:(?:города|г\.)\s*)?" + out
    if paren:
        out += r"(?:\s*\(" + re.escape(paren) + r"\))?"
    if tail:
        out += r"(?:\s*[-–—]\s*" + re.escape(tail) + ")?"
    return out


@cache
def genitive_pattern() -> str:
    """A regex fragment (no flags) that matches any subject's genitive as printed."""
    names = sorted((r.genitive for r in load_regions()), key=len, reverse=True)
    return "(?:" + "|".join(_printed(n) for n in names) + ")"


@cache
def _genitives() -> re.Pattern[str]:
    groups = "|".join(f"(?P<r{i}>{_printed(r.genitive)})" for i, r in enumerate(load_regions()))
    return re.compile(rf"(?<![А-ЯЁа-яё-])(?:{groups})(?![А-ЯЁа-яё])", re.IGNORECASE)


def _region(m: re.Match[str]) -> Region:
    return load_regions()[int((m.lastgroup or "r0")[1:])]


def abbreviate(text: str) -> str:
    """ "… организация профсоюза Республики Татарстан" -> "… организация профсоюза РТ";
    a subject with no customary abbreviation is left as printed."""
    return _genitives().sub(lambda m: _region(m).abbreviation or m.group(), text)


def nominative(genitive: str) -> str | None:
    """The subject's name when `genitive` is a subject's genitive and nothing else,
    with the parts the text printed: "Ханты-Мансийского автономного округа — Югры" ->
    "Ханты-Мансийский автономный округ — Югра", "Кемеровской области" -> "Кемеровская
    область", "Санкт-Петербурга" -> "Санкт-Петербург"; None for any other text."""
    printed = " ".join(genitive.split())
    m = _genitives().fullmatch(printed)
    if not m:
        return None
    region = _region(m)
    main, paren, tail = _parts(region.name)
    printed_tail = _parts(region.genitive)[2]
    if main.startswith("город ") and not re.match(r"(?:города|г\.)", printed, re.I):
        main = main.removeprefix("город ")
    if paren and "(" in printed:
        main += f" ({paren})"
    if tail and re.search(rf"[-–—]\s*{re.escape(printed_tail)}$", printed, re.I):
        main += f" — {tail}"
    return main


@cache
def region_nouns() -> frozenset[str]:
    """The proper nouns of the subjects' names, lower case: "дагестан", "осетия",
    "москва", "кузбасс"; the adjectives ("Курганская") and generic words are left out."""
    generic = {"республика", "область", "край", "округ", "город"}
    found = set()
    for region in load_regions():
        for word in re.findall(r"[А-ЯЁ][А-ЯЁа-яё-]*", region.name):
            low = word.lower()
            if low not in generic and not low.endswith(("ая", "ий", "ый", "ой")):
                found.add(low)
    return frozenset(found)
