"""The region key (issue 22 item 3, docs/scale.md §1): every door that creates a target, an actual, an evidence file
or an audit record writes the agency and region of its parent chain, and the migration's backfill fills them."""

import copy
import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from kinerja.core import audit
from kinerja.core.models import AuditRecord
from kinerja.evaluation import services as evaluation_services
from kinerja.evaluation.tests.conftest import answer_all, lke, under_evaluation  # noqa: F401 (fixtures)
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.organisation.models import Agency, Region
from kinerja.performance import region_keys, services
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.strategy.models import Indicator
from kinerja.synthetic.region import generate_region

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _keys(rows) -> set[tuple[int, int]]:
    return set(rows.values_list("agency_id", "region_id"))


def _records_of(agency: Agency):
    return AuditRecord.objects.filter(agency=agency)


def _assert_sound(agency: Agency) -> None:
    """Every keyed row of the agency carries the agency and its region, and none anywhere disagrees."""
    expected = {(agency.pk, agency.region_id)}
    assert _keys(Target.objects.filter(indicator__plan__agency=agency)) <= expected
    assert _keys(Actual.objects.filter(indicator__plan__agency=agency)) == expected
    assert region_keys.disagreeing() == {"target": 0, "actual": 0, "evidence": 0}
    assert set(_records_of(agency).values_list("region_id", flat=True)) == {agency.region_id}


def test_the_services_write_the_keys_of_the_indicator_into_targets_actuals_evidence_and_the_trail(
    world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    target = services.set_target(
        actor=world.planner, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50)
    )
    actual = services.record_actual(
        actor=world.head_of_agency,
        indicator=indicator,
        year=2022,
        quarter=1,
        numerator=Decimal(12),
        denominator=Decimal(196),
    )
    evidence = services.add_evidence(actor=world.head_of_agency, actual=actual, name="bukti.pdf", content=PDF)
    agency = world.agency
    for row in (target, actual, evidence):
        row.refresh_from_db()
        assert (row.agency_id, row.region_id) == (agency.pk, agency.region_id), row
    assert Evidence.objects.filter(pk=evidence.pk, agency=agency, region=agency.region).exists()
    _assert_sound(agency)
    assert _records_of(agency).filter(object_label="performance.evidence").get().region_id == agency.region_id


def test_the_evaluation_feeds_its_actual_and_its_link_evidence_with_the_keys(world, under_evaluation):  # noqa: F811
    answer_all(under_evaluation, world.inspector)
    evaluation_services.finalise(actor=world.inspector, evaluation=under_evaluation)
    actual = Actual.objects.get(indicator__plan__agency=world.agency, indicator__code="IKU.1", year=2022)
    evidence = actual.evidence.get()
    assert (evidence.agency_id, evidence.region_id) == (world.agency.pk, world.agency.region_id)
    _assert_sound(world.agency)


def test_the_loader_writes_the_keys_of_the_agency_it_loads_into_another_region(world):
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    services.set_target(actor=None, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50))
    services.record_actual(
        actor=None, indicator=indicator, year=2022, quarter=2, numerator=Decimal(7), denominator=Decimal(196)
    )
    data = copy.deepcopy(export_agency_data(world.agency))
    data["region"].update(code="kunci-lain", name="Kabupaten Kunci Lain")
    data["agency"].update(code="kunci-dinas", name="Dinas Kunci")
    report = load_agency_data(actor=None, data=data, source="kunci.yaml")
    loaded = report.agency
    assert loaded.region.code == "kunci-lain" and loaded.region_id != world.agency.region_id
    assert Actual.objects.filter(indicator__plan__agency=loaded).count() == 1
    _assert_sound(loaded)
    _assert_sound(world.agency)


