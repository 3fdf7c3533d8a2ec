"""The final step of the SKP ratings: who makes them final, what it refuses (drafts, breaks not acknowledged), what
no longer changes afterwards, and the head's reopening — through the services and the distribution page."""

import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.skp import finalisation, services
from kinerja.skp.models import Skp

from .helpers import ALL_AS_EXPECTED, YEAR, official_of, section_skp, staff_member, staff_skp

SEED = "halut-diskominfo"
ALL_ABOVE = dict.fromkeys(ALL_AS_EXPECTED, "di_atas")


def text(response) -> str:
    return html.unescape(response.content.decode())


def rated_pair(world) -> tuple[Skp, Skp]:
    """The section head's SKP rated by the division head, and their staff member's rated by them."""
    staff, user = staff_member(world)
    own = section_skp(world)
    services.rate_skp(actor=world.division_head, skp=own, work="sesuai", behaviours=ALL_AS_EXPECTED)
    staff_one = staff_skp(world, staff, user)
    services.rate_skp(actor=world.section_head, skp=staff_one, work="di_bawah", behaviours=ALL_AS_EXPECTED)
    return own, staff_one


def statuses(*skps: Skp) -> list[str]:
    return [Skp.objects.get(pk=skp.pk).status for skp in skps]


@pytest.mark.parametrize("role", ["head_of_agency", "planner"])
def test_the_head_or_the_planner_makes_the_ratings_final_and_it_is_audited(world, seed, role):
    own, staff_one = rated_pair(world)
    done = finalisation.finalise_ratings(actor=getattr(world, role), agency=seed, year=YEAR)
    assert {skp.pk for skp in done} == {own.pk, staff_one.pk}
    assert statuses(own, staff_one) == ["final", "final"]
    record = AuditRecord.objects.filter(about_pk=str(own.pk), description__contains="ditetapkan final").get()
    assert record.note == ""  # nothing to acknowledge: no figures, nothing checked


@pytest.mark.parametrize("role", ["section_head", "division_head", "secretary", "inspector", "bappeda", "outsider"])
def test_no_one_else_makes_the_ratings_final(world, seed, role):
    own, staff_one = rated_pair(world)
    with pytest.raises(PermissionDenied):
        finalisation.finalise_ratings(actor=getattr(world, role), agency=seed, year=YEAR)
    assert statuses(own, staff_one) == ["rated", "rated"]


def test_it_refuses_while_an_skp_is_unrated_and_names_it(world, seed):
    staff, user = staff_member(world)
    own = section_skp(world)
    services.rate_skp(actor=world.division_head, skp=own, work="sesuai", behaviours=ALL_AS_EXPECTED)
    staff_skp(world, staff, user)
    with pytest.raises(ValidationError, match=r"Belum semua SKP dinilai: Staf Uji, A\.Md\."):
        finalisation.finalise_ratings(actor=world.planner, agency=seed, year=YEAR)
    assert statuses(own) == ["rated"]


def test_a_unit_is_made_final_alone(world, seed):
    own, staff_one = rated_pair(world)
    division = services.prepare_skp(
        actor=world.division_head,
        position=own.position.superior,
        official=official_of(world.division_head),
        year=YEAR,
    )  # in another unit, still a draft: it does not hold the section's unit back
    finalisation.finalise_ratings(actor=world.head_of_agency, agency=seed, year=YEAR, unit=own.position.unit)
    assert statuses(own, staff_one, division) == ["final", "final", "draft"]
    with pytest.raises(ValidationError, match="sudah final"):
        finalisation.finalise_ratings(actor=world.head_of_agency, agency=seed, year=YEAR, unit=own.position.unit)


def test_once_final_nothing_of_the_skp_changes(world, seed):
    own, staff_one = rated_pair(world)
    finalisation.finalise_ratings(actor=world.planner, agency=seed, year=YEAR)
    final = "Penilaian SKP ini sudah final"
    with pytest.raises(ValidationError, match=final):
        services.rate_skp(actor=world.section_head, skp=staff_one, work="di_atas", behaviours=ALL_ABOVE)
    indicator = own.results.first().indicators.first()
    with pytest.raises(ValidationError, match=final):
        services.change_indicator(
            actor=world.section_head, indicator=indicator, aspect="kuantitas", name="x", target=Decimal(1), unit="x"
        )
    with pytest.raises(ValidationError, match=final):
        services.add_indicator(
            actor=world.section_head, result=indicator.result, aspect="waktu", name="x", target=None, unit=""
        )
    with pytest.raises(ValidationError, match=final):
        services.remove_indicator(actor=world.section_head, indicator=indicator)
    with pytest.raises(ValidationError, match=final):
        services.add_staff_result(actor=world.section_head, skp=staff_one, parent=indicator.result, text="Baru")
    assert Skp.objects.get(pk=staff_one.pk).predicate == "butuh_perbaikan"
    staff_one.refresh_from_db()
    own.refresh_from_db()
    assert not services.may_rate(world.section_head, staff_one) and not services.may_change(world.section_head, own)


