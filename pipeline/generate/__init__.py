"""Drafts: filled DOCX documents from what was read (the generate stage).

    draft_resolution(decree, reports, out)  follow-up resolution for the next meeting
    draft_appointment(org, person, position, out)  appointment of a responsible person
    draft_card(decree, reports, out)  control card of the decree's items
    render(template, context, out)  any template with any context

Each builds a JSON-ready context (context.py modules) and renders a template of
templates/docx/ with docxtpl; `templates` may name a folder holding the user's
own copies, `template` one file.
"""

from __future__ import annotations

from pipeline.generate.render import render_docx, to_pdf, variables
from pipeline.generate.templates import template_path

__all__ = ["render_docx", "template_path", "to_pdf", "variables"]
