"""The import preview runs the consistency check on the agency as the file would leave it (issue 20): its findings,
the incoming file's misspelt word among them, are warnings that do not block the import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Position

SEED = "halut-diskominfo"


@pytest.fixture
def import_dir(settings, tmp_path):
    settings.KINERJA_IMPORT_DIR = tmp_path / "imports"
    return settings.KINERJA_IMPORT_DIR


def test_the_import_preview_checks_the_incoming_file_without_blocking_it(client, world, import_dir):
    client.force_login(world.planner)
    data = export_agency_data(world.agency)
    position = next(item for item in data["positions"] if item["code"] == "kasi-aplikasi")
    position["duty"] = "Melaksanakan pengarsipann dokumen aplikasi pemerintahan"
    response = client.post(
        reverse("exchange-upload", args=[SEED]), {"berkas": SimpleUploadedFile("instansi.xlsx", write_workbook(data))}
    )
    html = client.get(response["Location"]).content.decode()
    section = html[html.index('id="consistency"') :]
    assert "Kata “pengarsipann” tidak ada dalam kamus; mungkin maksudnya “pengarsipan”" in section
    assert 'data-code="fungsi-nomor-ganda"' in section  # the seed's own findings, as the file keeps them
    assert 'id="confirm-import"' in html, "the findings do not stop the import"
    assert Position.objects.get(agency=world.agency, code="kasi-aplikasi").duty != position["duty"]
