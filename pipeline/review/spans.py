"""Marks on a text as a spaCy Doc with spans, rendered by displaCy's span visualizer.

The Doc comes from `spacy.blank("ru")` (the tokenizer only: no model is
loaded). Each mark's character offsets become a span through
`Doc.char_span(..., alignment_mode="expand")`, so a mark that starts or stops
inside a token covers the whole token.

displaCy writes a space after every token, which would print "г. ," for "г.,".
Tokens that touch (no whitespace between them) are therefore merged first,
except where a mark begins or ends between them, and the page sets
`white-space: pre-line` so that the text keeps its line breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html import escape
from typing import Any

from pipeline.review.marks import Mark

SPANS_KEY = "review"


@cache
def blank_ru() -> Any:
    """The Russian tokenizer of spaCy, built once."""
    import spacy

    return spacy.blank("ru")


def _boundaries(doc: Any, marks: Sequence[Mark]) -> set[int]:
    cuts: set[int] = set()
    for m in marks:
        span = doc.char_span(m.start, m.stop, alignment_mode="expand")
        if span is not None:
            cuts.update((span.start_char, span.end_char))
    return cuts


def _merge_touching(doc: Any, cuts: set[int]) -> None:
    groups: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(doc) + 1):
        if i < len(doc):
            prev, tok = doc[i - 1], doc[i]
            touching = not prev.whitespace_ and not prev.is_space and not tok.is_space
            if touching and tok.idx not in cuts:
                continue
        if i - begin > 1:
            groups.append((begin, i))
        begin = i
    with doc.retokenize() as retokenizer:
        for a, b in groups:
            retokenizer.merge(doc[a:b])


def build_doc(text: str, marks: Sequence[Mark], labels: dict[str, str]) -> tuple[Any, list[Mark]]:
    """(a Doc over `text` with one span per mark in doc.spans["review"], the
    marks that found no tokens). labels maps (kind, detail) to the span's label
    through `label_of`."""
    from spacy.tokens import Span

    doc = blank_ru()(text)
    _merge_touching(doc, _boundaries(doc, marks))
    spans, lost = [], []
    for m in marks:
        span = doc.char_span(m.start, m.stop, alignment_mode="expand")
        if span is None or not span.text.strip():
            lost.append(m)
            continue
        spans.append(Span(doc, span.start, span.end, label=labels[_key(m)]))
    doc.spans[SPANS_KEY] = spans
    return doc, lost


def _key(m: Mark) -> str:
    return f"{m.kind}\x00{m.detail or ''}"


def label_map(marks: Sequence[Mark], kinds: dict[str, dict[str, str]]) -> dict[str, str]:
    """The label of every mark's (kind, detail): "пункт 2", "срок 01.10.2023"."""
    labels = {}
    for m in marks:
        kind = kinds[m.kind]
        if m.detail:
            label = kind.get("with_detail", kind["label"] + " {}").format(m.detail)
        else:
            label = kind["label"]
        # displaCy prints labels as they are, into the markup and a title attribute
        labels[_key(m)] = escape(label, quote=True)
    return labels


def render_marks(
    text: str,
    marks: Sequence[Mark],
    kinds: dict[str, dict[str, str]],
    options: dict[str, Any],
) -> tuple[str, list[Mark]]:
    """(the HTML of `text` with `marks` as displaCy spans, the marks it could not
    place). kinds gives each kind its label and colour; options are displaCy's
    span options (templates, offsets)."""
    from spacy import displacy

    labels = label_map(marks, kinds)
    doc, lost = build_doc(text, marks, labels)
    colors = {labels[_key(m)]: kinds[m.kind]["color"] for m in marks}
    if not doc.spans[SPANS_KEY]:
        # displaCy warns (W117) on a Doc without spans; plain text needs no renderer
        return f'<div class="spans">{escape(text)}</div>', lost
    html = displacy.render(
        doc,
        style="span",
        options={**options, "spans_key": SPANS_KEY, "colors": colors},
    )
    return html, lost
