"""Reading and entry pages: figures, messages next to the field, fixed query counts."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.organisation.models import Assignment, Official
from kinerja.performance.models import Actual, Evidence
from kinerja.strategy.models import Indicator


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def example(example_figures):
    return example_figures


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("name", ["position-page", "entry-page"])
def test_position_pages_cost_the_same_queries_small_or_large(client, example, name, django_user_model):
    user = django_user_model.objects.create_user("rangkap", password="x-Rangkap-123")
    official = Official.objects.create(
        region=example.region, name="Pejabat Rangkap", user=user, nip="199001012015011001"
    )
    for code in ("kabid-opini", "kasubag-umum", "kadis"):  # holds all three, acting where not definitive
        Assignment.objects.create(
            official=official, position=example.positions.get(code=code), start=datetime.date(2022, 1, 1), acting=True
        )
    client.force_login(user)
    counts = {
        position: queries(client, reverse(name, args=[example.code, position]) + "?tahun=2022&triwulan=2")
        for position in ("kabid-opini", "kasubag-umum", "kadis")
    }
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= 16 + PER_REQUEST_QUERIES, counts


def test_plan_page_cost_is_fixed(logged_in, example, django_assert_max_num_queries):
    with django_assert_max_num_queries(16 + PER_REQUEST_QUERIES):
        logged_in.get(reverse("plan-detail", args=[example.code]) + "?tahun=2022")


def test_iki_page_shows_target_quarters_actual_and_achievement(logged_in, example):
    page = text(logged_in.get(reverse("position-page", args=[example.code, "kadis"]) + "?tahun=2022"))
    assert "Pengukuran Kinerja" in page or "Pengukuran kinerja" in page
    assert "2022 s.d. Triwulan IV" in page  # the period the figures are for
    assert page.count('class="measure-row"') == 5
    assert "Sangat Tinggi" in page or "Tinggi" in page or "Sedang" in page


def test_missing_actual_shows_a_dash_never_zero(logged_in, seed):
    page = text(logged_in.get(reverse("position-page", args=[seed.code, "kabid-persandian"]) + "?tahun=2023"))
    row = page[page.index('class="measure-row"') :]
    row = row[: row.index("</tr>")]
    assert "—" in row and ">0<" not in row and "0,00" not in row


def entry_url(seed, indicator: str, action: str = "entry-save", position: str = "kadis") -> str:
    return reverse(action, args=[seed.code, position, indicator]) + "?tahun=2022&triwulan=2"


def test_entering_a_ratio_actual_with_evidence_saves_that_row(logged_in, seed, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = logged_in.post(
        entry_url(seed, "IKU.2"),
        {
            "IKU_2-numerator": "150",
            "IKU_2-denominator": "196",
            "IKU_2-note": "Data BPS",
            "IKU_2-evidence": upload,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "76,53" in text(response)
    actual = Actual.objects.get(indicator__code="IKU.2", year=2022, quarter=2)
    assert actual.note == "Data BPS"
    assert Evidence.objects.filter(actual=actual).count() == 1
    download = logged_in.get(reverse("evidence-download", args=[seed.code, actual.evidence.get().pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"IKU_2-numerator": "abc", "IKU_2-denominator": "196"}, "bukan angka"),
        ({"IKU_2-numerator": "1,234,567", "IKU_2-denominator": "196"}, "bukan angka"),
        ({"IKU_2-numerator": "-3", "IKU_2-denominator": "196"}, "negatif"),
        ({"IKU_2-numerator": "5", "IKU_2-denominator": "0"}, "lebih besar dari 0"),
        ({"IKU_2-numerator": "200", "IKU_2-denominator": "196"}, "tidak boleh lebih besar"),
    ],
)
def test_bad_input_gives_a_message_next_to_the_field_and_saves_nothing(logged_in, seed, data, message):
    response = logged_in.post(entry_url(seed, "IKU.2"), data, HTTP_HX_REQUEST="true")
    assert message in text(response)
    assert 'class="field-error"' in text(response)
    assert not Actual.objects.filter(indicator__code="IKU.2", year=2022, quarter=2).exists()


def test_exe_renamed_pdf_is_refused(logged_in, seed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 60, content_type="application/pdf")
    response = logged_in.post(
        entry_url(seed, "IKU.2"),
        {"IKU_2-numerator": "10", "IKU_2-denominator": "196", "IKU_2-evidence": upload},
        HTTP_HX_REQUEST="true",
    )
    assert "bukan jenis yang diizinkan" in text(response)
    assert not Actual.objects.filter(indicator__code="IKU.2", year=2022, quarter=2).exists()


def test_indonesian_decimal_comma_is_accepted(logged_in, seed):
    Indicator.objects.filter(plan__agency=seed, code="IKU.1").update(fed_by="")  # typed here, not by the evaluation
    logged_in.post(entry_url(seed, "IKU.1"), {"IKU_1-value": "63,5"}, HTTP_HX_REQUEST="true")
    assert str(Actual.objects.get(indicator__code="IKU.1", year=2022, quarter=2).value) == "63.5000"


def test_preview_computes_value_and_achievement_without_saving(logged_in, seed):
    response = logged_in.post(
        entry_url(seed, "IKU.2", "entry-preview"), {"IKU_2-numerator": "98", "IKU_2-denominator": "196"}
    )
    assert "50,00" in text(response)
    assert not Actual.objects.exists()


def test_entry_page_is_not_found_for_someone_who_does_not_hold_the_position(client, world):
    client.force_login(world.section_head)
    assert client.get(reverse("entry-page", args=[world.agency.code, "kadis"])).status_code == 404
    assert client.get(reverse("entry-page", args=[world.agency.code, "kasi-tata-kelola"])).status_code == 200


def test_preview_names_the_problem_of_a_negative_numerator(logged_in, seed):
    response = logged_in.post(
        entry_url(seed, "IKU.2", "entry-preview"), {"IKU_2-numerator": "-3", "IKU_2-denominator": "196"}
    )
    assert "negatif" in text(response)


def test_without_javascript_a_refused_row_comes_back_with_its_message(logged_in, seed):
    response = logged_in.post(entry_url(seed, "IKU.2"), {"IKU_2-numerator": "abc", "IKU_2-denominator": "196"})
    assert response.status_code == 200
    assert "bukan angka" in text(response)
    assert 'value="abc"' in response.content.decode()
