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
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from pipeline.extract.deadlines.timewords import MONTH_ANY, MONTH_GENITIVE
from pipeline.extract.grammar import inflect_words
from pipeline.extract.lexicon import ORG_NOUNS
from pipeline.nlp import parse as parse_word

TOKEN_RE = re.compile(
    r"«[^»]{1,80}»|\"[^\"]{1,80}\"|[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*\.?|\d+[\d.,/–-]*|[(),;:]"
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
TIME_WORDS = {
    "до",
    "в",
    "к",
    "не",
    "с",
    "со",
    "по",
    "на",
    "ежемесячно",
    "ежеквартально",
    "ежегодно",
}
TIME_AFTER = re.compile(
    rf"^(?:\d|срок|течение|теч\.|позднее|{MONTH_ANY}|{MONTH_GENITIVE}|квартал|полугоди|период"
    r"|конц|начал|двух|трех|трёх|недельн|месячн|дн(?:я|и|ей)?(?![а-яё])|т\.)",
    re.IGNORECASE,
)
# Heads that name someone who can act, besides animate nouns: organizations and their
# units, and the substantivized adjectives and participles that name a position.
ACTORS = ORG_NOUNS | {
    "группа",
    "орган",
    "лицо",
    "заведующий",
    "уполномоченный",
    "ответственный",
    "управляющий",
    "исполняющий",
    "дежурный",
    "председательствующий",
}
PREPOSITIONS = {"по", "при", "для", "в", "во", "на", "с", "со"}
DANGLING = {",", "и", "свыше", "более", "менее", "не", "с", "со", "в", "по", "на", "до", "от"}
# Verbs whose dative is a beneficiary, not an addressee ("Оказать помощь членам …").
BENEFIT_VERBS = {
    "установить",
    "оказать",
    "выплатить",
    "выделить",
    "предоставить",
    "объявить",
    "наградить",
    "вручить",
    "направить",
    "выдать",
    "перечислить",
    "поздравить",
    # the same verbs where the act orders a standing practice ("Предоставлять питание …")
    "устанавливать",
    "оказывать",
    "выплачивать",
    "выделять",
    "предоставлять",
    "объявлять",
    "награждать",
    "вручать",
    "направлять",
    "выдавать",
    "перечислять",
}


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    stop: int


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in TOKEN_RE.finditer(text):
        cut = unglue(m.group(0))
        if cut:  # "Заведующимотделениями": two words glued on a web copy
            out += [_Token(m.group(0)[:cut], m.start(), m.start() + cut)]
            out += [_Token(m.group(0)[cut:], m.start() + cut, m.end())]
        else:
            out.append(_Token(m.group(0), m.start(), m.end()))
    return out


def unglue(word: str) -> int | None:
    """Where two words glued into one ("жилищно-коммунальногохозяйства",
    "Заведующимотделениями", as web copies join them at a lost line break) come
    apart: the cut that leaves two dictionary words, the longer the shorter
    one; None for a word the dictionary knows or that does not split."""
    if len(word) < 8 or not word.isalpha() and "-" not in word or word[1:].lower() != word[1:]:
        return None
    if _parses(word)[0].is_known or "-" in word[-4:]:
        return None
    best, cut = 0, None
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left.endswith("-") or right.startswith("-") or "-" in right:
            continue
        if min(len(left), len(right)) <= best:
            continue
        first = _parses(left)[0]
        if {"Geox", "Name", "Surn", "Patr", "Abbr"} & set(
            str(first.tag).replace(" ", ",").split(",")
        ):
            continue  # "Кемьозерского": a place name compounded, not two words
        if first.is_known and _parses(right)[0].is_known:
            best, cut = min(len(left), len(right)), i
    return cut


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


class Spans:
    """Spans (start, stop) asked whether they cover a position, in log time:
    a directive may hold thousands of names to skip (a damaged file's
    "Иванов И.И." repeated 20 000 times took minutes with a scan per word)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        pairs = sorted(spans)
        self.starts = [a for a, _ in pairs]
        self.reach = list(accumulate((b for _, b in pairs), max))  # furthest stop so far

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and self.reach[i] > position


def _inside(tok: _Token, spans: Spans) -> bool:
    return spans.covers(tok.start)


def _lemma(p) -> str:
    """The dictionary form; for a participle its adjective form, not the verb."""
    if p.tag.POS == "PRTF":
        form = p.inflect({"nomn", "sing", "masc"})
        return form.word if form else p.word
    return p.normal_form


def _is_actor(word: str, case: str) -> bool:
    """Can the word head an addressee: someone or some unit that can act?"""
    for p in _parses(word):
        fits = p.tag.case == case and p.tag.POS in {"NOUN", "ADJF", "PRTF"}
        if fits and (_lemma(p) in ACTORS or "anim" in p.tag):
            return True
    return word.isupper() and len(word) > 1  # "ОМВД", "МКУ «…»"


def _starts_actor(tokens: list[_Token], k: int, case: str) -> bool:
    """Does a noun group in `case` that names an actor start at token k? Skips
    the agreeing adjectives to the noun ("Финансовому управлению")."""
    for n in range(k, min(k + 5, len(tokens))):
        word = tokens[n].text
        if _abbreviation(word) or word.startswith(("«", '"')):
            return n == k
        if _is_actor(word, case):
            return True
        if not _can_be(word, case, {"ADJF", "PRTF"}):
            return False
    return False


def _abbreviation(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2  # "ГК", "райОНО", "АХЧ"


def _same_case(a: str, b: str) -> bool:
    cases = {p.tag.case for p in _parses(a) if p.tag.POS in {"NOUN", "ADJF"}}
    return any(p.tag.case in cases for p in _parses(b) if p.tag.POS in {"NOUN", "ADJF"})


def _group(tokens: list[_Token], k: int, case: str, skip: Spans) -> list[list[str]]:
    """The noun group(s) in `case` starting at token k, as word lists."""
    groups: list[list[str]] = [[]]
    head = False
    n = k
    while n < len(tokens):
        tok = tokens[n]
        word = tok.text
        low = word.lower()
        nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
        if word == "(":
            close = next((m for m in range(n, len(tokens)) if tokens[m].text == ")"), len(tokens))
            inner = tokens[n + 1 : close]
            if head and inner and not any(_inside(t, skip) for t in inner) and len(inner) <= 6:
                groups[-1].append("(" + " ".join(t.text for t in inner) + ")")
            n = close + 1
            continue
        if _inside(tok, skip) or low in {"т.", "т.т.", "тт."}:
            n += 1
            continue
        if word in {";", ":", ")"} or _is_infinitive(word):
            break
        if word[0].isdigit():
            if head and re.fullmatch(r"\d+[–-]\d+", word) and _can_be(nxt, "gent", {"NOUN"}):
                groups[-1].append(word)  # "классным руководителям 1–11 классов"
                n += 1
                continue
            break
        if low in TIME_WORDS and TIME_AFTER.match(nxt) or low in {"ежемесячно", "ежеквартально"}:
            break
        if word == "," and head and (clause := _genitive_clause(tokens, n + 1, skip)):
            # "руководителям органов местного самоуправления, осуществляющих
            # управление в сфере образования": which organs, kept as printed
            groups[-1].extend([",", *clause])
            n += 1 + len(clause)
            continue
        if word == "," and head and (clause := _participle_clause(tokens, n + 1, case, skip)):
            # "профсоюзам, выходящим на ДР СОП," — a participle phrase that says
            # which ones belongs to the addressee, in the nominative.
            groups[-1].extend([",", *clause])
            n += 1 + len(clause)
            continue
        if word == "," or low == "и":
            # After a comma or "и": a new head in the same case opens another
            # addressee; a genitive, an abbreviation or a word in the case of the
            # one before continues this one ("управлению экономики и
            # предпринимательства", "ГК, РК, ОКП"); anything else (a participle
            # clause with a condition, an object) ends the group.
            prev = groups[-1][-1] if groups[-1] else ""
            new_head = _can_be(nxt, case, {"NOUN", "ADJF", "PRTF"}) and not _can_be(
                nxt, "gent", {"NOUN", "ADJF"}
            )
            if head and new_head and case == "datv" and _starts_actor(tokens, n + 1, case):
                groups.append([])
                head = False
                n += 1
                continue
            if not groups[-1]:
                n += 1
                continue
            joined = _abbreviation(nxt) and _abbreviation(prev)
            if low == "и" and _same_case(prev, nxt):
                joined = True
            if low == "и" and not joined:  # "по развитию инфраструктуры и жилищно-
                # коммунальному хозяйству": "и" joins to the noun the preposition governs
                g = groups[-1]
                at = max((i for i, w in enumerate(g) if w.lower() in PREPOSITIONS), default=-1)
                joined = 0 <= at < len(g) - 2 and _same_case(g[at + 1], nxt)
            if head and not joined and not _can_be(nxt, "gent", {"NOUN", "ADJF"}):
                break
        parses = _parses(word)
        adverb = parses and parses[0].tag.POS in {"ADVB", "GRND"} and not _abbreviation(word)
        if adverb and not word[:1].isupper():
            if not head and groups[-1] == []:
                n += 1  # "Материально ответственным лицам": an adverb inside the group
                groups[-1].append(word)
                continue
            break
        if head and parses and parses[0].tag.POS == "NOUN" and word[:1].islower():
            cases = {p.tag.case for p in parses if p.tag.POS == "NOUN"}
            if not _abbreviation(word) and not cases & {"gent", "datv", "ablt", "loct"}:
                prev = tokens[n - 1].text.lower()
                if prev not in {"по", "при", "с", "на", "в", "для", "от", "и", ","}:
                    break  # the verb's object ("информацию о …"), not the addressee
        groups[-1].append(word)
        if not head and (_abbreviation(word) or _is_actor(word, case)):
            # an adjective heads only when it stands for the noun ("Заведующему
            # практикой"), not before one ("Главную медицинскую сестру")
            noun = _can_be(word, case, {"NOUN"})
            head = noun or _abbreviation(word) or not _can_be(nxt, case, {"NOUN", "ADJF", "PRTF"})
        n += 1
    out = []
    for g in groups:
        while g and (g[-1] in DANGLING or g[-1].startswith("(")):
            g.pop()  # a group cut before a number: "… с численностью свыше"
        if g:
            out.append(g)
    return out


def _participle_clause(tokens: list[_Token], k: int, case: str, skip: Spans) -> list[str] | None:
    """The words of a participle phrase starting at token k and running to the
    next comma ("выходящим на ДР СОП"), its participle in the nominative; None
    when token k is no participle in `case`, or when the phrase holds a number:
    "насчитывающим свыше 5000 членов" is a condition on the addressee (the
    check stage reads it), not part of its name."""
    if k >= len(tokens):
        return None
    reading = next(
        (p for p in _parses(tokens[k].text) if p.tag.POS == "PRTF" and p.tag.case == case), None
    )
    if reading is None:
        return None
    after = _parses(tokens[k + 1].text) if k + 1 < len(tokens) else ()
    if (
        after
        and after[0].tag.POS == "NOUN"
        and any(
            p.tag.POS == "NOUN" and p.tag.case == case and p.tag.number == reading.tag.number
            for p in after
        )
    ):
        return None  # "управляющим организациям": an adjective of the next addressee
    stop = _phrase_end(tokens, k, skip)
    if stop is None:
        return None
    grammemes = {"nomn", "plur"} if reading.tag.number == "plur" else {"nomn", "sing"}
    if reading.tag.number != "plur" and reading.tag.gender:
        grammemes.add(reading.tag.gender)
    form = reading.inflect(grammemes)
    first = form.word if form else tokens[k].text
    return [first, *(t.text for t in tokens[k + 1 : stop])]


def _phrase_end(tokens: list[_Token], k: int, skip: Spans) -> int | None:
    """Where the participle phrase opened by token k ends: the comma, colon or
    bracket after it; None when it holds a number, a skipped span or the verb,
    or does not close before the verb."""
    stop = k + 1
    while stop < len(tokens) and tokens[stop].text not in {",", ";", ":", "(", ")"}:
        tok = tokens[stop]
        if tok.text[0].isdigit() or _inside(tok, skip) or _is_infinitive(tok.text):
            return None
        stop += 1
    if stop < len(tokens) and tokens[stop].text not in {",", ":", "("}:
        return None  # the phrase must close before the verb
    return stop


def _genitive_clause(tokens: list[_Token], k: int, skip: Spans) -> list[str] | None:
    """A participle phrase in the genitive plural that qualifies the genitive
    before it ("…, расположенных на территории поселения", "…, оказывающих
    первичную медико-санитарную помощь"), up to the comma, colon or bracket that
    ends it; None when token k is not such a participle, or the phrase holds a
    number or the verb."""
    if k >= len(tokens) or not any(
        p.tag.POS == "PRTF" and p.tag.case == "gent" and p.tag.number == "plur"
        for p in _parses(tokens[k].text)
    ):
        return None
    stop = _phrase_end(tokens, k, skip)
    if stop is None:
        return None
    return [t.text for t in tokens[k:stop]]


def _render(words: list[str], case: str) -> str:
    lead = 1 if words and _parses(words[0])[0].tag.POS == "ADVB" else 0  # "материально"
    words = words[:lead] + inflect_words(words[lead:], "nomn", case)
    text = " ".join(words)
    text = re.sub(r"\s+([,;:)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    first = words[0] if words else ""
    proper = any("Surn" in p.tag or "Name" in p.tag or "Geox" in p.tag for p in _parses(first))
    if first[:1].isupper() and not first.isupper() and not first.startswith(("«", '"')):
        text = text if proper else text[:1].lower() + text[1:]
    text = text.strip(" ,")
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and len(last) > 4:
        text = text[:-1]  # the sentence's full stop, not an abbreviation's ("г.")
    return text


def _control_target(text: str, skip: Spans) -> tuple[str, ...] | None:
    """ "Контроль … возложить на X", "Возложить ответственность за … на X": the
    last "на" after the verb that is followed by someone in the accusative."""
    verb = re.search(r"возлож\w*", text, re.IGNORECASE)
    if not verb or not re.search(r"контроль|ответственност", text, re.IGNORECASE):
        return None
    tokens = [t for t in _tokens(text) if t.start >= verb.end()]
    for k in range(len(tokens) - 1, -1, -1):
        at = tokens[k].text.lower() == "на" and k + 1 < len(tokens)
        if at and _starts_actor(tokens, k + 1, "accs"):  # "на постоянную комиссию по …"
            return _rendered(_group(tokens, k + 1, "accs", skip), "accs")[:1]
    return ()


def find_addressees(text: str, skip: list[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Addressees of one directive's text, in the nominative. `skip` holds the
    spans (relative to `text`) of persons and the deadline, left out."""
    skip = Spans(skip)
    control = _control_target(text, skip)
    if control is not None:
        return control
    tokens = _tokens(text[:500])
    if not tokens:
        return ()
    first = tokens[0].text.lower()
    if first in GOVERNING:
        return _rendered(_group(tokens, 1, GOVERNING[first], skip), GOVERNING[first])
    lead = text.rstrip().endswith(":")
    has_verb = lead or any(_is_infinitive(t.text) for t in tokens)
    k = 0
    while k < len(tokens) and (
        _inside(tokens[k], skip) or tokens[k].text.lower() in {"т.", "т.т."}
    ):
        k += 1
    opens = tokens[k].text.lower() if k < len(tokens) else ""
    if has_verb and opens and not _is_infinitive(opens) and opens not in PREPOSITIONS:
        # (a group after a preposition, "по каждому предмету", is no addressee)
        start = k + 1 if opens == "материально" else k
        for case in ("datv", "accs"):
            if _starts_actor(tokens, start, case):
                return _rendered(_group(tokens, k, case, skip), case)
    verb = next((t.text.lower() for t in tokens if _is_infinitive(t.text)), "")
    if verb in BENEFIT_VERBS:
        return ()
    for k, tok in enumerate(tokens):
        if _only_case(tok.text, "datv") and tok.text.lower().endswith(("ам", "ям")):
            if not _is_actor(tok.text, "datv"):
                continue
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
    cut = re.sub(r"\([^()]*\)", " ", cut)
    parts: list[str] = []
    for piece, sep in re.findall(r"([^;,\n]*?)(\s{2,}|[;,\n]|$)", cut):
        first = piece.split()[0] if piece.split() else ""
        if parts and parts[-1][1] == "," and first.islower() and _is_participle(first):
            # "Органы местного самоуправления, осуществляющие управление в сфере образования"
            parts[-1] = (f"{parts[-1][0]}, {piece.strip()}", sep)
        else:
            parts.append((piece, sep))
    out = []
    for part, _ in parts:
        part = re.sub(r"\([^)]*\)", "", part).strip(" .–—-")
        if part and re.search(r"[А-ЯЁа-яё]{3}", part):
            for one in _distribute(part):
                out.append(one[:1].lower() + one[1:] if not one.split()[0].isupper() else one)
    return tuple(out)


def _is_participle(word: str) -> bool:
    """A participle that opens a phrase ("осуществляющие …"), not one that names a
    position ("заведующие кафедрами")."""
    return any(
        p.tag.POS == "PRTF" and p.score > 0.1 and _lemma(p) not in ACTORS for p in _parses(word)
    )


# "администрации г. Мончегорска и г. Апатиты": one plural head, two places
_SHARED_HEAD_RE = re.compile(
    r"^(?P<head>[А-ЯЁа-яё]+)\s+(?P<a>(?P<unit>г\.|с\.|п\.|пос\.|д\.|ст-цы)\s*[А-ЯЁ][^\s,;]*)"
    r"\s+и\s+(?P<b>(?P=unit)\s*[А-ЯЁ][^\s,;]*)$"
)


def _distribute(part: str) -> list[str]:
    """A cell naming two bodies under one plural head ("администрации г. Мончегорска и
    г. Апатиты"): each body on its own, the head in the singular."""
    m = _SHARED_HEAD_RE.match(part)
    if not m:
        return [part]
    plural = next(
        (
            p
            for p in _parses(m["head"])
            if p.tag.POS == "NOUN"
            and p.tag.number == "plur"
            and p.tag.case == "nomn"
            and p.normal_form in ORG_NOUNS
        ),
        None,
    )
    single = plural.inflect({"nomn", "sing"}) if plural else None
    if single is None:
        return [part]
    head = single.word if m["head"].islower() else single.word.capitalize()
    return [f"{head} {m['a']}", f"{head} {m['b']}"]
