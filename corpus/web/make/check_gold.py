"""Sanity checks of the web-copy gold (corpus/web) against its documents (not part of decree).

Looks for every quoted string of the gold (titles, directive texts, deadline phrases, figure
texts) in the document's text with whitespace collapsed, and checks ids, parents and dates.
"""
import json
import re
import sys
from datetime import date
from pathlib import Path

import docx

HOLD = Path(__file__).resolve().parents[1]


def doc_text(p):
    if p.suffix == ".docx":
        d = docx.Document(p)
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                for c in r.cells:
                    parts.append(c.text)
        return "\n".join(parts)
    raw = p.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def norm(s):
    s = s.replace("\r", "")
    s = re.sub(r"-\n", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


bad = 0
for g in sorted(HOLD.glob("*.expected.json")):
    slug = g.name[: -len(".expected.json")]
    src = [p for p in HOLD.glob(slug + ".*") if p.suffix in (".docx", ".pdf", ".txt")]
    assert len(src) == 1, (slug, src)
    text = norm(doc_text(src[0]))
    gold = json.loads(g.read_text())
    miss = []

    def need(s, what):
        if s and norm(s) not in text:
            miss.append(f"{what}: {s}")

    h = gold["header"]
    need(h["title"], "title")
    need(h["number"], "number")
    need(h["place"], "place")
    need(gold["signatory"]["name"], "signatory")
    ids = set()
    ddate = date.fromisoformat(h["date"])
    for d in gold["directives"]:
        assert d["id"] not in ids, d["id"]
        ids.add(d["id"])
        assert d["parent"] is None or d["parent"] in ids, d["id"]
        need(d["text"], "directive " + d["id"])
        dl = d["deadline"]
        if dl:
            need(dl["text"], "deadline " + d["id"])
            assert dl["kind"] in ("date", "periodic", "permanent", "event")
            if dl["kind"] != "date":
                assert dl["date"] is None, d["id"]
            elif dl["date"]:
                assert date.fromisoformat(dl["date"]) >= ddate, d["id"]
    for f in gold["figures"]:
        need(f["text"], "figure")
    for r in gold["references"]:
        if r["number"]:
            need(r["number"], "ref number")
    for k in ("kind", "header", "directives", "figures", "persons", "references", "signatory", "urls"):
        assert k in gold, (slug, k)
    for d in gold["directives"]:
        assert set(d) == {"id", "text", "parent", "addressees", "responsible", "deadline"}, (slug, d["id"])
        if d["parent"]:
            assert d["id"].startswith(d["parent"] + "."), (slug, d["id"])
    for u in gold["urls"]:
        need(u, "url")
    print(f"{slug}: {len(gold['directives'])} directives, {len(gold['figures'])} figures, "
          f"{len(gold['persons'])} persons, {len(gold['references'])} refs")
    for m in miss:
        bad += 1
        print("   MISSING", m)
sys.exit(1 if bad else 0)
