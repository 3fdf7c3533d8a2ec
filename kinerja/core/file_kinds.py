"""What an uploaded file really is, from its first bytes and structure — never from its name.

The name a stored file (evidence of an actual or of the SAKIP evaluation: `kinerja.core.stored_files`) is
kept and downloaded under carries the extension of its detected kind (`named_as`): a PDF uploaded as
`laporan.html` is downloaded as `laporan.pdf`, so no browser or desktop opens it as something it is not.
Office files with macros (a `.docm` or `.xlsm`, a Word 97 file with a VBA project) are none of the allowed
kinds: evidence is read, never run."""

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from kinerja.core.reader_language import gettext


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
BY_CODE = {kind.code: kind for kind in ALLOWED}
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
    if any(name.lower().endswith("vbaproject.bin") for name in names):  # macros: a .docm/.xlsm in disguise
        return None
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def _ole2(content: bytes) -> FileKind | None:
    """A Word/Excel 97–2003 file: an OLE2 compound file whose stream names say which (none with macros)."""
    if "_VBA_PROJECT".encode("utf-16-le") in content:
        return None
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


def named_as(name: str, kind: FileKind | str) -> str:
    """`name` (the uploader's file name) with the extension of `kind` instead of its own; the rest is kept as
    the uploader wrote it (a download's Content-Disposition takes only the last part of a path).

    `laporan.html` → `laporan.pdf`; `foto.JPEG` → `foto.jpg`; `laporan.pdf` and `laporan.pdf.exe` →
    `laporan.pdf`; an empty name → `bukti.pdf`; `kind` may be given by its code. At most 255 characters, the
    extension kept."""
    kind = BY_CODE.get(kind) if isinstance(kind, str) else kind
    text = name.strip()
    cut = max(text.rfind("/"), text.rfind("\\")) + 1
    folder, base = text[:cut], text[cut:]
    stem, dot, _extension = base.rpartition(".")
    stem = (stem if dot else base).strip().rstrip(".") or "bukti"
    suffix = f".{kind.extension}" if kind else ""  # a kind not (or no longer) allowed: no extension at all
    if suffix and stem.lower().endswith(suffix):
        stem = stem[: -len(suffix)].rstrip(".") or "bukti"
    return (folder + stem)[: 255 - len(suffix)] + suffix


# -- images that are printed (the region's emblem in the letterhead): PNG, or SVG that can do nothing but draw --

SVG = FileKind("svg", "Gambar SVG", "image/svg+xml", "svg")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# What an SVG may not hold: code, other documents, or anything fetched from elsewhere when it is drawn.
SVG_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler"}
_LINKS = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|javascript:|expression\s*\(", re.IGNORECASE)


def not_svg() -> str:
    return gettext("This file is not an SVG image.")


def svg_problem(content: bytes) -> str | None:
    """Why `content` is not a drawing-only SVG (in the reader's language), or None when it is one.

    Refused: what is not SVG XML, a DOCTYPE or entities (no entity expansion ever happens), scripts and event
    handlers (`onload=`), embedded documents (`foreignObject`, `iframe` …), and every reference outside the file
    itself — `href`/`xlink:href` other than "#id", `url(…)` other than "url(#id)", `@import`."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not (head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")):
        return not_svg()
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        return gettext("An SVG image may not hold a DOCTYPE or an ENTITY.")
    try:
        root = ElementTree.fromstring(content)  # noqa: S314 (no DOCTYPE, so no entity can be expanded)
    except ElementTree.ParseError:
        return gettext("This SVG image cannot be read (its XML is broken).")
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return not_svg()
    for element in root.iter():
        name = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
        if name in SVG_FORBIDDEN_ELEMENTS:
            return gettext("An SVG image may not hold the element «%(name)s» (a script or another document).") % {
                "name": name
            }
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2].lower()
            if local.startswith("on"):
                return gettext("An SVG image may not hold a script (the attribute «%(attribute)s»).") % {
                    "attribute": local
                }
            if local == "href" and not value.strip().startswith("#"):
                return gettext("An SVG image may not refer to another file or address.")
            if _LINKS.search(value):
                return gettext("An SVG image may not refer to another file or address.")
        if name == "style" and _LINKS.search("".join(element.itertext())):
            return gettext("An SVG image may not refer to another file or address.")
    return None


def detect_printable_image(content: bytes) -> FileKind | None:
    """PNG, or an SVG without scripts or outside references (`svg_problem`); None for anything else."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if svg_problem(content) is None:
        return SVG
    return None
