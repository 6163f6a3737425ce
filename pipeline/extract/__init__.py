"""Document -> Extraction: the extract stage, as a script of named steps.

lines      split the text into lines and table rows
header     requisites at the top (or after the signature on web copies)
operative  the operative part and its items, plan-table rows included
entities   natasha NER once, then persons, organizations, references, URLs
directives each item with its addressees, responsible persons and deadline
figures    numbers with units in the text, outside header and deadlines
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline import SCHEMA
from pipeline.extract.addressees import Spans, find_addressees, split_cell
from pipeline.extract.deadlines import find_deadline
from pipeline.extract.figures import find_figures
from pipeline.extract.furniture import find_furniture, mask
from pipeline.extract.header import read_footer_requisites, read_header
from pipeline.extract.issuer import (
    adopted_issuer,
    compose_issuer,
    enrich_issuer,
    head_issuer,
    preamble_issuer,
    signer_issuer,
    site_issuer,
)
from pipeline.extract.lexicon import (
    CONTROL_RE,
    DEADLINE_LINE_RE,
    DOC_TYPES,
    INITIALS_FIRST_RE,
    INITIALS_NAME_RE,
    NOTED_RE,
)
from pipeline.extract.lines import Line, split_lines
from pipeline.extract.persons import find_persons
from pipeline.extract.references import find_references
from pipeline.extract.report import is_report, read_report
from pipeline.extract.structure import (
    Item,
    find_operative,
    first_marker,
    header_limit,
    is_signature,
    read_appendix_plan,
    read_items,
)
from pipeline.extract.tables import read_pasted_tables
from pipeline.extract.urls import find_urls
from pipeline.i18n import N_, note
from pipeline.ingest.ocr_words import page_entries, word_warnings
from pipeline.model import Control, Directive, Document, Extraction, Person, Signatory
from pipeline.nlp import tag_spans


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def read_signatory(text: str, lines: list[Line], start: int) -> tuple[Signatory | None, int]:
    """The signature block at or after line `start`: (signatory, its line index)."""
    for i in range(start, len(lines)):
        if not is_signature(text, lines, i):
            continue
        chunk_stop = lines[min(i + 3, len(lines) - 1)].stop
        chunk = text[lines[i].start : chunk_stop]
        m = INITIALS_FIRST_RE.search(chunk) or INITIALS_NAME_RE.search(chunk)
        if m is None:
            return Signatory(_squash(lines[i].text(text)), None), i
        position = _squash(_first_column(chunk[: m.start()])).rstrip(" :_")
        return Signatory(position or None, _squash(m.group(0))), i
    return None, len(lines)


def _first_column(block: str) -> str:
    """Two signatures side by side ("Председатель Думы города      Глава города"):
    the left one, whose name comes first on the line below."""
    rows = [re.split(r"\s{4,}|\t", row.strip())[0] for row in block.split("\n")]
    return "\n".join(rows)


def _deadline(text: str, item: Item, doc_date: date | None):
    for a, b in item.deadline_spans:
        m = DEADLINE_LINE_RE.match(text[a:b])
        skip = m.end() if m else 0
        found = find_deadline(text[a + skip : b], doc_date, offset=a + skip, bare=True)
        if found:
            return found
    return find_deadline(text[item.start : item.stop], doc_date, offset=item.start)


def short_name(normal: str) -> str:
    """ "Алиева Зайнаб Гасановна" -> "Алиева З.Г."; initials forms stay."""
    words = normal.split()
    if len(words) == 3 and all(w[:1].isupper() and not w.endswith(".") for w in words):
        return f"{words[0]} {words[1][0]}.{words[2][0]}."
    return normal


def _mention_spans(persons: tuple[Person, ...], text: str) -> list[tuple[int, int, str]]:
    """Every place a person's printed name stands: (start, stop, normal)."""
    return [(a, b, short_name(p.normal)) for p in persons for a, b in p.mentions]


def _within(spans: list[tuple[int, int, str]], a: int, b: int) -> list[tuple[int, int, str]]:
    return [(x, y, n) for x, y, n in spans if a <= x and y <= b]


def build_directives(
    text: str, items: list[Item], doc_date: date | None, persons: tuple[Person, ...]
) -> tuple[Directive, ...]:
    mentions = _mention_spans(persons, text)
    out: list[Directive] = []
    by_id: dict[str, Directive] = {}
    for item in items:
        body = text[item.start : item.stop]
        deadline = _deadline(text, item, doc_date)
        inside = _within(mentions, item.start, item.stop)
        noted = NOTED_RE.search(body)  # "Информацию Иванова И.И. принять к сведению":
        # the speaker heard, not a person made responsible
        names = [n for a, _, n in inside if not noted or a - item.start > noted.start()]
        for a, b in item.responsible_spans:
            names += [n for _, _, n in _within(mentions, a, b)]
        if "responsible" in item.cells:
            a, b = item.cells["responsible"]
            cell = [(x - a, y - a) for x, y, _ in _within(mentions, a, b)]
            addressees = split_cell(text[a:b], cell)
        else:
            skip = [(x - item.start, y - item.start) for x, y, _ in inside]
            if deadline and deadline.start is not None and item.start <= deadline.start:
                skip.append((deadline.start - item.start, deadline.stop - item.start))
            addressees = find_addressees(body, skip)
        parent = by_id.get(item.parent) if item.parent else None
        if not addressees and parent is not None and parent.text.endswith(":") and not item.cells:
            addressees = parent.addressees
            if not names:
                names = list(parent.responsible)
        directive = Directive(
            id=item.id,
            text=_squash(body),
            parent=item.parent,
            addressees=addressees,
            responsible=tuple(dict.fromkeys(names)),
            deadline=deadline,
            start=item.start,
            stop=item.stop,
        )
        by_id[item.id] = directive
        out.append(directive)
    return tuple(out)


