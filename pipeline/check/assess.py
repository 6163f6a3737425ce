"""One report against one decree: a row of the status matrix.

Per directive, in order:

    not_applicable  it addresses no member organization (DirectiveInfo.applies);
                    its size condition excludes the organization ("свыше 5000 членов"
                    for 3 200); it addresses only levels above the reporter's
                    (levels.py); the report says its condition excludes it
    norm            a norm of the directive computed against the membership, with the
                    reported figure: done at 100 % and above, partial below, not_done at 0
    text            the status the sentences give (status.decide)
    no_info         nothing in the report speaks of it
    sub-items       a directive with sub-items takes their statuses together
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.check.conditions import find_condition, find_norm, restates
from pipeline.check.levels import is_below, org_level
from pipeline.check.refer import match_decree
from pipeline.check.result import Cell, DirectiveInfo, Evidence, Norm, Row
from pipeline.check.similarity import Matcher
from pipeline.check.status import NOT_DONE, Unit, classify, decide
from pipeline.check.units import assign, read_units, sentence_at, unit_at, within
from pipeline.extract.report import as_report
from pipeline.i18n import N_, Note, _, note
from pipeline.model import Directive, Extraction, Figure

NOT_A_REPORT = note("not-a-report", N_("this is a decree, not a report: nothing to match"))
UNMARKED = note(
    "unmarked-report",
    N_("no marks of a report (a subject such as «Информация о выполнении …»): read as one"),
)
NO_ORGANIZATION = note(
    "no-organization",
    N_("no organization in the letterhead or the signature: the file name labels the row"),
)
_NORM_BEFORE = ("норматив", "норма", "нормативе", "нормативу")  # "при нормативе 7 экземпляров"


def _evidence(unit: Unit | None) -> Evidence | None:
    return Evidence(unit.text, unit.start, unit.stop) if unit else None


def _reported(figures: Sequence[Figure], unit: str | None, text: str) -> list[Figure]:
    """Figures of the norm's unit that the report gives as done, not as the norm itself."""
    out = []
    for f in figures:
        if f.unit != unit or f.per or f.start is None:
            continue
        before = text[max(0, f.start - 25) : f.start].lower().split()
        if (
            before
            and before[-1].strip("(–—-:") in _NORM_BEFORE
            or (len(before) > 1 and before[-2].strip("(") in _NORM_BEFORE)
        ):
            continue
        out.append(f)
    return out


def _norm_cell(norm: Figure, members: float, units: list[Unit], all_units: list[Unit],
               report: Extraction, text: str) -> Cell:  # fmt: skip
    required = members / float(norm.per or 1) * norm.value
    same = _reported(report.figures, norm.unit, text)
    reported = next(iter(within(same, units)), None) or (same[0] if same else None)
    info = Norm(norm.value, norm.per or 1, norm.unit or "", round(required, 1))
    if reported is None:
        pct = [f for f in within(report.figures, units) if f.unit == "%"]
        if not pct:
            return Cell("no_info", norm=info)
        value, percent, source = None, pct[0].value, pct[0]
    else:
        value, source = reported.value, reported
        percent = round(100 * value / required, 1) if required else None
    status = "not_done" if not percent else "done" if percent >= 100 else "partial"
    unit = unit_at(all_units, source.start) or sentence_at(text, source.start or 0)
    return Cell(
        status,
        _evidence(unit) or Evidence(source.text, source.start or 0, source.stop or 0),
        (source,),
        Norm(info.value, info.per, info.unit, info.required, value, percent),
    )


def _excluded(d: Directive, info: DirectiveInfo, members: float | None, level: int | None,
              member_unit: Unit | None) -> Cell | None:  # fmt: skip
    """A not_applicable cell when the directive does not concern this organization."""
    if not info.applies:
        return Cell("not_applicable", reason=_("addresses no member organization"))
    condition = find_condition(d.text)
    if condition and members is not None and not condition.holds(members):
        reason = _("{condition}; the organization has {members}").format(
            condition=condition.text, members=f"{members:g}"
        )
        return Cell("not_applicable", _evidence(member_unit), reason=reason)
    if is_below(level, d.addressees):
        return Cell(
            "not_applicable", reason=_("addressed to {who}").format(who=", ".join(d.addressees))
        )
    return None


