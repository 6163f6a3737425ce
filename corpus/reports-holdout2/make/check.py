"""Sanity-check the hand-written gold against the documents' own text.

Every item text, figure text, URL, signatory name and person surname must occur in
the document (whitespace-normalized); status files must name existing reports and
the decrees' directive ids. Uses python-docx / pdftotext / plain decoding only.
"""
import glob
import json
import os
import re
import subprocess
import sys

from docx import Document

HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ok = True


def fail(msg):
    global ok
    ok = False
    print("FAIL", msg)


def text_of(path):
    if path.endswith(".docx"):
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        return "\n".join(parts)
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


docs = {}
for gold in sorted(glob.glob(os.path.join(HERE, "*.expected.json"))):
    slug = os.path.basename(gold)[: -len(".expected.json")]
    src = [p for p in glob.glob(os.path.join(HERE, slug + ".*")) if not p.endswith(".json")]
    if len(src) != 1:
        fail(f"{slug}: sources {src}")
        continue
    docs[os.path.basename(src[0])] = gold
    g = json.load(open(gold, encoding="utf-8"))
    t = norm(text_of(src[0]))
    assert g["kind"] == "report"
    for it in g["report"]["items"]:
        if norm(it["text"]) not in t:
            fail(f"{slug}: item {it['directive']} not in text: {it['text'][:60]}")
    for f in g["figures"]:
        if norm(f["text"]) not in t:
            fail(f"{slug}: figure text {f['text']}")
    for u in g["urls"]:
        if u not in t:
            fail(f"{slug}: url {u}")
    if norm(g["signatory"]["name"]) not in t:
        fail(f"{slug}: signatory {g['signatory']}")
    for p in g["persons"]:
        stem = p["normal"].split()[0][:-2]
        if stem not in t:
            fail(f"{slug}: person {p['normal']}")
    for r in g["report"]["refers_to"] + g["references"]:
        if r["number"] and ("№ " + r["number"]) not in t:
            fail(f"{slug}: reference number {r['number']}")
    print("ok  ", os.path.basename(src[0]), len(g["report"]["items"]), "items,", len(g["figures"]), "figures")

decree_ids = {
    "sample-drsop-22-3.txt": ["1", "2", "3", "4", "5"],
    "union-obraz-info-2023-9-3.pdf": ["1", "2", "2.1", "2.2", "2.3", "3", "4", "5"],
}
gold_ids = {}
for k in decree_ids:
    gold_ids[k] = [d["id"] for d in json.load(open(os.path.join(HERE, "..", k.rsplit(".", 1)[0] + ".expected.json"), encoding="utf-8"))["directives"]]
    if gold_ids[k] != decree_ids[k]:
        fail(f"decree ids {k}: {gold_ids[k]}")
seen = set()
for st in sorted(glob.glob(os.path.join(HERE, "*.status.json"))):
    s = json.load(open(st, encoding="utf-8"))
    ids = gold_ids[s["decree"]]
    for rep, row in s["reports"].items():
        seen.add(rep)
        if rep not in docs:
            fail(f"{st}: unknown report {rep}")
        if list(row) != ids:
            fail(f"{st}: {rep} ids {list(row)}")
        for v in row.values():
            if v not in {"done", "partial", "not_done", "not_applicable", "no_info"}:
                fail(f"{st}: {rep} bad status {v}")
        g = json.load(open(docs[rep], encoding="utf-8"))
        nums = {r["number"] for r in g["report"]["refers_to"]} | {r["title"] for r in g["report"]["refers_to"]}
        want = "22-3" if s["decree"].startswith("sample") else "9-3"
        if want not in nums and not (want == "22-3" and "О мерах по улучшению информационной работы ДР СОП и членских организаций" in nums):
            fail(f"{rep}: refers_to does not match {s['decree']}")
if seen != set(docs):
    fail(f"reports without status: {set(docs) - seen}")
print("ALL OK" if ok else "ERRORS")
sys.exit(0 if ok else 1)
