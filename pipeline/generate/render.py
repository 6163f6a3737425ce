"""DOCX from a template and a context, with docxtpl (Jinja2 inside Word).

Templates hold wording and layout only; every case, count and date is computed
in Python and handed in. Undefined variables are errors (StrictUndefined), and
the variables a template uses are checked against the context before anything
is rendered, so a typo in a user's template is one clear line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from pipeline.errors import ContextMismatch, OutputError, TemplateBroken, TemplateMissing
from pipeline.i18n import _

LEFTOVER_RE = re.compile(r"\{\{|\}\}|\{%|%\}")


def _environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined, autoescape=False)


def _open(template: Path):
    from docxtpl import DocxTemplate

    if not template.is_file():
        raise TemplateMissing(str(template), _("no such template"))
    try:
        doc = DocxTemplate(str(template))
        doc.init_docx()
    except Exception as error:  # noqa: BLE001 - python-docx raises several types here
        raise TemplateBroken(
            str(template), _("not a Word document ({error})").format(error=error)
        ) from None
    return doc


def _broken(template: Path, error: Exception) -> TemplateBroken:
    line = getattr(error, "lineno", None)
    what = getattr(error, "message", error)
    if line:
        message = _("broken tag near tag line {line}: {error}").format(line=line, error=what)
    else:
        message = _("broken tag: {error}").format(error=what)
    return TemplateBroken(str(template), message)


def variables(template: Path) -> set[str]:
    """The top-level variables a template uses."""
    from jinja2 import TemplateSyntaxError

    doc = _open(template)
    try:
        return set(doc.get_undeclared_template_variables(_environment()))
    except TemplateSyntaxError as error:
        raise _broken(template, error) from None


_DECLARED: dict[tuple[str, int, int], frozenset[str]] = {}


def _declared(doc, template: Path, env) -> frozenset[str]:
    """The template's variables, parsed once per version of the file (a batch of
    drafts renders the same template many times)."""
    stat = template.stat()
    key = (str(template.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _DECLARED:
        _DECLARED[key] = frozenset(doc.get_undeclared_template_variables(env))
    return _DECLARED[key]


def render_docx(template: Path, context: dict[str, Any], out: Path) -> Path:
    """Render `template` with `context` into `out`; returns `out`.

    Raises TemplateMissing, TemplateBroken (a tag Jinja cannot parse, with its
    line), ContextMismatch (a variable the context lacks) or OutputError.
    """
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    doc = _open(template)
    env = _environment()
    try:
        missing = sorted(_declared(doc, template, env) - set(context))
    except TemplateSyntaxError as error:
        raise _broken(template, error) from None
    if missing:
        raise ContextMismatch(
            str(template),
            _("the context has no variable {names}").format(names=", ".join(missing)),
        )
    try:
        doc.render(context, env)
    except UndefinedError as error:
        raise ContextMismatch(
            str(template), _("undefined in the context: {error}").format(error=error.message)
        ) from None
    except TemplateError as error:
        raise _broken(template, error) from None
    text = "\n".join(p.text for p in _paragraphs(doc.docx))
    if LEFTOVER_RE.search(text):
        raise TemplateBroken(str(template), _("a tag was left in the output (split across runs?)"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        doc.save(str(out))
    except OSError as error:
        raise OutputError(
            str(out), _("cannot write the document ({error})").format(error=error.strerror)
        ) from None
    return out


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def to_pdf(docx: Path) -> Path | None:
    """A PDF beside the DOCX via LibreOffice headless; None when LibreOffice is
    not installed (the caller says so)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    with tempfile.TemporaryDirectory(prefix="decree-lo-") as profile:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx.parent),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return docx.with_suffix(".pdf")
