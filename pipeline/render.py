"""A readable summary of an Extraction for a person (`--format text`)."""

from __future__ import annotations

from pipeline.model import Deadline, Extraction

KINDS = {"periodic": "периодически", "permanent": "постоянно", "event": "по событию"}


def _ru_date(iso: str | None) -> str:
    if not iso:
        return "—"
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def _when(deadline: Deadline) -> str:
    if deadline.date:
        return _ru_date(deadline.date)
    return KINDS.get(deadline.kind, "дата не определена")


def render_text(x: Extraction) -> str:
    h = x.header
    lines = [f"Файл: {x.source.path} ({x.source.format}, стр.: {x.source.pages})"]
    title = " ".join(p for p in [h.doc_type and h.doc_type.capitalize(), h.issuer] if p)
    lines.append(title or "Документ")
    req = []
    if h.date:
        req.append(f"от {_ru_date(h.date)}")
    if h.number:
        req.append(f"№ {h.number}")
    if h.place:
        req.append(h.place)
    if req:
        lines.append(" ".join(req))
    if h.title:
        lines.append(f"«{h.title}»")
    lines.append("")
    if x.directives:
        lines.append(f"Поручения ({len(x.directives)}):")
    for d in x.directives:
        indent = "  " * (d.id.count(".") + 1)
        lines.append(f"{indent}{d.id}. {d.text}")
        who = list(d.addressees) + [r for r in d.responsible if r not in d.addressees]
        if who:
            lines.append(f"{indent}   Кому: {'; '.join(who)}")
        if d.deadline:
            lines.append(f"{indent}   Срок: {_when(d.deadline)} — «{d.deadline.text}»")
    if x.control:
        lines.append(f"Контроль: {x.control.text}")
    if x.figures:
        lines.append("")
        lines.append("Показатели: " + "; ".join(f.text for f in x.figures))
    if x.references:
        lines.append("Ссылки: " + "; ".join(r.text or str(r.number) for r in x.references))
    if x.signatory:
        lines.append(f"Подпись: {x.signatory.position or ''} {x.signatory.name or ''}".rstrip())
    for w in x.warnings:
        lines.append(f"Внимание: {w}")
    return "\n".join(lines)
