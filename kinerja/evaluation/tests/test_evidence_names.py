"""Evidence of the SAKIP evaluation is kept and downloaded like evidence of actuals (kinerja.core.stored_files):
under the uploader's name with the extension of what the file really is."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, Evaluation, EvaluationEvidence

SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _answer(world) -> Answer:
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=2022)
    return Answer.objects.get(evaluation=evaluation, criterion__code="B.a.2")


@pytest.mark.parametrize(
    ("uploaded", "content", "shown", "extension"),
    [
        ("laporan.html", PDF, "laporan.pdf", ".pdf"),
        ("setup.exe", PDF, "setup.pdf", ".pdf"),
        ("foto.pdf", PNG, "foto.png", ".png"),
        ("laporan.pdf", PDF, "laporan.pdf", ".pdf"),
        ("", PDF, "bukti.pdf", ".pdf"),
    ],
)
def test_evaluation_evidence_is_named_by_what_it_is(
    world, lke, settings, tmp_path, uploaded, content, shown, extension
):
    settings.MEDIA_ROOT = tmp_path
    evidence = services.add_evidence_file(actor=world.planner, name=uploaded, content=content, answer=_answer(world))
    evidence.refresh_from_db()
    assert evidence.original_name == shown
    assert evidence.stored_name.endswith(extension) and evidence.file.name.endswith(evidence.stored_name)
    assert evidence.size == len(content) and len(evidence.sha256) == 64


def test_evaluation_evidence_uploaded_as_html_holding_a_pdf_is_downloaded_as_pdf(
    client, world, lke, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.planner)
    client.post(reverse("evaluation-start", args=[SEED]), {"year": "2022"})
    evaluation = Evaluation.objects.get(agency=world.agency, year=2022)
    upload = SimpleUploadedFile("laporan.html", PDF, content_type="text/html")
    client.post(reverse("evaluation-evidence-add", args=[SEED, 2022, "B.a.2"]), {"file": [upload]})
    evidence = EvaluationEvidence.objects.get(answer__evaluation=evaluation, link="")
    assert evidence.original_name == "laporan.pdf" and evidence.content_type == "application/pdf"
    response = client.get(reverse("evaluation-evidence", args=[SEED, 2022, evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="laporan.pdf"'
    assert b"".join(response.streaming_content) == PDF


def test_a_row_kept_under_the_uploaders_name_is_downloaded_under_its_kinds_extension(
    client, world, lke, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    evidence = services.add_evidence_file(actor=world.planner, name="x.pdf", content=PDF, answer=_answer(world))
    EvaluationEvidence.objects.filter(pk=evidence.pk).update(original_name="laporan.exe")  # as rows were kept
    client.force_login(world.planner)
    response = client.get(reverse("evaluation-evidence", args=[SEED, 2022, evidence.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="laporan.pdf"'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"MZ\x90\x00 not a document", "bukan jenis yang diizinkan"),
        (PDF * 40, "lebih besar"),
    ],
)
def test_evaluation_evidence_is_refused_like_evidence_of_actuals(world, lke, settings, tmp_path, content, message):
    settings.MEDIA_ROOT = tmp_path
    settings.KINERJA_EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match=message):
        services.add_evidence_file(actor=world.planner, name="a.pdf", content=content, answer=_answer(world))
    assert not EvaluationEvidence.objects.exists()
    assert not list(tmp_path.rglob("*.*"))
