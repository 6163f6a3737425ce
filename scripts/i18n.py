"""The message catalog: collect, merge, compile, check.

    python scripts/i18n.py update    # collect every message into the .po (new ones untranslated)
    python scripts/i18n.py compile   # .po -> .mo (setup.py does this at install and build)
    python scripts/i18n.py check     # every message translated; exits 1 and lists what is not

Messages are collected from the source by reading its syntax tree: the string
arguments of `_()`, `N_()` and `ngettext()`, and the docstrings of click
commands (their help text, as click cleans it). click's own messages are
collected from the installed click the same way, so "Usage:" and "No such
option" are in the catalog too.
"""

from __future__ import annotations

import ast
import inspect
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "pipeline" / "locale" / "ru" / "LC_MESSAGES" / "decree.po"
SOURCES = [ROOT / "cli.py", ROOT / "pipeline"]
CALLS = {"_": 1, "N_": 1, "ngettext": 2}
# click's modules whose messages a user of decree can meet (help, usage errors, prompts).
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils",
                 "termui")  # fmt: skip


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    places: list[tuple[str, int]] = field(default_factory=list)


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_command(decorator: ast.AST) -> bool:
    """@main.command(...), @click.group(...), @registry.command — a click command."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return _name(target) in {"command", "group"}


def messages_in(path: Path, base: Path) -> list[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(base).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in CALLS:
            count = CALLS[_name(node.func)]
            args = node.args[:count]
            if len(args) == count and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                texts = [a.value for a in args]
                found.append(Message(texts[0], texts[1] if count == 2 else None,
                                     [(where, node.lineno)]))  # fmt: skip
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
            _is_command(d) for d in node.decorator_list
        ):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                found.append(Message(inspect.cleandoc(doc), None, [(where, node.lineno)]))
    return found


def _files(target: Path) -> list[Path]:
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def collect() -> dict[str, Message]:
    """Every message of decree and of click, by msgid."""
    import click

    out: dict[str, Message] = {}
    sources = [(f, ROOT) for t in SOURCES for f in _files(t)]
    click_dir = Path(click.__file__).parent
    sources += [(click_dir / f"{name}.py", click_dir.parent) for name in CLICK_MODULES]
    for path, base in sources:
        for m in messages_in(path, base):
            if not m.msgid:
                continue
            known = out.setdefault(m.msgid, Message(m.msgid, m.plural))
            known.plural = known.plural or m.plural
            known.places += m.places
    return out


def read_catalog():
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        return read_po(handle, locale="ru", domain="decree")


def update() -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    template = Catalog(locale="ru", domain="decree", project="decree", charset="utf-8")
    for m in collect().values():
        msgid = (m.msgid, m.plural) if m.plural else m.msgid
        template.add(msgid, locations=m.places)
    if PO.exists():
        catalog = read_catalog()
    else:
        catalog = Catalog(locale="ru", domain="decree", project="decree", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.fuzzy = False
    catalog.project, catalog.version = "decree", "0.1"
    catalog.copyright_holder = "the decree authors"
    catalog.msgid_bugs_address = catalog.last_translator = "the decree authors"
    catalog.language_team = "Russian"
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    missing = problems(catalog)
    print(f"{PO.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} to translate")
    return 0


def problems(catalog) -> list[str]:
    """Messages with no translation, or one equal to the message itself."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings) or any(s == ids[0] for s in strings):
            out.append(ids[0])
    return out


def compile_catalogs(root: Path = ROOT) -> list[Path]:
    """Every .po under pipeline/locale compiled to its .mo; the .mo paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    made = []
    for po in sorted((root / "pipeline" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        made.append(mo)
    return made


def check() -> int:
    catalog = read_catalog()
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    absent = [msgid for msgid in collect() if msgid not in known]
    bad = problems(catalog)
    for msgid in absent:
        print(f"not in the catalog: {msgid!r}")
    for msgid in bad:
        print(f"not translated: {msgid!r}")
    return 1 if absent or bad else 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        return update()
    if command == "compile":
        for mo in compile_catalogs():
            print(f"wrote {mo.relative_to(ROOT)}")
        return 0
    if command == "check":
        return check()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
