"""The verifier sees what they verify: target, value (a ratio's terms the Indonesian way), achievement and
category, factors, follow-up, note and evidence; verifying asks for a confirmation and carries the version."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.core.numbers import format_percent
from kinerja.performance import workflow
from kinerja.performance.evidence import add_evidence
from kinerja.performance.models import Actual
from kinerja.performance.selectors import get_measurements
from kinerja.performance.services import record_actual, set_target
from kinerja.performance.worklist import get_actuals_in_context
from kinerja.strategy.models import Indicator

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def submitted(world, seed, settings, tmp_path) -> Actual:
    """IKU.5 (a ratio on the division head's page, verified by the head of agency), 2022 quarter II: 117 of 196
    with factors, follow-up, note and one evidence file, submitted."""
    settings.MEDIA_ROOT = tmp_path
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal("80"))
    set_target(actor=world.planner, indicator=indicator, kind="quarter", year=2022, quarter=2, value=Decimal("60.5"))
    actual = record_actual(
        actor=world.division_head,
        indicator=indicator,
        year=2022,
        quarter=2,
        value=None,
        numerator=Decimal(117),
        denominator=Decimal(196),
        supporting_factors="Dukungan Bupati",
        hindering_factors="Sinyal lemah",
        follow_up="Tambah menara",
        note="Data Dinas",
    )
    add_evidence(actor=world.division_head, actual=actual, name="berita-acara.pdf", content=PDF)
    return workflow.submit_actual(actor=world.division_head, actual=Actual.objects.get(pk=actual.pk))


def page_of(client, seed) -> str:
    return html.unescape(client.get(reverse("verification", args=[seed.code])).content.decode())


def test_the_verifier_sees_target_value_achievement_factors_and_evidence(client, world, seed, submitted):
    client.force_login(world.head_of_agency)
    page = page_of(client, seed)
    block = page[page.index(f'id="actual-{submitted.pk}"') :]
    block = block[: block.index("</form>")]
    assert "(117 / 196)" in block and "0000" not in block  # the terms as typed, never "117,0000 / 196,0000"
    assert "59,69" in block  # 117 / 196 × 100, two decimals, comma
    assert "80,00" in block and "60,50" in block  # the year's and the quarter's target
    expected = get_measurements([submitted.indicator], 2022)[submitted.indicator_id].achievement_up_to(2)
    assert expected is not None and format_percent(expected) in block
    for text in ("Dukungan Bupati", "Sinyal lemah", "Tambah menara", "Data Dinas", "berita-acara.pdf"):
        assert text in block, text
    evidence = submitted.evidence.get()
    link = reverse("evidence-download", args=[seed.code, evidence.pk])
    assert f'href="{link}"' in block
    download = client.get(link)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert f'name="version" value="{workflow.version_of(submitted)}"' in block
    assert 'name="confirm"' in block


def test_verify_without_the_confirmation_changes_nothing_and_says_why(client, world, seed, submitted):
    client.force_login(world.head_of_agency)
    url = reverse("verification-decide", args=[seed.code, submitted.pk])
    response = client.post(url, {"action": "verify", "version": workflow.version_of(submitted)}, follow=True)
    assert "centang pernyataan" in html.unescape(response.content.decode())
    assert Actual.objects.get(pk=submitted.pk).status == Actual.Status.SUBMITTED


def test_a_stale_version_is_refused_and_the_current_one_verifies(client, world, seed, submitted):
    client.force_login(world.head_of_agency)
    url = reverse("verification-decide", args=[seed.code, submitted.pk])
    response = client.post(
        url, {"action": "verify", "confirm": "1", "version": "2000-01-01T00:00:00+00:00"}, follow=True
    )
    assert "Data ini baru saja diubah" in html.unescape(response.content.decode())
    assert Actual.objects.get(pk=submitted.pk).status == Actual.Status.SUBMITTED
    response = client.post(
        url, {"action": "verify", "confirm": "1", "version": workflow.version_of(submitted)}, follow=True
    )
    assert "diverifikasi" in html.unescape(response.content.decode())
    assert Actual.objects.get(pk=submitted.pk).status == Actual.Status.VERIFIED


def test_someone_who_may_not_verify_is_not_told_about_the_confirmation(client, world, seed, submitted):
    client.force_login(world.secretary)
    url = reverse("verification-decide", args=[seed.code, submitted.pk])
    assert client.post(url, {"action": "verify"}).status_code == 404
    assert Actual.objects.get(pk=submitted.pk).status == Actual.Status.SUBMITTED


def test_a_returned_item_links_to_its_row_on_the_entry_page(client, world, seed, submitted):
    workflow.return_actual(actor=world.head_of_agency, actual=submitted, reason="Lampirkan daftar desa")
    client.force_login(world.division_head)
    page = page_of(client, seed)
    returned = page[page.index('id="returned"') :]
    link = reverse("entry-page", args=[seed.code, "kabid-persandian"]) + "?tahun=2022&triwulan=2#row-IKU_5"
    assert f'href="{link}"' in returned and "Lampirkan daftar desa" in returned
    entry = client.get(link.split("#")[0]).content.decode()
    assert 'id="row-IKU_5"' in entry


def test_actuals_in_context_cost_three_queries_however_many(world, seed, submitted, django_assert_max_num_queries):
    actuals = list(Actual.objects.select_related("indicator"))
    with django_assert_max_num_queries(3):
        one = get_actuals_in_context(actuals)
    for indicator in Indicator.objects.filter(plan__agency=seed, formula="count")[:6]:
        Actual.objects.create(indicator=indicator, year=2021, quarter=1, value=Decimal(2))  # rows to read
    actuals = list(Actual.objects.select_related("indicator"))
    assert len(actuals) >= 5
    with django_assert_max_num_queries(3):
        many = get_actuals_in_context(actuals)
    assert len(one) == 1 and len(many) == len(actuals)
    assert one[0].actual.evidence.all()[0].original_name == "berita-acara.pdf"
