"""What an uploaded .xlsx must not be before openpyxl opens it: a zip bomb, or XML with a document type.

An .xlsx is a zip of XML files. Excel and LibreOffice never write a DTD into them; a DTD is how an external entity
(XXE: "read /etc/passwd into this cell") or an exponential internal entity ("billion laughs") gets in. openpyxl
reads the sheets through defusedxml (a dependency), but the workbook part may go through lxml: so every XML part
is scanned here, streamed and bounded, and a file with any DTD is refused whole. The sizes the zip declares bound
what is read (zipfile reads no more than a member's declared size and checks its CRC).
"""

import io
import zipfile

MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the whole workbook once unzipped (20,000 rows of a sheet: ~30 MB)
MAX_MEMBERS = 2000
CHUNK = 64 * 1024
FORBIDDEN = (b"<!doctype", b"<!entity")
UNREADABLE = "berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca."
ENTITIES = ("berkas ini memuat deklarasi DTD/entitas XML, yang tidak pernah ditulis Excel dan tidak diizinkan; "
            "simpan ulang berkasnya dengan Excel atau LibreOffice.")


def too_big() -> str:
    return (f"isi buku kerja ini terlalu besar setelah dibuka (lebih dari {MAX_UNPACKED_BYTES // (1024 * 1024)} MB); "
            "berkas ditolak.")


def workbook_problem(content: bytes) -> str | None:
    """Why the workbook is refused before it is opened (in Indonesian), None when it may be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return UNREADABLE
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                return too_big()
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares_a_dtd(archive, member):
                    return ENTITIES
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError):  # not a zip, truncated, encrypted, an unknown compression, a wrong CRC
        return UNREADABLE
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
