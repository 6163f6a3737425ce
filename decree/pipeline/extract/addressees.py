"""Who a directive addresses: the dative (or accusative) group around the verb.

"Руководителям членских организаций повысить …" -> "руководители членских
организаций"; "Поручить отделу кадров подготовить …" -> "отдел кадров";
"Обязать директоров школ …" -> "директора школ"; "Создать аккаунты …
профсоюзным организациям, насчитывающим …" -> "профсоюзные организации".
"""

from __future__ import annotations

import re

from decree.nlp import morph

WORD_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*|[.,;:()«»\"]")
# Verbs that take the addressee after them, and the case they govern.
GOVERNING = {
    "поручить": "datv",
    "рекомендовать": "datv",
    "предложить": "datv",
    "разрешить": "datv",
    "предоставить": "datv",
    "обязать": "accs",
    "просить": "accs",
}
# Heads that name someone who can act.
ACTORS = {
    "организация",
    "руководитель",
    "председатель",
    "отдел",
    "комитет",
    "профсоюз",
    "управление",
    "администрация",
    "директор",
    "заместитель",
    "рескома",
    "реском",
    "профком",
    "организатор",
    "служба",
    "центр",
    "учреждение",
    "кафедра",
    "факультет",
    "деканат",
    "декан",
    "заведующий",
    "начальник",
    "секретарь",
    "бухгалтерия",
    "работник",
    "сотрудник",
    "учитель",
    "преподаватель",
    "повар",
    "врач",
    "глава",
    "совет",
    "департамент",
    "министерство",
    "аппарат",
    "сектор",
    "школа",
    "колледж",
    "университет",
    "институт",
    "ректор",
    "проректор",
    "комиссия",
    "штаб",
    "бюро",
    "правление",
    "федерация",
    "объединение",
    "член",
    "специалист",
    "инспектор",
    "бухгалтер",
    "классный",
    "воспитатель",
}


def _parses(word: str):
    return morph().parse(word)


def _case_parse(word: str, case: str, pos: set[str]):
    for p in _parses(word):
        if p.tag.case == case and p.tag.POS in pos:
            return p
    return None


def _is_infinitive(word: str) -> bool:
    return any(p.tag.POS == "INFN" and p.score > 0.1 for p in _parses(word.lower()))


def _to_nominative(words: list[str], case: str) -> str:
    """Inflect the head group (adjectives up to the first noun in `case`) to the
    nominative, keep the rest as printed."""
    out: list[str] = []
    head_done = False
    for k, word in enumerate(words):
        if not head_done and re.match(r"[А-ЯЁа-яё]", word):
            p = _case_parse(word.lower(), case, {"ADJF", "PRTF", "NOUN", "NUMR"})
            if p is not None:
                form = p.inflect({"nomn"} | ({"plur"} if p.tag.number == "plur" else set()))
                new = form.word if form else word.lower()
                if word[:1].isupper() and (k > 0 or "Surn" in p.tag or "Name" in p.tag):
                    new = new.capitalize()
                out.append(new)
                if p.tag.POS == "NOUN":
                    head_done = True
                continue
            head_done = True
        out.append(word)
    text = " ".join(out)
    text = re.sub(r"\s+([.,;:)»\"])", r"\1", text)
    text = re.sub(r"([(«])\s+", r"\1", text)
    return text


def _split_parts(tokens: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for tok in tokens:
        if tok == "," or tok.lower() == "и":
            parts.append([])
        else:
            parts[-1].append(tok)
    merged: list[list[str]] = []
    for part in parts:
        if not part:
            continue
        first = part[0].lower()
        is_clause = any(p.tag.POS in {"PRTF", "PRTS"} for p in _parses(first)[:1])
        if merged and (is_clause or first in {"в", "на", "по", "с", "за", "при"}):
            merged[-1] = merged[-1] + [","] + part
        else:
            merged.append(part)
    return merged


def _phrase(tokens: list[str], case: str) -> list[str]:
    return [_to_nominative(part, case) for part in _split_parts(tokens) if part]


def _actor_group(tokens: list[str], case: str) -> tuple[int, int] | None:
    """Span of the first group in `case` whose head names an actor."""
    for i, tok in enumerate(tokens):
        p = _case_parse(tok.lower(), case, {"NOUN"})
        if p is None or p.normal_form not in ACTORS:
            continue
        a = i
        while a > 0 and _case_parse(tokens[a - 1].lower(), case, {"ADJF", "PRTF"}):
            a -= 1
        b = i + 1
        while b < len(tokens) and tokens[b] not in {",", ";", ".", ":", "("}:
            if _is_infinitive(tokens[b]) or tokens[b].lower() in {"в", "на", "по", "с", "для"}:
                break
            nxt = _parses(tokens[b].lower())[0]
            if tokens[b].isupper() or nxt.tag.case == "gent" or nxt.tag.POS in {"CONJ"}:
                b += 1
                continue
            break
        return a, b
    return None


def find_addressees(text: str) -> tuple[str, ...]:
    """Addressees of one directive, in the nominative."""
    tokens = WORD_RE.findall(text[:400])
    if not tokens:
        return ()
    first = tokens[0].lower()
    if first in GOVERNING:
        case = GOVERNING[first]
        rest = tokens[1:]
        end = next((k for k, t in enumerate(rest) if _is_infinitive(t)), None)
        if end:
            return tuple(_phrase(rest[:end], case))
        span = _actor_group(rest, case)
        return tuple(_phrase(rest[span[0] : span[1]], case)) if span else ()
    if not _is_infinitive(tokens[0]):
        end = next((k for k, t in enumerate(tokens) if _is_infinitive(t)), None)
        if end and _case_parse(first, "datv", {"NOUN", "ADJF", "PRTF"}) is not None:
            return tuple(_phrase(tokens[:end], "datv"))
        if end is None or tokens[0][:1].isupper() and tokens[0].isupper():
            if end:
                return tuple(_phrase(tokens[:end], "datv"))
    span = _actor_group(tokens, "datv")
    if span:
        return tuple(_phrase(tokens[span[0] : span[1]], "datv"))
    return ()
