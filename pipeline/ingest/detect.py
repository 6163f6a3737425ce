"""What a file really is: magic bytes first, the extension second.

A .docx that is really a PDF is read as a PDF; a .doc that is really a DOCX
is read as a DOCX. Formats decree cannot read raise UnsupportedFormat with
what the file is, so that the user knows what to convert it to.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from pipeline.errors import CorruptFile, EncryptedFile, TooLarge, UnsupportedFormat
from pipeline.i18n import _

TEXT_SUFFIXES = {".txt", ".text"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".heic", ".heif"}
HEAD_SIZE = 8192

_IMAGES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
)
# HEIC/HEIF (iPhone photos): an ISO box "ftyp" with a HEIF brand, read by pillow-heif.
_HEIF = (b"ftypheic", b"ftypheix", b"ftypheim", b"ftypheis", b"ftypmif1", b"ftypmsf1")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARIES = {
    b"MZ": "a Windows program",
    b"\x7fELF": "a program",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document (save it as .docx)",
}
# Password-protected DOCX files are OLE containers with this stream (MS-OFFCRYPTO).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


# Limits on what a DOCX may inflate to, read from the ZIP's central directory
# before any member is inflated. python-docx holds every part in memory and lxml
# parses the XML ones, so these bound the memory a package can take. A member
# is never inflated past the size the directory declares (zipfile stops there
# and fails the CRC), so a directory that lies is caught too.
MAX_MEMBER = 64 << 20
MAX_INFLATED = 256 << 20
MAX_MEMBERS = 5000
BOMB_RATIO = 100  # inflated / compressed; real DOCX parts stay well below it


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.0f} MiB"


def check_zip_sizes(path: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a package whose central directory promises too much: CorruptFile
    for a ZIP bomb (a huge inflation ratio), TooLarge for a package that is
    merely too big."""
    if len(members) > MAX_MEMBERS:
        raise CorruptFile(
            path, _("a ZIP package with {count} members (a ZIP bomb?)").format(count=len(members))
        )
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if biggest is None or (total <= MAX_INFLATED and biggest.file_size <= MAX_MEMBER):
        return
    if total > BOMB_RATIO * max(packed, 1):
        raise CorruptFile(
            path,
            _("a ZIP bomb: {packed} would inflate to {total}; nothing was inflated").format(
                packed=_mib(packed), total=_mib(total)
            ),
            advice=_("do not open it; ask the sender for the original document"),
        )
    raise TooLarge(
        path,
        _(
            "the package would inflate to {total} ({member}: {size}), over the limit of {limit}"
        ).format(
            total=_mib(total),
            member=biggest.filename,
            size=_mib(biggest.file_size),
            limit=_mib(MAX_INFLATED),
        ),
        advice=_("remove large images or split the document"),
    )


def _zip_kind(path: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            check_zip_sizes(path, archive.infolist())
            names = set(archive.namelist())
            content_types = (
                archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            )
    except (
        zipfile.BadZipFile,
        OSError,
        KeyError,
        EOFError,
        zlib.error,  # a damaged deflate stream
        NotImplementedError,  # a compression method or ZIP version zipfile does not know
        RuntimeError,  # an encrypted member
        ValueError,
    ) as exc:
        raise CorruptFile(
            path, _("a damaged ZIP/DOCX package ({error})").format(error=exc)
        ) from exc
    if "word/document.xml" in names:
        if b"macroEnabled" in content_types or b"template.main" in content_types:
            raise UnsupportedFormat(path, _("a Word template or macro-enabled document"))
        return "docx"
    if "content.xml" in names:
        raise UnsupportedFormat(path, _("an OpenDocument file (save it as .docx)"))
    if any(name.startswith("xl/") for name in names):
        raise UnsupportedFormat(path, _("an Excel workbook"))
    if any(name.startswith("ppt/") for name in names):
        raise UnsupportedFormat(path, _("a PowerPoint presentation"))
    if Path(path).suffix.lower() == ".docx":
        raise CorruptFile(path, _("a ZIP archive without a Word document inside"))
    raise UnsupportedFormat(path, _("a ZIP archive"))


def _ole_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            if _ENCRYPTED_PACKAGE in chunk:
                raise EncryptedFile(path, _("the Word document is protected by a password"))
    if suffix == ".xls":
        raise UnsupportedFormat(path, _("an old Excel .xls file"))
    raise UnsupportedFormat(path, _("an old Word .doc (or other MS Office 97) file"))


def detect_format(path: str, head: bytes) -> str:
    """ "docx", "pdf", "txt" or "image" for the file whose first bytes are head.

    Raises UnsupportedFormat for formats decree does not read, CorruptFile when
    the extension promises a format the content does not have, EncryptedFile
    for a password-protected DOCX.
    """
    suffix = Path(path).suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return _ole_kind(path)
    # Two-byte signatures ("BM", "MZ") also start plain words: binary needs NULs.
    binary = b"\x00" in head
    if head.startswith(_IMAGES) or (head.startswith(b"BM") and binary) or head[4:12] in _HEIF:
        return "image"
    for magic, what in _BINARIES.items():
        if head.startswith(magic) and (binary or len(magic) > 2):
            raise UnsupportedFormat(path, f"{what}, not a document decree reads")
    if suffix in TEXT_SUFFIXES or (not suffix and not binary):
        return "txt"  # a mail attachment saved without an extension is plain text too
    if suffix == ".docx":
        raise CorruptFile(path, _("not a DOCX package (no ZIP signature)"))
    if suffix == ".pdf":
        raise CorruptFile(path, _("not a PDF (no %PDF header)"))
    if suffix in IMAGE_SUFFIXES:
        raise CorruptFile(path, _("not a {kind} image").format(kind=suffix[1:].upper()))
    if suffix:
        raise UnsupportedFormat(path, _("{suffix} files are not supported").format(suffix=suffix))
    raise UnsupportedFormat(path, _("files without an extension are not supported"))
