"""The one base of stored files (evidence of actuals and of the evaluation): checked, named by what they are."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from kinerja.core import file_kinds, stored_files

PDF = b"%PDF-1.4\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 16


@pytest.mark.parametrize(
    ("name", "content", "kind", "shown"),
    [
        ("laporan.html", PDF, file_kinds.PDF, "laporan.pdf"),
        ("laporan.pdf.exe", PDF, file_kinds.PDF, "laporan.pdf"),
        ("foto.JPEG", JPEG, file_kinds.JPEG, "foto.jpg"),
        ("", PDF, file_kinds.PDF, "bukti.pdf"),
    ],
)
def test_a_checked_file_is_named_by_its_detected_kind(name, content, kind, shown):
    checked = stored_files.checked_file(name, content)
    assert checked.kind == kind
    assert checked.display_name == shown
    assert checked.stored_name.endswith(f".{kind.extension}") and len(checked.stored_name) == 33 + len(kind.extension)
    assert checked.size == len(content)
    assert checked.sha256 == hashlib.sha256(content).hexdigest()


def test_two_uploads_of_one_name_are_stored_under_two_names():
    assert stored_files.checked_file("a.pdf", PDF).stored_name != stored_files.checked_file("a.pdf", PDF).stored_name


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"<html>", "bukan jenis yang diizinkan"),
        (PDF + b"x" * 2000, "lebih besar dari batas"),
    ],
)
def test_an_empty_unknown_or_too_large_file_is_refused_on_the_file_field(settings, content, message):
    settings.KINERJA_EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match=message) as error:
        stored_files.checked_file("a.pdf", content)
    assert list(error.value.message_dict) == ["file"]
