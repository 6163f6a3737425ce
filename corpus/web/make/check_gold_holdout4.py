"""Sanity checks for the hand-written gold of the 12 acts of the former corpus/web-holdout4.

Reads only this folder's documents and gold; runs nothing of decree.
    /work/main/.venv/bin/python corpus/web/make/check_gold_holdout4.py
"""
import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

import holidays
from docx import Document

HERE = Path(__file__).resolve().parent.parent
MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
          "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
MONTHS_IN = {"январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7,
             "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
MONTHS_NOM = {"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
              "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12}
KINDS = {"decree", "order", "protocol", "report", "other"}
DL_KINDS = {"date", "periodic", "permanent", "event"}
ISO = re.compile(r"^\d{4}-\d\d-\d\d$")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def doc_text(path: Path) -> str:
    if path.suffix == ".docx":
        return "\n".join(p.text for p in Document(path).paragraphs)
    return path.read_text(encoding="utf-8")


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_workdays(d: dt.date, n: int) -> dt.date:
    hol = holidays.RU(years=[d.year, d.year + 1])
    while n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5 and d not in hol:
            n -= 1
    return d


def resolve(phrase: str, base: dt.date):
    """Independent resolution of the deadline phrases used in this set."""
    p = phrase.lower()
    m = re.search(r"(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", p)
    # a range "с A по B" resolves to its end
    rng = re.search(r"по (\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", p)
    if rng:
        m = rng
    if m:
        day, mon = int(m.group(1)), MONTHS[m.group(2)]
        year = int(m.group(3)) if m.group(3) else base.year
        d = dt.date(year, mon, day)
        if not m.group(3) and d < base:
            d = dt.date(year + 1, mon, day)
        return d
    m = re.search(r"(\d+) рабочих дн", p)
    if m:
        return add_workdays(base, int(m.group(1)))
    m = re.search(r"в течение (\d+) (?:дней|дня|суток)", p)
    if m:
        return base + dt.timedelta(days=int(m.group(1)))
    m = re.search(r"в (\d+)-(недельный|дневный) срок", p)
    if m:
        k = int(m.group(1)) * (7 if m.group(2) == "недельный" else 1)
        return base + dt.timedelta(days=k)
    if "в течение месяца" in p or "в месячный срок" in p:
        return add_months(base, 1)
    m = re.search(r"в течение (\d+) недел", p)
    if m:
        return base + dt.timedelta(days=7 * int(m.group(1)))
    m = re.search(r"\b(i{1,3}|iv) квартал\w* (\d{4})", p)
    if m:
        q, y = ROMAN[m.group(1).upper()], int(m.group(2))
        mon = 3 * q
        return dt.date(y, mon, calendar.monthrange(y, mon)[1])
    m = re.search(r"\b(i{1,3}|iv) квартал\w*$", p)
    if m:
        mon = 3 * ROMAN[m.group(1).upper()]
        return dt.date(base.year, mon, calendar.monthrange(base.year, mon)[1])
    m = re.search(r"^(" + "|".join(MONTHS_NOM) + r") (\d{4})", p)
    if m:
        y, mon = int(m.group(2)), MONTHS_NOM[m.group(1)]
        return dt.date(y, mon, calendar.monthrange(y, mon)[1])
    m = re.search(r"в (" + "|".join(MONTHS_IN) + r") (\d{4})", p)
    if m:
        y, mon = int(m.group(2)), MONTHS_IN[m.group(1)]
        return dt.date(y, mon, calendar.monthrange(y, mon)[1])
    if "до конца года" in p:
        return dt.date(base.year, 12, 31)
    return "?"


def check(gold_path: Path) -> list:
    errs = []
    slug = gold_path.name[: -len(".expected.json")]
    docs = [p for p in HERE.iterdir() if p.name.startswith(slug + ".") and not p.name.endswith(".json")]
    if len(docs) != 1:
        return [f"{slug}: document not found"]
    raw = doc_text(docs[0])
    text = norm(raw)
    lines = [norm(x) for x in raw.splitlines()]
    g = json.loads(gold_path.read_text(encoding="utf-8"))

    def occurs(s, what):
        if s is not None and norm(s) not in text:
            errs.append(f"{what} not in document: {s!r}")

    if g["kind"] not in KINDS:
        errs.append(f"bad kind {g['kind']}")
    h = g["header"]
    for k in ("issuer", "doc_type", "date", "number", "place", "title"):
        if k not in h:
            errs.append(f"header.{k} missing")
    if h["date"] and not ISO.match(h["date"]):
        errs.append("header.date not ISO")
    base = dt.date.fromisoformat(h["date"])
    occurs(h["number"], "number")
    occurs(h["title"], "title")
    if h["place"] and norm(h["place"]) not in text and norm(h["place"]).replace(". ", ".") not in text:
        errs.append(f"place not in document: {h['place']!r}")
    if h["title"] and (h["title"].endswith(".") or not re.match(r"^(О|Об|ОБ)\b", h["title"])):
        errs.append("title form")
    ids = set()
    for d in g["directives"]:
        if d["id"] in ids:
            errs.append(f"duplicate id {d['id']}")
        ids.add(d["id"])
        if d["parent"] is not None and d["parent"] not in ids:
            errs.append(f"{d['id']}: parent {d['parent']} not before it")
        if d["parent"] is not None and not d["id"].startswith(d["parent"] + "."):
            errs.append(f"{d['id']}: id does not extend parent")
        occurs(d["text"], f"directive {d['id']} text")
        for k in ("addressees", "responsible"):
            if not isinstance(d[k], list):
                errs.append(f"{d['id']}.{k} not a list")
        for r in d["responsible"]:
            if not re.match(r"^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.[А-ЯЁ]\.$", r):
                errs.append(f"{d['id']}: responsible form {r!r}")
        dl = d["deadline"]
        if dl is None:
            continue
        occurs(dl["text"], f"directive {d['id']} deadline")
        if norm(dl["text"]) not in norm(d["text"]):
            # a separate "Срок:" line: must follow the item in the document
            # or a plan-table row holding both the measure and its term
            row = any(norm(d["text"]) in x and norm(dl["text"]) in x for x in lines)
            if norm("Срок: " + dl["text"]) not in text and not row:
                errs.append(f"{d['id']}: deadline neither in item nor on a Срок line")
        if dl["kind"] not in DL_KINDS:
            errs.append(f"{d['id']}: bad deadline kind")
        if dl["kind"] == "date":
            if not (dl["date"] and ISO.match(dl["date"])):
                errs.append(f"{d['id']}: date deadline without ISO date")
            else:
                r = resolve(dl["text"], base)
                if r == "?":
                    errs.append(f"{d['id']}: could not re-resolve {dl['text']!r} (check by hand)")
                elif r.isoformat() != dl["date"]:
                    errs.append(f"{d['id']}: {dl['text']!r} resolves to {r}, gold says {dl['date']}")
        elif dl["date"] is not None:
            errs.append(f"{d['id']}: non-date deadline with a date")
    pos = 0
    for f in g["figures"]:
        i = text.find(norm(f["text"]), pos)
        if i < 0:
            errs.append(f"figure out of order or missing: {f['text']!r}")
        else:
            pos = i + 1
        if not isinstance(f["value"], (int, float)):
            errs.append(f"figure value {f['value']!r}")
    names = [p["normal"] for p in g["persons"]]
    if len(set(names)) != len(names):
        errs.append("duplicate person")
    for r in g["references"]:
        if r["date"] and not ISO.match(r["date"]):
            errs.append(f"reference date {r['date']}")
        if r["number"]:
            occurs(r["number"], "reference number")
        if r["date"]:
            y, m, d = r["date"].split("-")
            if f"{d}.{m}.{y}" not in text:
                errs.append(f"reference date {r['date']} not printed as dd.mm.yyyy")
    s = g["signatory"]
    occurs(s["name"], "signatory name")
    occurs(s["position"], "signatory position")
    for u in g["urls"]:
        occurs(u, "url")
    return [f"{slug}: {e}" for e in errs]


# the 12 acts of the former corpus/web-holdout4; the folder holds other authors' acts too
ACTS = {
    "bashkortostan-profsoyuz-zhkh-komitet-postanovlenie-2024-6-2",
    "birobidzhan-meriya-rasporyazhenie-2026-48-r",
    "chuvashia-minobr-prikaz-2001-512",
    "gromovo-sovet-reshenie-2020-48",
    "kamchatka-gubernator-rasporyazhenie-2013-512-r",
    "kovrov-rayon-rasporyazhenie-2010-412-r",
    "magadan-mer-postanovlenie-1998-2876",
    "maykop-gorvodoseti-prikaz-2008-214-p",
    "naryan-mar-mvk-ohrana-truda-vypiska-2016-2",
    "omsk-dmsh7-prikaz-2023-64-od",
    "shalakusha-sp-postanovlenie-2022-84",
    "ulyanovsk-malyi-sovet-reshenie-1993-214",
}


def main() -> int:
    golds = sorted(g for g in HERE.glob("*.expected.json") if g.name.split(".")[0] in ACTS)
    docs = [p for p in HERE.iterdir() if p.suffix in (".txt", ".docx", ".pdf") and p.stem in ACTS]
    errs = []
    if len(golds) != len(docs):
        errs.append(f"{len(golds)} gold files for {len(docs)} documents")
    for g in golds:
        try:
            errs += check(g)
        except Exception as e:  # noqa: BLE001
            errs.append(f"{g.name}: {type(e).__name__}: {e}")
    for e in errs:
        print(e)
    print(f"{len(golds)} gold files checked, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
