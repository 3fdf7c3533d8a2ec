"""Targets and actuals in the dataset: exported, loaded in bulk through the services' rules, round-tripped."""

import copy
from decimal import Decimal

import pytest

from kinerja.exchange.dataset_io import dump_dataset, parse_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.tests.test_dataset import empty_the_database
from kinerja.performance import services
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Indicator


def _figures(agency, actor=None) -> None:
    ratio = Indicator.objects.get(plan__agency=agency, code="IKU.5")
    count = Indicator.objects.filter(plan__agency=agency, formula=Indicator.Formula.COUNT).order_by("order").first()
    services.set_target(actor=actor, indicator=ratio, kind=Target.Kind.YEAR, year=2022, value=Decimal("60.5"))
    services.set_target(actor=actor, indicator=ratio, kind=Target.Kind.QUARTER, year=2022, quarter=2, value=Decimal(30))
    services.set_target(actor=actor, indicator=count, kind=Target.Kind.BASELINE, year=2021, value=Decimal(0))
    services.record_actual(
        actor=actor,
        indicator=ratio,
        year=2022,
        quarter=1,
        numerator=Decimal(3),
        denominator=Decimal(7),
        follow_up="Dilanjutkan.",
    )
    services.record_actual(actor=actor, indicator=count, year=2022, quarter=1, value=Decimal(0))


def test_targets_and_actuals_round_trip_through_an_empty_database(seed):
    _figures(seed)
    data = export_agency_data(seed)
    assert {"indicator": "IKU.5", "kind": "quarter", "year": 2022, "quarter": 2, "value": 30} in data["targets"]
    ratio_actual = next(row for row in data["actuals"] if row["indicator"] == "IKU.5")
    assert ratio_actual == {
        "indicator": "IKU.5",
        "year": 2022,
        "quarter": 1,
        "numerator": 3,
        "denominator": 7,
        "follow_up": "Dilanjutkan.",
    }
    assert any(row.get("value") == 0 for row in data["actuals"]), "a zero is a figure, not a missing one"
    first = dump_dataset(data)
    empty_the_database()
    report = load_agency_data(actor=None, data=parse_dataset(first, source="x.yaml"), source="x.yaml")
    assert (Target.objects.count(), Actual.objects.count()) == (3, 2)
    assert dump_dataset(export_agency_data(report.agency)) == first
    value = Actual.objects.get(indicator__code="IKU.5", year=2022, quarter=1).value
    assert value == services.stored_amount(Decimal(3) / Decimal(7) * 100), "a ratio's value is computed"
    again = load_agency_data(actor=None, data=parse_dataset(first, source="x.yaml"), source="x.yaml")
    assert not again.changed


def test_example_figures_are_not_exported(seed):
    ratio = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    services.set_target(
        actor=None, indicator=ratio, kind=Target.Kind.YEAR, year=2022, value=Decimal(1), is_example=True
    )
    assert "targets" not in export_agency_data(seed)


def _refused(data: dict) -> DatasetError:
    counts = (Target.objects.count(), Actual.objects.count())
    with pytest.raises(DatasetError) as caught:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    assert (Target.objects.count(), Actual.objects.count()) == counts
    return caught.value


def test_the_services_rules_refuse_every_wrong_figure_at_once(seed, world):
    _figures(seed)
    data = copy.deepcopy(export_agency_data(seed))
    data["targets"].append({"indicator": "IKU.5", "kind": "year", "year": 2031, "value": 1})
    data["actuals"].append({"indicator": "IKU.5", "year": 2022, "quarter": 3, "numerator": 4})
    data["actuals"].append({"indicator": "IKU.5", "year": 2022, "quarter": 4, "value": 4})
    data["targets"].append({"indicator": "TIDAK.ADA", "kind": "year", "year": 2022, "value": 1})
    error = _refused(data)
    found = {(p.record.split(" ")[0], p.field) for p in error.problems}
    assert ("targets[4]", "year") in found
    assert ("actuals[3]", "denominator") in found
    assert ("actuals[4]", "value") in found
    assert ("targets[5]", "indicator") in found
    assert len(error.problems) == 4, [str(p) for p in error.problems]


def test_a_dry_run_reports_and_writes_nothing(seed):
    data = copy.deepcopy(export_agency_data(seed))
    data["targets"] = [{"indicator": "IKU.5", "kind": "year", "year": 2022, "value": 50}]
    report = load_agency_data(actor=None, data=data, source="uji.yaml", dry_run=True)
    assert sum(report.created.values()) == 1
    assert not Target.objects.exists()
    data["agency"]["name"] = "Nama Baru"
    report = load_agency_data(actor=None, data=data, source="uji.yaml", dry_run=True)
    assert any(c.field == "name" and c.after == "Nama Baru" for c in report.changes)


def test_the_example_people_of_the_example_skp_are_not_exported(seed):
    """The example SKP's officials, staff positions and assignments (skp.ExampleRecord) are example data too: the
    export of an agency with its example figures loaded equals the export without them."""
    from kinerja.performance.example_data import clear_example_performance, load_example_performance
    from kinerja.skp.models import ExampleRecord

    without = export_agency_data(seed)
    load_example_performance(actor=None, agency=seed)
    assert ExampleRecord.objects.filter(agency=seed, official__isnull=False).exists()
    assert export_agency_data(seed) == without
    clear_example_performance(actor=None, agency=seed)
    assert export_agency_data(seed) == without
