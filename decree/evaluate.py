"""`decree eval`: score extraction against hand-written gold files.

For every `<slug>.expected.json` in a folder, the document `<slug>.<ext>` beside
it is extracted and compared field by field. Header fields (and the kind) are
scored as accuracy; directives, deadlines, figures, persons, references and
URLs as precision / recall / F1 over matched items.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from decree.model import to_plain

HEADER_FIELDS = ("kind", "issuer", "doc_type", "date", "number", "place", "title")
FIELDS = (
    "header",
    "directives",
    "deadlines",
    "figures",
    "persons",
    "references",
    "urls",
    "addressees",
    "responsible",
    "organization",  # reports: see evaluate_reports.py
    "refers_to",
    "status",
)
TEXT_MATCH = 0.8  # directive texts at least this similar count as the same item


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Counter, pred: Counter) -> tuple[list, list]:
        common = gold & pred
        self.tp += sum(common.values())
        missed = list((gold - pred).elements())
        extra = list((pred - gold).elements())
        self.fn += len(missed)
        self.fp += len(extra)
        return missed, extra

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    problems: dict[str, list[str]] = field(default_factory=dict)
    documents: int = 0
    failed: int = 0

    def f1(self, name: str) -> float:
        return self.scores[name].f1

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "fields": {
                name: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "support": s.tp + s.fn,
                }
                for name, s in self.scores.items()
            },
        }


def norm(value: Any) -> str:
    s = str(value or "").casefold().replace("ё", "е")
    s = re.sub(r"[«»\"“”„']", "", s)
    s = re.sub(r"\s*([-/.])\s*", r"\1", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    return s


# One name, two spellings: the full and the short form count as the same words.
NAME_VARIANTS = (
    (re.compile(r"российск\w* федераци\w*"), "рф"),
    (re.compile(r"профессиональн\w* союз\w*"), "профсоюз"),
)


def _lemmas(s: str) -> frozenset[str]:
    from decree.nlp import lemma

    s = norm(s)
    for regex, short in NAME_VARIANTS:
        s = regex.sub(short, s)
    return frozenset(lemma(w) for w in re.findall(r"\w+", s))


def same_header_field(name: str, gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = norm(gold), norm(pred)
    if g == p:
        return True
    if name == "issuer":
        # Heads of the same body are named in full or in part ("Президиум
        # Федерации профсоюзов РД" / "Президиум Союза организаций профсоюзов
        # «Федерация профсоюзов РД»"): one name must hold the other's words and
        # most of its own.
        a, b = _lemmas(g), _lemmas(p)
        small, large = sorted((a, b), key=len)
        return bool(small) and small <= large and len(small) / len(large) >= 0.6
    if name == "place":
        strip = re.compile(r"^(?:г\.|город|с\.|село|пос\.|п\.)\s*")
        return strip.sub("", g) == strip.sub("", p)
    if name == "title":
        return SequenceMatcher(None, g, p).ratio() >= 0.9
    return False


def person_key(name: str) -> tuple[str, ...]:
    tokens = re.findall(r"[А-ЯЁA-Z][а-яёa-z\-]+|[А-ЯЁA-Z](?=\.)|[а-яё]+", name or "")
    return tuple(sorted(t.casefold().replace("ё", "е") for t in tokens))


UNIT_SYNONYMS = {"рубль": "руб", "руб": "руб", "р": "руб", "чел": "человек", "°с": "°c"}


def figure_key(f: dict[str, Any]) -> tuple:
    unit = norm(f.get("unit")).replace(" ", "").rstrip(".")
    unit = UNIT_SYNONYMS.get(unit, unit)
    value = round(float(f.get("value") or 0), 4)
    per = f.get("per")
    return (value, unit, round(float(per), 4) if per is not None else None)


def reference_key(r: dict[str, Any]) -> tuple:
    if r.get("number"):
        return (r.get("date"), norm(r["number"]).replace(" ", ""))
    return (None, norm(r.get("title") or r.get("doc_type")))


def url_key(u: str) -> str:
    u = norm(u)
    u = re.sub(r"^https?://", "", u)
    return re.sub(r"^www\.", "", u).rstrip("/")


def _pair_directives(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    by_id = {d["id"]: d for d in pred}
    pairs = []
    for g in gold:
        p = by_id.get(g["id"])
        if p and SequenceMatcher(None, norm(g["text"]), norm(p["text"])).ratio() >= TEXT_MATCH:
            pairs.append((g, p))
    return pairs


def compare(gold: dict[str, Any], pred: dict[str, Any], report: Report, slug: str) -> None:
    problems = report.problems.setdefault(slug, [])
    s = report.scores
    gh, ph = gold.get("header", {}), pred.get("header", {})
    for name in HEADER_FIELDS:
        g = gold.get("kind") if name == "kind" else gh.get(name, "<absent>")
        p = pred.get("kind") if name == "kind" else ph.get(name)
        if g == "<absent>":
            continue
        if same_header_field(name, g, p):
            s["header"].tp += 1
        else:
            s["header"].fn += 1
            s["header"].fp += 1  # a wrong field: header F1 is the accuracy
            problems.append(f"header.{name}: gold {g!r} got {p!r}")
    if "directives" in gold:
        gd, pd = gold["directives"], pred.get("directives", [])
        pairs = _pair_directives(gd, pd)
        matched = {id(p) for _, p in pairs}
        s["directives"].tp += len(pairs)
        s["directives"].fn += len(gd) - len(pairs)
        s["directives"].fp += sum(1 for p in pd if id(p) not in matched)
        got = {id(g) for g, _ in pairs}
        for g in gd:
            if id(g) not in got:
                problems.append(f"directive missed: {g['id']} {g['text'][:70]!r}")
        for p in pd:
            if id(p) not in matched:
                problems.append(f"directive extra: {p['id']} {p['text'][:70]!r}")

        def deadlines(ds: list[dict]) -> Counter:
            return Counter(
                (d["id"], d["deadline"]["date"])
                for d in ds
                if d.get("deadline") and d["deadline"].get("date")
            )

        missed, extra = s["deadlines"].add(deadlines(gd), deadlines(pd))
        for m in missed:
            problems.append(f"deadline missed: {m}")
        for m in extra:
            problems.append(f"deadline extra: {m}")
        for g, p in pairs:
            ga = Counter(norm(a) for a in g.get("addressees", []))
            pa = Counter(norm(a) for a in p.get("addressees", []))
            s["addressees"].add(ga, pa)
            gr = Counter(person_key(r) for r in g.get("responsible", []))
            pr = Counter(person_key(r) for r in p.get("responsible", []))
            s["responsible"].add(gr, pr)
    # (field, key, once): persons and references are listed once each, figures and
    # URLs at every occurrence.
    checks = (
        ("figures", figure_key, False),
        ("persons", lambda x: person_key(x.get("normal", "")), True),
        ("references", reference_key, True),
        ("urls", url_key, False),
    )
    for name, key, once in checks:
        if name not in gold:
            continue
        gold_keys = list(map(key, gold[name]))
        pred_keys = list(map(key, pred.get(name, [])))
        if once:
            gold_keys, pred_keys = list(set(gold_keys)), list(set(pred_keys))
        gc, pc = Counter(gold_keys), Counter(pred_keys)
        missed, extra = s[name].add(gc, pc)
        for m in missed:
            problems.append(f"{name} missed: {m}")
        for m in extra:
            problems.append(f"{name} extra: {m}")
    from decree.evaluate_reports import compare_report

    compare_report(gold, pred, report, slug)


def find_documents(folder: Path) -> list[tuple[Path, Path]]:
    """(document, gold) pairs in `folder` (not its subfolders)."""
    pairs = []
    for gold in sorted(folder.glob("*.expected.json")):
        slug = gold.name[: -len(".expected.json")]
        docs = [p for p in folder.glob(slug + ".*") if p != gold and not p.name.endswith(".json")]
        docs = [p for p in docs if p.name[len(slug) :].count(".") == 1]
        if docs:
            pairs.append((docs[0], gold))
    return pairs


def evaluate_folder(folder: Path) -> Report:
    from decree.evaluate_reports import score_statuses
    from decree.pipeline.check import read as read_document

    report = Report()
    read: dict = {}  # file name -> (text, extraction), reused by the status scoring
    for doc, gold_path in find_documents(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report.documents += 1
        try:
            read[doc.name] = read_document(doc)
            pred = to_plain(read[doc.name][1])
        except Exception as error:  # noqa: BLE001 - a failed document scores zero
            report.failed += 1
            pred = {}
            report.problems.setdefault(doc.name, []).append(f"failed: {error}")
        compare(gold, pred, report, doc.name)
    score_statuses(folder, read, report)
    return report


def format_report(report: Report, details: bool = False) -> str:
    rows = [f"{'field':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for name, s in report.scores.items():
        if name in ("organization", "refers_to", "status") and not s.tp + s.fn + s.fp:
            continue  # report fields: shown where the folder has reports
        rows.append(
            f"{name:<12} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp + s.fn:>8}"
        )
    rows.append(f"documents: {report.documents}, failed: {report.failed}")
    if details:
        for slug, problems in report.problems.items():
            if problems:
                rows.append(f"\n{slug}")
                rows.extend(f"  {p}" for p in problems)
    return "\n".join(rows)
