"""Typed errors. Each carries the exit code the CLI uses and a message that
names the file and says what to do. The library raises; `cli.py` maps."""

from __future__ import annotations

from pipeline.i18n import N_, _


class DecreeError(Exception):
    """Base class. exit_code is what `decree` exits with for this error."""

    exit_code = 1
    advice = ""

    def __init__(self, path: str | None, message: str, advice: str | None = None):
        self.path = path
        self.message = message
        if advice is not None:
            self.advice = advice
        super().__init__(self.line())

    def line(self) -> str:
        """One line: the file, what is wrong, what to do — in the interface's language
        (a message given already translated is left as it is)."""
        where = f"{self.path}: " if self.path else ""
        tail = f" — {_(self.advice)}" if self.advice else ""
        return f"{where}{_(self.message) if self.message else ''}{tail}"

    def __str__(self) -> str:
        return self.line()


class InputMissing(DecreeError):
    exit_code = 3
    advice = N_("check the path")


class NotAFile(DecreeError):
    exit_code = 4
    advice = N_("give a file, not a directory (use a shell glob such as dir/*.docx)")


class EmptyInput(DecreeError):
    exit_code = 5
    advice = N_("the file has no text; check that it was saved completely")


class UnsupportedFormat(DecreeError):
    exit_code = 6
    advice = N_(
        "supported: .docx, .pdf, .txt, .png, .jpg, .tif; save .doc/.rtf/.odt as .docx first"
    )


class CorruptFile(DecreeError):
    exit_code = 7
    advice = N_("the file is damaged or not what its extension says; open and re-save it")


class EncryptedFile(DecreeError):
    exit_code = 8
    advice = N_("remove the password (print to PDF without protection) and try again")


class NeedsOCR(DecreeError):
    exit_code = 9
    advice = N_(
        "the PDF is a scan with no usable text layer; run with --ocr always or OCR it first"
    )


class NotRussian(DecreeError):
    exit_code = 10
    advice = N_("decree reads Russian documents; check that this is the right file")


class OCRUnavailable(DecreeError):
    exit_code = 11
    advice = N_(
        "install Tesseract with Russian data: apt-get install tesseract-ocr tesseract-ocr-rus"
    )


class TooLarge(DecreeError):
    exit_code = 12
    advice = N_("split the file or raise the limit with --max-pages")


class NoDirectives(DecreeError):
    exit_code = 13
    advice = N_(
        "`decree check` needs a decree with numbered operative items; "
        "check that the first file is the decree and the reports come after it"
    )


class OutputError(DecreeError):
    exit_code = 14
    advice = N_("check that the folder of -o exists and can be written")


# Exit code when several files were given and some of them failed.
SOME_FAILED = 2


class TemplateMissing(DecreeError):
    exit_code = 15
    advice = N_(
        "check the path of --template (or --templates), or leave it out to use the built-in one"
    )


class TemplateBroken(DecreeError):
    exit_code = 16
    advice = N_(
        "open the template in Word and correct the tag: {{ name }}, {%p for … %} … {%p endfor %}"
    )


class ContextMismatch(DecreeError):
    exit_code = 17
    advice = N_("give the variable in the context JSON, or remove it from the template")


class TooManyChars(DecreeError):
    exit_code = 18
    advice = N_("split the document, or raise the limit with --max-chars")


# The default of --max-chars: a thousand pages of dense text (an act is rarely
# over 50 000 characters). Memory stays bounded below it (README, "Scale").
MAX_CHARS = 5_000_000
