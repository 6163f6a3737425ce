"""How a gold value and a printed value are compared: normal forms and keys."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any


def norm(value: Any) -> str:
    s = str(value or "").casefold().replace("ё", "е")
    s = re.sub(r"[«»\"“”„']", "", s)
    s = re.sub(r"\s*([-/.])\s*", r"\1", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    return s


def similar(a: Any, b: Any, ratio: float) -> bool:
    return SequenceMatcher(None, norm(a), norm(b)).ratio() >= ratio


# One name, two spellings: the full and the short form count as the same words.
NAME_VARIANTS = (
    (re.compile(r"российск\w* федераци\w*"), "рф"),
    (re.compile(r"профессиональн\w* союз\w*"), "профсоюз"),
)


def lemmas(s: str) -> frozenset[str]:
    from pipeline.nlp import lemma

    s = norm(s)
    for regex, short in NAME_VARIANTS:
        s = regex.sub(short, s)
    return frozenset(lemma(w) for w in re.findall(r"\w+", s))


_PLACE_UNIT = re.compile(r"^(?:г\.|город|с\.|село|пос\.|п\.)\s*")


def same_header_field(name: str, gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = norm(gold), norm(pred)
    if g == p:
        return True
    if name == "issuer":
        # Heads of the same body are named in full or in part ("Президиум
        # Федерации профсоюзов РД" / "Президиум Союза организаций профсоюзов
        # «Федерация профсоюзов РД»"): one name must hold the other's words and
        # most of its own.
        a, b = lemmas(g), lemmas(p)
        small, large = sorted((a, b), key=len)
        return bool(small) and small <= large and len(small) / len(large) >= 0.6
    if name == "place":
        return _PLACE_UNIT.sub("", g) == _PLACE_UNIT.sub("", p)
    if name == "title":
        return similar(g, p, 0.9)
    return False


def person_key(name: str) -> tuple[str, ...]:
    tokens = re.findall(r"[А-ЯЁA-Z][а-яёa-z\-]+|[А-ЯЁA-Z](?=\.)|[а-яё]+", name or "")
    return tuple(sorted(t.casefold().replace("ё", "е") for t in tokens))


def same_signatory(gold: dict | None, pred: dict | None) -> bool:
    """The same person (surname and initials, in any order) in the same position."""
    if not gold or not pred:
        return not gold and not pred
    if person_key(gold.get("name") or "") != person_key(pred.get("name") or ""):
        return False
    return lemmas(gold.get("position") or "") == lemmas(pred.get("position") or "")


UNIT_SYNONYMS = {"рубль": "руб", "руб": "руб", "р": "руб", "чел": "человек", "°с": "°c"}


def figure_key(f: dict[str, Any]) -> tuple:
    unit = norm(f.get("unit")).replace(" ", "").rstrip(".")
    unit = UNIT_SYNONYMS.get(unit, unit)
    value = round(float(f.get("value") or 0), 4)
    per = f.get("per")
    return (value, unit, round(float(per), 4) if per is not None else None)


def reference_key(r: dict[str, Any]) -> tuple:
    if r.get("number"):
        return (r.get("date"), norm(r["number"]).replace(" ", ""))
    return (None, norm(r.get("title") or r.get("doc_type")))


def url_key(u: str) -> str:
    u = norm(u)
    u = re.sub(r"^https?://", "", u)
    return re.sub(r"^www\.", "", u).rstrip("/")


def deadline_key(item_id: str, deadline: dict[str, Any]) -> tuple:
    """(id, kind, date): a date deadline is right only with its date; periodic,
    permanent and event deadlines carry no date and are right by their kind."""
    kind = deadline.get("kind")
    return (item_id, kind, deadline.get("date") if kind == "date" else None)
