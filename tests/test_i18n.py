"""The interface's language (issue 14): Russian where the locale is Russian,
English otherwise; the catalog complete; machine-readable output the same in
both languages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as catalog_tool  # noqa: E402 - scripts/i18n.py

RU = {"LANG": "ru_RU.UTF-8"}
EN = {"LANG": "C.UTF-8"}

# Every command and group, as on the command line.
COMMANDS = [
    [],
    ["extract"],
    ["check"],
    ["review"],
    ["eval"],
    ["draft"],
    ["draft", "resolution"],
    ["draft", "appointment"],
    ["draft", "card"],
    ["render"],
    ["batch"],
    ["registry"],
    ["registry", "search"],
    ["registry", "due"],
    ["registry", "show"],
    ["registry", "export"],
]

# Words that stay as they are in Russian text: names of programs, formats, units.
KEPT = {
    "decree", "docx", "pdf", "txt", "png", "jpg", "tif", "heic", "doc", "rtf", "odt", "json",
    "html", "xlsx", "csv", "ics", "ocr", "word", "tesseract", "libreoffice", "dask", "sqlite",
    "jinja", "utf", "zip", "apt", "get", "install", "pip", "gold", "expected", "stdout", "stderr",
    "corpus", "sample", "drsop", "reports", "decree_lang", "decree_db", "registry", "reg",
}  # fmt: skip


def english_sentences(text: str) -> list[str]:
    """Runs of three or more English words in text, once command lines, options,
    paths, placeholders in capitals and choice lists are set aside."""
    found = []
    for line in text.splitlines():
        if re.match(r"\s+decree\s", line):
            continue  # an example command line
        line = re.sub(r"\[[a-z|]+\]", " ", line)  # [json|text]
        line = re.sub(r"(?<!\w)--?[\w-]+", " ", line)  # options
        line = re.sub(r"\S*[/\\.]\S*", " ", line)  # paths, file names, versions
        line = re.sub(r"\b[A-Z][A-Z_]+\b", " ", line)  # metavars: FILE, DECREE_DB
        words = re.findall(r"[A-Za-z]+|[^\sA-Za-z]+", line)
        run: list[str] = []
        for word in words + ["."]:
            if re.fullmatch(r"[A-Za-z]{2,}", word) and word.lower() not in KEPT:
                run.append(word)
                continue
            if len(run) >= 3:
                found.append(" ".join(run))
            run = []
    return found


def run(
    args, env_extra, *, cwd=None, env_drop=("DECREE_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")
):
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


# -- the catalog --------------------------------------------------------------


def test_every_message_is_in_the_catalog_and_translated():
    catalog = catalog_tool.read_catalog()
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    absent = [msgid for msgid in catalog_tool.collect() if msgid not in known]
    assert absent == [], f"run scripts/i18n.py update and translate: {absent[:5]}"
    assert catalog_tool.problems(catalog) == []


def test_translations_keep_their_placeholders():
    fields = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]|\x08")
    for message in catalog_tool.read_catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(fields.findall(ids[-1]))
        for s in strings:
            assert sorted(fields.findall(s)) == wanted, (ids[0], s)


def test_the_catalog_compiles_and_russian_plurals_follow_the_rule(tmp_path):
    import gettext

    from babel.messages.mofile import write_mo

    mo = tmp_path / "ru" / "LC_MESSAGES" / "decree.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as handle:
        write_mo(handle, catalog_tool.read_catalog())
    t = gettext.translation("decree", str(tmp_path), languages=["ru"])
    forms = [t.ngettext("processed {n} file", "processed {n} files", n).format(n=n)
             for n in (1, 3, 5, 11, 21, 22, 25)]  # fmt: skip
    words = [f.split()[-1] for f in forms]
    assert words == ["файл", "файла", "файлов", "файлов", "файл", "файла", "файлов"], forms


def test_the_installed_catalog_is_the_compiled_source():
    """The .mo the program loads is made from the .po in the repository (setup
    compiles it); a stale .mo would show old translations."""
    po = i18n.LOCALEDIR / "ru" / "LC_MESSAGES" / "decree.po"
    mo = po.with_suffix(".mo")
    assert mo.is_file(), "no compiled catalog: run scripts/setup.sh (or scripts/i18n.py compile)"
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1, "the .mo is older than the .po"


# -- choosing the language ----------------------------------------------------


@pytest.mark.parametrize(
    "argv, env, expected",
    [
        ([], {"LANG": "ru_RU.UTF-8"}, "ru"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        ([], {}, "en"),
        ([], {"LANG": "en_US.UTF-8", "LC_ALL": "ru_RU.UTF-8"}, "ru"),
        ([], {"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "ru_RU.UTF-8", "DECREE_LANG": "en"}, "en"),
        (["--lang", "ru"], {"LANG": "C", "DECREE_LANG": "en"}, "ru"),
        (["extract", "--lang=en", "x.docx"], {"LANG": "ru_RU.UTF-8"}, "en"),
        (["--", "--lang", "ru"], {"LANG": "C"}, "en"),
        ([], {"LANG": "ru_RU.UTF-8", "LANGUAGE": "en"}, "en"),
        ([], {"LANG": "C", "LANGUAGE": "ru"}, "en"),  # GNU: LANGUAGE is ignored under C
    ],
)
def test_the_language_comes_from_the_option_the_variable_or_the_locale(argv, env, expected):
    assert i18n.choose(argv, env) == expected


# -- what the user sees -------------------------------------------------------


def test_a_missing_file_is_one_line_in_the_users_language(tmp_path):
    ru = run(["extract", "missing.docx"], RU, cwd=tmp_path)
    en = run(["extract", "missing.docx"], EN, cwd=tmp_path)
    assert ru.returncode == en.returncode == 3
    assert ru.stdout == en.stdout == ""
    assert len(ru.stderr.strip().splitlines()) == 1, ru.stderr
    assert len(en.stderr.strip().splitlines()) == 1, en.stderr
    assert re.search("[а-яё]{4}", ru.stderr), ru.stderr
    assert english_sentences(ru.stderr) == []
    assert not re.search("[а-яё]", en.stderr), en.stderr
    assert "no such file" in en.stderr


def _help_of_every_command(env: dict) -> dict[str, str]:
    script = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "import cli\n"
        f"paths = {COMMANDS!r}\n"
        "out = {}\n"
        "for p in paths:\n"
        "    r = CliRunner().invoke(cli.main, p + ['--help'], prog_name='decree')\n"
        "    assert r.exit_code == 0, (p, r.output)\n"
        "    out[' '.join(p) or 'decree'] = r.output\n"
        "print(json.dumps(out))\n"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("DECREE_LANG", "LC_ALL")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
        env={**clean, **env}, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_help_is_russian_under_a_russian_locale():
    helps = _help_of_every_command(RU)
    assert len(helps) == len(COMMANDS)
    for command, text in helps.items():
        assert text.startswith("Использование:"), (command, text[:80])
        assert english_sentences(text) == [], (command, english_sentences(text))
        assert "Показать эту справку и выйти." in text


def test_every_help_is_english_otherwise():
    helps = _help_of_every_command(EN)
    for command, text in helps.items():
        assert text.startswith("Usage:"), command
        assert "Show this message and exit." in text
    assert "Examples:" in helps["extract"]


def _bad_inputs(tmp_path: Path) -> list[tuple[list[str], int]]:
    """An input for each error path a user meets first, with its exit code."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    (tmp_path / "table.xyz").write_bytes(b"\x00\x01binary")
    (tmp_path / "broken.docx").write_bytes(b"this is not a zip")
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "english.txt").write_text("This order is written in English only. " * 20)
    (tmp_path / "long.txt").write_text("Постановление о мерах. " * 50, encoding="utf-8")
    return [
        (["extract", "missing.docx"], 3),
        (["extract", "folder"], 4),
        (["extract", "empty.txt"], 5),
        (["extract", "table.xyz"], 6),
        (["extract", "broken.docx"], 7),
        (["extract", "broken.pdf"], 7),
        (["extract", "english.txt"], 10),
        (["extract", "long.txt", "--max-chars", "100"], 18),
        (["registry", "due", "--db", "none.sqlite"], 3),
        (["render", "none.docx", "none.json", "-o", "x.docx"], 3),
        (["extract", "--no-such-option"], 2),
        (["extract"], 2),
        (["registry", "due", "--from", "yesterday"], 2),
    ]


