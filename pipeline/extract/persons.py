"""Named persons in a decree or report.

Rules find the forms NER misses ("Смеловой Н.И.", "Н.И. Смеловой", "т. Иванову", two
names in one cell, oblique full names, "(Терентьева Е.В.)"); natasha's PER spans add
the remaining full names ("Иван Петров"). Every name is normalized to the nominative
(see names.py), with a case hint from the governing word or the role in front of it.
Mentions of one person (other case, initials vs full name) are merged on the surname
stem plus initials and listed once, in order of first mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.extract.lexicon import DOCUMENT_TYPES, ORG_NOUNS, ROLE_NOUNS
from pipeline.extract.names import (
    PATRONYMIC_RE,
    NameAnalysis,
    analyze_name,
    first_name_gender,
    words,
)
from pipeline.extract.regions import region_nouns
from pipeline.model import Person
from pipeline.nlp import lemma, morph
from pipeline.nlp import parse as parse_word

_U, _L = "А-ЯЁ", "а-яё"
_WORD = rf"[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?"
_SP = "[ \xa0]"
_INITS = rf"[{_U}]\.(?:{_SP}?[{_U}](?:\.|(?![{_L}{_U}])))?"
_INITS_DOT = rf"[{_U}]\.(?:{_SP}?[{_U}]\.)?"
_SI_RE = re.compile(
    rf"(?<![{_U}{_L}\-.])(?P<sur>{_WORD})(?:{_SP}{{1,2}}|{_SP}?\n{_SP}?)(?P<ini>{_INITS})(?![{_L}])"
)
_IS_RE = re.compile(rf"(?<![{_U}{_L}.])(?P<ini>{_INITS_DOT}){_SP}?(?P<sur>{_WORD})(?![{_L}])")
_COMRADE_RE = re.compile(rf"(?<![{_U}{_L}])(?:т|тов)\.{_SP}?(?P<sur>{_WORD})(?![{_L}])")
_PARTICLES = ("оглы", "кызы", "гызы", "улы")
_CELL_RE = re.compile(r"[\t│┃║|├┤┼─═]")
_RUN_RE = re.compile(rf"{_WORD}(?:(?:{_SP}+|{_SP}*\n{_SP}*)(?:{_WORD}|{'|'.join(_PARTICLES)}))+")
_TOKEN_RE = re.compile(rf"{_WORD}|{'|'.join(_PARTICLES)}")
_SURNAME_RE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ск|цк|ян|янц|дзе|швили|енко|ук|юк|их|ых)"
    r"(?:а|у|ым|ой|ою|ую|ого|ому|им|ая|ий|ый|ом|е)?$"
)
_ROLE_MODIFIERS = words(
    "главный ведущий старший младший ответственный технический исполнительный первый "
    "генеральный социальный учёный медицинский"
)
# Capitalized words next to initials that are never a surname.
_PLACE_WORDS = words("россия республика область край район город")
_DOCUMENT_PARTS = words("приложение пункт статья")


@cache
def _stop_words() -> frozenset[str]:
    return (
        _PLACE_WORDS
        | _DOCUMENT_PARTS
        | ORG_NOUNS
        | frozenset(name for name, _, _ in DOCUMENT_TYPES)
        | region_nouns()
    )


_PREP_CASE = {
    "на": "accs", "в": "accs", "за": "accs", "про": "accs", "через": "accs",
    "от": "gent", "у": "gent", "для": "gent", "без": "gent", "из": "gent", "до": "gent",
    "после": "gent", "кроме": "gent", "к": "datv", "по": "datv", "с": "ablt", "со": "ablt",
    "над": "ablt", "под": "ablt", "перед": "ablt", "между": "ablt", "о": "loct", "об": "loct",
    "при": "loct",
}  # fmt: skip
_DATV_WORDS = words(
    "поручить поручать рекомендовать предложить объявить выразить вручить предоставить "
    "выплатить оказать разрешить указать присвоить выдать передать установить поставить "
    "вынести выделить запретить помочь сообщить благодарность выговор замечание порицание "
    "премия помощь поручение"
)
_ACCS_WORDS = words(
    "назначить обязать наградить утвердить освободить избрать поощрить премировать уволить "
    "принять включить ввести вывести кооптировать считать признать делегировать командировать "
    "направить заслушать привлечь перевести зачислить исключить отметить наделить уполномочить "
    "определить"
)


@dataclass
class _Mention:
    start: int
    stop: int
    analysis: NameAnalysis
    role: str | None


@lru_cache(maxsize=16384)
def _parses(word: str) -> tuple:
    return tuple(parse_word(word))


@lru_cache(maxsize=16384)
def _role_lemma(word: str) -> str | None:
    """The role word's dictionary form ("заведующей" -> "заведующий"), None if not a role."""
    return next((lem for p in _parses(word) if (lem := _role_lemma_of(p))), None)


