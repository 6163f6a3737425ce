"""The context of a draft follow-up resolution ("О ходе выполнения постановления …")
from a decree and the status matrix of its reports (`decree check`).

Everything a clerk would compute is computed here: how many organizations
reported (out of the roster when one is given), how many did each item, the
norms against membership, who has not done what, a new deadline that is a
working day. The template only lays the sentences out.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.check.result import CheckResult, Row
from pipeline.extract.lexicon import UNION_ORG_NOUNS
from pipeline.generate.phrases import inflect_org, inflect_phrase
from pipeline.generate.roster import Member
from pipeline.generate.wording import (
    add_month,
    count,
    join,
    numeric_date,
    plural_verb,
    text_date,
    working_day_on_or_after,
)
from pipeline.model import Extraction
from pipeline.nlp import lemma

MARKERS = {
    "постановление": "ПОСТАНОВЛЯЕТ",
    "решение": "РЕШИЛ",
    "приказ": "ПРИКАЗЫВАЮ",
    "распоряжение": "ПРЕДЛАГАЮ",
}
# The collegial body in an issuer: its chairman is the chairman of the organization.
COLLEGIAL_RE = re.compile(r"^(?:президиум|совет|правление|коллегия|комитет)\s+", re.IGNORECASE)
GENITIVE_TYPES = {
    "постановление": "постановления",
    "решение": "решения",
    "приказ": "приказа",
    "распоряжение": "распоряжения",
}


def _words(name: str) -> frozenset[str]:
    return frozenset(lemma(w) for w in re.findall(r"\w+", name.lower()) if len(w) > 2)


def common_words(names: list[str]) -> frozenset[str]:
    """Words most of the names share ("дагестанский республиканский организация
    профсоюз работник"): they tell no organization from another."""
    counts: dict[str, int] = {}
    for name in names:
        for word in _words(name):
            counts[word] = counts.get(word, 0) + 1
    generic = frozenset(lemma(n) for n in UNION_ORG_NOUNS)
    if len(names) < 3:
        return generic
    return generic | {w for w, n in counts.items() if n * 2 > len(names)}


def same_organization(a: str, b: str, common: frozenset[str] = frozenset()) -> bool:
    """The names' own words (those not in `common`) agree: "… профсоюза работников
    культуры" is "Реском профсоюза работников культуры РД", not "… работников связи"."""
    x, y = _words(a) - common, _words(b) - common
    small, large = sorted((x, y), key=len)
    return bool(small) and len(small & large) / len(small) >= 0.8


def cite(decree: Extraction, with_title: bool = True, case: str = "gent") -> str:
    """ "постановления Президиума ДР СОП от 15.08.2023 № 22-3 «О мерах …»" (genitive;
    case="nomn": "постановление Президиума …")."""
    h = decree.header
    doc_type = h.doc_type or "документ"
    parts = [GENITIVE_TYPES.get(doc_type, doc_type) if case == "gent" else doc_type]
    if h.issuer:
        parts.append(inflect_phrase(h.issuer, "gent", "nomn"))
    if h.date:
        parts.append(f"от {numeric_date(date.fromisoformat(h.date))}")
    if h.number:
        parts.append(f"№ {h.number}")
    if with_title and h.title:
        parts.append(f"«{h.title}»")
    return " ".join(parts)


def _short(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def _name(row: Row) -> str:
    return row.organization or row.label


def _status_counts(result: CheckResult, item: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in result.reports:
        cell = row.status.get(item)
        if cell is not None:
            out.setdefault(cell.status, []).append(row)
    return out


def _orgs_gent(rows: list[Row]) -> str:
    return ", ".join(inflect_org(_name(r), "gent") for r in rows)


def _item_paragraph(item_id: str, text: str, by_status: dict[str, list[Row]]) -> str | None:
    done, partial = by_status.get("done", []), by_status.get("partial", [])
    not_done, no_info = by_status.get("not_done", []), by_status.get("no_info", [])
    concerned = len(done) + len(partial) + len(not_done) + len(no_info)
    if not concerned:
        return None
    parts = [
        f"Пункт {item_id} («{_short(text)}») {plural_verb(len(done), 'выполнила', 'выполнили')} "
        f"{count(len(done), 'организация')} из {concerned}, к которым он относится"
    ]
    if partial:
        parts.append(f"частично — {len(partial)}")
    if not_done:
        parts.append(f"не {plural_verb(len(not_done), 'выполнила', 'выполнили')} — {len(not_done)}")
    if no_info:
        parts.append(f"не сообщили о его выполнении — {len(no_info)}")
    return "; ".join(parts) + "."


def _norm_paragraph(item_id: str, result: CheckResult) -> str | None:
    met, unmet = [], []
    norm = None
    for row in result.reports:
        cell = row.status.get(item_id)
        if cell is None or cell.norm is None or cell.norm.percent is None:
            continue
        norm = cell.norm
        share = f"{_name(row)} — {cell.norm.percent:.0f} %"
        (met if cell.norm.percent >= 100 else unmet).append(share)
    if norm is None:
        return None
    value = f"{norm.value:g} {norm.unit} на {norm.per:g} членов профсоюза"
    text = f"Норматив по пункту {item_id} ({value}) выполнили: " + ("; ".join(met) or "никто")
    if unmet:
        text += f". Не выполнили: {'; '.join(unmet)}"
    return text + "."


def build_resolution_context(
    decree: Extraction,
    result: CheckResult,
    meeting_date: date | None = None,
    number: str | None = None,
    roster: tuple[Member, ...] = (),
    deadline: date | None = None,
) -> dict[str, Any]:
    """The context of templates/docx/resolution.docx.

    meeting_date: the date of the meeting that adopts the draft (None: left blank
    to fill in); deadline: the new deadline for what is not done (None: a month
    after the meeting, or after today, moved to a working day)."""
    h = decree.header
    issuer = h.issuer or "Президиум"
    base = meeting_date or date.today()
    due = deadline or working_day_on_or_after(add_month(base))
    reported = list(result.reports)
    common = common_words([m.name for m in roster] + [_name(r) for r in reported])
    silent = [
        m.name
        for m in roster
        if not any(same_organization(m.name, _name(r), common) for r in reported)
    ]

    n = len(reported)
    first = (
        f"Во исполнение {cite(decree)} информацию о ходе его выполнения "
        f"{plural_verb(n, 'представила', 'представили')} {count(n, 'организация')}"
    )
    first += "."
    if roster:
        first += (
            f" По перечню членских организаций ({len(roster)}) информацию представили "
            f"{len(roster) - len(silent)}"
        )
        first += f", не представили: {join(silent)}." if silent else "."
    preamble = [first]
    for info in result.directives:
        if not info.applies:
            continue
        paragraph = _item_paragraph(info.id, info.text, _status_counts(result, info.id))
        if paragraph:
            preamble.append(paragraph)
        norm = _norm_paragraph(info.id, result)
        if norm:
            preamble.append(norm)

    short_cite = cite(decree, with_title=False)
    items = [f"Информацию о ходе выполнения {short_cite} принять к сведению."]
    for info in result.directives:
        if not info.applies:
            continue
        by_status = _status_counts(result, info.id)
        laggards = by_status.get("not_done", []) + by_status.get("partial", [])
        if laggards:
            items.append(
                f"Руководителям {_orgs_gent(laggards)} обеспечить выполнение пункта {info.id} "
                f"{short_cite} в срок до {text_date(due)}"
            )
    silent_items: dict[tuple[str, ...], list[Row]] = {}
    for row in reported:
        ids = tuple(i for i, cell in row.status.items() if cell.status == "no_info")
        if ids:
            silent_items.setdefault(ids, []).append(row)
    for ids, rows in silent_items.items():
        what = f"пункта {ids[0]}" if len(ids) == 1 else f"пунктов {join(list(ids))}"
        items.append(
            f"Руководителям {_orgs_gent(rows)} представить информацию о выполнении {what} "
            f"{short_cite} в срок до {text_date(due)}"
        )
    if silent:
        items.append(
            f"Руководителям {', '.join(inflect_org(s, 'gent') for s in silent)} представить "
            f"информацию о выполнении {short_cite} в срок до {text_date(due)}"
        )
    kept = cite(decree, with_title=False, case="nomn")
    items.append(f"{kept[:1].upper() + kept[1:]} оставить на контроле.")
    items.append(_control_item(decree))
    items = [i if i.endswith(".") else i + "." for i in items]
    return {
        "issuer_heading": issuer.upper(),
        "issuer": issuer,
        "date": numeric_date(meeting_date),
        "number": number or "____",
        "place": h.place or "",
        "title": f"О ходе выполнения {cite(decree)}",
        "preamble": preamble,
        "operative": f"{issuer} {MARKERS.get(h.doc_type or '', 'ПОСТАНОВЛЯЕТ')}:",
        "items": [{"number": k, "text": t} for k, t in enumerate(items, start=1)],
        "signatory": {
            "position": (decree.signatory.position if decree.signatory else None) or "Председатель",
            "name": (decree.signatory.name if decree.signatory else None) or "",
        },
        "deadline": due.isoformat(),
    }


def _control_item(decree: Extraction) -> str:
    """The decree's own control clause, restated for the new act; the signatory
    position when the decree had none."""
    control = decree.control
    if control and control.responsible:
        who = control.responsible[0]
        return f"Контроль за выполнением настоящего постановления возложить на {who}."
    for d in decree.directives:
        if re.match(r"контроль", d.text, re.IGNORECASE):
            text = re.sub(
                r"^Контроль\s+(?:за|над)\s+\S+\s+(?:настоящего|данного)\s+\S+",
                "Контроль за выполнением настоящего постановления",
                d.text,
            )
            return text
    position = decree.signatory.position if decree.signatory else None
    who = inflect_phrase(position, "accs", "nomn").lower() if position else "председателя"
    body = COLLEGIAL_RE.sub("", decree.header.issuer or "").strip()
    return f"Контроль за выполнением настоящего постановления возложить на {who} {body}".strip()