def test_each_error_path_speaks_russian_under_a_russian_locale(tmp_path):
    for args, code in _bad_inputs(tmp_path):
        ru = run(args, RU, cwd=tmp_path)
        en = run(args, EN, cwd=tmp_path)
        assert ru.returncode == en.returncode == code, (args, ru.stderr, en.stderr)
        assert re.search("[а-яё]{4}", ru.stderr), (args, ru.stderr)
        assert english_sentences(ru.stderr) == [], (args, ru.stderr)
        assert "Traceback" not in ru.stderr + en.stderr
        if code != 2:  # a usage error also prints the usage line
            assert len(ru.stderr.strip().splitlines()) == 1, (args, ru.stderr)
            assert len(en.stderr.strip().splitlines()) == 1, (args, en.stderr)
        assert not re.search("[а-яё]{4}", en.stderr.replace("Постановление", "")), en.stderr


def test_json_is_the_same_in_both_languages_but_for_the_messages(tmp_path):
    doc = tmp_path / "act.txt"  # no operative part and no date: two warnings
    doc.write_text(
        "Администрация сельского поселения\nО мерах по благоустройству\n"
        "Рассмотрев обращение жителей, администрация решила провести субботник.\n",
        encoding="utf-8",
    )
    ru = run(["extract", str(doc)], RU)
    en = run(["extract", str(doc)], EN)
    assert ru.returncode == en.returncode == 0, ru.stderr
    a, b = json.loads(ru.stdout), json.loads(en.stdout)
    codes = [w["code"] for w in a["warnings"]]
    assert codes == [w["code"] for w in b["warnings"]]
    assert "no-operative-part" in codes and "no-date" in codes
    assert all(set(w) == {"code", "message"} for w in a["warnings"])
    assert all(re.search("[а-яё]{4}", w["message"]) for w in a["warnings"])
    assert a["warnings"] != b["warnings"]
    a.pop("warnings"), b.pop("warnings")
    assert a == b


