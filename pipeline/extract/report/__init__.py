"""Reports on execution: is this document a report, and what does it report?

`is_report` weighs the marks of the genre (a subject "Информация о выполнении …",
an outgoing number, a salutation, answers "По пункту 3") against the marks of an
act (a document type at the top, an operative marker): a decree stays a decree.
`read_report` lays out the letter (letterhead, addressee, subject, body,
signature) and fills the `report` block of the decree/1 contract:
{organization, members, refers_to, items}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from pipeline.extract.deadlines.dates import parse_date
from pipeline.extract.header import HeaderParse
from pipeline.extract.lexicon import MARKER_RE, NUMBER_SIGN, UNION_ORG_STEMS
from pipeline.extract.lines import Line, trim_span
from pipeline.extract.names import analyze_name
from pipeline.extract.report.items import read_items
from pipeline.extract.report.layout import TOP_SCAN, read_layout
from pipeline.extract.report.lexicon import (
    ANSWERED_BEFORE_RE,
    ANSWERING_RE,
    EXECUTION_RE,
    INLINE_BREAK_RE,
    ITEM_LABEL_RE,
    ORDINAL_LABEL_RE,
    ORG_HEADS,
    OUTGOING_RE,
    REPORTING_RE,
    SALUTATION_RE,
    SALUTATION_WORDS,
    SECTION_RE,
    SUBJECT_MATTER_RE,
    SUBJECT_RE,
    SUBJECT_TYPES,
    SUBJECT_WORD_RE,
)
from pipeline.extract.report.org import (
    find_members,
    letterhead_org,
    org_from_genitive,
    read_signature,
    strip_position,
)
from pipeline.model import Extraction, Figure, Header, Person, Reference, Signatory
from pipeline.nlp import lemma

LONG_LINE = 300  # a line this long may be several lines of a flattened report
_SUBJECT_ORG_RE = re.compile(
    r"^\s*(?:информаци[яи]|отч[её]т|сведения|справка)\s+(?P<org>[^\n]+?)\s+(?:о|об)\s+"
    r"(?:ходе\s+)?(?:выполн|исполн|реализ)",
    re.I,
)
# "СПРАВКА о выполнении постановления … «…» Дагестанской республиканской организацией
# профсоюза …": the organization after the cited title, in the instrumental.
_SUBJECT_ORG_AFTER_RE = re.compile(rf"»\s+(?P<org>[А-ЯЁ][а-яё]+\s[^«»]*?{UNION_ORG_STEMS}[^«»]*)$")
_NUMBER_RE = re.compile(NUMBER_SIGN + r"\s*(?P<n>[^\s,;]+)")
# "Вологодская областная организация профсоюза работников связи (1 250 членов)
# сообщает": the organization named in full in the first sentence of the body.
_ORG_PHRASE_RE = re.compile(
    rf"(?<![А-ЯЁа-яё])[А-ЯЁ][а-яё]+(?:\s+[а-яё]+){{0,3}}\s+{UNION_ORG_STEMS}[а-яё]*\s+"
    r"(?:[Пп]рофсоюза|[Пп]рофессионального\s+союза|[Пп]рофсоюзов)(?:\s+[А-ЯЁа-яё]+){0,8}?"
    r"(?=\s*(?:\(|,|\.|\s(?:сообща|информиру|доводит|направляет|представляет)))"
)


def _is_generic(org: str) -> bool:
    """ "Областная организация", "Профком": a kind of body, not a name."""
    return all(lemma(w.lower()) in ORG_HEADS for w in re.findall(r"[А-ЯЁа-яё]+", org))


def _fuller_name(org: str | None, head: str) -> str | None:
    """The organization named in full near the top that the generic name is part of."""
    words = {lemma(w.lower()) for w in re.findall(r"[А-ЯЁа-яё]+", org or "")}
    for m in _ORG_PHRASE_RE.finditer(head):
        name = org_from_genitive(m.group(0), case=None)
        found = {lemma(w.lower()) for w in re.findall(r"[А-ЯЁа-яё]+", name or "")}
        if name and words <= found and len(name) > len(org or ""):
            return name
    return None


@dataclass(frozen=True)
class ReportFacts:
    """What `read_report` found: the report block and the fields it changes."""

    block: dict[str, Any]
    header: Header
    references: tuple[Reference, ...]  # without the acts the report answers
    persons: tuple[Person, ...]
    signatory: Signatory | None


def _has_marker(text: str, lines: list[Line]) -> bool:
    for line in lines:
        s = line.text(text)
        for m in MARKER_RE.finditer(s):
            before = s[m.start() - 1 : m.start()]
            if (not before or not before.isalpha()) and (
                m.group("tail").strip() or m.end() == len(s.rstrip())
            ):
                return True
    return False


def cut_long_lines(text: str, lines: list[Line]) -> list[Line]:
    """A report flattened into long lines, cut where a letter breaks its lines: before
    its subject, before each answer ("По пункту 2"), before the signature."""
    out: list[Line] = []
    for line in lines:
        if line.table is not None or line.stop - line.start < LONG_LINE:
            out.append(line)
            continue
        cuts = [line.start]
        cuts += [line.start + m.end() for m in INLINE_BREAK_RE.finditer(line.text(text))]
        cuts.append(line.stop)
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and text[a].isspace():
                a += 1
            if a < b:
                out.append(Line(a, b, line.bold))
    return out


def is_report(text: str, lines: list[Line], head: HeaderParse) -> bool:
    """Whether the document is a report on execution rather than an act."""
    lines = cut_long_lines(text, lines)
    texts = [ln.text(text) for ln in lines]
    top = texts[:TOP_SCAN]
    score = 0
    subject = any(SUBJECT_RE.match(s) for s in top) or any(
        SUBJECT_WORD_RE.match(s) and SUBJECT_RE.match(f"{s} {n}")
        for s, n in zip(top, top[1:], strict=False)
    )
    subject = subject or any(SUBJECT_MATTER_RE.match(s) for s in top)
    score += 2 if subject else 0
    score += 1 if any(OUTGOING_RE.match(s) for s in top) else 0
    score += 1 if any(SALUTATION_RE.match(s) for s in top) else 0
    score += 1 if any(SUBJECT_WORD_RE.match(s) for s in top) else 0
    answers = sum(1 for s in texts if ORDINAL_LABEL_RE.match(s) or ITEM_LABEL_RE.match(s))
    score += 2 if answers else 0
    score += 1 if REPORTING_RE.search(text) else 0
    score += 1 if EXECUTION_RE.search(text) else 0
    score += 2 if ANSWERING_RE.search(text) else 0
    if head.header.doc_type is not None:
        score -= 2
    if _has_marker(text, lines):
        score -= 2
    return score >= 2


def _answered(text: str, refs: tuple[Reference, ...], subject: tuple[int, int] | None):
    """Split references into (the acts the report answers, the other acts): those in
    the subject, after "во исполнение", "о выполнении", "по пункту 3", heading a
    section of the report, or listed right after one of them ("… № 22-3 и … № 31-4")."""
    answered: list[Reference] = []
    for ref in sorted(refs, key=lambda r: r.start or 0):
        start = ref.start or 0
        before = text[max(0, start - 60) : start]
        before = re.split(r"[.!?;]\s", before)[-1]
        in_subject = subject is not None and subject[0] <= start < subject[1]
        stop = text.find("\n", start)
        line = text[text.rfind("\n", 0, start) + 1 : len(text) if stop < 0 else stop]
        chained = bool(answered) and re.fullmatch(
            r"\s*(?:,|и)\s*", text[answered[-1].stop or 0 : start]
        )
        after = re.split(r"[.!?;]\s", text[ref.stop or start : (ref.stop or start) + 120])[0]
        reported = bool(REPORTING_RE.search(after))  # "… «…» информируем"
        cue = ANSWERED_BEFORE_RE.search(before) or reported
        if in_subject or cue or SECTION_RE.match(line) or chained:
            answered.append(ref)
    keys = {(r.date, r.number) for r in answered if r.number} | {
        (r.title or "").casefold() for r in answered if r.title
    }
    for ref in refs:
        same = (ref.date, ref.number) in keys if ref.number else False
        same = same or (bool(ref.title) and (ref.title or "").casefold() in keys)
        if same and ref not in answered:
            answered.append(ref)
    answered.sort(key=lambda r: r.start or 0)
    dated = {r.number for r in answered if r.number and r.date}
    # "О выполнении постановления № 22-3" in the subject and the full citation in
    # the text are one act: keep the dated one.
    answered = [r for r in answered if r.date or not r.number or r.number not in dated]
    others = tuple(r for r in refs if r not in answered and not (r.number in dated and not r.date))
    return tuple(answered), others


def read_report(
    text: str,
    lines: list[Line],
    figures: tuple[Figure, ...],
    persons: tuple[Person, ...],
    references: tuple[Reference, ...],
) -> ReportFacts:
    """The report block of a document `is_report` accepted."""
    lines = cut_long_lines(text, lines)
    layout = read_layout(text, lines)
    signatory, sign_at = read_signature(text, lines)
    subject_text = ""
    span = None
    if layout.subject:
        a, b = layout.subject
        span = (lines[a].start, lines[b - 1].stop)
        subject_text = " ".join(text[span[0] : span[1]].split())
    org = letterhead_org(layout.letterhead)
    signed = None
    if org is None and signatory and signatory.position:
        signed = org_from_genitive(strip_position(signatory.position))
    subject = None
    if org is None and (m := _SUBJECT_ORG_RE.match(subject_text)):
        subject = org_from_genitive(m.group("org"))
    elif org is None and (m := _SUBJECT_ORG_AFTER_RE.search(subject_text)):
        subject = org_from_genitive(m.group("org"), case=None)
    # "Председатель профкома" names only the body; a subject "Информация первичной
    # профсоюзной организации ГБУ РД «…»" names the organization: the longer wins.
    org = org or max((o for o in (signed, subject) if o), key=len, default=None)
    if org is None or _is_generic(org):
        org = (
            _fuller_name(org, text[: lines[min(len(lines) - 1, layout.body_start + 3)].stop]) or org
        )
    members = find_members(text, figures)
    answered, others = _answered(text, references, span)
    body = lines[layout.body_start : max(layout.body_start, sign_at)]
    block = {
        "organization": org,
        "members": members.value if members else None,
        "refers_to": answered,
        "items": tuple(read_items(text, body)),
    }
    number = _NUMBER_RE.search(layout.requisites)
    found_date = parse_date(layout.requisites) if layout.requisites else None
    first_word = subject_text.split()[0].lower() if subject_text else ""
    header = Header(
        issuer=org,
        doc_type=SUBJECT_TYPES.get(first_word, "письмо" if layout.requisites else None),
        date=found_date.isoformat() if found_date else None,
        number=number.group("n").rstrip(".") if number else None,
        title=subject_text or None,
    )
    kept = tuple(p for p in persons if p.name.split()[0].lower() not in SALUTATION_WORDS)
    if signatory and signatory.name and sign_at < len(lines):
        kept = _signed(kept, signatory.name, lines[sign_at].start)
    kept = _addressed(kept, text, layout.addressee)
    return ReportFacts(block, header, others, kept, signatory)


def _signed(persons: tuple[Person, ...], name: str, start: int) -> tuple[Person, ...]:
    """A name under the signature is in the nominative as printed ("Р.М. Алиева"):
    keep that form rather than a guess from the context."""
    m = re.fullmatch(r"(?P<ini>(?:[А-ЯЁ]\.\s?){1,2})(?P<sur>\S+)", name)
    normal = f"{m['sur']} {m['ini'].replace(' ', '')}" if m else name
    return tuple(
        replace(p, normal=normal)
        if p.start is not None and p.start >= start and " ".join(p.name.split()) == name
        else p
        for p in persons
    )


def _addressed(persons: tuple[Person, ...], text: str, spans: list[tuple[int, int]]):
    """A name in the addressee block is in the dative ("Председателю … Ахмедову С.Г.")."""
    out = []
    for p in persons:
        inside = p.start is not None and any(a <= p.start < b for a, b in spans)
        found = analyze_name(p.name, "datv") if inside else None
        out.append(replace(p, normal=found.normal) if found else p)
    return tuple(out)


def as_report(extraction: Extraction, text: str) -> Extraction:
    """An extraction of kind "other" read again as a report (for `decree check`, which
    was told the file is one). Lines are the text's lines; table cells stay joined."""
    lines, pos = [], 0
    for part in text.split("\n"):
        a, b = trim_span(text, pos, pos + len(part))
        pos += len(part) + 1
        if a < b:
            lines.append(Line(a, b))
    x = extraction
    facts = read_report(text, lines, x.figures, x.persons, x.references)
    return replace(x, kind="report", report=facts.block, references=facts.references,
                   persons=facts.persons, header=facts.header,
                   signatory=facts.signatory or x.signatory, directives=())  # fmt: skip
