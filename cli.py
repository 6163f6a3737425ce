"""The `decree` command line. Each command is a thin wrapper over one library
call; errors from the library are mapped to exit codes here. stdout carries
data only; messages and progress go to stderr.

Nothing heavy is imported at module level so that `decree --help` answers
without loading any NLP model.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import traceback
from datetime import date
from pathlib import Path

import click

from pipeline import __version__
from pipeline.errors import (
    MAX_CHARS,
    SOME_FAILED,
    ContextMismatch,
    DecreeError,
    InputMissing,
    OutputError,
)
from pipeline.i18n import N_, _, activate, choose, day, ngettext

# The language of every message, click's included, is chosen before the commands
# below are made, so their help is in it (pipeline/i18n.py).
activate(choose(sys.argv[1:]))

EXTRACT_EXAMPLE = N_("""
\b
Examples:
  decree extract corpus/sample-drsop-22-3.txt
  decree extract --format text order.docx
  decree extract reports/*.pdf -o all.jsonl
  decree extract report-photos/              # a folder of page photos: one document
  decree extract --join p1.jpg p2.heic       # these photos are the pages of one document
""")

EVAL_EXAMPLE = N_("""
\b
Examples:
  decree eval corpus/
  decree eval corpus/holdout --min-directives 0.9
  decree eval corpus/reports --min-status 0.9 --min-organization 0.95
""")


CHECK_EXAMPLE = N_("""
\b
Examples:
  decree check corpus/sample-drsop-22-3.txt corpus/reports/*-22-3.*
  decree check decree.docx reports/*.docx --format xlsx -o status.xlsx
  decree check decree.docx reports/*.pdf --format json > status.json
  decree check decree.docx reports/*.docx --format html -o status.html
""")

REVIEW_EXAMPLE = N_("""
\b
Examples:
  decree review corpus/sample-drsop-22-3.txt -o review.html
  decree review corpus/reports/*-22-3.* -o reports.html
""")


def _fail(error: BaseException, verbose: bool) -> int:
    """Print one line about `error` on stderr; return its exit code."""
    if verbose:
        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, BrokenPipeError):  # `decree … | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed at exit, never closed
        return 0
    if isinstance(error, DecreeError):
        click.echo(f"decree: {error.line()}", err=True)
        return error.exit_code
    message = _("internal error: {error}").format(error=f"{type(error).__name__}: {error}")
    click.echo(f"decree: {message}", err=True)
    click.echo("decree: " + _("run again with -v and report the traceback"), err=True)
    return 1


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--lang is read from the command line before the commands are made (their
    help must be in the language); here it is only checked and shown in --help."""


class _Command(click.Command):
    """A command whose help, epilog and usage line are in the interface's language."""

    def __init__(self, *args, **kwargs):
        for key in ("help", "short_help"):
            if kwargs.get(key):
                kwargs[key] = _(inspect.cleandoc(kwargs[key]))
        if kwargs.get("epilog"):
            kwargs["epilog"] = _(kwargs["epilog"])
        kwargs.setdefault("options_metavar", _("[OPTIONS]"))
        if isinstance(self, click.Group):
            kwargs.setdefault("subcommand_metavar", _("COMMAND [ARGS]..."))
        super().__init__(*args, **kwargs)
        # `decree extract --lang ru …` as well as `decree --lang ru`
        self.params.append(_lang_option())
        for param in self.params:  # "--jobs INTEGER RANGE" -> "--jobs NUMBER", in the language
            if isinstance(param, click.Option) and param.metavar is None:
                param.metavar = _metavar(param.type)


def _metavar(kind: click.ParamType) -> str | None:
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        return _("NUMBER")
    if isinstance(kind, click.DateTime):
        return _("DATE")
    if isinstance(kind, click.types.StringParamType):
        return _("TEXT")
    return None


class _Group(_Command, click.Group):
    command_class = _Command
    group_class = type  # subgroups are _Group too


def _lang_option() -> click.Option:
    return click.Option(
        ["--lang"],
        type=click.Choice(["ru", "en"]),
        is_eager=True,
        expose_value=False,
        callback=_set_language,
        help=_("Language of messages and help  [default: from the locale, or $DECREE_LANG]"),
    )


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="decree", message=_("%(prog)s, version %(version)s"))
def main() -> None:
    """Read Russian decrees, orders, protocol extracts and reports; extract
    their header, directives with deadlines, figures, persons and references.

    \b
    Start with:
      decree extract corpus/sample-drsop-22-3.txt --format text
    """


@main.command(epilog=EXTRACT_EXAMPLE)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help=_("json: the decree/1 contract (JSON Lines for several files); text: a summary."),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help=_("Write to this file instead of stdout."),
)
@click.option(
    "--ocr",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help=_(
        "auto: OCR images and PDF pages without a usable text layer; "
        "always: OCR every PDF page; never: fail on scans (exit 9)."
    ),
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help=_("Pages to OCR in parallel.  [default: number of cores]"),
)
@click.option(
    "--searchable-pdf",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=_("Also write each OCRed file into this folder as a searchable PDF."),
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help=_("Refuse files with more pages than this (exit 12)."),
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help=_("Refuse files with more characters of text than this (exit 18)."),
)
@click.option(
    "--join",
    is_flag=True,
    help=_(
        "Read the FILEs (page images or PDFs) as the pages of one document, in the order given."
    ),
)
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def extract(
    files: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    ocr: str,
    jobs: int | None,
    searchable_pdf: Path | None,
    max_pages: int,
    max_chars: int,
    join: bool,
    verbose: bool,
) -> None:
    """Extract the structure of each FILE (.docx, .pdf, .txt, or a scan:
    .png, .jpg, .tif, .heic, or a PDF without a text layer, read by OCR).
    A folder of page photos is one document, its pages in name order."""
    from pipeline import extract_file
    from pipeline.model import to_json
    from pipeline.render import render_text

    options = {
        "ocr": ocr,
        "jobs": jobs,
        "searchable_pdf": searchable_pdf,
        "max_pages": max_pages,
        "max_chars": max_chars,
    }

    if join:
        sys.exit(_extract_joined(files, fmt, output, options, verbose))
    several = len(files) > 1
    failures: list[int] = []
    sink = _Sink(output)
    try:
        for path in files:
            try:
                result = extract_file(path, **options)
                if fmt == "text":
                    chunk = render_text(result) + ("\n" if several else "")
                else:
                    chunk = to_json(result, indent=None if several else 2)
            except Exception as error:  # noqa: BLE001 - every failure becomes one line
                failures.append(_fail(error, verbose))
                continue
            sink.write(chunk)
    except OutputError as error:
        sys.exit(_fail(error, verbose))
    finally:
        sink.close()
    if failures:
        sys.exit(_exit_code(failures, len(files)))


def _extract_joined(files, fmt: str, output: Path | None, options: dict, verbose: bool) -> int:
    """`extract --join`: the files as the pages of one document; the exit code."""
    from pipeline.extract import extract as run_extract
    from pipeline.ingest.pages import read_pages
    from pipeline.model import to_json
    from pipeline.render import render_text

    sink = _Sink(output)
    try:
        result = run_extract(read_pages(files, **options))
        sink.write(render_text(result) if fmt == "text" else to_json(result, indent=2))
    except Exception as error:  # noqa: BLE001 - mapped to its exit code
        return _fail(error, verbose)
    finally:
        sink.close()
    return 0


def _exit_code(failures: list[int], count: int) -> int:
    """One file: its own code. Several: 2 when some went through; when all failed,
    their common code, or 2 when they failed for different reasons."""
    if count == 1 or (len(failures) == count and len(set(failures)) == 1):
        return failures[0]
    return SOME_FAILED


class _Sink:
    """stdout, or the -o file opened on the first result (a run where every input
    fails leaves an earlier output file as it was)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.handle = None

    def write(self, chunk: str) -> None:
        try:
            if self.path is None:
                click.echo(chunk)
                return
            if self.handle is None:
                self.handle = self.path.open("w", encoding="utf-8")
            self.handle.write(chunk + "\n")
            self.handle.flush()
        except OSError as error:
            raise OutputError(
                str(self.path), _("cannot write the output ({error})").format(error=error.strerror)
            ) from error

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


@main.command(epilog=CHECK_EXAMPLE)
@click.argument("decree", type=click.Path(path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx", "html"]),
    default="table",
    show_default=True,
    help=_(
        "table: a matrix for the terminal; json: statuses with evidence; xlsx: a workbook; "
        "html: a page where each cell opens on its evidence."
    ),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help=_("Write to this file instead of stdout (required for xlsx)."),
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help=_("Refuse files with more characters of text than this (exit 18)."),
)
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def check(
    decree: Path,
    reports: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    max_chars: int,
    verbose: bool,
) -> None:
    """Check REPORTS on execution against DECREE: per organization and per item,
    done, partial, not done, not applicable or no information, with the sentence
    of the report that says so.

    Exits with 2 when some reports could not be read (the others are still in
    the matrix) and with 13 when the decree has no numbered items.
    """
    from pipeline.check import check as run_check

    if fmt == "xlsx" and output is None:
        raise click.UsageError(_("--format xlsx writes a file: give it with -o status.xlsx"))
    try:
        if fmt == "html":
            from pipeline.review import check_page

            page = check_page(decree, reports, max_chars=max_chars)
            result, html = page.result, page.html
        else:
            result, html = run_check(decree, reports, max_chars=max_chars), None
    except Exception as error:  # noqa: BLE001 - the decree itself failed: one line
        sys.exit(_fail(error, verbose))
    try:
        _write_check(result, fmt, output, html)
    except OSError as error:
        problem = OutputError(
            str(output), _("cannot write the output ({error})").format(error=error.strerror)
        )
        sys.exit(_fail(problem, verbose))
    for failure in result.failed:
        click.echo(f"decree: {failure.message}", err=True)
    if result.failed:
        sys.exit(SOME_FAILED)


def _write_check(result, fmt: str, output: Path | None, html: str | None = None) -> None:
    """The matrix of `decree check` as a workbook, JSON, a page (html, made with
    the result) or a terminal table."""
    if fmt == "xlsx":
        from pipeline.check.render_xlsx import write_xlsx

        write_xlsx(result, output)
        click.echo("decree check: " + _("wrote {path}").format(path=output), err=True)
        return
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "json":
            from pipeline.model import to_json

            click.echo(to_json(result.to_dict()), file=out)
        elif fmt == "html":
            out.write(html or "")
        else:
            from pipeline.check.render_table import print_table

            print_table(result, file=out)
    finally:
        if output:
            out.close()
    if output and fmt == "html":
        click.echo("decree check: " + _("wrote {path}").format(path=output), err=True)


@main.command(epilog=REVIEW_EXAMPLE)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help=_("Write the page to this file instead of stdout."),
)
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def review(files: tuple[Path, ...], output: Path | None, verbose: bool) -> None:
    """Lay FILES out on one self-contained HTML page: each document's text with
    every fact the extraction found highlighted where it stands (header,
    directives, addressees, deadlines with their dates, figures, persons,
    references, URLs), and beside it the directives, the warnings and, for
    scans, the OCR confidence of each page.

    Exits with 2 when some files could not be read (the others are still on
    the page), with the file's own code when the only one could not.
    """
    from pipeline.review import review as run_review

    try:
        page = run_review(files)
    except Exception as error:  # noqa: BLE001 - every failure becomes one line
        sys.exit(_fail(error, verbose))
    for failure in page.failed:
        click.echo(f"decree: {failure.message}", err=True)
    if page.html is not None:
        try:
            if output is None:
                click.echo(page.html)
            else:
                output.write_text(page.html, encoding="utf-8")
                click.echo("decree review: " + _("wrote {path}").format(path=output), err=True)
        except OSError as error:
            problem = OutputError(
                str(output), _("cannot write the output ({error})").format(error=error.strerror)
            )
            sys.exit(_fail(problem, verbose))
    if page.failed:
        sys.exit(_exit_code([f.exit_code for f in page.failed], len(files)))


@main.command(name="eval", epilog=EVAL_EXAMPLE)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--min-header", type=float, default=0.0, help=_("Fail under this header accuracy."))
@click.option("--min-directives", type=float, default=0.0, help=_("Fail under this directive F1."))
@click.option("--min-deadlines", type=float, default=0.0, help=_("Fail under this deadline F1."))
@click.option("--min-figures", type=float, default=0.0, help=_("Fail under this figure F1."))
@click.option("--min-persons", type=float, default=0.0, help=_("Fail under this person F1."))
@click.option("--min-references", type=float, default=0.0, help=_("Fail under this reference F1."))
@click.option(
    "--min-organization", type=float, default=0.0, help=_("Reports: fail under this accuracy.")
)
@click.option(
    "--min-status", type=float, default=0.0, help=_("Reports: fail under this status accuracy.")
)
@click.option("--details", is_flag=True, help=_("List every mismatch, per document."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the scores as JSON."))
def evaluate(
    folder: Path,
    min_header: float,
    min_directives: float,
    min_deadlines: float,
    min_figures: float,
    min_persons: float,
    min_references: float,
    min_organization: float,
    min_status: float,
    details: bool,
    as_json: bool,
) -> None:
    """Score extraction against the gold files (*.expected.json) in FOLDER.

    Prints precision, recall and F1 per field and exits with 1 when a score
    is under its --min-* threshold. In a folder of reports, the organization,
    the decrees they answer (refers_to) and, for every <decree>.status.json,
    the statuses `decree check` gives are scored too.
    """
    from pipeline.evaluate import evaluate_folder, format_report

    report = evaluate_folder(folder)
    if as_json:
        from pipeline.model import to_json

        click.echo(to_json(report.summary()))
    else:
        click.echo(format_report(report, details=details))
    thresholds = {
        "header": min_header,
        "directives": min_directives,
        "deadlines": min_deadlines,
        "figures": min_figures,
        "persons": min_persons,
        "references": min_references,
        "organization": min_organization,
        "status": min_status,
    }
    failed = [
        f"{name} {report.f1(name):.3f} < {limit}"
        for name, limit in thresholds.items()
        if report.below(name, limit)
    ]
    if failed:
        click.echo("decree eval: " + _("under threshold: ") + "; ".join(failed), err=True)
        sys.exit(1)


DRAFT_EXAMPLE = N_("""
\b
Examples:
  decree draft resolution corpus/sample-drsop-22-3.txt corpus/reports/*-22-3*.txt \\
      --meeting-date 2023-12-14 --number 25-4 -o out/resolution.docx
  decree draft appointment --org "Дагестанская республиканская организация Профсоюза
      работников здравоохранения РФ" --person "Курбанова Патимат Магомедовна"
      --position "заведующая отделом организационной работы" -o out/appointment.docx
  decree draft card corpus/sample-drsop-22-3.txt corpus/reports/*-22-3*.txt -o out/card.docx
""")

RENDER_EXAMPLE = N_("""
\b
Examples:
  decree render templates/docx/resolution.docx templates/docx/resolution.json -o out.docx
  decree render my-letter.docx context.json -o letter.docx --pdf
""")

ISO_DATE = click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"])


def _day(value) -> date | None:
    return value.date() if value is not None else None


def template_options(f):
    f = click.option(
        "--template",
        type=click.Path(path_type=Path),
        help=_("Your own copy of the template (a .docx with the same tags)."),
    )(f)
    f = click.option(
        "--templates",
        type=click.Path(path_type=Path),
        help=_(
            "A folder of your own templates (resolution.docx, appointment.docx, "
            "control_card.docx); missing ones are taken from decree."
        ),
    )(f)
    f = click.option(
        "--pdf", is_flag=True, help=_("Also write a PDF beside the DOCX (LibreOffice).")
    )(f)
    f = click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=_("The .docx to write."),
    )(f)
    f = click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))(f)
    return f


def _finish(out: Path, pdf: bool) -> None:
    click.echo("decree: " + _("wrote {path}").format(path=out), err=True)
    if pdf:
        from pipeline.generate import to_pdf

        made = to_pdf(out)
        if made is None:
            click.echo(
                "decree: "
                + _(
                    "no PDF: LibreOffice is not installed "
                    "(apt-get install libreoffice-writer-nogui)"
                ),
                err=True,
            )
        else:
            click.echo("decree: " + _("wrote {path}").format(path=made), err=True)


def _run(verbose: bool, work) -> None:
    try:
        work()
    except Exception as error:  # noqa: BLE001 - every failure becomes one line
        sys.exit(_fail(error, verbose))


@main.group(epilog=DRAFT_EXAMPLE)
def draft() -> None:
    """Write drafts as Word documents: a follow-up resolution for the next
    meeting, an appointment order, a control card."""


@draft.command(epilog=DRAFT_EXAMPLE)
@click.argument("decree", type=click.Path(path_type=Path))
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--meeting-date", type=ISO_DATE, help=_("Date of the meeting (YYYY-MM-DD); blank if left out.")
)
@click.option("--number", help=_("Number of the new resolution; blank if left out."))
@click.option(
    "--roster",
    type=click.Path(path_type=Path),
    help=_("CSV of member organizations: name;members — to say who has not reported."),
)
@click.option(
    "--deadline",
    type=ISO_DATE,
    help=_(
        "New deadline for what is not done  [default: a month after the meeting, on a working day]"
    ),
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
        from pipeline.check import check, read
        from pipeline.generate import render_docx, template_path
        from pipeline.generate.resolution import build_resolution_context
        from pipeline.generate.roster import read_roster

        members = read_roster(roster) if roster else ()
        _text, extraction = read(decree)
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
@click.option("--org", help=_("The organization, in the nominative."))
@click.option("--person", help=_('Full name in the nominative: "Фамилия Имя Отчество".'))
@click.option("--position", help=_("The person's position, in the nominative."))
@click.option(
    "--duty",
    default="информационную работу",
    show_default=True,
    help=_('What the person answers for, after "ответственным за".'),
)
@click.option("--basis", type=click.Path(path_type=Path), help=_("The decree that asks for it."))
@click.option(
    "--from-report",
    type=click.Path(path_type=Path),
    help=_("Take the organization, person and position from this report."),
)
@click.option("--date", "act_date", type=ISO_DATE, help=_("Date of the order; blank if left out."))
@click.option("--number", help=_("Number of the order; blank if left out."))
@click.option(
    "--doc-type",
    type=click.Choice(["распоряжение", "приказ", "постановление"]),
    default="распоряжение",
    show_default=True,
    help=_("The kind of act."),
)
@click.option("--signer", help=_('Who signs: "Председатель|И.О. Фамилия".'))
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
        from pipeline.check import read
        from pipeline.generate import render_docx, template_path
        from pipeline.generate.appointment import build_appointment_context, short_name

        nonlocal org, person, position
        signatory = tuple(signer.split("|", 1)) if signer and "|" in signer else None
        if from_report:
            _text, report = read(from_report)
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
                _("no {options} given").format(options=", ".join(missing)),
                _("give them as options, or a report that names them"),
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
        click.echo("decree: " + _("appointed {name}").format(name=short_name(person)), err=True)
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
@click.option("--as-of", type=ISO_DATE, help=_("Date of the card  [default: today]"))
@template_options
def card(decree, reports, as_of, template, templates, pdf, output, verbose) -> None:
    """Draft the control card of DECREE: its items, executors, deadlines and,
    when REPORTS are given, what they say and the status."""

    def work():
        from pipeline.check import check, read
        from pipeline.generate import render_docx, template_path
        from pipeline.generate.card import build_card_context

        _text, extraction = read(decree)
        result = check(decree, reports) if reports else None
        context = build_card_context(extraction, result, _day(as_of))
        render_docx(template_path("control_card", template, templates), context, output)
        _finish(output, pdf)

    _run(verbose, work)


@main.command(epilog=RENDER_EXAMPLE)
@click.argument("template", type=click.Path(path_type=Path))
@click.argument("context", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("The .docx to write."),
)
@click.option("--pdf", is_flag=True, help=_("Also write a PDF beside the DOCX (LibreOffice)."))
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def render(template: Path, context: Path, output: Path, pdf: bool, verbose: bool) -> None:
    """Fill TEMPLATE (a .docx with Jinja tags) with CONTEXT (a JSON object).

    An undeclared variable exits with 17, a broken tag with 16, a missing
    template with 15, each with one line naming the variable or the tag.
    """

    def work():
        from pipeline.generate import render_docx

        if not context.is_file():
            raise InputMissing(str(context), _("no such context file"))
        try:
            values = json.loads(context.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ContextMismatch(
                str(context),
                _("not a JSON object ({error})").format(error=error),
                _("check the file with a JSON validator"),
            ) from None
        if not isinstance(values, dict):
            raise ContextMismatch(str(context), _("the context must be a JSON object {…}"))
        render_docx(template, values, output)
        _finish(output, pdf)

    _run(verbose, work)


BATCH_EXAMPLE = N_("""
\b
Examples:
  decree batch corpus/ --db registry.sqlite
  decree batch archive/2019 archive/2020 --jobs 2
  decree batch archive/ --scheduler tcp://10.0.0.5:8786
""")

REGISTRY_EXAMPLE = N_("""
\b
Examples:
  decree registry search подписка
  decree registry due --overdue --as-of 2025-01-01
  decree registry due --from 2024-01-01 --to 2024-03-31 --org культуры --format csv
  decree registry show sample-drsop-22-3.txt
  decree registry export --format ics -o deadlines.ics
""")


def _db_option(f):
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=lambda: os.environ.get("DECREE_DB", "registry.sqlite"),
        show_default=_("registry.sqlite, or $DECREE_DB"),
        help=_("The registry (an SQLite file)."),
    )(f)


@main.command(epilog=BATCH_EXAMPLE)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help=_("Worker processes that read files."),
)
@click.option(
    "--scheduler", help=_('Run on a Dask cluster at this address ("local": a LocalCluster).')
)
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def batch(paths, db, jobs, scheduler, verbose) -> None:
    """Read every document under PATHS (folders recursively: .docx, .pdf, .txt,
    scans; .doc, .rtf and .odt through LibreOffice) into the registry DB.

    Unchanged files are skipped, so a second run (or one after Ctrl-C) only does
    what is left; a file that cannot be read is recorded with its error. Reports
    are linked to the decrees they answer, with the status of every item.
    Exits 2 when some files failed.
    """
    from pipeline.registry import connect, run_batch

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"decree: {path}: " + _("no such file or folder — check the path"), err=True)
    try:
        conn = connect(db)
        with _progress(_("reading")) as tick:
            summary = run_batch(conn, [p for p in paths if p.exists()], jobs, scheduler, tick)
    except Exception as error:  # noqa: BLE001 - the registry itself failed: one line
        sys.exit(_fail(error, verbose))
    for path, message in summary.failures:
        click.echo(f"decree: {message if path in message else f'{path}: {message}'}", err=True)
    click.echo("decree batch: " + batch_summary(summary, db), err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed or missing:
        sys.exit(SOME_FAILED)


KIND_NAMES = {"decree": N_("decrees"), "order": N_("orders"), "protocol": N_("protocols"),
              "report": N_("reports"), "other": N_("other documents")}  # fmt: skip


def batch_summary(summary, db) -> str:
    """The last line of a batch: counts with their plural forms, by kind."""
    kinds = ", ".join(f"{_(KIND_NAMES.get(k, k))}: {n}" for k, n in sorted(summary.kinds.items()))
    done = ngettext("processed {n} file", "processed {n} files", summary.processed)
    line = done.format(n=summary.processed) + (f" ({kinds})" if kinds else "")
    line += ", " + _("skipped {n} unchanged").format(n=summary.skipped)
    line += ", " + _("failed {n}").format(n=summary.failed)
    line += "; " + _("registry {db}").format(db=db)
    if summary.interrupted:
        line += " — " + _("interrupted: what was finished is kept; run again to go on")
    return line


class _progress:
    """A progress bar on stderr (counts, rate, ETA) when stderr is a terminal."""

    def __init__(self, what: str):
        self.what = what

    def __enter__(self):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        self.bar = Progress(
            TextColumn(self.what),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self.bar.start()
        self.task = self.bar.add_task(self.what, total=None)
        return self.tick

    def tick(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        self.bar.stop()


@main.group(epilog=REGISTRY_EXAMPLE)
def registry() -> None:
    """Ask the registry made by `decree batch`: search, what is due, a document, export."""


# How the registry's rows read in a terminal: a label and a width per column.
TABLE_LABELS = {
    "deadline_date": ("Срок", 10), "state": ("", 11), "number": ("№", 9), "date": ("от", 10),
    "item": ("п.", 5), "text": ("Поручение", 60), "addressees": ("Кому", 28),
    "issuer": ("Кем принят", 28), "snippet": ("Найдено", 60), "path": ("Файл", 24),
}  # fmt: skip
STATE_WORDS = {"overdue": "просрочено", "due": "срок", "periodic": "периодич.",
               "permanent": "постоянно"}  # fmt: skip


def _rows_out(
    rows: list[dict], fmt: str, columns: tuple[str, ...], limit: int | None = None
) -> None:
    """Print rows; `rows` may hold one past `limit`, which says there are more."""
    more = limit is not None and len(rows) > limit
    rows = rows[:limit] if more else rows
    if fmt == "json":
        from pipeline.registry.export import to_json

        click.echo(to_json(rows))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in columns:
            label, width = TABLE_LABELS.get(c, (c, 20))
            table.add_column(label, max_width=width, no_wrap=c not in ("text", "snippet"))
        for r in rows:
            cells = []
            for c in columns:
                value = r.get(c) or ""
                value = STATE_WORDS.get(value, value) if c == "state" else value
                value = day(value) if c in ("deadline_date", "date") else value
                value = Path(value).name if c == "path" else str(value)
                width = TABLE_LABELS.get(c, (c, 20))[1]
                cells.append(value if len(value) <= 2 * width else value[: 2 * width - 1] + "…")
            table.add_row(*cells)
        Console(width=max(160, Console().width)).print(table)
        click.echo(ngettext("{n} row", "{n} rows", len(rows)).format(n=len(rows)), err=True)
    if more:
        click.echo(
            _("only the first {n} rows are shown; --limit 0 shows all").format(n=limit),
            err=True,
        )


def _open_registry(db: Path):
    from pipeline.errors import InputMissing
    from pipeline.registry import connect

    if not db.is_file():
        raise InputMissing(
            str(db),
            _("no registry here"),
            _("make one with: decree batch FOLDER --db {db}").format(db=db),
        )
    return connect(db)


FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help=_("How to print the rows."),
)


def _limit_option(default: str):
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        help=_("At most this many rows; 0 shows all."),
        show_default=default,
    )


@registry.command(epilog=REGISTRY_EXAMPLE)
@click.argument("query")
@_db_option
@FORMAT
@_limit_option("50")
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def search(query, db, fmt, limit, verbose) -> None:
    """Directives and documents with every word of QUERY, in any of its forms."""
    from pipeline.registry.queries import search as run_search

    limit = 50 if limit is None else limit or None
    _run(
        verbose,
        lambda: _rows_out(
            run_search(_open_registry(db), query, limit=limit + 1 if limit else None),
            fmt,
            ("date", "number", "issuer", "item", "snippet", "path"),
            limit,
        ),
    )


@registry.command(epilog=REGISTRY_EXAMPLE)
@_db_option
@click.option("--from", "start", type=ISO_DATE, help=_("Deadlines from this day."))
@click.option("--to", "end", type=ISO_DATE, help=_("Deadlines up to this day."))
@click.option("--overdue", is_flag=True, help=_("Only what is past its deadline and not done."))
@click.option("--as-of", type=ISO_DATE, help=_("Today, for --overdue  [default: today]"))
@click.option("--org", help=_("Only directives whose addressees, persons or issuer contain this."))
@FORMAT
@_limit_option(_("100 in a table, all in json and csv"))
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def due(db, start, end, overdue, as_of, org, fmt, limit, verbose) -> None:
    """Directives falling due (dated and not done), then the periodic and permanent
    ones, which are never overdue. A directive is done when a report said so."""
    from pipeline.registry.queries import due as run_due

    if limit is None:
        limit = 100 if fmt == "table" else 0
    limit = limit or None

    def work():
        rows = run_due(
            _open_registry(db),
            _day(start),
            _day(end),
            overdue,
            _day(as_of),
            org,
            limit=limit + 1 if limit else None,
        )
        _rows_out(
            rows,
            fmt,
            ("deadline_date", "state", "number", "date", "item", "text", "addressees", "path"),
            limit,
        )

    _run(verbose, work)


@registry.command(epilog=REGISTRY_EXAMPLE)
@click.argument("doc")
@_db_option
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def show(doc, db, verbose) -> None:
    """One document (by path, file name, number or id) with its directives and statuses."""
    from pipeline.errors import InputMissing
    from pipeline.registry.export import to_json
    from pipeline.registry.queries import show as run_show

    def work():
        found = run_show(_open_registry(db), doc)
        if found is None:
            raise InputMissing(
                doc,
                _("no such document in the registry"),
                _("search for it: decree registry search WORDS"),
            )
        click.echo(to_json(found))

    _run(verbose, work)


@registry.command(epilog=REGISTRY_EXAMPLE)
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "ics", "json"]),
    default="csv",
    show_default=True,
    help=_("csv, xlsx, ics (a calendar), json."),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Write to this file (required for xlsx)."),
)
@click.option("-v", "--verbose", is_flag=True, help=_("Show tracebacks for errors."))
def export(db, fmt, output, verbose) -> None:
    """Every directive of the registry, with its deadline and whether it is done."""
    from pipeline.registry import export as ex
    from pipeline.registry.queries import all_directives

    if fmt == "xlsx" and output is None:
        raise click.UsageError(_("--format xlsx writes a file: give it with -o registry.xlsx"))

    def work():
        rows = all_directives(_open_registry(db))
        if fmt == "xlsx":
            ex.to_xlsx(rows, output)
            click.echo("decree: " + _("wrote {path}").format(path=output), err=True)
            return
        text = {"csv": ex.to_csv, "ics": ex.to_ics, "json": ex.to_json}[fmt](rows)
        if output:
            output.write_text(text, encoding="utf-8", newline="")
            click.echo("decree: " + _("wrote {path}").format(path=output), err=True)
        else:
            click.echo(text, nl=False)

    _run(verbose, work)


if __name__ == "__main__":
    main(prog_name="decree")
