import io
import zipfile

import pytest

from kinerja.performance.file_kinds import DOC, DOCX, JPEG, PDF, PNG, XLS, XLSX, detect


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
