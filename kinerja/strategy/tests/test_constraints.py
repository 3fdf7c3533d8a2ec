"""Rules the database itself keeps, whatever writes to it."""

import pytest
from django.db import IntegrityError, transaction

from kinerja.strategy.models import Indicator, Objective, PageIndicator


def test_an_indicator_stands_once_on_a_page(seed):
    row = PageIndicator.objects.filter(position__code="kasubag-keuangan").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        PageIndicator.objects.create(position=row.position, objective=row.objective, indicator=row.indicator, order=99)


def test_indicator_codes_are_unique_per_plan(seed):
    indicator = Indicator.objects.filter(plan__agency=seed).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(
            plan=indicator.plan, code=indicator.code, name="x", formula="count", unit="Dokumen", quarter_rule="sum"
        )


def test_a_ratio_without_denominator_cannot_be_stored(seed):
    plan = seed.plans.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(
            plan=plan,
            code="R.X",
            name="x",
            formula="ratio",
            numerator="a",
            denominator="",
            factor=100,
            unit="Persen",
            quarter_rule="last",
        )


def test_a_performance_objective_needs_its_position(seed):
    plan = seed.plans.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Objective.objects.create(plan=plan, code="X.1", text="x", level="performance")
