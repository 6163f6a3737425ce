"""Where the DOCX templates are: the user's choice, else the shipped ones.

The shipped templates live in `templates/docx/` at the top of a source checkout;
an installed copy carries them in <prefix>/share/decree/templates/docx.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import TemplateMissing
from pipeline.i18n import _

NAMES = ("resolution", "appointment", "control_card")


def shipped_folder() -> Path:
    """templates/docx of the source checkout, else the installed copy under
    <prefix>/share/decree (pyproject.toml, data-files)."""
    import site
    import sys

    checkout = Path(__file__).resolve().parents[2] / "templates" / "docx"
    installed = [
        Path(base) / "share" / "decree" / "templates" / "docx"
        for base in (sys.prefix, sys.base_prefix, site.getuserbase())
    ]
    for candidate in (checkout, *installed):
        if (candidate / "resolution.docx").is_file():
            return candidate
    raise TemplateMissing(
        None,
        _("the built-in templates are missing from this installation"),
        _("reinstall decree, or give your own with --template"),
    )


def template_path(name: str, template: Path | None = None, folder: Path | None = None) -> Path:
    """The template to use for `name` ("resolution", …): `template` when given,
    else `<folder>/<name>.docx` when that exists, else the shipped one."""
    if template is not None:
        if not template.is_file():
            raise TemplateMissing(str(template), _("no such template"))
        return template
    if folder is not None:
        if not folder.is_dir():
            raise TemplateMissing(str(folder), _("no such templates folder"))
        own = folder / f"{name}.docx"
        if own.is_file():
            return own
    return shipped_folder() / f"{name}.docx"
