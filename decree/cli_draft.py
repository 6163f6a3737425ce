"""`decree draft …` and `decree render`: the commands that write documents.

Each is a thin wrapper: read what is needed, build the context, render the
template, say on stderr where the file went.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from decree.errors import ContextMismatch, DecreeError, InputMissing

DRAFT_EXAMPLE = """
\b
Examples:
  decree draft resolution corpus/sample-drsop-22-3.txt corpus/reports/*-22-3*.txt \\
      --meeting-date 2023-12-14 --number 25-4 -o out/resolution.docx
  decree draft appointment --org "Дагестанская республиканская организация Профсоюза
      работников здравоохранения РФ" --person "Курбанова Патимат Магомедовна"
      --position "заведующая отделом организационной работы" -o out/appointment.docx
  decree draft card corpus/sample-drsop-22-3.txt corpus/reports/*-22-3*.txt -o out/card.docx
"""

RENDER_EXAMPLE = """
\b
Examples:
  decree render templates/docx/resolution.docx templates/docx/resolution.json -o out.docx
  decree render my-letter.docx context.json -o letter.docx --pdf
"""

ISO_DATE = click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"])


def _day(value) -> date | None:
    return value.date() if value is not None else None


def template_options(f):
    f = click.option(
        "--template",
        type=click.Path(path_type=Path),
        help="Your own copy of the template (a .docx with the same tags).",
    )(f)
    f = click.option(
        "--templates",
        type=click.Path(path_type=Path),
        help="A folder of your own templates (resolution.docx, appointment.docx, "
        "control_card.docx); missing ones are taken from decree.",
    )(f)
    f = click.option("--pdf", is_flag=True, help="Also write a PDF beside the DOCX (LibreOffice).")(
        f
    )
    f = click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="The .docx to write.",
    )(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for errors.")(f)
    return f


def _finish(out: Path, pdf: bool) -> None:
    click.echo(f"decree: wrote {out}", err=True)
    if pdf:
        from decree.pipeline.generate import to_pdf

        made = to_pdf(out)
        if made is None:
            click.echo(
                "decree: no PDF: LibreOffice is not installed "
                "(apt-get install libreoffice-writer-nogui)",
                err=True,
            )
        else:
            click.echo(f"decree: wrote {made}", err=True)


def _run(verbose: bool, work) -> None:
    from decree.cli import _fail

    try:
        work()
    except Exception as error:  # noqa: BLE001 - every failure becomes one line
        sys.exit(_fail(error, verbose))


@click.group(epilog=DRAFT_EXAMPLE)
def draft() -> None:
    """Write drafts as Word documents: a follow-up resolution for the next
    meeting, an appointment order, a control card."""


@draft.command(epilog=DRAFT_EXAMPLE)
@click.argument("decree", type=click.Path(path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--meeting-date", type=ISO_DATE, help="Date of the meeting (YYYY-MM-DD); blank if left out."
)
@click.option("--number", help="Number of the new resolution; blank if left out.")
@click.option(
    "--roster",
    type=click.Path(path_type=Path),
    help="CSV of member organizations: name;members — to say who has not reported.",
)
@click.option(
    "--deadline",
    type=ISO_DATE,
    help="New deadline for what is not done  [default: a month after the meeting, "
    "on a working day]",
)
@template_options
def resolution(
    decree,
    reports,
    meeting_date,
    number,
    roster,
    deadline,
    template,
    templates,
    pdf,
    output,
    verbose,
) -> None:
    """Draft the follow-up resolution «О ходе выполнения постановления …» from
    DECREE and the REPORTS on it (read as `decree check` reads them)."""

    def work():
        from decree.pipeline.check import check, read
        from decree.pipeline.generate import render_docx, template_path
        from decree.pipeline.generate.resolution import build_resolution_context
        from decree.pipeline.generate.roster import read_roster

        members = read_roster(roster) if roster else ()
        _, extraction = read(decree)
        result = check(decree, reports)
        for failure in result.failed:
            click.echo(f"decree: {failure.message}", err=True)
        context = build_resolution_context(
            extraction, result, _day(meeting_date), number, members, _day(deadline)
        )
        render_docx(template_path("resolution", template, templates), context, output)
        _finish(output, pdf)

    _run(verbose, work)


@draft.command(epilog=DRAFT_EXAMPLE)
@click.option("--org", help="The organization, in the nominative.")
@click.option("--person", help='Full name in the nominative: "Фамилия Имя Отчество".')
@click.option("--position", help="The person's position, in the nominative.")
@click.option(
    "--duty",
    default="информационную работу",
    show_default=True,
    help='What the person answers for, after "ответственным за".',
)
@click.option("--basis", type=click.Path(path_type=Path), help="The decree that asks for it.")
@click.option(
    "--from-report",
    type=click.Path(path_type=Path),
    help="Take the organization, person and position from this report.",
)
@click.option("--date", "act_date", type=ISO_DATE, help="Date of the order; blank if left out.")
@click.option("--number", help="Number of the order; blank if left out.")
@click.option(
    "--doc-type",
    type=click.Choice(["распоряжение", "приказ", "постановление"]),
    default="распоряжение",
    show_default=True,
    help="The kind of act.",
)
@click.option("--signer", help='Who signs: "Председатель|И.О. Фамилия".')
@template_options
def appointment(
    org,
    person,
    position,
    duty,
    basis,
    from_report,
    act_date,
    number,
    doc_type,
    signer,
    template,
    templates,
    pdf,
    output,
    verbose,
) -> None:
    """Draft an order «О назначении ответственного …» appointing a person."""

    def work():
        from decree.pipeline.check import read
        from decree.pipeline.generate import render_docx, template_path
        from decree.pipeline.generate.appointment import build_appointment_context, short_name

        nonlocal org, person, position
        signatory = tuple(signer.split("|", 1)) if signer and "|" in signer else None
        if from_report:
            _, report = read(from_report)
            org = org or (report.report or {}).get("organization")
            chosen = _appointed(report)
            if chosen:
                person = person or chosen.normal
                position = position or chosen.role
            if signatory is None and report.signatory and report.signatory.name:
                signatory = (report.signatory.position or "Председатель", report.signatory.name)
        missing = [
            n for n, v in (("--org", org), ("--person", person), ("--position", position)) if not v
        ]
        if missing:
            raise ContextMismatch(
                str(from_report) if from_report else None,
                f"no {', '.join(missing)} given",
                "give them as options, or a report that names them",
            )
        basis_extraction = read(basis)[1] if basis else None
        context = build_appointment_context(
            org,
            person,
            position,
            duty,
            basis_extraction,
            _day(act_date),
            number,
            doc_type,
            signatory=signatory,
        )
        if not context["signatory"]["name"]:
            context["signatory"]["name"] = "______________"
        render_docx(template_path("appointment", template, templates), context, output)
        click.echo(f"decree: appointed {short_name(person)}", err=True)
        _finish(output, pdf)

    _run(verbose, work)


def _appointed(report):
    """The person a report names with a position, other than its signatory."""
    signer = report.signatory.name if report.signatory else None
    for p in report.persons:
        if p.role and len(p.normal.split()) == 3 and not (signer and p.normal.split()[0] in signer):
            return p
    return None


@draft.command(epilog=DRAFT_EXAMPLE)
@click.argument("decree", type=click.Path(path_type=Path))
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option("--as-of", type=ISO_DATE, help="Date of the card  [default: today]")
@template_options
def card(decree, reports, as_of, template, templates, pdf, output, verbose) -> None:
    """Draft the control card of DECREE: its items, executors, deadlines and,
    when REPORTS are given, what they say and the status."""

    def work():
        from decree.pipeline.check import check, read
        from decree.pipeline.generate import render_docx, template_path
        from decree.pipeline.generate.card import build_card_context

        _, extraction = read(decree)
        result = check(decree, reports) if reports else None
        context = build_card_context(extraction, result, _day(as_of))
        render_docx(template_path("control_card", template, templates), context, output)
        _finish(output, pdf)

    _run(verbose, work)


@click.command(epilog=RENDER_EXAMPLE)
@click.argument("template", type=click.Path(path_type=Path))
@click.argument("context", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .docx to write.",
)
@click.option("--pdf", is_flag=True, help="Also write a PDF beside the DOCX (LibreOffice).")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for errors.")
def render(template: Path, context: Path, output: Path, pdf: bool, verbose: bool) -> None:
    """Fill TEMPLATE (a .docx with Jinja tags) with CONTEXT (a JSON object).

    An undeclared variable exits with 17, a broken tag with 16, a missing
    template with 15, each with one line naming the variable or the tag.
    """

    def work():
        from decree.pipeline.generate import render_docx

        if not context.is_file():
            raise InputMissing(str(context), "no such context file")
        try:
            values = json.loads(context.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ContextMismatch(
                str(context), f"not a JSON object ({error})", "check the file with a JSON validator"
            ) from None
        if not isinstance(values, dict):
            raise ContextMismatch(str(context), "the context must be a JSON object {…}")
        render_docx(template, values, output)
        _finish(output, pdf)

    _run(verbose, work)


__all__ = ["DecreeError", "draft", "render"]