def test_russian_dates_and_counts():
    i18n.activate("ru")
    try:
        from datetime import date

        assert i18n.day(date(2023, 8, 15)) == "15.08.2023"
        assert i18n.day_long(date(2023, 8, 15)) == "15 августа 2023 г."
        rows = [i18n.ngettext("{n} row", "{n} rows", n).format(n=n) for n in (1, 2, 5)]
        assert rows[0].endswith("строка") and rows[1].endswith("строки")
        assert rows[2].endswith("строк")
    finally:
        i18n.activate("en")
    assert i18n.day(date(2023, 8, 15)) == "2023-08-15"


def test_no_function_that_translates_also_assigns_the_name_underscore():
    """`_text, doc = read(...)`, not `_, doc = …`: a local `_` in a function that
    also calls `_()` makes every message there fail with "'str' object is not callable"."""
    import ast

    bad = []
    files = [ROOT / "cli.py", *sorted((ROOT / "pipeline").rglob("*.py"))]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            own = [n for n in ast.walk(fn) if not isinstance(n, ast.Lambda)]
            stored = any(
                isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                and not any(n in ast.walk(c) for c in own if isinstance(c, ast.comprehension))
                for n in own
            )  # fmt: skip
            called = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                for n in own
            )
            if stored and called:
                bad.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}")
    assert bad == []
