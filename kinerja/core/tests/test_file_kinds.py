import io
import zipfile

import pytest

from kinerja.core.file_kinds import DOC, DOCX, JPEG, PDF, PNG, XLS, XLSX, detect, named_as


def office(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{kind}/document.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", JPEG),
        (office("word"), DOCX),
        (office("xl"), XLSX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le"), DOC),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "Workbook".encode("utf-16-le"), XLS),
    ],
)
def test_allowed_kinds_are_recognised_from_their_content(content, expected):
    assert detect(content) == expected


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows .exe, whatever its name says
        b"\x7fELF\x02\x01\x01",
        b"<html><script>alert(1)</script>",
        b"PK\x03\x04not really a zip",
        office("other"),
        b"",
    ],
)
def test_other_content_is_refused(content):
    assert detect(content) is None


def macro_enabled_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<x/>")
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macros")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        macro_enabled_word(),  # a .docm: Word with a VBA project
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 100
        + "WordDocument".encode("utf-16-le")
        + "_VBA_PROJECT".encode("utf-16-le"),  # a Word 97 file with macros
    ],
)
def test_office_files_with_macros_are_refused(content):
    assert detect(content) is None


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("laporan.html", PDF, "laporan.pdf"),
        ("setup.exe", PDF, "setup.pdf"),
        ("notulen.docm", DOCX, "notulen.docx"),
        ("foto.JPEG", JPEG, "foto.jpg"),
        ("laporan.pdf", PDF, "laporan.pdf"),
        ("laporan.PDF.exe", PDF, "laporan.pdf"),
        ("tanpa-ekstensi", XLSX, "tanpa-ekstensi.xlsx"),
        ("C:\\Users\\kasi\\bukti.htm", PNG, "C:\\Users\\kasi\\bukti.png"),
        ("../../etc/bukti.svg", PNG, "../../etc/bukti.png"),
        ("arsip.2022/.htaccess", PDF, "arsip.2022/bukti.pdf"),
        ("", PDF, "bukti.pdf"),
        (".htaccess", PDF, "bukti.pdf"),
        ("a" * 300 + ".html", XLS, "a" * 251 + ".xls"),
        ("laporan.html", "pdf", "laporan.pdf"),  # the kind by its code, as stored
        ("laporan.html", "html", "laporan"),  # not an allowed kind: no extension at all
    ],
)
def test_a_file_is_named_with_the_extension_of_its_kind(name, kind, expected):
    assert named_as(name, kind) == expected
