"""The HTML templates of the review pages (templates/html/) and their rendering.

Templates hold the wording and the layout; every value they print is computed
in Python and handed in. Jinja2 runs with StrictUndefined, so a variable the
code forgot fails the rendering instead of printing nothing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.errors import TemplateMissing
from pipeline.i18n import _


def html_folder() -> Path:
    """templates/html of the source checkout, else the installed copy under
    <prefix>/share/decree/templates/html (pyproject.toml, data-files)."""
    import site
    import sys

    checkout = Path(__file__).resolve().parents[2] / "templates" / "html"
    installed = [
        Path(base) / "share" / "decree" / "templates" / "html"
        for base in (sys.prefix, sys.base_prefix, site.getuserbase())
    ]
    for candidate in (checkout, *installed):
        if (candidate / "review.html").is_file():
            return candidate
    raise TemplateMissing(
        None, _("the HTML templates are missing from this installation"), _("reinstall decree")
    )


@cache
def kinds() -> dict[str, dict[str, str]]:
    """Each kind of mark: its label and colour (templates/html/kinds.json)."""
    return json.loads((html_folder() / "kinds.json").read_text(encoding="utf-8"))


@cache
def span_options() -> dict[str, Any]:
    """displaCy's span options from templates/html/displacy/: the span, slice and
    start templates and the offsets of the bars (options.json), in pixels."""
    folder = html_folder() / "displacy"
    options = json.loads((folder / "options.json").read_text(encoding="utf-8"))
    options["template"] = {
        name: (folder / f"{name}.html").read_text(encoding="utf-8").rstrip("\n")
        for name in ("span", "slice", "start")
    }
    return options


def render_page(name: str, context: dict[str, Any]) -> str:
    """templates/html/<name> filled with `context`."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(html_folder()),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name).render(**context)
