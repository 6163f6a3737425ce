"""Consistency check of the hand-written gold against the report texts (not against decree output).

Run: /work/main/.venv/bin/python corpus/reports-holdout/make/check_gold.py
"""
import glob
import json
import os
import re
import subprocess

from docx import Document

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.dirname(HERE)


def text_of(path):
    if path.endswith(".docx"):
        d = Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out += [c.text for c in r.cells]
        return "\n".join(out)
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


problems = 0
reports = {}
for gold in sorted(glob.glob(os.path.join(HERE, "*.expected.json"))):
    slug = os.path.basename(gold)[:-len(".expected.json")]
    doc = [p for p in glob.glob(os.path.join(HERE, slug + ".*")) if not p.endswith(".json")]
    assert len(doc) == 1, (slug, doc)
    reports[os.path.basename(doc[0])] = gold
    g = json.load(open(gold, encoding="utf-8"))
    t = norm(text_of(doc[0]))
    def need(s, what):
        global problems
        if norm(s) not in t:
            problems += 1
            print(f"{slug}: {what} not in text: {s!r}")
    assert g["kind"] == "report"
    for it in g["report"]["items"]:
        need(it["text"], "item")
    for f in g["figures"]:
        need(f["text"], "figure")
        digits = re.sub(r"[\s\u00a0]", "", re.search(r"\d[\d\s\u00a0]*(,\d+)?", f["text"]).group(0))
        v = float(digits.replace(",", "."))
        if abs(v - f["value"]) > 1e-9:
            problems += 1
            print(f"{slug}: figure value {f['value']} vs text {f['text']!r}")
    for u in g["urls"]:
        need(u, "url")
    need(g["signatory"]["name"], "signatory")
    for r in g["report"]["refers_to"] + g["references"]:
        if r["number"]:
            need("№ " + r["number"], "reference number")
    for p in g["persons"]:
        need(p["normal"].split()[0][:-2], "person stem")
    m = g["report"]["members"]
    if m is not None and not any(f["value"] == m and f["unit"] == "член" for f in g["figures"]):
        problems += 1
        print(f"{slug}: members {m} not among figures")

decrees = {}
for st in sorted(glob.glob(os.path.join(HERE, "*.status.json"))):
    s = json.load(open(st, encoding="utf-8"))
    dg = json.load(open(os.path.join(CORPUS, s["decree"].rsplit(".", 1)[0] + ".expected.json"),
                       encoding="utf-8"))
    ids = [d["id"] for d in dg["directives"]]
    for rep, row in s["reports"].items():
        decrees[rep] = s["decree"]
        if rep not in reports:
            problems += 1
            print(f"{st}: no report {rep}")
        if list(row) != ids:
            problems += 1
            print(f"{st}: {rep} ids {list(row)} != {ids}")
        for v in row.values():
            assert v in {"done", "partial", "not_done", "not_applicable", "no_info"}, v
missing = set(reports) - set(decrees)
if missing:
    problems += 1
    print("reports without status:", missing)
print("OK" if not problems else f"{problems} problem(s)")
