"""Evidence files: stored and downloaded under the extension of what they are, never the uploader's; an upload
larger than the limit is refused while it streams in, never read whole into memory."""

import io
import json
import sys
import tracemalloc
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import ClientHandler
from django.urls import reverse
from rest_framework.authtoken.models import Token

from kinerja.performance import services
from kinerja.performance.models import Actual, Evidence
from kinerja.strategy.models import Indicator

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MB = 1024 * 1024


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<x/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def actual(world, seed) -> Actual:
    """An actual of the section head's page (kasi-tata-kelola), still editable."""
    indicator = Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")
    return services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(1))


def downloaded_names(world, seed, evidence: Evidence) -> list[str]:
    """The file name of the page's and the API's download (Content-Disposition)."""
    client = Client()
    client.force_login(world.head_of_agency)
    answers = [
        client.get(reverse("evidence-download", args=[seed.code, evidence.pk])),
        client.get(reverse("api-evidence-download", args=[evidence.pk]), HTTP_ACCEPT=evidence.content_type),
    ]
    assert [answer.status_code for answer in answers] == [200, 200]
    return [answer["Content-Disposition"] for answer in answers]


@pytest.mark.parametrize(
    ("uploaded_as", "content", "kept_as"),
    [
        ("laporan.html", PDF, "laporan.pdf"),
        ("setup.exe", PDF, "setup.pdf"),
        ("notulen.docm", docx(), "notulen.docx"),
        ("laporan.pdf.exe", PDF, "laporan.pdf"),
        ("laporan.pdf", PDF, "laporan.pdf"),
    ],
)
def test_evidence_is_stored_and_downloaded_under_the_extension_of_its_kind(
    world, seed, actual, uploaded_as, content, kept_as
):
    evidence = services.add_evidence(actor=world.section_head, actual=actual, name=uploaded_as, content=content)
    assert evidence.original_name == kept_as
    assert evidence.file.name.endswith("." + kept_as.rsplit(".", 1)[1])
    assert downloaded_names(world, seed, evidence) == [f'attachment; filename="{kept_as}"'] * 2


def test_evidence_kept_earlier_under_the_uploaders_extension_downloads_under_its_kind(world, seed, actual):
    evidence = services.add_evidence(actor=world.section_head, actual=actual, name="bukti.pdf", content=PDF)
    Evidence.objects.filter(pk=evidence.pk).update(original_name="bukti.html")  # as stored before the fix
    evidence.refresh_from_db()
    assert downloaded_names(world, seed, evidence) == ['attachment; filename="bukti.pdf"'] * 2


# -- size ----------------------------------------------------------------------------------------------------------


def test_an_upload_over_the_limit_is_refused_on_the_entry_page_with_a_message(logged_in, seed, settings):
    settings.KINERJA_UPLOAD_MAX_BYTES = MB
    upload = SimpleUploadedFile("besar.pdf", PDF + b"\0" * (3 * MB), content_type="application/pdf")
    url = reverse("entry-save", args=[seed.code, "kadis", "IKU.2"]) + "?tahun=2022&triwulan=2"
    response = logged_in.post(
        url, {"IKU_2-numerator": "150", "IKU_2-denominator": "196", "IKU_2-evidence": upload}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Berkas «besar.pdf» terlalu besar (3 MB) dan tidak diterima." in (response.content.decode())
    assert not Evidence.objects.exists()
    assert not Actual.objects.filter(indicator__code="IKU.2", year=2022, quarter=2).exists()


def write_multipart(path, name: str, size: int) -> str:
    """A multipart body with one file of `size` bytes (a PDF by its first bytes) written to disk in 1 MB
    pieces, never held in memory; returns the boundary."""
    boundary = "kinerja-uji-batas"
    with path.open("wb") as body:
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: application/pdf\r\n\r\n".encode()
            + PDF
        )
        piece = b"\0" * MB
        written = len(PDF)
        while written < size:
            body.write(piece[: min(MB, size - written)])
            written += min(MB, size - written)
        body.write(f"\r\n--{boundary}--\r\n".encode())
    return boundary


def test_a_150_mb_upload_is_refused_by_the_api_without_being_read_into_memory(world, actual, tmp_path):
    path = tmp_path / "body.bin"
    boundary = write_multipart(path, "rekaman.pdf", 150 * MB)
    token = Token.objects.create(user=world.section_head)
    with path.open("rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": reverse("api-actual-evidence", args=[actual.pk]),
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": stream,
            "wsgi.errors": sys.stderr,
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "CONTENT_LENGTH": str(path.stat().st_size),
            "HTTP_AUTHORIZATION": f"Token {token.key}",
        }
        tracemalloc.start()
        try:
            response = ClientHandler()(environ)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert stream.tell() == path.stat().st_size  # the whole body was received (and dropped)
    assert peak < 16 * MB, f"{peak / MB:.0f} MB held in memory"
    assert response.status_code == 400
    assert json.loads(response.content) == {"file": ["Berkas «rekaman.pdf» terlalu besar (150 MB) dan tidak diterima."]}
    assert not Evidence.objects.exists()


def test_an_upload_within_the_limit_is_stored_whole(world, actual, settings):
    settings.KINERJA_UPLOAD_MAX_BYTES = MB
    client = Client()
    client.force_login(world.section_head)
    content = PDF + b"\0" * (MB - len(PDF))  # exactly the limit
    response = client.post(
        reverse("api-actual-evidence", args=[actual.pk]), {"file": SimpleUploadedFile("pas.pdf", content)}
    )
    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.size == MB and evidence.file.read() == content


def test_evidence_is_written_only_by_who_may_enter_in_an_open_quarter_while_editable(world, actual):
    """One door: the service itself refuses, whichever door calls it (the API's evidence action no longer checks
    anything of its own)."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from kinerja.performance import workflow

    for outsider in (world.planner, world.head_of_agency, world.outsider):
        with pytest.raises(PermissionDenied):
            services.add_evidence(actor=outsider, actual=actual, name="bukti.pdf", content=PDF)
    workflow.submit_actual(actor=world.section_head, actual=actual)
    with pytest.raises(ValidationError):
        services.add_evidence(actor=world.section_head, actual=actual, name="bukti.pdf", content=PDF)
    assert not Evidence.objects.filter(actual=actual).exists()


def test_evidence_in_a_closed_quarter_is_refused_and_cannot_be_removed(world, actual):
    from django.core.exceptions import ValidationError

    from kinerja.performance import workflow

    evidence = services.add_evidence(actor=world.section_head, actual=actual, name="bukti.pdf", content=PDF)
    workflow.close_period(actor=world.planner, agency=world.agency, year=2022, quarter=1)
    with pytest.raises(ValidationError):
        services.add_evidence(actor=world.section_head, actual=actual, name="lagi.pdf", content=PDF)
    with pytest.raises(ValidationError):
        services.remove_evidence(actor=world.section_head, evidence=evidence)
    assert list(Evidence.objects.filter(actual=actual)) == [evidence]