def _role_lemma_of(p) -> str | None:
    if p.normal_form in ROLE_NOUNS or p.normal_form in _ROLE_MODIFIERS:
        return p.normal_form
    if p.tag.POS in ("PRTF", "ADJF"):
        masc = p.inflect({"masc", "sing", "nomn"})
        if masc and (masc.word in ROLE_NOUNS or masc.word in _ROLE_MODIFIERS):
            return masc.word
    return None


def _is_name_like(word: str) -> bool:
    return any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in _parses(word))


def _surname_ok(word: str) -> bool:
    if _is_name_like(word):
        return True
    lem = lemma(word)
    if lem in _stop_words() or lem in ROLE_NOUNS or lem in _ROLE_MODIFIERS:
        return False
    parses = _parses(word)
    if any({"Geox", "Orgn", "Abbr"} & p.tag.grammemes for p in parses):
        return False
    if morph().word_is_known(word):
        return parses[0].tag.POS in ("NOUN", "ADJF")
    return True


# Initials after these name a street or an institution, not a person: "ул. М. Горького".
_NAMED_AFTER = re.compile(
    r"(?:ул\.|улиц[аеыу]|пр\.|пр-т|проспект\w*|пер\.|переул\w*|пл\.|площад\w*|б-р|бульвар\w*"
    r"|им\.|имени)\s*$",
    re.IGNORECASE,
)


def _initialled_ok(word: str, text: str, start: int) -> bool:
    """A capitalized word next to initials is a surname unless it is a common word
    of the genre or the initials name a street or an institution. Dictionary
    readings do not count against it: Ситников, Лозовая, Горький are surnames."""
    if _NAMED_AFTER.search(text[max(0, start - 12) : start]):
        return False
    if _surname_ok(word):
        return True
    lem = lemma(word)
    if lem in _stop_words() or lem in ROLE_NOUNS or lem in _ROLE_MODIFIERS:
        return False
    parses = _parses(word)
    if all("Geox" in p.tag for p in parses) and not _SURNAME_RE.search(word.lower()):
        return False  # a place only ("Махачкала", "Казань"); but "Лозовая" is a surname too
    return not any({"Abbr", "Orgn"} & p.tag.grammemes for p in parses)


def _strong_surname(word: str) -> bool:
    return _surname_ok(word) and (
        any("Surn" in p.tag for p in _parses(word)) or bool(_SURNAME_RE.search(word.lower()))
    )


def _is_first_name(word: str) -> bool:
    return first_name_gender(word) is not None


# -- candidates -----------------------------------------------------------------


