#!/usr/bin/env bash
# Set up decree on a fresh Debian machine: Debian packages that are missing,
# then a virtual environment in .venv with decree and its Python dependencies.
# Usage: scripts/setup.sh [--test]   (--test also installs what the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(tesseract-ocr tesseract-ocr-rus tesseract-ocr-osd tesseract-ocr-eng poppler-utils)
if [ "${1:-}" = "--test" ]; then
  debs+=(libreoffice-writer-nogui fonts-dejavu fonts-liberation chromium)
fi
missing=()
for pkg in "${debs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$python" -m venv .venv
fi
stamp=.venv/.decree-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv" >&2
  log=.venv/pip.log
  if ! { .venv/bin/python -m pip install -q --upgrade pip &&
         .venv/bin/python -m pip install -q -e ".[dev]"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "setup: pip install failed (log above, also in $log)" >&2
    exit 1
  fi
  touch "$stamp"
fi

# The interface's message catalogs: pip compiles them at install (setup.py);
# a .po changed since (a git pull) is compiled again here.
for po in pipeline/locale/*/LC_MESSAGES/*.po; do
  [ -e "$po" ] || continue
  mo="${po%.po}.mo"
  if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
    .venv/bin/python scripts/i18n.py compile >/dev/null
    break
  fi
done
