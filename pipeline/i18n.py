"""The interface's language: gettext with one message catalog (domain "decree")
for our messages and click's own ("Usage:", "No such option").

The catalog's source is `pipeline/locale/<lang>/LC_MESSAGES/decree.po`; the
compiled `.mo` beside it is made at install or build (setup.py) and by
`scripts/i18n.py compile`. Without a compiled catalog everything reads in
English, the language of the msgids.

The language: `--lang ru|en` on the command line, then `DECREE_LANG`, then the
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order; GNU's `LANGUAGE` first
when the locale is not C). Russian when that names Russian, English otherwise.

Messages are marked `_("…{name}…").format(name=…)`; constants that must be
translated later, at use, are marked `N_("…")`; counts go through
`ngettext(singular, plural, n)`, which follows the catalog's plural rule
(1 файл, 3 файла, 5 файлов).
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

DOMAIN = "decree"
LOCALEDIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("ru", "en")

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def _from_locale(value: str | None) -> str | None:
    """ "ru_RU.UTF-8" -> "ru"; "C.UTF-8", "en_US" -> "en"; empty -> None."""
    if not value:
        return None
    value = value.split(":")[0].strip().lower()
    if not value:
        return None
    return "ru" if value.startswith("ru") else "en"


def choose(argv: Sequence[str] = (), env: Mapping[str, str] | None = None) -> str:
    """The language the user asked for: "ru" or "en"."""
    import os

    env = os.environ if env is None else env
    args = list(argv)
    for k, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(args):
            return _from_locale(args[k + 1]) or "en"
        if arg.startswith("--lang="):
            return _from_locale(arg.split("=", 1)[1]) or "en"
    if env.get("DECREE_LANG"):
        return _from_locale(env["DECREE_LANG"]) or "en"
    locale = next((env[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(v)), "")
    if env.get("LANGUAGE") and locale and not locale.upper().startswith(("C", "POSIX")):
        return _from_locale(env["LANGUAGE"]) or "en"
    return _from_locale(locale) or "en"


def activate(language: str) -> None:
    """Make `language` the language of every message from now on, click's too."""
    global _translation, _language
    _language = language if language in LANGUAGES else "en"
    _translation = _gettext.translation(
        DOMAIN, str(LOCALEDIR), languages=[_language], fallback=True
    )
    _patch_click()


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the current language ("" stays "": gettext would give the
    catalog's header)."""
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count n, by the catalog's plural rule."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a constant for the catalog; translate it with _() where it is used."""
    return message


# click's messages that it translates from a variable, so the catalog's collector
# cannot see them: listed here to be collected.
CLICK_MESSAGES = (N_("required"),)


def _patch_click() -> None:
    """click takes its messages from gettext's global domain, bound at import;
    point those names at this catalog (our catalog holds click's msgids)."""
    import click

    for name in ("core", "exceptions", "formatting", "parser", "types", "utils", "decorators",
                 "termui", "shell_completion", "_termui_impl"):  # fmt: skip
        module = getattr(click, name, None)
        if module is None:
            try:
                module = __import__(f"click.{name}", fromlist=["_"])
            except ImportError:
                continue
        if hasattr(module, "_"):
            module._ = _
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря")  # fmt: skip


def day(value: date | str | None) -> str:
    """A date as the reader writes it: 15.08.2023 in Russian, 2023-08-15 in English."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d.%m.%Y") if _language == "ru" else value.isoformat()


def day_long(value: date) -> str:
    """«15 августа 2023 г.» in Russian, "15 August 2023" in English."""
    if _language == "ru":
        return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г."
    return value.strftime("%-d %B %Y")


def thousands(n: int) -> str:
    """5000000 -> "5 000 000" (the Russian way, and plain in English too)."""
    return f"{n:,}".replace(",", " ")


def too_many_pages(count: int, limit: int) -> str:
    return ngettext(
        "{count} page, more than the limit of {limit}",
        "{count} pages, more than the limit of {limit}",
        count,
    ).format(count=count, limit=limit)


@dataclass(frozen=True)
class Note:
    """A warning: a stable code for programs, and a message for people made in
    the language of the output at the time it is shown (text, JSON, HTML, DOCX).

    text is the message's msgid with {named} fields filled from args; with
    plural set, the form is chosen by the count in args[count]; where names the
    file a note is about when documents are joined."""

    code: str
    text: str
    args: tuple[tuple[str, Any], ...] = ()
    where: str | None = None
    plural: str | None = None
    count: str | None = None

    @property
    def message(self) -> str:
        values = {k: v.message if isinstance(v, Note) else v for k, v in self.args}
        if self.plural and self.count:
            template = ngettext(self.text, self.plural, int(values[self.count]))
        else:
            template = _(self.text)
        body = template.format(**values) if values else template
        return f"{self.where}: {body}" if self.where else body

    def __str__(self) -> str:
        return self.message

    def at(self, where: str) -> Note:
        """The same note about the file `where` (within a joined document)."""
        return replace(self, where=f"{where}: {self.where}" if self.where else where)

    def plain(self) -> dict[str, str]:
        """The JSON form: {"code": ..., "message": ...}."""
        return {"code": self.code, "message": self.message}

    @classmethod
    def from_plain(cls, value: Any) -> Note:
        """Back from JSON ({"code", "message"}) or from an old plain string."""
        if isinstance(value, dict):
            return cls(str(value.get("code") or "note"), str(value.get("message") or ""))
        return cls("note", str(value))


def note(code: str, text: str, plural: str | None = None, count: str | None = None,
         **args: Any) -> Note:  # fmt: skip
    """A Note; text (and plural) are msgids marked with N_ where they are written."""
    return Note(code, text, tuple(args.items()), None, plural, count)
