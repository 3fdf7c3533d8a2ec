"""Bad input and attacks of issue 6 that are not covered next to their feature."""

from decimal import Decimal
from pathlib import Path

from django.urls import reverse

from kinerja.performance.services import record_actual
from kinerja.reports.decree import build_decree
from kinerja.reports.output import render
from kinerja.reports.tests.readback import docx_text, pdf_text
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.selectors import get_current_plan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PAYLOAD = '<script>alert("x")</script><b>tebal</b>'


def test_an_evidence_file_named_with_dots_and_slashes_is_stored_under_a_generated_name(world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    indicator = Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola").first()
    actual = record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=2022,
        quarter=1,
        value=Decimal(1),
        numerator=Decimal(1),
        denominator=Decimal(2),
        evidence=[("../../etc/passwd.pdf", PDF)],
    )
    evidence = actual.evidence.get()
    stored = Path(evidence.file.path).resolve()
    assert stored.is_relative_to(tmp_path.resolve()) and ".." not in evidence.file.name
    assert "passwd" not in evidence.file.name and evidence.original_name == "../../etc/passwd.pdf"


def test_an_html_payload_in_an_indicator_name_is_text_in_pages_and_documents(logged_in, seed):
    row = PageIndicator.objects.filter(position__code="kadis", position__agency=seed).first()
    row.printed_name = PAYLOAD
    row.save()
    page = logged_in.get(reverse("position-page", args=[seed.code, "kadis"])).content.decode()
    assert "&lt;script&gt;" in page and PAYLOAD not in page
    document = build_decree(get_current_plan(seed), 2022)
    assert PAYLOAD in docx_text(render(document, "docx"))  # Word shows the characters, it runs nothing
    text = pdf_text(render(document, "pdf"))
    assert '<script>alert("x")</script>' in text.replace("\n", "")


def test_another_agencys_actual_cannot_be_decided_by_changing_the_id(client, world, seed):
    indicator = Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola").first()
    actual = record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=2022,
        quarter=1,
        value=Decimal(1),
        numerator=Decimal(1),
        denominator=Decimal(2),
    )
    client.force_login(world.outsider)
    url = reverse("verification-decide", args=["luar-dinas", actual.pk])
    assert client.post(url, {"action": "verify"}).status_code == 404
    assert (
        client.post(reverse("verification-decide", args=[seed.code, actual.pk]), {"action": "verify"}).status_code
        == 404
    )
