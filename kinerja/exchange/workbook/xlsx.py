"""What an uploaded .xlsx must not be before openpyxl opens it: a zip bomb, or XML with a document type.

An .xlsx is a zip of XML files. Excel and LibreOffice never write a DTD into them; a DTD is how an external entity
(XXE: "read /etc/passwd into this cell") or an exponential internal entity ("billion laughs") gets in. openpyxl
reads the sheets through defusedxml (a dependency), but the workbook part may go through lxml: so every XML part
is scanned here, streamed and bounded, and a file with any DTD is refused whole. The sizes the zip declares bound
what is read (zipfile reads no more than a member's declared size and checks its CRC).

A workbook is opened here (`read_workbook`: the guard first, then openpyxl read-only) and saved here
(`write_workbook`).
"""

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, gettext_lazy
from openpyxl import Workbook, load_workbook

from kinerja.exchange.loading.report import CellProblem

from .columns import SHEETS
from .guide import add_guide
from .rows import Builder, Origins, dataset_rows
from .shape import add_sheets, read_sheet

MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the whole workbook once unzipped (20,000 rows of a sheet: ~30 MB)
MAX_MEMBERS = 2000
CHUNK = 64 * 1024
FORBIDDEN = (b"<!doctype", b"<!entity")
UNREADABLE = gettext_lazy("this file is not an Excel workbook (.xlsx) that can be read.")
ENTITIES = gettext_lazy(
    "this file holds XML DTD/entity declarations, which Excel never writes and which are not allowed; save the "
    "file again with Excel or LibreOffice."
)


def too_big() -> str:
    text = gettext("the content of this workbook is too large once opened (more than %(mb)s MB); the file is refused.")
    return text % {"mb": MAX_UNPACKED_BYTES // (1024 * 1024)}


def workbook_problem(content: bytes) -> str | None:
    """Why the workbook is refused before it is opened (in Indonesian), None when it may be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return str(UNREADABLE)
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                return too_big()
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares_a_dtd(archive, member):
                    return str(ENTITIES)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ):  # not a zip, truncated, encrypted, an unknown compression, a wrong CRC
        return str(UNREADABLE)
    return None


def _declares_a_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """True when the part has a <!DOCTYPE or <!ENTITY, or is not written in UTF-8 (where those could hide)."""
    tail = b""
    with archive.open(member) as stream:
        first = True
        while chunk := stream.read(CHUNK):
            if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]):
                return True  # UTF-16 or UTF-32: Excel writes UTF-8
            first = False
            window = (tail + chunk).lower()
            if any(marker in window for marker in FORBIDDEN):
                return True
            tail = window[-16:]
    return False


def write_workbook(data: dict[str, Any] | None) -> bytes:
    """The workbook of a dataset; None gives the blank template (the same sheets, no rows)."""
    rows = dataset_rows(data) if data is not None else {spec.name: [] for spec in SHEETS}
    book = Workbook()
    book.remove(book.active)
    add_guide(book)
    add_sheets(book, rows)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


@dataclass
class ReadWorkbook:
    data: dict[str, Any] | None
    problems: list[CellProblem]
    origins: Origins
    refused_keys: set[str] = field(default_factory=set)  # wrong codes and NIPs: a reference to one is no news


def read_workbook(content: bytes, *, source: str) -> ReadWorkbook:
    """The dataset of a workbook, with every cell's problem and where each record came from."""
    refused_whole = workbook_problem(content)
    if refused_whole is not None:
        return ReadWorkbook(None, [CellProblem(source, "", None, "", refused_whole)], {})
    problems: list[CellProblem] = []
    rows: dict[str, list[dict]] = {}
    refused: set[str] = set()
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # whatever the file is, it is not a workbook that can be read
        return ReadWorkbook(None, [CellProblem(source, "", None, "", str(UNREADABLE))], {})
    try:
        for spec in SHEETS:  # read_only: a sheet's XML is parsed here, row by row
            rows[spec.name] = read_sheet(book, spec, source, problems, refused)
    except Exception:  # broken XML in a sheet, a forbidden entity (defusedxml), a broken zip member
        return ReadWorkbook(None, [CellProblem(source, "", None, "", str(UNREADABLE))], {})
    finally:
        book.close()
    builder = Builder(rows, problems, source)
    structural = any(problem.row in (None, 1) for problem in problems)  # a sheet or a column is missing
    data = None if structural else builder.build()
    return ReadWorkbook(data, problems, builder.origins, refused)
