"""Sanity checks for the hand-written report gold: JSON parses, every figure/url/item/person
surface is in the document text, figures are in order, status files cover every directive."""
import glob
import json
import os
import re
import subprocess
import sys

from docx import Document

HERE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.dirname(HERE)
CORPUS = os.path.dirname(REP)


def text_of(path):
    if path.endswith(".docx"):
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                for c in r.cells:
                    parts.append(c.text)
        return "\n".join(parts)
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def norm(s):
    s = re.sub(r"-\n", "-", s)
    return re.sub(r"\s+", " ", s).strip()


bad = 0
def err(*a):
    global bad
    bad += 1
    print("ERROR", *a)


golds = sorted(glob.glob(os.path.join(REP, "*.expected.json")))
docs = {}
for g in golds:
    slug = os.path.basename(g)[: -len(".expected.json")]
    src = [p for p in glob.glob(os.path.join(REP, slug + ".*")) if not p.endswith(".json")]
    if len(src) != 1:
        err(slug, "sources:", src)
        continue
    docs[os.path.basename(src[0])] = g
    gold = json.load(open(g, encoding="utf-8"))
    T = norm(text_of(src[0]))
    assert gold["kind"] == "report"
    pos = 0
    for f in gold["figures"]:
        i = T.find(f["text"], pos)
        if i < 0:
            err(slug, "figure not found in order:", f["text"])
        else:
            pos = i + 1
    for u in gold["urls"]:
        if u not in T:
            err(slug, "url", u)
    for it in gold["report"]["items"]:
        if norm(it["text"]) not in T and norm(it["text"]).replace("-", "") not in T.replace("-", ""):
            err(slug, "item text", it["text"][:60])
    s = gold.get("signatory")
    if s and s["name"] not in T:
        err(slug, "signatory", s)
    m = gold["report"]["members"]
    if m is not None:
        ms = f"{m:,}".replace(",", " ") if m >= 1000 else str(m)
        if ms not in T:
            err(slug, "members", m)
    for r in gold["report"]["refers_to"] + gold["references"]:
        if r["number"] and ("№ " + r["number"]) not in T:
            err(slug, "ref number", r["number"])
        if r["date"]:
            y, mo, d = r["date"].split("-")
            if f"{d}.{mo}.{y}" not in T:
                err(slug, "ref date", r["date"])
    # numbers in the text not covered by a figure (for manual review)
    covered = " | ".join(f["text"] for f in gold["figures"])
    nums = re.findall(r"(?<![\d.,/№-])\d[\d ]*(?:,\d+)?(?![\d.])", T)
    print(f"{slug}: {len(gold['figures'])} figures; numbers in text:",
          sorted(set(n.strip() for n in nums) - set(x.strip() for x in re.findall(r"\d[\d ]*(?:,\d+)?", covered))))

for st in sorted(glob.glob(os.path.join(REP, "*.status.json"))):
    data = json.load(open(st, encoding="utf-8"))
    dslug = data["decree"].rsplit(".", 1)[0]
    assert os.path.exists(os.path.join(CORPUS, data["decree"])), data["decree"]
    dg = json.load(open(os.path.join(CORPUS, dslug + ".expected.json"), encoding="utf-8"))
    ids = [d["id"] for d in dg["directives"]]
    for rep, sts in data["reports"].items():
        if rep not in docs:
            err(st, "unknown report", rep)
            continue
        if list(sts) != ids:
            err(st, rep, "ids", list(sts), "!=", ids)
        for v in sts.values():
            if v not in ("done", "partial", "not_done", "not_applicable", "no_info"):
                err(st, rep, v)
        g = json.load(open(docs[rep], encoding="utf-8"))
        for it in g["report"]["items"]:
            if it["directive"] is not None and it["directive"] not in ids and len(g["report"]["refers_to"]) == 1:
                err(rep, "item directive not in decree", it["directive"])
    print(os.path.basename(st), len(data["reports"]), "reports")

print("errors:", bad)
sys.exit(1 if bad else 0)
