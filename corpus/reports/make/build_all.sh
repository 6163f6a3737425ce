#!/bin/sh
# Rebuild the report documents (not the gold: gold is written by hand).
set -e
cd "$(dirname "$0")"
PY=/work/main/.venv/bin/python
$PY make_docx.py
$PY make_docx_title.py
$PY make_txt.py