def _rule_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "Фамилия И.О.", "И.О. Фамилия" and "т. Фамилия" mentions."""
    cands = [(m.start(), m.end(), "si", m) for m in _SI_RE.finditer(text)
             if _initialled_ok(m["sur"], text, m.start())]  # fmt: skip
    cands += [(m.start(), m.end(), "is", m) for m in _IS_RE.finditer(text)
              if _initialled_ok(m["sur"], text, m.start())]  # fmt: skip
    cands += [(m.start("sur"), m.end(), "t", m) for m in _COMRADE_RE.finditer(text)
              if _strong_surname(m["sur"])]  # fmt: skip
    cands.sort(key=lambda c: (c[0], c[2] == "t"))
    # next_is[i]: where the first "И.О. Фамилия" candidate at or after i starts
    # (one pass from the end instead of a scan of the rest per candidate).
    next_is = [len(text)] * (len(cands) + 1)
    for i in range(len(cands) - 1, -1, -1):
        next_is[i] = cands[i][0] if cands[i][2] == "is" else next_is[i + 1]
    out: list[tuple[int, int]] = []
    for i, (start, stop, kind, m) in enumerate(cands):
        if out and start < out[-1][1]:
            continue
        weak = morph().word_is_known(m["sur"]) and not _is_name_like(m["sur"])
        if kind == "si" and weak and next_is[i + 1] < stop:
            continue  # "Глава администрации А.А. Иванов": the initials belong to Иванов
        out.append((start, stop))
    return out


def _run_spans(text: str) -> list[tuple[int, int]]:
    """Full names: runs of capitalized words with a patronymic, or first name + surname."""
    out = []
    for run in _RUN_RE.finditer(text):
        toks = list(_TOKEN_RE.finditer(run.group()))
        ws = [t.group() for t in toks]
        used = [False] * len(ws)
        groups = []
        for i, w in enumerate(ws):
            if i == 0 or used[i] or len(w) < 6 or not PATRONYMIC_RE.search(w):
                continue
            if not (_is_first_name(ws[i - 1]) or not morph().word_is_known(ws[i - 1])):
                continue
            end = i + 1 if i + 1 < len(ws) and ws[i + 1] in _PARTICLES else i
            if i >= 2 and not used[i - 2] and _surname_ok(ws[i - 2]):
                groups.append((i - 2, end))  # Фамилия Имя Отчество
            elif end + 1 < len(ws) and _surname_ok(ws[end + 1]):
                groups.append((i - 1, end + 1))  # Имя Отчество Фамилия
            else:
                continue
            used[groups[-1][0] : groups[-1][1] + 1] = [True] * (groups[-1][1] - groups[-1][0] + 1)
        for i in range(len(ws) - 1):
            a, b = ws[i], ws[i + 1]
            if used[i] or used[i + 1]:
                continue
            if (_is_first_name(a) and _strong_surname(b)) or (
                _strong_surname(a) and _is_first_name(b) and not _is_first_name(a)
            ):
                groups.append((i, i + 1))
                used[i] = used[i + 1] = True
        base = run.start()
        out += [(base + toks[a].start(), base + toks[b].end()) for a, b in groups]
    return out


def _ner_ok(chunk: str) -> bool:
    ws = _TOKEN_RE.findall(chunk)
    if len(ws) not in (2, 3) or len(chunk.split()) != len(ws):
        return False
    if not any(_is_first_name(w) or PATRONYMIC_RE.search(w) for w in ws):
        return False
    return all(_surname_ok(w) or _is_first_name(w) for w in ws)


# -- context: role and case hint ------------------------------------------------------


def _role_words(segment: str) -> tuple[int, list[re.Match]] | None:
    segment = re.sub(r"«[^«»\n]*»", lambda m: "q" * len(m.group()), segment)
    toks = list(re.finditer(r"[\w№-]+", segment))[-12:]
    for j, tok in enumerate(toks):
        if _role_lemma(tok.group()) not in ROLE_NOUNS:
            continue
        tags = [_parses(t.group())[0].tag for t in toks[j:]]
        if any({"VERB", "INFN", "GRND"} & set(tag.grammemes) for tag in tags):
            continue
        if any("CONJ" in tag and not _joins_genitives(tags, k) for k, tag in enumerate(tags)):
            continue  # "директору и Петрову": the role is another's
        while j > 0 and _role_lemma(toks[j - 1].group()) in _ROLE_MODIFIERS:
            j -= 1
        return j, toks
    return None


def _joins_genitives(tags: list, k: int) -> bool:
    """Does the conjunction at k join two genitives of the role's name ("заместителю
    министра образования и науки", "управления хозяйства и благоустройства")?"""
    return 0 < k < len(tags) - 1 and all(
        tags[i].case == "gent" and tags[i].POS in {"NOUN", "ADJF"} for i in (k - 1, k + 1)
    )


