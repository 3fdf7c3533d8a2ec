"""The SKP's one door: prepare, intervene, indicators, rating — each asked by every role, audited."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.core.models import AuditRecord
from kinerja.performance.models import Target
from kinerja.skp import services
from kinerja.skp.models import Rhk, RhkIndicator, Skp
from kinerja.skp.selectors import get_skp
from kinerja.strategy.models import PageIndicator

from .helpers import ALL_AS_EXPECTED, SECTION, YEAR, official_of, position, section_skp, staff_member, staff_skp


def test_the_section_heads_skp_has_one_work_result_per_iki_row_with_its_indicator_and_target(world, seed):
    rows = list(
        PageIndicator.objects.filter(position__agency=seed, position__code=SECTION).order_by(
            "objective__order", "order"
        )
    )
    Target.objects.create(indicator=rows[0].indicator, kind="year", year=YEAR, quarter=0, value=Decimal("12"))
    skp = section_skp(world)
    results = list(skp.results.order_by("order"))
    assert [result.page_row for result in results] == rows and len(rows) > 0
    assert results[0].text == rows[0].objective.text
    first = results[0].indicators.get()
    assert (first.aspect, first.name, first.target, first.unit) == (
        "kuantitas",
        rows[0].name,
        Decimal("12"),
        rows[0].indicator.unit,
    )
    assert AuditRecord.objects.filter(about_pk=str(skp.pk), description__contains="SKP 2022").exists()


def test_every_work_result_of_the_seeds_section_head_reaches_a_strategic_objective(world, seed):
    skp = section_skp(world)
    view = get_skp(seed, skp.pk)
    assert view.results and all(item.reaches_objective for item in view.results)
    kinds = [link.kind for link in view.results[0].chain]
    assert kinds[0] == "IKI" and kinds[-1] == "Sasaran Strategis"


def test_an_skp_is_prepared_once_and_only_for_a_holder_within_the_plan(world, seed):
    section_skp(world)
    with pytest.raises(ValidationError, match="sudah mempunyai SKP"):
        section_skp(world)
    with pytest.raises(ValidationError) as refusal:
        services.prepare_skp(
            actor=world.planner, position=position(seed, SECTION), official=official_of(world.division_head), year=YEAR
        )
    assert "official" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        services.prepare_skp(
            actor=world.planner, position=position(seed, SECTION), official=official_of(world.section_head), year=2030
        )
    assert "year" in refusal.value.message_dict


@pytest.mark.parametrize("role", ["secretary", "inspector", "bappeda", "outsider"])
def test_who_neither_holds_supervises_nor_plans_prepares_no_skp(world, seed, role):
    with pytest.raises(PermissionDenied):
        services.prepare_skp(
            actor=getattr(world, role),
            position=position(seed, SECTION),
            official=official_of(world.section_head),
            year=YEAR,
        )
    assert not Skp.objects.exists()


def test_the_superior_gives_the_staff_member_a_work_result_from_their_own_and_the_chain_reaches_the_objective(
    world, seed
):
    staff, user = staff_member(world)
    own = section_skp(world)
    skp = staff_skp(world, staff, user)
    assert not skp.results.exists()
    parent = own.results.order_by("order").first()
    result = services.add_staff_result(
        actor=world.section_head, skp=skp, parent=parent, text="Menyusun konsep kebijakan persandian"
    )
    chain = get_skp(seed, skp.pk).results[0].chain
    assert chain[0].text == parent.text and chain[0].kind == "RHK atasan"
    assert chain[-1].kind == "Sasaran Strategis"
    assert result.parent == parent and AuditRecord.objects.filter(object_pk=str(result.pk)).exists()


@pytest.mark.parametrize("role", ["division_head", "planner", "head_of_agency"])
def test_only_the_direct_superior_gives_staff_work_results(world, seed, role):
    staff, user = staff_member(world)
    parent = section_skp(world).results.first()
    skp = staff_skp(world, staff, user)
    with pytest.raises(PermissionDenied):
        services.add_staff_result(actor=getattr(world, role), skp=skp, parent=parent, text="Apa saja")
    assert not skp.results.exists()


def test_a_staff_result_hangs_on_the_superiors_skp_of_the_same_year_only(world, seed):
    staff, user = staff_member(world)
    skp = staff_skp(world, staff, user)
    division = services.prepare_skp(
        actor=world.division_head,
        position=position(seed, "kabid-persandian"),
        official=official_of(world.division_head),
        year=YEAR,
    )
    with pytest.raises(ValidationError) as refusal:
        services.add_staff_result(
            actor=world.section_head, skp=skp, parent=division.results.first(), text="Hasil kerja"
        )
    assert "parent" in refusal.value.message_dict
    with pytest.raises(ValidationError, match="halaman IKI"):
        services.add_staff_result(
            actor=world.division_head, skp=section_skp(world), parent=division.results.first(), text="Hasil kerja"
        )


def test_the_staff_member_edits_their_own_draft_indicators_and_no_one_elses(world, seed):
    staff, user = staff_member(world)
    parent = section_skp(world).results.first()
    skp = staff_skp(world, staff, user)
    result = services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text="Konsep kebijakan")
    indicator = services.add_indicator(
        actor=user, result=result, aspect="waktu", name="Selesai tepat waktu", target=Decimal("12"), unit="bulan"
    )
    services.change_indicator(
        actor=user, indicator=indicator, aspect="waktu", name="Selesai tepat waktu", target=Decimal("10"), unit="bulan"
    )
    assert RhkIndicator.objects.get(pk=indicator.pk).target == Decimal("10")
    with pytest.raises(ValidationError) as refusal:
        services.add_indicator(
            actor=user, result=result, aspect="kualitas", name="Mutu", target=Decimal("-1"), unit="%"
        )
    assert "target" in refusal.value.message_dict
    with pytest.raises(PermissionDenied):
        services.add_indicator(
            actor=user, result=parent, aspect="kualitas", name="Mutu", target=Decimal("90"), unit="%"
        )
    with pytest.raises(PermissionDenied):
        services.remove_indicator(actor=world.planner, indicator=indicator)
    assert RhkIndicator.objects.filter(result=result).count() == 1


def test_the_superior_rates_and_the_predicate_follows_the_matrix(world, seed):
    staff, user = staff_member(world)
    skp = staff_skp(world, staff, user)
    behaviours = {**ALL_AS_EXPECTED, "akuntabel": "di_atas", "loyal": "di_atas", "adaptif": "di_atas"}
    rated = services.rate_skp(actor=world.section_head, skp=skp, work="di_atas", behaviours=behaviours, note="Rajin")
    assert (rated.status, rated.behaviour_rating, rated.predicate) == ("rated", "sesuai", "baik")
    assert rated.rated_by == official_of(world.section_head)
    behaviours["kompeten"] = "di_atas"
    rated = services.rate_skp(actor=world.section_head, skp=skp, work="di_atas", behaviours=behaviours)
    assert (rated.behaviour_rating, rated.predicate) == ("di_atas", "sangat_baik")
    assert AuditRecord.objects.filter(about_pk=str(skp.pk), description__contains="dinilai").count() == 2


def test_a_rating_needs_every_value_and_only_the_superior_gives_it(world, seed):
    staff, user = staff_member(world)
    skp = staff_skp(world, staff, user)
    with pytest.raises(ValidationError) as refusal:
        services.rate_skp(actor=world.section_head, skp=skp, work="di_atas", behaviours={"akuntabel": "sesuai"})
    assert "behaviour_kompeten" in refusal.value.message_dict
    for actor in (user, world.planner, world.division_head, world.inspector):
        with pytest.raises(PermissionDenied):
            services.rate_skp(actor=actor, skp=skp, work="sesuai", behaviours=ALL_AS_EXPECTED)
    assert Skp.objects.get(pk=skp.pk).predicate == ""


def test_a_rated_skp_keeps_its_work_results(world, seed):
    staff, user = staff_member(world)
    parent = section_skp(world).results.first()
    skp = staff_skp(world, staff, user)
    result = services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text="Konsep")
    services.rate_skp(actor=world.section_head, skp=skp, work="sesuai", behaviours=ALL_AS_EXPECTED)
    with pytest.raises(ValidationError, match="sudah dinilai"):
        services.add_indicator(actor=user, result=result, aspect="waktu", name="Tepat", target=None, unit="")
    with pytest.raises(ValidationError, match="sudah dinilai"):
        services.remove_staff_result(actor=world.section_head, result=result)
    assert Rhk.objects.filter(pk=result.pk).exists()


def test_a_result_others_hang_on_is_not_removed(world, seed):
    staff, user = staff_member(world)
    other_staff, other_user = staff_member(world, "arsiparis", "staf2")
    own = section_skp(world)
    parent_skp = staff_skp(world, staff, user)
    with pytest.raises(ValidationError, match="halaman IKI"):
        services.remove_staff_result(actor=world.division_head, result=own.results.first())
    assert parent_skp and other_staff and other_user


def test_the_command_prepares_the_years_skp_of_every_holder_once(world, seed):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = StringIO()
    call_command("prepare_skp", "halut-diskominfo", "--year", "2022", stdout=out)
    prepared = Skp.objects.filter(position__agency=seed, year=YEAR)
    assert sorted(skp.position.code for skp in prepared) == sorted(
        ["kadis", "sekretaris", "kasi-tata-kelola", "kabid-persandian"]
    )
    section = prepared.get(position__code=SECTION)
    assert section.results.count() == PageIndicator.objects.filter(position=section.position).count()
    call_command("prepare_skp", "halut-diskominfo", "--year", "2022", stdout=out)
    assert Skp.objects.filter(position__agency=seed).count() == 4
    assert "4" in out.getvalue() and "0" in out.getvalue()
    with pytest.raises(CommandError, match="Renstra"):
        call_command("prepare_skp", "halut-diskominfo", "--year", "2030", stdout=out)
