"""Every list of the API costs a fixed number of queries whatever the page size and the data size: each is read
with a page of 2 and a page of 100 over several agencies and many targets, actuals and evidence files, under
the same bound (a query per row would break it)."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.actionplans.models import ActionItem, ActionProgress, ProgressEvidence
from kinerja.organisation.tests.factories import AssignmentFactory
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.tests.factories import PageIndicatorFactory

EXTRA_AGENCIES = 5
# list → the most queries it may cost (session and user 2, the caller's reach 2, count 1, then its own reads)
LIMITS = {
    "api-agency-list": 6,
    "api-unit-list": 6,
    "api-position-list": 8,
    "api-official-list": 7,
    "api-plan-list": 7,
    "api-objective-list": 6,
    "api-indicator-list": 6,
    "api-iki-page-list": 9,
    "api-target-list": 6,
    "api-actual-list": 7,
    "api-evidence-list": 6,
    "api-action-item-list": 7,
    "api-achievement-page-list": 11,
    "api-achievement-agency-list": 11,
}


@pytest.fixture
def many(seed, world):
    """Five more agencies, each with a plan, a page and a holder; a target, an actual and two evidence files for
    every indicator of the built-in agency, and an action with its progress and an evidence file."""
    for number in range(EXTRA_AGENCIES):
        row = PageIndicatorFactory(
            objective__plan__agency__region=seed.region,
            objective__plan__agency__code=f"dinas-{number}",
            indicator__count=True,
        )
        AssignmentFactory(position=row.position)
    indicators = list(Indicator.objects.filter(plan__agency=seed))
    Target.objects.bulk_create(Target(indicator=i, kind="year", year=2022, value=Decimal(10)) for i in indicators)
    actuals = Actual.objects.bulk_create(
        Actual(
            indicator=i,
            year=2022,
            quarter=1,
            value=Decimal(5),
            numerator=Decimal(1) if i.formula == "ratio" else None,
            denominator=Decimal(2) if i.formula == "ratio" else None,
        )
        for i in indicators
    )
    Evidence.objects.bulk_create(
        Evidence(
            actual=actual,
            file=f"evidence/2022/{actual.pk}-{n}.pdf",
            stored_name=f"{actual.pk}-{n}.pdf",
            original_name="bukti.pdf",
            kind="pdf",
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
        )
        for actual in actuals
        for n in range(2)
    )
    items = ActionItem.objects.bulk_create(
        ActionItem(indicator=i, year=2022, quarter=1, description=f"Aksi {i.code}") for i in indicators
    )
    progresses = ActionProgress.objects.bulk_create(ActionProgress(action=item, outcome="done") for item in items)
    ProgressEvidence.objects.bulk_create(
        ProgressEvidence(
            progress=entry,
            file=f"evidence/rencana-aksi/2022/{entry.pk}.pdf",
            stored_name=f"aksi-{entry.pk}.pdf",
            original_name="bukti.pdf",
            kind="pdf",
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
        )
        for entry in progresses
    )
    return len(indicators)


def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("admin-api", password="x-Admin-12345"))
    return client


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_a_list_costs_the_same_for_a_page_of_2_and_of_100(many, name, django_assert_max_num_queries):
    client = admin_client()
    query = {"year": 2022} if name.startswith("api-achievement") else {}
    with django_assert_max_num_queries(LIMITS[name]):
        small = client.get(reverse(name), {**query, "page_size": 2})
    with django_assert_max_num_queries(LIMITS[name]):
        large = client.get(reverse(name), {**query, "page_size": 100})
    assert small.status_code == large.status_code == 200
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) >= EXTRA_AGENCIES + 1  # the large page really is larger


def test_the_achievements_of_many_agencies_cost_the_same_as_of_one(many, django_assert_max_num_queries):
    client = admin_client()
    with django_assert_max_num_queries(LIMITS["api-achievement-agency-list"]):
        one = client.get(reverse("api-achievement-agency-list"), {"year": 2022, "page_size": 1})
    with django_assert_max_num_queries(LIMITS["api-achievement-agency-list"]):
        every = client.get(reverse("api-achievement-agency-list"), {"year": 2022, "page_size": 100}).json()
    assert one.status_code == 200 and every["count"] == len(every["results"]) == EXTRA_AGENCIES + 2
    rollups = {row["agency"]: row["rollup"] for row in every["results"]}
    rows = PageIndicator.objects.filter(position__agency__code="halut-diskominfo").count()
    assert (rollups["halut-diskominfo"]["counted"], rollups["halut-diskominfo"]["missing"]) == (rows, 0)
    assert (rollups["dinas-0"]["counted"], rollups["dinas-0"]["missing"]) == (0, 1)
