"""What an uploaded file really is, from its first bytes and structure — never from its name."""

import io
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    content_type: str
    extension: str


PDF = FileKind("pdf", "PDF", "application/pdf", "pdf")
PNG = FileKind("png", "Gambar PNG", "image/png", "png")
JPEG = FileKind("jpeg", "Gambar JPEG", "image/jpeg", "jpg")
DOCX = FileKind("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
XLSX = FileKind("xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
DOC = FileKind("doc", "Word 97–2003", "application/msword", "doc")
XLS = FileKind("xls", "Excel 97–2003", "application/vnd.ms-excel", "xls")
ALLOWED = (PDF, PNG, JPEG, DOCX, XLSX, DOC, XLS)
ALLOWED_LABELS = "PDF, gambar (PNG/JPEG), Word, Excel"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _office_open_xml(head: bytes, read_all: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(read_all)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def _ole2(content: bytes) -> FileKind | None:
    """A Word/Excel 97–2003 file: an OLE2 compound file whose stream names say which."""
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in content:
        return DOC
    if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in content or b"B\x00o\x00o\x00k" in content:
        return XLS
    return None


def detect(content: bytes) -> FileKind | None:
    """The allowed kind of `content`, or None when it is none of them (an .exe renamed .pdf is None)."""
    head = content[:16]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office_open_xml(head, content)
    if head.startswith(OLE2):
        return _ole2(content)
    return None