def _normal_role(role: str) -> tuple[str, frozenset[str]]:
    """The role in the nominative ("Повару школы" -> "повар школы") and the cases it may have."""
    role = " ".join(role.split()).strip(" -–—:")
    last = re.split(r"\s[–—-]\s", role)[-1]  # "председатель комиссии – директор гимназии"
    if last != role and (found := _role_words(last)) and found[0] == 0:
        role = last
    words = role.split()
    parsed = []
    for word in words:
        parses = [p for p in _parses(word) if _role_lemma_of(p)]
        if not parses:
            break
        parsed.append(parses)
        if _role_lemma_of(parses[0]) in ROLE_NOUNS:
            break
    if not parsed or _role_lemma_of(parsed[-1][0]) not in ROLE_NOUNS:
        return role, frozenset()
    heads = [p for p in parsed[-1] if p.tag.number != "plur"] or parsed[-1]
    head = heads[0]
    cases = frozenset(p.tag.case for p in heads if p.tag.case)
    if "nomn" in cases:
        return role, frozenset({"nomn"})
    want = {"nomn", "sing"}  # one person: "председателям" -> "председатель"
    if head.tag.number != "plur" and head.tag.gender:
        want.add(head.tag.gender)
    for i, parses in enumerate(parsed):
        parse = next((p for p in parses if p.tag.case == head.tag.case), parses[0])
        new = parse.inflect(want if i < len(parsed) - 1 else {"nomn", "sing"})
        words[i] = new.word if new else words[i]
    return " ".join(words), cases


def _governed_case(before: str, after_role: bool) -> frozenset[str]:
    """The case the last word of `before` asks of a name: "на" -> accs, "поручить" -> datv."""
    if re.search(r"\S\s+[–—-]\s*$", before):
        return frozenset({"nomn"})  # "д. Шалеевщина – Мухина Т.П.": who it is, named
    prev = re.findall(r"[\w-]+", before)
    word = prev[-1].lower() if prev else ""
    if not word:
        return frozenset()
    lem = lemma(word)
    if word in _PREP_CASE:
        return frozenset({_PREP_CASE[word]})
    if lem in _DATV_WORDS or lem in _ACCS_WORDS:
        return frozenset({"datv" if lem in _DATV_WORDS else "accs"})
    tag = _parses(word)[0].tag
    if not after_role and tag.POS == "NOUN" and tag.case:
        if "anim" in tag:  # apposition: "Министр З.Ш. Магомедова"
            return frozenset({tag.case})
        if tag.case != "gent":  # "информацию Иванова"; not "организации Профсоюза Н.Г. …"
            return frozenset({"gent"})
    return frozenset()


_CONTEXT = 300  # characters before a name that can hold its role
_LONG_LINE = 5000  # a line above that is longer is read from its last 5000 characters


def _context(text: str, start: int, stop: int, limit: int) -> tuple[str | None, frozenset[str]]:
    """(role, case hint) for a name at text[start:stop]; limit: where the next name starts."""
    # Only the last 300 characters count (texts that arrive as one long line), and
    # the lines above can only move the start further back: when no line break
    # is that near, the start is known without searching the whole text.
    near = max(0, start - _CONTEXT - 1)
    line_start = text.rfind("\n", near, start) + 1 or near
    for _ in range(2 if line_start > near else 0):
        # a phrase wrapped over lines (PDF): "на начальника отдела охраны\nтруда"
        far = max(0, line_start - 1 - _LONG_LINE)
        prev_start = text.rfind("\n", far, max(line_start - 1, 0)) + 1 or far
        prev, cur = text[prev_start : max(line_start - 1, 0)], text[line_start:start]
        if not prev.strip() or _CELL_RE.search(prev + cur) or re.search(r"[.:;!?]\s*$", prev):
            break
        if not cur.strip() or re.match(r"\s*(?:\d+[.)]|[-–—•])", cur):
            break
        line_start = prev_start
    line_start = max(line_start, start - _CONTEXT)  # texts that arrive as one long line
    raw = _CELL_RE.sub("\t", text[line_start:start])  # box-drawing tables too
    seg = raw[raw.rfind("\t") + 1 :]  # this table cell
    if "\t" in raw and not seg.strip():  # "Председатель\t\tА.А. Магомедов"
        cell = raw.rstrip()[raw.rstrip().rfind("\t") + 1 :].strip()
        found = _role_words(cell) if len(cell.split()) <= 8 else None
        return _normal_role(cell) if found and found[0] == 0 else (None, frozenset())
    seg = re.sub(r"(?:^|\s)(?:т|тов)\.?\s*$", "", seg)
    masked = re.sub(r"«[^«»\n]*»|\"[^\"\n]*\"", lambda m: "q" * len(m.group()), seg)
    cuts = list(re.finditer(r"[.;:!?()«»\"]\s|[,;:()«»\"]", masked))
    seg = seg[cuts[-1].end() :] if cuts else seg
    if not raw.strip():  # a signature: the position on the lines above
        above = text[max(0, line_start - 300) : line_start]
        gap = len(above) - len(above.rstrip())
        last = above.rstrip()[above.rstrip().rfind("\n") + 1 :].strip()
        if 0 < len(last.split()) <= 8 and gap <= 6:
            found = _role_words(last)
            if found and found[0] == 0 and found[1][0].start() == 0:
                return _normal_role(last)
    role, hint = None, frozenset()
    found = _role_words(seg)
    if found:
        j, toks = found
        role, hint = _normal_role(seg[toks[j].start() :])
        seg = seg[: toks[j].start()]
    hint = _governed_case(seg, bool(found)) or hint
    if role is None:
        after = re.match(r"[ \xa0]*[,–—][ \xa0]*([^\n\t,;.()]+)", text[stop:limit])
        end = stop + after.end() if after else limit
        if after and end < len(text) and text[end : end + 1] not in ",;.()\n\t":
            after = None  # the words run into the next name: that name's role
        chunk = after.group(1).split() if after else []
        if after and 0 < len(chunk) <= 6 and _role_lemma(chunk[0]):
            role, cases = _normal_role(after.group(1))
            hint = hint or cases
    return role, hint