def test_the_head_reopens_with_a_reason_and_the_superior_rates_again(world, seed):
    own, staff_one = rated_pair(world)
    finalisation.finalise_ratings(actor=world.planner, agency=seed, year=YEAR)
    with pytest.raises(PermissionDenied):
        finalisation.reopen_ratings(actor=world.planner, agency=seed, year=YEAR, reason="Salah nilai")
    with pytest.raises(ValidationError) as refusal:
        finalisation.reopen_ratings(actor=world.head_of_agency, agency=seed, year=YEAR, reason="  ")
    assert "reason" in refusal.value.message_dict
    finalisation.reopen_ratings(actor=world.head_of_agency, agency=seed, year=YEAR, reason="Keberatan pegawai")
    assert statuses(own, staff_one) == ["rated", "rated"]
    record = AuditRecord.objects.filter(about_pk=str(staff_one.pk), description__contains="dibuka kembali").get()
    assert record.note == "Keberatan pegawai"
    services.rate_skp(actor=world.section_head, skp=staff_one, work="di_atas", behaviours=ALL_ABOVE)
    assert Skp.objects.get(pk=staff_one.pk).predicate == "sangat_baik"


def test_through_the_pages_the_planner_makes_final_and_the_skp_page_shows_it(client, world, seed):
    own, staff_one = rated_pair(world)
    url = reverse("skp-distribution", args=[SEED]) + f"?tahun={YEAR}"
    client.force_login(world.planner)
    page = text(client.get(url))
    assert "Tetapkan penilaian final" in page and "Status penilaian: <strong>Belum final</strong>" in page
    response = client.post(reverse("skp-finalise", args=[SEED]), {"tahun": YEAR}, follow=True)
    page = text(response)
    assert "2 penilaian SKP sudah final." in page and "Status penilaian: <strong>Final</strong>" in page
    assert "Tetapkan penilaian final" not in page and "Buka kembali penilaian" not in page  # the head reopens
    client.force_login(world.section_head)
    detail = text(client.get(reverse("skp-detail", args=[SEED, staff_one.pk])))
    assert '<dd id="skp-status">Final</dd>' in detail and 'id="skp-final"' in detail
    assert "Simpan penilaian" not in detail and "Tambah indikator" not in detail
    assert client.post(reverse("skp-finalise", args=[SEED]), {"tahun": YEAR}).status_code == 404
    client.force_login(world.head_of_agency)
    response = client.post(reverse("skp-reopen", args=[SEED]), {"tahun": YEAR, "alasan": "Koreksi"}, follow=True)
    assert "2 penilaian SKP dibuka kembali." in text(response)
    assert statuses(own, staff_one) == ["rated", "rated"]


def test_a_break_is_refused_unless_acknowledged_and_the_acknowledgment_is_audited(client, world, example_figures):
    unit = Position.objects.get(agency=example_figures, code="kasi-aplikasi").unit  # the example: all Sangat Baik
    with pytest.raises(
        ValidationError, match=r"Distribusi melanggar ketentuan: Seksi Pengembangan Aplikasi .*: Paling"
    ):
        finalisation.finalise_ratings(actor=world.planner, agency=example_figures, year=YEAR, unit=unit)
    assert set(Skp.objects.filter(position__unit=unit).values_list("status", flat=True)) == {"rated"}
    client.force_login(world.head_of_agency)
    response = client.post(
        reverse("skp-finalise", args=[SEED]), {"tahun": YEAR, "unit": unit.code, "akui": "1"}, follow=True
    )
    assert "4 penilaian SKP sudah final." in text(response)
    assert set(Skp.objects.filter(position__unit=unit).values_list("status", flat=True)) == {"final"}
    skp = Skp.objects.get(position__code="operator-layanan-daring")
    record = AuditRecord.objects.filter(about_pk=str(skp.pk), description__contains="ditetapkan final").get()
    assert record.note == (
        "Pelanggaran distribusi diakui: Seksi Pengembangan Aplikasi Pemerintahan dan Pelayanan Publik: "
        "Paling banyak 70 % boleh Sangat Baik; di sini 100,00 %."
    )


def test_the_whole_agency_waits_for_its_unrated_but_not_for_the_head_of_agency(world, example_figures):
    with pytest.raises(ValidationError) as refusal:
        finalisation.finalise_ratings(
            actor=world.head_of_agency, agency=example_figures, year=YEAR, acknowledge_breaks=True
        )
    message = " ".join(refusal.value.messages)
    assert "Kepala Seksi Uji, S.Kom" in message  # the example leaves the section head and one staff unrated
    head = Skp.objects.get(position__code="kadis", year=YEAR)
    assert head.status == "draft" and head.official.name not in message  # the regent rates the head, outside


def test_a_final_skp_carries_its_predicate_by_the_databases_constraint(world, seed):
    from django.db import IntegrityError, transaction

    skp = section_skp(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Skp.objects.filter(pk=skp.pk).update(status="final")  # never rated: no predicate