@pytest.mark.slow  # bulk: a generated region
def test_the_generator_writes_the_keys_of_each_generated_agency(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    generate_region("gen-keys", agencies=2, seed=3, evidence_every=9)
    region = Region.objects.get(code="gen-keys")
    assert set(Actual.objects.filter(indicator__plan__agency__region=region).values_list("region_id", flat=True)) == {
        region.pk
    }
    for agency in Agency.objects.filter(region=region):
        assert _keys(Evidence.objects.filter(actual__indicator__plan__agency=agency)) == {(agency.pk, region.pk)}
        _assert_sound(agency)


def test_a_record_given_only_the_agency_key_gets_its_region_without_a_query_more(world, django_assert_num_queries):
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    with django_assert_num_queries(1):  # the INSERT itself: the region is a subquery in it
        entry = audit.record(
            actor=None, action="changed", obj=indicator, before={"a": 1}, after={"a": 2}, agency=world.agency.pk
        )
    assert entry.region_id == world.agency.region_id  # read back from the row when asked
    built = [
        audit.build(actor=None, action="changed", obj=indicator, before=None, after=None, agency=world.agency.pk),
        audit.build(actor=None, action="changed", obj=world.planner, before=None, after=None),
    ]
    AuditRecord.objects.bulk_create(built)
    regions = AuditRecord.objects.filter(pk__in=[entry.pk for entry in built]).order_by("pk")
    assert list(regions.values_list("region_id", flat=True)) == [world.agency.region_id, None]  # a user: none


def test_a_row_created_without_its_keys_gets_them_from_its_parent_chain(world):
    """The fallback for rows created around the doors (tests' shortcuts): save and bulk_create fill them."""
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    target = Target.objects.create(indicator=indicator, kind="year", year=2023, value=Decimal(1))
    (actual,) = Actual.objects.bulk_create([Actual(indicator=indicator, year=2023, quarter=1, value=Decimal(2))])
    evidence = Evidence.objects.create(actual=actual, stored_name="k.pdf", original_name="k.pdf", kind="pdf", size=1)
    for row in (target, actual, evidence):
        assert (row.agency_id, row.region_id) == (world.agency.pk, world.agency.region_id)


def test_the_migrations_backfill_sets_every_key_from_the_chain_in_one_statement_per_table(world):
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    services.set_target(actor=None, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50))
    actual = services.record_actual(
        actor=None, indicator=indicator, year=2022, quarter=2, numerator=Decimal(7), denominator=Decimal(196)
    )
    Evidence.objects.create(actual=actual, stored_name="b.pdf", original_name="b.pdf", kind="pdf", size=1)
    other = Region.objects.create(code="salah", name="Kabupaten Salah")
    stranger = Agency.objects.create(region=other, code="dinas-salah", name="Dinas Salah")
    for model in (Target, Actual, Evidence):
        model.objects.update(agency=stranger, region=other)  # wrong on purpose
    sqlite = connection.vendor == "sqlite"  # PostgreSQL's trigger refuses to fill an audit record's key again
    if sqlite:
        AuditRecord.objects.filter(agency=world.agency).update(region=None)
    assert region_keys.disagreeing() != {"target": 0, "actual": 0, "evidence": 0}
    performance = importlib.import_module("kinerja.performance.migrations.0008_backfill_region_keys")
    core = importlib.import_module("kinerja.core.migrations.0002_auditrecord_region")
    performance.backfill(apps, Statements())
    if sqlite:
        core.backfill(apps, Statements())
    _assert_sound(world.agency)
    assert not AuditRecord.objects.filter(agency=world.agency, region=None).exists()


class Statements:
    """What the backfill asks of a schema editor (its `execute`), inside the test's transaction."""

    def execute(self, sql: str, params=()) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def test_an_agency_the_administrator_moves_to_another_region_takes_its_rows_along(world):
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    services.set_target(actor=None, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50))
    data = copy.deepcopy(export_agency_data(world.agency))
    data["region"].update(code="wilayah-baru", name="Kabupaten Wilayah Baru")
    data["targets"].append({"indicator": "IKU.2", "kind": "year", "year": 2023, "value": 55})
    report = load_agency_data(actor=None, data=data, source="pindah.yaml")
    moved = Agency.objects.get(pk=world.agency.pk)
    assert report.agency.pk == moved.pk and moved.region.code == "wilayah-baru"
    assert _keys(Target.objects.filter(indicator=indicator)) == {(moved.pk, moved.region_id)}
    assert region_keys.disagreeing() == {"target": 0, "actual": 0, "evidence": 0}


def test_the_keys_stay_out_of_the_values_a_history_shows(world):
    """Nobody typed them: a target's record holds what the planner set, not its agency and region."""
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    target = services.set_target(
        actor=world.planner, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50)
    )
    entry = AuditRecord.objects.get(object_label="performance.target", object_pk=str(target.pk))
    assert entry.after["value"] == "50.0000"
    assert "agency" not in entry.after and "region" not in entry.after
    assert {change.field for change in audit.changes(entry)}.isdisjoint({"agency", "region"})


def test_the_nightly_verification_reports_rows_whose_keys_left_their_chain(world, capsys):
    """An agency moved around the loader (the organisation admin's form) leaves its rows behind: rollups_verify
    says so and fails."""
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.2")
    services.set_target(actor=None, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(50))
    call_command("rollups_verify", "--all")
    assert "0 kunci wilayah tidak sesuai" in capsys.readouterr().out
    Agency.objects.filter(pk=world.agency.pk).update(region=Region.objects.create(code="lain", name="Kab. Lain"))
    with pytest.raises(CommandError, match="1 kunci wilayah tidak sesuai"):
        call_command("rollups_verify", "--all")
    assert "kunci wilayah: 1 baris target tidak sesuai rantai induknya" in capsys.readouterr().err
