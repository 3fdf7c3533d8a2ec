"""Loading an unchanged agency costs a fixed number of queries, whatever the agency's size (loader.py reads every
table once and writes only what changed)."""

import copy

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.workbook.xlsx import read_workbook, write_workbook
from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator
from kinerja.synthetic.region import generate_region

pytestmark = pytest.mark.django_db
UNCHANGED_LOAD = 40  # queries of a load that changes nothing


def _queries(data: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        report = load_agency_data(actor=None, data=data, source="ulang.xlsx")
    assert not report.changed
    return len(queries.captured_queries)


def _reloaded(agency: Agency) -> int:
    """The generated agency's own workbook, imported: it changes nothing (the generator writes what the loader
    would), and costs what the built-in agency costs."""
    return _queries(read_workbook(write_workbook(export_agency_data(agency)), source="lq.xlsx").data)


@pytest.mark.slow  # bulk: generated agencies or thousands of rows
def test_an_unchanged_load_costs_the_same_fixed_number_of_queries_for_a_small_and_a_big_agency(seed, settings_media):
    builtin = _queries(read_dataset(settings.KINERJA_BUILTIN_DATASET))
    generate_region("lq", agencies=3, seed=1, evidence_every=10)
    ranked = sorted(
        Agency.objects.filter(region__code="lq"), key=lambda a: Indicator.objects.filter(plan__agency=a).count()
    )
    small, big = (ranked[0], _reloaded(ranked[0])), (ranked[-1], _reloaded(ranked[-1]))
    sizes = [Indicator.objects.filter(plan__agency=a).count() for a in (seed, small[0], big[0])]
    print(
        f"unchanged load: built-in {builtin} queries ({sizes[0]} indicators), generated {small[1]} "
        f"({sizes[1]}) and {big[1]} ({sizes[2]})"
    )
    assert sizes[2] > 1.5 * sizes[1]
    assert builtin <= UNCHANGED_LOAD and big[1] <= UNCHANGED_LOAD
    assert small[1] == big[1]


@pytest.fixture
def settings_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_checks_no_clean_covers_are_problems_of_their_record_not_database_errors(seed):
    data = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    wrong = copy.deepcopy(data)
    wrong["assignments"][0]["end"] = "1999-01-01"
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=wrong, source="salah.yaml")
    assert [(p.record.split(" ")[0], p.field) for p in refused.value.problems] == [("assignments[1]", "end")]
    wrong = copy.deepcopy(data)
    wrong["plan"]["last_year"] = wrong["plan"]["first_year"]
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=wrong, source="salah.yaml")
    assert ("plan", "last_year") in [(p.record, p.field) for p in refused.value.problems]
