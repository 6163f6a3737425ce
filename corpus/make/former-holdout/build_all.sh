#!/bin/sh
# Rebuild the hold-out documents from these scripts.
# DOCX go straight to corpus/holdout; PDFs are rendered from a temporary DOCX with LibreOffice.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
HOLDOUT=$(dirname "$HERE")
PY=${PY:-/work/main/.venv/bin/python}
TMP=$(mktemp -d)
cd "$HERE"
for s in crb_prikaz.py minkult_plan.py sport_kollegia.py izbirkom.py; do "$PY" "$s" "$HOLDOUT"; done
for s in muzei_prikaz.py tpp_presidium.py college_sovet.py; do
  [ -f "$s" ] || continue
  "$PY" "$s" "$TMP"
done
for f in "$TMP"/*.docx; do
  soffice --headless --convert-to pdf --outdir "$HOLDOUT" "$f" >/dev/null 2>&1
done
for s in selsovet_txt.py zhilservis_txt.py profsoyuz_txt.py; do
  [ -f "$s" ] && "$PY" "$s" "$HOLDOUT"
done
rm -rf "$TMP"
