"""One document's extraction against its gold, field by field.

A list field the gold leaves out (a report's gold has no "directives") is taken
as empty, so that whatever the program printed there counts as false positives.
Only the header of a report is left unscored: the gold format gives reports
none (their organization is scored by reports.py).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pipeline.evaluate.keys import (
    deadline_key,
    figure_key,
    norm,
    person_key,
    reference_key,
    same_header_field,
    same_signatory,
    similar,
    url_key,
)
from pipeline.evaluate.score import HEADER_FIELDS, Report

TEXT_MATCH = 0.8  # directive texts at least this similar count as the same item
DEADLINE_TEXT_MATCH = 0.8  # the deadline phrase, likewise

# (field, key, once): persons and references are listed once each, figures and
# URLs at every occurrence.
LIST_FIELDS = (
    ("figures", figure_key, False),
    ("persons", lambda x: person_key(x.get("normal", "")), True),
    ("references", reference_key, True),
    ("urls", url_key, False),
)


def compare(gold: dict[str, Any], pred: dict[str, Any], report: Report, slug: str) -> None:
    problems = report.problems.setdefault(slug, [])
    s = report.scores
    right = gold.get("kind") == pred.get("kind")
    s["kind"].judge(right)
    if not right:
        problems.append(f"kind: gold {gold.get('kind')!r} got {pred.get('kind')!r}")
    if "header" in gold:
        _compare_header(gold["header"], pred.get("header") or {}, report, problems)
    _compare_directives(
        gold.get("directives") or [], pred.get("directives") or [], report, problems
    )
    for name, key, once in LIST_FIELDS:
        gold_keys = [key(x) for x in gold.get(name) or []]
        pred_keys = [key(x) for x in pred.get(name) or []]
        if once:
            gold_keys, pred_keys = list(set(gold_keys)), list(set(pred_keys))
        missed, extra = s[name].add(Counter(gold_keys), Counter(pred_keys))
        problems += [f"{name} missed: {m}" for m in missed]
        problems += [f"{name} extra: {m}" for m in extra]
    if "signatory" in gold:
        right = same_signatory(gold["signatory"], pred.get("signatory"))
        s["signatory"].judge(right)
        if not right:
            problems.append(f"signatory: gold {gold['signatory']!r} got {pred.get('signatory')!r}")


def _compare_header(gh: dict, ph: dict, report: Report, problems: list[str]) -> None:
    for name in HEADER_FIELDS:
        if name not in gh:
            continue
        right = same_header_field(name, gh[name], ph.get(name))
        report.scores["header"].judge(right)
        report.header_fields[name].judge(right)
        if not right:
            problems.append(f"header.{name}: gold {gh[name]!r} got {ph.get(name)!r}")


def _pair_directives(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    by_id = {d["id"]: d for d in pred}
    pairs = []
    for g in gold:
        p = by_id.get(g["id"])
        if p and similar(g["text"], p["text"], TEXT_MATCH):
            pairs.append((g, p))
    return pairs


def _deadlines(directives: list[dict]) -> Counter:
    return Counter(deadline_key(d["id"], d["deadline"]) for d in directives if d.get("deadline"))


def _compare_directives(gd: list[dict], pd: list[dict], report: Report, problems: list) -> None:
    s = report.scores
    pairs = _pair_directives(gd, pd)
    matched = {id(p) for _, p in pairs}
    got = {id(g) for g, _ in pairs}
    s["directives"].tp += len(pairs)
    s["directives"].fn += len(gd) - len(pairs)
    s["directives"].fp += len(pd) - len(pairs)
    problems += [f"directive missed: {g['id']} {g['text'][:70]!r}" for g in gd if id(g) not in got]
    problems += [
        f"directive extra: {p['id']} {p['text'][:70]!r}" for p in pd if id(p) not in matched
    ]
    # Deadlines are scored on every item, paired or not: a deadline printed under
    # the wrong item is a miss and a false positive.
    missed, extra = s["deadlines"].add(_deadlines(gd), _deadlines(pd))
    problems += [f"deadline missed: {m}" for m in missed]
    problems += [f"deadline extra: {m}" for m in extra]
    pred_by_id = {d["id"]: d.get("deadline") for d in pd if d.get("deadline")}
    gold_ids = set()
    for g in gd:
        if not g.get("deadline"):
            continue
        gold_ids.add(g["id"])
        want, have = g["deadline"].get("text"), (pred_by_id.get(g["id"]) or {}).get("text")
        if have is not None and similar(want, have, DEADLINE_TEXT_MATCH):
            s["deadline_text"].tp += 1
            continue
        s["deadline_text"].fn += 1
        if have is not None:
            s["deadline_text"].fp += 1
            problems.append(f"deadline text {g['id']}: gold {want!r} got {have!r}")
    s["deadline_text"].fp += sum(1 for i in pred_by_id if i not in gold_ids)
    for g, p in pairs:
        ga = Counter(norm(a) for a in g.get("addressees", []))
        pa = Counter(norm(a) for a in p.get("addressees", []))
        missed, extra = s["addressees"].add(ga, pa)
        problems += [f"addressee missed {g['id']}: {m!r}" for m in missed]
        problems += [f"addressee extra {g['id']}: {m!r}" for m in extra]
        gr = Counter(person_key(r) for r in g.get("responsible", []))
        pr = Counter(person_key(r) for r in p.get("responsible", []))
        s["responsible"].add(gr, pr)