# -- merge ----------------------------------------------------------------------------


def _stem(surname: str) -> str:
    s = surname.lower().replace("ё", "е")
    return re.sub(r"(?<=ов|ев|ин|ын)а$|(?:ий|ой|ая|ый|яя)$", "", s)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return all(x == y for x, y in zip(a, b, strict=False))


def _rank(m: _Mention) -> tuple:
    a = m.analysis
    return (a.full, len(a.initials), not a.ambiguous)


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """text with "\x00" over every span (one new string, not a list of characters)."""
    parts, at = [], 0
    for s, e in sorted(spans):
        s = max(s, at)
        if e <= s:
            continue
        parts += [text[at:s], "\x00" * (e - s)]
        at = e
    parts.append(text[at:])
    return "".join(parts)


def find_persons(text: str, per_spans: Sequence[tuple[int, int]]) -> tuple[Person, ...]:
    """Persons named in `text`, once each, in order of first mention. per_spans are
    natasha's PER spans ((start, stop[, type]) tuples); the caller runs NER once."""
    spans = _rule_spans(text)
    masked = _mask(text, spans)
    runs = _run_spans(masked)
    spans += runs
    masked = _mask(masked, runs)
    for span in per_spans:
        s, e = span[0], span[1]
        chunk = text[s:e].strip(" .,;:()\t\n")
        if chunk and "\x00" not in masked[s:e] and _ner_ok(chunk):
            s = text.index(chunk, s)
            spans.append((s, s + len(chunk)))
    mentions = []
    spans.sort()
    for i, (s, e) in enumerate(spans):
        role, hint = _context(text, s, e, spans[i + 1][0] if i + 1 < len(spans) else len(text))
        analysis = analyze_name(text[s:e], hint)
        if analysis and analysis.surname:
            mentions.append(_Mention(s, e, analysis, role))
    groups: list[list[_Mention]] = []
    # Groups by surname stem, in order, each with the distinct initials of its
    # mentions: a person named a thousand times is checked once per form.
    by_stem: dict[str, list[tuple[list[_Mention], set[tuple[str, ...]]]]] = {}
    for m in mentions:
        initials = m.analysis.initials
        for g, forms in by_stem.setdefault(_stem(m.analysis.surname or ""), []):
            if all(_compatible(x, initials) for x in forms):
                g.append(m)
                forms.add(initials)
                break
        else:
            groups.append([m])
            by_stem[_stem(m.analysis.surname or "")].append((groups[-1], {initials}))
    persons = []
    for g in groups:
        best = max(g, key=_rank)
        role = next((m.role for m in g if m.role), None)
        spans = tuple((m.start, m.stop) for m in g)
        persons.append(Person(text[best.start : best.stop], best.analysis.normal, role,
                              best.start, best.stop, spans))  # fmt: skip
    return tuple(persons)