def _control(directives: tuple[Directive, ...], signatory: Signatory | None) -> Control | None:
    for d in reversed(directives):
        if CONTROL_RE.search(d.text):
            responsible = d.responsible
            if not responsible and re.search(r"за\s+собой", d.text) and signatory:
                responsible = tuple(n for n in [signatory.name] if n)
            return Control(d.text, responsible)
    return None


def _organizations(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for a, b, kind in spans:
        if kind != "ORG":
            continue
        name = _squash(text[a:b])
        if name.isupper() and " " not in name and len(name) > 6:
            continue  # "ПОСТАНОВЛЕНИЕ", "ПРЕЗИДИУМ": headings, not organizations
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def extract(doc: Document) -> Extraction:
    """The structure of one document (see the decree/1 contract in DESIGN.md)."""
    lines = read_pasted_tables(doc.text, split_lines(doc))
    furniture = find_furniture(doc.text, lines, header_limit(doc.text, lines))
    text = mask(doc.text, lines, furniture.lines)
    lines = [ln for i, ln in enumerate(lines) if i not in furniture.lines]
    head = read_header(text, lines, stop=header_limit(text, lines))
    report_like = is_report(text, lines, head)
    if report_like:  # a letter: no operative part, the whole text is its body
        head = replace(head, kind="report", body_start=0, span=(0, 0))
    regions = [] if report_like else find_operative(text, lines, head.body_start)
    items: list[Item] = []
    for region in regions:
        items.extend(read_items(text, lines, region))
    after = regions[-1][1] if regions else head.body_start
    signatory, sign_at = read_signatory(text, lines, after)
    items += read_appendix_plan(text, lines, sign_at, items)
    header = head.header
    kind = head.kind
    if header.date is None and header.number is None:
        footer = read_footer_requisites(text, lines, sign_at)
        kind = footer.pop("kind", None) or kind
        header = replace(
            header, **{k: v for k, v in footer.items() if v and getattr(header, k) is None}
        )
        if header.issuer is None and footer:
            top = [ln.text(text) for ln in lines[: first_marker(text, lines) or after]]
            top = top[: next((k for k, t in enumerate(top) if len(t) > 150), len(top))]
            header = replace(header, issuer=compose_issuer(top))
    header = replace(
        header, date=header.date or furniture.date, number=header.number or furniture.number
    )
    typed = DOC_TYPES.get(re.sub(r"\s+", "", furniture.doc_type or "").upper())
    if header.doc_type is None and typed:  # "Вид документа: Постановление"
        header, kind = replace(header, doc_type=typed[0]), typed[1]
    body_text = text[head.span[1] :]
    header = replace(header, issuer=enrich_issuer(header.issuer, body_text))
    if header.issuer is None:  # web copies: the issuer named elsewhere, or by the signer
        preamble = text[head.span[1] : items[0].start if items else len(text)]
        header = replace(
            header,
            issuer=adopted_issuer([ln.text(text) for ln in lines[: header_limit(text, lines)]])
            or furniture.body
            or preamble_issuer(preamble)
            or signer_issuer(signatory.position if signatory else None)
            or head_issuer(signatory.position if signatory else None)
            or site_issuer(furniture.site, signatory.position if signatory else None),
        )
    doc_date = date.fromisoformat(header.date) if header.date else None

    spans = tag_spans(text)
    persons = find_persons(text, [(a, b) for a, b, kind in spans if kind == "PER"])
    directives = build_directives(text, items, doc_date, persons)
    references = tuple(
        r
        for r in find_references(text, exclude=head.span)
        if report_like or not (r.number and (r.date, r.number) == (header.date, header.number))
    )
    taken = [
        (d.deadline.start, d.deadline.stop)
        for d in directives
        if d.deadline and d.deadline.start is not None
    ]
    taken += [(r.start, r.stop) for r in references if r.start is not None]
    claimed = Spans(taken)  # a long text's figures against its many deadlines: log time
    figures = tuple(
        f for f in find_figures(body_text, offset=head.span[1]) if not claimed.covers(f.start or 0)
    )
    report = None
    if report_like:
        facts = read_report(text, lines, figures, persons, references)
        report, references, persons = facts.block, facts.references, facts.persons
        header, signatory, kind, directives = facts.header, facts.signatory, "report", ()
    warnings = list(doc.warnings)
    # Per page: OCR confidence and the share of Russian words (ingest/ocr_words.py).
    pages = page_entries(doc)
    warnings += word_warnings(pages, single=len(pages) == 1)
    if not regions and not report_like:
        warnings.append(
            note(
                "no-operative-part",
                N_("no operative part found (no marker such as «постановляет:» and no items)"),
            )
        )
    if header.date is None:
        warnings.append(
            note("no-date", N_("no document date found: partial deadlines are left unresolved"))
        )
    return Extraction(
        schema=SCHEMA,
        source=doc.source,
        kind=kind,
        header=header,
        directives=directives,
        figures=figures,
        persons=persons,
        organizations=_organizations(text, spans),
        references=references,
        signatory=signatory,
        urls=find_urls(text),
        control=_control(directives, signatory),
        report=report,
        warnings=tuple(warnings),
        pages=pages,
    )
