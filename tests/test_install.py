"""A plain, non-editable `pip install .` into a fresh virtual environment gives a
working `decree`, run from outside the checkout: help, an extraction, and a
draft from the templates the installation carries."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "corpus",
    "tests",
    "out",
    "build",
    "*.egg-info",
    "__pycache__",
    ".ruff_cache",
    "*.mo",  # the build must compile the message catalog itself
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding decree installed from a copy of the
    source (so the build leaves nothing in the checkout)."""
    base = tmp_path_factory.mktemp("install")
    shutil.copytree(ROOT, base / "src", ignore=IGNORE)
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True)
    pip = [str(base / "venv" / "bin" / "python"), "-m", "pip", "install", "-q"]
    done = subprocess.run([*pip, str(base / "src")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return base / "venv" / "bin"


def run(installed: Path, *args: str, cwd: Path, env: dict | None = None):
    return subprocess.run(
        [str(installed / "decree"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env=None if env is None else {**os.environ, **env},
    )


@pytest.mark.slow
def test_installed_decree_runs_outside_the_checkout(installed, tmp_path):
    sample = ROOT / "corpus" / "sample-drsop-22-3.txt"
    assert "decree extract" in run(installed, "--help", cwd=tmp_path).stdout
    russian = run(installed, "--help", cwd=tmp_path, env={"DECREE_LANG": "ru"}).stdout
    assert russian.startswith("Использование:"), russian[:200]  # the catalog was built in
    done = run(installed, "extract", str(sample), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["header"]["number"] == "22-3"
    out = tmp_path / "card.docx"
    done = run(installed, "draft", "card", str(sample), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 5000
    # the installed code, not the checkout, answered
    where = subprocess.run(
        [str(installed / "python"), "-c", "import pipeline, cli; print(pipeline.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert str(ROOT) not in where.stdout
