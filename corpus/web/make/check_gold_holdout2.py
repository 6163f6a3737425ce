"""Sanity checks of the hand-written gold of corpus/web (written for the 12 acts of the former corpus/web-holdout2) against their documents.
Not part of decree and does not run it. Checks: valid JSON with the contract's keys; ISO dates;
figures in order of appearance; every quoted gold string (title, number, place, directive and deadline texts, figure texts, URLs,
reference numbers, signatory name) occurs in the document (whitespace collapsed, case folded);
ids unique, parents declared before children and id prefixes matching; deadline kinds valid,
only `date` deadlines carry a date, and none falls before the document date; each person's
surname stem occurs in the document. Run with /work/main/.venv/bin/python."""
import json
import re
import sys
from datetime import date
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parents[1]
KEYS = {"kind", "header", "directives", "figures", "persons", "references", "signatory", "urls"}
HKEYS = {"issuer", "doc_type", "date", "number", "place", "title"}


def text_of(p: Path) -> str:
    if p.suffix == ".docx":
        return "\n".join(par.text for par in docx.Document(p).paragraphs)
    return p.read_text(encoding="utf-8")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def iso(s):
    return s is None or bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s)) and date.fromisoformat(s)


errors = 0
golds = sorted(HERE.glob("*.expected.json"))
for g in golds:
    slug = g.name[: -len(".expected.json")]
    srcs = [p for p in HERE.glob(slug + ".*") if p.suffix in (".txt", ".docx")]
    probs = []
    if len(srcs) != 1:
        print(slug, "source?", srcs)
        errors += 1
        continue
    t = norm(text_of(srcs[0]))
    gold = json.loads(g.read_text(encoding="utf-8"))

    def need(s, what):
        if s and norm(s) not in t:
            probs.append(f"{what} not in text: {s!r}")

    if set(gold) != KEYS:
        probs.append(f"keys {set(gold) ^ KEYS}")
    h = gold["header"]
    if set(h) != HKEYS:
        probs.append(f"header keys {set(h) ^ HKEYS}")
    if gold["kind"] not in ("decree", "order", "protocol", "report", "other"):
        probs.append("kind")
    if not iso(h["date"]):
        probs.append("header date")
    for k in ("title", "number", "place"):
        need(h[k], k)
    if h["title"] and h["title"].rstrip()[-1] in ".;:":
        probs.append("title punctuation")
    d0 = date.fromisoformat(h["date"]) if h["date"] else None
    seen = set()
    for d in gold["directives"]:
        if set(d) != {"id", "text", "parent", "addressees", "responsible", "deadline"}:
            probs.append(f"directive keys {d.get('id')}")
        if d["id"] in seen:
            probs.append(f"dup id {d['id']}")
        if d["parent"] is not None:
            if d["parent"] not in seen:
                probs.append(f"parent {d['parent']} of {d['id']} not before")
            if not d["id"].startswith(d["parent"] + "."):
                probs.append(f"id {d['id']} vs parent {d['parent']}")
        seen.add(d["id"])
        need(d["text"], "directive " + d["id"])
        for r in d["responsible"]:
            if not re.fullmatch(r"[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.[А-ЯЁ]\.", r):
                probs.append(f"responsible form {r!r}")
        dl = d["deadline"]
        if dl:
            need(dl["text"], "deadline " + d["id"])
            if norm(dl["text"]) not in norm(d["text"]) and not any(
                    norm(d["text"]) in norm(line) and norm(dl["text"]) in norm(line)
                    for line in text_of(srcs[0]).splitlines()):
                probs.append(f"deadline {d['id']} neither in its text nor in its table row")
            if dl["kind"] not in ("date", "periodic", "permanent", "event"):
                probs.append(f"kind {d['id']}")
            if dl["kind"] != "date" and dl["date"] is not None:
                probs.append(f"non-date with date {d['id']}")
            if dl["date"]:
                if not iso(dl["date"]):
                    probs.append(f"deadline date {d['id']}")
                elif d0 and date.fromisoformat(dl["date"]) < d0:
                    probs.append(f"deadline before document {d['id']}")
    pos = 0
    for f in gold["figures"]:
        need(f["text"], "figure")
        at = t.find(norm(f["text"]), pos)
        if at < 0 and norm(f["text"]) in t:
            probs.append(f"figure out of order {f['text']!r}")
        pos = at + 1 if at >= 0 else pos
        if not isinstance(f["value"], (int, float)):
            probs.append(f"figure value {f}")
    for p in gold["persons"]:
        sur = p["normal"].split()[0]
        if norm(sur[: max(4, len(sur) - 2)]) not in t:
            probs.append(f"person {p['normal']}")
    for r in gold["references"]:
        need(r["number"], "ref number")
        if r["number"] is None and not r["title"]:
            probs.append(f"reference without number and title {r}")
        if not iso(r["date"]):
            probs.append(f"ref date {r}")
    need(gold["signatory"]["name"], "signatory name")
    need(gold["signatory"]["position"], "signatory position")
    for u in gold["urls"]:
        need(u, "url")
    print(f"{slug}: {len(gold['directives'])} directives, {len(gold['figures'])} figures, "
          f"{len(gold['persons'])} persons, {len(gold['references'])} refs")
    for p in probs:
        errors += 1
        print("   !!", p)
print(len(golds), "gold files,", errors, "problems")
sys.exit(1 if errors else 0)