def _cell(d: Directive, units: list[Unit], all_units: list[Unit], members: float | None,
          report: Extraction, text: str, norms: tuple[Figure, ...]) -> Cell:  # fmt: skip
    condition = find_condition(d.text)
    if condition:  # "организаций численностью свыше 200 членов … нет": the condition excludes it
        restating = [
            u for u in units if restates(condition, u.text) and classify(u.text) == NOT_DONE
        ]
        if restating and len(restating) == len(units):
            return Cell("not_applicable", _evidence(restating[0]), reason=condition.text)
        units = [u for u in units if u not in restating]
    norm = find_norm(d, norms)
    if norm is not None and members:
        cell = _norm_cell(norm, members, units, all_units, report, text)
        if cell.status != "no_info" or not units:
            return cell
    if not units:
        return Cell("no_info")
    status, unit = decide(units)
    return Cell(status, _evidence(unit), within(report.figures, units))


def _together(children: list[Cell]) -> Cell:
    """The status of a directive from its sub-items' statuses."""
    statuses = [c.status for c in children if c.status != "not_applicable"]
    if not statuses:
        return Cell("not_applicable", reason=_("none of its sub-items concerns the organization"))
    if len(set(statuses)) == 1:
        return Cell(statuses[0], reason=_("from its sub-items"))
    return Cell("partial", reason=_("from its sub-items"))


def _empty(path: str, label: str, org: str | None, members: float | None,
           infos: Sequence[DirectiveInfo], warnings: list[Note]) -> Row:  # fmt: skip
    cells = {d.id: Cell("no_info") for d in infos}
    return Row(path, label, org, members, cells, tuple(warnings))


def assess(decree: Extraction, infos: Sequence[DirectiveInfo], report: Extraction, text: str,
           path: str) -> Row:  # fmt: skip
    """The row of one report: its organization, membership and a cell per directive."""
    block = report.report or {}
    organization, members = block.get("organization"), block.get("members")
    label = organization or Path(path).name
    warnings: list[Note] = []
    if report.kind in ("decree", "order", "protocol"):
        return _empty(path, label, organization, members, infos, [NOT_A_REPORT])
    if report.kind != "report":  # no subject, no answers by item: read it as a report anyway
        report = as_report(report, text)
        block = report.report or {}
        organization, members = block.get("organization"), block.get("members")
        label = organization or Path(path).name
        warnings.append(UNMARKED)
    if organization is None:
        warnings.append(NO_ORGANIZATION)
    matched, warning = match_decree(decree.header, block.get("refers_to"))
    if warning:
        warnings.append(warning)
    if not matched:
        return _empty(path, label, organization, members, infos, warnings)
    by_id = {d.id: d for d in decree.directives}
    parents = {d.parent for d in decree.directives if d.parent}
    units = read_units(text, block, decree.header)
    member_figure = next((f for f in report.figures if members and f.value == members), None)
    where = member_figure.start if member_figure else None
    member_unit = unit_at(units, where) or (sentence_at(text, where) if where is not None else None)
    level = org_level(organization, report.signatory.position if report.signatory else None)
    cells: dict[str, Cell] = {}
    for info in infos:
        excluded = _excluded(by_id[info.id], info, members, level, member_unit)
        if excluded:
            cells[info.id] = excluded
    open_ids = [i.id for i in infos if i.id not in cells and i.id not in parents]
    leaves = [i.id for i in infos if i.applies and i.id not in parents]
    matcher = Matcher([(i, by_id[i].text, by_id[i].addressees) for i in leaves])
    assigned = assign(units, matcher, [i.id for i in infos if i.id not in parents], open_ids)
    for i in open_ids:
        cells[i] = _cell(by_id[i], assigned.get(i, []), units, members, report, text,
                         decree.figures)  # fmt: skip
    for info in reversed(infos):  # deepest first: a parent after its children
        if info.id not in cells:
            children = [cells[d.id] for d in decree.directives if d.parent == info.id]
            cells[info.id] = _together(children) if children else Cell("no_info")
    if members is None and any(
        find_condition(i.text) or find_norm(by_id[i.id], decree.figures) for i in infos if i.applies
    ):
        warnings.append(
            note(
                "no-membership",
                N_("membership not given: size conditions and norms were not computed"),
            )
        )
    return Row(path, label, organization, members, {i.id: cells[i.id] for i in infos},
               tuple(warnings))  # fmt: skip
