"""Who a directive addresses: the noun group in the dative (or accusative)
that the operative verb governs, in the nominative.

    "Руководителям членских организаций повысить …"   -> руководители членских организаций
    "Поручить отделу кадров (Иванова И.И.) подготовить" -> отдел кадров
    "Заместителя главного врача Абакарову З.М. обеспечить" (ОБЯЗЫВАЮ) -> заместитель главного врача
    "Контроль … возложить на заместителя главы администрации Х." -> заместитель главы администрации

Persons, parenthetical names and deadline phrases are left out of the group:
persons are the directive's `responsible`, deadlines its `deadline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decree.nlp import parse as parse_word
from decree.pipeline.extract.grammar import inflect_words

TOKEN_RE = re.compile(
    r"«[^»]{1,80}»|\"[^\"]{1,80}\"|[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*\.?|\d+[\d.,/-]*|[(),;:]"
)
GOVERNING = {
    "поручить": "datv",
    "рекомендовать": "datv",
    "предложить": "datv",
    "разрешить": "datv",
    "обязать": "accs",
    "просить": "accs",
}
# Words that open a time phrase: the group ends before them.
TIME_WORDS = {"до", "в", "к", "не", "с", "со", "по", "ежемесячно", "ежеквартально", "ежегодно"}
TIME_AFTER = re.compile(
    r"^(?:\d|срок|течение|теч\.|позднее|январ|феврал|март|апрел|ма[йя]|июн|июл|август"
    r"|сентябр|октябр|ноябр|декабр|квартал|полугоди|период|конц|начал|двух|трех|трёх|недельн"
    r"|месячн|дн|т\.)",
    re.IGNORECASE,
)
CONTROL_ON_RE = re.compile(
    r"(?:возложить|возлагается|возложен\w*)\s+(?:на\s+)?(?:[^.]*?\s)?на\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    stop: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _parses(word: str):
    return parse_word(word.strip(".").lower())


def _is_infinitive(word: str) -> bool:
    return any(p.tag.POS == "INFN" and p.score > 0.1 for p in _parses(word))


def _can_be(word: str, case: str, pos: set[str]) -> bool:
    return any(p.tag.case == case and p.tag.POS in pos for p in _parses(word))


def _only_case(word: str, case: str) -> bool:
    """Every noun reading of the word is in `case` ("организациям")."""
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.case == case for p in nouns)


def _inside(tok: _Token, spans: list[tuple[int, int]]) -> bool:
    return any(a <= tok.start < b for a, b in spans)


def _group(tokens: list[_Token], k: int, case: str, skip: list[tuple[int, int]]) -> list[list[str]]:
    """The noun group(s) in `case` starting at token k, as word lists."""
    groups: list[list[str]] = [[]]
    depth = 0
    head = False
    for n in range(k, len(tokens)):
        tok = tokens[n]
        word = tok.text
        low = word.lower()
        if depth or word == "(":
            depth += (word == "(") - (word == ")")
            continue
        if _inside(tok, skip) or low in {"т.", "т.т.", "тт."}:
            continue
        if word in {";", ":"} or _is_infinitive(word) or word[0].isdigit():
            break
        nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
        if low in TIME_WORDS and TIME_AFTER.match(nxt) or low in {"ежемесячно", "ежеквартально"}:
            break
        if word in {",", "и"} or low == "и":
            after = tokens[n + 1].text if n + 1 < len(tokens) else ""
            new_head = _can_be(after, case, {"NOUN", "ADJF", "PRTF"}) and not _can_be(
                after, "gent", {"NOUN", "ADJF"}
            )
            if head and new_head and case == "datv":
                groups.append([])
                head = False
                continue
            if word == "," and not groups[-1]:
                continue
        parses = _parses(word)
        if parses and parses[0].tag.POS in {"ADVB", "GRND"} and not word[:1].isupper():
            break
        if head and parses and parses[0].tag.POS == "NOUN" and word[:1].islower():
            cases = {p.tag.case for p in parses if p.tag.POS == "NOUN"}
            if not cases & {"gent", "datv", "ablt", "loct"} and groups[-1][-1] not in {",", "и"}:
                prev = tokens[n - 1].text.lower()
                if prev not in {"по", "при", "с", "на", "в", "для", "от", "и"}:
                    break  # the verb's object ("информацию о …"), not the addressee
        groups[-1].append(word)
        if not head and _can_be(word, case, {"NOUN"}):
            head = True
    out = []
    for g in groups:
        while g and g[-1] in {",", "и"}:
            g.pop()
        if g:
            out.append(g)
    return out


def _render(words: list[str], case: str) -> str:
    words = inflect_words(words, "nomn", case)
    text = " ".join(words)
    text = re.sub(r"\s+([,;:)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    first = words[0] if words else ""
    proper = any("Surn" in p.tag or "Name" in p.tag or "Geox" in p.tag for p in _parses(first))
    if first[:1].isupper() and not first.isupper() and not first.startswith(("«", '"')):
        text = text if proper else text[:1].lower() + text[1:]
    return text.strip(" ,")


def find_addressees(text: str, skip: list[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Addressees of one directive's text, in the nominative. `skip` holds the
    spans (relative to `text`) of persons and the deadline, left out."""
    skip = list(skip)
    control = CONTROL_ON_RE.search(text)
    if control and re.search(r"контроль|ответственность", text, re.IGNORECASE):
        rest = control.start("rest")
        tokens = [t for t in _tokens(text) if t.start >= rest]
        groups = _group(tokens, 0, "accs", skip)
        return tuple(_render(g, "accs") for g in groups[:1])
    tokens = _tokens(text[:500])
    if not tokens:
        return ()
    first = tokens[0].text.lower()
    if first in GOVERNING:
        return _rendered(_group(tokens, 1, GOVERNING[first], skip), GOVERNING[first])
    has_verb = any(_is_infinitive(t.text) for t in tokens)
    if has_verb and not _is_infinitive(tokens[0].text):
        for case in ("datv", "accs"):
            if _can_be(tokens[0].text, case, {"NOUN", "ADJF", "PRTF"}) or tokens[0].text.isupper():
                return _rendered(_group(tokens, 0, case, skip), case)
    for k, tok in enumerate(tokens):
        if _only_case(tok.text, "datv") and tok.text.lower().endswith(("ам", "ям")):
            a = k
            while a > 0 and _can_be(tokens[a - 1].text, "datv", {"ADJF", "PRTF"}):
                a -= 1
            return _rendered(_group(tokens, a, "datv", skip), "datv")
    return ()


def _rendered(groups: list[list[str]], case: str) -> tuple[str, ...]:
    return tuple(r for r in (_render(g, case) for g in groups) if r)


def split_cell(text: str, persons: list[tuple[int, int]]) -> tuple[str, ...]:
    """Addressees in a plan table's "Ответственный" cell: the parts that are not
    persons, as printed ("Отдел культуры, отдел молодёжной политики")."""
    cut = text
    for a, b in sorted(persons, reverse=True):
        cut = cut[:a] + " ; " + cut[b:]
    parts = re.split(r"[;,\n]|\s{2,}", cut)
    out = []
    for part in parts:
        part = re.sub(r"\([^)]*\)", "", part).strip(" .–—-")
        if part and re.search(r"[А-ЯЁа-яё]{3}", part):
            out.append(part[:1].lower() + part[1:] if not part.split()[0].isupper() else part)
    return tuple(out)
